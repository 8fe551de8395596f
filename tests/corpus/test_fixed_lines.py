"""The fixed-lines layer of the boilerplate model: an outlet's bylines and footers."""

from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from isnad.arabic import tokenize
from isnad.article.doc import Corpus
from isnad.corpus.boilerplate import FIXED_LINES, Boilerplate, BoilerplateParams
from isnad.corpus.story_features import EMBEDDING_DIM, article_features
from isnad.model import Article

FOOTER = "للتواصل مع الكاتب ارسل رسالة SMS إلى 88591"
BODIES = [
    "أعلنت وزارة الصحة افتتاح مستشفى جديد في جازان بسعة 300 سرير",
    "فاز فريق الهلال على النصر بثلاثة أهداف في مباراة الكأس",
    "ارتفعت أسعار النفط في التعاملات الآسيوية فوق خمسين دولارا",
    "استقبل أمير منطقة عسير وفد الغرفة التجارية في مكتبه",
    "أطلقت أمانة الرياض تطبيقا للهواتف الذكية لخدمة المواطنين",
]


def _article(n: int, body: str, outlet: str = "almadina", footer: str = FOOTER) -> Article:
    text = f"{body}\n{footer}"
    return Article(id=f"a{n}", text=text, source_path=f"a{n}", title=body[:30], outlet=outlet)


def test_a_line_under_many_different_articles_of_one_outlet_is_fixed() -> None:
    articles = [_article(n, body) for n, body in enumerate(BODIES)]
    lines = Boilerplate.learn(articles, layers=FIXED_LINES)
    start = articles[0].text.index(FOOTER)
    assert lines.spans(articles[0]) == [(start, start + len(FOOTER))]
    # Another outlet's article with the same line: the line is almadina's, not its.
    other = _article(9, BODIES[0], outlet="okaz")
    assert lines.spans(other) == []
    # Learnt with the formulas, in one pass, the layer is the same.
    both = Boilerplate.learn(articles)
    assert both.lines == lines.lines
    assert both.spans(articles[0], FIXED_LINES) == [(start, start + len(FOOTER))]


def test_a_fixed_line_holds_from_the_day_of_its_fourth_title() -> None:
    days = ["2015-08-01", "2015-08-01", "2015-08-02", "2015-08-03", "2015-08-03"]
    articles = [
        replace(_article(n, body), published=day)
        for n, (body, day) in enumerate(zip(BODIES, days, strict=True))
    ]
    lines = Boilerplate.learn(articles, layers=FIXED_LINES)
    assert [bool(lines.spans(a)) for a in articles] == [False, False, False, True, True]


def test_a_story_run_again_is_not_a_fixed_line() -> None:
    same = [_article(n, BODIES[0], footer="خبر مكرر") for n in range(BoilerplateParams().min_titles + 2)]
    assert Boilerplate.learn(same).spans(same[0], FIXED_LINES) == []


def test_fixed_lines_leave_the_features() -> None:
    articles = [_article(n, body) for n, body in enumerate(BODIES)]
    corpus = Corpus(articles)
    plain = article_features(corpus, encoder=_zeros)
    fixed = article_features(corpus, encoder=_zeros, fixed=Boilerplate.learn(articles))
    assert len(plain[0].anchors) > len(fixed[0].anchors)  # the SMS number is gone
    assert len(plain[0].term_ids) > len(fixed[0].term_ids)


def _zeros(texts: list[str]) -> NDArray[np.float32]:
    return np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)


def test_reuse_leaves_out_both_layers_and_a_saved_model_keeps_them() -> None:
    articles = [_article(n, body) for n, body in enumerate(BODIES)]
    tokens = [t for t in tokenize(articles[0].text) if t.kind != "punct"]
    footer_start = articles[0].text.index(FOOTER)
    on_footer = [t.start >= footer_start for t in tokens]
    # A fixed line (the footer, alone of its kind here) is covered when the article is given.
    lines = Boilerplate.learn(articles, layers=FIXED_LINES)
    assert lines.covered(tokens, articles[0]) == on_footer
    assert not any(lines.covered(tokens))
    # Both layers: the footer recurs in five different articles, a formula too.
    learnt = Boilerplate.learn(articles)
    assert learnt.covered(tokens) == on_footer
    restored = Boilerplate.from_json(learnt.to_json())
    assert restored.lines == learnt.lines
    assert restored.spans(articles[0]) == learnt.spans(articles[0])
