import numpy as np
import pytest

from isnad.article.doc import Doc
from isnad.model import Analysis, Article, Attribution, Date
from isnad.store import Store
from isnad.store.pieces import ArticlePieces


def test_dates_and_cue_spans_round_trip() -> None:
    text = "قال مسؤول أمس إن 30 مقاتلا عادوا في أيلول الماضي."
    store = Store()
    store.add_articles([Article(id="a1", text=text, source_path="/tmp/a1.txt", sentences=[(0, len(text))])])
    attribution = Attribution(
        article_id="a1",
        source="مسؤول",
        source_canonical="مسؤول",
        kind="official",
        cue="قال",
        quote="30 مقاتلا عادوا",
        span=(0, 30),
        quote_span=(17, 32),
        cue_span=(0, 3),
    )
    dates = [Date("a1", "أمس", (10, 13), None, True), Date("a1", "أيلول الماضي", (36, 48), "2015-09", True)]
    store.save_results(Analysis(version="t", attributions=[attribution], dates=dates))
    loaded = store.load_results("t")
    assert loaded.dates == dates
    assert loaded.attributions == [attribution]


def test_stored_articles_are_read_back_with_their_kept_text_layer(
    seed_articles: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store()
    articles = list(seed_articles.values())
    store.add_articles(articles)
    made = {a.id: Doc(a) for a in articles}
    store.add_article_pieces(
        ArticlePieces(a.id, "", np.zeros((0, 4), dtype=np.uint32), layer=made[a.id].layer())
        for a in articles[:3]
    )
    # A layer of another version is not read: that article is tokenised from its text again.
    store._db.execute(
        "UPDATE article_layer SET version = version + 1 WHERE article_id = ?", (articles[0].id,)
    )
    tokenised: list[str] = []
    make = Doc.__init__

    def counting(doc: Doc, article: Article) -> None:
        tokenised.append(article.id)
        make(doc, article)

    monkeypatch.setattr(Doc, "__init__", counting)
    read = store.docs([a.id for a in reversed(articles)])
    assert [d.article for d in read] == articles  # in storage order
    assert tokenised == [articles[0].id, articles[3].id, articles[4].id]
    for doc in read:
        want = made[doc.article.id]
        assert (doc.norms, doc.terms, doc.starts.tolist()) == (want.norms, want.terms, want.starts.tolist())
