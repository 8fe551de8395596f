"""Process memory: what a long run gives back between stages."""

from __future__ import annotations

import ctypes
import sys
from functools import cache


def trim_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's ``malloc_trim``; nothing elsewhere).

    A stage that made and dropped many objects leaves the heap fragmented: without this, the
    process keeps the peak of every stage it ran, and the next stage's peak comes on top."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


@cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim  # noqa: B018 (musl and others have no malloc_trim)
    except (OSError, AttributeError):
        return None
    return libc
