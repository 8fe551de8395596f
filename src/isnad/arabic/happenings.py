"""Nouns that name an attack (a bombing, a raid, an assassination), and the phrases they head.

Reactions to one attack (condemnations, condolence calls, the governor's visit to the wounded, a
ministry's denial) are written with other words than the first report, but they name the attack
they react to, mostly with the same noun and object: ``تفجير مسجد قوات الطوارئ``,
``التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ``, ``#تفجير_طوارئ_عسير``. Such phrases in two
articles' leads say they are about one happening; `happening_phrases` gives them as
``noun~word`` keys.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from isnad.arabic.morphology import stem
from isnad.arabic.normalize import normalize

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
