"""Keeping every stored result current as articles arrive (`isnad add`), touching only what the
new articles change.

- Per article (attributions, figures, dates, entity mentions, story features, reuse signatures):
  made once, when the article arrives, and kept per article (`isnad.store.pieces`).
- The boilerplate model (formulas, outlets' fixed lines): kept in the store with what it counted
  in each article, and grown over the new articles to the model a batch run over the whole store
  learns (`isnad.corpus.boilerplate_growth.grow`); stored articles whose boilerplate grew get their story
  features and reuse pairs made again.
- Across articles: entities are linked again from the stored mentions of every article, and
  sources linked to them (no text is read but that of long source phrases; about 14 s over a
  26,000-article store); meanwhile a forked process finds the reuse links of the new articles
  against the stored signatures (`isnad.corpus.reuse_index`); events and storylines come from
  the store's incremental grouping (`update_store`).
- Per event and storyline (comparisons, brief, framing, provenance): fingerprints of what each
  kind of result reads are kept (`fingerprints`); each is computed again only for the events and
  storylines whose fingerprint for it changed. Stored articles are read back with their kept
  text layer (`Store.docs`), not tokenised again, and with the labels framing found in them
  (`Store.label_mentions`) while their entity spans are the same.

Results are written owner by owner (an article, event, storyline, entity or pair), so rows that
did not change are not rewritten. What differs from a batch run is in docs/archive.md.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any, Literal

from isnad.arabic.formulas import formula_keys
from isnad.article.doc import Corpus
from isnad.article.extract import ArticleExtraction, combine, reads_text
from isnad.article_pass import MIN_PARALLEL, ArticleRecord, beside
from isnad.corpus.boilerplate import Boilerplate
from isnad.corpus.boilerplate_growth import Grown, Recurring, grow
from isnad.corpus.direction import publishing_clocks, siblings_of_one_source
from isnad.corpus.reuse_index import reuse_of_new, signatures
from isnad.corpus.reuse_weights import ReuseParams
from isnad.event.actors import EntitySpans, LabelMention
from isnad.event.brief import summarize, summarize_storylines
from isnad.event.compare import compare, single_reports
from isnad.event.framing import outlet_framings
from isnad.event.provenance import trace
from isnad.memory import trim_memory
from isnad.model import (
    Analysis,
    Article,
    Attribution,
    Entity,
    Event,
    Framing,
    Mention,
    Provenance,
    ReuseLink,
    Storyline,
)
from isnad.store import Store
from isnad.store.codec import encode_record, owner_of
from isnad.store.pieces import ArticlePieces

# Comparisons, briefs and single reports read only the members' text and figures: they are made
# again only when an event's members change, not when its sources, entities or links do.
TOLD_KINDS = ("comparisons", "briefs", "single_reports")
TOLD = "#told"  # the key suffix of a scope's fingerprint of its members alone
TRACED = "#traced"  # the key suffix of an event's fingerprint of what provenance reads


def pieces_of(record: ArticleRecord) -> ArticlePieces:
    """What the store keeps of one article's per-article pass (made with extraction)."""
    assert record.extraction is not None
    content_hash, rows = signatures(record.doc)
    found = record.extraction
    return ArticlePieces(
        record.article.id,
        content_hash,
        rows,
        record.article.outlet,
        found.attributions,
        found.figures,
        found.dates,
        found.mentions,
        layer=record.doc.layer(),
    )


BOILERPLATE_BATCH = 500  # articles read and tokenised at a time to grow the boilerplate model


