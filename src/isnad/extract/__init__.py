"""Who said what: entities, attributions, figures and dates of each article."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from isnad.arabic import Token, tokenize
from isnad.extract.attributions import find_attributions, source_kind
from isnad.extract.dates import find_dates
from isnad.extract.entities import find_entities, tagged_mentions
from isnad.extract.figures import find_figures
from isnad.model import Article, Attribution, Date, Entity, Figure


@dataclass
class Extraction:
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[Date] = field(default_factory=list)


def sentence_tokens(article: Article) -> list[list[Token]]:
    """The tokens of each sentence of the article: computed once and shared by every extractor."""
    return [tokenize(article.text, start, end) for start, end in article.sentences]


def extract(articles: Iterable[Article]) -> Extraction:
    """Entities (linked across articles), attributions, figures and dates of the given articles."""
    articles = list(articles)
    result = Extraction()
    tokens = {article.id: sentence_tokens(article) for article in articles}
    for article in articles:
        result.attributions += find_attributions(article, tokens[article.id])
        result.figures += find_figures(article, tokens[article.id])
        result.dates += find_dates(article)
    result.entities = find_entities(articles, result.attributions, tokens)
    return result


__all__ = [
    "Extraction",
    "extract",
    "find_attributions",
    "find_dates",
    "find_entities",
    "find_figures",
    "sentence_tokens",
    "source_kind",
    "tagged_mentions",
]
