"""How Arabic news names the parties of a story: head nouns of groups, judging epithets, label keys.

None of these lists names a party: they are the general words news Arabic builds names of groups
and forces from (قوات ... ، ميليشيات ... ، جماعة ...), the epithets that judge a party rather than
name it (ميليشيا، انقلابي، متمرد، إرهابي، مخلوع، مزعوم ...), and the key that makes one label of
its spellings, clitics, word order and inflections (ميليشيات الحوثي = الميليشيات الحوثية).
`isnad.event.framing` finds the parties themselves in each story's own articles. Hand-written for
isnad; words are matched by stem, so one form per word is enough.
"""

from __future__ import annotations

from functools import lru_cache

from isnad.arabic.morphology import particle_forms, stem, strip_particles
from isnad.arabic.normalize import normalize, normalize_with_offsets, word_set


def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split())


# Nouns that head the name of a group or force and say what kind of party it is, not which:
# "قوات" of قوات التحالف، "جماعة" of جماعة الحوثي. Alone and definite, some stand for the party
# the story has named (التنظيم، الجماعة، الميليشيات).
_KIND_HEAD_WORDS = """
    قوات جماعة تنظيم حركة حزب كتائب لواء ألوية وحدات فصائل فصيل ميليشيات مليشيات ميليشيا
    مليشيا عصابات عصابة فلول عناصر مسلحي مقاتلي أنصار أتباع سلطات رجال
    """
KIND_HEADS = _stems(_KIND_HEAD_WORDS)
_KIND_HEAD_FORMS = word_set(_KIND_HEAD_WORDS)
# Nouns that name a party by themselves, with or without adjectives: التحالف (العربي)، المقاومة
# (الشعبية)، الجيش (الوطني)، الحكومة (الشرعية)، النظام (السوري)، الثوار.
PARTY_NOUNS = word_set(
    """
    تحالف مقاومة جيش معارضة حكومة نظام شرعية ثوار
    """
)
_PARTY_STEMS = frozenset(stem(w) for w in PARTY_NOUNS)
# Party nouns that stand for a government by its claim to rule: الشرعية is the government the story
# calls legitimate (in Yemen's war, Hadi's), whatever else it is called.
GOVERNMENT_CLAIMS = word_set(
    """
    شرعية
    """
)
GOVERNMENT = word_set(
    """
    حكومة
    """
)
# Party nouns for the organs of one state: a country's army, government and regime are one side of
# a story (الجيش اليمني، الحكومة اليمنية; قوات النظام السوري، الحكومة السورية).
STATE_NOUNS = word_set(
    """
    جيش حكومة نظام
    """
)
GROUP_HEADS = KIND_HEADS | _PARTY_STEMS
# Kind heads whose definite singular is another word (المسلح "armed", الوحدة "unity", اللواء
# "the general"): definite, they head a label only in the plural.
PLURAL_ONLY_HEADS = _stems(
    """
    مسلحي مقاتلي عناصر أنصار أتباع فلول وحدات لواء فصيل رجال
    """
)
# Words that share a head's stem but name no party: fighter jets, not fighters.
NOT_HEADS = word_set(
    """
    مقاتلات المقاتلات
    """
)
# Epithets that judge the party they qualify or stand for.
EPITHETS = _stems(
    """
    ميليشيا مليشيا ميليشيات مليشيات انقلابي انقلابيين متمرد متمردين إرهابي إرهابيين تكفيري
    تكفيريين مخلوع مزعوم إجرامي مجرم مجرمين عصابة عصابات مرتزقة فلول دموي وحشي همجي ظلامي
    طائفي صفوي عميل عملاء خائن خونة غاشم متطرف متطرفين باغي بغاة تمرد انقلاب
    """
)
# Words of judgement that are not labels: they mark the outlet's voice wherever they occur.
JUDGING_WORDS = EPITHETS | _stems(
    """
    إجرام جرائم جريمة فظائع بشع وحشية همجية عدوان عدواني جبان غادر خسيس آثم
    """
)
# Words that end a label: a label is a head with its names and adjectives, up to the first of these.
LABEL_STOPS = word_set(
    """
    في من إلى الى عن مع بعد قبل منذ خلال ضد عند لدى حول أمس اليوم غدا التي الذي الذين التابعة
    التابع بقيادة بزعامة باتجاه أن إن هو هي هم كما الموجودة الموجود الموجودين
    السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة الشهر الأسبوع
    إليه إليها إليهم عليه عليها عليهم منه منها منهم فيه فيها فيهم له لها لهم به بها بهم عنه عنها
    """
)
# Words after a party that tie it to another (المقاومة الشعبية المسنودة بقوات الجيش): the rest of
# the phrase is about that other party, so they end a label.
RELATION_WORDS = word_set(
    """
    المسنودة المسنود المسنودين المتحالفة المتحالفين الحليفة الحليف المؤيدة المؤيدين الداعمة
    المناهضة المناهضين المدعومة المدعوم المدعومين المدعومون الداعم المتمثلة المتمثل
    مدعوما مدعومة مدعومين مدعومون مسنودا مسنودة مسنودين
    """
)
# ... except loyalty, which says which side a force is on and so belongs to its label (الجيش الموالي)
# without naming it: "القوات الموالية" names the side by whom it is loyal to.
LOYAL_WORDS = word_set(
    """
    الموالي الموالية الموالين الموالون موالي موالية موالين موالون
    """
)
MAX_LABEL_WORDS = 4
# Kind heads said of every force of a story (قوات، وحدات): alone, even definite, they name no party;
# التنظيم or الميليشيات alone stand for the one the story calls so.
GENERIC_HEADS = _stems(
    """
    قوات وحدات
    """
)
# Names of organisations that are also common nouns: القاعدة is al-Qaeda and an army's base (or a
# town: منطقة القاعدة). The base is meant when a place follows it (القاعدة الجوية، قاعدة العند،
# القاعدة الواقعة شمال عدن) or a word of places or of the military precedes it (داخل القاعدة،
# قائد القاعدة); once an article speaks of a base, its القاعدة is the base unless a group head
# says otherwise (عناصر القاعدة، تنظيم القاعدة).
PLACE_NAMES = word_set(
    """
    قاعدة معسكر معسكرات مطار ميناء سجن
    """
)
PLACE_AFTER = word_set(
    """
    الجوية العسكرية الاستراتيجية الإستراتيجية البحرية البرية الواقعة الرئيسية الجوي الحربية
    """
)
PLACE_BEFORE = word_set(
    """
    منطقة مدينة بلدة قرية مديرية داخل محيط قرب بوابة بوابات مدرج مدخل أسوار مطار أرجاء غرب شرق
    شمال جنوب غربي شرقي شمالي جنوبي قائد آمر اقتحام اجتياح استعادة تمشيط
    """
)


