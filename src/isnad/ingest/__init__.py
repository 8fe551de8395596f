"""Ingest: messy article files in, clean `isnad.model.Article`s (or `Problem`s saying why not) out."""

from isnad.ingest.encoding import IngestError, decode
from isnad.ingest.layout import build_article
from isnad.ingest.readers import DEFAULT_MAX_BYTES, read_file, read_paths

__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "build_article", "decode", "read_file", "read_paths"]