def grow_boilerplate(store: Store) -> Grown:
    """The store's boilerplate model grown over the stored articles it has not counted yet (the
    new ones), as a batch run over the whole store learns it; to be kept (`Store.set_boilerplate`)
    once what depends on it is current."""
    model, rows = store.boilerplate()
    # Rows without a model: one an older isnad kept, whose formulas held for every day. It is
    # learnt again from every article, and what the stored articles were made with is redone.
    stale = set(rows) if model is None else set()
    if stale:
        rows = {}
    order = store.article_ids()
    missing = [i for i in order if i not in rows]

    def parts(ids: Sequence[str]) -> Iterator[Sequence[str]]:
        return (ids[start : start + BOILERPLATE_BATCH] for start in range(0, len(ids), BOILERPLATE_BATCH))

    def keyed(ids: Sequence[str]) -> Iterator[tuple[Article, list[str]]]:
        # Stored articles' keys from their kept text layer: a day makes a few thousand stored
        # articles' runs common again, and tokenising them costs ten times as much.
        return ((doc.article, doc.word_keys()) for part in parts(ids) for doc in store.docs(part))

    # New articles have no layer yet: their keys from the text, no `Token` made.
    new = (
        (article, formula_keys(article.text)) for part in parts(missing) for article in store.articles(part)
    )
    grown = grow(model, order, rows, new, keyed)
    return Grown(grown.model, grown.rows, grown.changed | stale)


def keep_pieces(
    store: Store, articles: Sequence[Article], records: Sequence[ArticleRecord], boilerplate: Boilerplate
) -> None:
    """After a batch run's per-article pass over every stored article (``articles`` as read,
    ``records`` in the same order): what `isnad add` builds on. Each article's pieces, the
    boilerplate model with what it counted in each article, and the outlets whose stamps are
    publishing times."""
    store.add_article_pieces(pieces_of(r) for r in records)
    rows = {
        a.id: Recurring.of(a, r.doc.tokens, boilerplate.params)
        for a, r in zip(articles, records, strict=True)
    }
    store.set_boilerplate(boilerplate, rows)
    store.set_setting("clocks", sorted(publishing_clocks(r.article for r in records)))


def update_results(
    store: Store,
    new_ids: Sequence[str],
    events: Sequence[Event],
    storylines: Sequence[Storyline],
    boilerplate: Boilerplate,
    changed: Collection[str] = (),
) -> None:
    """Bring the stored reuse links, entities, sources, figures, dates and per-event results up
    to date once ``new_ids`` have their pieces stored and ``events``/``storylines`` are current.
    ``changed``: stored articles whose boilerplate grew; their reuse pairs are aligned again."""
    entities, attributions = _update_article_results(store, new_ids, boilerplate, changed)
    # What the per-event stages read of the entities: the spans, indexed once. The links are read
    # back in batch order; everything else the article results needed is freed by now.
    spans = EntitySpans(entities)
    del entities
    all_reuse = in_batch_order(store.results_of("reuse"), store.article_ids(), store.content_hashes())
    update_per_event(store, events, storylines, spans, attributions, all_reuse)