@lru_cache(maxsize=1 << 17)  # asked of every token of every article the framing reads, often twice
def bare(word: str) -> str:
    """A word without the particles glued to it, including a lone ل or ب before a word this module
    knows (لميليشيات، بقوات), which `strip_particles` leaves alone in general; a head in the
    nominative construct (مقاتلو) in the form of the others (مقاتلي)."""
    norm = normalize(word)
    forms = particle_forms(norm)
    # وللحوثيين: و + ل + الحوثيين, which `particle_forms` peels only when ل opens the word.
    forms += tuple("ال" + f[2:] for f in forms if f.startswith("لل") and "ال" + f[2:] not in forms)
    for form in reversed(forms):
        # وكالة is no و + ك + الة: an article needs a word of three letters or more after it.
        if form != norm and ((form.startswith("ال") and len(form) > 4) or stem(form) in GROUP_HEADS):
            norm = form
            break
    else:
        norm = strip_particles(norm)
    if norm.endswith("و") and stem(norm[:-1] + "ي") in GROUP_HEADS:
        return norm[:-1] + "ي"
    return norm


def shown_form(word: str) -> str:
    """The first word of a label as an editor reads it: as written, without the particles glued
    to it (للحوثيين: الحوثيين; وبقوات: قوات) and in the case a label is listed in (ومقاتلو:
    مقاتلي; المتمردون: المتمردين), so one label is shown one way whatever its sentence did to it."""
    written = normalize_with_offsets(word)
    norm, kept = written.text, bare(word)
    if kept.endswith("ي") and not norm.endswith("ي"):  # مقاتلو: the construct's case ending
        norm, word = norm[:-1] + "ي", word[: written.offsets[len(norm) - 1]] + "ي"
        written = normalize_with_offsets(word)
    if norm.endswith(kept):
        shown = word[written.offsets[len(norm) - len(kept)] :]
    elif kept.startswith("ال") and norm.endswith("ل" + kept[2:]):  # للحوثيين: ل + الحوثيين
        shown = "ا" + word[written.offsets[len(norm) - len(kept) + 1] :]
    else:
        shown = word
    if shown.endswith("ون") and (is_member_noun(shown) or (is_epithet(shown) and is_plural(shown))):
        shown = shown[:-2] + "ين"  # الحوثيون, الانقلابيون: the oblique form most labels take
    return shown


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """One key for a word's spellings, clitics and inflections (ميليشيات / الميليشيات / مليشيات)."""
    base = stem(bare(word))
    if base.startswith("م") and base[1:] in EPITHETS:
        base = base[1:]  # متمرد and تمرد, the rebel and the rebellion, judge alike
    # ي is spelt freely in borrowed words (ميليشيا / مليشيا): drop it after the first letter. Not ا
    # or و, which tell words apart: الخوارج is not الخارجية, nor الجماعات جامعة.
    return base[0] + "".join(c for c in base[1:] if c != "ي") if len(base) > 3 else base


