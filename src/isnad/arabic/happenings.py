"""Nouns that name an attack (a bombing, a raid, an assassination), and the phrases they head.

Reactions to one attack (condemnations, condolence calls, the governor's visit to the wounded, a
ministry's denial) are written with other words than the first report, but they name the attack
they react to, mostly with the same noun and object: ``تفجير مسجد قوات الطوارئ``,
``التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ``, ``#تفجير_طوارئ_عسير``. Such phrases in two
articles' leads say they are about one happening; `happening_phrases` gives them as
``noun~word`` keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from isnad.arabic.morphology import stem, strip_particles
from isnad.arabic.normalize import normalize, word_set

# Attacks only: an attack draws reactions (condemnations, condolence calls, visits to the wounded)
# that name it. Accidents and fires (حادث، حريق، تحطم) are the daily items of every city: sharing
# "traffic accident" or "fire in a building" says nothing about which one.
_NOUNS = "تفجير هجوم اعتداء قصف اغتيال اختطاف"
# As the text layer stems them: a Doc's terms are compared with these.
HAPPENING_STEMS = frozenset(stem(normalize(word)) for word in _NOUNS.split())
# Content words after the noun that may name its object ("the bombing [that targeted] the mosque
# of the emergency forces"): a few, since the object follows the noun closely.
OBJECT_WORDS = 4


def happening_phrases(terms: Sequence[str], telling: Callable[[str], bool]) -> set[str]:
    """``noun~word`` for each happening noun among ``terms`` (stems, ``""`` for stopwords) and
    each of the next `OBJECT_WORDS` content stems that ``telling`` keeps (words common to all
    news, such as "terrorist", name no object)."""
    phrases: set[str] = set()
    for i, term in enumerate(terms):
        if term not in HAPPENING_STEMS:
            continue
        taken = 0
        for word in terms[i + 1 :]:
            if taken == OBJECT_WORDS:
                break
            if word and word not in HAPPENING_STEMS and telling(word):
                phrases.add(f"{term}~{word}")
                taken += 1
    return phrases


# A head of state's cable of congratulation or condolence (برقية تهنئة لفخامة الرئيس ... رئيس
# جمهورية سنغافورة بمناسبة ...) is one of a dozen a day, each in the same words but for whom it
# goes to: two cables to two countries are two happenings, which share every other word.
_CABLE = re.compile(
    r"برقي(?:ه|تي|تا|ات)\S*\s+(?:تهنيه|تعزيه|عزاء|مواساه)(?P<to>(?:\s+\S+){1,20}?)\s+(?:بمناسبه|في\s+وفاه)"
)
# Words of any addressee: titles of office and kinds of state.
_ADDRESS_WORDS = word_set(
    """
    الى إلى لفخامة فخامة الرئيس رئيس رئيسة جمهورية الجمهورية دولة مملكة المملكة سلطنة إمارة
    دولته جلالة الملك ملك صاحب السمو الأمير أمير الشيخ حاكم الحاكم العام وزراء الحكومة اخيه أخيه
    أخيها لرئيس للرئيس لجلالة لسمو لصاحب السلطان سلطان الاتحاد الاتحادية الفيدرالية المتحدة
    الشعبية الديمقراطية الإسلامية العربية
    """
)


def cable_addressee(lead: str) -> set[str]:
    """The words naming whom a cable of congratulation or condolence in ``lead`` goes to (the
    person and the country, normalised, titles left out); empty when the lead holds no such
    cable. Copies of one cable share some of these words; cables to two countries none."""
    match = _CABLE.search(normalize(lead))
    if match is None:
        return set()
    words = (strip_particles(w.strip("،,.:\"'«»()")) for w in match["to"].split())
    return {w for w in words if len(w) > 1 and w not in _ADDRESS_WORDS}
