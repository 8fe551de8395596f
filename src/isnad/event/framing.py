"""Framing and terminology: how each outlet names the parties of a story, and where it judges.

For every event and storyline, outlets side by side, from the story's own articles:
- labels: noun phrases that name a party: a group head with its names and adjectives (قوات
  التحالف العربي، ميليشيات الحوثي الانقلابية), a definite collective noun (التحالف، المقاومة
  الشعبية), the members' plural (الحوثيين، الانقلابيين) or an organisation the entity layer
  knows (داعش). A label ends at the first preposition, relative, coordinated word or punctuation.
  One label is one key of `isnad.arabic.actors.label_key` (spelling, clitics, word order).
- actors: labels are grouped into the parties they stand for. Labels that share their first name
  word (الحوثي in ميليشيات الحوثي، الحوثيين، الميليشيات الحوثية) or an alias of the entity layer
  (داعش / تنظيم الدولة) are one actor. A label of judging words only (الانقلابيين، الميليشيات)
  joins the actor the story's articles apply those words to: in one phrase (ميليشيات الحوثي
  الانقلابية) or side by side (الحوثيين والانقلابيين are two parties; الحوثيين الانقلابيين one).
  Failing that, a label of a general class of counted people (مسلحون، عناصر) joins that class:
  the armed men of a story are one party even when outlets call them differently.
- each outlet's labels for each actor, with counts and mentions; a label judges when it holds an
  epithet of `isnad.arabic.actors.EPITHETS`.
- evaluative: judging words wherever they occur; editorial: sentences carrying one and citing no
  source (no attribution of the article overlaps them): the outlet's own voice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from isnad.arabic import normalize, strip_particles
from isnad.arabic import actors as words
from isnad.arabic.lexicon import ENTITY_ALIASES, canonical_outlet
from isnad.arabic.subjects import SUBJECT_CLASSES
from isnad.article.doc import ArticleText, Corpus
from isnad.model import (
    Article,
    Attribution,
    Entity,
    Event,
    Framing,
    Mention,
    OutletFraming,
    Span,
    Storyline,
    TermCount,
)

MIN_ACTOR_MENTIONS = 2  # a party named once in a story is not one of its main actors
MAX_ACTORS = 8  # per event or storyline, the most named first
_PUNCTUATION_GAP = set("،,.:;؛!?؟()[]«»\"'“”-–—/\n")


@dataclass(frozen=True)
class LabelMention:
    """One label in one article: its words as written, span and sentence."""

    article_id: str
    words: tuple[str, ...]
    span: Span
    sentence: int

    @property
    def key(self) -> tuple[str, ...]:
        return words.label_key(list(self.words))


def outlet_key(article: Article) -> str:
    """The outlet an article speaks for; its id when the text names none."""
    return article.outlet or article.id


def _organisation_starts(entities: Sequence[Entity], article_id: str) -> dict[int, int]:
    """Start -> end of the organisations the entity layer found in one article."""
    return {
        m.span[0]: m.span[1]
        for e in entities
        if e.type == "ORG" and not canonical_outlet(e.canonical)  # the media are not parties
        for m in e.mentions
        if m.article_id == article_id
    }


def _joined(text: str, a: int, b: int) -> bool:
    """Whether nothing but spaces stands between two tokens."""
    return not any(c in _PUNCTUATION_GAP for c in text[a:b])


def label_mentions(
    corpus: Corpus, article_id: str, entities: Sequence[Entity] = ()
) -> list[LabelMention]:
    """The labels of parties in one article, in text order."""
    text: ArticleText = corpus.text(article_id)
    raw = text.article.text
    tokens = text.tokens
    organisations = _organisation_starts(entities, article_id)
    found: list[LabelMention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        end = i + 1
        if token.start in organisations:  # an organisation: its whole span, then its adjectives
            while end < len(tokens) and tokens[end].end <= organisations[token.start]:
                end += 1
        elif not (
            words.is_head(token.text) or words.is_collective(token.text) or words.is_member_noun(token.text)
        ):
            i += 1
            continue
        head = words.is_head(token.text) and not words.is_collective(token.text)
        while end < len(tokens) and end - i < words.MAX_LABEL_WORDS:
            nxt = tokens[end]
            if nxt.kind != "word" or not _joined(raw, tokens[end - 1].end, nxt.start):
                break
            if words.stops_label(nxt.text):
                break
            definite = strip_particles(nxt.norm).startswith("ال") and not nxt.norm.startswith(("وال", "فال"))
            # After a head, a name may be indefinite (قوات صالح); anything else goes on with adjectives.
            if not definite and not (head and end == i + 1 and len(nxt.norm) > 2):
                break
            end += 1
        label = tuple(t.text for t in tokens[i:end])
        if end > i + 1 or not words.is_kind_head(token.text) or _class_of(label):
            sentence = text.sentence_index(i)
            found.append(LabelMention(article_id, label, (token.start, tokens[end - 1].end), sentence))
        i = end
    return found


def _alias(label: tuple[str, ...]) -> str | None:
    """The entity layer's canonical name for the label without its epithets (داعش for تنظيم الدولة)."""
    plain = normalize(" ".join(w for w in label if not words.is_epithet(w)))
    plain = " ".join(strip_particles(w) for w in plain.split())
    return ENTITY_ALIASES.get(plain)


