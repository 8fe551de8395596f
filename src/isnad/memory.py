"""Process memory: what a long run gives back between stages."""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector inside a ``with`` block.

    The text layer and the stored records make millions of small objects and almost no reference
    cycles (adding a real day to a store leaves about 3,000 objects in cycles). Left on, the
    collector scans the objects made so far again and again: about half the time of making
    a store's worth of Docs again, a third of the whole `isnad add` of a day."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
