"""Who said what: entities, attributions, figures and dates of each article."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from isnad.arabic import Token, entity_key, lexicon, tokenize
from isnad.article.attributions import find_attributions, source_kind
from isnad.article.dates import find_dates
from isnad.article.entities import find_entities, tagged_mentions
from isnad.article.figures import find_figures
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
    """Entities (linked across articles), attributions, figures and dates of the given articles.

    An article without a known outlet that names itself as the translator of what it reports
    (``الذي ترجمته عربي21``) gets that outlet.
    """
    articles = list(articles)
    result = Extraction()
    tokens = {article.id: sentence_tokens(article) for article in articles}
    for article in articles:
        if article.outlet is None:
            article.outlet = translating_outlet(tokens[article.id])
        result.attributions += find_attributions(article, tokens[article.id])
        result.figures += find_figures(article, tokens[article.id])
        result.dates += find_dates(article, tokens[article.id])
    result.entities = find_entities(articles, result.attributions, tokens)
    result.attributions = link_sources(result.attributions, result.entities)
    return result


def translating_outlet(sentences: Sequence[list[Token]]) -> str | None:
    """The known outlet named right after a verb of translating or seeing: ترجمته "عربي21"."""
    for tokens in sentences:
        for i, token in enumerate(tokens):
            if token.norm not in lexicon.TRANSLATED_BY:
                continue
            words = [t.norm for t in tokens[i + 1 : i + 4] if t.kind != "punct"]
            for length in (3, 2, 1):
                outlet = lexicon.outlet_spelled(words[:length])
                if outlet:
                    return outlet
    return None


def link_sources(attributions: list[Attribution], entities: list[Entity]) -> list[Attribution]:
    """Attributions whose canonical source names an entity get the entity's canonical name, so a
    source and its mentions agree (اريستيدو -> ستيفن أريستيدو)."""
    by_key: dict[str, str] = {}
    for entity in entities:
        if entity.type in ("PER", "ORG"):
            for mention in entity.mentions:
                by_key.setdefault(entity_key(mention.text), entity.canonical)
    return [
        replace(a, source_canonical=by_key.get(entity_key(a.source_canonical), a.source_canonical))
        for a in attributions
    ]


__all__ = [
    "Extraction",
    "extract",
    "find_attributions",
    "find_dates",
    "find_entities",
    "find_figures",
    "link_sources",
    "sentence_tokens",
    "source_kind",
    "tagged_mentions",
    "translating_outlet",
]
