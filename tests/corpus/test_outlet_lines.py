import numpy as np
from numpy.typing import NDArray

from isnad.article.doc import Corpus
from isnad.corpus.outlet_lines import MIN_TITLES, OutletLines
from isnad.corpus.stories import EMBEDDING_DIM, article_features
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
    lines = OutletLines.learn(articles)
    start = articles[0].text.index(FOOTER)
    assert lines.spans(articles[0]) == [(start, start + len(FOOTER))]
    # Another outlet's article with the same line: the line is almadina's, not its.
    other = _article(9, BODIES[0], outlet="okaz")
    assert lines.spans(other) == []


def test_a_story_run_again_is_not_a_fixed_line() -> None:
    same = [_article(n, BODIES[0], footer="خبر مكرر") for n in range(MIN_TITLES + 2)]
    assert OutletLines.learn(same).spans(same[0]) == []


def test_fixed_lines_leave_the_features() -> None:
    articles = [_article(n, body) for n, body in enumerate(BODIES)]
    corpus = Corpus(articles)
    plain = article_features(corpus, encoder=_zeros)
    fixed = article_features(corpus, encoder=_zeros, fixed=OutletLines.learn(articles))
    assert len(plain[0].anchors) > len(fixed[0].anchors)  # the SMS number is gone
    assert len(plain[0].term_ids) > len(fixed[0].term_ids)


def _zeros(texts: list[str]) -> NDArray[np.float32]:
    return np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
