"""Light morphology: clitics off, stems on.

Undiacritised Arabic cannot tell a clitic from a root letter (وزير is not و + زير, بريطانيا is
not ب + ريطانيا), and normalisation merges ة into ه, so the rules here are deliberately narrow:

* proclitics: the conjunction و (when at least three letters remain), and the article ال with
  whatever may stand before it (و ف conjunctions, ب ك prepositions, ل as لل). ف, ب, ك and ل
  alone are never stripped: too many words and foreign names begin with them.
* enclitics: only the third-person pronouns ها هم هما هن, on words without the article, and
  only when three letters remain. ه, ي, ك, كم and نا are left alone: in the normalised form they
  cannot be told from ta marbuta, nisba ي, root letters and the accusative ending of -ان nouns.
* a short list of words that begin with these letters by nature (وزير, واشنطن, التي, ألمانيا)
  keeps its first letters, and a shorter one (تفاهم) its last.

`stem` strips those proclitics and enclitics, a few endings of its own (ta marbuta, the
accusative ا, verbal ت and وا) and then lets the Snowball stemmer remove the noun endings
(ين ون ان ات ي). Snowball alone is not used for prefixes because it is inconsistent there: it
keeps و before ال (والغارديان -> والغاردي) but strips ب from any noun (بريطانيا -> ريطاني).
Snowball is given the base with ال in front, which makes it treat the word as a definite
noun: it then removes only noun endings and leaves the prefixes we have already decided on.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from isnad.arabic.normalize import ARABIC_LETTERS, normalize, word_set
from isnad.arabic.stopwords import STOPWORDS
from isnad.arabic.tokens import words

# One stemmer for the process: creating one is costly, and `stem` is cached anyway.
_SNOWBALL = Stemmer.Stemmer("arabic")

_ARABIC_WORD = re.compile(f"[{ARABIC_LETTERS}]+")
# Proclitic groups ending in the article, longest first; the last letters are always ال or لل.
_ARTICLE_PREFIXES = ("وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
_ENCLITICS = ("هما", "هم", "هن", "ها")
MIN_BASE_AFTER_ARTICLE = 2  # الحق, الرد: roots written with shadda lose a letter once it is dropped
MIN_BASE = 3

# Words that begin with و or ال by nature, in the matching form. A word is protected when it is
# one of these, or one of these followed by a short inflectional ending (_PROTECTED_ENDINGS).
_PROTECTED_WORDS = word_set("""
    وزير وزار وزراء وطن وطني وقت وفد وفود وفاة وفيات ولاية وكالة وكيل وسط وسائل وسيلة وضع وقف
    وصل وصول وجه وجود وحدة وحيد وثيقة وثائق وعد وعود وقع وقائع واقع واضح واسع وارد واحد
    واجب والد والدة والي ولد ولادة ورقة ورق وراء ورد وظيفة وزن وعي وقود وادي وباء وسام
    وفاء وليد وائل وجدي وديع وهاب ودود وفيق وسيم
    واشنطن ويلز وارسو ويكيليكس ولنغتون ويستمنستر
    التي الذي الذين اللذان اللذين اللتان اللتين اللاتي اللائي اللواتي الله اللهم الآن
    آلاف آلية ألمانيا ألبانيا آلاسكا ألف ألفا ألفين ألفان ألبرت ألكسندر
    """)
# ... and without ta marbuta, so that وكالات and وكالتها match وكالة.
_PROTECTED = _PROTECTED_WORDS | {word[:-1] for word in _PROTECTED_WORDS if word.endswith("ه")}
_PROTECTED_ENDINGS = word_set(
    "ه ها هم هما هن ي ا ات ان ين ون يه يا يين يون اء ته تها تهم تين تان اته اتها اتهم"
) | {""}
# Words whose ending looks like a pronoun but is part of the word.
_NOT_ENCLITIC = word_set("تفاهم مساهم ملهم مراهن اتجاها انتباها اشتباها")
_LONGEST_PROTECTED_ENDING = max(map(len, _PROTECTED_ENDINGS))


def _is_protected(word: str) -> bool:
    for cut in range(len(word), max(len(word) - _LONGEST_PROTECTED_ENDING, 0) - 1, -1):
        if word[:cut] in _PROTECTED and word[cut:] in _PROTECTED_ENDINGS:
            return True
    return False


def _proclitic_length(word: str) -> int:
    if _is_protected(word):
        return 0
    for prefix in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_BASE_AFTER_ARTICLE:
            # The article begins where ال (or the ل of لل) begins; before it stand و/ف and ب/ك.
            article_at = len(prefix) - 2
            if _is_protected(word[article_at:]):
                return article_at
            return len(prefix)
    if word[0] == "و" and len(word) - 1 >= MIN_BASE:
        return 1
    return 0


@lru_cache(maxsize=1 << 18)
def split_clitics(word: str) -> tuple[str, str, str]:
    """Split a normalised word into (proclitics, base, enclitics); their concatenation is ``word``.

    Conservative by design (see the module docstring): when in doubt nothing is split.
    """
    if not _ARABIC_WORD.fullmatch(word):
        return "", word, ""
    cut = _proclitic_length(word)
    proclitics, base = word[:cut], word[cut:]
    definite = proclitics.endswith(("ال", "لل"))
    if not definite and base not in _NOT_ENCLITIC:
        for enclitic in _ENCLITICS:
            if base.endswith(enclitic) and len(base) - len(enclitic) >= MIN_BASE:
                return proclitics, base[: -len(enclitic)], enclitic
    return proclitics, base, ""


@lru_cache(maxsize=1 << 18)
def particle_length(word: str) -> int:
    """How many letters of a normalised word are conjunctions or prepositions glued before it
    (و، ف، ب، ك، ل before the article or a name), leaving the article ال on the word.

    ``لل`` (ل + ال with the alef dropped) counts 0: no letter can be cut off to leave the word
    as written elsewhere.
    """
    proclitics = split_clitics(word)[0]
    if proclitics.endswith("لل"):
        return 0
    if proclitics.endswith("ال"):
        return len(proclitics) - 2
    return len(proclitics)


def has_conjunction(word: str) -> bool:
    """Whether a normalised word carries a glued conjunction و or ف (وقال, فقالت)."""
    return word[:1] in ("و", "ف") and len(word) - 1 >= MIN_BASE and not _is_protected(word)


def conjunction_forms(word: str) -> list[str]:
    """A normalised word as written and without a glued conjunction و or ف: the only particles
    a verb can carry (وقال, فقالت; بقدر is ب + قدر "extent", never a verb)."""
    return [word, word[1:]] if word[:1] in ("و", "ف") and len(word) - 1 >= MIN_BASE else [word]


def is_definite(word: str) -> bool:
    """Whether a normalised word carries the article (البريطانية, والعراق, للجارديان). A bare
    ``ال`` is the family word آل (``آل جرمان``), not an article."""
    bare = strip_particles(word)
    return bare.startswith("ال") and len(bare) > 2


_FATHATAN = "\u064b"


def is_indefinite_accusative(surface: str) -> bool:
    """Whether a word as written ends in the accusative nunation (عددًا، نداءً، مؤكداً): an
    object, an adverb or a state, never part of a name. Unvocalised text does not say so."""
    return surface.rstrip("\u0627\u0649").endswith(_FATHATAN)


def strip_definite(word: str) -> str:
    """A normalised word without its article (الانضمام -> انضمام); other words unchanged."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def is_pronoun_complement(word: str) -> bool:
    """Whether a normalised word is a preposition, noun and pronoun in one (لوجودها "for its
    being", بأنهم): a complement that never belongs to a name or a title."""
    return has_glued_preposition(word) and bool(split_clitics(word)[2])


