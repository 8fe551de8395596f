from __future__ import annotations

from importlib import resources

import pytest

from isnad.arabic.normalize import normalize
from isnad.arabic.stopwords import STOPWORDS, is_stopword


@pytest.mark.parametrize(
    "word",
    [
        "في",
        "وفي",
        "والتي",
        "إلى",
        "الى",
        "فإن",
        "هؤلاء",
        "الذين",
        "كان",
        "قد",
        "تم",
        "وهو",
        "عليها",
        "لأن",
        "أيضاً",
    ],
)
def test_function_words_are_stopwords(word: str) -> None:
    assert is_stopword(word)


@pytest.mark.parametrize("word", ["مقاتل", "الرقة", "داعش", "قال", "صحيفة", "عاد", "ولي", "1700"])
def test_content_words_are_not(word: str) -> None:
    assert not is_stopword(word)


def test_list_is_stored_normalised_and_hand_written() -> None:
    assert all(word == normalize(word) for word in STOPWORDS)
    assert "الي" in STOPWORDS
    assert "إلى" not in STOPWORDS
    data = resources.files("isnad.arabic").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    entries = [line for line in data.splitlines() if line.strip() and not line.startswith("#")]
    assert 300 <= len(entries) <= 600
    assert "MIT" in data.splitlines()[1]
