from isnad.event.scope import ByArticle, LinksByArticle
from isnad.model import Figure, Passage, ReuseLink


def _figure(article_id: str, value: float) -> Figure:
    return Figure(article_id, value, None, None, "قتلى", None, (0, 1))


def test_records_of_some_articles_come_back_in_corpus_order() -> None:
    figures = [_figure("b", 1), _figure("a", 2), _figure("c", 3), _figure("b", 4), _figure("a", 5)]
    index = ByArticle(figures)
    assert index.of(["a", "b"]) == [figures[0], figures[1], figures[3], figures[4]]
    assert index.of(["b", "b"]) == [figures[0], figures[3]]  # an article named twice, its records once
    assert index.of(["z"]) == []
    scanned = [f for f in figures if f.article_id in {"c", "a"}]
    assert index.of(["c", "a"]) == scanned


def test_links_within_a_group_have_both_ends_in_it() -> None:
    def link(a: str, b: str) -> ReuseLink:
        return ReuseLink(a, b, 1.0, [Passage((0, 1), (0, 1), 1.0)])

    links = [link("a", "b"), link("b", "c"), link("a", "c"), link("c", "d")]
    index = LinksByArticle(links)
    assert index.within(["a", "b", "c"]) == links[:3]
    assert index.within(["c", "b"]) == [links[1]]
    assert index.within(["d"]) == []
