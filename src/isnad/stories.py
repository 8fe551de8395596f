"""Stories: articles grouped into news events, events linked into storylines.

First implementation: articles are compared by TF-IDF cosine over content stems (so clitics,
inflection and spelling variants of the text layer do not split a story), with a bonus when
they share reused text; average-linkage clustering at a tight threshold gives events and, over
the events, at a looser threshold gives storylines.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from isnad.corpus import Corpus
from isnad.model import Article, Event, ReuseLink, Storyline


@dataclass(frozen=True)
class StoryParams:
    """Similarity thresholds (cosine, 0..1). Checked by reading the grouping of the seeds."""

    event_threshold: float = 0.25
    storyline_threshold: float = 0.12
    reuse_bonus: float = 0.5  # added similarity per unit of reuse score

    def __post_init__(self) -> None:
        if not 0 <= self.storyline_threshold <= self.event_threshold <= 1:
            raise ValueError(f"need 0 <= storyline_threshold <= event_threshold <= 1; got {self}")


def similarity_matrix(
    corpus: Corpus, reuse: Sequence[ReuseLink] = (), params: StoryParams | None = None
) -> NDArray[np.float64]:
    """Pairwise article similarity in [0, 1], in corpus order."""
    docs = [text.content_terms() for text in corpus.texts()]
    if not any(docs):
        return np.eye(len(docs))
    vectorizer = TfidfVectorizer(analyzer=lambda terms: terms, sublinear_tf=True, norm="l2")
    matrix = vectorizer.fit_transform(docs)
    sim: NDArray[np.float64] = (matrix @ matrix.T).toarray()
    position = {a.id: i for i, a in enumerate(corpus.articles)}
    params = params or StoryParams()
    for link in reuse:
        i, j = position[link.a], position[link.b]
        sim[i, j] = sim[j, i] = min(1.0, sim[i, j] + params.reuse_bonus * link.score)
    np.fill_diagonal(sim, 1.0)
    return sim


def group_stories(
    corpus: Corpus, reuse: Sequence[ReuseLink] = (), params: StoryParams | None = None
) -> tuple[list[Event], list[Storyline]]:
    """Events and storylines of a corpus."""
    params = params or StoryParams()
    if not corpus.articles:
        return [], []
    sim = similarity_matrix(corpus, reuse, params)
    article_groups = average_linkage(sim, params.event_threshold)
    events = [_event(corpus, sim, members) for members in article_groups]

    # Event-to-event similarity: the mean similarity of their articles (average linkage again).
    membership = np.zeros((len(corpus.articles), len(events)))
    for e, members in enumerate(article_groups):
        membership[members, e] = 1.0 / len(members)
    event_sim = membership.T @ sim @ membership
    storylines = []
    for members in average_linkage(event_sim, params.storyline_threshold):
        member_events = sorted((events[m] for m in members), key=lambda e: _event_date(corpus, e))
        storyline = Storyline(
            id=_id("s", [a for e in member_events for a in e.article_ids]),
            event_ids=[e.id for e in member_events],
            title=max(member_events, key=lambda e: len(e.article_ids)).title,
        )
        for event in member_events:
            event.storyline_id = storyline.id
        storylines.append(storyline)
    return events, storylines


def average_linkage(sim: NDArray[np.float64], threshold: float) -> list[list[int]]:
    """Agglomerative clustering, average linkage, merging while mean similarity >= threshold.

    Groups come out ordered by their first member, members ascending, so results are stable.
    """
    n = sim.shape[0]
    if n < 2:
        return [[i] for i in range(n)]
    distance = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=lambda c: c[0])


def _event(corpus: Corpus, sim: NDArray[np.float64], members: list[int]) -> Event:
    articles = [corpus.articles[m] for m in members]
    # The medoid is the article most like the others: its headline names the event best.
    medoid = members[int(np.argmax(sim[np.ix_(members, members)].sum(axis=1)))]
    return Event(
        id=_id("e", [a.id for a in articles]),
        article_ids=[a.id for a in articles],
        title=headline(corpus.articles[medoid]),
    )


def headline(article: Article, max_chars: int = 140) -> str:
    """A readable label: the article's title, else its first sentence, cut at a word boundary."""
    if article.title:
        text = article.title
    elif article.sentences:
        text = article.span_text(article.sentences[0])
    else:
        text = article.text.strip().split("\n", 1)[0]
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars].rsplit(" ", 1)[0]
    return cut + " …"


def _event_date(corpus: Corpus, event: Event) -> str:
    dates = [corpus.by_id[a].published or "" for a in event.article_ids]
    return min(dates) if dates else ""


def _id(prefix: str, article_ids: Sequence[str]) -> str:
    """A stable id from the member articles, so the same grouping keeps the same id across runs."""
    digest = hashlib.sha256("|".join(sorted(article_ids)).encode()).hexdigest()[:12]
    return f"{prefix}-{digest}"
