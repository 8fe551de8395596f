from isnad.model import Analysis, Article, Attribution, Date
from isnad.store import Store


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
