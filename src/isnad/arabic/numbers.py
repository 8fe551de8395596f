"""Numbers as Arabic news writes them: digits, number words, hedges and the noun counted.

``find_numbers`` reads the tokens of a text and returns one `NumberExpr` per expression:

* digits of any script with separators (1,700  ١٫٥  1.700), optionally followed by a scale
  word (30 ألف, 5 آلاف, 1.5 مليار) and a percent (20%, 20 في المئة, 20 بالمئة);
* cardinal number words, compounds included (ثلاثة آلاف, خمسة وعشرين, ثلاث مئة);
* words of magnitude (عشرات, مئات, آلاف, ملايين; بضع عشرات), whose value is the magnitude
  itself (عشرات = 10) and whose ``approx`` is the word;
* fractions (نصف, ثلث, ربع, ثلثي), flagged ``is_fraction``; ونصف after a number adds a half
  (7 سنوات ونصف السنة = 7.5);
* a hedge before the number (نحو, حوالي, أكثر من, ما يصل إلى, ...) or after it (تقريبا,
  على الأقل), kept in ``approx`` in its canonical matching form;
* the noun counted: the content word right after the number, after من (2 من معاقله), after a
  demonstrative for fractions (نصف هؤلاء البريطانيين), or before واحد/اثنين, which follow
  their noun (بريطانيين اثنين).

Years (a four-digit 1900-2100 after عام, سنة, a month name, منذ, في, ... or in a date) are
found too but flagged ``is_year`` and get no counted noun.

Separators: a comma, or a period followed by exactly three digits, groups thousands (1,700 and
1.700 are both 1700, as Arabic news writes them); any other period or comma is a decimal
point (1.5, 1,25). With both, the last one is the decimal point (1.700,5 and 1,700.5).

The number-word tables are written here rather than taken from PyArabic, which is GPL.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from isnad.arabic.morphology import split_clitics
from isnad.arabic.normalize import normalize, word_set
from isnad.arabic.stopwords import STOPWORDS
from isnad.arabic.tokens import Token, tokenize


@dataclass(frozen=True)
class NumberExpr:
    """One number expression; ``start``/``end`` cover hedge, number and counted noun in the original."""

    value: float
    approx: str | None
    start: int
    end: int
    text: str
    counted: str | None = None
    counted_span: tuple[int, int] | None = None
    is_year: bool = False
    is_fraction: bool = False
    is_percent: bool = False


def _forms(words: str, value: float) -> dict[str, float]:
    return {normalize(word): float(value) for word in words.split()}


_UNITS: dict[str, float] = {
    **_forms("واحد واحدة", 1),
    **_forms("اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي", 2),
    **_forms("ثلاث ثلاثة", 3),
    **_forms("أربع أربعة", 4),
    **_forms("خمس خمسة", 5),
    **_forms("ست ستة", 6),
    **_forms("سبع سبعة", 7),
    **_forms("ثمان ثماني ثمانية", 8),
    **_forms("تسع تسعة", 9),
    **_forms("عشر عشرة", 10),
}
# واحد and اثنان follow the noun they count (بريطانيين اثنين), unlike the other numbers.
_POSTPOSED = word_set("واحد واحدة اثنان اثنين اثنتان اثنتين")
_ONE_BEFORE_TEN = word_set("أحد إحدى")  # only in أحد عشر
_TENS: dict[str, float] = {
    normalize(stem + ending): value
    for stem, value in (
        ("عشر", 20),
        ("ثلاث", 30),
        ("أربع", 40),
        ("خمس", 50),
        ("ست", 60),
        ("سبع", 70),
        ("ثمان", 80),
    )
    for ending in ("ون", "ين")
} | _forms("تسعون تسعين", 90)
_HUNDRED = _forms("مئة مائة", 100)
_HUNDREDS: dict[str, float] = (
    _HUNDRED
    | _forms("مئتان مئتين مائتان مائتين مئتا مئتي مائتا مائتي", 200)
    | {
        normalize(unit + hundred): _UNITS[normalize(unit)] * 100
        for unit in ("ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع")
        for hundred in ("مئة", "مائة")
    }
)
_SCALES: dict[str, float] = {
    **_forms("ألف ألفا آلاف", 1e3),
    **_forms("مليون مليونا ملايين", 1e6),
    **_forms("مليار مليارا مليارات بليون بليونا بلايين", 1e9),
    **_forms("تريليون ترليون تريليونا تريليونات", 1e12),
}
_DUAL_SCALES: dict[str, float] = {
    **_forms("ألفان ألفين", 2e3),
    **_forms("مليونان مليونين", 2e6),
    **_forms("ملياران مليارين", 2e9),
}
_MAGNITUDES: dict[str, float] = {
    **_forms("عشرات", 10),
    **_forms("مئات مئات", 100),
    **_forms("آلاف ألوف", 1e3),
    **_forms("ملايين", 1e6),
    **_forms("مليارات", 1e9),
}
_FEW = word_set("بضع بضعة")
FEW_VALUE = 3.0  # بضعة أيام: "a few" is three to nine; the smallest reading is reported
_FRACTIONS: dict[str, float] = {**_forms("نصف", 0.5), **_forms("ثلث", 1 / 3), **_forms("ربع", 0.25)}
_FRACTIONS |= _forms("ثلثي ثلثا", 2 / 3)
_HALF = normalize("نصف")
_PERCENT_WORDS = tuple(
    tuple(normalize(w) for w in p.split()) for p in ("في المئة", "في المائة", "بالمئة", "بالمائة")
)
_PERCENT_SIGN = "%"

# Hedges before a number, canonical form first, then the spellings that mean it.
_HEDGES_BEFORE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("نحو", ("نحو",)),
    ("حوالي", ("حوالي", "حوالى")),
    ("قرابة", ("قرابة",)),
    ("زهاء", ("زهاء",)),
    ("أكثر من", ("أكثر من", "ما يزيد على", "ما يزيد عن", "أزيد من", "ما يربو على", "يزيد على", "يزيد عن")),
    ("أقل من", ("أقل من", "ما يقل عن")),
    ("ما يصل إلى", ("ما يصل إلى", "يصل إلى")),
    ("ما يقارب", ("ما يقارب", "ما يقارب من", "ما يقرب من", "يقارب", "يقرب من")),
    ("على الأقل", ("على الأقل", "ما لا يقل عن", "لا يقل عن")),
    ("يناهز", ("يناهز", "ما يناهز")),
    ("تقريبا", ("تقريبا",)),
)
_HEDGES_AFTER = (("تقريبا", ("تقريبا",)), ("على الأقل", ("على الأقل",)))
POSTPOSED_HEDGE_WINDOW = (
    4  # words between a number and a hedge that follows it (250 أجنبيا مؤيدا لداعش على الأقل)
)


def _hedge_table(hedges: Iterable[tuple[str, tuple[str, ...]]]) -> list[tuple[tuple[str, ...], str]]:
    table = [
        (tuple(normalize(word) for word in spelling.split()), normalize(canonical))
        for canonical, spellings in hedges
        for spelling in spellings
    ]
    return sorted(table, key=lambda entry: -len(entry[0]))


_HEDGE_BEFORE_TABLE = _hedge_table(_HEDGES_BEFORE)
_HEDGE_AFTER_TABLE = _hedge_table(_HEDGES_AFTER)
_HEDGE_WORDS = frozenset(word for words, _ in _HEDGE_BEFORE_TABLE for word in words)
# The forms the word right before a number takes when a hedge ends there: the last word of a
# longer hedge, a one-word hedge with or without a glued و، ب or ل (see `_hedge_before`).
_HEDGE_LAST_FORMS = frozenset(
    form
    for words, _ in _HEDGE_BEFORE_TABLE
    for form in ([words[-1]] if len(words) > 1 else [words[0], *(c + words[0] for c in "وبل")])
)

_MONTHS = word_set("""
    يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يونيه يوليو يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
    كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين جانفي فيفري أفريل ماي جوان جويلية أوت
    محرم جمادى رجب شعبان رمضان شوال
    """)
_BEFORE_CHRIST = ("ق", ".", "م")
_ORDINALS = word_set("حادي ثاني ثالث رابع خامس سادس سابع ثامن تاسع حادية ثانية ثالثة رابعة")
_ERA_MARKS = frozenset(("م", "ه", "ق"))
_MONTH_ORDINALS = word_set("الأول الثاني")  # كانون الثاني
_YEAR_WORDS = word_set("عام العام سنة السنة")
# Words after which a bare four-digit number is a year when no noun follows it (منذ 2014, في 2013).
_YEAR_PREPOSITIONS = word_set(
    "في منذ حتى مطلع أواخر أوائل أواسط منتصف بداية نهاية خريف ربيع صيف شتاء قبل بعد"
)
_DEMONSTRATIVES = word_set("هؤلاء هذه هذا هذين هذان تلك ذلك أولئك")
_OF = normalize("من")
_AND = "و"
_CLITICS = ("و", "ب", "ل", "ف", "وب", "ول", "فب")  # not ك: كمية is not ك + مية (مئة)
_ARTICLE = "ال"
_ARTICLE_CLITICS = (_ARTICLE, "وال", "بال", "لل")
_NUMBER_WORDS = frozenset(
    [*_UNITS, *_TENS, *_HUNDREDS, *_SCALES, *_DUAL_SCALES, *_MAGNITUDES, *_FEW, *_FRACTIONS, *_ONE_BEFORE_TEN]
)
# Every way a number word can begin an expression, clitics and article included: most tokens
# are ruled out with one set lookup.
_STARTERS = frozenset(
    prefix + word
    for word in _NUMBER_WORDS
    for prefix in ("", *_CLITICS, *_ARTICLE_CLITICS)
    if not prefix or prefix + word not in STOPWORDS  # لست is "you are not", not ل + ست
)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
YEAR_RANGE = (1900, 2100)
MAX_DAY = 31
# The largest value read as a figure. News counts and sums stay far below it (the world's yearly
# output is about 1e14 dollars; hyperinflation banknotes reach 1e14 too); a longer run of digits
# is an identifier or noise, and past about 309 digits a float is infinite, which no JSON holds.
MAX_VALUE = 1e18


def parse_number(s: str) -> float | None:
    """The value of a number written in digits (any script, any separators) or in words.

    ``"1,700"`` -> 1700, ``"١٫٥"`` -> 1.5, ``"ثلاثة آلاف"`` -> 3000, ``"2 مليون"`` -> 2000000,
    ``"20%"`` -> 20; ``None`` when ``s`` is not a number.
    """
    norm = normalize(s).strip()
    if _DIGITS.fullmatch(norm):
        value = _parse_digits(norm)
        return value if value is not None and _plausible(value) else None
    tokens = tokenize(norm)
    if not tokens:
        return None
    core = _core_at(tokens, 0)
    if core is None:
        return None
    rest = tokens[core.end :]
    end = _percent_end(tokens, core.end) if rest else core.end
    return core.value if end == len(tokens) and _plausible(core.value) else None


def find_numbers(
    text: str, start: int = 0, end: int | None = None, tokens: Sequence[Token] | None = None
) -> list[NumberExpr]:
    """Every number expression in ``text[start:end]``, with offsets into ``text``.

    ``tokens``, when the caller has them already (an article's `Doc`), are the tokens of that
    range: they are split at line breaks instead of tokenising the text again.
    """
    end = len(text) if end is None else end
    if tokens is not None:
        return [n for line in _lines(text, tokens) for n in _numbers_in_line(text, line)]
    found: list[NumberExpr] = []
    # No expression runs over a line break: a number ending one line and a word starting the
    # next (tables, lists, headings) are not a number and its noun.
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        found.extend(_numbers_in_line(text, tokenize(text, line_start, line_end)))
        line_start = line_end + 1
    return found


def _lines(text: str, tokens: Sequence[Token]) -> Iterator[list[Token]]:
    """The tokens split where a line break lies between two of them (no token holds one)."""
    line: list[Token] = []
    for token in tokens:
        if line and "\n" in text[line[-1].end : token.start]:
            yield line
            line = []
        line.append(token)
    if line:
        yield line


def _numbers_in_line(text: str, tokens: list[Token]) -> list[NumberExpr]:
    found: list[NumberExpr] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        core = _core_at(tokens, i) if token.kind == "number" or token.norm in _STARTERS else None
        if core is None:
            i += 1
            continue
        expression, i = _expression(text, tokens, core)
        if expression is not None:
            found.append(expression)
    return found


@dataclass
class _Core:
    """The number itself: tokens ``[begin, end)``, its value, and what kind of number it is."""

    value: float
    begin: int
    end: int
    digits: bool = False
    single_word: bool = False  # one number word alone (ست, ألف): a number only with a noun after it
    postposed: bool = False  # واحد / اثنين, which follow their noun
    approx: str | None = None  # the magnitude word (عشرات) as its own hedge
    is_fraction: bool = False


def _bare(
    token: Token, table: Iterable[str] | dict[str, float], clitics: tuple[str, ...] = _CLITICS
) -> str | None:
    """The token's word without a leading clitic, when that word is in ``table``."""
    if token.kind != "word":
        return None
    word = token.norm
    if word in table:
        return word
    for clitic in clitics:
        if word.startswith(clitic) and word[len(clitic) :] in table:
            return word[len(clitic) :]
    return None


def _core_at(tokens: list[Token], i: int) -> _Core | None:
    token = tokens[i]
    if token.kind == "number":
        return _digits_core(tokens, i)
    if token.kind != "word":
        return None
    few = _bare(token, _FEW)
    if few is not None:
        return _few_core(tokens, i)
    magnitude = _magnitude(token)
    if magnitude is not None:
        return _magnitude_core(tokens, i, i + 1, magnitude, [])
    fraction = _bare(token, _FRACTIONS)
    if fraction is not None:
        # نصف مليون: a fraction of a scale word is a number (500,000), not a share of something
        if i + 1 < len(tokens) and tokens[i + 1].norm in _SCALES:
            return _Core(_FRACTIONS[fraction] * _SCALES[tokens[i + 1].norm], i, i + 2)
        return _Core(_FRACTIONS[fraction], i, i + 1, is_fraction=True)
    return _words_core(tokens, i)


def _magnitude(token: Token) -> float | None:
    word = _bare(token, _MAGNITUDES, (*_ARTICLE_CLITICS, *_CLITICS))
    return None if word is None else _MAGNITUDES[word]


def is_magnitude_hedge(approx: str | None) -> bool:
    """Whether a figure's hedge is a word of magnitude (عشرات, بضع عشرات, آلاف, بضعة).

    Such a figure's value is only an order of magnitude: عشرات is 10 here, but means "some dozens".
    """
    return approx is not None and any(w in _MAGNITUDES or w in _FEW for w in normalize(approx).split())


def _magnitude_core(tokens: list[Token], begin: int, i: int, value: float, words: list[str]) -> _Core:
    """``عشرات`` and its kin at ``i - 1``, multiplied by a following one (عشرات الآلاف)."""
    words = [*words, _magnitude_word(tokens[i - 1])]
    if i < len(tokens):
        following = _magnitude(tokens[i])
        if following is not None and following > value:
            value *= following
            words.append(_magnitude_word(tokens[i]))
            i += 1
    return _Core(value, begin, i, approx=" ".join(words))


def _magnitude_word(token: Token) -> str:
    return _bare(token, _MAGNITUDES, (*_ARTICLE_CLITICS, *_CLITICS)) or token.norm


def _few_core(tokens: list[Token], i: int) -> _Core:
    few = _bare(tokens[i], _FEW) or ""
    if i + 1 < len(tokens):
        magnitude = _magnitude(tokens[i + 1])
        if magnitude is not None:
            return _magnitude_core(tokens, i, i + 2, magnitude, [few])
    return _Core(FEW_VALUE, i, i + 1, approx=few, single_word=True)


def _digits_core(tokens: list[Token], i: int) -> _Core | None:
    # 1.5 مليون, 61.444 مليار: before a scale word a period is a decimal point
    scaled = i + 1 < len(tokens) and tokens[i + 1].norm in _SCALES
    value = _parse_digits(tokens[i].norm, decimal_period=scaled)
    if value is None:
        return None
    glued = i > 0 and tokens[i - 1].end == tokens[i].start and tokens[i - 1].kind in ("word", "latin")
    if glued and tokens[i - 1].norm not in _CLITICS:
        return None  # part of a name (عربي21, G20), not a quantity; و200 is still a number
    j = i + 1
    while j < len(tokens):
        if tokens[j].norm not in _SCALES:
            break
        multiplier = _SCALES[tokens[j].norm]
        value *= multiplier
        j += 1
        # مليون ونصف: one and a half million
        if j < len(tokens) and _bare(tokens[j], (_HALF,), (_AND,)) is not None:
            value += 0.5 * multiplier
            j += 1
        # 3 ملايين و500 ألف: a smaller part joined with و
        if (
            j + 2 < len(tokens)
            and tokens[j].norm == _AND
            and tokens[j + 1].kind == "number"
            and (smaller := _bare(tokens[j + 2], _SCALES)) is not None
            and _SCALES[smaller] < multiplier
        ):
            rest = _parse_digits(tokens[j + 1].norm)
            if rest is not None:
                value += rest * _SCALES[smaller]
                j += 3
        break
    return _Core(value, i, j, digits=True)


def _words_core(tokens: list[Token], i: int) -> _Core | None:
    """A cardinal written in words: units, tens, hundreds and scales, joined by و."""
    total = current = 0.0
    j = i
    while j < len(tokens):
        token = tokens[j]
        clitics = _CLITICS if j == i else (_AND,)
        # الأربع سنوات: a unit may carry the article when it comes first
        unit = _bare(token, _UNITS, (*_CLITICS, *_ARTICLE_CLITICS) if j == i else clitics)
        if unit is None and j + 1 < len(tokens) and _bare(tokens[j + 1], ("عشر", "عشره"), ()) is not None:
            unit = _bare(token, _ONE_BEFORE_TEN, clitics)  # أحد عشر
            if unit is not None:
                current += 1
                j += 1
                continue
        if unit is not None:
            current += _UNITS[unit]
        elif (ten := _bare(token, _TENS, clitics)) is not None:
            current += _TENS[ten]
        elif (hundred := _bare(token, _HUNDREDS, clitics)) is not None:
            joined = token.norm != hundred
            # ثلاث مئة: a unit right before مئة multiplies it
            if hundred in _HUNDRED and not joined and 3 <= current <= 9:
                current *= 100
            else:
                current += _HUNDREDS[hundred]
        elif (scale := _bare(token, _SCALES, clitics)) is not None:
            total += (current or 1) * _SCALES[scale]
            current = 0
            if j + 1 < len(tokens) and _bare(tokens[j + 1], (_HALF,), (_AND,)) == _HALF:
                total += 0.5 * _SCALES[scale]  # مليون ونصف
                j += 1
        elif (dual := _bare(token, _DUAL_SCALES, clitics)) is not None:
            total += current + _DUAL_SCALES[dual]
            current = 0
        else:
            break
        j += 1
    if j == i:
        return None
    first = _bare(tokens[i], _UNITS, _CLITICS)
    return _Core(
        total + current,
        i,
        j,
        single_word=j == i + 1,
        postposed=j == i + 1 and first in _POSTPOSED,
    )


def _parse_digits(digits: str, decimal_period: bool = False) -> float | None:
    """The value of ASCII digits with ``.``/``,`` separators (see the module docstring)."""
    separators = [char for char in digits if char in ".,"]
    if not separators:
        return float(digits)
    if decimal_period and separators == ["."]:
        return float(digits)
    groups = re.split(r"[.,]", digits)
    if len(set(separators)) == 2:
        decimal = separators[-1]
        if decimal in separators[:-1] or any(len(group) != 3 for group in groups[1:-1]):
            return None
        whole, fraction = digits.rsplit(decimal, 1)
        return float(re.sub(r"[.,]", "", whole) + "." + fraction)
    thousands = groups[0] != "0" and all(len(group) == 3 for group in groups[1:])
    if thousands:
        return float("".join(groups))
    if len(groups) == 2:
        return float(groups[0] + "." + groups[1])
    return None


def _percent_end(tokens: list[Token], j: int) -> int:
    """The token index after a percent sign or phrase at ``j``, or ``j`` when there is none."""
    if j < len(tokens) and tokens[j].norm == _PERCENT_SIGN:
        return j + 1
    for phrase in _PERCENT_WORDS:
        if tuple(token.norm for token in tokens[j : j + len(phrase)]) == phrase:
            return j + len(phrase)
    return j


def _is_content_word(token: Token) -> bool:
    word = token.norm
    return (
        token.kind == "word"
        and word not in STOPWORDS
        and word not in _HEDGE_WORDS
        and word not in _MONTHS
        and _bare(token, _NUMBER_WORDS) is None
    )


def _hedge_before(tokens: list[Token], begin: int) -> tuple[int, str] | None:
    """The index where a hedge ending right before token ``begin`` starts, and its canonical form."""
    if begin == 0 or tokens[begin - 1].norm not in _HEDGE_LAST_FORMS:
        return None  # most numbers: no hedge can end on the word before
    for words, canonical in _HEDGE_BEFORE_TABLE:
        first = begin - len(words)
        if first < 0:
            continue
        written = [token.norm for token in tokens[first:begin]]
        if written[1:] != list(words[1:]) or any(t.kind != "word" for t in tokens[first:begin]):
            continue
        head = written[0]
        if head == words[0] or (head[:1] in ("و", "ب", "ل") and head[1:] == words[0]):
            return first, canonical
    return None


def _hedge_after(tokens: list[Token], j: int) -> tuple[int, str] | None:
    """The index after a hedge within a few words after token ``j``, and its canonical form."""
    for k in range(j, min(j + POSTPOSED_HEDGE_WINDOW + 1, len(tokens))):
        if tokens[k].kind != "word":
            return None
        for words, canonical in _HEDGE_AFTER_TABLE:
            if tuple(token.norm for token in tokens[k : k + len(words)]) == words:
                return k + len(words), canonical
    return None


def _is_year(tokens: list[Token], core: _Core) -> bool:
    token = tokens[core.begin]
    if not (core.digits and core.end == core.begin + 1 and len(token.norm) == 4 and token.norm.isdigit()):
        return False
    if not YEAR_RANGE[0] <= int(token.norm) <= YEAR_RANGE[1]:
        return False
    k = core.begin - 1
    while k >= 0 and tokens[k].norm in ("/", "-"):
        k -= 1  # إبريل/نيسان 2015, 12/3/2014
    if k < 0:
        return False
    previous = tokens[k]
    if previous.kind == "number" and k < core.begin - 1:
        return True  # a date written with slashes
    if previous.norm in _MONTH_ORDINALS and k > 0:
        previous = tokens[k - 1]  # كانون الثاني 2015
    if _bare(previous, _YEAR_WORDS | _MONTHS) is not None:
        return True
    noun_follows = core.end < len(tokens) and _is_content_word(tokens[core.end])
    return _bare(previous, _YEAR_PREPOSITIONS) is not None and not noun_follows


def _counted(tokens: list[Token], core: _Core) -> int | None:
    """The index of the token that names what is counted, if any."""
    if core.postposed:
        before = core.begin - 1
        if before >= 0 and _is_content_word(tokens[before]):
            return before
    k = core.end
    if core.is_fraction:
        while k < len(tokens) and tokens[k].norm in _DEMONSTRATIVES:
            k += 1
    partitive = k < len(tokens) and tokens[k].norm == _OF
    if partitive:
        k += 1
    if k >= len(tokens) or not _is_content_word(tokens[k]):
        return None
    # A number in digits or words counts an indefinite noun (150 أجنبيا, ثلاثة أطفال); a definite
    # one right after it is the start of something else (a heading: "4.2 التخلص ...").
    # Magnitudes and fractions take a definite genitive (عشرات المقاتلين, نصف هؤلاء البريطانيين).
    takes_definite = partitive or core.is_fraction or core.approx is not None
    proclitics = split_clitics(tokens[k].norm)[0]
    if not takes_definite and proclitics.endswith(("ال", "لل")):
        return None
    # ... and never one joined by و or ف: that starts the next phrase (عشر واستبدلت).
    return None if proclitics.startswith(("و", "ف")) else k


def _expression(text: str, tokens: list[Token], core: _Core) -> tuple[NumberExpr | None, int]:
    """The whole expression around ``core`` (hedge, percent, counted noun, year flag), and the
    index of the token after it; ``None`` for a number that is no figure (a lone ست, a day)."""
    end = core.end
    value = core.value
    is_percent = False
    is_year = _is_year(tokens, core)
    if _has_era_mark(tokens, core):
        is_year, end = True, _era_mark_end(tokens, core)  # 1993م, 1353هـ, 4000 ق.م
    counted = None
    begin = core.begin
    if not is_year:
        percent_end = _percent_end(tokens, end)
        if percent_end == end and core.digits and begin > 0 and tokens[begin - 1].norm == _PERCENT_SIGN:
            begin -= 1  # %20, the sign written first
            is_percent = True
        elif percent_end > end:
            end, is_percent = percent_end, True
        if not is_percent:
            counted = _counted(tokens, core)
    if not _plausible(value):
        return None, core.end
    if counted is None and core.single_word and _hedge_before(tokens, begin) is None:
        # ست, ألف, اثنين or بضعة alone are too often something else (الاثنين is Monday).
        return None, core.end
    if core.single_word and _is_ordinal_teen(tokens, core):
        return None, core.end
    if _is_day_of_month(tokens, core) or (not is_year and _in_slash_date(tokens, core)):
        return None, core.end + 1
    if counted is not None:
        end = max(end, counted + 1)
        # 7 سنوات ونصف السنة
        if end < len(tokens) and _bare(tokens[end], (_HALF,), (_AND,)) == _HALF and tokens[end].norm != _HALF:
            value += 0.5
            end += 1
            if end < len(tokens) and tokens[end].norm.startswith(_ARTICLE) and _is_content_word(tokens[end]):
                end += 1
    approx = core.approx
    hedge = _hedge_before(tokens, begin)
    if hedge is not None:
        begin, approx = hedge
    elif not is_year and (after := _hedge_after(tokens, end)) is not None:
        end, approx = after
    # واحد and اثنين count the noun before them, which then opens the expression
    start_offset = tokens[begin if counted is None else min(begin, counted)].start
    end_offset = tokens[end - 1].end
    expression = NumberExpr(
        value=value,
        approx=approx,
        start=start_offset,
        end=end_offset,
        text=text[start_offset:end_offset],
        counted=None if counted is None else tokens[counted].text,
        counted_span=None if counted is None else (tokens[counted].start, tokens[counted].end),
        is_year=is_year,
        is_fraction=core.is_fraction,
        is_percent=is_percent,
    )
    return expression, end


def _plausible(value: float) -> bool:
    """Whether ``value`` can be a figure: finite and at most `MAX_VALUE`."""
    return math.isfinite(value) and abs(value) <= MAX_VALUE


def _is_day_of_month(tokens: list[Token], core: _Core) -> bool:
    """19 شباط, 16 من جمادى: a date, not a figure (the year after it is found on its own)."""
    if not core.digits or core.end != core.begin + 1 or core.end >= len(tokens):
        return False
    month = core.end + 1 if tokens[core.end].norm == _OF else core.end
    value = _parse_digits(tokens[core.begin].norm)
    return (
        value is not None and 1 <= value <= MAX_DAY and month < len(tokens) and tokens[month].norm in _MONTHS
    )


def _in_slash_date(tokens: list[Token], core: _Core) -> bool:
    """The day or month of a date written 12/3/2014."""
    if not core.digits or core.end != core.begin + 1:
        return False
    begin, end = core.begin, core.end
    date_after = end + 1 < len(tokens) and tokens[end].norm == "/" and tokens[end + 1].kind == "number"
    date_before = begin >= 2 and tokens[begin - 1].norm == "/" and tokens[begin - 2].kind == "number"
    return date_after or date_before


def _is_ordinal_teen(tokens: list[Token], core: _Core) -> bool:
    """عشر after an ordinal (القرن التاسع عشر, الحادي عشر) is part of the ordinal."""
    if core.begin == 0 or _bare(tokens[core.begin], ("عشر", "عشره"), ()) is None:
        return False
    previous = tokens[core.begin - 1].norm
    return previous.removeprefix(_ARTICLE) in _ORDINALS


def _has_era_mark(tokens: list[Token], core: _Core) -> bool:
    """A whole number followed by م (ميلادي) or هـ (هجري) is a year of that era."""
    if not core.digits or core.end != core.begin + 1 or core.end >= len(tokens):
        return False
    return tokens[core.begin].norm.isdigit() and tokens[core.end].norm in _ERA_MARKS


def _era_mark_end(tokens: list[Token], core: _Core) -> int:
    """The token index after the era mark of a year: م, هـ or ق.م (before Christ)."""
    end = core.end + 1
    if tokens[core.end].norm == _BEFORE_CHRIST[0] and [t.norm for t in tokens[end : end + 2]] == [".", "م"]:
        end += 2
    return end
