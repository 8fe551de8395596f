"""Article similarity measured against human ratings of news-article pairs (SemEval-2022 Task 8).

The CSV gives each pair an ``Overall`` rating from 1 (very similar) to 4 (very dissimilar).
isnad's similarity is the one `isnad.corpus.stories` clusters events with; each text's features depend
on that text alone (background IDF, embeddings), so a pair scores the same in any company.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass, field
from pathlib import Path

from scipy.stats import pearsonr, spearmanr

from isnad.article.doc import Corpus
from isnad.corpus.stories import similarity_matrix
from isnad.corpus.story_index import StoryParams
from isnad.evaluation.table import format_table, headline
from isnad.ingest import build_article
from isnad.model import Article
from isnad.pipeline import segment

REQUIRED_COLUMNS = ("pair_id", "Overall", "text1", "text2")
SAME_EVENT_MAX_RATING = 2.0  # "very" or "somewhat similar": the pair reports one event


@dataclass(frozen=True)
class RatedPair:
    pair_id: str
    overall: float
    text1: str
    text2: str


@dataclass
class SimilarityEvaluation:
    """Correlation of isnad's similarity with the ratings, and its same-event decisions.

    ``pearson`` and ``spearman`` correlate similarity with ``5 - Overall``, so higher is better.
    ``accuracy`` is the share of pairs where ``similarity >= threshold`` (isnad's event
    threshold) agrees with ``Overall <= 2``.
    """

    path: Path
    pairs: int
    same_event_pairs: int
    pearson: float
    spearman: float
    accuracy: float
    threshold: float
    seconds: float
    similarities: list[float] = field(default_factory=list, repr=False)


def read_rated_pairs(csv_path: str | Path) -> list[RatedPair]:
    """The rated pairs of a SemEval-2022 Task 8 style CSV."""
    path = Path(csv_path)
    if not path.is_file():
        raise FileNotFoundError(f"rated pairs file {path} not found")
    # newline="" because the article texts inside quoted fields span several lines.
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path} lacks the column(s) {', '.join(missing)}")
        try:
            return [
                RatedPair(row["pair_id"], float(row["Overall"]), row["text1"], row["text2"]) for row in reader
            ]
        except ValueError as error:
            raise ValueError(f"{path}, line {reader.line_num}: {error}") from error


def evaluate_similarity(csv_path: str | Path) -> SimilarityEvaluation:
    """Score every rated pair with isnad's article similarity and compare with the ratings."""
    started = time.perf_counter()
    pairs = read_rated_pairs(csv_path)
    if len(pairs) < 2:
        raise ValueError(f"{csv_path}: correlations need at least two rated pairs, found {len(pairs)}")
    articles: dict[str, Article] = {}  # by id: a text rated in two pairs is one article
    positions = []
    for pair in pairs:
        ids = []
        for side, text in (("1", pair.text1), ("2", pair.text2)):
            article = build_article(text, source_path=f"{pair.pair_id}:{side}")
            articles.setdefault(article.id, segment(article))
            ids.append(article.id)
        positions.append(ids)
    corpus = Corpus(articles.values())
    index = {article_id: i for i, article_id in enumerate(articles)}
    sim = similarity_matrix(corpus)
    similarities = [float(sim[index[a], index[b]]) for a, b in positions]
    seconds = time.perf_counter() - started

    closeness = [5 - pair.overall for pair in pairs]
    threshold = StoryParams().event_threshold
    correct = sum(
        (s >= threshold) == (pair.overall <= SAME_EVENT_MAX_RATING)
        for s, pair in zip(similarities, pairs, strict=True)
    )
    return SimilarityEvaluation(
        path=Path(csv_path),
        pairs=len(pairs),
        same_event_pairs=sum(pair.overall <= SAME_EVENT_MAX_RATING for pair in pairs),
        pearson=float(pearsonr(similarities, closeness).statistic),
        spearman=float(spearmanr(similarities, closeness).statistic),
        accuracy=correct / len(pairs),
        threshold=threshold,
        seconds=seconds,
        similarities=similarities,
    )


def format_similarity(evaluation: SimilarityEvaluation) -> str:
    """The evaluation as a table, ending with the ``pearson=`` headline line."""
    table = format_table(
        ["pairs", "same event", "pearson", "spearman", "threshold", "accuracy", "seconds"],
        [
            (
                evaluation.pairs,
                evaluation.same_event_pairs,
                evaluation.pearson,
                evaluation.spearman,
                evaluation.threshold,
                evaluation.accuracy,
                f"{evaluation.seconds:.1f}",
            )
        ],
    )
    return "\n".join(
        [
            f"{evaluation.path}: similarity against 5 - Overall; same event = Overall <= 2",
            table,
            headline("pearson", evaluation.pearson),
        ]
    )


def print_similarity(evaluation: SimilarityEvaluation) -> None:
    print(format_similarity(evaluation))
