"""Match keys for names, so that one actor's spellings across outlets meet.

Outlets transliterate foreign names differently (الجارديان / الغارديان, الأمريكية / الأميركية,
أريستيدو / اريستيدو) and inflect Arabic ones (أبو بكر / أبي بكر, سوريا / سورية). A key folds those
differences away; it is for matching only and is never shown.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from isnad.arabic.dates import MONTHS
from isnad.arabic.normalize import QUOTE_CHARS, normalize

_QUOTES = str.maketrans("", "", QUOTE_CHARS)
_LONG_VOWELS = set("اوي")
# The five nouns (أبو/أبا/أبي, ذو/ذا/ذي) change their vowel with case, not their meaning.
_FIVE_NOUNS = {"ابي": "ابو", "ابا": "ابو", "ذي": "ذو", "ذا": "ذو"}
MIN_SKELETON_LENGTH = 5  # shorter words keep their vowels: too many Arabic words share a skeleton


@lru_cache(maxsize=1 << 16)
def entity_key(name: str) -> str:
    """A key equal for spelling and inflection variants of the same name."""
    words = []
    for word in normalize(name).translate(_QUOTES).split():
        word = _FIVE_NOUNS.get(word, word)
        if word.startswith("لل") and len(word) > 4:
            word = word[2:]
        elif len(word) > 4 and word[0] in "وبلفك" and word[1:3] == "ال":
            word = word[3:]
        elif word.startswith("ال") and len(word) > 4:
            word = word[2:]
        word = word.replace("غ", "ج")  # foreign /g/ is written غ or ج
        if word.endswith("يه"):
            word = word[:-2] + "يا"  # سوريه / سوريا
        if len(word) >= MIN_SKELETON_LENGTH:
            word = word[0] + "".join(c for c in word[1:] if c not in _LONG_VOWELS)
        words.append(word)
    return " ".join(words)


# Words that are also common nouns or adjectives (إنزال بري "a ground landing", أمل "hope"): alone,
# they are names only after a title or a first name (الرئيس بري، نبيه بري).
COMMON_WORD_NAMES = frozenset(normalize(w) for w in ["بري", "أمل", "سلام", "نصر"])


@cache
def _never_entities() -> frozenset[str]:
    text = resources.files("isnad.arabic").joinpath("data/not_entities.txt").read_text(encoding="utf-8")
    words = {
        normalize(line.strip()) for line in text.splitlines() if line.strip() and not line.startswith("#")
    }
    words |= {" ".join(month) for month in MONTHS}
    return frozenset(words | {"ال" + w for w in words if not w.startswith("ال")})


def is_never_entity(name: str) -> bool:
    """Whether a mention is a word that never names an entity on its own: العالم, الله, a
    currency, a month or a weekday (``data/not_entities.txt``)."""
    return " ".join(normalize(name).translate(_QUOTES).split()) in _never_entities()
