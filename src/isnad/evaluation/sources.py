"""Who is cited in real news: per-article source sets against hand labels.

The gold (``tests/fixtures/gold/sources/*.json``) names one day file of a JSONL corpus and, per
article url, every source the article cites: its canonical name with the other spellings that
name it in the article, its kind and its intermediary (``via``). The texts are read from the
corpus itself, never stored with the gold.

An article's predicted sources are the distinct canonical sources of its attributions: one node
per source, as the provenance picture draws them. A predicted node is correct when its name
matches one of a gold source's names (``entity_key``); a second node for a source already
matched is a false positive (the picture would show it twice), and a node matching an
``optional`` source (a poet quoted in a review, the outlet's own "علمت") counts neither way.
Via is judged on the matched sources: the intermediaries the node's attributions carry must be
exactly the gold one (none when the gold has none).
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from isnad.arabic import entity_key
from isnad.article.extract import extract
from isnad.evaluation.ner import Counts
from isnad.evaluation.table import Cell, format_table, headline
from isnad.ingest import build_article
from isnad.model import Article, Attribution
from isnad.pipeline import segment

GoldSource = dict[str, Any]
# The gold's kinds (an editor's words) and the extractor's kinds that agree with each.
KIND_AGREES = {
    "person": {"person", "official"},
    "organisation": {"official", "other", "person"},
    "media": {"outlet"},
    "document": {"document", "outlet"},
    "anonymous": {"anonymous"},
}


@dataclass
class SourcesEvaluation:
    sources: Counts = field(default_factory=Counts)
    via_correct: int = 0
    via_judged: int = 0
    kind_correct: int = 0
    articles: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def via_accuracy(self) -> float:
        return self.via_correct / self.via_judged if self.via_judged else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_correct / self.sources.correct if self.sources.correct else 0.0


def is_sources_gold(gold_path: Path) -> bool:
    """Whether a gold file is a source-set gold (it names a corpus file) rather than a span gold."""
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    return isinstance(data, dict) and "file" in data


def _names(source: GoldSource) -> set[str]:
    return {entity_key(n) for n in [source["canonical"], *source.get("names", [])]}


def _via_names(source: GoldSource) -> set[str]:
    if source.get("via") is None:
        return set()
    return {entity_key(n) for n in [source["via"], *source.get("via_names", [])]}


def predicted_sources(attributions: list[Attribution]) -> dict[str, list[Attribution]]:
    """The article's source nodes: its attributions grouped by canonical source."""
    nodes: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        nodes[entity_key(attribution.source_canonical)].append(attribution)
    return dict(nodes)


def score_article(
    url: str, gold: list[GoldSource], attributions: list[Attribution], result: SourcesEvaluation
) -> None:
    nodes = predicted_sources(attributions)
    matched: dict[int, str] = {}  # gold index -> node key
    for key, group in nodes.items():
        hit = next((n for n, s in enumerate(gold) if key in _names(s)), None)
        if hit is not None and gold[hit].get("optional"):
            continue
        result.sources.predicted += 1
        if hit is None or hit in matched:
            reason = "again" if hit is not None else "not a gold source"
            result.misses.append(f"extra {url}: {group[0].source_canonical} ({reason}; {group[0].cue})")
            continue
        matched[hit] = key
    for n, source in enumerate(gold):
        if source.get("optional"):
            continue
        result.sources.gold += 1
        if n not in matched:
            result.misses.append(f"missed {url}: {source['canonical']} ({source['cue']})")
            continue
        result.sources.correct += 1
        group = nodes[matched[n]]
        result.kind_correct += any(a.kind in KIND_AGREES[source["kind"]] for a in group)
        vias = {entity_key(a.via) for a in group if a.via}
        expected = _via_names(source)
        # A via that is itself a source of the article may be given in any of its spellings.
        expected |= {
            key for other in gold if other["canonical"] == source.get("via") for key in _names(other)
        }
        via_ok = (not vias and not expected) or (len(vias) == 1 and vias <= expected)
        result.via_judged += 1
        result.via_correct += via_ok
        if not via_ok:
            found = ", ".join(sorted({a.via for a in group if a.via})) or "none"
            result.misses.append(
                f"via {url}: {source['canonical']}: {found} != {source.get('via') or 'none'}"
            )


