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
from functools import lru_cache

from isnad.arabic import (
    NumberExpr,
    Token,
    find_numbers,
    lexicon,
    normalize,
    particle_forms,
    strip_definite,
    strip_particles,
    tokenize,
)
from isnad.arabic.markets import ends_an_index_name
from isnad.model import Article, Figure

PREDICATE_WINDOW_AFTER = 10  # tokens after the number where its verb may stand
PREDICATE_WINDOW_BEFORE = 4
ANAPHOR_WINDOW_BEFORE = 12  # how far back "their number" may point for the group's verb
_MEASURES = {"year", "month", "day", "point"}  # units nothing is claimed of: an age, an index level
_CLAUSE_MARKS = frozenset("،,؛;")


def find_figures(article: Article, sentences: Sequence[list[Token]] | None = None) -> list[Figure]:
    """Every figure of the article's sentences (``sentences``: their tokens, when known already)."""
    figures: list[Figure] = []
    if sentences is None:
        sentences = [tokenize(article.text, start, end) for start, end in article.sentences]
    for (start, end), tokens in zip(article.sentences, sentences, strict=True):
        for number in find_numbers(article.text, start, end, tokens=tokens):
            if number.is_year or _not_a_reading(tokens, number):
                continue
            unit = _unit(number)
            figures.append(
                Figure(
                    article_id=article.id,
                    value=number.value,
                    approx=number.approx,
                    unit=unit,
                    subject=number.counted or _partitive(tokens, number),
                    # A duration, an age (46 عاما) or an index level is not a group anything
                    # happened to.
                    predicate=None if unit in _MEASURES else _predicate(tokens, number),
                    span=(number.start, number.end),
                    text=number.text,
                )
            )
    return figures


def _not_a_reading(tokens: list[Token], number: NumberExpr) -> bool:
    """ "يوروفرست 300": the number is part of an index's name; "فوق حاجز 50 دولارا": a threshold
    crossed, not a value reported."""
    before = bisect_right(tokens, number.start, key=lambda t: t.end) - 1
    if before < 0:
        return False
    word = strip_particles(tokens[before].norm)
    return ends_an_index_name(word) or word in lexicon.THRESHOLDS


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
    return _predicate_label(token.norm)


@lru_cache(maxsize=1 << 16)
def _predicate_label(norm: str) -> str | None:
    # Cached: the words around every number are asked about, and words repeat.
    forms = particle_forms(norm)
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
    before = [
        i
        for i in range(last_before, max(last_before - ANAPHOR_WINDOW_BEFORE, -1), -1)
        if tokens[i].text not in lexicon.QUOTE_MARKS
    ]
    clause = before[: next((n for n, i in enumerate(before) if tokens[i].text in _CLAUSE_MARKS), len(before))]
    verb_before = _first_predicate(tokens, clause[:PREDICATE_WINDOW_BEFORE])
    after = []
    for i in range(first_after, min(first_after + PREDICATE_WINDOW_AFTER, len(tokens))):
        # The verb after a number is in its clause, which a link or a comma and a conjunction
        # close: "12 حوثيا سقطوا قتلى، فيما أصيب 18" (the wounded are the next figure's), "المئات
        # من عناصر المقاومة ...، فبادروا بالهرب" (the fleeing is said of the sentence's subject);
        # a comma alone does not ("1700 مقاتل من فرنسا، سافروا").
        if tokens[i].norm in lexicon.CLAUSE_LINKS or (
            tokens[i].text in _CLAUSE_MARKS and i + 1 < len(tokens) and _conjunction(tokens[i + 1])
        ):
            break
        # A verb with و after the counted noun opens a clause of its own ("قتل فيه نحو 30 شخصا
        # وأصيب العشرات": the wounded are others) when the number's clause has a verb before it.
        if verb_before is not None and _conjunction(tokens[i]) and predicate_of(tokens[i]):
            break
        after.append(i)
    # "بينهم خمسة", "إضافة إلى ثلاثة": part of the group before, or added to it, whose verb comes
    # first (a verbal noun after the number, في عملية احتجاز الرهائن, is the circumstance, not
    # what happened to the five).
    joined = _joins_group_before(tokens, before)
    if joined:
        label = _first_predicate(tokens, before[joined:ANAPHOR_WINDOW_BEFORE])
        if label is not None:
            return label
    # A verbal noun right before the number governs it ("استشهاد عشرة ... وإصابة تسعة"): it comes
    # first, before a verb further on that belongs to the next figure.
    near = clause[:1] + after + clause[1:PREDICATE_WINDOW_BEFORE]
    label = _first_predicate(tokens, near)
    anaphor = next(
        (
            n
            for n, i in enumerate(clause[:PREDICATE_WINDOW_BEFORE])
            if tokens[i].norm in lexicon.COUNT_ANAPHORS
        ),
        None,
    )
    if label is None and anaphor is not None:
        # "Their number" points back past the clause to the group's verb ("... سافروا، ويقدر
        # عددهم بنحو 250"), unless the clause names the group itself ("قتلوا، و80% من السكان
        # البالغ عددهم 21 مليون": the population, of whom nothing is claimed).
        named_here = any(
            tokens[i].norm.startswith("ال") and len(tokens[i].norm) > 4 for i in clause[anaphor + 1 :]
        )
        window = clause if named_here else before
        label = _first_predicate(tokens, window[PREDICATE_WINDOW_BEFORE:ANAPHOR_WINDOW_BEFORE])
    return label


def _joins_group_before(tokens: list[Token], before: list[int]) -> int:
    """How many words before a number join it to the group counted before them (بينهم؛ إضافة
    إلى), else 0."""
    words = [tokens[i].norm for i in before[:2]]
    if words and lexicon.AMONG_THEM & set(particle_forms(words[0])):
        return 1
    if words and words[0] in lexicon.IN_ADDITION:
        return 1  # "إضافة لثلاثة عاملين": the preposition glued to the number
    if len(words) == 2 and words[0] in lexicon.ADDED_TO and words[1] in lexicon.IN_ADDITION:
        return 2
    return 0


def _conjunction(token: Token) -> bool:
    """Whether a word opens with the conjunction و or ف (وأصيب، فبادروا): a new clause."""
    return token.norm.startswith(("و", "ف")) and token.norm[1:] in particle_forms(token.norm)


def _first_predicate(tokens: list[Token], order: list[int]) -> str | None:
    for i in order:
        if tokens[i].norm in {".", ";", ":"}:
            continue
        label = predicate_of(tokens[i])
        if label:
            negated = i > 0 and tokens[i - 1].norm in lexicon.NEGATIONS
            return f"not {label}" if negated else label
    return None
