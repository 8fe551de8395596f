"""What text reuse is measured with: the detector's knobs and the rarity of each stem.

Shared by the candidate search (`isnad.corpus.reuse_candidates`), the passage alignment
(`isnad.corpus.alignment`) and the store's reuse index (`isnad.corpus.reuse_index`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from isnad.arabic import background
from isnad.article.doc import ArticleText
from isnad.corpus.boilerplate import Boilerplate


@dataclass(frozen=True)
class ReuseParams:
    """Knobs of the detector; the defaults were tuned on ExAra dev (see docs/reuse.md)."""

    chunk: int = 24  # content stems per LSH chunk: about one sentence, shorter than any gold case
    num_perm: int = 64  # MinHash permutations per chunk
    lsh_bands: int = 32  # 32 bands of 2 rows: chunks with Jaccard 0.2 collide with p ~ 0.73
    min_chunk_jaccard: float = 0.2  # estimated Jaccard a colliding chunk pair must reach
    cell: int = 8  # dot-plot cell, in content stems
    block: int = 4  # cells per side of the smallest scoring block: 32 stems, a short passage
    scales: int = 3  # block sides tried: block, 2*block, ... (a shuffled passage is dense only as a whole)
    min_block_score: float = 0.4  # shared weight / mean weight of the two sides of a block
    min_large_block_score: float = 0.7  # the same for larger blocks, where topic words add up
    max_term_df: float = 0.5  # stems in more articles than this share carry no evidence
    min_passage_terms: int = 12  # content stems on each side; shorter runs are stock phrases
    min_passage_score: float = 0.35  # shared weight / mean weight of a passage's two sides
    trim_gap: int = 10  # stems: a passage edge stops at a gap this long between shared stems
    merge_gap: int = 100  # stems: passages this close on both sides are one passage
    # Stop-band cap: an LSH bucket (one band value) shared by more indexed chunks than this is
    # boilerplate or common-stem noise, not reuse, and collides with nothing. Without a cap, the
    # pairs made in such buckets grow with the square of the corpus. Chosen as the smallest
    # round value that leaves the ExAra dev output unchanged (see docs/reuse.md).
    max_bucket: int = 100
    # Links scoring less are not reported: 1 - exp(-2), twenty shared runs of three stems. Set
    # on 2015-08-03 of SaudiNewsNet (judged links; docs/reuse.md): every silver pair but one
    # scores above it, titles of office and template sentences below.
    min_link_score: float = 0.865

    def __post_init__(self) -> None:
        if (
            min(
                self.chunk, self.num_perm, self.lsh_bands, self.cell, self.block, self.scales, self.max_bucket
            )
            < 1
        ):
            raise ValueError(f"ReuseParams need positive sizes; got {self}")
        if self.num_perm % self.lsh_bands:
            raise ValueError(f"num_perm must be a multiple of lsh_bands; got {self}")


@dataclass(frozen=True)
class TermWeights:
    """Rarity of each stem: rare shared stems are evidence, common ones are not.

    ``formulas`` marks, per article id, the content terms that are boilerplate (see
    `isnad.corpus.boilerplate`): they weigh nothing, so formulas neither make nor score a link.
    """

    idf: dict[str, float]
    default: float  # weight of a stem the table never saw
    formulas: dict[str, NDArray[np.bool_]] = field(default_factory=dict, compare=False, repr=False)
    _by_article: dict[str, NDArray[np.float64]] = field(default_factory=dict, compare=False, repr=False)
    _term_ids: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _groups: dict[tuple[str, int], TermGroups] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def background(cls, max_df: float) -> TermWeights:
        """Inverse document frequency in the shipped background table (`isnad.arabic.background`).

        The same weights whatever else is in the run, so a pair's passages do not depend on the
        company it keeps.
        """
        n, df = background.document_counts()
        idf = {t: (math.log(n / d) if d <= max_df * n else 0.0) for t, d in df.items()}
        return cls(idf=idf, default=math.log(n))

    def with_formulas(self, texts: Iterable[ArticleText], boilerplate: Boilerplate) -> TermWeights:
        """These weights, with the boilerplate of each article weighing nothing."""
        formulas = {}
        for text in texts:
            covered = np.array(
                boilerplate.covered_keys(text.word_keys(), text.word_starts(), text.article), dtype=bool
            )
            positions = np.array(text.content_positions(), dtype=np.int64)
            formulas[text.article.id] = covered[positions] if len(positions) else np.zeros(0, dtype=bool)
        return TermWeights(idf=self.idf, default=self.default, formulas=formulas)

    def formula_of(self, text: ArticleText) -> NDArray[np.bool_]:
        """Which content terms of the article are boilerplate (none when unknown)."""
        mask = self.formulas.get(text.article.id)
        return mask if mask is not None else np.zeros(len(text.content_terms()), dtype=bool)

    def __call__(self, term: str) -> float:
        return self.idf.get(term, self.default)

    def of_text(self, text: ArticleText) -> NDArray[np.float64]:
        """The weight of each content term of an article, cached per article id."""
        cached = self._by_article.get(text.article.id)
        if cached is None:
            cached = np.array([self(t) for t in text.content_terms()], dtype=np.float64)
            cached[self.formula_of(text)] = 0.0
            self._by_article[text.article.id] = cached
        return cached

    def groups_of(self, text: ArticleText, radius: int) -> TermGroups:
        """The article's content positions grouped by stem, cached per article id and radius."""
        key = (text.article.id, radius)
        cached = self._groups.get(key)
        if cached is None:
            cached = self._groups[key] = TermGroups.of(text, self, radius)
        return cached

    def bound_caches(self, most: int) -> None:
        """Forget the per-article caches once they hold more than ``most`` articles: aligning a
        store's candidates touches every article, and each costs some kilobytes of arrays."""
        if len(self._by_article) > most or len(self._groups) > most:
            self._by_article.clear()
            self._groups.clear()

    def term_id(self, term: str) -> int:
        """A small integer per distinct stem, so stems compare as array entries."""
        return self._term_ids.setdefault(term, len(self._term_ids))