def evaluate_sources(gold_path: Path, corpus_dir: Path) -> SourcesEvaluation:
    """Run the extractors on the gold's articles (read from ``corpus_dir``/gold file) and score
    their source sets."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    day_file = corpus_dir / gold["file"]
    if not day_file.exists():
        raise FileNotFoundError(f"{day_file}: the corpus file the gold {gold_path} names is missing")
    labels: dict[str, list[GoldSource]] = {url: item["sources"] for url, item in gold["articles"].items()}
    by_url = _read_articles(day_file, set(labels))
    missing = set(labels) - set(by_url)
    if missing:
        raise ValueError(
            f"{gold_path}: {len(missing)} gold urls not in {day_file}, e.g. {sorted(missing)[0]}"
        )
    extraction = extract(by_url.values())
    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in extraction.attributions:
        by_article[attribution.article_id].append(attribution)
    result = SourcesEvaluation(articles=len(labels))
    for url, sources in labels.items():
        score_article(url, sources, by_article[by_url[url].id], result)
    return result


def pool(evaluations: list[SourcesEvaluation]) -> SourcesEvaluation:
    """Several sets scored as one: their counts summed (so larger sets weigh more), misses kept."""
    pooled = SourcesEvaluation()
    for e in evaluations:
        pooled.sources.gold += e.sources.gold
        pooled.sources.predicted += e.sources.predicted
        pooled.sources.correct += e.sources.correct
        pooled.via_correct += e.via_correct
        pooled.via_judged += e.via_judged
        pooled.kind_correct += e.kind_correct
        pooled.articles += e.articles
        pooled.misses.extend(e.misses)
    return pooled


def source_golds(folder: Path) -> list[Path]:
    """The source-set golds of a folder (``tests/fixtures/gold/sources``), by name."""
    return sorted(p for p in folder.glob("*.json") if is_sources_gold(p))


def format_pooled(named: list[tuple[str, SourcesEvaluation]], *, verbose: bool = False) -> str:
    """One row per set, then the sets pooled (the counts summed) and its headline figures."""
    rows: list[list[Cell]] = []
    for name, e in [*named, ("pooled", pool([e for _, e in named]))]:
        c = e.sources
        rows.append(
            [
                name,
                e.articles,
                c.gold,
                c.predicted,
                c.correct,
                c.precision,
                c.recall,
                c.f1,
                e.via_judged,
                e.via_accuracy,
            ]
        )
    table = format_table(
        ["set", "articles", "gold", "predicted", "correct", "precision", "recall", "f1", "via judged", "via"],
        rows,
    )
    pooled = pool([e for _, e in named])
    misses = "\n".join(["", "misses:", *pooled.misses]) if verbose and pooled.misses else ""
    return (
        f"{table}{misses}\n{headline('via_correct', pooled.via_accuracy)}\n"
        f"{headline('source_precision', pooled.sources.precision)}\n"
        f"{headline('source_recall', pooled.sources.recall)}\n{headline('source_f1', pooled.sources.f1)}"
    )


def _read_articles(day_file: Path, urls: set[str]) -> dict[str, Article]:
    """The articles of a (gzipped) JSONL day file whose url is one of ``urls``, by url."""
    opener = gzip.open if day_file.suffix == ".gz" else open
    found: dict[str, Article] = {}
    with opener(day_file, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            record = json.loads(line)
            if record.get("url") in urls:
                fields = {k: record.get(k) for k in ("title", "outlet", "url", "published")}
                found[record["url"]] = segment(
                    build_article(record["text"], f"{day_file}:{number}", **fields)
                )
    return found


def format_sources(evaluation: SourcesEvaluation, *, verbose: bool = False) -> str:
    e = evaluation
    c = e.sources
    table = format_table(
        ["measure", "gold", "predicted", "correct", "precision", "recall", "f1"],
        [["canonical sources", c.gold, c.predicted, c.correct, c.precision, c.recall, c.f1]],
    )
    fields = format_table(
        ["field of matched sources", "judged", "accuracy"],
        [["via", e.via_judged, e.via_accuracy], ["kind", c.correct, e.kind_accuracy]],
    )
    misses = "\n".join(["", "misses:", *e.misses]) if verbose and e.misses else ""
    return (
        f"{e.articles} articles\n{table}\n\n{fields}{misses}\n"
        f"{headline('via_correct', e.via_accuracy)}\n{headline('source_f1', c.f1)}"
    )
