from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest

from isnad.ingest import IngestError, build_article
from isnad.model import Article, Dateline

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def seed(prefix: str) -> Article:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return build_article(path.read_text(encoding="utf-8"), str(path))


def texts(article: Article, kind: str) -> list[str]:
    return [article.text[b.start : b.end] for b in article.blocks if b.kind == kind]


def paragraph_with(article: Article, words: str) -> str:
    (paragraph,) = [p for p in texts(article, "paragraph") if words in p]
    return paragraph


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_blocks_tile_the_text_in_order(prefix: str) -> None:
    article = seed(prefix)
    assert article.text == "\n\n".join(article.text[b.start : b.end] for b in article.blocks)
    assert all(b.start < b.end for b in article.blocks)
    assert [b.start for b in article.blocks] == sorted(b.start for b in article.blocks)
    nfc = unicodedata.normalize("NFC", article.text)
    assert article.id == hashlib.sha256(nfc.encode("utf-8")).hexdigest()[:16]


def test_lines_broken_mid_sentence_are_joined() -> None:
    article = seed("000")
    assert texts(article, "title") == []  # the first line is a fragment ("... أن"), not a headline
    assert paragraph_with(article, "سوريا والعراق من ست دول").startswith("وتقول الصحيفة")
    assert paragraph_with(article, "ذكر تقرير").endswith("على أكثر من جبهة.")
    assert paragraph_with(article, "الجيش العراقي مدعوما")
    assert paragraph_with(article, "تقدمها نحو منبج،")
    assert len(texts(article, "paragraph")) == 11


def test_a_quote_broken_after_its_opening_mark_is_joined_without_a_space() -> None:
    assert 'الذي ترجمته "عربي21"، عن المنسق' in paragraph_with(seed("000"), "عربي21")


def test_title_and_standfirst() -> None:
    article = seed("001")
    assert article.title == "مقاتلو داعش يفرون من التنظيم بعدما أوشك على الانهيار"
    assert texts(article, "title") == [article.title]
    (standfirst,) = texts(article, "standfirst")
    assert standfirst.endswith("لم يعد شعاره هذا جذابا")
    assert [b.kind for b in article.blocks[:3]] == ["title", "standfirst", "paragraph"]


def test_closing_signature_names_the_outlet() -> None:
    article = seed("002")
    assert article.outlet == "الخليج اونلاين"
    assert article.blocks[-1].kind == "signature"
    assert texts(article, "signature") == ["(الخليج اونلاين)"]
    assert texts(article, "title") == []


def test_dateline_line() -> None:
    article = seed("003")
    assert article.dateline == Dateline("لندن-سانا", "لندن", "سانا")
    assert article.blocks[0].kind == "dateline"
    assert texts(article, "dateline") == ["لندن-سانا"]
    assert texts(article, "title") == []
    assert article.outlet == "سانا"  # no signature: the dateline names the outlet


def test_headings_bullets_and_paragraphs_split_across_blank_lines() -> None:
    article = seed("004")
    assert texts(article, "heading") == ["بداية النهاية", "أسباب التقهقر", "خلفيات التمرد"]
    assert texts(article, "bullet") == [
        "الغياب الطويل لزعيم التنظيم",
        "نقض قيادات بارزة بيعة البغدادي",
        "انخفاض المعنويات بسبب الهزائم",
        "ادعاء المرض تهربا من القتال",
        "الرغبة في العودة للأوطان",
        "افتعال الأعذار للهرب",
    ]
    assert "ناشطا بلجيكيا ينتمي للتنظيم" in paragraph_with(article, "بلجيكيا ينتمي")
    assert "تعتبر غير مسبوقة بين عناصر التنظيم" in paragraph_with(article, "بلجيكيا ينتمي")
    assert len(texts(article, "paragraph")) == 3
    # Whitespace artefacts: the space typed before a comma and the double space are gone.
    assert "عام 2016، باستثناء" in article.text
    assert "يواجهونها بشكل يومي" in article.text


