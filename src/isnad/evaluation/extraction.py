"""Attributions, figures, dates and entities against hand-labelled gold (``tests/fixtures/gold``).

The gold names things by their words, not offsets, so it survives layout repair: every item is
found in the article text (whitespace-insensitively), within its ``at`` context when one is
given, which must occur exactly once. Matching rules, per kind:

- attribution: same cue (one of the gold spellings, clitics ignored) inside the gold cue context,
  and reported content overlapping the gold excerpt. It is *correct* when its canonical source
  also matches the gold one (same match key). Items marked ``optional`` count neither way.
- figure: span overlapping the gold one with the same value; approx, subject, predicate and unit
  are scored on the matched figures where the gold states them.
- date: span overlapping the gold one; its value is scored on the matched ones.
- entity mention (PER, LOC, ORG; MISC is not labelled): every occurrence of a gold name in the
  article's sentences; *strict* needs the same span and type, *lenient* an overlap and the same
  type. Linking is scored pairwise over leniently matched mentions: two mentions should share
  an entity exactly when their gold canonical names are the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from isnad.arabic import entity_key, normalize, particle_forms
from isnad.article.extract import Extraction, extract
from isnad.article.source_names import ordered_places
from isnad.evaluation.ner import Counts
from isnad.evaluation.table import format_table, headline
from isnad.model import Article, Span
from isnad.pipeline import read

GoldItem = dict[str, Any]
ENTITY_TYPES = ("PER", "LOC", "ORG")


@dataclass
class FieldScores:
    """How often a field of the matched items agrees with the gold, per field."""

    correct: dict[str, int] = field(default_factory=dict)
    judged: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, ok: bool) -> None:
        self.correct[name] = self.correct.get(name, 0) + ok
        self.judged[name] = self.judged.get(name, 0) + 1

    def accuracy(self, name: str) -> float:
        judged = self.judged.get(name, 0)
        return self.correct.get(name, 0) / judged if judged else 0.0


@dataclass
class ExtractionEvaluation:
    attributions_found: Counts = field(default_factory=Counts)
    attributions: Counts = field(default_factory=Counts)  # found with the right canonical source
    attribution_fields: FieldScores = field(default_factory=FieldScores)
    figures: Counts = field(default_factory=Counts)
    figure_fields: FieldScores = field(default_factory=FieldScores)
    dates: Counts = field(default_factory=Counts)
    date_fields: FieldScores = field(default_factory=FieldScores)
    mentions_strict: Counts = field(default_factory=Counts)
    mentions_lenient: Counts = field(default_factory=Counts)
    linking: Counts = field(default_factory=Counts)
    misses: list[str] = field(default_factory=list)

    @property
    def headline(self) -> float:
        """Mean F1 of correct attributions, figures, dates and lenient entity mentions (of
        those the gold labels)."""
        parts = [p for p in (self.attributions, self.figures, self.dates, self.mentions_lenient) if p.gold]
        return sum(p.f1 for p in parts) / len(parts) if parts else 0.0


def locate(text: str, needle: str, within: Span | None = None) -> list[Span]:
    """Every whitespace-insensitive occurrence of ``needle`` in ``text`` (inside ``within``)."""
    pattern = re.compile(r"\s+".join(re.escape(part) for part in needle.split()))
    start, end = within or (0, len(text))
    return [m.span() for m in pattern.finditer(text, start, end)]


def _locate_once(text: str, needle: str, where: str) -> Span:
    found = locate(text, needle)
    if len(found) != 1:
        raise ValueError(f"gold {where}: {needle!r} occurs {len(found)} times; give a unique 'at'")
    return found[0]


def _item_span(text: str, item: GoldItem, where: str) -> Span:
    """The gold item's ``text`` inside its ``at`` context (or alone, when unique)."""
    context = _locate_once(text, str(item.get("at", item["text"])), where)
    inside = locate(text, item["text"], context)
    if not inside:
        raise ValueError(f"gold {where}: {item['text']!r} not inside {item.get('at')!r}")
    return inside[0]


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cue_forms(cue: str) -> set[str]:
    return set(particle_forms(normalize(cue)))


