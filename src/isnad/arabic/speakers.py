"""Words that refer back to a speaker the article has already named: honorific pronouns
(``سموه`` "His Highness"), generic speakers (``المصدر`` "the source", ``المتحدث`` "the
spokesman") and definite descriptions (``الوزير المصري``, ``الرئيس التركي``, ``الشركة``).

`referring_words` says which words a named person or body must have been introduced with for
such a phrase to refer to it; `isnad.article.coreference` finds that one in the article."""

from __future__ import annotations

from isnad.arabic import lexicon
from isnad.arabic.morphology import has_glued_preposition, is_definite, particle_forms, strip_definite
from isnad.arabic.normalize import normalize


def _forms(words: str) -> frozenset[str]:
    return frozenset(strip_definite(normalize(w)) for w in words.split())


# Honorific pronoun -> the titles one of which introduced its bearer: "صاحب السمو الملكي الأمير
# فلان ... وأكد سموه" (the prince, not the king named in between).
HONORIFIC_PRONOUNS: dict[str, frozenset[str]] = {
    normalize(pronoun): _forms(titles)
    for pronouns, titles in (
        ("سموه سموها", "الأمير الأميرة سمو السمو"),
        ("جلالته", "الملك جلالة"),
        ("معاليه معاليها", "معالي الوزير وزير الوزيرة وزيرة"),
        ("فضيلته", "فضيلة الشيخ"),
        ("سعادته سعادتها", "سعادة"),
        ("سماحته", "سماحة المفتي الشيخ"),
        ("دولته", "دولة رئيس"),
        ("فخامته", "فخامة الرئيس"),
    )
    for pronoun in pronouns.split()
}
# Generic speakers: "وأضاف المصدر" after "صرح المتحدث الرسمي لوزارة X العقيد فلان" is that
# colonel, the last speaker named before.
LAST_SPEAKER_NOUNS = frozenset({normalize("المصدر")})
# Nouns that describe a named body: "الشركة" for "شركة كيا موتورز", "الجامعة" for "جامعة جازان".
BODY_HEADS = _forms(
    "الشركة الوزارة الهيئة الجامعة المنظمة الجمعية الحركة الجماعة المركز البنك الصندوق المؤسسة"
    " الحزب الاتحاد النادي المجلس الإدارة المديرية الرئاسة القيادة"
)
# Adjectives of a function that the description it refers to may leave out: "المتحدث الرسمي"
# for "المتحدث العسكري المصري العميد محمد سمير".
FUNCTION_ADJECTIVES = _forms("الرسمي الرسمية الإعلامي الإعلامية الصحفي الصحافي")
MAX_DESCRIPTION_WORDS = 3


def _heads() -> frozenset[str]:
    return frozenset(
        strip_definite(w)
        for w in lexicon.PERSON_TITLES | lexicon.DESCRIPTION_HEADS
        if len(strip_definite(w)) > 1  # not "د" (Dr.)
    )


def word_forms(word: str) -> set[str]:
    """The forms a word may match by: without glued particles and the article."""
    return {strip_definite(f) for f in particle_forms(normalize(word))}


def referring_words(name: str) -> list[frozenset[str]] | None:
    """For a canonical source that refers back rather than names (``سموه``, ``المتحدث الرسمي``,
    ``الوزير المصري``, ``الشركة``), the word sets the referent's introduction must each meet;
    ``[]`` for a generic speaker (``المصدر``: the last one named); None for a name."""
    words = normalize(name).split()
    if len(words) == 1 and words[0] in HONORIFIC_PRONOUNS:
        return [HONORIFIC_PRONOUNS[words[0]]]
    if not words or len(words) > MAX_DESCRIPTION_WORDS or not all(is_definite(w) for w in words):
        return None
    if any(has_glued_preposition(w) for w in words):
        return None  # "المديرية العامة للجوازات" names its body
    if len(words) == 1 and words[0] in LAST_SPEAKER_NOUNS:
        return []
    head = strip_definite(words[0])
    if head not in _heads() and head not in BODY_HEADS:
        return None
    rest = [strip_definite(w) for w in words[1:]]
    return [frozenset({head}), *(frozenset({w}) for w in rest if w not in FUNCTION_ADJECTIVES)]


def is_body_reference(name: str) -> bool:
    """Whether a referring phrase describes a body (``الشركة``), not a person."""
    words = normalize(name).split()
    return bool(words) and strip_definite(words[0]) in BODY_HEADS


# Words that end a source phrase after its first word: a time or a setting ("جوارديولا عقب
# المباراة", "ابن زايد خلال لقائه"), and the participle or noun that opens what was said ("رائد
# البريكان قائلا", "الدلامي بقوله").
SOURCE_STOPS = frozenset(
    normalize(w)
    for w in "عقب خلال أثناء إثر اثر قبيل فور أمام قائلا قائلة قائلين بقوله بقولها بالقول".split()
)
# "على" ends a source after a name (شكري على أهمية), not after a definite word that takes it
# (المشرف العام على الفئات السنية, للحفاظ على الأسود).
ON = normalize("على")
# Nouns of manner or measure after بحسب/وفق, which say how, not who: "وفق أسلوب يجمع ...",
# "حسب نوعها", "وفق الضوابط الشرعية", "وفقا للمعايير الدولية".
MANNER_NOUNS = frozenset(
    strip_definite(normalize(w))
    for w in (
        "أسلوب طريقة طرق آلية آليات ضوابط الضوابط معايير المعايير خطة جدول نوع حجم مستوى درجة"
        " حاجة رغبة ظروف أولوية أولويات شروط الشروط"
    ).split()
)


def ends_source(word: str, previous: str) -> bool:
    """Whether ``word`` (normalised) ends a source phrase whose last word so far is ``previous``."""
    if word in SOURCE_STOPS:
        return True
    return word == ON and not is_definite(previous)


def names_a_manner(word: str) -> bool:
    """Whether a word after بحسب/وفق is a manner or a measure (``نوعها``, ``الضوابط``)."""
    return any(f in MANNER_NOUNS for f in word_forms(word)) or _has_possessive(word)


def _has_possessive(word: str) -> bool:
    # "حسب نوعها", "وفق رغبتهم": a noun with a possessive pronoun names no one.
    w = normalize(word)
    return len(w) > 4 and w.endswith(("ها", "هم", "هما")) and not is_definite(w)
