from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from isnad.arabic.sentences import LONG_SENTENCE_WORDS, SEMICOLON_MIN_WORDS, clauses, split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_seed_article_gives_sensible_sentences() -> None:
    text = (SEEDS / "001_13d98289a079afbf.txt").read_text(encoding="utf-8")
    sentences = _sentences(text)
    assert sentences[0] == "مقاتلو داعش يفرون من التنظيم بعدما أوشك على الانهيار"
    assert sentences[1] == "طالما كان شعار داعش البقاء والتوسع، وهو ما انخدع به عدد ليس بالقليل من الشباب."
    assert "ويعتقد أن ما يصل إلى 30 ألف مقاتل أجنبي عبر إلى سوريا للقتال مع داعش." in sentences
    assert "وتقدر الحكومة الأمريكية أن 25 ألفا منهم قد قتلوا." in sentences
    # The long quotation is split at its periods; its closing quote stays with its last sentence.
    assert "هزيمة داعش تحرمه من أراضيه وتمنعه من جذب وتجنيد مقاتلين أجانب." in sentences
    assert any(s.endswith('سيحاولون الهرب أو الاستسلام".') for s in sentences)
    # ؛ inside a short sentence does not end it.
    assert any("الرئيسية؛ الرقة في سوريا" in s for s in sentences)
    assert len(sentences) == 28
    assert all(s == s.strip() and s for s in sentences)


def test_decimals_numbers_and_abbreviations_do_not_end_sentences() -> None:
    text = (
        "قال د. محمد إن النمو بلغ 1.5 بالمئة و١٫٥ مليون و1.700 شخص. وأضاف أ. م. علي أن U.S. Mr. Smith وافق."
    )
    assert _sentences(text) == [
        "قال د. محمد إن النمو بلغ 1.5 بالمئة و١٫٥ مليون و1.700 شخص.",
        "وأضاف أ. م. علي أن U.S. Mr. Smith وافق.",
    ]


def test_a_two_letter_abbreviation_does_not_end_a_sentence() -> None:
    assert _sentences(
        "وأكد أ.د. خالد الفيصل لـ(بي.بي.سي) أن الأمر مهم. وصل الوفد الماضي.وقال الوزير إنه راض."
    ) == [
        "وأكد أ.د. خالد الفيصل لـ(بي.بي.سي) أن الأمر مهم.",
        "وصل الوفد الماضي.",
        "وقال الوزير إنه راض.",
    ]


def test_era_mark_after_a_year_ends_the_sentence() -> None:
    assert _sentences("تأسست عام 1995م. وهي منظمة دولية.") == ["تأسست عام 1995م.", "وهي منظمة دولية."]


def test_urls_and_emails_do_not_end_sentences() -> None:
    text = "راجع www.example.com/news.html أو اكتب إلى info@example.org فورا. انتهى"
    assert _sentences(text) == ["راجع www.example.com/news.html أو اكتب إلى info@example.org فورا.", "انتهى"]


def test_missing_space_after_a_full_stop_between_arabic_words() -> None:
    assert _sentences("انتهى الاجتماع.وقال الوزير") == ["انتهى الاجتماع.", "وقال الوزير"]


def test_closing_quotes_and_brackets_belong_to_the_sentence() -> None:
    text = "قال: «انتهى الأمر.» ثم غادر (بحسب الوكالة.) وعاد؟! حسنا…"
    assert _sentences(text) == ["قال: «انتهى الأمر.»", "ثم غادر (بحسب الوكالة.)", "وعاد؟!", "حسنا…"]


def test_short_quotation_with_inner_periods_is_not_split() -> None:
    text = 'وقال الوزير "لا. لن نتراجع. أبدا" ثم غادر القاعة.'
    assert _sentences(text) == [text]


def test_newlines_end_sentences_and_the_arabic_comma_does_not() -> None:
    text = "عنوان الخبر\n\nقال، ثم أضاف، ثم سكت\nسطر آخر"
    assert _sentences(text) == ["عنوان الخبر", "قال، ثم أضاف، ثم سكت", "سطر آخر"]


def test_semicolon_ends_only_a_long_sentence() -> None:
    short = "تراجعت الرواتب؛ بسبب تراجع الموارد."
    assert _sentences(short) == [short]
    head = " ".join(["كلمة"] * (SEMICOLON_MIN_WORDS + 1))
    assert _sentences(f"{head}؛ بسبب تراجع الموارد.") == [f"{head}؛", "بسبب تراجع الموارد."]


def test_long_sentence_is_cut_at_the_conjunction_nearest_the_middle() -> None:
    part = " ".join(["كلمة"] * 30)
    text = f"{part}، وقال آخر {part}، وأضاف ثالث {part}، ورأى رابع {part}."
    pieces = _sentences(text)
    assert len(pieces) == 2
    assert pieces[0].endswith("وقال آخر " + part + "،")
    assert pieces[1].startswith("وأضاف ثالث")
    assert all(len(p.split()) <= LONG_SENTENCE_WORDS for p in pieces)
    assert " ".join(pieces) == text


def test_long_sentence_without_a_conjunction_boundary_stays_whole() -> None:
    text = " ".join(["كلمة"] * (LONG_SENTENCE_WORDS + 20)) + "."
    assert _sentences(text) == [text]


def test_start_and_end_give_offsets_into_the_whole_text() -> None:
    text = "مقدمة. الجملة الأولى. الجملة الثانية. خاتمة"
    start = text.index("الجملة")
    end = text.index("خاتمة")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["الجملة الأولى.", "الجملة الثانية."]


def test_clauses_split_at_commas_and_semicolons_but_not_in_numbers() -> None:
    text = "قال الوزير إن 1,700 مقاتل فروا، وأضاف أن الوضع صعب؛ لكنه تحسن، حسب قوله"
    parts = [text[s:e] for s, e in clauses(text)]
    assert parts == ["قال الوزير إن 1,700 مقاتل فروا،", "وأضاف أن الوضع صعب؛", "لكنه تحسن،", "حسب قوله"]


def test_clauses_of_a_sentence_span() -> None:
    text = "أولا. قال X، وأضاف Y. آخرا"
    start, end = text.index("قال"), text.index(" آخرا")
    assert [text[s:e] for s, e in clauses(text, start, end)] == ["قال X،", "وأضاف Y."]


@given(st.text(alphabet=st.sampled_from(list('ابت وة.،؛؟!\n"«»…12 د')), max_size=80))
def test_spans_are_ordered_stripped_and_inside_the_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    covered = "".join(text[start:end] for start, end in spans)
    assert covered.replace(" ", "") == "".join(text.split())
