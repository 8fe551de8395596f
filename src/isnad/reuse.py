"""Text reuse: which articles share text, and the exact passages on both sides.

First implementation, in the seed-match-and-merge tradition of the PAN plagiarism detectors:
k-grams of content stems (stopwords dropped, clitics and inflection removed by the text layer)
are the seeds; an inverted index over them gives candidate pairs without comparing all pairs;
seeds that line up in both articles within a small gap are merged into passages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from isnad.corpus import ArticleText, Corpus
from isnad.model import Passage, ReuseLink, Span


@dataclass(frozen=True)
class ReuseParams:
    """Knobs of the detector; the defaults were checked on the seeds and ExAra dev documents."""

    k: int = 3  # stems per seed: 3 survives light rewording, 2 matches chance phrases
    max_gap: int = 6  # content tokens allowed between two seeds of one passage
    min_seeds: int = 2  # a passage needs this many seeds, so one stock phrase is not "reuse"
    min_passage_tokens: int = 8  # content tokens; shorter shared runs are names and stock phrases
    max_seed_df: float = 0.5  # seeds in more than this share of articles are boilerplate

    def __post_init__(self) -> None:
        if self.k < 1 or self.max_gap < 0 or self.min_seeds < 1:
            raise ValueError(f"ReuseParams need k >= 1, max_gap >= 0, min_seeds >= 1; got {self}")


def find_reuse(corpus: Corpus, params: ReuseParams | None = None) -> list[ReuseLink]:
    """Every pair of articles in the corpus that shares at least one passage."""
    params = params or ReuseParams()
    texts = corpus.texts()
    seeds = [_seeds(t, params.k) for t in texts]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for doc, doc_seeds in enumerate(seeds):
        for gram in doc_seeds:
            index[gram].append(doc)
    max_df = max(2, int(params.max_seed_df * len(texts))) if len(texts) > 4 else len(texts)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for docs in index.values():
        if 1 < len(docs) <= max_df:
            for i, a in enumerate(docs):
                for b in docs[i + 1 :]:
                    shared[(a, b)] += 1
    links = []
    for (a, b), count in sorted(shared.items()):
        if count < params.min_seeds:
            continue
        link = align(texts[a], texts[b], params, seeds_a=seeds[a], seeds_b=seeds[b])
        if link is not None:
            links.append(link)
    return links


def align(
    a: ArticleText,
    b: ArticleText,
    params: ReuseParams | None = None,
    *,
    seeds_a: dict[tuple[str, ...], list[int]] | None = None,
    seeds_b: dict[tuple[str, ...], list[int]] | None = None,
) -> ReuseLink | None:
    """The passages two articles share, or None when they share none."""
    params = params or ReuseParams()
    seeds_a = seeds_a if seeds_a is not None else _seeds(a, params.k)
    seeds_b = seeds_b if seeds_b is not None else _seeds(b, params.k)
    matches = sorted(
        (pa, pb) for gram, positions in seeds_a.items() for pa in positions for pb in seeds_b.get(gram, [])
    )
    chains = _chain(matches, params.max_gap)
    pos_a, pos_b = _content_positions(a), _content_positions(b)
    ranges = []
    for chain in chains:
        if len(chain) < params.min_seeds:
            continue
        a_lo, a_hi = chain[0][0], chain[-1][0] + params.k - 1
        b_lo, b_hi = chain[0][1], chain[-1][1] + params.k - 1
        # Matched content tokens: those inside a seed of the chain.
        matched = len({p + i for p, _ in chain for i in range(params.k)})
        ranges.append((a_lo, a_hi, b_lo, b_hi, matched))
    passages: list[Passage] = []
    covered_a = covered_b = 0
    for a_lo, a_hi, b_lo, b_hi, matched in _merge(ranges, params.max_gap):
        length = max(a_hi - a_lo, b_hi - b_lo) + 1
        if length < params.min_passage_tokens:
            continue
        passages.append(
            Passage(
                a_span=_char_span(a, pos_a, a_lo, a_hi),
                b_span=_char_span(b, pos_b, b_lo, b_hi),
                score=round(min(1.0, matched / length), 3),
            )
        )
        covered_a += a_hi - a_lo + 1
        covered_b += b_hi - b_lo + 1
    if not passages:
        return None
    shorter = min(len(pos_a), len(pos_b)) or 1
    score = round(min(1.0, min(covered_a, covered_b) / shorter), 3)
    link = ReuseLink(a=a.article.id, b=b.article.id, score=score, passages=passages)
    _orient(link, a, b)
    return link


def _content_positions(text: ArticleText) -> list[int]:
    """Token indices of the content terms, so seed positions count content words only."""
    return [i for i, term in enumerate(text.terms) if term]


def _seeds(text: ArticleText, k: int) -> dict[tuple[str, ...], list[int]]:
    terms = text.content_terms()
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(terms) - k + 1):
        grams[tuple(terms[i : i + k])].append(i)
    return grams


def _chain(matches: Sequence[tuple[int, int]], max_gap: int) -> list[list[tuple[int, int]]]:
    """Group seed matches that move forward together in both articles into chains.

    A match extends a chain only when it lies after the chain's last match in *both* articles,
    within the gap: a phrase repeated in one article must not pair with a single occurrence in
    the other and pass for a passage.
    """
    chains: list[list[tuple[int, int]]] = []
    for pa, pb in matches:
        for chain in reversed(chains):
            last_a, last_b = chain[-1]
            if 0 < pa - last_a <= max_gap + 1 and 0 < pb - last_b <= max_gap + 1:
                chain.append((pa, pb))
                break
        else:
            chains.append([(pa, pb)])
    return chains


def _merge(
    ranges: list[tuple[int, int, int, int, int]], max_gap: int
) -> list[tuple[int, int, int, int, int]]:
    """Merge passages that follow each other in both articles, so one reuse is reported once.

    Each range is (a_lo, a_hi, b_lo, b_hi, matched tokens).
    """
    merged: list[tuple[int, int, int, int, int]] = []
    for a_lo, a_hi, b_lo, b_hi, matched in sorted(ranges):
        if merged:
            pa_lo, pa_hi, pb_lo, pb_hi, pm = merged[-1]
            if a_lo - pa_hi <= 2 * max_gap and -max_gap <= b_lo - pb_hi <= 2 * max_gap:
                merged[-1] = (pa_lo, max(pa_hi, a_hi), min(pb_lo, b_lo), max(pb_hi, b_hi), pm + matched)
                continue
        merged.append((a_lo, a_hi, b_lo, b_hi, matched))
    return merged


def _char_span(text: ArticleText, positions: list[int], lo: int, hi: int) -> Span:
    first = text.tokens[positions[lo]]
    last = text.tokens[positions[min(hi, len(positions) - 1)]]
    return (first.start, last.end)


def _orient(link: ReuseLink, a: ArticleText, b: ArticleText) -> None:
    """Which way the text most likely flowed: the earlier publication is the source."""
    pa, pb = a.article.published, b.article.published
    if pa and pb and pa != pb:
        link.direction = "a->b" if pa < pb else "b->a"
        link.direction_confidence = 0.8
        link.direction_evidence = "publication dates"
