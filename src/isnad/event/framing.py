"""Framing and terminology: how each outlet names the actors, and where it speaks in its own voice.

For every event and storyline, outlets side by side:
- names: for each actor of `lexicon.ACTOR_NAMES` (the group, its fighters), which label the
  outlet uses and how often (تنظيم الدولة / داعش / داعش الإرهابي; مقاتلون / مسلحون / إرهابيون),
  matched by stem sequence, longest phrase first;
- evaluative: judging words (`lexicon.EVALUATIVE`) wherever they occur;
- editorial: sentences carrying a judging word and citing no source (no attribution of the
  article overlaps them): the outlet's own voice, not a quoted one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from isnad.arabic import normalize, stem
from isnad.arabic.lexicon import ACTOR_NAMES, EVALUATIVE
from isnad.article.doc import Corpus
from isnad.model import (
    Article,
    Attribution,
    Event,
    Framing,
    Mention,
    OutletFraming,
    Span,
    Storyline,
    TermCount,
)


@dataclass(frozen=True)
class _Phrase:
    actor: str
    term: str
    stems: tuple[str, ...]


@cache
def _phrases() -> dict[str, tuple[_Phrase, ...]]:
    """Every naming phrase as a stem sequence, by first stem, longest first so the fullest label wins."""
    phrases = [
        _Phrase(actor, term, tuple(stem(w) for w in normalize(text).split()))
        for actor, terms in ACTOR_NAMES.items()
        for term, texts in terms.items()
        for text in texts
    ]
    by_first: dict[str, list[_Phrase]] = {}
    for phrase in sorted(phrases, key=lambda p: -len(p.stems)):
        by_first.setdefault(phrase.stems[0], []).append(phrase)
    return {first: tuple(group) for first, group in by_first.items()}


def outlet_key(article: Article) -> str:
    """The outlet an article speaks for; its id when the text names none."""
    return article.outlet or article.id


def name_mentions(corpus: Corpus, article_id: str) -> list[tuple[_Phrase, Span]]:
    """The actor names of one article, each with its span, longest phrase first at each place."""
    text = corpus.text(article_id)
    stems = [stem(t.text) for t in text.tokens]  # stem() is cached: words repeat across articles
    found: list[tuple[_Phrase, Span]] = []
    i = 0
    while i < len(stems):
        candidates = _phrases().get(stems[i], ())
        match = next((p for p in candidates if tuple(stems[i : i + len(p.stems)]) == p.stems), None)
        if match is None:
            i += 1
            continue
        end = i + len(match.stems)
        found.append((match, (text.tokens[i].start, text.tokens[end - 1].end)))
        i = end
    return found


def _evaluative(corpus: Corpus, article_id: str) -> list[Mention]:
    return [
        Mention(article_id, (t.start, t.end), t.text)
        for t in corpus.text(article_id).tokens
        if normalize(t.text) in EVALUATIVE
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


def outlet_framings(
    corpus: Corpus, article_ids: Sequence[str], attributions: Sequence[Attribution]
) -> list[OutletFraming]:
    """One `OutletFraming` per outlet among the articles, in the articles' order."""
    by_article: dict[str, list[Attribution]] = {}
    for attribution in attributions:
        by_article.setdefault(attribution.article_id, []).append(attribution)
    outlets: dict[str, OutletFraming] = {}
    counts: dict[str, dict[tuple[str, str], list[Mention]]] = {}
    for article_id in article_ids:
        article = corpus.by_id[article_id]
        key = outlet_key(article)
        framing = outlets.setdefault(key, OutletFraming(outlet=key, article_ids=[]))
        framing.article_ids.append(article_id)
        for phrase, span in name_mentions(corpus, article_id):
            mention = Mention(article_id, span, article.span_text(span))
            counts.setdefault(key, {}).setdefault((phrase.actor, phrase.term), []).append(mention)
        evaluative = _evaluative(corpus, article_id)
        framing.evaluative += evaluative
        framing.editorial += _editorial(article, evaluative, by_article.get(article_id, []))
    for key, framing in outlets.items():
        framing.names = [
            TermCount(actor, term, len(mentions), mentions)
            for (actor, term), mentions in sorted(
                counts.get(key, {}).items(), key=lambda kv: (kv[0][0], -len(kv[1]))
            )
        ]
    return list(outlets.values())


def frame(
    corpus: Corpus,
    events: Sequence[Event],
    storylines: Sequence[Storyline],
    attributions: Sequence[Attribution],
) -> list[Framing]:
    """Framing side by side for every event, then for every storyline of two or more events."""
    out = [
        Framing("event", event.id, outlet_framings(corpus, event.article_ids, attributions))
        for event in events
    ]
    events_by_id = {e.id: e for e in events}
    for storyline in storylines:
        if len(storyline.event_ids) < 2:
            continue
        article_ids = [a for e in storyline.event_ids for a in events_by_id[e].article_ids]
        out.append(Framing("storyline", storyline.id, outlet_framings(corpus, article_ids, attributions)))
    return out
