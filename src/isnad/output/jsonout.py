"""``analysis.json``: an `Analysis` as a JSON document, checked against the published schema.

The schema (``analysis.schema.json``, shipped with the package and copied to ``docs/``) is the
contract other tools read; every object in it forbids unknown keys, so this module spells each
record out field by field rather than dumping dataclasses wholesale.
"""

from __future__ import annotations

import json
import os
import tempfile
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator

from isnad.model import (
    Analysis,
    Article,
    Attribution,
    Brief,
    BriefSentence,
    Claim,
    Comparison,
    Date,
    Entity,
    Event,
    Figure,
    Framing,
    Mention,
    Problem,
    Provenance,
    ReuseLink,
    SingleReport,
    Span,
    Storyline,
    StorylineBrief,
)

SCHEMA_PATH: Traversable = files("isnad.output").joinpath("analysis.schema.json")
"""The JSON Schema (Draft 2020-12) that every ``analysis.json`` must match."""

_MAX_REPORTED_ERRORS = 5


@cache
def load_schema() -> dict[str, Any]:
    """The analysis schema, read once from the package data."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema())


@cache
def _fast_validator() -> Any:
    return jsonschema_rs.validator_for(load_schema())


def validate(doc: dict[str, Any]) -> None:
    """Raise `ValueError` naming the JSON paths of the first problems if ``doc`` breaks the schema."""
    # jsonschema_rs says whether the document is valid some 200 times faster (a real day's
    # analysis: under a second instead of half a minute); jsonschema words the problems.
    if _fast_validator().is_valid(doc):
        return
    errors = list(_validator().iter_errors(doc))
    if not errors:
        return
    shown = "; ".join(f"{error.json_path}: {error.message}" for error in errors[:_MAX_REPORTED_ERRORS])
    more = len(errors) - _MAX_REPORTED_ERRORS
    suffix = f" (and {more} more)" if more > 0 else ""
    raise ValueError(f"analysis does not match the schema: {shown}{suffix}")


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The JSON-ready form of ``analysis``, shaped as the schema describes."""
    return {
        "version": analysis.version,
        "articles": [_article(article) for article in analysis.articles],
        "problems": [_problem(problem) for problem in analysis.problems],
        "events": [_event(event) for event in analysis.events],
        "storylines": [_storyline(storyline) for storyline in analysis.storylines],
        "reuse": [_reuse_link(link) for link in analysis.reuse],
        "entities": [_entity(entity) for entity in analysis.entities],
        "attributions": [_attribution(attribution) for attribution in analysis.attributions],
        "figures": [_figure(figure) for figure in analysis.figures],
        "comparisons": [_comparison(comparison) for comparison in analysis.comparisons],
        "briefs": [_brief(brief) for brief in analysis.briefs],
        "dates": [_date(date) for date in analysis.dates],
        "framings": [_framing(framing) for framing in analysis.framings],
        "provenance": [_provenance(graph) for graph in analysis.provenance],
        "storyline_briefs": [_storyline_brief(brief) for brief in analysis.storyline_briefs],
        "single_reports": [_single_report(report) for report in analysis.single_reports],
    }


def write_json(analysis: Analysis, path: str | os.PathLike[str]) -> None:
    """Validate ``analysis`` and write it to ``path`` as UTF-8 JSON, all at once or not at all."""
    doc = analysis_to_dict(analysis)
    validate(doc)
    # allow_nan=False: NaN and Infinity are not JSON, and other readers would choke on them.
    text = json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    write_text_atomic(path, text)


def write_text_atomic(path: str | os.PathLike[str], text: str, *, durable: bool = True) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file so readers never see half a file.

    ``durable`` also waits until the text is on disk (fsync) before the file takes its name:
    needed for what cannot be made again, not for pages derived from it (one fsync per page
    cost 19 s of a real day's 6,000-page site)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # The temporary file sits next to the target: os.replace is only atomic within one file system.
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); outputs are meant to be shared like any written file.
        temporary.chmod(0o644)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _span(span: Span) -> list[int]:
    return [span[0], span[1]]


def _article(article: Article) -> dict[str, Any]:
    dateline = article.dateline
    return {
        "id": article.id,
        "source_path": article.source_path,
        "outlet": article.outlet,
        "title": article.title,
        "dateline": None
        if dateline is None
        else {"text": dateline.text, "place": dateline.place, "outlet": dateline.outlet},
        "published": article.published,
        "url": article.url,
        "n_sentences": len(article.sentences),
        "text": article.text,
        "blocks": [{"kind": block.kind, "start": block.start, "end": block.end} for block in article.blocks],
        "sentences": [_span(sentence) for sentence in article.sentences],
    }


def _problem(problem: Problem) -> dict[str, Any]:
    return {"source_path": problem.source_path, "error": problem.error, "line": problem.line}


def _event(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "article_ids": list(event.article_ids),
        "title": event.title,
        "storyline_id": event.storyline_id,
    }


def _storyline(storyline: Storyline) -> dict[str, Any]:
    return {"id": storyline.id, "event_ids": list(storyline.event_ids), "title": storyline.title}