def _update_article_results(
    store: Store, new_ids: Sequence[str], boilerplate: Boilerplate, changed: Collection[str]
) -> tuple[list[Entity], dict[str, list[Attribution]]]:
    """Reuse links, entities, sources, figures and dates brought up to date and stored; the
    entities and sources by article, which the per-event stages read."""
    new_set = set(new_ids)
    order = store.article_ids()
    hashes = store.content_hashes()
    # Direction reads only outlets and dates of the whole store: whose stamps are publishing
    # times, and which pairs a third outlet prints too.
    stamps = {i: Article(i, "", "", outlet=o, published=p) for i, o, p in store.article_stamps()}
    clocked = publishing_clocks(stamps.values())
    was_clocked = store.setting("clocks")
    flipped = set(clocked) ^ set(was_clocked) if was_clocked is not None else set()
    stored_links = store.results_of("reuse")
    # Stored articles aligned again: those whose boilerplate grew, and those with links from an
    # outlet whose stamps turned out (not) to be publishing times.
    redo = set(changed) | {
        i
        for link in stored_links
        if {stamps[link.a].outlet, stamps[link.b].outlet} & flipped
        for i in (link.a, link.b)
    }
    again = [i for i in order if i in redo and i not in new_set]
    aligned = [*new_ids, *again]
    # The reuse of the new articles and the linking of every stored mention read nothing the
    # other makes, so a second core finds the links while this one links the entities.
    forked = store.path != ":memory:" and len(aligned) >= MIN_PARALLEL

    def reuse_links() -> list[ReuseLink]:
        # Forked beside the linking below, the reuse reads the store through a connection of its
        # own: a SQLite connection must not be shared across a fork.
        with Store(store.path, read_only=True) if forked else nullcontext(store) as reading:
            params = ReuseParams()
            return reuse_of_new(
                aligned,
                reading.reuse_signatures(params.num_perm),
                hashes,
                reading.same_content(hashes[i] for i in aligned),
                reading.docs,
                boilerplate,
                clocked,
                params,
            )

    with beside(reuse_links, None if forked else 1) as reused:
        entities, attributions = link_all(store, order)
        trim_memory()
        found = reused()
    # Stored links of an article aligned again are replaced by what aligning found; a stored
    # link whose direction a third outlet's copy now withdraws is rewritten.
    redone = set(again)
    stale = [f"{link.a} {link.b}" for link in stored_links if link.a in redone or link.b in redone]
    kept = [link for link in stored_links if link.a not in redone and link.b not in redone]
    before = [encode_record(link) for link in kept]
    siblings_of_one_source([*kept, *found], stamps)
    rewritten = [link for link, was in zip(kept, before, strict=True) if encode_record(link) != was]
    reuse = [*found, *rewritten]
    changes: dict[str, tuple[Mapping[str, Sequence[Any]], Iterable[str]]] = {
        "reuse": ({f"{link.a} {link.b}": [link] for link in reuse}, stale),
        "entities": _changed(store, "entities", {e.id: [e] for e in entities}),
        "attributions": _changed(store, "attributions", attributions),
    }
    for kind in ("figures", "dates"):
        changes[kind] = (store.article_records(kind, list(new_set)), ())
    store.replace_results(changes)
    store.set_setting("clocks", sorted(clocked))
    return entities, attributions


def in_batch_order(
    links: list[ReuseLink], order: Sequence[str], hashes: Mapping[str, str]
) -> list[ReuseLink]:
    """Links in the order a batch run lists them (exact copies first, then by the positions of
    their two articles in the store), which provenance graphs keep."""
    position = {article_id: n for n, article_id in enumerate(order)}

    def key(link: ReuseLink) -> tuple[bool, int, int]:
        copies = bool(hashes.get(link.a)) and hashes.get(link.a) == hashes.get(link.b)
        return (not copies, position[link.a], position[link.b])

    return sorted(links, key=key)


def link_all(store: Store, order: Sequence[str]) -> tuple[list[Entity], dict[str, list[Attribution]]]:
    """Entities linked over every stored article's mentions and sources linked to them, as a batch
    run links them (articles in storage order); sources by article."""
    mentions = store.article_records("mentions")
    raw = store.article_records("attributions")
    # Only articles with a source `link_sources` reads in the text are loaded.
    texts = [i for i, found in raw.items() if any(reads_text(a) for a in found)]
    extraction = combine(
        (ArticleExtraction(raw.get(i, []), [], [], mentions.get(i, [])) for i in order),
        store.articles(texts),
    )
    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in extraction.attributions:
        by_article[attribution.article_id].append(attribution)
    return extraction.entities, dict(by_article)


def _changed(
    store: Store, kind: str, records: Mapping[str, Sequence[Any]]
) -> tuple[dict[str, Sequence[Any]], list[str]]:
    """The owners whose records differ from the stored ones, and the stored owners now gone."""
    stored = store.owned_results(kind)
    changed = {
        owner: found
        for owner, found in records.items()
        if stored.get(owner) != [encode_record(r) for r in found]
    }
    gone = [owner for owner in stored if owner is not None and owner not in records]
    return changed, gone


