"""Who said what: entities, attributions, figures and dates of each article."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from isnad.arabic import Token, entity_key, lexicon
from isnad.article.attributions import find_attributions, source_kind
from isnad.article.dates import find_dates
from isnad.article.doc import Doc
from isnad.article.entities import Found, article_mentions, find_entities, link_mentions, tagged_mentions
from isnad.article.figures import find_figures
from isnad.model import Article, Attribution, Date, Entity, Figure


@dataclass
class Extraction:
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[Date] = field(default_factory=list)


@dataclass
class ArticleExtraction:
    """What the extractors find in one article; entities are linked across articles later."""

    attributions: list[Attribution]
    figures: list[Figure]
    dates: list[Date]
    mentions: list[Found]


def sentence_tokens(article: Article) -> list[list[Token]]:
    """The tokens of each sentence of the article (from its `Doc`, tokenised once)."""
    return Doc(article).sentence_tokens


def settle_outlet(doc: Doc) -> None:
    """An article without a known outlet that names itself as the translator of what it reports
    (``الذي ترجمته عربي21``) gets that outlet; done once, before any stage reads the outlet."""
    if doc.article.outlet is None:
        doc.article.outlet = translating_outlet(doc.sentence_tokens)


def extract_article(doc: Doc) -> ArticleExtraction:
    """Attributions, figures, dates and entity mentions of one article (its outlet settled)."""
    article, sentences = doc.article, doc.sentence_tokens
    settle_outlet(doc)
    return ArticleExtraction(
        attributions=find_attributions(article, sentences),
        figures=find_figures(article, sentences),
        dates=find_dates(article, sentences),
        mentions=article_mentions(article, sentences),
    )


def combine(found: Iterable[ArticleExtraction]) -> Extraction:
    """The extraction of a corpus from its articles' extractions: entities linked across them."""
    result = Extraction()
    mentions: list[Found] = []
    for one in found:
        result.attributions += one.attributions
        result.figures += one.figures
        result.dates += one.dates
        mentions += one.mentions
    result.entities = link_mentions(mentions)
    result.attributions = link_sources(result.attributions, result.entities)
    return result


def extract(articles: Iterable[Article | Doc]) -> Extraction:
    """Entities (linked across articles), attributions, figures and dates of the given articles."""
    docs = [a if isinstance(a, Doc) else Doc(a) for a in articles]
    return combine(extract_article(doc) for doc in docs)


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
    "ArticleExtraction",
    "Extraction",
    "combine",
    "extract",
    "extract_article",
    "find_attributions",
    "find_dates",
    "find_entities",
    "find_figures",
    "link_sources",
    "sentence_tokens",
    "settle_outlet",
    "source_kind",
    "tagged_mentions",
    "translating_outlet",
]
