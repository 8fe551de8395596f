"""`isnad serve`: a read-only web app over an isnad store (see `isnad.serve.app`)."""

from isnad.serve.app import create_app

__all__ = ["create_app"]
