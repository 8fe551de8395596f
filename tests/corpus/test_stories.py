import itertools
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import SEEDS

from isnad.article.doc import Corpus
from isnad.corpus import story_features, story_index
from isnad.corpus.stories import group_stories, similarity_matrix, update_store
from isnad.corpus.story_features import EMBEDDING_DIM, article_features, embed, publication_day
from isnad.corpus.story_index import StoryIndex, StoryParams, headline
from isnad.model import Analysis, Article, ArticleFeatures
from isnad.pipeline import analyze, read
from isnad.store import Store


def _names(seed_articles: dict[str, Article]) -> dict[str, str]:
    return {a.id: key for key, a in seed_articles.items()}


def test_seeds_group_as_an_editor_would(seed_analysis: Analysis, seed_articles: dict[str, Article]) -> None:
    name = _names(seed_articles)
    events = sorted(sorted(name[i] for i in e.article_ids) for e in seed_analysis.events)
    # The Telegraph report (000, 003), the Guardian report (001, 002), the Washington Post documents (004).
    assert events == [["000", "003"], ["001", "002"], ["004"]]
    # One running story: foreign fighters leaving the group.
    assert len(seed_analysis.storylines) == 1
    assert {e.storyline_id for e in seed_analysis.events} == {seed_analysis.storylines[0].id}
    assert sorted(seed_analysis.storylines[0].event_ids) == sorted(e.id for e in seed_analysis.events)


def test_seed_events_are_separated_with_a_margin(seed_articles: dict[str, Article]) -> None:
    keys = sorted(seed_articles)
    sim = similarity_matrix(Corpus(seed_articles[k] for k in keys))
    same = {("000", "003"), ("001", "002")}
    within = [sim[i, j] for i, a in enumerate(keys) for j, b in enumerate(keys) if (a, b) in same]
    across = [
        sim[i, j] for i, a in enumerate(keys) for j, b in enumerate(keys) if i < j and (a, b) not in same
    ]
    threshold = StoryParams().event_threshold
    assert min(within) >= threshold + 0.05
    assert max(across) <= threshold - 0.1


def test_event_titles_are_readable_arabic(seed_analysis: Analysis) -> None:
    for item in [*seed_analysis.events, *seed_analysis.storylines]:
        assert 10 < len(item.title) <= 142
        assert "\n" not in item.title
        assert any("\u0600" <= c <= "\u06ff" for c in item.title)


def test_ids_are_stable(seed_articles: dict[str, Article]) -> None:
    first, _ = group_stories(Corpus(seed_articles.values()))
    again, _ = group_stories(Corpus(reversed(list(seed_articles.values()))))
    assert sorted(e.id for e in first) == sorted(e.id for e in again)


def test_seed_features_depend_on_the_article_alone(seed_articles: dict[str, Article]) -> None:
    alone = article_features(Corpus([seed_articles["000"]]))[0]
    together = article_features(Corpus(seed_articles.values()))
    among = next(f for f in together if f.article_id == alone.article_id)
    assert np.array_equal(alone.term_ids, among.term_ids)
    assert np.allclose(alone.embedding, among.embedding, atol=1e-6)
    assert len(alone.sources) == 2  # it cites the Daily Telegraph and the Wall Street Journal


def test_adding_to_a_store_in_batches_matches_all_at_once(
    tmp_path: Path, seed_articles: dict[str, Article]
) -> None:
    articles = list(seed_articles.values())
    batch_events, batch_storylines = group_stories(Corpus(articles))
    with Store(tmp_path / "isnad.db") as store:
        for part in ([articles[4], articles[1]], [articles[0]], [articles[3], articles[2]]):
            store.add_articles(part)
            events, storylines = update_store(store)
        assert len(store.story_features()) == 5
    assert events == batch_events
    assert storylines == batch_storylines
    with Store(tmp_path / "isnad.db") as store:  # reopened: results were kept
        kept = store.load_results("test")
    assert kept.events == batch_events
    assert kept.storylines == batch_storylines


def test_changed_parameters_relink_stored_features(tmp_path: Path, seed_articles: dict[str, Article]) -> None:
    with Store(tmp_path / "isnad.db") as store:
        store.add_articles(seed_articles.values())
        update_store(store)
        loose = StoryParams(event_threshold=0.15, storyline_threshold=0.1)
        events, _ = update_store(store, loose, encoder=_no_encoder)  # features reused: nothing embedded
    assert len(events) == 1


