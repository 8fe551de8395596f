"""Corpus-wide records indexed once by article, so each event's stage reads only its own.

The per-event stages (compare, framing, provenance) used to filter every figure, attribution or
reuse link of the corpus for each event: events times records, quadratic in the corpus. Indexed
once, an event costs what its own articles hold. Records come back in their corpus order, so a
stage sees exactly the list the full scan would have given it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Generic, Protocol, TypeVar

from isnad.model import ReuseLink


class _OfArticle(Protocol):
    @property
    def article_id(self) -> str: ...


R = TypeVar("R", bound=_OfArticle)


class ByArticle(Generic[R]):
    """Records that belong to one article each (figures, attributions), by article."""

    def __init__(self, records: Iterable[R]) -> None:
        self._records = list(records)
        self._positions: dict[str, list[int]] = defaultdict(list)
        for n, record in enumerate(self._records):
            self._positions[record.article_id].append(n)

    def of(self, article_ids: Iterable[str]) -> list[R]:
        """The records of these articles, in corpus order."""
        wanted = set(article_ids)
        positions = sorted(n for a in wanted for n in self._positions.get(a, ()))
        return [self._records[n] for n in positions]


class LinksByArticle:
    """Reuse links by the articles they join."""

    def __init__(self, links: Sequence[ReuseLink]) -> None:
        self._links = list(links)
        self._positions: dict[str, list[int]] = defaultdict(list)
        for n, link in enumerate(self._links):
            self._positions[link.a].append(n)

    def within(self, article_ids: Iterable[str]) -> list[ReuseLink]:
        """The links whose two articles are both among these, in corpus order."""
        wanted = set(article_ids)
        positions = sorted(
            n for a in wanted for n in self._positions.get(a, ()) if self._links[n].b in wanted
        )
        return [self._links[n] for n in positions]
