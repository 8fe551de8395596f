"""The story index: every article's features, the links between articles, and the grouping of
linked articles into events and storylines by average linkage (`isnad.corpus.stories` says how
the signals are weighed and why groups are decided on group-level evidence).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from isnad.corpus.arrays import distinct
from isnad.corpus.story_features import HASH_BITS, anchor_kinds
from isnad.corpus.storylines import by_coverage, pooled_similarity
from isnad.model import Article, ArticleFeatures, Event, Storyline, StoryLink

BLOCK_ROWS = 64  # new articles compared with the store per block: 64 x 100k floats is 25 MB

# How the signals are weighed. Set by hand on SemEval-2022 Task 8 dev pairs (Pearson with the
# ratings: stems alone 0.655, + lead embedding 0.667, + figures 0.670 in a first prototype) and
# checked on the seeds; kept to three round weights because 51 pairs cannot support more.
TERM_WEIGHT = 1.0
EMBEDDING_WEIGHT = 0.5
ANCHOR_WEIGHT = 0.3
# Lead embeddings of unrelated Arabic news articles still have cosines around 0.3; above that
# floor the cosine is rescaled to 0..1 so it is comparable with the TF-IDF cosine.
EMBEDDING_FLOOR = 0.3
SOURCE_BONUS = 0.1  # similarity added when two articles cite one outlet
# Similarity added when two leads name one attack with the same object. Reactions to one
# bombing share about 0.2-0.45 with its reports, under the event threshold of 0.4; this lifts
# them over it, and no more: the words must still be alike. Set by that reason: cross-validation
# over the dev day's gold cannot confirm it, since it moves one gold event (docs/events.md).
HAPPENING_BONUS = 0.3
# Phrases two articles must share: one may be a word of any attack (terrorist, targeted), two name
# its object.
HAPPENING_SHARED = 2
OTHER_SOURCE_FACTOR = 0.6  # event similarity kept when both cite outlets, none in common
# Articles clustered with one dense similarity matrix (8 bytes a pair: 128 MB at 4,000); a bigger
# block is cut in time order (`StoryIndex._time_pieces`). A day's largest block held 2,343.
MAX_BLOCK = 4000
# An article with fewer distinct content stems (a cartoon titled "كاريكاتير", a bare headline of
# one word) says too little to be told from another: it links to nothing and stands alone.
MIN_TERMS = 2
ROUNDING = 5  # similarities are rounded so that float noise of block shapes cannot flip an edge
# Bump when the grouping of stored links changes: a store then groups its stored links again.
# 2: storylines over events' pooled representations (`isnad.corpus.storylines`); 3: each event
# counted by its coverage (the square root of its articles) in the storylines' average linkage.
GROUPING_VERSION = 3


@dataclass(frozen=True)
class StoryParams:
    """Thresholds on the combined similarity (0..1) and the time scales of a story."""

    # Event: articles join while their mean similarity to the event's members (average linkage)
    # reaches event_threshold; storyline: events join while the mean similarity of their pooled
    # representations, discounted by time, each event counted by its coverage, reaches
    # storyline_threshold. Events: 5-fold cross-validation over the gold storylines of the
    # SaudiNewsNet day 2015-08-06 chose 0.4 in every fold (of 0.35-0.45); it also scores best on
    # tests/fixtures/event_clusters. Storylines: the day's folds chose 0.15-0.18, that labelled
    # set 0.25; 0.2 is best on the two together (docs/events.md).
    event_threshold: float = 0.4
    storyline_threshold: float = 0.2
    reuse_bonus: float = 0.5  # added similarity per unit of shared 3-gram containment
    # An event spans hours to a few days: reports of one more days apart are separate events.
    event_window_days: float = 3.0
    storyline_half_life_days: float = 120.0  # similarity for storylines halves over this gap

    def __post_init__(self) -> None:
        if not 0 <= self.storyline_threshold <= self.event_threshold <= 1:
            raise ValueError(f"need 0 <= storyline_threshold <= event_threshold <= 1; got {self}")
        if self.event_window_days < 0 or self.storyline_half_life_days <= 0:
            raise ValueError(f"need event_window_days >= 0 and storyline_half_life_days > 0; got {self}")


# -- features ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Chunk:
    """Vectors of articles added together, rows ``start`` to ``end``, and their postings.

    Each chunk keeps its own embeddings, so adding articles never copies the store's.
    """

    start: int
    end: int
    vectors: dict[str, sparse.csr_matrix]
    postings: dict[str, sparse.csr_matrix]
    embeddings: NDArray[np.float32]

    @classmethod
    def of(cls, start: int, features: Sequence[ArticleFeatures]) -> _Chunk:
        n = len(features)
        figures, happenings, days, closes = zip(*(anchor_kinds(f.anchors) for f in features), strict=True)
        vectors = {
            "terms": _csr([f.term_ids for f in features], [f.term_weights for f in features], n),
            "anchors": _csr(figures, [np.full(len(a), 1 / np.sqrt(max(len(a), 1))) for a in figures], n),
            "happenings": _csr(happenings, [np.ones(len(h)) for h in happenings], n),
            "days": _csr(days, [np.ones(len(d)) for d in days], n),
            "closes": _csr(closes, [np.ones(len(c)) for c in closes], n),
            "shingles": _csr([f.shingles for f in features], [np.ones(len(f.shingles)) for f in features], n),
            "sources": _csr([f.sources for f in features], [np.ones(len(f.sources)) for f in features], n),
        }
        postings = {name: matrix.T.tocsr() for name, matrix in vectors.items()}
        embeddings = np.stack([f.embedding for f in features]).astype(np.float32)
        return cls(start, start + n, vectors, postings, embeddings)


class StoryIndex:
    """Every article's features and the links between articles; stories are its components.

    ``add`` compares only the new articles with all the others, so keeping an index up to date
    costs time in proportion to what is added, not to the size of the store.
    """

    def __init__(self, params: StoryParams | None = None) -> None:
        self.params = params or StoryParams()
        self.ids: list[str] = []
        self.links: list[StoryLink] = []
        # The links again as index positions, for the component search.
        self._link_a = np.zeros(0, dtype=np.int64)
        self._link_b = np.zeros(0, dtype=np.int64)
        self._link_event = np.zeros(0, dtype=bool)
        self._position: dict[str, int] = {}
        self._days = np.zeros(0, dtype=np.float64)  # NaN where unknown
        self._shingle_counts = np.zeros(0, dtype=np.float32)
        self._cites = np.zeros(0, dtype=bool)
        self._names_day = np.zeros(0, dtype=bool)  # market reports naming their session's day
        self._gives_close = np.zeros(0, dtype=bool)  # market reports giving closing figures
        self._fresh = np.zeros(0, dtype=bool)  # added (not restored): their blocks are grouped anew
        self._telling = np.zeros(0, dtype=bool)  # with enough content stems to link (MIN_TERMS)
        self._chunks: list[_Chunk] = []

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._position

    def restore(self, features: Iterable[ArticleFeatures], links: Iterable[StoryLink]) -> None:
        """Load what an index found earlier: its articles' features and the links between them."""
        loaded = [f for f in features if f.article_id not in self._position]
        for f in loaded:
            self._position[f.article_id] = len(self.ids)
            self.ids.append(f.article_id)
        if loaded:
            self._append(loaded, fresh=False)
        self._keep([link for link in links if link.a in self._position and link.b in self._position])

    def add(self, features: Iterable[ArticleFeatures]) -> list[StoryLink]:
        """Add articles not yet in the index; returns the links found for them."""
        new: list[ArticleFeatures] = []
        for f in features:
            if f.article_id not in self._position:
                self._position[f.article_id] = len(self.ids)
                self.ids.append(f.article_id)
                new.append(f)
        if not new:
            return []
        start = len(self._days)
        self._append(new, fresh=True)
        found: list[StoryLink] = []
        for block in range(start, len(self.ids), BLOCK_ROWS):
            found += self.block_links(block)
        self._keep(found)
        return found

    def block_links(self, start: int) -> list[StoryLink]:
        """Links of the ``BLOCK_ROWS`` articles from position ``start`` with every article before
        them: blocks are independent of one another, so they may be found in any order, or in
        parallel by copies of the index (the Spark job)."""
        return self._links(np.arange(start, min(start + BLOCK_ROWS, len(self.ids))))

    def _keep(self, links: Sequence[StoryLink]) -> None:
        self.links += links
        position = self._position
        self._link_a = np.concatenate([self._link_a, [position[link.a] for link in links]]).astype(np.int64)
        self._link_b = np.concatenate([self._link_b, [position[link.b] for link in links]]).astype(np.int64)
        self._link_event = np.concatenate([self._link_event, [link.event for link in links]]).astype(bool)

    def _append(self, new: Sequence[ArticleFeatures], fresh: bool) -> None:
        start = len(self._days)
        days = [np.nan if f.day is None else float(f.day) for f in new]
        self._days = np.concatenate([self._days, np.array(days, dtype=np.float64)])
        counts = np.array([len(f.shingles) for f in new], dtype=np.float32)
        self._shingle_counts = np.concatenate([self._shingle_counts, counts])
        self._cites = np.concatenate([self._cites, np.array([len(f.sources) > 0 for f in new])])
        kinds = [anchor_kinds(f.anchors) for f in new]
        self._names_day = np.concatenate(
            [self._names_day, np.array([len(k[2]) > 0 for k in kinds], dtype=bool)]
        )
        self._gives_close = np.concatenate(
            [self._gives_close, np.array([len(k[3]) > 0 for k in kinds], dtype=bool)]
        )
        self._fresh = np.concatenate([self._fresh, np.full(len(new), fresh)])
        self._telling = np.concatenate([self._telling, np.array([len(f.term_ids) >= MIN_TERMS for f in new])])
        self._chunks.append(_Chunk.of(start, new))

    def _embeddings(self, rows: NDArray[np.intp]) -> NDArray[np.float32]:
        """The embeddings of the articles at ``rows`` (ascending)."""
        parts = [
            chunk.embeddings[rows[(rows >= chunk.start) & (rows < chunk.end)] - chunk.start]
            for chunk in self._chunks
        ]
        return np.concatenate(parts)

    def _vectors(self, name: str, rows: NDArray[np.intp]) -> sparse.csr_matrix:
        """The sparse vectors ``name`` of the articles at ``rows`` (ascending)."""
        parts = []
        for chunk in self._chunks:
            inside = rows[(rows >= chunk.start) & (rows < chunk.end)]
            if len(inside):
                parts.append(chunk.vectors[name][inside - chunk.start])
        return parts[0] if len(parts) == 1 else sparse.vstack(parts, format="csr")

    def _compact(self, name: str, rows: NDArray[np.intp]) -> sparse.csr_matrix:
        """The sparse vectors ``name`` of ``rows`` (ascending) over only the hashed ids they use:
        transposing 4M mostly empty columns would cost more than the product."""
        vectors = self._vectors(name, rows)
        used, indices = np.unique(vectors.indices, return_inverse=True)
        return sparse.csr_matrix(
            (vectors.data, indices.ravel(), vectors.indptr), shape=(len(rows), len(used))
        )

    def _product(self, name: str, rows: NDArray[np.intp], count: int) -> sparse.coo_matrix:
        """Dot products of the articles at ``rows`` with the first ``count`` articles (sparse).

        Each chunk keeps its vectors transposed: one row per hashed term listing the articles
        that have it, so the product walks only the posting lists of the block's own terms, as a
        search engine's inverted index does.
        """
        block = self._vectors(name, rows)
        parts = []
        for chunk in self._chunks:
            if chunk.start >= count:
                break
            product = (block @ chunk.postings[name]).tocoo()
            keep = product.col < count - chunk.start
            parts.append((product.row[keep], product.col[keep] + chunk.start, product.data[keep]))
        row, col, data = (np.concatenate(p) for p in zip(*parts, strict=True))
        return sparse.coo_matrix((data, (row, col)), shape=(len(rows), count))

    def _add_product(
        self, name: str, rows: NDArray[np.intp], count: int, weight: float, out: NDArray[np.float32]
    ) -> None:
        """Add ``weight`` times the dot products of the first ``count`` articles (rows of ``out``)
        with the articles at ``rows`` (its columns) to ``out``.

        For signals most pairs share something of (stems, figures, outlets): only the posting
        lists of the block's own terms are sliced out, and multiplied by the block's vectors as a
        small dense matrix. A sparse times dense product has none of the bookkeeping of a sparse
        times sparse one, whose result here would be nearly dense anyway.
        """
        block = self._vectors(name, rows)
        terms = distinct(block.indices)
        if not len(terms):
            return
        compact = np.ascontiguousarray((block[:, terms].toarray() * weight).astype(np.float32).T)
        # Earlier articles index the rows of ``out`` so that each chunk's product is added as one
        # contiguous slab.
        for chunk in self._chunks:
            if chunk.start >= count:
                break
            width = min(chunk.end, count) - chunk.start
            product = chunk.postings[name][terms].T @ compact  # chunk articles x block rows
            out[chunk.start : chunk.start + width] += product[:width]

    def similarity(
        self, rows: NDArray[np.intp], count: int
    ) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
        """Similarity of the articles at ``rows`` with the first ``count`` articles of the index.

        Two matrices, for storylines and for events: they differ only by the cited sources, which
        tell one report from another.
        """
        story = self._story_block(rows, count)
        shared_sources = np.zeros((count, len(rows)), dtype=np.float32)
        self._add_product("sources", rows, count, 1.0, shared_sources)
        same_source = shared_sources > 0
        both_cite = np.outer(self._cites[:count], self._cites[rows])
        event = _event_similarity(story, same_source, both_cite, self._other_session(rows, count))
        return np.round(story, ROUNDING, out=story).T, event.T

    def _other_session(self, rows: NDArray[np.intp], count: int) -> NDArray[np.bool_]:
        """Whether each of the first ``count`` articles (rows) and each at ``rows`` are reports of
        different market sessions (`isnad.arabic.markets`)."""
        if not (self._names_day[rows].any() or self._gives_close[rows].any()):
            return np.zeros((count, len(rows)), dtype=bool)
        shared = {}
        for name in ("days", "closes"):
            shared[name] = np.zeros((count, len(rows)), dtype=np.float32)
            self._add_product(name, rows, count, 1.0, shared[name])
        return _different_sessions(
            shared["days"] > 0,
            np.outer(self._names_day[:count], self._names_day[rows]),
            shared["closes"] > 0,
            np.outer(self._gives_close[:count], self._gives_close[rows]),
        )

    def _story_block(self, rows: NDArray[np.intp], count: int) -> NDArray[np.float32]:
        """Storyline similarity, unrounded, of the first ``count`` articles (rows) with ``rows``.

        Computed in float32 and in place where possible, since ``count`` may be the whole store.
        """
        total = TERM_WEIGHT + EMBEDDING_WEIGHT + ANCHOR_WEIGHT
        query = self._embeddings(rows).T.copy()
        story = np.empty((count, len(rows)), dtype=np.float32)
        for chunk in self._chunks:
            if chunk.start >= count:
                break
            end = min(chunk.end, count)
            np.matmul(chunk.embeddings[: end - chunk.start], query, out=story[chunk.start : end])
        story -= EMBEDDING_FLOOR
        np.clip(story, 0.0, 1 - EMBEDDING_FLOOR, out=story)
        story *= EMBEDDING_WEIGHT / ((1 - EMBEDDING_FLOOR) * total)
        for name, weight in (("terms", TERM_WEIGHT), ("anchors", ANCHOR_WEIGHT)):
            self._add_product(name, rows, count, weight / total, story)
        # Shared 3-grams are rare: only their non-zero entries are touched.
        shared = self._product("shingles", rows, count)
        smaller = np.minimum(self._shingle_counts[rows][shared.row], self._shingle_counts[shared.col])
        story[shared.col, shared.row] += self.params.reuse_bonus * shared.data / np.maximum(smaller, 1)
        happening = self._product("happenings", rows, count)
        story[happening.col, happening.row] += HAPPENING_BONUS * (happening.data >= HAPPENING_SHARED)
        np.minimum(story, 1.0, out=story)
        return story

    def _event_at(
        self,
        rows: NDArray[np.intp],
        count: int,
        r: NDArray[np.intp],
        c: NDArray[np.intp],
        story: NDArray[np.float32],
    ) -> NDArray[np.float32]:
        """Event similarity, rounded, at the pairs ``(rows[r], c)`` from their unrounded story one."""
        if not len(r):
            return np.zeros(0, dtype=np.float32)
        shared_sources = np.zeros((count, len(rows)), dtype=np.float32)
        self._add_product("sources", rows, count, 1.0, shared_sources)
        same_source = shared_sources[c, r] > 0
        other_session = self._other_session(rows, count)[c, r]
        return _event_similarity(story, same_source, self._cites[rows[r]] & self._cites[c], other_session)

    def _links(self, rows: NDArray[np.intp]) -> list[StoryLink]:
        """Links of the articles at ``rows`` with every article before them in the index."""
        count = int(rows[-1])
        if not count:
            return []
        block = self._story_block(rows, count)
        # Time only lowers similarity, and sources raise it by SOURCE_BONUS at most: pairs under
        # both thresholds even so cannot link, and most pairs of a big store are such pairs. The
        # half-unit margin keeps pairs that rounding would lift onto the floor.
        floor = min(self.params.storyline_threshold, self.params.event_threshold - SOURCE_BONUS)
        c, r = np.nonzero(block >= floor - 0.5 * 10**-ROUNDING)
        keep = (c < rows[r]) & self._telling[rows[r]] & self._telling[c]
        r, c = r[keep], c[keep]
        event = self._event_at(rows, count, r, c, block[c, r])
        story = np.round(block[c, r], ROUNDING)
        gap = np.abs(self._days[rows[r]] - self._days[c])
        known = ~np.isnan(gap)
        decay = np.where(known, 0.5 ** (np.nan_to_num(gap) / self.params.storyline_half_life_days), 1.0)
        in_window = ~known | (np.nan_to_num(gap) <= self.params.event_window_days)
        is_event = in_window & (event >= self.params.event_threshold)
        linked = is_event | (story * decay >= self.params.storyline_threshold)
        links = []
        for n in np.nonzero(linked)[0]:
            a, b = sorted((self.ids[int(rows[r[n]])], self.ids[int(c[n])]))
            links.append(StoryLink(a, b, float(event[n]), bool(is_event[n])))
        return links

    def stories(
        self,
        articles: Mapping[str, Article],
        known: tuple[Sequence[Event], Sequence[Storyline]] | None = None,
        published: Mapping[str, str | None] | None = None,
    ) -> tuple[list[Event], list[Storyline]]:
        """Events and storylines of the indexed articles, in time order.

        ``articles`` gives the indexed articles by id, for dates and headlines. ``known`` are the
        records of an earlier grouping (as stored): a block of linked articles none of which was
        added since keeps its records, since its grouping depends on its members alone. Then
        ``articles`` need hold only the members of groups that changed, and ``published`` gives
        every article's date.
        """
        dates = published if published is not None else {i: a.published for i, a in articles.items()}
        known_events, known_storylines = known or ((), ())
        ids = self.ids
        event_before = self._before([e.article_ids for e in known_events])
        storyline_index = {s.id: k for k, s in enumerate(known_storylines)}
        storyline_of_event = np.array(
            [storyline_index.get(e.storyline_id or "", -1) for e in known_events] + [-1], dtype=np.int64
        )
        storyline_before = storyline_of_event[event_before]  # -1 (the last entry) for new articles

        events: list[Event] = []
        event_at = np.zeros(len(ids), dtype=np.int64)  # index into ``events`` of each article
        for members, kept, medoid in self._event_groups(event_before, len(known_events)):
            if kept >= 0:
                event = known_events[kept]
            else:
                ordered = sorted((ids[m] for m in members), key=lambda i: (_date_key(dates[i]), i))
                event = Event(
                    id=_id("e", ordered), article_ids=ordered, title=headline(articles[ids[medoid]])
                )
            event_at[members] = len(events)
            events.append(event)

        storylines: list[Storyline] = []
        event_ids = {e.id for e in events}
        for members, kept in self._storyline_groups(event_at, storyline_before, len(known_storylines)):
            if kept >= 0 and all(e in event_ids for e in known_storylines[kept].event_ids):
                storylines.append(known_storylines[kept])
                continue
            member_events = sorted(
                {events[k].id: events[k] for k in event_at[members].tolist()}.values(),
                key=lambda e: (_date_key(dates[e.article_ids[0]]), e.id),
            )
            largest = max(member_events, key=lambda e: len(e.article_ids))  # first of the largest
            storyline = Storyline(
                id=_id("s", [ids[m] for m in members]),
                event_ids=[e.id for e in member_events],
                title=largest.title,
            )
            for event in member_events:
                event.storyline_id = storyline.id
            storylines.append(storyline)
        return in_time_order(events, storylines, dates)

    def _before(self, groups: Sequence[Sequence[str]]) -> NDArray[np.int64]:
        """Each indexed article's group among ``groups`` (ids), -1 for none."""
        before = np.full(len(self.ids), -1, dtype=np.int64)
        for k, group in enumerate(groups):
            at = [self._position[i] for i in group if i in self._position]
            before[at] = k
        return before

    def _blocks(self, use: NDArray[np.bool_]) -> list[NDArray[np.int64]]:
        """Connected components of the links selected by ``use``, each as ascending positions."""
        n = len(self.ids)
        if not n:
            return []
        a, b = self._link_a[use], self._link_b[use]
        graph = sparse.coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
        _, labels = connected_components(graph, directed=False)
        order = np.argsort(labels, kind="stable")
        starts = np.flatnonzero(np.r_[True, np.diff(labels[order]) != 0])
        return np.split(order, starts[1:])

    def _unchanged(
        self, block: NDArray[np.int64], before: NDArray[np.int64], sizes: NDArray[np.int64]
    ) -> list[int] | None:
        """The earlier groups (of ``sizes`` members) that make up ``block`` when none of its
        articles is new, else None."""
        if self._fresh[block].any() or (before[block] < 0).any():
            return None
        groups = distinct(before[block])
        return groups.tolist() if sizes[groups].sum() == len(block) else None

    def _event_groups(
        self, before: NDArray[np.int64], known: int
    ) -> Iterator[tuple[NDArray[np.int64], int, int]]:
        """Events as (member positions, index of the earlier event it is or -1, medoid position).

        Event links (single links) only propose: an article joins an event when its similarity
        averaged over the event's members reaches the threshold (average linkage within each
        component of the event links). Average linkage never joins articles no chain of links
        joins, so clustering each component alone loses nothing.
        """
        sizes = np.bincount(before[before >= 0], minlength=known)
        for block in self._blocks(self._link_event):
            kept = self._unchanged(block, before, sizes)
            if kept is not None:
                for k in kept:
                    yield block[before[block] == k], k, -1
                continue
            for piece in self._time_pieces(block, block):
                if len(piece) == 1:
                    yield piece, -1, int(piece[0])
                    continue
                event = self._block_event_similarity(piece)
                event[self._days_apart(piece) > self.params.event_window_days] = 0.0
                labels = _average_linkage(event, self.params.event_threshold)
                for label in np.unique(labels):
                    inside = np.flatnonzero(labels == label)
                    # The medoid, the article closest to the others, names the event best.
                    medoid = inside[int(np.argmax(event[np.ix_(inside, inside)].sum(axis=1)))]
                    yield piece[inside], -1, int(piece[medoid])

    def _storyline_groups(
        self, event_at: NDArray[np.int64], before: NDArray[np.int64], known: int
    ) -> Iterator[tuple[NDArray[np.int64], int]]:
        """Storylines as (member positions, index of the earlier storyline it is or -1): events
        joined by average linkage, within each component of all links, of the similarity of their
        pooled representations (`isnad.corpus.storylines`), discounted by time; each event counts
        by its coverage in the linkage's means (`by_coverage`)."""
        known_sizes = np.bincount(before[before >= 0], minlength=known)
        for block in self._blocks(np.ones(len(self._link_event), dtype=bool)):
            kept = self._unchanged(block, before, known_sizes)
            if kept is not None:
                for k in kept:
                    yield block[before[block] == k], k
                continue
            for piece in self._time_pieces(block, event_at[block]):
                # Events in the order of their first member, which is by id.
                events, first = np.unique(event_at[piece], return_index=True)
                events = events[np.argsort(first)]
                if len(events) == 1:
                    yield piece, -1
                    continue
                order = np.argsort(events)
                column = order[np.searchsorted(events, event_at[piece], sorter=order)]
                repeated, first = by_coverage(
                    self._events_alike(piece, column, len(events)), np.bincount(column, minlength=len(events))
                )
                labels = _average_linkage(repeated, self.params.storyline_threshold)[first]
                del repeated
                for label in np.unique(labels):
                    yield piece[np.isin(event_at[piece], events[labels == label])], -1

    def _events_alike(
        self, piece: NDArray[np.int64], column: NDArray[np.intp], count: int
    ) -> NDArray[np.float64]:
        """Storyline similarity, rounded, of the ``count`` events of the articles at ``piece``
        (``column`` gives each one's event)."""
        rows = np.sort(piece)
        at = np.searchsorted(rows, piece)
        alike = pooled_similarity(
            self._compact("terms", rows)[at],
            self._embeddings(rows)[at],
            self._days[piece],
            column,
            count,
            (TERM_WEIGHT, EMBEDDING_WEIGHT, ANCHOR_WEIGHT),
            EMBEDDING_FLOOR,
            self.params.storyline_half_life_days,
        )
        return np.round(alike, ROUNDING)

    def _time_pieces(self, block: NDArray[np.int64], group_of: NDArray[np.int64]) -> list[NDArray[np.int64]]:
        """``block`` in id order, or, past MAX_BLOCK articles, cut in time order into pieces of at
        most MAX_BLOCK that never split a group (``group_of`` gives each article's): a dense
        matrix per block must fit in memory, and a store of months chains most of its articles
        into one storyline block. Pieces depend on dates and ids only, not on arrival order."""
        ids = self.ids
        if len(block) <= MAX_BLOCK:
            return [block[np.argsort([ids[m] for m in block], kind="stable")]]
        members: dict[int, list[int]] = {}
        start: dict[int, tuple[float, str]] = {}
        for m, g in zip(block.tolist(), group_of.tolist(), strict=True):
            day = float(self._days[m])
            key = (np.inf if np.isnan(day) else day, ids[m])
            members.setdefault(g, []).append(m)
            start[g] = min(start.get(g, key), key)
        pieces: list[list[int]] = [[]]
        for g in sorted(members, key=start.__getitem__):
            if pieces[-1] and len(pieces[-1]) + len(members[g]) > MAX_BLOCK:
                pieces.append([])
            pieces[-1] += members[g]
        return [np.array(sorted(p, key=ids.__getitem__), dtype=np.int64) for p in pieces]

    def _days_apart(self, block: NDArray[np.int64]) -> NDArray[np.float64]:
        """Days between the articles at ``block``, pairwise; NaN where a date is unknown."""
        days = self._days[block]
        apart = days[:, None] - days[None, :]
        return np.abs(apart, out=apart)

    def _block_event_similarity(self, block: NDArray[np.int64]) -> NDArray[np.float64]:
        """The event similarity among the articles at ``block`` (any order), as links are
        weighed, rounded. The storyline one is dropped at once: a block's matrices are large."""
        order = np.argsort(block, kind="stable")
        story, event = self.similarity_among(block[order])
        del story
        back = np.argsort(order, kind="stable")
        return event[np.ix_(back, back)]

    def similarity_among(self, rows: NDArray[np.intp]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Storyline and event similarity among the articles at ``rows`` (ascending), rounded."""
        total = TERM_WEIGHT + EMBEDDING_WEIGHT + ANCHOR_WEIGHT
        # Dense matrices of a block are large (4,000 articles: 128 MB each): they are worked on in
        # place, and sparse products added where they are non-zero, never made dense.
        embeddings = self._embeddings(rows).astype(np.float64)
        story = embeddings @ embeddings.T
        story -= EMBEDDING_FLOOR
        np.clip(story, 0.0, 1 - EMBEDDING_FLOOR, out=story)
        story *= EMBEDDING_WEIGHT / ((1 - EMBEDDING_FLOOR) * total)
        for name, weight in (("terms", TERM_WEIGHT), ("anchors", ANCHOR_WEIGHT)):
            vectors = self._compact(name, rows).astype(np.float64)
            product = (vectors @ vectors.T).tocoo()
            story[product.row, product.col] += (weight / total) * product.data
        shingles = self._compact("shingles", rows)
        shared = (shingles @ shingles.T).tocoo()
        counts = self._shingle_counts[rows]
        smaller = np.maximum(np.minimum(counts[shared.row], counts[shared.col]), 1)
        story[shared.row, shared.col] += self.params.reuse_bonus * shared.data / smaller
        happenings = self._compact("happenings", rows)
        happening = (happenings @ happenings.T).tocoo()
        story[happening.row, happening.col] += HAPPENING_BONUS * (happening.data >= HAPPENING_SHARED)
        np.minimum(story, 1.0, out=story)
        sources = self._compact("sources", rows)
        same_source = _shared(sources, len(rows))
        both_cite = np.outer(self._cites[rows], self._cites[rows])
        marks = {name: self._compact(name, rows) for name in ("days", "closes")}
        other_session = _different_sessions(
            _shared(marks["days"], len(rows)),
            np.outer(self._names_day[rows], self._names_day[rows]),
            _shared(marks["closes"], len(rows)),
            np.outer(self._gives_close[rows], self._gives_close[rows]),
        )
        event = _event_similarity(story, same_source, both_cite, other_session)
        np.round(story, ROUNDING, out=story)
        return story, event


def _average_linkage(similarity: NDArray[np.float64], threshold: float) -> NDArray[np.int64]:
    """Cluster labels: items merged while the mean similarity between two clusters reaches
    ``threshold`` (unweighted average linkage, UPGMA)."""
    if len(similarity) == 1:
        return np.zeros(1, dtype=np.int64)
    distance = 1.0 - similarity
    np.clip(distance, 0.0, None, out=distance)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    # The half unit keeps a mean exactly on the threshold inside, whatever the float noise.
    labels: NDArray[np.int64] = fcluster(tree, t=1.0 - threshold + 0.5 * 10**-ROUNDING, criterion="distance")
    return labels


def _event_similarity(
    story: NDArray[Any],
    same_source: NDArray[np.bool_],
    both_cite: NDArray[np.bool_],
    other_session: NDArray[np.bool_],
) -> NDArray[Any]:
    """Event similarity, rounded, of the storyline similarity's precision, from the unrounded
    storyline similarity, the cited sources and the market sessions reported: reports of two
    sessions are never one event, as alike as their words are (a storyline, the market's, holds
    them)."""
    event = story.copy()  # in place from here: one more block-sized matrix, not six
    event[both_cite] *= OTHER_SOURCE_FACTOR
    event[same_source] = np.minimum(story[same_source] + SOURCE_BONUS, 1.0)
    event[other_session] = 0.0
    np.round(event, ROUNDING, out=event)
    return event


def _shared(vectors: sparse.csr_matrix, count: int) -> NDArray[np.bool_]:
    """Which pairs of rows share a non-zero column (``vectors @ vectors.T > 0``, made dense as
    booleans only)."""
    product = (vectors @ vectors.T).tocoo()
    positive = product.data > 0
    out = np.zeros((count, count), dtype=bool)
    out[product.row[positive], product.col[positive]] = True
    return out


def _different_sessions(
    same_day: NDArray[np.bool_],
    both_name_day: NDArray[np.bool_],
    same_close: NDArray[np.bool_],
    both_give_close: NDArray[np.bool_],
) -> NDArray[np.bool_]:
    """Pairs of market reports of different sessions: both name their session's day and the days
    differ; or, not both naming one, both give closing figures and share none (copies of one
    session's release repeat its close; the open and the close of one session differ in figures
    but name one day)."""
    different: NDArray[np.bool_] = np.where(both_name_day, ~same_day, both_give_close & ~same_close)
    return different


def _csr(
    indices: Sequence[NDArray[np.int32]], values: Sequence[NDArray[Any]], count: int
) -> sparse.csr_matrix:
    """A CSR matrix of ``count`` hashed sparse vectors."""
    lengths = [len(i) for i in indices]
    indptr = np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)])
    flat_indices = np.concatenate(indices) if indices else np.zeros(0, dtype=np.int32)
    flat_values = np.concatenate(values).astype(np.float32) if values else np.zeros(0, dtype=np.float32)
    return sparse.csr_matrix((flat_values, flat_indices, indptr), shape=(count, 1 << HASH_BITS))


def in_time_order(
    events: list[Event], storylines: list[Storyline], dates: Mapping[str, str | None]
) -> tuple[list[Event], list[Storyline]]:
    """Events by the date of their first article (then id), storylines by their first event:
    the order `StoryIndex.stories` gives, also for groups made apart and put together."""
    events.sort(key=lambda e: (_date_key(dates[e.article_ids[0]]), e.id))
    rank = {e.id: n for n, e in enumerate(events)}
    storylines.sort(key=lambda s: rank[s.event_ids[0]])
    return events, storylines


def _date_key(published: str | None) -> tuple[bool, str]:
    """Dated articles first, by date; undated ones after them."""
    return (published is None, published or "")


def headline(article: Article, max_chars: int = 140) -> str:
    """A readable label: the article's title, else its first sentence, cut at a word boundary."""
    if article.title:
        text = article.title
    elif article.sentences:
        text = article.span_text(article.sentences[0])
    else:
        text = article.text.strip().split("\n", 1)[0]
    text = " ".join(text.split())  # a sentence may run over a broken line
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars].rsplit(" ", 1)[0]
    return cut + " …"


def _id(prefix: str, article_ids: Sequence[str]) -> str:
    """A stable id from the member articles, so the same grouping keeps the same id across runs."""
    digest = hashlib.sha256("|".join(sorted(article_ids)).encode()).hexdigest()[:12]
    return f"{prefix}-{digest}"
