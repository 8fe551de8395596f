"""How the store writes and reads each record: one JSON object per record, written by the codec
of ``analysis.json`` (`isnad.output.jsonout.encode`), so the store, the file and the web app's
API hold each record alike, and read back here into the typed records of `isnad.model`."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from typing import Any

from isnad.event.actors import LabelMention
from isnad.model import (
    Article,
    Attribution,
    Block,
    Brief,
    BriefSentence,
    Claim,
    Comparison,
    Date,
    Dateline,
    Entity,
    Event,
    Figure,
    Framing,
    Mention,
    OutletFraming,
    Passage,
    Provenance,
    ProvenanceEdge,
    ProvenanceNode,
    ReuseLink,
    SingleReport,
    Storyline,
    StorylineBrief,
    TermCount,
)
from isnad.output.jsonout import encode


def encode_record(record: object) -> str:
    """A result record as the JSON text the store keeps: its ``analysis.json`` form."""
    return json.dumps(encode(record), ensure_ascii=False)


def article_from_row(row: sqlite3.Row | tuple[Any, ...]) -> Article:
    dateline = json.loads(row[4]) if row[4] else None
    return Article(
        id=row[0],
        source_path=row[1],
        title=row[2],
        outlet=row[3],
        dateline=Dateline(**dateline) if dateline else None,
        published=row[5],
        url=row[6],
        encoding=row[7],
        text=row[8],
        blocks=[Block(kind=k, start=s, end=e) for k, s, e in json.loads(row[9])],
        sentences=[(s, e) for s, e in json.loads(row[10])],
    )


def decode_result(kind: str, data: dict[str, Any]) -> Any:
    """A result record of ``kind`` (events, reuse, figures, ...) from its stored JSON object."""
    return _RESULT_READERS[kind](data)


def _span(value: list[int]) -> tuple[int, int]:
    return (int(value[0]), int(value[1]))


def _reuse(d: dict[str, Any]) -> ReuseLink:
    passages = [Passage(_span(p["a_span"]), _span(p["b_span"]), p["score"]) for p in d.pop("passages")]
    return ReuseLink(**d, passages=passages)


def _entity(d: dict[str, Any]) -> Entity:
    mentions = [Mention(m["article_id"], _span(m["span"]), m["text"]) for m in d.pop("mentions")]
    return Entity(**d, mentions=mentions)


def _attribution(d: dict[str, Any]) -> Attribution:
    quote_span = _span(d.pop("quote_span")) if d.get("quote_span") else None
    d.pop("quote_span", None)
    cue_span = _span(d.pop("cue_span")) if d.get("cue_span") else None
    d.pop("cue_span", None)
    return Attribution(**{**d, "span": _span(d["span"])}, quote_span=quote_span, cue_span=cue_span)


def _comparison(d: dict[str, Any]) -> Comparison:
    claims = [Claim(**{**c, "span": _span(c["span"])}) for c in d.pop("claims")]
    return Comparison(**d, claims=claims)


def _brief(d: dict[str, Any]) -> Brief:
    sentences = [BriefSentence(**{**s, "span": _span(s["span"])}) for s in d["sentences"]]
    return Brief(event_id=d["event_id"], sentences=sentences)


_RESULT_READERS: dict[str, Any] = {
    "events": lambda d: Event(**d),
    "storylines": lambda d: Storyline(**d),
    "reuse": _reuse,
    "entities": _entity,
    "attributions": _attribution,
    "figures": lambda d: Figure(**{**d, "span": _span(d["span"])}),
    "comparisons": _comparison,
    "briefs": _brief,
    "dates": lambda d: Date(**{**d, "span": _span(d["span"])}),
    "framings": lambda d: _framing(d),
    "provenance": lambda d: _provenance(d),
    "storyline_briefs": lambda d: _storyline_brief(d),
    "single_reports": lambda d: _single_report(d),
}
# Every kind of result record an analysis holds besides its articles and problems.
RESULT_KINDS: tuple[str, ...] = tuple(_RESULT_READERS)


# --- framing, provenance, storyline briefs, single reports ---------------------------------------


def _mention(d: dict[str, Any]) -> Mention:
    return Mention(d["article_id"], _span(d["span"]), d["text"])


def _framing(d: dict[str, Any]) -> Framing:
    outlets = [
        OutletFraming(
            outlet=o["outlet"],
            article_ids=o["article_ids"],
            names=[
                TermCount(
                    n["actor"],
                    n["term"],
                    n["count"],
                    [_mention(m) for m in n["mentions"]],
                    n.get("judging", False),
                )
                for n in o["names"]
            ],
            evaluative=[_mention(m) for m in o["evaluative"]],
            editorial=[_mention(m) for m in o["editorial"]],
        )
        for o in d["outlets"]
    ]
    return Framing(d["scope"], d["scope_id"], outlets)


def _provenance(d: dict[str, Any]) -> Provenance:
    nodes = [ProvenanceNode(**n) for n in d["nodes"]]
    edges = [ProvenanceEdge(**{**e, "spans": [_span(s) for s in e["spans"]]}) for e in d["edges"]]
    return Provenance(d["event_id"], nodes, edges)


def _storyline_brief(d: dict[str, Any]) -> StorylineBrief:
    sentences = [BriefSentence(**{**s, "span": _span(s["span"])}) for s in d["sentences"]]
    return StorylineBrief(d["storyline_id"], sentences)


def _single_report(d: dict[str, Any]) -> SingleReport:
    claim = d["claim"]
    return SingleReport(d["event_id"], Claim(**{**claim, "span": _span(claim["span"])}), d["kind"])


# --- owners: which article, event, storyline, entity or pair a result row belongs to ------------

_OWNER_FIELD = {
    "events": "id",
    "storylines": "id",
    "entities": "id",
    "attributions": "article_id",
    "figures": "article_id",
    "dates": "article_id",
    "comparisons": "event_id",
    "briefs": "event_id",
    "provenance": "event_id",
    "single_reports": "event_id",
    "framings": "scope_id",
    "storyline_briefs": "storyline_id",
}


def owner_of(kind: str, record: object) -> str:
    """The id a result row is kept under, so that `isnad add` replaces one owner's rows alone."""
    if kind == "reuse":
        assert isinstance(record, ReuseLink)
        return f"{record.a} {record.b}"
    return str(getattr(record, _OWNER_FIELD[kind]))


# --- entity mentions as the per-article pass finds them, before linking --------------------------


def encode_mention(entity_type: str, mention: Mention) -> str:
    return json.dumps({"type": entity_type, **asdict(mention)}, ensure_ascii=False)


def decode_mention(data: dict[str, Any]) -> tuple[Any, Mention]:
    return data["type"], _mention(data)


# --- the labels of parties framing finds in an article (`isnad.event.actors.label_mentions`) -------


def encode_labels(found: list[LabelMention]) -> str:
    """An article's label mentions, without the article id its row holds."""
    return json.dumps(
        [[m.words, m.span, m.sentence, m.before, m.after, m.restates] for m in found], ensure_ascii=False
    )


def decode_labels(article_id: str, data: list[list[Any]]) -> list[LabelMention]:
    return [
        LabelMention(
            article_id, tuple(w), _span(span), sentence, tuple(before), tuple(after), tuple(restates)
        )
        for w, span, sentence, before, after, restates in data
    ]
