"""Who said what: entities, attributions and figures of each article."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from isnad.extract.attributions import find_attributions, source_kind
from isnad.extract.entities import find_entities
from isnad.extract.figures import find_figures
from isnad.model import Article, Attribution, Entity, Figure


@dataclass
class Extraction:
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


def extract(articles: Iterable[Article]) -> Extraction:
    """Entities (linked across articles), attributions and figures of the given articles."""
    articles = list(articles)
    result = Extraction()
    for article in articles:
        result.attributions += find_attributions(article)
        result.figures += find_figures(article)
    result.entities = find_entities(articles, result.attributions)
    return result


__all__ = ["Extraction", "extract", "find_attributions", "find_entities", "find_figures", "source_kind"]
