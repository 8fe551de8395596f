"""Measuring isnad against annotated data: text reuse (PAN measures) and article similarity."""

from __future__ import annotations

from pathlib import Path

from isnad.evaluation.clustering import (
    ClusteringEvaluation,
    ClusteringScores,
    bcubed,
    evaluate_clustering,
    format_clustering,
    print_clustering,
)
from isnad.evaluation.pan import (
    Detection,
    Measures,
    PanCorpus,
    PlagiarismCase,
    ReuseEvaluation,
    detect_corpus,
    evaluate_reuse,
    format_reuse,
    load_pan_corpus,
    measures_by_obfuscation,
    pan_measures,
    print_reuse,
)
from isnad.evaluation.similarity import (
    RatedPair,
    SimilarityEvaluation,
    evaluate_similarity,
    format_similarity,
    print_similarity,
    read_rated_pairs,
)
from isnad.evaluation.table import format_table, headline


class MissingDataError(FileNotFoundError):
    """Evaluation data that lives outside the repository is not on this machine."""


def require_data(path: str | Path, what: str) -> Path:
    """``path`` as a `Path` when it exists; else an error telling where the data comes from.

    Evaluation gates call this first, so a machine without ``../shared`` fails with a sentence
    instead of a traceback from deep inside a loader.
    """
    found = Path(path)
    if not found.exists():
        raise MissingDataError(f"{found} not found: {what} lives in ../shared/data (see README)")
    return found


__all__ = [
    "ClusteringEvaluation",
    "ClusteringScores",
    "Detection",
    "Measures",
    "MissingDataError",
    "PanCorpus",
    "PlagiarismCase",
    "RatedPair",
    "ReuseEvaluation",
    "SimilarityEvaluation",
    "bcubed",
    "detect_corpus",
    "evaluate_clustering",
    "evaluate_reuse",
    "evaluate_similarity",
    "format_clustering",
    "format_reuse",
    "format_similarity",
    "format_table",
    "headline",
    "load_pan_corpus",
    "measures_by_obfuscation",
    "pan_measures",
    "print_clustering",
    "print_reuse",
    "print_similarity",
    "read_rated_pairs",
    "require_data",
]