def has_glued_preposition(word: str) -> bool:
    """Whether a normalised word begins with a preposition ل/ب/ك glued to it (للصحيفة, لوثائق)."""
    return len(word) > 3 and word[0] in "لبك" and word not in _PROTECTED and not _is_protected(word)


@lru_cache(maxsize=1 << 18)
def strip_particles(word: str) -> str:
    """A normalised word without the conjunctions and prepositions glued before it, the article
    kept (وبالرقة -> الرقة, للمسؤولين -> المسؤولين, وسوريا -> سوريا)."""
    if len(word) > 4 and word.startswith("لل"):
        return "ال" + word[2:]
    return word[particle_length(word) :]


@lru_cache(maxsize=1 << 18)
def particle_forms(word: str) -> tuple[str, ...]:
    """A normalised word as written and without each glued particle prefix it may carry
    (و، ف، ب، ك، ل and pairs of them; لل -> ال), for lexicon lookups that decide which form is meant.

    Unlike `split_clitics` this also offers ف and ب alone (فقال، بحسب), because a lexicon hit
    on the rest settles the ambiguity that a bare rule cannot.
    """
    forms = [word]
    if len(word) > 4 and word.startswith("لل"):
        forms.append("ال" + word[2:])
    for cut in (1, 2):
        prefix, rest = word[:cut], word[cut:]
        if len(rest) >= MIN_BASE and all(c in "وفبكل" for c in prefix) and (cut == 1 or prefix[0] in "وف"):
            forms.append(rest)
    return tuple(forms)  # a tuple: cached, since every extractor asks for the same words again


def _snowball_noun_endings(base: str) -> str:
    """Snowball's noun-ending removal on ``base``, without its prefix rules (see module docstring)."""
    stemmed: str = _SNOWBALL.stemWord("ال" + base)
    # Snowball keeps ال on words it finds too short; the ending may still have gone.
    if stemmed.startswith("ال") and not base.startswith(stemmed):
        stemmed = stemmed[2:]
    # Its length limits count the ال we added, so on short words it can eat root letters
    # (بيان -> ب, مدين -> مد): a stem under three letters is not trusted.
    if len(stemmed) < MIN_BASE or not base.startswith(stemmed):
        return base
    return stemmed


def _strip_endings(base: str, had_enclitic: bool) -> str:
    """The endings Snowball misses once ة has become ه and the accusative ا is written."""
    if had_enclitic and base.endswith("ت") and not base.endswith("ات") and len(base) >= 4:
        base = base[:-1] + "ه"  # مدينتها: ta marbuta is written ت before a pronoun
    elif base.endswith("ته") and not base.endswith("اته") and len(base) >= 5:
        return base[:-2]  # مدينته: ta marbuta and the pronoun ه, which split_clitics leaves on
    if base.endswith("وا") and len(base) >= 5:
        return base[:-2]  # verbal plural: كتبوا, جاءوا
    if base.endswith(("ه", "ا")) and len(base) >= 4:
        return base[:-1]  # ta marbuta (مدينة) or accusative/name ending (مقاتلا, سوريا)
    if base.endswith("ت") and not base.endswith("ات") and len(base) >= 4:
        return base[:-1]  # feminine past verb: قالت, أكدت
    return base


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """The stem of one word, in the matching form; non-Arabic tokens come back normalised."""
    normalized = normalize(word)
    if not _ARABIC_WORD.fullmatch(normalized):
        return normalized
    _, base, enclitic = split_clitics(normalized)
    if len(base) < MIN_BASE:
        return base
    return _snowball_noun_endings(_strip_endings(base, bool(enclitic)))


def stems(text: str) -> list[str]:
    """Stems of the content words of ``text``, in order (function words are left out)."""
    return [stem(word) for word in words(text) if word not in STOPWORDS]