def fingerprints(
    events: Sequence[Event],
    storylines: Sequence[Storyline],
    spans: EntitySpans,
    attributions: Mapping[str, Sequence[Attribution]],
    reuse: Sequence[ReuseLink],
) -> dict[str, str]:
    """For each event and storyline, hashes of what its per-event results are made from, one per
    kind of result, so that each is made again only when what it reads changed:
    - under its id, what framing reads: its members (whose text never changes), the entity spans
      and where each source and quote stands;
    - under its id plus `TRACED` (events only), what provenance reads: its members, their linked
      sources whole and the reuse links between them;
    - under its id plus `TOLD`, its members alone (what comparisons and briefs read).
    Entity ids and canonical names are left out of framing: a new day relinks entities across the
    store and renames many sources, which changes where no source stands."""
    links: dict[str, list[ReuseLink]] = defaultdict(list)
    for link in reuse:
        links[link.a].append(link)
    out: dict[str, str] = {}
    for event in events:
        members = set(event.article_ids)
        told = [event.id, event.article_ids, event.title]
        cited = [attributions.get(i, []) for i in event.article_ids]
        framed = [
            told,
            [spans.all_of(i) for i in event.article_ids],
            [[[a.span, a.quote_span] for a in found] for found in cited],
        ]
        # The records' reprs (dataclasses: every field, in order) stand for their values: an
        # eighth of the cost of `asdict` and JSON over a store's worth of sources.
        traced = [
            told,
            repr(cited),
            sorted(repr(link) for i in members for link in links[i] if link.b in members),
        ]
        out[event.id] = _digest(framed)
        out[event.id + TRACED] = _digest(traced)
        out[event.id + TOLD] = _digest(told)
    for storyline in storylines:
        head = [storyline.id, storyline.event_ids, storyline.title]
        out[storyline.id] = _digest([head, [out[e] for e in storyline.event_ids]])
        out[storyline.id + TOLD] = _digest([head, [out[e + TOLD] for e in storyline.event_ids]])
    return out


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def update_per_event(
    store: Store,
    events: Sequence[Event],
    storylines: Sequence[Storyline],
    spans: EntitySpans,
    attributions: Mapping[str, Sequence[Attribution]],
    reuse: Sequence[ReuseLink],
) -> None:
    """Compute comparisons, briefs, framing and provenance again for the events and storylines
    whose inputs changed (each kind of result when what it reads changed: `fingerprints`); drop
    those of events and storylines that are gone."""
    now = fingerprints(events, storylines, spans, attributions, reuse)
    before = store.stage_fingerprints()
    framed = [e for e in events if before.get(e.id) != now[e.id]]
    traced = [e for e in events if before.get(e.id + TRACED) != now[e.id + TRACED]]
    told = [e for e in events if before.get(e.id + TOLD) != now[e.id + TOLD]]
    several = [s for s in storylines if len(s.event_ids) >= 2]
    framed_storylines = [s for s in several if before.get(s.id) != now[s.id]]
    told_storylines = [s for s in several if before.get(s.id + TOLD) != now[s.id + TOLD]]
    gone = [scope for scope in before if scope not in now]
    event_by_id = {e.id: e for e in events}
    store.replace_results({kind: ({}, gone) for kind in _PER_EVENT_KINDS})
    to_do = {e.id for e in [*framed, *traced, *told]}
    to_do |= {s.id for s in [*framed_storylines, *told_storylines]}
    # The work goes a few storylines at a time (each with its events), so that memory holds the
    # text layer of about `EVENT_TEXTS` articles, not of every article a new day touches.
    parts = [
        _Part(
            [e for e in framed if e.id in ids],
            [e for e in traced if e.id in ids],
            [e for e in told if e.id in ids],
            [s for s in framed_storylines if s.id in ids],
            [s for s in told_storylines if s.id in ids],
        )
        for ids in _storyline_parts(events, storylines, to_do, EVENT_TEXTS)
    ]
    for part in parts:
        # Each part's links are picked here: iterating all of them in the forked process would
        # copy the pages of every link in the store.
        within = set(part.outlet_articles(event_by_id))
        part.links = [link for link in reuse if link.a in within and link.b in within]
    reading = sum(len({*p.told_articles(event_by_id), *p.outlet_articles(event_by_id)}) for p in parts)
    forked = store.path != ":memory:" and reading >= MIN_PARALLEL

    # Framing and provenance need nothing the comparisons and briefs make: one forked process
    # works them out for every part, with its own read-only connection to the store, while this
    # one compares. One process for all parts: a process forked for each part started with cold
    # caches (the word tests framing asks of every token) and copied again the pages it touched
    # (adding 2015-08-09 to a 15-day store: 33 CPU s for the per-event stages, now 25).
    def outlets() -> list[_Outlets]:
        with Store(store.path, read_only=True) if forked else nullcontext(store) as reader:
            found = []
            for part in parts:
                found.append(_outlets_of_part(reader, part, event_by_id, spans, attributions))
                trim_memory()
            return found

    with beside(outlets, None if forked else 1) as framed_outlets:
        for part in parts:
            _tell_part(store, part, event_by_id)
            trim_memory()
        for part, (framings, provenance, labels) in zip(parts, framed_outlets(), strict=True):
            if labels:
                store.keep_label_mentions(labels)
            _replace_owned(
                store,
                {"framings": framings, "provenance": provenance},
                {
                    "framings": [e.id for e in part.framed] + [s.id for s in part.framed_storylines],
                    "provenance": [e.id for e in part.traced],
                },
            )
    store.drop_stage_fingerprints(gone)
    kept = [e.id for e in framed] + [e.id + TRACED for e in traced] + [e.id + TOLD for e in told]
    kept += [scope for s in storylines for scope in (s.id, s.id + TOLD)]
    store.set_stage_fingerprints({scope: now[scope] for scope in kept})