def _no_encoder(texts: list[str]) -> np.ndarray:
    assert not texts, "stored features should have been reused"
    return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)


# -- the index on synthetic features: order independence and time ---------------------------------


def _features(
    article_id: str, topic: int, day: int | None = None, source: int | None = None
) -> ArticleFeatures:
    rng = np.random.default_rng(topic)
    embedding = rng.normal(size=EMBEDDING_DIM).astype(np.float32)
    embedding /= np.linalg.norm(embedding)
    terms = np.sort(rng.choice(1000, size=20, replace=False)).astype(np.int32)
    weights = np.full(20, 1 / np.sqrt(20), dtype=np.float32)
    return ArticleFeatures(
        article_id=article_id,
        day=day,
        term_ids=terms,
        term_weights=weights,
        shingles=np.zeros(0, dtype=np.int32),
        anchors=np.zeros(0, dtype=np.int32),
        embedding=embedding,
        sources=np.array([source], dtype=np.int32) if source is not None else np.zeros(0, dtype=np.int32),
    )


def _articles(
    features: list[ArticleFeatures], days: dict[str, str | None] | None = None
) -> dict[str, Article]:
    days = days or {}
    return {
        f.article_id: Article(
            id=f.article_id,
            text=f"نص {f.article_id}",
            source_path=f.article_id,
            title=f"خبر {f.article_id}",
            published=days.get(f.article_id),
        )
        for f in features
    }


@settings(max_examples=25, deadline=None)
@given(
    topics=st.lists(st.integers(0, 4), min_size=1, max_size=14),
    cuts=st.lists(st.integers(0, 14), max_size=4),
    order_seed=st.integers(0, 1000),
)
def test_any_batching_and_order_gives_the_batch_grouping(
    topics: list[int], cuts: list[int], order_seed: int
) -> None:
    features = [_features(f"a{n:02d}", topic) for n, topic in enumerate(topics)]
    articles = _articles(features)
    batch = StoryIndex()
    batch.add(features)
    expected = batch.stories(articles)

    shuffled = features[:]
    random.Random(order_seed).shuffle(shuffled)
    bounds = sorted({0, len(shuffled), *(c for c in cuts if c < len(shuffled))})
    incremental = StoryIndex()
    for start, end in itertools.pairwise(bounds):
        incremental.add(shuffled[start:end])
    assert incremental.stories(articles) == expected
    # Records of an earlier grouping are kept where their members are unchanged, as a store does.
    kept_records = StoryIndex()
    known = None
    for start, end in itertools.pairwise(bounds):
        kept_records.add(shuffled[start:end])
        known = kept_records.stories(articles, known)
    assert known == expected
    # Same topic, same event: the synthetic features of one topic are identical.
    assert len(expected[0]) == len(set(topics))


def test_time_splits_events_and_then_storylines() -> None:
    day = publication_day("2017-03-01")
    assert day is not None
    features = [
        _features("a", 1, day),
        _features("b", 1, day + 3),
        _features("c", 1, day + 60),
        _features("d", 1, day + 3000),
    ]
    articles = _articles(
        features, {"a": "2017-03-01", "b": "2017-03-04", "c": "2017-04-30", "d": "2025-05-18"}
    )
    index = StoryIndex()
    index.add(features)
    events, storylines = index.stories(articles)
    assert [e.article_ids for e in events] == [["a", "b"], ["c"], ["d"]]
    # Two months on, the same story goes on; eight years on, it is another storyline.
    assert [len(s.event_ids) for s in storylines] == [2, 1]
    assert events[0].storyline_id == events[1].storyline_id != events[2].storyline_id


def test_reports_citing_different_outlets_are_different_events() -> None:
    features = [_features("a", 1, source=7), _features("b", 1, source=8), _features("c", 1, source=7)]
    index = StoryIndex(StoryParams(event_threshold=0.7))
    index.add(features)
    events, storylines = index.stories(_articles(features))
    assert sorted(e.article_ids for e in events) == [["a", "c"], ["b"]]
    assert len(storylines) == 1  # two papers' reports of one running story