def _same_name(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return entity_key(ordered_places(normalize(a))) == entity_key(ordered_places(normalize(b)))


def _closest(spans: Sequence[Span], anchor: Span) -> Span | None:
    return min(spans, key=lambda s: abs(s[0] - anchor[0]), default=None)


def _score_attributions(
    article: Article, gold: list[GoldItem], extraction: Extraction, result: ExtractionEvaluation
) -> None:
    predicted = [a for a in extraction.attributions if a.article_id == article.id]
    used: set[int] = set()
    optional_hits: set[int] = set()
    for n, item in enumerate(gold):
        where = f"{article.source_path} attribution {n}"
        context = _locate_once(article.text, item["at"], where)
        quote = _closest(locate(article.text, item["quote"]), context)
        if quote is None:
            raise ValueError(f"gold {where}: quote not found")
        cues = set().union(*(_cue_forms(c) for c in item["cue"]))
        match = next(
            (
                i
                for i, p in enumerate(predicted)
                if i not in used
                and p.cue_span is not None
                and _overlap(p.cue_span, context)
                and _cue_forms(p.cue) & cues
                and p.quote_span is not None
                and _overlap(p.quote_span, quote)
            ),
            None,
        )
        if item.get("optional"):
            if match is not None:
                optional_hits.add(match)
                used.add(match)
            continue
        result.attributions_found.gold += 1
        result.attributions.gold += 1
        if match is None:
            result.misses.append(f"attribution {article.source_path}: {item['at']}")
            continue
        used.add(match)
        p = predicted[match]
        result.attributions_found.correct += 1
        source_ok = _same_name(p.source_canonical, item["canonical"])
        result.attributions.correct += source_ok
        if not source_ok:
            result.misses.append(
                f"source {article.source_path}: {item['at']}: {p.source_canonical} != {item['canonical']}"
            )
        fields = result.attribution_fields
        fields.add("kind", p.kind in item["kind"])
        if item["direct"] is not None:  # None: speech without quotation marks, not judged
            fields.add("direct", p.direct == item["direct"])
        assert p.quote_span is not None
        fields.add("quote covers", p.quote_span[0] <= quote[0] and quote[1] <= p.quote_span[1])
    counted = len(predicted) - len(optional_hits)
    result.attributions_found.predicted += counted
    result.attributions.predicted += counted


def _score_figures(
    article: Article, gold: list[GoldItem], extraction: Extraction, result: ExtractionEvaluation
) -> None:
    predicted = [f for f in extraction.figures if f.article_id == article.id]
    used: set[int] = set()
    for n, item in enumerate(gold):
        span = _item_span(article.text, item, f"{article.source_path} figure {n}")
        result.figures.gold += 1
        match = next(
            (
                i
                for i, f in enumerate(predicted)
                if i not in used and _overlap(f.span, span) and abs(f.value - item["value"]) < 1e-6
            ),
            None,
        )
        if match is None:
            result.misses.append(f"figure {article.source_path}: {item['text']}")
            continue
        used.add(match)
        f = predicted[match]
        result.figures.correct += 1
        fields = result.figure_fields
        fields.add("approx", _same_phrase(f.approx, item["approx"]))
        if "subject" in item:
            fields.add("subject", any(_same_phrase(f.subject, s) for s in item["subject"]))
        if "predicate" in item:
            fields.add("predicate", f.predicate in item["predicate"])
        if "unit" in item:
            fields.add("unit", f.unit == item["unit"])
    result.figures.predicted += len(predicted)


def _same_phrase(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return normalize(a).split() == normalize(b).split()


def _score_dates(
    article: Article, gold: list[GoldItem], extraction: Extraction, result: ExtractionEvaluation
) -> None:
    predicted = [d for d in extraction.dates if d.article_id == article.id]
    used: set[int] = set()
    for n, item in enumerate(gold):
        span = _item_span(article.text, item, f"{article.source_path} date {n}")
        result.dates.gold += 1
        match = next((i for i, d in enumerate(predicted) if i not in used and _overlap(d.span, span)), None)
        if match is None:
            result.misses.append(f"date {article.source_path}: {item.get('at', item['text'])}")
            continue
        used.add(match)
        result.dates.correct += 1
        result.date_fields.add("value", predicted[match].value == item["value"])
        result.date_fields.add("relative", predicted[match].relative == item["relative"])
    result.dates.predicted += len(predicted)


def _is_name_boundary(text: str, start: int, end: int) -> bool:
    """A gold name occurrence stands alone or after one glued particle (وسوريا, بالرقة)."""
    if end < len(text) and text[end].isalpha():
        return False
    word_start = start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return word_start == start or normalize(text[start:end]) in particle_forms(
        normalize(text[word_start:end])
    )


def _gold_mentions(article: Article, gold: list[GoldItem]) -> list[tuple[Span, str, str]]:
    """(span, type, canonical) of every occurrence of the gold names in the article's sentences,
    longest names first so that سوريا inside قوات سوريا الديمقراطية is not counted twice."""
    taken: list[tuple[Span, str, str]] = []
    for item in sorted(gold, key=lambda g: -len(g["text"])):
        for sentence in article.sentences:
            for span in locate(article.text, item["text"], sentence):
                if _is_name_boundary(article.text, *span) and not any(_overlap(span, t[0]) for t in taken):
                    taken.append((span, item["type"], item["canonical"]))
    return taken


def _score_entities(
    article: Article, gold: list[GoldItem], extraction: Extraction, result: ExtractionEvaluation
) -> list[tuple[str, str]]:
    """Scores mentions; returns (gold canonical, predicted entity id) of leniently matched ones."""
    predicted = [
        (m.span, e.type, e.id)
        for e in extraction.entities
        if e.type in ENTITY_TYPES
        for m in e.mentions
        if m.article_id == article.id
    ]
    expected = _gold_mentions(article, gold)
    pairs: list[tuple[str, str]] = []
    for counts in (result.mentions_strict, result.mentions_lenient):
        counts.gold += len(expected)
        counts.predicted += len(predicted)
    for span, kind, canonical in expected:
        if any(p[0] == span and p[1] == kind for p in predicted):
            result.mentions_strict.correct += 1
        lenient = next((p for p in predicted if _overlap(p[0], span) and p[1] == kind), None)
        if lenient is None:
            result.misses.append(f"entity {article.source_path}: {kind} {article.text[span[0] : span[1]]}")
            continue
        result.mentions_lenient.correct += 1
        pairs.append((canonical, lenient[2]))
    return pairs


def _score_linking(pairs: Iterable[tuple[str, str]], result: ExtractionEvaluation) -> None:
    for (gold_a, predicted_a), (gold_b, predicted_b) in combinations(list(pairs), 2):
        same_gold = entity_key(gold_a) == entity_key(gold_b)
        same_predicted = predicted_a == predicted_b
        result.linking.gold += same_gold
        result.linking.predicted += same_predicted
        result.linking.correct += same_gold and same_predicted


def evaluate_extraction(gold_path: Path, articles_dir: Path) -> ExtractionEvaluation:
    """Run the extractors on the articles the gold names (paths relative to ``articles_dir``)
    and score them."""
    gold: dict[str, dict[str, list[GoldItem]]] = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    articles, _ = read([articles_dir / name for name in gold])
    by_name = {Path(a.source_path).relative_to(articles_dir).as_posix(): a for a in articles}
    missing = set(gold) - set(by_name)
    if missing:
        raise FileNotFoundError(f"gold articles not found under {articles_dir}: {sorted(missing)}")
    extraction = extract(articles)
    result = ExtractionEvaluation()
    pairs: list[tuple[str, str]] = []
    for name, labels in gold.items():
        article = by_name[name]
        _score_attributions(article, labels.get("attributions", []), extraction, result)
        _score_figures(article, labels.get("figures", []), extraction, result)
        _score_dates(article, labels.get("dates", []), extraction, result)
        if "entities" in labels:  # gold without entity labels does not judge entities
            pairs += _score_entities(article, labels["entities"], extraction, result)
    _score_linking(pairs, result)
    return result


def format_extraction(evaluation: ExtractionEvaluation, *, verbose: bool = False) -> str:
    e = evaluation
    rows: list[list[str | int | float]] = [
        [name, c.gold, c.predicted, c.correct, c.precision, c.recall, c.f1]
        for name, c in (
            ("attributions found", e.attributions_found),
            ("attributions (+source)", e.attributions),
            ("figures", e.figures),
            ("dates", e.dates),
            ("entity mentions strict", e.mentions_strict),
            ("entity mentions lenient", e.mentions_lenient),
            ("entity linking (pairs)", e.linking),
        )
    ]
    table = format_table(["measure", "gold", "predicted", "correct", "precision", "recall", "f1"], rows)
    field_rows: list[list[str | int | float]] = [
        [f"{group} {name}", scores.judged[name], scores.accuracy(name)]
        for group, scores in (
            ("attribution", e.attribution_fields),
            ("figure", e.figure_fields),
            ("date", e.date_fields),
        )
        for name in scores.judged
    ]
    fields = format_table(["field of matched items", "judged", "accuracy"], field_rows)
    misses = "\n".join(["", "misses:", *e.misses]) if verbose and e.misses else ""
    return f"{table}\n\n{fields}{misses}\n{headline('extraction_f1', e.headline)}"


def print_extraction(evaluation: ExtractionEvaluation, *, verbose: bool = False) -> None:
    print(format_extraction(evaluation, verbose=verbose))