# Articles whose text layer the per-event stages hold at once (in each of the two processes).
# Both grow by about 0.7 GB PSS per 1,000 articles over a 26k store (adding a day to it: peak
# 2.23 GB with 2,000, 1.87-2.14 with 1,000, 1.6 in the per-event stages with 500, for +5 s).
EVENT_TEXTS = 500
_PER_EVENT_KINDS = ("comparisons", "briefs", "provenance", "single_reports", "framings", "storyline_briefs")


@dataclass
class _Part:
    """Some storylines and events whose per-event results are made together, by kind of result."""

    framed: list[Event]
    traced: list[Event]
    told: list[Event]
    framed_storylines: list[Storyline]
    told_storylines: list[Storyline]
    links: list[ReuseLink] = field(default_factory=list)  # between the framed and traced articles

    def told_articles(self, event_by_id: Mapping[str, Event]) -> list[str]:
        """The articles comparisons and briefs read: the told events' and told storylines'."""
        return _articles([*self.told, *(event_by_id[e] for s in self.told_storylines for e in s.event_ids)])

    def outlet_articles(self, event_by_id: Mapping[str, Event]) -> list[str]:
        """The articles framing and provenance read: the framed and traced events', and the
        framed storylines'."""
        framed = (event_by_id[e] for s in self.framed_storylines for e in s.event_ids)
        return _articles([*self.framed, *self.traced, *framed])


def _articles(events: Iterable[Event]) -> list[str]:
    return sorted({a for e in events for a in e.article_ids})


# What framing and provenance make of a part: framings, provenance, and the labels found anew
# (with the digest of the entity spans they were found with) for the store to keep.
_Outlets = tuple[list[Framing], list[Provenance], dict[str, tuple[str, list[LabelMention]]]]


def _storyline_parts(
    events: Sequence[Event], storylines: Sequence[Storyline], to_do: set[str], most: int
) -> Iterator[set[str]]:
    """The ids of storylines and their events, a few storylines at a time, each part reading the
    articles of about ``most`` (or one storyline); only storylines with something ``to_do`` (a
    storyline or event id) are given; an event outside every storyline goes alone."""
    placed = {e for s in storylines for e in s.event_ids}
    members = {e.id: e.article_ids for e in events}
    units = [(s.id, list(s.event_ids)) for s in storylines]
    units += [(e.id, [e.id]) for e in events if e.id not in placed]
    part: set[str] = set()
    count = 0
    for unit, event_ids in units:
        ids = {unit, *event_ids}
        if not ids & to_do:
            continue
        # A storyline to do reads all its events; otherwise only the events to do are read.
        reads = event_ids if unit in to_do else [e for e in event_ids if e in to_do]
        articles = sum(len(members[e]) for e in reads)
        if part and count + articles > most:
            yield part
            part, count = set(), 0
        part |= ids
        count += articles
    if part:
        yield part


