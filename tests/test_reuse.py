import pytest

from isnad.corpus import Corpus
from isnad.model import Article
from isnad.pipeline import segment
from isnad.reuse import ReuseParams, align, find_reuse

SOURCE = (
    "أكد تقرير صادر عن صحيفة واشنطن بوست الأميركية وجود حالات تمرد بين المقاتلين الأجانب في تنظيم داعش، "
    "وذلك وفقا لوثائق عثر عليها عقب استعادة الجانب الأيسر من مدينة الموصل. "
    "وفي شأن آخر، ارتفعت أسعار النفط في الأسواق العالمية اليوم."
)
# The first sentence copied with clitic and spelling changes, the rest new.
COPY = (
    "قالت وكالة محلية إن الطقس سيكون معتدلا. "
    "وأكد تقرير صادر عن صحيفة "
    "واشنطن بوست الامريكية وجود حالات تمرد بين مقاتلين أجانب في تنظيم داعش، "
    "وذلك وفقاً لوثائق عثر عليها بعد استعادة الجانب الأيسر من الموصل."
)


def _article(text: str, id_: str, published: str | None = None) -> Article:
    return segment(Article(id=id_, text=text, source_path=id_, published=published))


def test_copied_passage_is_found_with_spans_in_both() -> None:
    corpus = Corpus([_article(SOURCE, "src", "2017-03-01"), _article(COPY, "copy", "2017-03-02")])
    links = find_reuse(corpus)
    assert len(links) == 1
    link = links[0]
    assert (link.a, link.b) == ("src", "copy")
    assert link.direction == "a->b"
    assert len(link.passages) == 1
    passage = link.passages[0]
    in_source = SOURCE[passage.a_span[0] : passage.a_span[1]]
    in_copy = COPY[passage.b_span[0] : passage.b_span[1]]
    assert in_source.startswith("أكد تقرير صادر")
    assert in_source.endswith("الموصل")
    assert "النفط" not in in_source
    assert in_copy.startswith("وأكد تقرير صادر")
    assert "الطقس" not in in_copy


def test_unrelated_articles_share_nothing() -> None:
    a = _article("ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار أوبك خفض الإنتاج.", "a")
    b = _article("فاز المنتخب الوطني بكأس البطولة بعد مباراة صعبة أمام منافسه القوي.", "b")
    corpus = Corpus([a, b])
    assert find_reuse(corpus) == []
    assert align(corpus.text("a"), corpus.text("b")) is None


def test_params_are_validated() -> None:
    with pytest.raises(ValueError, match="positive sizes"):
        ReuseParams(cell=0)
    with pytest.raises(ValueError, match="multiple of lsh_bands"):
        ReuseParams(num_perm=64, lsh_bands=20)