def name_word(label: tuple[str, ...]) -> str | None:
    """The first word that says which party a label is about, as a key; None when the label only
    says what kind of party it is (التنظيم، عناصر) or judges it (الانقلابيين)."""
    alias = _alias(label)
    if alias:
        return words.word_key(alias.split()[0])
    plain = [w for w in label if not words.is_epithet(w) and not words.is_head(w) and not words.is_collective(w)]
    return words.word_key(plain[0]) if plain else None


def _class_of(label: tuple[str, ...]) -> str | None:
    """The class of counted people a label's first word belongs to (مسلحون: fighters)."""
    first = strip_particles(normalize(label[0]))
    bare = first[2:] if first.startswith("ال") else first
    return next((c for c, members in SUBJECT_CLASSES.items() if first in members or bare in members), None)


def judges(label: Sequence[str]) -> bool:
    return any(words.is_epithet(w) for w in label)


def group_actors(mentions: Sequence[LabelMention]) -> dict[tuple[str, ...], str]:
    """Label key -> actor key, for the labels of one event or storyline."""
    actor_of: dict[tuple[str, ...], str] = {}
    unnamed: dict[tuple[str, ...], LabelMention] = {}
    # Which named actors the story's words are said of: "ميليشيات الحوثي الانقلابية" says
    # ميليشيات and الانقلابية of الحوثي; "تنظيم داعش" says تنظيم of داعش.
    said_of: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        name = name_word(m.words)
        if name is None:
            unnamed.setdefault(m.key, m)
            continue
        actor_of[m.key] = name
        for w in m.words:
            said_of[words.word_key(w)][name] += 1
    # A label of judging or kind words right beside a named one, with nothing but a comma or a
    # space between, is said of it too ("... الحوثي، الانقلابيين").
    ordered = sorted(mentions, key=lambda m: (m.article_id, m.span))
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.article_id == b.article_id and b.span[0] - a.span[1] <= 2:
            for bare, named in ((a, b), (b, a)):
                name = actor_of.get(named.key)
                if bare.key in unnamed and name:
                    for w in bare.words:
                        said_of[words.word_key(w)][name] += 1
    for key, m in unnamed.items():
        votes: Counter[str] = Counter()
        for w in m.words:
            votes.update(said_of.get(words.word_key(w), Counter()))
        if votes:
            actor_of[key] = votes.most_common(1)[0][0]
        else:
            kind = _class_of(m.words)
            actor_of[key] = f"class:{kind}" if kind else key[0]
    return actor_of


def _evaluative(corpus: Corpus, article_id: str) -> list[Mention]:
    return [
        Mention(article_id, (t.start, t.end), t.text)
        for t in corpus.text(article_id).tokens
        if t.kind == "word" and words.is_judging(t.text)
    ]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _editorial(
    article: Article, evaluative: list[Mention], attributions: Sequence[Attribution]
) -> list[Mention]:
    """Sentences with a judging word that no attribution of the article covers."""
    cited = [span for a in attributions for span in (a.span, a.quote_span) if span is not None]
    out = []
    for sentence in article.sentences:
        judged = any(sentence[0] <= m.span[0] and m.span[1] <= sentence[1] for m in evaluative)
        if judged and not any(_overlaps(sentence, span) for span in cited):
            out.append(Mention(article.id, sentence, article.span_text(sentence)))
    return out