BODY = "أعلنت الحكومة اليوم عن خطة جديدة لإعادة إعمار المناطق المتضررة من الحرب في شمال البلاد."


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("لندن-سانا", Dateline("لندن-سانا", "لندن", "سانا")),
        ("دمشق - سانا", Dateline("دمشق - سانا", "دمشق", "سانا")),
        ("بيروت (رويترز) -", Dateline("بيروت (رويترز) -", "بيروت", "رويترز")),
        ("القاهرة – (أ ف ب):", Dateline("القاهرة – (أ ف ب):", "القاهرة", "أ ف ب")),
        ("الرياض ـ من صبحي رخا:", Dateline("الرياض ـ من صبحي رخا:", "الرياض", None)),
    ],
)
def test_dateline_on_its_own_line(line: str, dateline: Dateline) -> None:
    article = build_article(f"{line}\n{BODY}", "a.txt")
    assert article.dateline == dateline
    assert [b.kind for b in article.blocks] == ["dateline", "paragraph"]
    assert texts(article, "paragraph") == [BODY]


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("بيروت (رويترز) - ", Dateline("بيروت (رويترز) -", "بيروت", "رويترز")),
        ("لندن ـ «القدس العربي»: ", Dateline("لندن ـ «القدس العربي»:", "لندن", "القدس العربي")),
        ("واشنطن/ الأناضول - ", Dateline("واشنطن/ الأناضول -", "واشنطن", "الأناضول")),
    ],
)
def test_dateline_opening_the_first_paragraph(opening: str, dateline: Dateline) -> None:
    article = build_article(opening + BODY, "a.txt")
    assert article.dateline == dateline
    assert [b.kind for b in article.blocks] == ["dateline", "paragraph"]
    assert texts(article, "paragraph") == [BODY]


@pytest.mark.parametrize("line", ["قال المسؤول (في بيان طويل صدر عنه اليوم في العاصمة) -", "سوريا - العراق"])
def test_lines_that_only_look_like_datelines(line: str) -> None:
    assert build_article(f"{line}\n{BODY}", "a.txt").dateline is None


def test_a_headline_above_a_dateline() -> None:
    article = build_article(f"الحكومة تعلن خطة لإعادة الإعمار\nدمشق-سانا\n{BODY}", "a.txt")
    assert [b.kind for b in article.blocks] == ["title", "dateline", "paragraph"]
    assert article.title == "الحكومة تعلن خطة لإعادة الإعمار"


def test_source_signature_and_given_outlet() -> None:
    raw = "أعلنت الحكومة اليوم عن خطة جديدة لإعادة إعمار المناطق المتضررة من الحرب.\nالمصدر: الجزيرة"
    assert build_article(raw, "a.txt").outlet == "الجزيرة"
    assert build_article(raw, "a.txt", outlet="العربية").outlet == "العربية"


def test_given_metadata_wins_and_a_repeated_title_is_labelled() -> None:
    body = "قالت مصادر مطلعة إن الاجتماع سيعقد غدا في العاصمة بحضور عدد من الوزراء والمسؤولين."
    given = build_article(f"عنوان الخبر\n{body}", "a.html", title=" عنوان  الخبر ", url="https://x.example/1")
    assert given.title == "عنوان الخبر"
    assert [b.kind for b in given.blocks] == ["title", "paragraph"]
    assert given.url == "https://x.example/1"
    other = build_article(body, "a.html", title="عنوان آخر", published="2017-03-12")
    assert other.title == "عنوان آخر"
    assert [b.kind for b in other.blocks] == ["paragraph"]
    assert other.published == "2017-03-12"


def test_marked_list_items_are_bullets_after_a_lead_in() -> None:
    raw = (
        "وأوضح التقرير أن أبرز أسباب التمرد داخل التنظيم تعود إلى عدة عوامل:\n"
        "- الغياب الطويل لزعيم التنظيم\n"
        "• انخفاض المعنويات بسبب الهزائم\n"
        "1. الرغبة في العودة للأوطان\n"
        "وختم التقرير بالإشارة إلى أن هذه العوامل مجتمعة قد تسرع انهيار التنظيم في المنطقة.\n"
    )
    article = build_article(raw, "a.txt")
    assert [b.kind for b in article.blocks] == ["paragraph", "bullet", "bullet", "bullet", "paragraph"]


