"""Arabic cues that ingest reads off the page: punctuation, datelines, signatures, list markers.

Layout repair (`isnad.ingest.layout`) is written without knowing any Arabic; everything it needs to
know about how Arabic news text is punctuated and signed lives here. The word lists are hand-written
for isnad from the way Arab outlets and agencies lay out their copy.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Marks that end a sentence, Arabic and Latin. A line ending in one of them is complete.
SENTENCE_FINAL = frozenset(".!?؟…۔")
# Marks after which a sentence goes on: a line ending in one was broken mid-sentence.
CLAUSE_CONTINUING = frozenset("،,؛;")
# Quotes and brackets that open or close a stretch. Straight double quotes do both, so a line with
# an odd number of them left one open.
OPENERS = frozenset("«“‘([{")
CLOSERS = frozenset("»”’)]}\"'")
_PAIRS = (("«", "»"), ("“", "”"), ("(", ")"), ("[", "]"))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that cannot end a sentence or a title: prepositions, conjunctions, relative pronouns and
# particles that always have something after them. A line ending in one was broken mid-sentence.
CONTINUATION_WORDS = _words(
    """
    في وفي من ومن إلى الى وإلى والى على وعلى عن وعن مع ومع بين عبر نحو منذ خلال عند ضد حول لدى
    تحت ضمن بحسب وفق لصالح
    و أو او ثم بل لكن ولكن لكنه حيث وحيث حتى كي لكي إذ إذا اذا لو كأن
    أن ان إن وأن وإن بأن لأن أنه إنه انه بأنه أنها إنها بأنها أنهم إنهم
    الذي التي الذين اللذين اللتين اللذان اللتان اللواتي اللاتي والذي والتي والذين
    قد لقد وقد لم ولم لن ولن سوف
    """
)


def is_continuation_word(word: str) -> bool:
    """Whether ``word`` is one of `CONTINUATION_WORDS`, also behind an attached و or ف ("ففي")."""
    return word in CONTINUATION_WORDS or (word[:1] in {"و", "ف"} and word[1:] in CONTINUATION_WORDS)


# One Arabic word: letters, then letters or tatweel (a word never starts with a tatweel, which is
# also typed on its own as a dash: "لندن ـ «القدس العربي»").
_AR_WORD = r"[\u0621-\u063F\u0641-\u064A\u0671-\u06D3][\u0621-\u064A\u0671-\u06D3\u0640\u064B-\u0652]*"
# Core Arabic letters, hamza forms included, without the Persian and Urdu additions.
ARABIC_LETTER = re.compile(r"[\u0621-\u063A\u0641-\u064A]")


def _phrases(text: str) -> tuple[str, ...]:
    """Phrases separated by "|", longest first, so a regex alternation of them matches greedily."""
    return tuple(sorted((phrase.strip() for phrase in text.split("|")), key=len, reverse=True))


# News agencies as datelines and signatures write them.
AGENCIES = _phrases(
    """
    سانا|رويترز|أ ف ب|ا ف ب|أ.ف.ب|أ. ف. ب|فرانس برس|د ب أ|د.ب.أ|الأناضول|الاناضول|وام|واس|قنا
    |كونا|بترا|سبأ|أ ش أ|ا ش ا|يو بي آي|أسوشيتد برس|أ ب|شينخوا|سبوتنيك|بنا|العمانية|وفا|معا
    |إرنا|ارنا|تسنيم|فارس|نوفوستي|تاس|قدس برس|صفا|واع|وكالات|الأنباء الألمانية|الأنباء الفرنسية
    |الأنباء الكويتية|الأنباء السعودية|الجزيرة نت|العربية نت
    """
)
_AGENCY = "|".join(re.escape(agency) for agency in AGENCIES)

_PLACE = rf"(?P<place>{_AR_WORD}(?:\s+{_AR_WORD}){{0,2}})"
# A dash between place and outlet; a tatweel counts only standing alone ("لندن ـ"), not inside a word.
_DASH = r"(?:[-–—/]|(?<!\S)ـ+(?!\S))"
_PAREN_OUTLET = r"\(\s*(?P<paren>[^()\n]{1,40}?)\s*\)"
_QUOTED_OUTLET = r"[«“\"](?P<quoted>[^«»“”\"\n]{1,40})[»”\"]"
_KNOWN_OUTLET = rf"(?:وكالة\s+)?(?P<agency>{_AGENCY})(?!\w)"
# "الرياض ـ من صبحي رخا:": filed from a place by a correspondent, who is not an outlet.
_REPORTER = rf"من\s+{_AR_WORD}(?:\s+{_AR_WORD}){{0,6}}"
# Place then outlet: "بيروت (رويترز)", "لندن-سانا", "لندن ـ «القدس العربي»", "دمشق - سانا". An outlet
# that is neither bracketed, quoted nor a known agency is not taken: "كاتدرائية - جامع قرطبة" is a
# heading, not a dateline.
_OUTLET = rf"(?:(?:{_DASH}\s*)?{_PAREN_OUTLET}|{_DASH}\s*(?:{_QUOTED_OUTLET}|{_KNOWN_OUTLET}|{_REPORTER}))"
_PLACE_AND_OUTLET = rf"^{_PLACE}\s*{_OUTLET}"
# A dateline on its own line, maybe closed by a dash or colon: "القاهرة – (أ ف ب):".
_DATELINE_LINE = re.compile(rf"{_PLACE_AND_OUTLET}\s*(?:[-–—:]\s*)?$")
# A dateline opening the first paragraph, closed by a dash or colon: "بيروت (رويترز) - قال ...".
_DATELINE_PREFIX = re.compile(rf"{_PLACE_AND_OUTLET}\s*[-–—:]\s*(?=\S)")


class DatelineMatch(NamedTuple):
    """Where a dateline ends in its line and what it names (no outlet for a correspondent's)."""

    end: int
    place: str
    outlet: str | None


def match_dateline(line: str) -> DatelineMatch | None:
    """The dateline that is ``line`` or opens it, or None."""
    whole = _DATELINE_LINE.match(line)
    match = whole or _DATELINE_PREFIX.match(line)
    if match is None:
        return None
    outlet = match["paren"] or match["quoted"] or match["agency"]
    if outlet is not None and len(outlet.split()) > 4:
        return None
    end = len(line) if whole else len(line[: match.end()].rstrip())
    return DatelineMatch(end, match["place"], outlet.strip() if outlet else None)


# A closing signature naming the source: "(الخليج اونلاين)", "المصدر: الجزيرة", "نقلا عن رويترز".
_SIGNATURE = re.compile(
    r"^(?:\(\s*(?P<paren>[^()\n]{2,40}?)\s*\)"
    r"|(?:المصدر|المصادر|مصدر|نقلا عن|نقلاً عن)\s*[:：\-–—]?\s*(?P<named>[^\n]{2,40}?))\s*\.?$"
)
# Bracketed end marks that are not outlets.
_NOT_OUTLETS = frozenset({"انتهى", "يتبع", "تابع", "النهاية"})


def match_signature(line: str) -> str | None:
    """The outlet a closing signature line names, or None when ``line`` is not a signature."""
    match = _SIGNATURE.match(line)
    if match is None:
        return None
    outlet = (match["paren"] or match["named"]).strip()
    if len(outlet.split()) > 5 or outlet in _NOT_OUTLETS or not any(c.isalpha() for c in outlet):
        return None
    return outlet


# List markers: bullets, dashes, and numbering in Latin or Arabic-Indic digits or Arabic letters
# ("1.", "٢)", "أ-").
BULLET_MARKER = re.compile(r"^(?:[-–—•*·▪◦●○■□►▶✓✔]|\(?[0-9٠-٩]{1,2}[.)\-–]|[أابجده][.)\-–])\s")

# A space typed before a comma or full stop ("عام 2016 ، باستثناء"): only before marks that are
# followed by a space or the line end, so "3 .5" or " ..." are left alone.
SPACE_BEFORE_PUNCT = re.compile(r"(?<=[^\s.…])[ ]+(?=[،؛,;.؟?!](?:\s|$))")


def unbalanced_open(line: str) -> bool:
    """Whether ``line`` leaves a quote or bracket open (so the text goes on after it)."""
    if line.count('"') % 2:
        return True
    return any(line.count(opener) > line.count(closer) for opener, closer in _PAIRS)
