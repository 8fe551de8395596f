"""A small, hand-built analysis of three short Arabic articles whose spans really slice their text."""

from __future__ import annotations

import pytest

from isnad.model import (
    Analysis,
    Article,
    Attribution,
    Block,
    BlockKind,
    Brief,
    BriefSentence,
    Claim,
    Comparison,
    Dateline,
    Entity,
    Event,
    Figure,
    Mention,
    Passage,
    Problem,
    ReuseLink,
    Span,
    Storyline,
)

GUARDIAN_ID = "13d98289a079afbf"
SANA_ID = "4822fe9b3c5ba666"
MOSUL_ID = "2194caaa3b74e987"

GUARDIAN_TEXT = (
    "الغارديان: مقاتلون أجانب يفرون من تنظيم الدولة عبر تركيا\n"
    "لندن- عربي21\n"
    'كشفت صحيفة "الغارديان" البريطانية أن أعدادا كبيرة من مقاتلي تنظيم الدولة الأجانب يفرون عبر تركيا.\n'
    'وقال دبلوماسيون غربيون إن "أكثر من 150 مقاتلا أجنبيا اتصلوا بسفارات بلادهم في أنقرة".\n'
)
SANA_TEXT = (
    "لندن-سانا\n"
    'كشف دبلوماسيون غربيون أن أعدادا متزايدة من عناصر تنظيم "داعش" الإرهابي يحاولون الفرار من التنظيم.\n'
    "وذكرت صحيفة ديلي تلغراف البريطانية أن نحو 200 مسلح اتصلوا بسفارات بلادهم في أنقرة.\n"
)
MOSUL_TEXT = (
    "وثائق الموصل تكشف تمرد المقاتلين الأجانب\n"
    'أكد تقرير لصحيفة "واشنطن بوست" الأميركية وجود حالات تمرد بين المقاتلين الأجانب في تنظيم داعش.\n'
    "عُثر على 114 ورقة مكتوبة بخط اليد في الموصل.\n"
    'وقال الباحث حسن حسن إن "التنظيم يفقد مقاتليه".\n'
)


def span_of(text: str, fragment: str, after: str = "") -> Span:
    """The span of ``fragment`` in ``text`` (first one after ``after``); fails loudly if it is not there."""
    start = text.index(fragment, text.index(after) if after else 0)
    return (start, start + len(fragment))


def line_blocks(text: str, kinds: list[BlockKind]) -> list[Block]:
    """One block per line of ``text``, with the given kinds in order."""
    blocks, start = [], 0
    for kind, line in zip(kinds, text.split("\n"), strict=False):
        blocks.append(Block(kind, start, start + len(line)))
        start += len(line) + 1
    return blocks


