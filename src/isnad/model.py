"""The typed records every stage reads and writes.

Stages meet here and nowhere else: ingest produces `Article`s, the analyses turn them into
`ReuseLink`s, `Event`s, `Entity`s, ... and the outputs format an `Analysis`. Every record that
points at words carries a `Span`: character offsets ``(start, end)`` into ``Article.text``, the
text stored in the store, so any claim in any output can be traced back to where it was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

import numpy as np
from numpy.typing import NDArray

Span = tuple[int, int]
"""Half-open character offsets ``[start, end)`` into an article's ``text``."""

BlockKind = Literal["title", "standfirst", "dateline", "paragraph", "heading", "bullet", "signature"]
EntityType = Literal["PER", "LOC", "ORG", "MISC"]
SourceKind = Literal["outlet", "person", "official", "document", "anonymous", "other"]
Verdict = Literal["agree", "conflict", "differ"]
Direction = Literal["a->b", "b->a", "unknown"]


@dataclass(frozen=True)
class Block:
    """A layout unit of an article: only ``paragraph`` blocks hold running text for sentences."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Dateline:
    """An opening dateline such as ``لندن-سانا``: where it was filed and by which outlet."""

    text: str
    place: str | None
    outlet: str | None


@dataclass
class Article:
    """One news article after ingest and layout repair.

    ``id`` is a content hash of the repaired text, so the same article read twice, from any
    path or encoding, gets the same id.
    """

    id: str
    text: str
    source_path: str
    title: str | None = None
    outlet: str | None = None
    dateline: Dateline | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given by the source
    url: str | None = None
    encoding: str | None = None
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)  # filled by the text layer

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]


def publication_day(published: str | None) -> int | None:
    """The day of an ISO 8601 date or datetime as an ordinal, None when absent or unreadable."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip()).date().toordinal()
    except ValueError:
        try:
            return date.fromisoformat(published.strip()[:10]).toordinal()
        except ValueError:
            return None


@dataclass(frozen=True)
class Problem:
    """An input that could not be used, and why, in words a user can act on."""

    source_path: str
    error: str
    line: int | None = None


@dataclass(frozen=True)
class Passage:
    """A passage one article shares with another: its span in each, and how close they are."""

    a_span: Span
    b_span: Span
    score: float


@dataclass
class ReuseLink:
    """Two articles that share text. ``direction`` says which way the text most likely flowed."""

    a: str
    b: str
    score: float
    passages: list[Passage] = field(default_factory=list)
    direction: Direction = "unknown"
    direction_confidence: float = 0.0
    direction_evidence: str = ""


@dataclass
class Event:
    """Articles that report the same news event."""

    id: str
    article_ids: list[str]
    title: str
    storyline_id: str | None = None


@dataclass
class Storyline:
    """Events of one running story, in time order."""

    id: str
    event_ids: list[str]
    title: str


@dataclass(frozen=True)
class Mention:
    article_id: str
    span: Span
    text: str


@dataclass
class Entity:
    """A person, place, organisation, ...: one canonical name for all its spellings."""

    id: str
    canonical: str
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True)
class Attribution:
    """Who is cited, through which cue, saying what.

    ``span`` covers the whole attribution; ``quote`` is the quoted or reported content and
    ``quote_span`` its offsets (``None`` when the content could not be delimited).
    """

    article_id: str
    source: str
    source_canonical: str
    kind: SourceKind
    cue: str
    quote: str
    span: Span
    quote_span: Span | None = None
    direct: bool = False
    via: str | None = None  # the intermediate source in a chain ("the paper, citing diplomats")
    cue_span: Span | None = None  # where the cue is written


@dataclass(frozen=True)
class Figure:
    """A number an article reports: its value, what it counts, and what is claimed about it."""

    article_id: str
    value: float
    approx: str | None  # the hedge as written: "نحو", "أكثر من", ... or None when exact
    unit: str | None
    subject: str | None
    predicate: str | None
    span: Span
    text: str = ""


@dataclass(frozen=True)
class Date:
    """A date an article names, as written, with what of it is known.

    ``value`` is ISO 8601 at the precision the text fixes (``2014``, ``2015-11``, ``2016-02-13``),
    or ``None`` when no year can be known; relative dates (الشهر الماضي) are resolved against
    the article's publication date when it has one.
    """

    article_id: str
    text: str
    span: Span
    value: str | None = None
    relative: bool = False


@dataclass(frozen=True)
class Claim:
    """One article's statement about a compared subject."""

    article_id: str
    text: str
    span: Span
    value: float | None = None
    predicate: str | None = None


@dataclass
class Comparison:
    """How the articles of an event line up on one subject."""

    event_id: str
    subject: str
    verdict: Verdict
    claims: list[Claim]
    reason: str = ""


