"""Attributions: who is cited, through which cue, saying what.

First implementation, pattern-based over the text layer's tokens:
- verb cues in verb-first order, ``ذكرت صحيفة الغارديان أن ...`` (source after the cue);
- verb cues after their subject, ``مسؤولون في تركيا قالوا إن ...`` (source before the cue);
- prepositional cues, ``بحسب الصحيفة`` / ``وفقا للمسؤولين`` (content is the rest of the clause);
- chained cues, ``نقلت الصحيفة عن مسؤولين أتراك`` (source: the officials, via: the paper);
- anaphora, ``وتقول الصحيفة`` resolved to the last outlet the article named.
"""

from __future__ import annotations

from collections.abc import Sequence

from isnad.arabic import Token, lexicon, normalize, tokenize
from isnad.model import Article, Attribution, SourceKind, Span

MAX_SOURCE_TOKENS = 7
_QUOTES_OPEN = {'"', "“", "«", "„"}
_QUOTES_CLOSE = {'"', "”", "»"}
_RELAY_VERBS = {normalize(w) for w in ("نقل", "نقلت", "ينقل", "تنقل", "نقلوا")}
_ANAPHORA = {normalize(w) for w in ("الصحيفة", "الجريدة", "الوكالة", "الموقع", "المجلة", "التقرير", "القناة")}


def find_attributions(article: Article, sentences: Sequence[list[Token]] | None = None) -> list[Attribution]:
    """Every attribution in the article's sentences, in text order (``sentences``: their tokens,
    when the caller has them already)."""
    found: list[Attribution] = []
    last_outlet: str | None = article.outlet
    if sentences is None:
        sentences = [tokenize(article.text, start, end) for start, end in article.sentences]
    for tokens in sentences:
        i = 0
        while i < len(tokens):
            attribution, i_next = _attribution_at(article, tokens, i, last_outlet)
            if attribution is not None:
                found.append(attribution)
                if attribution.kind == "outlet":
                    last_outlet = attribution.source_canonical
                elif attribution.via:
                    last_outlet = attribution.via
                i = max(i_next, i + 1)
            else:
                i += 1
    return found


def _base(token: Token) -> str:
    """The normalised word without a leading و or ف conjunction."""
    word = token.norm
    if len(word) > 3 and word[0] in "وف":
        stripped = word[1:]
        if stripped in lexicon.REPORTING_VERBS or stripped in lexicon.REPORTING_PREPOSITIONS:
            return stripped
    return word


def _attribution_at(
    article: Article, tokens: list[Token], i: int, last_outlet: str | None
) -> tuple[Attribution | None, int]:
    cue = tokens[i]
    base = _base(cue)
    if base in lexicon.REPORTING_VERBS:
        return _verb_attribution(article, tokens, i, last_outlet)
    if base in lexicon.REPORTING_PREPOSITIONS:
        return _prepositional_attribution(article, tokens, i, last_outlet)
    return None, i


def _source_after(tokens: list[Token], j: int) -> tuple[list[Token], int]:
    """The noun phrase from token j up to a content opener, punctuation or another cue."""
    phrase: list[Token] = []
    while j < len(tokens) and len(phrase) < MAX_SOURCE_TOKENS:
        token = tokens[j]
        if token.text in _QUOTES_OPEN or token.text in _QUOTES_CLOSE:
            j += 1  # outlet names are often quoted: صحيفة "ديلي تلغراف"
            continue
        if token.norm == "عن" and phrase and phrase[-1].norm in lexicon.ISSUED_BY:
            phrase.append(token)
            j += 1
            continue
        if token.kind == "punct" or token.norm in lexicon.CONTENT_OPENERS:
            break
        if _base(token) in lexicon.REPORTING_VERBS or token.norm in lexicon.NEGATIONS:
            break
        phrase.append(token)
        j += 1
    return phrase, j


def _source_before(tokens: list[Token], i: int) -> list[Token]:
    """The subject noun phrase before a cue, back to the sentence start or punctuation."""
    phrase: list[Token] = []
    j = i - 1
    while j >= 0 and len(phrase) < MAX_SOURCE_TOKENS - 2:
        token = tokens[j]
        if token.kind == "punct" or token.norm in lexicon.CONTENT_OPENERS:
            break
        phrase.insert(0, token)
        j -= 1
    return phrase


