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

from isnad.arabic.morphology import stem, strip_particles
from isnad.arabic.normalize import normalize

# Nouns that head the name of a group or force and say what kind of party it is, not which.
GROUP_HEADS = frozenset(
    stem(w)
    for w in """
    قوات جيش جماعة تنظيم حركة حزب جبهة كتائب لواء ألوية وحدات فصائل فصيل ميليشيات مليشيات
    ميليشيا مليشيا عصابات عصابة فلول عناصر مسلحي مقاتلي أنصار قيادة نظام حكومة سلطات تحالف
    """.split()
)
# Nouns that name a party by themselves when definite: "التحالف", "المقاومة", "الجيش", "المعارضة".
COLLECTIVE_NOUNS = frozenset(
    normalize(w) for w in "تحالف مقاومة جيش معارضة حكومة نظام شرعية سلطات تنظيم جماعة حركة".split()
)
# Heads that say only what kind of party follows, so they never name it: "قوات" of قوات التحالف.
KIND_HEADS = GROUP_HEADS - {stem(w) for w in COLLECTIVE_NOUNS}
# Epithets that judge the party they qualify or stand for.
EPITHETS = frozenset(
    stem(w)
    for w in """
    ميليشيا مليشيا ميليشيات مليشيات انقلابي انقلابيين متمرد متمردين إرهابي إرهابيين تكفيري
    تكفيريين مخلوع مزعوم إجرامي مجرم مجرمين عصابة عصابات مرتزقة فلول دموي وحشي همجي ظلامي
    طائفي صفوي عميل عملاء خائن خونة غاشم متطرف متطرفين باغي بغاة
    """.split()
)
# Words of judgement that are not labels: they mark the outlet's voice wherever they occur.
JUDGING_WORDS = EPITHETS | frozenset(
    stem(w) for w in "إجرام جرائم جريمة فظائع بشع وحشية همجية عدوان عدواني جبان غادر خسيس آثم".split()
)
# Words that end a label: a label is a head with its names and adjectives, up to the first of these.
LABEL_STOPS = frozenset(
    normalize(w)
    for w in """
    في على من إلى الى عن مع بعد قبل منذ خلال ضد عند لدى حول أمس اليوم غدا التي الذي الذين التابعة
    التابع المدعومة المدعوم بقيادة بزعامة باتجاه أن إن هو هي هم كما
    """.split()
)
MAX_LABEL_WORDS = 4


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """One key for a word's spellings, clitics and inflections (ميليشيات / الميليشيات / مليشيات)."""
    base = stem(strip_particles(normalize(word)))
    # Long vowels are spelt freely in borrowed words (ميليشيا / مليشيا): keep the first letter only.
    return base[0] + "".join(c for c in base[1:] if c not in "اوي") if len(base) > 3 else base


def label_key(words: list[str]) -> tuple[str, ...]:
    """One key for a label across word order too: ميليشيات الحوثي = الميليشيات الحوثية."""
    return tuple(sorted({word_key(w) for w in words}))


def is_head(word: str) -> bool:
    return stem(strip_particles(normalize(word))) in GROUP_HEADS


def is_collective(word: str) -> bool:
    """A definite collective noun that names a party alone (التحالف)."""
    norm = strip_particles(normalize(word))
    return norm.startswith("ال") and norm[2:] in COLLECTIVE_NOUNS


def is_kind_head(word: str) -> bool:
    return stem(strip_particles(normalize(word))) in KIND_HEADS


def is_epithet(word: str) -> bool:
    return stem(strip_particles(normalize(word))) in EPITHETS


def is_judging(word: str) -> bool:
    return stem(strip_particles(normalize(word))) in JUDGING_WORDS


def is_member_noun(word: str) -> bool:
    """A definite plural of a nisba (الحوثيين، اليمنيون) or a judging epithet used as a noun
    (الانقلابيين، المتمردين): the members of a party, standing for it."""
    norm = strip_particles(normalize(word))
    if not norm.startswith("ال") or len(norm) < 7:
        return False
    return norm.endswith(("يين", "يون")) or (is_epithet(norm) and norm.endswith(("ين", "ون")))


def stops_label(word: str) -> bool:
    norm = normalize(word)
    return norm in LABEL_STOPS or strip_particles(norm) != norm and not norm.startswith("ال")
