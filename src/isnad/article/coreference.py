"""Within one article, a source that refers back instead of naming (``وأكد سموه``, ``وأضاف
المصدر``, ``وقال المتحدث``, ``وأشار الوزير المصري``, ``وقالت الشركة``) is the person or body the
article named before with a matching title: the nearest earlier name whose introduction holds the
referring words (``صاحب السمو الملكي الأمير فلان`` for سموه, ``وزير الخارجية المصري سامح شكري`` for
الوزير المصري), among the names the tagger found and the sources cited before. A generic
``المصدر`` is the last source cited. Unresolved, the phrase stays its own source."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import takewhile

from isnad.arabic import has_conjunction, is_definite, normalize, strip_definite, strip_particles, tokenize
from isnad.arabic.speakers import described_words, is_body_reference, referring_words, word_forms
from isnad.model import Attribution, SourceKind, Span

SOURCE_GAP = 20  # characters between a cue and its source phrase: "وأكد لـ«عكاظ» ..."
WINDOW_WORDS = 8  # words before a name that may hold its title: "وزير الخارجية المصري سامح شكري"
WINDOW_AFTER = 4  # words after it that may describe it: "كيا موتورز ثاني أكبر شركة"
BODY_SEARCH = 1500  # characters before a bare "الوزارة" searched for the ministry it names
MAX_BODY_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_CLAUSE_END = re.compile(r"[.!?؟\n،,:;؛]")


@dataclass(frozen=True)
class Named:
    """A person or body the article names: where, its canonical name, the words that
    introduce it, and the source kind it would have."""

    start: int
    name: str
    words: frozenset[str]
    kind: SourceKind
    body: bool
    cited: bool  # an earlier source, not only a name in the text


def introduction(
    text: str, span: Span, cuts: Sequence[int] = (), starts: Sequence[int] = ()
) -> frozenset[str]:
    """The forms of a name's words, of the words before it in its sentence after the last cited
    source phrase or name that ends before it (``وأكد الرئيس المصري أهمية زيارة ...``: what
    follows a source phrase does not introduce a name), and of the few words after it up to a
    comma or the next name (``كيا موتورز ثاني أكبر شركة``)."""
    start, end = span
    first = max([max(0, start - 200), *(c for c in cuts if c <= start)])
    before = _SENTENCE_END.split(text[first:start])[-1]
    last = min([end + 80, *(s for s in starts if s >= end)])
    after = _CLAUSE_END.split(text[end:last])[0]
    # A word with و glued starts the next of a list: "... البنيان ومدير عام إدارة التراخيص".
    following = list(takewhile(lambda w: not has_conjunction(normalize(w)), after.split()))
    words = before.split()[-WINDOW_WORDS:] + text[start:end].split() + following[:WINDOW_AFTER]
    return frozenset(f for w in words for f in word_forms(w))


def _source_ends(attributions: list[Attribution], text: str) -> list[int]:
    """Where each verb-first source phrase ends (its cue's end when it is not found after it)."""
    ends = []
    for a in attributions:
        if a.cue_span is None:
            continue
        end = a.cue_span[1]
        at = text.find(a.source, end, end + len(a.source) + SOURCE_GAP) if a.source else -1
        ends.append(at + len(a.source) if at >= 0 else end)
    return ends


def may_refer(canonical: str) -> bool:
    """Whether `resolve_references` may replace this canonical source with a name written before
    it: a reference (``سموه``, ``الشركة``) or a job given without the name (``مدير فرع
    السياحة بمنطقة الرياض``)."""
    return referring_words(canonical) is not None or described_words(canonical) is not None


def resolve_references(
    attributions: list[Attribution], text: str, mentions: Sequence[tuple[Span, str, str]]
) -> list[Attribution]:
    """One article's attributions (in text order) with referring sources replaced by the named
    person or body they refer to. ``mentions``: the tagger's (span, canonical, PER/ORG)."""
    # A name's introduction starts after the last source phrase or name before it.
    cuts = _source_ends(attributions, text) + [span[1] for span, _, _ in mentions]
    starts = [span[0] for span, _, _ in mentions]
    named = [
        Named(
            span[0],
            name,
            introduction(text, span, cuts, starts),
            "person" if kind == "PER" else "official",
            kind != "PER",
            False,
        )
        for span, name, kind in mentions
    ]
    out: list[Attribution] = []
    for a in attributions:
        out.append(a)
        if a.cue_span is None or not a.source_canonical:
            continue
        start = a.cue_span[0]
        wanted = referring_words(a.source_canonical)
        described = described_words(a.source_canonical) if wanted is None else None
        if described is not None:
            # A job given without the name said before it: that person; unresolved, it stays a
            # source of its own that later phrases may refer to.
            referent = _referent(described, False, start, named)
            if referent is not None:
                a = out[-1] = replace(a, source_canonical=referent.name, kind=referent.kind)
        elif wanted is not None:
            body = is_body_reference(a.source_canonical)
            referent = _referent(wanted, body, start, named)
            if referent is None and body and len(wanted) == 1:
                written = body_written_before(text, start, wanted[0])
                referent = Named(start, written, wanted[0], "official", True, False) if written else None
            if referent is None:
                continue  # unresolved: it names no one a later phrase could refer to
            a = out[-1] = replace(a, source_canonical=referent.name, kind=referent.kind)
        words = frozenset(f for w in f"{a.source} {a.source_canonical}".split() for f in word_forms(w))
        named.append(Named(start, a.source_canonical, words, a.kind, False, True))
    return out


def _referent(wanted: list[frozenset[str]], body: bool, start: int, named: list[Named]) -> Named | None:
    earlier = sorted((n for n in named if n.start < start), key=lambda n: n.start, reverse=True)
    if not wanted:  # "المصدر": the last source cited that is a speaker
        return next((n for n in earlier if n.cited and n.kind not in ("document", "outlet")), None)
    for n in earlier:
        kind_fits = (n.body or (n.cited and n.kind != "person")) if body else not n.body
        if kind_fits and all(words & n.words for words in wanted):
            return n
    return None


def body_written_before(text: str, start: int, heads: frozenset[str]) -> str | None:
    """The nearest body named before ``start`` by a head noun of ``heads`` and its name, when
    the tagger did not find it: "وزارة التجارة والصناعة" for a later "وأكدت الوزارة", "الهيئة
    العامة للغذاء والدواء" for "وأوضحت الهيئة". An indefinite head takes the noun after it and
    the definite words that follow (``وزارة الحج``, ``هيئة مكافحة الفساد``); a definite head
    the definite words after it. A bare head (``الوزارة``) names nothing."""
    first = max(0, start - BODY_SEARCH)
    tokens = [t for t in tokenize(text, first, start) if t.kind != "punct" or t.text in ".،,:;؛!?؟"]
    for k in range(len(tokens) - 2, -1, -1):
        word = strip_particles(tokens[k].norm)
        if tokens[k].kind != "word" or strip_definite(word) not in heads:
            continue
        end = k + 1
        if not is_definite(word):
            end += tokens[end].kind == "word"  # the construct: وزارة الحج
        while end < len(tokens) and end - k < MAX_BODY_WORDS and tokens[end].kind == "word":
            if not is_definite(tokens[end].norm):
                break
            end += 1
        if end - k >= 2 and all(t.kind == "word" for t in tokens[k + 1 : end]):
            name = text[tokens[k].start : tokens[end - 1].end]
            lead = len(tokens[k].norm) - len(word)  # "ووزارة", "بالهيئة": glued particles
            return name[lead:] if lead else name
    return None