@dataclass(frozen=True)
class BriefSentence:
    text: str
    article_ids: list[str]
    source_article_id: str
    span: Span
    conflict: bool = False


@dataclass
class Brief:
    event_id: str
    sentences: list[BriefSentence]


@dataclass
class Analysis:
    """Everything isnad found in one run: what ``analysis.json`` serialises."""

    version: str
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    storylines: list[Storyline] = field(default_factory=list)
    reuse: list[ReuseLink] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    briefs: list[Brief] = field(default_factory=list)
    dates: list[Date] = field(default_factory=list)
    framings: list[Framing] = field(default_factory=list)
    provenance: list[Provenance] = field(default_factory=list)
    storyline_briefs: list[StorylineBrief] = field(default_factory=list)
    single_reports: list[SingleReport] = field(default_factory=list)


# -- stories: what the clustering keeps of each article --------------------------------------------


@dataclass
class ArticleFeatures:
    """What `isnad.corpus.stories` compares articles by, computed once from the article alone.

    Hashed ids index sparse vectors: ``term_ids``/``term_weights`` the L2-normalised TF-IDF of
    content stems (background IDF), ``shingles`` sampled stem 3-grams (text reuse), ``anchors``
    figures, attack phrases and market-session marks, ``sources`` the news outlets the article cites. ``embedding`` is
    the sentence embedding of title and lead, ``day`` the publication date as a proleptic ordinal
    (None when unknown). Depending on nothing but the article, features can be stored and new
    articles compared with old ones later.
    """

    article_id: str
    day: int | None
    term_ids: NDArray[np.int32]
    term_weights: NDArray[np.float32]
    shingles: NDArray[np.int32]
    anchors: NDArray[np.int32]
    embedding: NDArray[np.float32]
    sources: NDArray[np.int32]


@dataclass(frozen=True)
class StoryLink:
    """Two articles (ids in order) close enough to share a storyline.

    ``event`` when they report one event; ``similarity`` is the pair's event-level similarity.
    """

    a: str
    b: str
    similarity: float
    event: bool


# --- Framing, provenance and storyline briefs (compare stage) -------------------------------------


@dataclass(frozen=True)
class TermCount:
    """How often an outlet names an actor with one label (``داعش`` versus ``تنظيم الدولة``).

    ``actor`` is the actor's most used label in the story; ``judging`` says the label holds an
    epithet that judges (``الميليشيات الحوثية``, ``داعش الإرهابي``).
    """

    actor: str
    term: str
    count: int
    mentions: list[Mention] = field(default_factory=list)
    judging: bool = False


@dataclass
class OutletFraming:
    """One outlet's words for a story: its names for the actors, its judging words, its own voice.

    ``outlet`` is the outlet's name, or an article id when the text names no outlet.
    ``editorial`` are sentences with judging words that cite no source.
    """

    outlet: str
    article_ids: list[str]
    names: list[TermCount] = field(default_factory=list)
    evaluative: list[Mention] = field(default_factory=list)
    editorial: list[Mention] = field(default_factory=list)


@dataclass
class Framing:
    """Outlets side by side for one event or storyline (``scope`` says which ``scope_id`` is)."""

    scope: Literal["event", "storyline"]
    scope_id: str
    outlets: list[OutletFraming] = field(default_factory=list)


ProvenanceKind = Literal["article", "outlet", "person", "official", "document", "anonymous", "other"]
ProvenanceRelation = Literal["cites", "copies", "shares"]


@dataclass(frozen=True)
class ProvenanceNode:
    """A source in a provenance graph: an article of the event, or a source it cites."""

    id: str
    label: str
    kind: ProvenanceKind
    article_id: str | None = None


@dataclass(frozen=True)
class ProvenanceEdge:
    """``source`` is where ``target``'s words come from: cited by it, copied into it, or shared with it
    (``shares``: a reuse link whose direction is unknown)."""

    source: str
    target: str
    relation: ProvenanceRelation
    evidence: str
    spans: list[Span] = field(default_factory=list)  # in the target article's text


@dataclass
class Provenance:
    """Per event: from the original sources through the articles that cite or copy them."""

    event_id: str
    nodes: list[ProvenanceNode] = field(default_factory=list)
    edges: list[ProvenanceEdge] = field(default_factory=list)


@dataclass
class StorylineBrief:
    """A short brief for a whole storyline, sentences citing their articles."""

    storyline_id: str
    sentences: list[BriefSentence] = field(default_factory=list)


@dataclass
class SingleReport:
    """A fact only one outlet of an event reports: a figure no other article of the event matches.

    ``kind`` names the kind of fact, so other kinds can join without a schema break.
    """

    event_id: str
    claim: Claim
    kind: Literal["figure"] = "figure"
