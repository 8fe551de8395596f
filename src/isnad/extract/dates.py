"""Dates each article names, resolved against its publication date where that is known."""

from __future__ import annotations

from isnad.arabic.dates import find_dates as find_date_expressions
from isnad.model import Article, Date


def find_dates(article: Article) -> list[Date]:
    """Every date expression in the article's sentences, in text order."""
    return [
        Date(
            article_id=article.id,
            text=expr.text,
            span=(expr.start, expr.end),
            value=expr.iso,
            relative=expr.relative,
        )
        for start, end in article.sentences
        for expr in find_date_expressions(article.text, start, end, article.published)
    ]