@dataclass(frozen=True)
class TermGroups:
    """An article's content positions grouped by stem, as flat arrays rather than dicts of lists.

    Group g is stem ``ids[g]`` (groups in order of first occurrence), weighing ``weight[g]``, at
    content positions ``positions[start[g] : start[g] + count[g]]`` (ascending); ``near[k]`` is
    how many positions of the same stem lie within the radius of ``positions[k]``.
    """

    ids: NDArray[np.int64]
    weight: NDArray[np.float64]
    start: NDArray[np.int64]
    count: NDArray[np.int64]
    positions: NDArray[np.int64]
    near: NDArray[np.float64]
    order: NDArray[np.int64]  # group indices sorted by stem id, to look stems up by binary search

    @classmethod
    def of(cls, text: ArticleText, weights: TermWeights, radius: int) -> TermGroups:
        terms = text.content_terms()
        term_ids = np.fromiter((weights.term_id(t) for t in terms), dtype=np.int64, count=len(terms))
        ids, first, group_of = np.unique(term_ids, return_index=True, return_inverse=True)
        # Renumber groups by first occurrence, the order a dict of positions would have.
        by_first = np.argsort(first, kind="stable")
        rank = np.empty(len(ids), dtype=np.int64)
        rank[by_first] = np.arange(len(ids))
        group = rank[group_of.ravel()]
        positions = np.argsort(group, kind="stable").astype(np.int64)  # ascending within a group
        count = np.bincount(group, minlength=len(ids)).astype(np.int64)
        start = (np.cumsum(count) - count).astype(np.int64)
        # Positions within the radius of each position, counted inside its own group.
        keyed = group[positions] * (len(terms) + 2 * radius + 1) + positions
        near = (
            np.searchsorted(keyed, keyed + radius, side="right") - np.searchsorted(keyed, keyed - radius)
        ).astype(np.float64)
        ordered_ids = ids[by_first]
        return cls(
            ids=ordered_ids,
            # The stem's own weight: a group whose first occurrence is boilerplate still counts
            # elsewhere (`_dot_plot` drops the points that fall on boilerplate).
            weight=np.array([weights(terms[p]) for p in positions[start]], dtype=np.float64),
            start=start,
            count=count,
            positions=positions,
            near=near,
            order=np.argsort(ordered_ids, kind="stable").astype(np.int64),
        )