def test_hard_wrapped_text_is_joined_into_its_paragraphs() -> None:
    words = ("وقالت الصحيفة إن المقاتلين الأجانب يحاولون الفرار من مناطق القتال " * 8).split()
    lines, line = [], ""
    for word in words:
        if len(line) + len(word) + 1 > 60:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    paragraph = "\n".join([*lines, line + "."])
    article = build_article(f"{paragraph}\n\n{paragraph}", "a.txt")
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]
    assert article.text.split("\n\n")[0] == " ".join(words) + "."


def test_papers_that_end_no_paragraph_with_a_stop_keep_their_paragraphs() -> None:
    paragraphs = [
        "أطلع رئيس السلطة الفلسطينية الرئيس المصري على الأفكار الأميركية الأخيرة في شأن عملية السلام",
        "وفي حين جدد رئيس الوزراء الإسرائيلي تمسكه بالسيادة على الحرم القدسي، أكد الرئيس الفلسطيني"
        " أن أي اتفاق لا يضمن حق عودة اللاجئين الفلسطينيين لن يكون مقبولا لدى الشارع",
        "وعقد عرفات الذي وصل أمس قادما من عمان اجتماعا مع لجنة المتابعة العربية في مقر الجامعة",
        "ونفى أن تكون سورية ولبنان رفضتا المقترحات الأميركية، مشيرا إلى أن الدولتين طلبتا توضيحات"
        " حول عدد من النقاط المتعلقة بالحدود والمياه والترتيبات الأمنية في المرحلة المقبلة كما قال",
        "وأضاف السفير الفلسطيني أن القرار النهائي يتوقف على مواقف الأشقاء العرب",
    ]
    article = build_article("\n".join(paragraphs), "a.txt")
    assert texts(article, "paragraph") == paragraphs


def test_invisible_clutter_and_spacing_are_cleaned() -> None:
    raw = (
        "\ufeff\u200fقال\u00a0المسؤول  إن الاجتماع\tسيعقد غدا ، في العاصمة.  \r\n"
        "وأضاف أن النتائج ستعلن لاحقا .\r\n"
    )
    article = build_article(raw, "a.txt")
    assert article.text == "قال المسؤول إن الاجتماع سيعقد غدا، في العاصمة.\n\nوأضاف أن النتائج ستعلن لاحقا."


def test_same_content_gets_the_same_id_whatever_its_normal_form_or_line_ends() -> None:
    composed = "أعلن الوزير أن الاجتماع سيعقد غدا في العاصمة.\nوأضاف أن النتائج ستعلن لاحقا."
    decomposed = unicodedata.normalize("NFD", composed).replace("\n", "\r\n")
    assert composed != decomposed
    assert build_article(composed, "a.txt").id == build_article(decomposed, "b.txt").id


@pytest.mark.parametrize("raw", ["", "   \n\n\t  ", "\u200f\ufeff\n"])
def test_no_text_is_an_error(raw: str) -> None:
    with pytest.raises(IngestError, match="no text"):
        build_article(raw, "empty.txt")


def test_items_too_short_to_identify_are_kept_apart_by_url() -> None:
    # A day's cartoons are all captioned "كاريكاتير": twelve items, not one article.
    monday = build_article("كاريكاتير", "a", url="http://x/node/1/كاريكاتير.html")
    tuesday = build_article("كاريكاتير", "b", url="http://x/node/2/كاريكاتير.html")
    again = build_article("كاريكاتير", "c", url="http://x/node/1/كاريكاتير.html")
    assert monday.id != tuesday.id
    assert monday.id == again.id  # the same input twice is one item
    text = "أعلنت وزارة الصحة اليوم تسجيل ثلاث حالات جديدة في المنطقة الشرقية."
    copies = {build_article(text, str(n), url=f"http://x/{n}").id for n in range(3)}
    assert len(copies) == 1  # a text that identifies its content: one article wherever it is found
