"""Named entities with their spelling variants merged across outlets.

First implementation, from lexicons and patterns of the text layer:
- LOC: country names (CLDR via babel) and a seed list of cities, also after a place head
  (مدينة، محافظة، معبر ...);
- ORG: known news outlets, and organisation heads with their name (تنظيم الدولة، جبهة النصرة،
  قوات سوريا الديمقراطية);
- PER: names after a title or role (المنسق الوطني الفرنسي ديديه بريت، زعيم التنظيم أبي بكر البغدادي),
  and people cited as sources.
Mentions whose match keys agree (clitics, ال, and the spelling variants outlets use for foreign
names folded away) become one entity, named by its most frequent spelling.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from isnad.arabic import Token, entity_key, is_stopword, lexicon, normalize, particle_length, tokenize
from isnad.extract.ner import default_tagger, entity_spans, entity_type
from isnad.model import Article, Attribution, Entity, EntityType, Mention

MAX_NAME_TOKENS = 3
_KNOWN_ORGS = {
    normalize(w) for w in ("داعش", "الناتو", "التحالف الدولي", "الأمم المتحدة", "الاتحاد الأوروبي")
}


def find_entities(
    articles: Iterable[Article],
    attributions: Sequence[Attribution] = (),
    tokens: Mapping[str, Sequence[list[Token]]] | None = None,
) -> list[Entity]:
    """Entities of all articles, linked across articles by their match key.

    ``tokens`` maps an article id to the tokens of its sentences, when the caller has them.
    """
    articles = list(articles)
    found: list[tuple[EntityType, Mention]] = []
    for article in articles:
        sentences = (tokens or {}).get(article.id)
        if sentences is None:
            sentences = [tokenize(article.text, start, end) for start, end in article.sentences]
        from_lexicon = [m for tokens_ in sentences for m in _sentence_mentions(article, tokens_)]
        found += from_lexicon
        found += _not_overlapping(tagged_mentions(article, sentences), from_lexicon)
    for attribution in attributions:
        if attribution.kind == "person":
            offset = attribution.span[0]
            found.append(("PER", Mention(attribution.article_id, (offset, offset), attribution.source)))
    return _link(found, {a.id: a for a in articles})


def tagged_mentions(article: Article, sentences: Sequence[list[Token]]) -> list[tuple[EntityType, Mention]]:
    """Entity mentions the CRF tagger finds, spans without the particles glued before them
    (وبريطانيا -> بريطانيا)."""
    tagger = default_tagger()
    out: list[tuple[EntityType, Mention]] = []
    for tokens in sentences:
        for tag_type, first, end in entity_spans(tagger.tag([t.text for t in tokens])):
            head = tokens[first]
            start = head.start + _original_length(head.text, particle_length(head.norm))
            span = (start, tokens[end - 1].end)
            if span[1] > span[0]:
                out.append(
                    (entity_type(tag_type), Mention(article.id, span, article.text[span[0] : span[1]]))
                )
    return out


def _original_length(text: str, letters: int) -> int:
    """How many characters of ``text`` hold its first ``letters`` letters (marks and tatweel skipped)."""
    seen = 0
    for at, char in enumerate(text):
        if seen == letters:
            return at
        if char.isalpha():
            seen += 1
    return len(text)


def _not_overlapping(
    candidates: list[tuple[EntityType, Mention]], kept: list[tuple[EntityType, Mention]]
) -> list[tuple[EntityType, Mention]]:
    """The candidates that overlap none of the kept mentions: the lexicon wins where both speak."""
    taken = sorted(m.span for _, m in kept)
    return [(kind, m) for kind, m in candidates if not any(s < m.span[1] and m.span[0] < e for s, e in taken)]


def _strip(word: str) -> str:
    """A normalised word without one leading conjunction/preposition clitic."""
    if len(word) > 4 and word[0] in "وبلفك" and word[1:].startswith("ال"):
        return word[1:]
    if len(word) > 4 and word.startswith("لل"):
        return "ال" + word[2:]
    return word


def _sentence_mentions(article: Article, tokens: list[Token]) -> list[tuple[EntityType, Mention]]:
    out: list[tuple[EntityType, Mention]] = []
    places = lexicon.place_names()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        word = _strip(token.norm)
        span_end = i + 1
        kind: EntityType | None = None
        outlet_len = _outlet_length(tokens, i)
        if outlet_len:
            kind, span_end = "ORG", i + outlet_len
        elif word in _KNOWN_ORGS or _strip(token.norm[1:] if token.norm[:1] in "ول" else "") in _KNOWN_ORGS:
            kind = "ORG"
        elif word in lexicon.ORGANISATION_HEADS and i + 1 < len(tokens):
            name = _name_after(tokens, i + 1, allow_definite=True)
            if name:
                kind, span_end = "ORG", name
        elif word in lexicon.PLACE_HEADS and i + 1 < len(tokens) and _strip(tokens[i + 1].norm) in places:
            i += 1
            continue
        elif word in places or (word.startswith("ال") and word in places):
            kind = "LOC"
        elif word in lexicon.PERSON_TITLES:
            j = i + 1
            while j < len(tokens) and (
                tokens[j].norm.startswith("ال") or tokens[j].norm in lexicon.PERSON_TITLES
            ):
                j += 1  # descriptors: الوطني الفرنسي
            name = _name_after(tokens, j, allow_definite=False)
            if name:
                out.append(("PER", _mention(article, tokens, j, name)))
                i = name
                continue
        if kind:
            out.append((kind, _mention(article, tokens, i, span_end)))
            i = span_end
        else:
            i += 1
    return out


def _outlet_length(tokens: list[Token], i: int) -> int:
    """How many tokens from i spell a known outlet (0 when none)."""
    for length in (3, 2, 1):
        if i + length <= len(tokens) and lexicon.outlet_spelled([t.norm for t in tokens[i : i + length]]):
            return length
    return 0


def _name_after(tokens: list[Token], j: int, *, allow_definite: bool) -> int:
    """End index of a name of up to three words starting at j, or 0 when none starts there."""
    k = j
    while k < len(tokens) and k - j < MAX_NAME_TOKENS:
        token = tokens[k]
        if token.kind not in ("word", "latin") or is_stopword(token.text):
            break
        if k == j and not allow_definite and token.norm.startswith("ال"):
            break
        if token.norm in lexicon.REPORTING_VERBS or token.norm in lexicon.CONTENT_OPENERS:
            break
        k += 1
    return k if k > j else 0


def _mention(article: Article, tokens: list[Token], i: int, end: int) -> Mention:
    span = (tokens[i].start, tokens[end - 1].end)
    return Mention(article.id, span, article.text[span[0] : span[1]])


def _link(found: list[tuple[EntityType, Mention]], articles: dict[str, Article]) -> list[Entity]:
    groups: dict[tuple[EntityType, str], list[Mention]] = defaultdict(list)
    for kind, mention in found:
        groups[(kind, entity_key(mention.text))].append(mention)
    entities: list[Entity] = []
    for (kind, key), mentions in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        # Mentions built from attribution sources carry an empty span: only keep them where a
        # textual mention of the same entity anchors them.
        anchored = [m for m in mentions if m.span[1] > m.span[0]]
        if not anchored:
            anchored = [_locate(m, articles) for m in mentions]
            anchored = [m for m in anchored if m.span[1] > m.span[0]]
        if not anchored:
            continue
        spellings = Counter(m.text for m in anchored)
        canonical = max(spellings, key=lambda s: (spellings[s], -len(s)))
        digest = hashlib.sha256(f"{kind}|{key}".encode()).hexdigest()[:10]
        entities.append(
            Entity(id=f"{kind.lower()}-{digest}", canonical=canonical, type=kind, mentions=anchored)
        )
    return entities


def _locate(mention: Mention, articles: dict[str, Article]) -> Mention:
    """Give a source-derived mention the span of its text in the article."""
    text = articles[mention.article_id].text
    at = text.find(mention.text, mention.span[0])
    if at < 0:
        return mention
    return Mention(mention.article_id, (at, at + len(mention.text)), mention.text)