def label_key(words: list[str]) -> tuple[str, ...]:
    """One key for a label across word order too: ميليشيات الحوثي = الميليشيات الحوثية."""
    return tuple(sorted({word_key(w) for w in words}))


@lru_cache(maxsize=1 << 16)  # asked of every token the framing reads
def is_head(word: str) -> bool:
    """A head noun of a label: a kind of party (قوات، ميليشيات) or a party noun (التحالف، الجيش).

    Some definite kind heads must be plural (المسلحين، but المسلح of التمرد المسلح is an
    adjective); nisba adjectives (الحكومي) share the stem of a head but are not one.
    """
    form = bare(word)
    if form in NOT_HEADS:
        return False
    if form.startswith("ال"):
        if form[2:] in PARTY_NOUNS:
            return True
        base = stem(form)
        if base in _PARTY_STEMS and is_plural(form):
            return True  # المعارضين: the members of a party noun
        return base in KIND_HEADS and (base not in PLURAL_ONLY_HEADS or is_plural(form))
    # Indefinite, a nisba (جماعي "collective") is an adjective; construct plurals (مسلحي) are heads;
    # a party noun is itself, not a word of its stem (شرعت "began" is no شرعية).
    if form in PARTY_NOUNS:
        return True
    return stem(form) in KIND_HEADS and (not form.endswith("ي") or stem(form) in PLURAL_ONLY_HEADS)


# Adjectives that say what kind of force a head is, not whose: قوات عسكرية، الوحدات العسكرية.
KIND_ADJECTIVES = _stems(
    """
    عسكرية
    """
)


def is_head_as_written(word: str) -> bool:
    """A kind head in one of its listed forms (جماعه is جماعة written with ه, not جماع + ه "its")."""
    form = bare(word)
    return (form[2:] if form.startswith("ال") else form) in _KIND_HEAD_FORMS


def is_head_adjective(word: str) -> bool:
    """An adjective made from a kind head (المسلحة "armed"), or of the kind of force (العسكرية):
    it says what kind, not which party."""
    return stem(bare(word)) in KIND_HEADS or is_kind_adjective(word)


def is_kind_adjective(word: str) -> bool:
    """العسكرية، عسكري; not the plural العسكريين, "the military", which stands for people."""
    return stem(bare(word)) in KIND_ADJECTIVES and not is_sound_plural(word)


def is_party_noun(word: str) -> bool:
    """A noun that names a party by itself (التحالف، المقاومة، جيش)."""
    form = bare(word)
    return (form[2:] if form.startswith("ال") else form) in PARTY_NOUNS


@lru_cache(maxsize=1 << 16)  # asked of every token the framing reads
def is_collective(word: str) -> bool:
    """A definite head that stands alone for a party: التحالف، المقاومة، التنظيم، الميليشيات."""
    return bare(word).startswith("ال") and is_head(word)


def is_plural_only_head(word: str) -> bool:
    """A head for the members of a party (مسلحي، مقاتلي، عناصر): said of the party it names."""
    return stem(bare(word)) in PLURAL_ONLY_HEADS


def is_kind_head(word: str) -> bool:
    return is_head(word) and not is_party_noun(word)


def is_epithet(word: str) -> bool:
    return stem(bare(word)) in EPITHETS


@lru_cache(maxsize=1 << 16)  # asked of every token the framing reads
def is_judging(word: str) -> bool:
    return stem(bare(word)) in JUDGING_WORDS


@lru_cache(maxsize=1 << 16)  # asked of every token the framing reads
def is_member_noun(word: str) -> bool:
    """A definite plural of a nisba (الحوثيين، اليمنيون) or a judging epithet used as a noun
    (الانقلابيين، المتمردين): the members of a party, standing for it."""
    norm = bare(word)
    if not norm.startswith("ال") or len(norm) < 7:
        return False
    return norm.endswith(("يين", "يون")) or (is_epithet(norm) and norm.endswith(("ين", "ون")))


def is_plural(word: str) -> bool:
    return bare(word).endswith(("ين", "ون", "ات")) or stem(bare(word)) == stem("عناصر")


@lru_cache(maxsize=1 << 16)
def is_relation(word: str) -> bool:
    return normalize(word) in RELATION_WORDS


