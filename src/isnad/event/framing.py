"""Framing and terminology: how each outlet names the parties of a story, and where it judges.

For every event and storyline, outlets side by side, from the story's own articles:
- names: for each main actor of the story (found by `isnad.event.actors`: the most named, named
  at least twice), the labels each outlet uses, with counts and mentions; a label judges when it
  holds an epithet of `isnad.arabic.actors.EPITHETS` (الميليشيات الحوثية، داعش الإرهابي).
- evaluative: judging words wherever they occur;
- editorial: sentences carrying a judging word and citing no source (no attribution of the
  article overlaps them): the outlet's own voice, not a quoted one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from isnad.arabic import actors as words
from isnad.article.doc import Corpus, Doc
from isnad.event.actors import EntitySpans, LabelMention, judges, label_mentions, name_word
from isnad.event.scope import ByArticle
from isnad.event.sides import group_actors
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


def outlet_key(article: Article) -> str:
    """The outlet an article speaks for; its id when the text names none."""
    return article.outlet or article.id


def _evaluative(doc: Doc) -> list[Mention]:
    """The article's judging words. Judged on each token's normalised form, which `is_judging`
    normalises to anyway: a storyline's framing scans every article it holds."""
    text, article_id = doc.article.text, doc.article.id
    return [Mention(article_id, span, text[span[0] : span[1]]) for span in doc.words_where(words.is_judging)]


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


def _actor_name(mentions: Sequence[LabelMention], actor_of: dict[LabelMention, str], actor: str) -> str:
    """The actor's most used label that names it (داعش rather than التنظيم), else its most used one."""
    own = [m for m in mentions if actor_of[m] == actor]
    naming = [m for m in own if name_word(m.words)] or own
    return _display(Counter(" ".join(m.words) for m in naming))


def _display(surfaces: Counter[str]) -> str:
    """A label's most used form, its first word as `isnad.arabic.actors.shown_form` gives it: the
    particles glued to it (للحوثيين، والمقاومة) and its case ending are not part of the label."""
    shown: Counter[str] = Counter()
    for surface, n in surfaces.items():
        first, *rest = surface.split()
        shown[" ".join([words.shown_form(first), *rest])] += n
    return shown.most_common(1)[0][0]


def outlet_framings(
    corpus: Corpus,
    article_ids: Sequence[str],
    attributions: Sequence[Attribution],
    entities: Sequence[Entity] | EntitySpans = (),
    labels: dict[str, list[LabelMention]] | None = None,
    judging: dict[str, list[Mention]] | None = None,
) -> list[OutletFraming]:
    """One `OutletFraming` per outlet among the articles, in the articles' order.

    ``attributions`` may be the corpus's or only these articles'. ``labels`` and ``judging``
    hold the label mentions and judging words of each article found already, and take those
    found here (a storyline's articles are those of its events).
    """
    labels = labels if labels is not None else {}
    judging = judging if judging is not None else {}
    spans = entities if isinstance(entities, EntitySpans) else EntitySpans(entities)
    for article_id in article_ids:
        if article_id not in labels:
            labels[article_id] = label_mentions(corpus, article_id, spans)
    mentions = [m for a in article_ids for m in labels[a]]
    actor_of = group_actors(mentions)
    # The main actors: the most named, named at least twice; each shown by its most used label.
    actor_counts = Counter(actor_of[m] for m in mentions)
    main = [a for a, n in actor_counts.most_common(MAX_ACTORS) if n >= MIN_ACTOR_MENTIONS]
    actor_name: dict[str, str] = {}
    for actor in main:
        name = _actor_name(mentions, actor_of, actor)
        while name in actor_name.values():  # two parties shown alike keep two columns
            name += "*"
        actor_name[actor] = name

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
            actor = actor_of[m]
            if actor in actor_name:
                named[key].setdefault((actor, m.key), []).append(m)
        evaluative = judging.get(article_id)
        if evaluative is None:
            evaluative = judging[article_id] = _evaluative(corpus.text(article_id))
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
    judging: dict[str, list[Mention]] = {}
    attributions_of, spans = ByArticle(attributions), EntitySpans(entities)

    def framings(article_ids: Sequence[str]) -> list[OutletFraming]:
        return outlet_framings(corpus, article_ids, attributions_of.of(article_ids), spans, labels, judging)

    out = [Framing("event", event.id, framings(event.article_ids)) for event in events]
    events_by_id = {e.id: e for e in events}
    for storyline in storylines:
        if len(storyline.event_ids) < 2:
            continue
        article_ids = [a for e in storyline.event_ids for a in events_by_id[e].article_ids]
        out.append(Framing("storyline", storyline.id, framings(article_ids)))
    return out
