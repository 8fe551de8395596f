"""Words that refer back to a speaker the article has already named: honorific pronouns
(``سموه`` "His Highness"), generic speakers (``المصدر`` "the source", ``المتحدث`` "the
spokesman") and definite descriptions (``الوزير المصري``, ``الرئيس التركي``, ``الشركة``).

`referring_words` says which words a named person or body must have been introduced with for
such a phrase to refer to it; `isnad.article.coreference` finds that one in the article."""

from __future__ import annotations

import re

from isnad.arabic import lexicon
from isnad.arabic.morphology import has_glued_preposition, is_definite, particle_forms, strip_definite
from isnad.arabic.normalize import normalize


def _forms(words: str) -> frozenset[str]:
    return frozenset(strip_definite(normalize(w)) for w in words.split())


def _norms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


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
MAX_CONSTRUCT_WORDS = 7  # مدير عام إدارة التراخيص بفرع الهيئة بالمنطقة


# Titles and jobs without the article: what a description that refers back starts with.
_HEADS = frozenset(
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
    if head not in _HEADS and head not in BODY_HEADS:
        return None
    rest = [strip_definite(w) for w in words[1:]]
    return [frozenset({head}), *(frozenset({w}) for w in rest if w not in FUNCTION_ADJECTIVES)]


def described_words(name: str) -> list[frozenset[str]] | None:
    """For a source given by a job in the construct state (``مدير عام فرع الهيئة بالمنطقة``,
    ``مدير فرع السياحة بمنطقة الرياض``) rather than named, the word sets the introduction of the
    person it describes must each meet (each word without its particles and article); None for a
    name or a definite description (`referring_words`). The description may leave words of the
    introduction out (``عام``, ``هيئة``), never add one."""
    words = normalize(name).split()
    if not 2 <= len(words) <= MAX_CONSTRUCT_WORDS:
        return None
    head = words[0]
    if is_definite(head) or has_glued_preposition(head) or head not in _HEADS:
        return None
    rest = [frozenset(word_forms(w)) for w in words[1:]]
    return [frozenset({head}), *(forms for forms in rest if not forms & FUNCTION_ADJECTIVES)]


def is_body_reference(name: str) -> bool:
    """Whether a referring phrase describes a body (``الشركة``), not a person."""
    words = normalize(name).split()
    return bool(words) and strip_definite(words[0]) in BODY_HEADS


# Words that end a source phrase after its first word: a time or a setting ("جوارديولا عقب
# المباراة", "ابن زايد خلال لقائه"), and what opens what was said ("رائد البريكان قائلا",
# "الدلامي بقوله", "وبحسب المصادر فإن ...").
# A separate pronoun opens a nominal clause, which no name holds: "قال الصولي هما تعتبران مدانتين".
SOURCE_STOPS = _norms(
    "عقب خلال أثناء إثر اثر قبيل فور أمام قائلا قائلة قائلين بقوله بقولها بالقول فإن هو هي هما هم هن نحن أنا"
    " مع"  # "وقال الرئيس المصري مع عبور أول سفينة"
)
# "على" ends a source after a name (شكري على أهمية), not after a definite word that takes it
# (المشرف العام على الفئات السنية, للحفاظ على الأسود).
ON = lexicon.ON_WORD
# Nouns of manner or measure after بحسب/وفق, which say how, not who: "وفق أسلوب يجمع ...",
# "حسب نوعها", "وفق الضوابط الشرعية", "وفقا للمعايير الدولية"; and measures ("عدد الركاب").
MANNER_NOUNS = _forms(
    "أسلوب طريقة طرق آلية آليات ضوابط معايير خطة جدول نوع نوعية حجم مستوى درجة حاجة رغبة ظروف"
    " أولوية أولويات شروط نجاح عدد نسبة قيمة إجمالي مجموع معدل متوسط"
    # rules a thing is done by: "وفق نظام المنتج المستقل", "وفقا لقوانين الإمارات", "طبقا للإجراءات"
    " نظام أنظمة قانون قوانين لائحة لوائح توجيهات تعليمات إجراءات واقع تصميم"
)


# Elatives before a manner noun: "وفق أرقى معايير حماية البيئة", "وفق أفضل المعايير".
ELATIVES = _norms("أفضل أرقى أحدث أعلى أسمى أرفع")
# "ورؤى" (visions) folds to the verb روى (narrated) once its hamza is normalised away.
NOT_CUE_SPELLINGS = frozenset({"رؤى", "ورؤى", "برؤى", "لرؤى"})
# Statements with a possessive, after في, which end a source: "أعلنت الشركة في مؤتمرها الصحفي".
STATEMENT_FORMS = _norms(
    "مؤتمرها مؤتمره مؤتمرهم إعلانها إعلانه بيانها بيانه بيانهم تغريدته تغريدتها تقريرها تقريره"
    " تقريرهم كلمته كلمتها حديثه حديثها"
)
# The audience spoken to, which is no intermediary: "قال قائد شرطة تايلاند للصحافيين".
AUDIENCES = _norms("للصحافيين للصحفيين للصحافة للإعلاميين للحضور للحاضرين للاعبين للجمهور للمشاركين")
# Verbs of showing, whose subject is a study or a survey: "أظهرت دراسة أن", "حسبما أظهر مسح".
SHOWING_VERBS = _norms("أظهر أظهرت يظهر تظهر أظهرا")
# Data and surveys: documents whose publisher follows them ("بيانات بورصة موسكو", "مسح لرويترز").
DATA_NOUNS = _norms("بيانات البيانات مسح المسح إحصاءات الإحصاءات أرقام الأرقام")
# Phrases that open a sentence before its verb, turning to another speaker: "من جهته، أثنى
# السفير ... مشيرا إلى أن", "بدوره أكد ...".
TURNS = (
    _norms("من جهته جهتها جانبه جانبها ناحيته ناحيتها"),
    _norms("بدوره بدورها"),
)
# "من ناحية أخرى، قام ...": a turn to another matter, which a sentence's verb follows as well.
OTHER_SIDE = _norms("ناحية جهة جانب")
OTHER = _norms("أخرى ثانية آخر")


def titles_a_person(word: str) -> bool:
    """Whether a normalised word is a title that introduces a person's name: the tagger's titles
    (الدكتور، المهندس ...), ranks (النقيب) and the courtesy title الأستاذ/الأستاذة."""
    return word in lexicon.PERSON_TITLES or word in COURTESY_TITLES or word in lexicon.RANK_TITLES


# Kept apart from PERSON_TITLES, a feature of the trained tagger.
COURTESY_TITLES = _norms("الأستاذ الأستاذة دكتور الدكتورة المهندسة")  # "العقيد دكتور عاطي القرشي"


# A quoted name after a preposition glued to it: بـ"صحة تبوك".
_GLUED_BEFORE_QUOTE = re.compile(r'(^|\s)([بل])ـ?["«“]')


def glue_quoted_name(text: str) -> str:
    """``text`` (as written) with a preposition glued back to the quoted name after it:
    ``إدارة العلاقات بـ"صحة تبوك"`` reads ``إدارة العلاقات بصحة تبوك"``."""
    return _GLUED_BEFORE_QUOTE.sub(r"\1\2", text)


def turn_length(words: list[str]) -> int:
    """How many of the first normalised words are a turn to another speaker (``من جهته``,
    ``بدوره``, ``من ناحية أخرى``), which a sentence's verb follows."""
    if len(words) > 2 and words[0] == normalize("من") and words[1] in OTHER_SIDE and words[2] in OTHER:
        return 3
    if len(words) > 1 and words[0] == normalize("من") and words[1] in TURNS[0]:
        return 2
    return 1 if words and words[0] in TURNS[1] else 0


# Time words that open a date, not a source: "قال يوم الاثنين إن".
DAY_WORDS = _norms("يوم صباح مساء ظهر فجر ليلة")

# Verbs of announcing, and the verbal nouns that open what was announced when no أن follows:
# "أعلن اتحاد الكرة اسم المدير الفني", "أعلنت السلطات الباكستانية مقتل القيادي", "أعلن المتحدث
# باسم طالبان ذبيح الله مجاهد اختيار منصور" (read on 2015-08-04's announcements).
ANNOUNCING_VERBS = _norms("أعلن أعلنت يعلن تعلن أعلنوا")
ANNOUNCED_OBJECTS = _norms(
    "اسم حالة توفر اختيار تعيين مقتل وفاة تأجيل إلغاء بدء انطلاق إطلاق افتتاح إغلاق فتح نتائج"
    " نتائجها موعد شن مبايعة مبايعتها تجهيز اكتمال استقالة اعتقال تحرير إصابة قبول رفض"
    " مسؤوليته مسؤوليتها مسؤوليتهم"  # "أعلنت حركة طالبان مسؤوليتها عن الهجوم قائلة إن"
    " اعتماد تخريج تشكيل تدشين تسمية ترشيح تمديد"  # "أعلن النادي الأهلي اعتماد الأستاذ ..."
)


def is_prepositional_object(word: str) -> bool:
    """Whether a normalised word is a preposition glued to a definite noun or to a verbal noun of
    a derived form (``بالخطأ``, ``للمسؤولين``, ``لاستمرار``), which no subject starts with: "اعترف
    بالخطأ", "ودعا لاستمرار الجهود". Not a name such as ``بالمر`` or ``لاعب``."""
    if word.startswith(("بال", "لل")) and len(word) > 5:
        return True
    rest = word[1:]
    return word.startswith("ل") and rest.startswith("ا") and len(rest) >= 5 and rest[-2] == "ا"


def reports_with_object(word: str) -> bool:
    """A verb of saying with an object pronoun, after ما: "طبقا لما ذكره فلان", "حسبما نشرته
    الصحيفة", "وفقا لما أعلنته الوزارة" (normalised)."""
    return any(
        len(word) > len(suffix) + 2
        and word.endswith(suffix)
        and word[: -len(suffix)] in lexicon.REPORTING_VERBS
        for suffix in ("ه", "ها")
    )


# Places and bodies named after a person, whose title then names no speaker: "بجامعة الملك
# عبدالعزيز", "مدينة الملك سعود الطبية", "مستشفى الدكتور سليمان الحبيب".
NAMED_AFTER_HEADS = _norms(
    "جامعة مدينة مستشفى مركز مطار شارع طريق مجمع قاعدة ميناء جائزة مؤسسة كلية مسجد قصر جسر"
)


def bears_the_name(before: list[str]) -> bool:
    """Whether the words written before a person's name (nearest last) make it the name a body
    or place bears: "مركز الملك سلمان للإغاثة", "جامعة الملك عبدالعزيز", "مستشفى الدكتور سليمان
    الحبيب" (a title between the head and the name is looked past)."""
    words = [normalize(w) for w in before[-2:]]
    if len(words) == 2 and words[-1] in lexicon.PERSON_TITLES:
        words = words[:1]
    return bool(words) and any(f in NAMED_AFTER_HEADS for f in particle_forms(words[-1]))


def ends_source(word: str, previous: str) -> bool:
    """Whether ``word`` (normalised) ends a source phrase whose last word so far is ``previous``."""
    if word in SOURCE_STOPS:
        return True
    return word == ON and not is_definite(previous)


def names_a_manner(word: str, next_word: str = "") -> bool:
    """Whether a phrase after بحسب/وفق opening with ``word`` is a manner or a measure (``نوعها``,
    ``الضوابط``, ``أرقى معايير``, ``للنجاح``): how, not who."""
    if normalize(word) in ELATIVES and next_word:
        return names_a_manner(next_word)
    return any(f in MANNER_NOUNS for f in word_forms(word)) or has_possessive(word)


# تبين is "she shows" and, as often, "it turned out".
BECAME_CLEAR = _norms("تبين يتبين")


def turned_out(verb: str, subject: str) -> bool:
    """Whether تبين (normalised ``verb``) with ``subject`` (its first word after it) says "it
    turned out": "وتبين سلامتها" (its soundness), a noun with a possessive, is what turned out,
    where "وتبين الدراسة أن" names a source."""
    return any(f in BECAME_CLEAR for f in particle_forms(verb)) and has_possessive(subject)


def has_possessive(word: str) -> bool:
    # "حسب نوعها", "وفق رغبتهم": a noun with a possessive pronoun names no one.
    w = normalize(word)
    return len(w) > 4 and w.endswith(("ها", "هم", "هما")) and not is_definite(w)


# People spoken of as a group, who may be cited after بحسب/وفقا: "وفقا للمحللين", "حسب السكان".
PEOPLE_NOUNS = _forms(
    "محللين محللون مراقبين مراقبون ملاحظين سكان ناشطين ناشطون أطباء مسؤولين مسؤولون باحثين باحثون"
    " علماء خبراء شهود شاهد مقربين مطلعين مختصين متحدث متحدثة صحفيين صحافيين صحفي صحافي"
)
# Kin, who speak for a person, most often with a possessive: "بحسب أمه", "وفقا لوالده".
KIN_NOUNS = _norms("أم والدة والد أب ابن ابنة شقيق شقيقة أخ أخت زوج زوجة")
_POSSESSIVES = ("هما", "ها", "هم", "ه")
# Bodies and media by words the other lists leave out: "وفقا للمرصد السوري", "بحسب المفوضية
# الأوروبية", "حسب وسائل الإعلام التركية", "بحسب صحف محلية".
MORE_SPEAKING_BODIES = _forms("مرصد مفوضية استخبارات إعلام صحف")
# Outlets named by one word after بحسب/وفقا: the agencies by their nisba ("وفقا للفرنسية"), the
# corpus's own papers ("بحسب عكاظ").
ONE_WORD_OUTLETS = _norms("الفرنسية الألمانية") | _norms(" ".join(lexicon.OUTLET_NAMES.values()))
_SPEAKER_WORDS = frozenset(
    strip_definite(w)
    for w in lexicon.PERSON_TITLES
    | lexicon.DESCRIPTION_HEADS
    | lexicon.OFFICIAL_NOUNS
    | lexicon.ANONYMOUS_NOUNS
    | lexicon.DOCUMENT_NOUNS
    | lexicon.OUTLET_NOUNS
    | lexicon.INSTITUTION_HEADS
    | lexicon.ORGANISATION_HEADS
    | lexicon.GROUP_HEADS
)


def names_a_speaker(source: str) -> bool:
    """Whether a cited phrase holds a word for someone who speaks or publishes: a title or job, a
    body, a medium, a document, a group of people ("وفقا لمدير الشرطة", "بحسب التقرير"). Without
    one, and without a name, a phrase after بحسب/وفقا is a rule or a measure ("حسب الجزاءات
    المقررة نظاما", "حسب الفئة العمرية المستهدفة")."""
    words = normalize(source).split()
    if len(words) == 1 and any(form in ONE_WORD_OUTLETS for form in particle_forms(words[0])):
        return True
    for word in words:
        if any(word.endswith(p) and word[: -len(p)] in KIN_NOUNS for p in _POSSESSIVES):
            return True
        for form in particle_forms(word):
            bare = strip_definite(form)
            if (
                bare in _SPEAKER_WORDS
                or bare in PEOPLE_NOUNS
                or bare in MORE_SPEAKING_BODIES
                or bare in BODY_HEADS
            ):
                return True
    return False


_FEMININE_RELATIVES = _norms("التي اللتان اللواتي اللاتي")
_MASCULINE_RELATIVES = _norms("الذي اللذان الذين")


def relative_is_object(relative: str, verb: str) -> bool:
    """Whether a relative pronoun (normalised) right before a verb of saying is its object, not
    its subject, because the two disagree in gender: "الدول التي قال إنها" (the countries he said
    were ...), "الرجل الذي قالت إنه"; the speaker is then the clause's subject."""
    bare = verb[1:] if verb[:1] in "وف" and len(verb) > 3 else verb
    feminine_verb = bare.endswith("ت") or (bare.startswith("ت") and len(bare) == 4)  # قالت، تقول
    masculine_verb = bare.startswith("ي") or not (bare.endswith("ت") or bare.startswith("ت"))
    if relative in _FEMININE_RELATIVES:
        return masculine_verb
    return relative in _MASCULINE_RELATIVES and feminine_verb
