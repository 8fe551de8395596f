"""Where the subject phrase after a verb of saying ends and what was said begins: before the
object an announcement, a warning or an affirmation takes ("أكد الرئيس أهمية الزيارة", "حذرت
المديرية من أمطار", "أعلن الاتحاد اسم المدرب"), and whether a title introduces a name. Used by
`isnad.article.attributions`, which decides what the phrases mean."""

from __future__ import annotations

from isnad.arabic import (
    Token,
    has_glued_preposition,
    is_definite,
    is_indefinite_accusative,
    is_stopword,
    lexicon,
    particle_forms,
)
from isnad.arabic.speakers import ANNOUNCED_OBJECTS, has_possessive
from isnad.article.cue_phrases import is_form_of


def before_warning(tokens: list[Token], source_tokens: list[Token], j: int) -> tuple[list[Token], int]:
    """A warning's source ends at من, which opens the danger: "حذرت المديرية من أمطار غزيرة"."""
    cut = next((k for k, t in enumerate(source_tokens) if k and t.norm == lexicon.FROM_CONTENT), None)
    return cut_at(tokens, source_tokens, j, cut)


def before_object(tokens: list[Token], source_tokens: list[Token], j: int) -> tuple[list[Token], int]:
    """A subject ends where an abstract object starts, with the preposition before it: "وأكد
    الرئيس المصري أهمية الزيارة", "أكد شكري على أهمية العلاقات"; or where an indefinite
    accusative does, which no name is: "وأطلق السعدون عددًا من التغريدات"."""
    cut = next(
        (
            k
            for k, t in enumerate(source_tokens)
            if k
            and (
                is_form_of(t, lexicon.OBJECT_NOUNS)
                # "لاحقًا" closes a source phrase, before what was said (TIME_ADVERBS)
                or (is_indefinite_accusative(t.text) and t.norm not in lexicon.TIME_ADVERBS)
                # a noun with a possessive: "وتؤكد وزارة التجارة والصناعة سعيها المتواصل"
                # (an announced one is read after: "أعلنت حركة طالبان مسؤوليتها عن الهجوم")
                or (
                    k > 1
                    and has_possessive(t.text)
                    and t.norm not in lexicon.IN_ONES_NAME
                    and t.norm not in ANNOUNCED_OBJECTS
                )
            )
        ),
        None,
    )
    # back past a preposition before the object ("أكد شكري على أهمية"), not past "آخر": "مصدر أمني
    # آخر بمقتل" is another source
    while (
        cut is not None
        and cut > 1
        and is_stopword(source_tokens[cut - 1].text)
        and source_tokens[cut - 1].norm not in lexicon.ANOTHER
    ):
        cut -= 1
    return cut_at(tokens, source_tokens, j, cut)


def before_bi(tokens: list[Token], source_tokens: list[Token], j: int) -> tuple[list[Token], int]:
    """With no أن after it, the subject of أفاد ends where ب opens the content: "أفادت مصادر
    بسقوط قتلى"."""
    cut = next((k for k, t in enumerate(source_tokens) if k and glued_bi(t)), None)
    return cut_at(tokens, source_tokens, j, cut)


def glued_bi(token: Token) -> bool:
    """A word with ب glued that is no place or body (not "مدير الشرطة بمنطقة الرياض"): what a
    verb is about or how it was done (بسقوط، ببحث، بغضب), which no subject holds."""
    places = lexicon.place_names() | lexicon.PLACE_HEADS | lexicon.ORGANISATION_HEADS
    glued = token.norm.startswith("ب") and has_glued_preposition(token.norm)
    return glued and not any(f in places for f in particle_forms(token.norm))


def before_announced(
    tokens: list[Token], source_tokens: list[Token], j: int
) -> tuple[list[Token], int, bool]:
    """An announcer ends where what it announced starts: "أعلن اتحاد الكرة اسم المدير الفني",
    "أعلنت مديرية الشؤون الصحية حالة الطوارئ". Whether such an object was found."""
    cut = next((k for k, t in enumerate(source_tokens) if k and t.norm in ANNOUNCED_OBJECTS), None)
    phrase, j = cut_at(tokens, source_tokens, j, cut)
    # "واعلنت صحيفة «الخبر» على موقعها الالكتروني مقتل ...": past its own site
    k = (
        j + 2
        if j + 1 < len(tokens)
        and tokens[j].norm == lexicon.ON_WORD
        and tokens[j + 1].norm in lexicon.OWN_SITE
        else j
    )
    while j < k < len(tokens) and is_definite(tokens[k].norm):
        k += 1
    if k > j and k < len(tokens) and tokens[k].norm in ANNOUNCED_OBJECTS:
        return phrase, k, True
    return phrase, j, cut is not None


def name_follows(subject: list[Token], k: int) -> bool:
    """Whether a name follows the title subject[k], past the definite words that qualify it:
    "الأستاذ مساعد", "الاستاذة الجامعية شتيفان سيلكه"."""
    after = next((m for m in range(k + 1, len(subject)) if not is_definite(subject[m].norm)), None)
    return after is not None and not is_stopword(subject[after].text)


def cut_at(
    tokens: list[Token], source_tokens: list[Token], j: int, cut: int | None
) -> tuple[list[Token], int]:
    """The source phrase up to its token ``cut`` and the index of that token in the sentence."""
    if cut is None:
        return source_tokens, j
    return source_tokens[:cut], next(n for n, t in enumerate(tokens) if t is source_tokens[cut])
