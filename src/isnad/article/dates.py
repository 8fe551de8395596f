"""Dates each article names, resolved against its publication date where that is known."""

from __future__ import annotations

from collections.abc import Sequence

from isnad.arabic import Token, tokenize
from isnad.arabic.dates import dates_in_tokens
from isnad.model import Article, Date


def find_dates(article: Article, sentences: Sequence[list[Token]] | None = None) -> list[Date]:
    """Every date expression in the article's sentences, in text order (``sentences``: their
    tokens, when the caller has them already)."""
    if sentences is None:
        sentences = [tokenize(article.text, start, end) for start, end in article.sentences]
    return [
        Date(
            article_id=article.id,
            text=expr.text,
            span=(expr.start, expr.end),
            value=expr.iso,
            relative=expr.relative,
        )
        for tokens in sentences
        for expr in dates_in_tokens(article.text, tokens, article.published)
    ]