def test_publication_day_reads_dates_and_datetimes() -> None:
    assert publication_day("2017-03-01") == publication_day("2017-03-01T23:10:00+03:00")
    assert publication_day("not a date") is None
    assert publication_day(None) is None


def test_headline_prefers_title_and_cuts_at_word(seed_articles: dict[str, Article]) -> None:
    assert headline(seed_articles["001"]) == "مقاتلو داعش يفرون من التنظيم بعدما أوشك على الانهيار"
    long = headline(seed_articles["003"], max_chars=40)
    assert long.endswith("…")
    assert len(long) <= 42


def test_params_are_validated() -> None:
    with pytest.raises(ValueError, match="storyline_threshold"):
        StoryParams(event_threshold=0.1, storyline_threshold=0.5)
    with pytest.raises(ValueError, match="half_life"):
        StoryParams(storyline_half_life_days=0)


# -- one store, whichever command fills it ------------------------------------------------------


def _story_state(store: Store) -> tuple[object, ...]:
    results = store.load_results("test")
    features = sorted(f.article_id for f in store.story_features())
    return results.events, results.storylines, store.story_links(), features, sorted(store.article_ids())


def test_analyze_into_a_store_then_add_matches_adding_all_at_once(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    first, second = [seeds[0], seeds[4], seeds[1]], [seeds[2], seeds[3]]
    analysis = analyze(first, db=tmp_path / "a.db")
    assert len(analysis.articles) == 3
    embedded: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        embedded.extend(texts)
        return embed(texts)

    with Store(tmp_path / "a.db") as store:
        assert len(store.story_features()) == 3  # analyze kept its features
        store.add_articles(read(second)[0])
        update_store(store, encoder=counting)
        assert len(embedded) == 2  # only the new articles were embedded
        added_later = _story_state(store)
    with Store(tmp_path / "b.db") as store:
        store.add_articles(read(seeds)[0])
        update_store(store)
        all_at_once = _story_state(store)
    assert added_later == all_at_once

    # The same articles again, by either command, duplicate nothing; analyze covers the store.
    again = analyze([seeds[0], seeds[2]], db=tmp_path / "a.db")
    assert len(again.articles) == 5
    with Store(tmp_path / "a.db") as store:
        store.add_articles(read(seeds)[0])
        update_store(store, encoder=_no_encoder)
        assert _story_state(store) == all_at_once
    assert (again.events, again.storylines) == all_at_once[:2]


def test_a_store_update_reads_only_the_articles_of_changed_events(
    tmp_path: Path, seed_articles: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "isnad.db") as store:
        store.add_articles([seed_articles["004"], seed_articles["000"]])
        update_store(store)
        read_ids: list[str] = []
        reader = Store.articles

        def counting(self: Store, ids: list[str] | None = None) -> list[Article]:
            read_ids.extend(ids if ids is not None else self.article_ids())
            return reader(self, ids)

        monkeypatch.setattr(Store, "articles", counting)
        store.add_articles([seed_articles[k] for k in ("001", "002", "003")])
        events, _ = update_store(store)
    # 003 joins 000's event, which is built again (its medoid read for a headline); the
    # Washington Post event (004) is kept, unread.
    assert seed_articles["004"].id not in read_ids
    assert read_ids
    assert set(read_ids) <= {seed_articles[k].id for k in ("000", "001", "002", "003")}
    assert events == group_stories(Corpus(seed_articles.values()))[0]


# -- cluster-level evidence: one article resembling two stories does not chain them -------------


def _bridged(article_id: str, terms: list[int], seed: int) -> ArticleFeatures:
    """Features whose similarity comes from ``terms`` alone: embeddings of different seeds are
    nearly orthogonal, under the embedding floor."""
    rng = np.random.default_rng(seed)
    embedding = rng.normal(size=EMBEDDING_DIM).astype(np.float32)
    embedding /= np.linalg.norm(embedding)
    ids = np.array(sorted(terms), dtype=np.int32)
    return ArticleFeatures(
        article_id=article_id,
        day=None,
        term_ids=ids,
        term_weights=np.full(len(ids), 1 / np.sqrt(len(ids)), dtype=np.float32),
        shingles=np.zeros(0, dtype=np.int32),
        anchors=np.zeros(0, dtype=np.int32),
        embedding=embedding,
        sources=np.zeros(0, dtype=np.int32),
    )


def test_an_article_like_two_stories_does_not_chain_them() -> None:
    first, second = list(range(10)), list(range(10, 20))
    # a and a2 tell one story, c and c2 another; b shares half its words with each.
    features = [
        _bridged("a", first, 1),
        _bridged("a2", first, 2),
        _bridged("b", first + second, 3),
        _bridged("c", second, 4),
        _bridged("c2", second, 5),
    ]
    index = StoryIndex(StoryParams(event_threshold=0.3, storyline_threshold=0.1))
    index.add(features)
    assert {(link.a, link.b) for link in index.links if link.event} >= {("a", "b"), ("b", "c")}
    events, storylines = index.stories(_articles(features))
    groups = sorted(sorted(e.article_ids) for e in events)
    # Single links would make one event of all five; b joins one side at most.
    assert ["a", "a2"] in [[m for m in g if m != "b"] for g in groups]
    assert not any({"a", "c"} <= set(g) for g in groups)
    assert len(events) == 2
    assert len(storylines) == 1  # the two stories are close enough to be one running story


def test_a_word_alone_links_nothing() -> None:
    features = [_bridged("cartoon", [7], 1), _bridged("cartoon2", [7], 1), _bridged("x", list(range(9)), 1)]
    index = StoryIndex()
    index.add(features)
    events, _ = index.stories(_articles(features))
    assert sorted(e.article_ids for e in events) == [["cartoon"], ["cartoon2"], ["x"]]


def _embedded(texts: list[str]) -> np.ndarray:
    """One embedding for every text: the test is about the words alone."""
    return np.tile(np.eye(EMBEDDING_DIM, dtype=np.float32)[0], (len(texts), 1))


def test_reactions_naming_one_happening_share_its_phrase() -> None:
    texts = {
        "report": "أمير عسير يزور مصابي تفجير مسجد قوات الطوارئ في أبها ويطمئن على صحتهم.",
        "reaction": "أدان ملك الأردن التفجير الذي استهدف مسجد قوات الطوارئ الخاصة في منطقة عسير.",
        "other": "أمير عسير يستقبل رئيس الغرفة التجارية ويطلع على خطط الاستثمار في المنطقة.",
    }
    corpus = Corpus(Article(id=k, text=v, title=None, source_path=k) for k, v in texts.items())
    features = {f.article_id: f for f in article_features(corpus, encoder=_embedded)}
    happenings = {
        k: set(f.anchors[f.anchors >= story_features.HAPPENING_BIT].tolist()) for k, f in features.items()
    }
    assert happenings["report"] & happenings["reaction"]
    assert not happenings["other"]


def test_shared_happening_phrases_add_their_bonus_and_one_alone_does_not() -> None:
    phrases = np.array([story_features.HAPPENING_BIT + 5, story_features.HAPPENING_BIT + 6], dtype=np.int32)
    plain = [
        _bridged(k, list(range(s, s + 10)), n) for n, (k, s) in enumerate((("a", 0), ("b", 5), ("c", 5)))
    ]
    named = [
        replace(plain[0], anchors=phrases),
        replace(plain[1], anchors=phrases),
        replace(plain[2], anchors=phrases[:1]),
    ]
    before, after = StoryIndex(), StoryIndex()
    before.add(plain)
    after.add(named)
    rows = np.arange(3)
    story_before, _ = before.similarity_among(rows)
    story_after, _ = after.similarity_among(rows)
    assert story_index.HAPPENING_SHARED == 2
    assert story_after[0, 1] == pytest.approx(story_before[0, 1] + story_index.HAPPENING_BONUS, abs=1e-4)
    assert story_after[0, 2] == pytest.approx(story_before[0, 2])  # one phrase in common
    # The index's links weigh the pair as the blocks do.
    linked = {(link.a, link.b): link.similarity for link in after.links}
    assert linked[("a", "b")] == pytest.approx(story_after[0, 1], abs=1e-4)


def test_a_block_too_big_for_one_matrix_is_cut_in_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(story_index, "MAX_BLOCK", 3)
    day = publication_day("2017-03-01")
    assert day is not None
    # One story told every day for a week: a chain of event links, one block of seven.
    features = [_features(f"a{n}", 1, day + n) for n in range(7)]
    articles = _articles(features, {f"a{n}": f"2017-03-0{n + 1}" for n in range(7)})
    batch = StoryIndex()
    batch.add(features)
    expected = batch.stories(articles)
    assert [e.article_ids for e in expected[0]] == [["a0", "a1", "a2"], ["a3", "a4", "a5"], ["a6"]]
    incremental = StoryIndex()
    for part in (features[4:], features[:4]):
        incremental.add(part)
    assert incremental.stories(articles) == expected


def _indexed(texts: dict[str, str], published: str) -> tuple[Corpus, StoryIndex, np.ndarray, dict[str, int]]:
    """The articles of one day indexed: the corpus, the index, the event similarity of every pair
    and each article's row in it."""
    corpus = Corpus(
        Article(id=k, text=v, title=None, source_path=k, published=published) for k, v in texts.items()
    )
    features = article_features(corpus, encoder=_embedded)
    index = StoryIndex()
    index.add(features)
    _, event = index.similarity_among(np.arange(len(features)))
    return corpus, index, event, {f.article_id: n for n, f in enumerate(features)}


def test_reports_of_two_market_sessions_are_two_events_of_one_storyline() -> None:
    # Wednesday's and Thursday's sessions of one index, published on one day: the words are the
    # same but for the figures, so only the session marks (day, close) tell them apart.
    texts = {
        "wed1": "سجل مؤشر سوق الأسهم السعودية اليوم ارتفاعاً بـ 21.29 نقطة ليغلق عند مستوى 8790.77 نقطة.",
        "wed2": "سجل مؤشر سوق الأسهم السعودية اليوم ارتفاعا بـ 21.29 نقطة ليغلق عند مستوى 8790.77 نقطة وسط تداولات ضعيفة.",
        "thu": "سجل مؤشر سوق الأسهم السعودية اليوم انخفاضاً بـ 136.12 نقطة ليغلق عند مستوى 8654.64 نقطة.",
        # The open and the close of one session differ in figures but name one day.
        "open": "افتتحت مؤشرات الأسهم الأمريكية اليوم الأربعاء مرتفعة وصعد مؤشر داو جونز 57.6 نقطة إلى 17557.6 نقطة.",
        "close": "أغلقت مؤشرات الأسهم الأمريكية اليوم الأربعاء مرتفعة وصعد مؤشر داو جونز 40.7 نقطة إلى 17540.7 نقطة.",
    }
    corpus, index, event, at = _indexed(texts, "2015-08-06")
    assert event[at["wed1"], at["thu"]] == 0.0
    assert event[at["wed1"], at["wed2"]] > 0.4
    assert event[at["open"], at["close"]] > 0.4
    # The index's links weigh the pairs as the blocks do.
    linked = {(link.a, link.b): link.event for link in index.links}
    assert linked[("thu", "wed1")] is False
    assert linked[("wed1", "wed2")] is True
    events, _ = index.stories(corpus.by_id)
    groups = sorted(e.article_ids for e in events)
    assert ["close", "open"] in groups
    assert ["thu"] in groups
    assert len({e.storyline_id for e in events if {"wed1", "thu"} & set(e.article_ids)}) == 1


def test_cables_to_two_countries_are_two_events() -> None:
    # The day's cables are one formula but for whom they go to (2015-08-09: Ecuador's sat with
    # Singapore's); copies of one cable name its addressee in other words, and stay one event.
    texts = {
        "sg1": "بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة لفخامة الرئيس توني تان كنق يام رئيس جمهورية سنغافورة بمناسبة ذكرى اليوم الوطني لبلاده.",
        "sg2": "بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة إلى الرئيس توني تان كنق يام رئيس سنغافورة بمناسبة ذكرى اليوم الوطني لبلاده.",
        "ec": "بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة للرئيس رفائيل كوريا دلجادو رئيس جمهورية الإكوادور بمناسبة ذكرى يوم الاستقلال لبلاده.",
    }
    _, _, event, at = _indexed(texts, "2015-08-09")
    assert event[at["sg1"], at["ec"]] == 0.0
    assert event[at["sg1"], at["sg2"]] > 0.4