def _reuse_link(link: ReuseLink) -> dict[str, Any]:
    return {
        "a": link.a,
        "b": link.b,
        "score": link.score,
        "direction": link.direction,
        "direction_confidence": link.direction_confidence,
        "direction_evidence": link.direction_evidence,
        "passages": [
            {"a_span": _span(passage.a_span), "b_span": _span(passage.b_span), "score": passage.score}
            for passage in link.passages
        ],
    }


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "canonical": entity.canonical,
        "type": entity.type,
        "mentions": [
            {"article_id": mention.article_id, "span": _span(mention.span), "text": mention.text}
            for mention in entity.mentions
        ],
    }


def _attribution(attribution: Attribution) -> dict[str, Any]:
    quote_span = attribution.quote_span
    return {
        "article_id": attribution.article_id,
        "source": attribution.source,
        "source_canonical": attribution.source_canonical,
        "kind": attribution.kind,
        "cue": attribution.cue,
        "quote": attribution.quote,
        "span": _span(attribution.span),
        "quote_span": None if quote_span is None else _span(quote_span),
        "direct": attribution.direct,
        "via": attribution.via,
        "cue_span": None if attribution.cue_span is None else _span(attribution.cue_span),
    }


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "article_id": figure.article_id,
        "value": figure.value,
        "approx": figure.approx,
        "unit": figure.unit,
        "subject": figure.subject,
        "predicate": figure.predicate,
        "span": _span(figure.span),
        "text": figure.text,
    }


def _date(date: Date) -> dict[str, Any]:
    return {
        "article_id": date.article_id,
        "text": date.text,
        "span": _span(date.span),
        "value": date.value,
        "relative": date.relative,
    }


def _comparison(comparison: Comparison) -> dict[str, Any]:
    return {
        "event_id": comparison.event_id,
        "subject": comparison.subject,
        "verdict": comparison.verdict,
        "reason": comparison.reason,
        "claims": [
            {
                "article_id": claim.article_id,
                "text": claim.text,
                "span": _span(claim.span),
                "value": claim.value,
                "predicate": claim.predicate,
            }
            for claim in comparison.claims
        ],
    }


def _brief(brief: Brief) -> dict[str, Any]:
    return {
        "event_id": brief.event_id,
        "sentences": [
            {
                "text": sentence.text,
                "article_ids": list(sentence.article_ids),
                "source_article_id": sentence.source_article_id,
                "span": _span(sentence.span),
                "conflict": sentence.conflict,
            }
            for sentence in brief.sentences
        ],
    }


# --- framing, provenance, storyline briefs, single reports ---------------------------------------


def _mention(mention: Mention) -> dict[str, Any]:
    return {"article_id": mention.article_id, "span": _span(mention.span), "text": mention.text}


def _framing(framing: Framing) -> dict[str, Any]:
    return {
        "scope": framing.scope,
        "scope_id": framing.scope_id,
        "outlets": [
            {
                "outlet": outlet.outlet,
                "article_ids": list(outlet.article_ids),
                "names": [
                    {
                        "actor": name.actor,
                        "term": name.term,
                        "count": name.count,
                        "mentions": [_mention(m) for m in name.mentions],
                        "judging": name.judging,
                    }
                    for name in outlet.names
                ],
                "evaluative": [_mention(m) for m in outlet.evaluative],
                "editorial": [_mention(m) for m in outlet.editorial],
            }
            for outlet in framing.outlets
        ],
    }


def _provenance(graph: Provenance) -> dict[str, Any]:
    return {
        "event_id": graph.event_id,
        "nodes": [
            {"id": n.id, "label": n.label, "kind": n.kind, "article_id": n.article_id} for n in graph.nodes
        ],
        "edges": [
            {
                "source": e.source,
                "target": e.target,
                "relation": e.relation,
                "evidence": e.evidence,
                "spans": [_span(s) for s in e.spans],
            }
            for e in graph.edges
        ],
    }


def _brief_sentence(sentence: BriefSentence) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "article_ids": list(sentence.article_ids),
        "source_article_id": sentence.source_article_id,
        "span": _span(sentence.span),
        "conflict": sentence.conflict,
    }


def _storyline_brief(brief: StorylineBrief) -> dict[str, Any]:
    return {"storyline_id": brief.storyline_id, "sentences": [_brief_sentence(s) for s in brief.sentences]}


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "article_id": claim.article_id,
        "text": claim.text,
        "span": _span(claim.span),
        "value": claim.value,
        "predicate": claim.predicate,
    }


def _single_report(report: SingleReport) -> dict[str, Any]:
    return {"event_id": report.event_id, "claim": _claim(report.claim), "kind": report.kind}


_ENCODERS: dict[type, Any] = {
    Article: _article,
    Problem: _problem,
    Event: _event,
    Storyline: _storyline,
    ReuseLink: _reuse_link,
    Entity: _entity,
    Attribution: _attribution,
    Figure: _figure,
    Date: _date,
    Comparison: _comparison,
    Brief: _brief,
    Framing: _framing,
    Provenance: _provenance,
    StorylineBrief: _storyline_brief,
    SingleReport: _single_report,
}


def encode(record: object) -> dict[str, Any]:
    """One record as ``analysis.json`` writes it; the web app's API serves records in this form."""
    return dict(_ENCODERS[type(record)](record))