def _first_label(
    mentions: Sequence[LabelMention], actor_of: dict[tuple[str, ...], str], actor: str
) -> tuple[str, ...]:
    """The actor's most used label, when none of its labels names it."""
    counts = Counter(m.words for m in mentions if actor_of[m.key] == actor)
    return counts.most_common(1)[0][0]


def _display(surfaces: Counter[str]) -> str:
    """A label as written most often, without the particle glued to its first word."""
    text = surfaces.most_common(1)[0][0].split()
    first = normalize(text[0])
    stripped = len(first) - len(strip_particles(first))
    return " ".join([text[0][stripped:] if stripped else text[0], *text[1:]])


def outlet_framings(
    corpus: Corpus,
    article_ids: Sequence[str],
    attributions: Sequence[Attribution],
    entities: Sequence[Entity] = (),
    labels: dict[str, list[LabelMention]] | None = None,
) -> list[OutletFraming]:
    """One `OutletFraming` per outlet among the articles, in the articles' order.

    ``labels`` are the label mentions of each article, when found already (a storyline's articles
    are those of its events).
    """
    labels = labels if labels is not None else {}
    for article_id in article_ids:
        if article_id not in labels:
            labels[article_id] = label_mentions(corpus, article_id, entities)
    mentions = [m for a in article_ids for m in labels[a]]
    actor_of = group_actors(mentions)
    # The main actors: the most named, named at least twice; each shown by its most used label.
    actor_counts = Counter(actor_of[m.key] for m in mentions)
    main = [a for a, n in actor_counts.most_common(MAX_ACTORS) if n >= MIN_ACTOR_MENTIONS]
    # Shown by its most used label that names it (داعش rather than التنظيم) when it has one.
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for m in sorted(mentions, key=lambda m: name_word(m.words) is None):
        surfaces[actor_of[m.key]][" ".join(m.words)] += 1 if name_word(m.words) else 0
    actor_name = {a: _display(+surfaces[a] or Counter({" ".join(_first_label(mentions, actor_of, a)): 1})) for a in main}

    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        by_article[attribution.article_id].append(attribution)
    outlets: dict[str, OutletFraming] = {}
    named: dict[str, dict[tuple[str, tuple[str, ...]], list[LabelMention]]] = defaultdict(dict)
    for article_id in article_ids:
        article = corpus.by_id[article_id]
        key = outlet_key(article)
        framing = outlets.setdefault(key, OutletFraming(outlet=key, article_ids=[]))
        framing.article_ids.append(article_id)
        for m in labels[article_id]:
            actor = actor_of[m.key]
            if actor in actor_name:
                named[key].setdefault((actor, m.key), []).append(m)
        evaluative = _evaluative(corpus, article_id)
        framing.evaluative += evaluative
        framing.editorial += _editorial(article, evaluative, by_article.get(article_id, []))
    order = {a: n for n, a in enumerate(main)}
    for key, framing in outlets.items():
        framing.names = [
            TermCount(
                actor=actor_name[actor],
                term=_display(Counter(" ".join(m.words) for m in found)),
                count=len(found),
                mentions=[
                    Mention(m.article_id, m.span, corpus.by_id[m.article_id].span_text(m.span)) for m in found
                ],
                judging=judges(found[0].words),
            )
            for (actor, _label), found in sorted(
                named[key].items(), key=lambda kv: (order[kv[0][0]], -len(kv[1]))
            )
        ]
    return list(outlets.values())


def frame(
    corpus: Corpus,
    events: Sequence[Event],
    storylines: Sequence[Storyline],
    attributions: Sequence[Attribution],
    entities: Sequence[Entity] = (),
) -> list[Framing]:
    """Framing side by side for every event, then for every storyline of two or more events."""
    labels: dict[str, list[LabelMention]] = {}
    out = [
        Framing("event", event.id, outlet_framings(corpus, event.article_ids, attributions, entities, labels))
        for event in events
    ]
    events_by_id = {e.id: e for e in events}
    for storyline in storylines:
        if len(storyline.event_ids) < 2:
            continue
        article_ids = [a for e in storyline.event_ids for a in events_by_id[e].article_ids]
        out.append(
            Framing(
                "storyline",
                storyline.id,
                outlet_framings(corpus, article_ids, attributions, entities, labels),
            )
        )
    return out
