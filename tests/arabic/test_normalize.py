from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isnad.arabic.normalize import NormalizedText, normalize, normalize_with_offsets, word_set

# Characters the normaliser has rules for, weighted towards Arabic news text.
_ARABIC_POOL = (
    [chr(cp) for cp in range(0x0621, 0x064B)]  # letters, hamza forms, ة ى
    + [chr(cp) for cp in range(0x064B, 0x0653)]  # tanween, harakat, shadda, sukun
    + ["\u0670", "\u0640", "ٱ", "ی", "ک"]  # superscript alef, tatweel, wasla, Farsi yeh/keheh
    + [chr(cp) for cp in range(0x0660, 0x066D)]  # Arabic-Indic digits, ٪ ٫ ٬
    + [chr(cp) for cp in range(0x06F0, 0x06FA)]  # Persian digits
    + ["ﻻ", "ﻷ", "ﻹ", "ﻵ", "ﷲ", "ﷺ", "ﺍ", "ﺑ", "ﺔ", "ﹰ", "ﹲ", "ﱞ"]  # presentation forms
    + list("“”«»„″\"‘’‚‹›'،؛؟.,;:!?()-%/")
    + [" ", " ", "\n", "\t", "\r", "\u00a0", "\u2009", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff"]
    + list("0123456789abcAZßİ")
)
arabic_text = st.text(alphabet=st.one_of(st.sampled_from(_ARABIC_POOL), st.characters()), max_size=40)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("أَكْثَرُ", "اكثر"),
        ("إلى", "الي"),
        ("آلاف", "الاف"),
        ("ٱلله", "الله"),
        ("مدينة", "مدينه"),
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        ("مصطفى", "مصطفي"),
        ("ســـوريا", "سوريا"),
        ("عاماً", "عاما"),
        ("المُنسِّق", "المنسق"),
        ("\u0627\u0644\u0652\u0640\u0643\u0670", "الك"),
        ("١٧٠٠", "1700"),
        ("۱۵۰", "150"),
        ("١٫٥", "1.5"),
        ("١٬٧٠٠", "1,700"),
        ("٢٠٪", "20%"),
        ("قال، ثم؛ لماذا؟", "قال, ثم; لماذا?"),
        ("«داعش» “داعش” „x″", '"داعش" "داعش" "x"'),
        ("‘a’ ‚b‹›", "'a' 'b''"),
        ("ﻻ ﻷ", "لا لا"),
        ("ﷲ", "الله"),
        ("ﺑﺴﻢ", "بسم"),
        ("Wall Street", "wall street"),
        ("Straße", "strasse"),
        ("a\u00a0b\tc\u2009d", "a b c d"),
        ("a\r\nb", "a\n\nb"),
        ("a\u200fb\u200cc\ufeffd\u200de", "abcde"),
    ],
)
def test_normalize_examples(original: str, expected: str) -> None:
    assert normalize(original) == expected


def test_newlines_and_space_runs_are_kept() -> None:
    assert normalize("أ  ب\n\nج") == "ا  ب\n\nج"


def test_offsets_point_at_the_producing_character() -> None:
    result = normalize_with_offsets("أَكْثَرُ ﻻ")
    assert result.text == "اكثر لا"
    assert result.offsets == (0, 2, 4, 6, 8, 9, 9, 10)


def test_to_original_takes_marks_after_the_last_letter() -> None:
    original = "كَتَبَ الدرسَ"
    result = normalize_with_offsets(original)
    start, end = result.to_original(0, 3)
    assert original[start:end] == "كَتَبَ"
    start, end = result.to_original(4, 9)
    assert original[start:end] == "الدرسَ"


def test_to_original_covers_a_whole_ligature() -> None:
    original = "ﻻ بد"
    result = normalize_with_offsets(original)
    assert result.to_original(0, 1) == (0, 1)  # only the ل of لا, still the whole ﻻ
    assert result.to_original(1, 2) == (0, 1)
    assert result.to_original(3, 5) == (2, 4)


def test_to_original_rejects_spans_outside_the_text() -> None:
    with pytest.raises(ValueError, match="outside"):
        normalize_with_offsets("abc").to_original(2, 5)


def test_word_set_normalises_entries() -> None:
    assert word_set("إلى  مدينة\nأكثر") == frozenset({"الي", "مدينه", "اكثر"})


@given(arabic_text)
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@given(arabic_text)
def test_offsets_version_gives_the_same_text(text: str) -> None:
    result = normalize_with_offsets(text)
    assert isinstance(result, NormalizedText)
    assert result.text == normalize(text)
    assert len(result.offsets) == len(result.text) + 1
    assert result.offsets[-1] == len(text)
    assert all(a <= b for a, b in zip(result.offsets, result.offsets[1:], strict=False))
    assert all(0 <= offset <= len(text) for offset in result.offsets)


@settings(max_examples=60)
@given(arabic_text)
def test_spans_map_back_to_the_characters_that_produced_them(text: str) -> None:
    result = normalize_with_offsets(text)
    norm, offsets = result.text, result.offsets

    def aligned(i: int) -> bool:
        return i in (0, len(norm)) or offsets[i] != offsets[i - 1]

    for i in range(len(norm) + 1):
        for j in range(i, len(norm) + 1):
            start, end = result.to_original(i, j)
            assert 0 <= start <= end <= len(text)
            renormalized = normalize(text[start:end])
            if aligned(i) and aligned(j):
                assert renormalized == norm[i:j]
            else:  # a span cutting a ligature maps to the whole ligature
                assert norm[i:j] in renormalized
