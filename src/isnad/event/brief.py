"""Brief: a short extractive summary per event, every sentence citing the articles that report it.

First implementation: sentences are TF-IDF vectors of content stems; each is scored by how
central it is to the event (cosine to the event centroid) and chosen greedily with maximal
marginal relevance, so the brief covers the main facts once. A chosen sentence cites its own
article and every other article with a sentence close enough to count as reporting the same
fact. Sentences whose figures are in a conflict are flagged. Sentences keep the order of their
article, articles in event order, so the brief reads in a natural order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from isnad.article.doc import Corpus
from isnad.model import Brief, BriefSentence, Comparison, Event, Span, Storyline, StorylineBrief


@dataclass(frozen=True)
class BriefParams:
    max_sentences: int = 5
    redundancy_weight: float = 0.6  # MMR trade-off: higher favours new facts over central ones
    cite_threshold: float = 0.35  # cosine above which another article's sentence reports the fact
    min_terms: int = 4  # shorter sentences (headings, fragments) are not brief material
    max_terms: int = 60  # longer ones are too long for a brief

    def __post_init__(self) -> None:
        if self.max_sentences < 1:
            raise ValueError(f"a brief needs at least one sentence; got max_sentences={self.max_sentences}")


def summarize(
    corpus: Corpus,
    events: Sequence[Event],
    comparisons: Sequence[Comparison] = (),
    params: BriefParams | None = None,
) -> list[Brief]:
    """A brief for every event."""
    params = params or BriefParams()
    # Per article, the spans of its conflicting claims and the articles that contradict each.
    conflict_spans: dict[str, list[tuple[Span, set[str]]]] = {}
    for comparison in comparisons:
        if comparison.verdict == "conflict":
            others = {claim.article_id for claim in comparison.claims}
            for claim in comparison.claims:
                conflict_spans.setdefault(claim.article_id, []).append(
                    (claim.span, others - {claim.article_id})
                )
    return [_brief(corpus, event, conflict_spans, params) for event in events]


def _brief(
    corpus: Corpus, event: Event, conflict_spans: dict[str, list[tuple[Span, set[str]]]], params: BriefParams
) -> Brief:
    units: list[tuple[str, Span, list[str]]] = []  # (article id, sentence span, content terms)
    for article_id in event.article_ids:
        text = corpus.text(article_id)
        for span, terms in zip(text.article.sentences, text.sentence_terms(), strict=True):
            units.append((article_id, span, terms))
    candidates = [
        i for i, (_, _, terms) in enumerate(units) if params.min_terms <= len(terms) <= params.max_terms
    ]
    if not candidates:
        candidates = [i for i, (_, _, terms) in enumerate(units) if terms]
    if not candidates:
        return Brief(event_id=event.id, sentences=[])
    vectors = TfidfVectorizer(analyzer=lambda terms: terms, sublinear_tf=True).fit_transform(
        [terms for _, _, terms in units]
    )
    sim = (vectors @ vectors.T).toarray()
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    norms = np.linalg.norm(centroid) or 1.0
    centrality = (vectors @ centroid) / norms

    chosen: list[int] = []
    while len(chosen) < min(params.max_sentences, len(candidates)):
        best, best_score = -1, -np.inf
        for i in candidates:
            if i in chosen:
                continue
            redundancy = max((sim[i, j] for j in chosen), default=0.0)
            score = (1 - params.redundancy_weight) * centrality[i] - params.redundancy_weight * redundancy
            if score > best_score:
                best, best_score = i, score
        chosen.append(best)

    order = {article_id: n for n, article_id in enumerate(event.article_ids)}
    sentences = []
    for i in sorted(chosen, key=lambda i: (order[units[i][0]], units[i][1][0])):
        article_id, span, _ = units[i]
        contradicting = {
            other
            for s, others in conflict_spans.get(article_id, [])
            if (s[0] <= span[0] and span[1] <= s[1]) or span[0] <= s[0] < span[1]
            for other in others
        }
        # An article that contradicts the sentence's figure does not report its fact: not cited.
        cited = {article_id} | {
            units[j][0]
            for j in range(len(units))
            if units[j][0] != article_id
            and units[j][0] not in contradicting
            and sim[i, j] >= params.cite_threshold
        }
        conflict = any(
            (s[0] <= span[0] and span[1] <= s[1]) or span[0] <= s[0] < span[1]
            for s, _ in conflict_spans.get(article_id, [])
        )
        sentences.append(
            BriefSentence(
                text=corpus.by_id[article_id].span_text(span),
                article_ids=sorted(cited, key=lambda a: order[a]),
                source_article_id=article_id,
                span=span,
                conflict=conflict,
            )
        )
    return Brief(event_id=event.id, sentences=sentences)


STORYLINE_SENTENCES = 3  # a storyline brief is a short overview; each event has its own brief


def summarize_storylines(
    corpus: Corpus,
    events: Sequence[Event],
    storylines: Sequence[Storyline],
    comparisons: Sequence[Comparison] = (),
    params: BriefParams | None = None,
) -> list[StorylineBrief]:
    """A short brief for every storyline of two or more events, over all of its articles.

    The storyline is summarised as one pseudo-event holding its articles in event order, so the
    same centrality, redundancy and citation rules apply across events.
    """
    params = params or BriefParams(max_sentences=STORYLINE_SENTENCES)
    by_id = {e.id: e for e in events}
    out = []
    for storyline in storylines:
        if len(storyline.event_ids) < 2:
            continue
        article_ids = [a for e in storyline.event_ids for a in by_id[e].article_ids]
        merged = Event(id=storyline.id, article_ids=article_ids, title=storyline.title)
        brief = summarize(corpus, [merged], comparisons, params)[0]
        out.append(StorylineBrief(storyline.id, brief.sentences))
    return out