def _tell_part(store: Store, part: _Part, event_by_id: Mapping[str, Event]) -> None:
    """Comparisons, briefs and single reports of the part's events and the briefs of its
    storylines, made and written to the store."""
    story_events = [event_by_id[e] for s in part.told_storylines for e in s.event_ids]
    ids = part.told_articles(event_by_id)
    docs = store.docs(ids)
    corpus = Corpus([d.article for d in docs], docs)
    figures = [f for found in store.article_records("figures", ids).values() for f in found]
    told_ids = {e.id for e in part.told}
    # A storyline's brief reads the comparisons of all its events: those not made here are stored.
    stored = store.results_of("comparisons", sorted({e.id for e in story_events} - told_ids))
    comparisons = compare(part.told, figures, corpus.by_id)
    results: dict[str, list[Any]] = {
        "comparisons": comparisons,
        "briefs": summarize(corpus, part.told, comparisons),
        "single_reports": single_reports(part.told, figures, corpus.by_id),
        "storyline_briefs": summarize_storylines(
            corpus, story_events, part.told_storylines, [*comparisons, *stored]
        ),
    }
    owners = {kind: [e.id for e in part.told] for kind in TOLD_KINDS}
    owners["storyline_briefs"] = [s.id for s in part.told_storylines]
    _replace_owned(store, results, owners)


def _outlets_of_part(
    store: Store,
    part: _Part,
    event_by_id: Mapping[str, Event],
    spans: EntitySpans,
    attributions: Mapping[str, Sequence[Attribution]],
) -> _Outlets:
    """Framing of the part's events and storylines and provenance of its events, read from the
    store (and written by the caller)."""
    ids = part.outlet_articles(event_by_id)
    docs = store.docs(ids)
    corpus = Corpus([d.article for d in docs], docs)
    relevant = [a for i in ids for a in attributions.get(i, [])]
    # Each article's label mentions found once, when its event or storyline first needs them, as
    # a batch run's `frame` finds them; those kept from an earlier add are read back when its
    # entity spans (all that label mentions read besides its text) are the same.
    spans_of = {i: _digest(spans.all_of(i)) for i in ids} if part.framed or part.framed_storylines else {}
    labels: dict[str, list[LabelMention]] = store.label_mentions(spans_of)
    kept_labels = set(labels)
    judging: dict[str, list[Mention]] = {}  # an article's judging words, for its event and storyline

    def framing(scope: Literal["event", "storyline"], scope_id: str, article_ids: list[str]) -> Framing:
        return Framing(
            scope, scope_id, outlet_framings(corpus, article_ids, relevant, spans, labels, judging)
        )

    framings = [framing("event", e.id, e.article_ids) for e in part.framed] + [
        framing("storyline", s.id, [a for e in s.event_ids for a in event_by_id[e].article_ids])
        for s in part.framed_storylines
    ]
    found = {i: (spans_of[i], m) for i, m in labels.items() if i not in kept_labels}
    return framings, trace(part.traced, corpus.by_id, relevant, part.links), found


def _replace_owned(
    store: Store, results: Mapping[str, Sequence[Any]], owners: Mapping[str, list[str]]
) -> None:
    """Write results of several kinds, replacing every row of the listed owners of each kind."""
    changes: dict[str, tuple[Mapping[str, Sequence[Any]], Iterable[str]]] = {}
    for kind, found in results.items():
        by_owner: dict[str, list[Any]] = {owner: [] for owner in owners[kind]}
        for record in found:
            by_owner[owner_of(kind, record)].append(record)
        changes[kind] = (by_owner, ())
    store.replace_results(changes)


def keep_fingerprints(store: Store, analysis: Analysis) -> None:
    """After a batch run saved every result: the inputs each event's results were made from."""
    attributions: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in analysis.attributions:
        attributions[attribution.article_id].append(attribution)
    found = fingerprints(
        analysis.events, analysis.storylines, EntitySpans(analysis.entities), attributions, analysis.reuse
    )
    store.set_stage_fingerprints(found, replace_all=True)
