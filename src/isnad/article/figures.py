"""Figures: each number an article reports, what it counts and what is claimed about it.

The text layer finds number expressions (digits of any script, number words, hedges such as
نحو / أكثر من) with the noun they count; this module adds the unit and the claim: the verb of
what happened to the counted group (travelled, returned, killed, ...), looked for first after the
number within its clause, then before it, and negated when a negation stands right before it.
When the number gives "their number" (ويقدر عددهم بنحو 250), the verb is looked for further back,
in the clause that named the group.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from isnad.arabic import (
    NumberExpr,
    Token,
    find_numbers,
    lexicon,
    normalize,
    particle_forms,
    strip_definite,
    tokenize,
)
from isnad.model import Article, Figure

PREDICATE_WINDOW_AFTER = 10  # tokens after the number where its verb may stand
PREDICATE_WINDOW_BEFORE = 4
ANAPHOR_WINDOW_BEFORE = 12  # how far back "their number" may point for the group's verb
_DURATIONS = {"year", "month", "day"}


def find_figures(article: Article, sentences: Sequence[list[Token]] | None = None) -> list[Figure]:
    """Every figure of the article's sentences (``sentences``: their tokens, when known already)."""
    figures: list[Figure] = []
    if sentences is None:
        sentences = [tokenize(article.text, start, end) for start, end in article.sentences]
    for (start, end), tokens in zip(article.sentences, sentences, strict=True):
        for number in find_numbers(article.text, start, end, tokens=tokens):
            if number.is_year:
                continue
            unit = _unit(number)
            figures.append(
                Figure(
                    article_id=article.id,
                    value=number.value,
                    approx=number.approx,
                    unit=unit,
                    subject=number.counted or _partitive(tokens, number),
                    # A duration or an age (46 عاما) is not a group anything happened to.
                    predicate=None if unit in _DURATIONS else _predicate(tokens, number),
                    span=(number.start, number.end),
                    text=number.text,
                )
            )
    return figures


def _partitive(tokens: list[Token], number: NumberExpr) -> str | None:
    """ "25 ألفا منهم": the pronoun that stands for the counted group, as written."""
    # The expression's span may run past the pronoun to a trailing hedge: "200 منهم تقريبا".
    first = bisect_right(tokens, number.start, key=lambda t: t.start)
    following = tokens[first : first + 3]
    for token in following:
        if token.norm in lexicon.PARTITIVES:
            return token.text
    return None


def _unit(number: NumberExpr) -> str | None:
    if number.is_percent:
        return "percent"
    if number.is_fraction:
        return "fraction"
    if number.counted:
        counted = normalize(number.counted)
        for unit, words in lexicon.UNIT_WORDS.items():
            if counted in words:
                return unit
    return None


def predicate_of(token: Token) -> str | None:
    """The claim label of a verb or verbal noun token, looking through glued particles and ال."""
    forms = particle_forms(token.norm)
    candidates = [*forms, *(strip_definite(w) for w in forms)]
    for label, words in lexicon.PREDICATES.items():
        if any(c in words for c in candidates):
            return label
    return None


def _predicate(tokens: list[Token], number: NumberExpr) -> str | None:
    # Fixed windows around the number, found by bisection: the work per number does not grow with
    # the sentence (tokens are in text order and do not overlap, so starts and ends both ascend).
    first_after = bisect_left(tokens, number.end, key=lambda t: t.start)
    last_before = bisect_right(tokens, number.start, key=lambda t: t.end) - 1
    after = list(range(first_after, min(first_after + PREDICATE_WINDOW_AFTER, len(tokens))))
    before = list(range(last_before, max(last_before - ANAPHOR_WINDOW_BEFORE, -1), -1))
    # "بينهم خمسة": part of the group before, whose verb comes first (a verbal noun after the
    # number, في عملية احتجاز الرهائن, is the circumstance, not what happened to the five).
    if before and lexicon.AMONG_THEM & set(particle_forms(tokens[before[0]].norm)):
        label = _first_predicate(tokens, before[1:ANAPHOR_WINDOW_BEFORE])
        if label is not None:
            return label
    # A verbal noun right before the number governs it ("استشهاد عشرة ... وإصابة تسعة"): it comes
    # first, before a verb further on that belongs to the next figure.
    near = before[:1] + after[:PREDICATE_WINDOW_AFTER] + before[1:PREDICATE_WINDOW_BEFORE]
    label = _first_predicate(tokens, near)
    if label is None and any(
        tokens[i].norm in lexicon.COUNT_ANAPHORS for i in before[:PREDICATE_WINDOW_BEFORE]
    ):
        label = _first_predicate(tokens, before[PREDICATE_WINDOW_BEFORE:ANAPHOR_WINDOW_BEFORE])
    return label


def _first_predicate(tokens: list[Token], order: list[int]) -> str | None:
    for i in order:
        if tokens[i].norm in {".", ";", ":"}:
            continue
        label = predicate_of(tokens[i])
        if label:
            negated = i > 0 and tokens[i - 1].norm in lexicon.NEGATIONS
            return f"not {label}" if negated else label
    return None