def _content_after(tokens: list[Token], j: int) -> tuple[Span | None, bool, int]:
    """The reported content from token j: a quotation when one opens there, else the clause."""
    while j < len(tokens) and (
        tokens[j].norm in lexicon.CONTENT_OPENERS or tokens[j].text in {":", "،", ","}
    ):
        j += 1
    if j >= len(tokens):
        return None, False, j
    # A quotation may follow a short apposition: قال فلان، مستشار الأمن: "..."
    for k in range(j, min(j + 8, len(tokens) - 1)):
        if tokens[k].text in _QUOTES_OPEN and (k == j or tokens[k - 1].text == ":"):
            j = k
            break
    if tokens[j].text in _QUOTES_OPEN:
        for k in range(j + 1, len(tokens)):
            if tokens[k].text in _QUOTES_CLOSE:
                if k > j + 1:
                    return (tokens[j + 1].start, tokens[k - 1].end), True, k + 1
                break
    last = len(tokens) - 1
    while last > j and tokens[last].kind == "punct":
        last -= 1
    if tokens[last].kind == "punct":
        return None, False, j
    return (tokens[j].start, tokens[last].end), False, last + 1


def _verb_attribution(
    article: Article, tokens: list[Token], i: int, last_outlet: str | None
) -> tuple[Attribution | None, int]:
    cue = tokens[i]
    j = i + 1
    via: str | None = None
    source_tokens, j = _source_after(tokens, j)
    # "نقلت الصحيفة عن مسؤولين": the officials speak, through the paper.
    if j < len(tokens) and tokens[j].norm == "عن" and source_tokens and _base(cue) in _RELAY_VERBS:
        via_tokens = source_tokens
        source_tokens, j = _source_after(tokens, j + 1)
        if source_tokens:
            via = _canonical(_phrase(article, via_tokens), last_outlet)
    if not source_tokens:
        source_tokens = _source_before(tokens, i)
    if not source_tokens:
        return None, i
    content, direct, next_i = _content_after(tokens, j)
    if content is None:
        return None, i
    return _make(article, cue, source_tokens, content, direct, via, last_outlet), next_i


def _prepositional_attribution(
    article: Article, tokens: list[Token], i: int, last_outlet: str | None
) -> tuple[Attribution | None, int]:
    cue = tokens[i]
    j = i + 1
    while j < len(tokens) and tokens[j].norm in {"ما", "ل", "لـ", "عن"}:
        j += 1  # بحسب ما، وفقا لـ، نقلا عن
    if j < len(tokens) and _base(tokens[j]) in lexicon.REPORTING_VERBS:
        return None, i  # "حسبما نقلت ..." is handled at the verb
    source_tokens, j = _source_after(tokens, j)
    if not source_tokens:
        return None, i
    before = [t for t in tokens[:i] if t.kind != "punct"]
    if len(before) >= 3:  # "... قالوا ذلك، بحسب الصحيفة": the content precedes the cue
        content: Span | None = (before[0].start, before[-1].end)
        next_i = j
    else:
        content, _, next_i = _content_after(tokens, j)
    if content is None:
        return None, i
    return _make(article, cue, source_tokens, content, False, None, last_outlet), next_i


def _phrase(article: Article, tokens: list[Token]) -> str:
    return article.text[tokens[0].start : tokens[-1].end]


def _make(
    article: Article,
    cue: Token,
    source_tokens: list[Token],
    content: Span,
    direct: bool,
    via: str | None,
    last_outlet: str | None,
) -> Attribution:
    source = _phrase(article, source_tokens).strip('"“”«» ')
    kind = source_kind(source)
    start = min(cue.start, source_tokens[0].start, content[0])
    end = max(cue.end, source_tokens[-1].end, content[1])
    return Attribution(
        article_id=article.id,
        source=source,
        source_canonical=_canonical(source, last_outlet),
        kind=kind,
        cue=cue.text,
        quote=article.text[content[0] : content[1]],
        span=(start, end),
        quote_span=content,
        direct=direct,
        via=via,
        cue_span=(cue.start, cue.end),
    )


def _canonical(source: str, last_outlet: str | None) -> str:
    outlet = lexicon.canonical_outlet(source)
    if outlet:
        return outlet
    words = normalize(source).split()
    if words and words[0] in _ANAPHORA and len(words) <= 2 and last_outlet:
        return last_outlet
    return " ".join(words)


def source_kind(source: str) -> SourceKind:
    """What kind of source a cited phrase names, judged by its words."""
    words = normalize(source).split()
    word_set = set(words) | {w[1:] for w in words if len(w) > 3 and w[0] in "ولبف"}
    if lexicon.canonical_outlet(source) or word_set & lexicon.OUTLET_NOUNS:
        return "outlet"
    if word_set & lexicon.DOCUMENT_NOUNS:
        return "document"
    if words and words[0] in lexicon.ANONYMOUS_NOUNS:
        return "anonymous"
    if word_set & lexicon.OFFICIAL_NOUNS:
        return "official"
    if word_set & lexicon.PERSON_TITLES or 1 <= len(words) <= 4:
        return "person"
    return "other"
