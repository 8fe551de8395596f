"""News agencies, and the credit an article gives one at its head or foot.

Outlets print agency copy under a credit: a dateline (``الرياض 18 شوال 1436 هـ ... واس``,
``واس - الرياض:``), a byline (``جدة - رويترز``) or a closing signature (``(واس)``). Two articles
that credit the same agency are siblings taking one source, not one copying the other.
"""

from __future__ import annotations

from collections.abc import Sequence

from isnad.arabic.normalize import normalize

# Canonical name first; every spelling as news writes it (abbreviations included).
AGENCIES: tuple[tuple[str, ...], ...] = (
    ("واس", "وكالة الأنباء السعودية"),
    ("رويترز",),
    ("فرانس برس", "أ ف ب", "ا ف ب", "وكالة الصحافة الفرنسية"),
    ("أسوشيتد برس", "اسوشيتدبرس"),
    ("د ب أ",),
    ("الأناضول", "وكالة الأناضول"),
    ("كونا", "وكالة الأنباء الكويتية"),
    ("وام", "وكالة أنباء الإمارات"),
    ("قنا", "وكالة الأنباء القطرية"),
    ("بنا", "وكالة أنباء البحرين"),  # بنا alone is also "with us": see _AMBIGUOUS
    ("سانا",),
    ("وفا",),
    ("إرنا",),
    ("شينخوا",),
    ("يونا",),
)

_AMBIGUOUS = {"بنا"}  # ordinary words too: a credit only in the longer spelling
_BY_SPELLING = {
    tuple(normalize(s).split()): names[0] for names in AGENCIES for s in names if s not in _AMBIGUOUS
}
_LONGEST = max(len(words) for words in _BY_SPELLING)
HEAD_WORDS = 12  # a credit at the head sits in the dateline or byline (an SPA dateline is 11 words)
FOOT_WORDS = 12  # ... and at the foot in a closing signature


def credited_agency(words: Sequence[str]) -> str | None:
    """The agency an article's normalised words credit at their head or foot, if any.

    Only the head and foot count: an agency named in the body is usually cited, not copied.
    """
    for part in (words[:HEAD_WORDS], words[-FOOT_WORDS:]):
        for start in range(len(part)):
            for length in range(min(_LONGEST, len(part) - start), 0, -1):
                agency = _BY_SPELLING.get(tuple(part[start : start + length]))
                if agency:
                    return agency
    return None
