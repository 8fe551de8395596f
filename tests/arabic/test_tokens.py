from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from isnad.arabic.formulas import formula_key, formula_keys
from isnad.arabic.normalize import normalize
from isnad.arabic.tokens import Token, token_forms, token_table, tokenize, words


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(token.norm, token.kind) for token in tokenize(text)]


def test_dateline_gives_word_punct_word() -> None:
    assert _kinds("لندن-سانا") == [("لندن", "word"), ("-", "punct"), ("سانا", "word")]


def test_numbers_stay_one_token() -> None:
    assert _kinds("1,700 و1.5 و١٫٥ عام 2014.") == [
        ("1,700", "number"),
        ("و", "word"),
        ("1.5", "number"),
        ("و", "word"),
        ("1.5", "number"),
        ("عام", "word"),
        ("2014", "number"),
        (".", "punct"),
    ]


def test_clitics_stay_attached_and_every_mark_is_a_token() -> None:
    assert _kinds("وبريطانيا، والتي؟!") == [
        ("وبريطانيا", "word"),
        (",", "punct"),
        ("والتي", "word"),
        ("?", "punct"),
        ("!", "punct"),
    ]


def test_latin_words_and_arabic_letters_do_not_merge() -> None:
    assert _kinds("صحيفة Daily Telegraph البريطانية وcafé") == [
        ("صحيفه", "word"),
        ("daily", "latin"),
        ("telegraph", "latin"),
        ("البريطانيه", "word"),
        ("و", "word"),
        ("café", "latin"),
    ]


def test_offsets_point_into_the_original_with_diacritics() -> None:
    text = "قالَ الرئيسُ «نعم»"
    tokens = tokenize(text)
    assert [token.text for token in tokens] == ["قالَ", "الرئيسُ", "«", "نعم", "»"]
    assert tokens[1] == Token("الرئيسُ", 5, 12, "الرييس", "word")
    assert all(text[token.start : token.end] == token.text for token in tokens)


def test_start_and_end_restrict_the_range_and_keep_offsets_absolute() -> None:
    text = "أولا. ثانيا وثالثا. رابعا"
    tokens = tokenize(text, 6, 18)
    assert [(token.text, token.start) for token in tokens] == [("ثانيا", 6), ("وثالثا", 12)]


def test_presentation_forms_are_read_as_letters() -> None:
    tokens = tokenize("ﻻ بد")
    assert tokens[0] == Token("ﻻ", 0, 1, "لا", "word")


def test_words_gives_normalised_arabic_words_only() -> None:
    assert words("قالَ 3 رجال: «لا» (U.S.)") == ["قال", "رجال", "لا"]


@given(st.text(alphabet=st.sampled_from(list("ابتثةىأإ ًٌٍَُِّ ـ،.؟!«»\"'0123456789١٢٫ abcﻻ\n-")), max_size=50))
def test_tokens_cover_their_original_text(text: str) -> None:
    previous_end = 0
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert token.norm in normalize(token.text)
        assert token.start >= previous_end
        previous_end = token.end
    assert [token.norm for token in tokenize(text) if token.kind == "word"] == words(text)


@given(st.text(alphabet=st.sampled_from(list("ابتثةىأإ ًٌٍَُِّ ـ،.؟!«»\"'0123456789١٢٫ abcDﻻ\n-")), max_size=60))
def test_token_forms_and_formula_keys_are_those_of_the_tokens(text: str) -> None:
    tokens = tokenize(text)
    assert token_forms(text) == [(token.norm, token.kind) for token in tokens]
    assert formula_keys(text) == [formula_key(token) for token in tokens if token.kind != "punct"]


@given(
    st.text(alphabet=st.sampled_from(list("ابتثةىأإ ًٌٍَُِّ ـ،.؟!«»\"'0123456789١٢٫ abcﻻ\n-")), max_size=60),
    st.integers(0, 60),
)
def test_token_table_holds_the_tokens_as_parallel_lists(text: str, cut: int) -> None:
    start = min(cut, len(text))
    table = token_table(text, start)
    tokens = tokenize(text, start)
    assert table.starts == [t.start for t in tokens]
    assert table.ends == [t.end for t in tokens]
    assert table.norms == [t.norm for t in tokens]
    assert table.kinds == [t.kind for t in tokens]