def build_analysis() -> Analysis:
    guardian = Article(
        id=GUARDIAN_ID,
        text=GUARDIAN_TEXT,
        source_path="examples/seeds/002_bb1090307286de69.txt",
        title="الغارديان: مقاتلون أجانب يفرون من تنظيم الدولة عبر تركيا",
        outlet="عربي21",
        dateline=Dateline("لندن- عربي21", "لندن", "عربي21"),
        published="2017-03-05",
        url="https://arabi21.com/story/1001",
        encoding="utf-8",
        blocks=line_blocks(GUARDIAN_TEXT, ["title", "dateline", "paragraph", "paragraph"]),
    )
    guardian.sentences = [(b.start, b.end) for b in guardian.blocks if b.kind == "paragraph"]
    sana = Article(
        id=SANA_ID,
        text=SANA_TEXT,
        source_path="examples/seeds/003_4822fe9b3c5ba666.txt",
        title="دبلوماسيون: عناصر داعش الأجانب يحاولون الفرار",
        outlet="سانا",
        dateline=Dateline("لندن-سانا", "لندن", "سانا"),
        published="2017-03-06T09:30:00+03:00",
        url="javascript:alert(1)",
        blocks=line_blocks(SANA_TEXT, ["dateline", "paragraph", "paragraph"]),
    )
    sana.sentences = [(b.start, b.end) for b in sana.blocks if b.kind == "paragraph"]
    mosul = Article(
        id=MOSUL_ID,
        text=MOSUL_TEXT,
        source_path="examples/seeds/004_2194caaa3b74e987.txt",
        title="وثائق الموصل تكشف تمرد المقاتلين الأجانب",
        outlet="الشرق الأوسط",
        blocks=line_blocks(MOSUL_TEXT, ["title", "paragraph", "bullet", "paragraph"]),
    )
    mosul.sentences = [(b.start, b.end) for b in mosul.blocks if b.kind != "title"]

    shared_g = span_of(GUARDIAN_TEXT, "اتصلوا بسفارات بلادهم في أنقرة")
    shared_s = span_of(SANA_TEXT, "اتصلوا بسفارات بلادهم في أنقرة")

    def mention(article: Article, fragment: str, after: str = "") -> Mention:
        return Mention(article.id, span_of(article.text, fragment, after), fragment)

    entities = [
        Entity(
            "ent-isis",
            "تنظيم الدولة",
            "ORG",
            [
                mention(guardian, "تنظيم الدولة"),
                mention(guardian, "تنظيم الدولة", after="مقاتلي"),
                mention(sana, "داعش"),
                mention(mosul, "داعش"),
            ],
        ),
        Entity("ent-guardian", "الغارديان", "ORG", [mention(guardian, "الغارديان", after="صحيفة")]),
        Entity("ent-telegraph", "ديلي تلغراف", "ORG", [mention(sana, "ديلي تلغراف")]),
        Entity("ent-wapo", "واشنطن بوست", "ORG", [mention(mosul, "واشنطن بوست")]),
        Entity("ent-ankara", "أنقرة", "LOC", [mention(guardian, "أنقرة"), mention(sana, "أنقرة")]),
        Entity(
            "ent-mosul", "الموصل", "LOC", [mention(mosul, "الموصل"), mention(mosul, "الموصل", after="اليد")]
        ),
        Entity("ent-hassan", "حسن حسن", "PER", [mention(mosul, "حسن حسن")]),
        Entity("ent-westerners", "دبلوماسيون غربيون", "MISC", [mention(guardian, "دبلوماسيون غربيون")]),
    ]

    def sentence_span(article: Article, start_fragment: str, end_fragment: str) -> Span:
        start = span_of(article.text, start_fragment)[0]
        return (start, span_of(article.text, end_fragment, after=start_fragment)[1])

    attributions = [
        Attribution(
            article_id=GUARDIAN_ID,
            source="صحيفة الغارديان",
            source_canonical="الغارديان",
            kind="outlet",
            cue="كشفت",
            quote="أعدادا كبيرة من مقاتلي تنظيم الدولة الأجانب يفرون عبر تركيا",
            span=sentence_span(guardian, "كشفت", "عبر تركيا"),
            quote_span=span_of(GUARDIAN_TEXT, "أعدادا كبيرة من مقاتلي تنظيم الدولة الأجانب يفرون عبر تركيا"),
        ),
        Attribution(
            article_id=GUARDIAN_ID,
            source="دبلوماسيون غربيون",
            source_canonical="دبلوماسيون غربيون",
            kind="anonymous",
            cue="قال",
            quote="أكثر من 150 مقاتلا أجنبيا اتصلوا بسفارات بلادهم في أنقرة",
            span=sentence_span(guardian, "وقال", 'أنقرة"'),
            quote_span=span_of(GUARDIAN_TEXT, "أكثر من 150 مقاتلا أجنبيا اتصلوا بسفارات بلادهم في أنقرة"),
            direct=True,
        ),
        Attribution(
            article_id=SANA_ID,
            source="صحيفة ديلي تلغراف البريطانية",
            source_canonical="ديلي تلغراف",
            kind="outlet",
            cue="ذكرت",
            quote="نحو 200 مسلح اتصلوا بسفارات بلادهم في أنقرة",
            span=sentence_span(sana, "وذكرت", "في أنقرة"),
            quote_span=span_of(SANA_TEXT, "نحو 200 مسلح اتصلوا بسفارات بلادهم في أنقرة"),
        ),
        Attribution(
            article_id=MOSUL_ID,
            source="تقرير لصحيفة واشنطن بوست",
            source_canonical="واشنطن بوست",
            kind="outlet",
            cue="أكد",
            quote="وجود حالات تمرد بين المقاتلين الأجانب",
            span=sentence_span(mosul, "أكد", "تنظيم داعش"),
        ),
        Attribution(
            article_id=MOSUL_ID,
            source="الباحث حسن حسن",
            source_canonical="حسن حسن",
            kind="person",
            cue="قال",
            quote="التنظيم يفقد مقاتليه",
            span=sentence_span(mosul, "وقال", 'مقاتليه"'),
            quote_span=span_of(MOSUL_TEXT, "التنظيم يفقد مقاتليه"),
            direct=True,
        ),
    ]
    figures = [
        Figure(
            GUARDIAN_ID,
            150.0,
            "أكثر من",
            None,
            "مقاتلا أجنبيا",
            "اتصلوا بسفارات بلادهم",
            span_of(GUARDIAN_TEXT, "أكثر من 150 مقاتلا"),
            "أكثر من 150 مقاتلا",
        ),
        Figure(
            SANA_ID,
            200.0,
            "نحو",
            None,
            "مسلح",
            "اتصلوا بسفارات بلادهم",
            span_of(SANA_TEXT, "نحو 200 مسلح"),
            "نحو 200 مسلح",
        ),
        Figure(
            MOSUL_ID, 114.0, None, "ورقة", "وثائق", "عثر عليها", span_of(MOSUL_TEXT, "114 ورقة"), "114 ورقة"
        ),
    ]
    comparisons = [
        Comparison(
            "ev-fighters",
            "عدد المقاتلين الذين اتصلوا بسفارات بلادهم",
            "conflict",
            [
                Claim(
                    GUARDIAN_ID,
                    "أكثر من 150 مقاتلا أجنبيا",
                    span_of(GUARDIAN_TEXT, "أكثر من 150 مقاتلا أجنبيا"),
                    150.0,
                    "اتصلوا",
                ),
                Claim(SANA_ID, "نحو 200 مسلح", span_of(SANA_TEXT, "نحو 200 مسلح"), 200.0, "اتصلوا"),
            ],
            "150 مقابل 200: فرق يتجاوز هامش التقريب",
        ),
        Comparison(
            "ev-fighters",
            "مكان الاتصال",
            "agree",
            [
                Claim(GUARDIAN_ID, "في أنقرة", span_of(GUARDIAN_TEXT, "في أنقرة")),
                Claim(SANA_ID, "في أنقرة", span_of(SANA_TEXT, "في أنقرة")),
            ],
        ),
    ]
    first_g = guardian.sentences[0]
    second_s = sana.sentences[1]
    briefs = [
        Brief(
            "ev-fighters",
            [
                BriefSentence(guardian.span_text(first_g), [GUARDIAN_ID, SANA_ID], GUARDIAN_ID, first_g),
                BriefSentence(sana.span_text(second_s), [SANA_ID], SANA_ID, second_s, conflict=True),
            ],
        )
    ]
    return Analysis(
        version="0.1.0",
        articles=[guardian, sana, mosul],
        problems=[
            Problem("feeds/broken.xml", "ملف RSS غير صالح: وسم غير مغلق", 3),
            Problem("examples/empty.html", "لم يُعثر على نص مقال في الصفحة"),
        ],
        events=[
            Event(
                "ev-fighters", [GUARDIAN_ID, SANA_ID], "مقاتلون أجانب يتصلون بسفارات بلادهم للفرار", "st-isis"
            ),
            Event("ev-mosul-papers", [MOSUL_ID], "وثائق الموصل عن تمرد المقاتلين الأجانب", "st-isis"),
        ],
        storylines=[
            Storyline("st-isis", ["ev-fighters", "ev-mosul-papers"], "فرار المقاتلين الأجانب من تنظيم الدولة")
        ],
        reuse=[
            ReuseLink(
                GUARDIAN_ID,
                SANA_ID,
                0.41,
                [Passage(shared_g, shared_s, 1.0)],
                "a->b",
                0.6,
                "نُشر مقال عربي21 قبل مقال سانا بيوم",
            )
        ],
        entities=entities,
        attributions=attributions,
        figures=figures,
        comparisons=comparisons,
        briefs=briefs,
    )


@pytest.fixture
def analysis() -> Analysis:
    return build_analysis()