@lru_cache(maxsize=1 << 16)
def is_loyal(word: str) -> bool:
    return normalize(word) in LOYAL_WORDS


# Epithets of a person that a name follows: "المخلوع علي عبدالله صالح".
PERSON_EPITHETS = _stems(
    """
    مخلوع
    """
)


@lru_cache(maxsize=1 << 16)  # asked of every token the framing reads
def is_person_epithet(word: str) -> bool:
    return stem(bare(word)) in PERSON_EPITHETS


def in_a_name(word: str) -> bool:
    """A word that may go on a person's name after a title: not definite, but for الله of
    compound names (علي عبد الله صالح)."""
    form = bare(word)
    return not form.startswith("ال") or form == "الله"


def is_coordinated(word: str) -> bool:
    """Whether the word opens with the conjunction و (والحوثيين، وقوات): a second party, not an apposition."""
    norm = normalize(word)
    return norm.startswith("و") and strip_particles(norm) != norm


@lru_cache(maxsize=1 << 14)
def is_place_nisba(word: str) -> bool:
    """An adjective of a country (السوري، اليمنية، الأمريكيين): it says where a party is from, and
    many parties of one story share it, so it never names one."""
    from isnad.arabic.lexicon import country_names  # the lexicon imports this module's neighbours

    form = bare(word)
    form = form[2:] if form.startswith("ال") else form
    for ending in ("يين", "يون", "يه", "ي"):
        if form.endswith(ending) and len(form) > len(ending) + 2:
            base = form[: -len(ending)]
            return any(place in country_names() for place in (base, base + "يا", base + "ا", "ال" + base))
    return False


def stops_label(word: str) -> bool:
    norm = normalize(word)
    if word == "على":  # the preposition; normalised it is written like the name علي
        return True
    return norm in LABEL_STOPS or (strip_particles(norm) != norm and not norm.startswith("ال"))


def is_generic_head(word: str) -> bool:
    """A head said of every force of a story (قوات، القوات): alone it names none."""
    return stem(bare(word)) in GENERIC_HEADS


@lru_cache(maxsize=1 << 16)  # asked of every token of every article the framing reads
def _place_form(word: str) -> str | None:
    """The form of an organisation name that is also a place noun (قاعدة for وبالقاعدة), else None."""
    for form in particle_forms(normalize(word)):
        base = form[2:] if form.startswith("ال") else form
        if base in PLACE_NAMES:
            return form
    return None


def is_place_noun(word: str) -> bool:
    """Whether the word is an organisation name that is also a noun of places (القاعدة)."""
    return _place_form(word) is not None


def means_a_place(word: str, before: str | None, after: str | None) -> bool:
    """Whether ``word`` (a place noun, see `is_place_noun`) names a place here, from the words
    right before and after it: "قاعدة العند", "القاعدة الجوية", "داخل القاعدة"."""
    form = _place_form(word)
    if form is None:
        return False
    if not form.startswith("ال"):
        return True  # indefinite, it heads the name of a place: قاعدة العند، بقاعدة حميميم
    if after is not None and strip_particles(normalize(after)) in PLACE_AFTER:
        return True
    return before is not None and strip_particles(normalize(before)) in PLACE_BEFORE


def is_state_noun(word: str) -> bool:
    """A party noun for an organ of a state (الجيش، الحكومة، النظام)."""
    form = bare(word)
    return (form[2:] if form.startswith("ال") else form) in STATE_NOUNS


def ends_like_a_verb(word: str) -> bool:
    """Whether a word ends as a plural past verb does (فروا، باتوا): no name ends so, so a person's
    name found to run into one has swallowed the verb after it."""
    norm = normalize(word)
    return len(norm) > 3 and norm.endswith("وا")


def is_sound_plural(word: str) -> bool:
    """A masculine sound plural (الحوثيين، المتمردون): its adjectives are plural too."""
    return bare(word).endswith(("ين", "ون"))


# Party nouns that are also adjectives: القوات الشرعية "the legitimate forces", القوات المعارضة.
ADJECTIVE_PARTY_NOUNS = word_set(
    """
    شرعية معارضة
    """
)


def is_adjective_too(word: str) -> bool:
    """A party noun that may also qualify a noun before it (القوات المعارضة)."""
    form = bare(word)
    return (form[2:] if form.startswith("ال") else form) in ADJECTIVE_PARTY_NOUNS


@lru_cache(maxsize=1 << 14)
def is_country(word: str) -> bool:
    """A country's name (الإمارات، اليمن): after a party noun it says whose party it is (جيش الإمارات)."""
    from isnad.arabic.lexicon import country_names

    form = bare(word)
    return any(name.split()[0] == form for name in country_names())
