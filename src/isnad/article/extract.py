"""Who said what: entities, attributions, figures and dates of each article."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from isnad.arabic import Token, entity_key, is_definite, lexicon, normalize, particle_forms, strip_particles
from isnad.arabic.speakers import bears_the_name, is_body_reference, names_a_speaker
from isnad.article.attributions import find_attributions
from isnad.article.coreference import may_refer, resolve_references
from isnad.article.dates import find_dates
from isnad.article.doc import Doc
from isnad.article.entities import Found, article_mentions, find_entities, link_mentions, tagged_mentions
from isnad.article.figures import find_figures
from isnad.article.source_names import describes_at, source_kind
from isnad.model import Article, Attribution, Date, Entity, Figure, Span

LONG_SOURCE_WORDS = 3  # a longer canonical source is a description, which may hold a name
SOURCE_REACH = 80  # characters between a cue and its source phrase (a comma, a date, a quote mark)


@dataclass
class Extraction:
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[Date] = field(default_factory=list)


@dataclass
class ArticleExtraction:
    """What the extractors find in one article; entities are linked across articles later."""

    attributions: list[Attribution]
    figures: list[Figure]
    dates: list[Date]
    mentions: list[Found]


def sentence_tokens(article: Article) -> list[list[Token]]:
    """The tokens of each sentence of the article (from its `Doc`, tokenised once)."""
    return Doc(article).sentence_tokens


def settle_outlet(doc: Doc) -> None:
    """An article without a known outlet that names itself as the translator of what it reports
    (``الذي ترجمته عربي21``) gets that outlet; done once, before any stage reads the outlet."""
    if doc.article.outlet is None:
        doc.article.outlet = translating_outlet(doc.sentence_tokens)


def extract_article(doc: Doc) -> ArticleExtraction:
    """Attributions, figures, dates and entity mentions of one article (its outlet settled)."""
    article, sentences = doc.article, doc.sentence_tokens
    settle_outlet(doc)
    mentions = article_mentions(article, sentences)
    spans = [m.span for _, m in mentions]
    return ArticleExtraction(
        attributions=[
            a for a in find_attributions(article, sentences) if _cites_someone(a, article.text, spans)
        ],
        figures=find_figures(article, sentences),
        dates=find_dates(article, sentences),
        mentions=mentions,
    )


def _cites_someone(attribution: Attribution, text: str, names: Sequence[Span]) -> bool:
    """Whether an attribution names whom it cites. A verb's subject does; what follows بحسب or
    وفقا may be a rule or a measure instead, unless it is a name the article tags or holds a
    word for someone who speaks (`speakers.names_a_speaker`)."""
    cue = normalize(attribution.cue).split()
    if attribution.kind not in ("person", "other") or not cue:
        return True
    if not any(form in lexicon.REPORTING_PREPOSITIONS for form in particle_forms(cue[0])):
        return True
    after_cue = attribution.cue_span[1] if attribution.cue_span else attribution.span[0]
    start = text.find(attribution.source, after_cue)
    if start < 0:
        return True
    end = start + len(attribution.source)
    return names_a_speaker(attribution.source) or any(s < end and start < e for s, e in names)


def combine(found: Iterable[ArticleExtraction], articles: Iterable[Article] = ()) -> Extraction:
    """The extraction of a corpus from its articles' extractions: entities linked across them.
    ``articles``, when given, let a long source phrase be read for the person it names."""
    result = Extraction()
    mentions: list[Found] = []
    for one in found:
        result.attributions += one.attributions
        result.figures += one.figures
        result.dates += one.dates
        mentions += one.mentions
    result.entities = link_mentions(mentions)
    result.attributions = link_sources(result.attributions, result.entities, articles)
    return result


def extract(articles: Iterable[Article | Doc]) -> Extraction:
    """Entities (linked across articles), attributions, figures and dates of the given articles."""
    docs = [a if isinstance(a, Doc) else Doc(a) for a in articles]
    return combine((extract_article(doc) for doc in docs), [doc.article for doc in docs])


def translating_outlet(sentences: Sequence[list[Token]]) -> str | None:
    """The known outlet named right after a verb of translating or seeing: ترجمته "عربي21"."""
    for tokens in sentences:
        for i, token in enumerate(tokens):
            if token.norm not in lexicon.TRANSLATED_BY:
                continue
            words = [t.norm for t in tokens[i + 1 : i + 4] if t.kind != "punct"]
            for length in (3, 2, 1):
                outlet = lexicon.outlet_spelled(words[:length])
                if outlet:
                    return outlet
    return None


def link_sources(
    attributions: list[Attribution], entities: list[Entity], articles: Iterable[Article] = ()
) -> list[Attribution]:
    """Attributions whose source names an entity get the entity's canonical name, so a source
    and its mentions agree (اريستيدو -> ستيفن أريستيدو): the person named inside a long source
    phrase (``الناطق الإعلامي لشرطة منطقة جازان المقدم محمد الحربي``) when the article's text
    is given, else the entity whose key the canonical source has. Then, within one article, a
    source named by part of an earlier name (``القحطاني``, ``البنك المركزي``) is that source."""
    by_key: dict[str, str] = {}
    people: dict[str, list[tuple[Span, str]]] = defaultdict(list)  # article id -> person mentions
    names: dict[str, list[tuple[Span, str, str]]] = defaultdict(list)  # article id -> PER/ORG mentions
    for entity in entities:
        if entity.type in ("PER", "ORG"):
            for mention in entity.mentions:
                by_key.setdefault(entity_key(mention.text), entity.canonical)
                names[mention.article_id].append((mention.span, entity.canonical, entity.type))
                if entity.type == "PER":
                    people[mention.article_id].append((mention.span, entity.canonical))
    texts = {article.id: article.text for article in articles}
    named: dict[tuple[str, str], str] = {}  # (article, canonical) -> the person it names
    for a in attributions:
        person = (
            _person_in_source(a, texts.get(a.article_id), people[a.article_id]) if _describes(a) else None
        )
        if person is not None:
            named.setdefault((a.article_id, a.source_canonical), person)
    linked = []
    for a in attributions:
        known = by_key.get(entity_key(a.source_canonical), a.source_canonical)
        if is_body_reference(known) and len(known.split()) == 1:
            known = a.source_canonical  # the tagger's "شركة" for "الشركة": a noun, no name
        fuller = len(known.split()) >= len(a.source_canonical.split())
        # A continuing cue (وأضاف, مضيفا) repeats the description: it names the same person.
        person = named.get((a.article_id, a.source_canonical))
        linked.append(replace(a, source_canonical=person or (known if fuller else a.source_canonical)))
    return _vias_renamed(attributions, merge_partial_sources(_resolve_references(linked, texts, names)))


def _vias_renamed(before: list[Attribution], after: list[Attribution]) -> list[Attribution]:
    """A via that names a source of its own article takes the name that source ended with, or the
    one fuller name of the article's sources it shortens: "وقال دي ميستورا نقلا عن مصادر محلية"
    has the local sources via ستيفان دي ميستورا, as he is named before (one node per source)."""
    final = {(a.article_id, a.cue_span, a.span): a.source_canonical for a in after}
    renamed: dict[tuple[str, str], str] = {}
    for a in before:
        name = final.get((a.article_id, a.cue_span, a.span))
        if name is not None and name != a.source_canonical:
            renamed[(a.article_id, a.source_canonical)] = name
    names: dict[str, set[str]] = defaultdict(set)
    for a in after:
        names[a.article_id].add(a.source_canonical)

    def named(article_id: str, via: str) -> str:
        if (article_id, via) in renamed:
            return renamed[(article_id, via)]
        fuller = [name for name in names[article_id] if _shortens(via, name)]
        return fuller[0] if len(fuller) == 1 else via

    return [replace(a, via=named(a.article_id, a.via)) if a.via else a for a in after]


def _resolve_references(
    attributions: list[Attribution], texts: dict[str, str], names: dict[str, list[tuple[Span, str, str]]]
) -> list[Attribution]:
    """Each article's referring sources (``سموه``, ``المصدر``, ``الوزير المصري``) resolved to
    the person or body named before (`isnad.article.coreference`), when its text is given."""
    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for a in attributions:
        by_article[a.article_id].append(a)
    out: list[Attribution] = []
    for article_id, group in by_article.items():
        text = texts.get(article_id)
        out += group if text is None else resolve_references(group, text, names[article_id])
    return out


def reads_text(attribution: Attribution) -> bool:
    """Whether `link_sources` reads the article's text for this attribution: a long description
    that may hold a name, or a source that may refer back (``سموه``, ``المتحدث``, a job given
    without the name) to a name written earlier. `isnad add` reads a stored article's text only
    when this holds for one of its sources, so it must hold wherever `resolve_references` would
    read the text, or the store's sources differ from a batch run's."""
    return _describes(attribution) or may_refer(attribution.source_canonical)


def _describes(attribution: Attribution) -> bool:
    """Whether a canonical source is a description that may hold a name (``مخرج العمل رؤوف
    عبدالعزيز``): a long phrase that opens with a title or has a descriptor before its last word."""
    words = lexicon.undot_titles(normalize(attribution.source_canonical)).split()
    titled = bool(words) and (words[0] in lexicon.PERSON_TITLES or words[0] in lexicon.DESCRIPTION_HEADS)
    described = any(describes_at(words, m) for m in range(len(words) - 1))
    return len(words) > LONG_SOURCE_WORDS and (titled or described)


def _person_in_source(
    attribution: Attribution, text: str | None, people: list[tuple[Span, str]]
) -> str | None:
    """The canonical name of the last person mentioned inside the attribution's source phrase
    (found as written next to its cue), or None."""
    if text is None or attribution.cue_span is None or not attribution.source:
        return None
    if strip_particles(normalize(attribution.source).split()[0]) in lexicon.GROUP_HEADS:
        return None  # "عائلة ... الملا محمد عمر": the family speaks, not the man it names
    first, *rest = normalize(attribution.source).split()
    if first in lexicon.INSTITUTION_HEADS:
        return None  # "المؤسسة العامة لجسر الملك فهد": the body speaks
    if rest and rest[0] == lexicon.IN and not is_definite(first):
        return None  # "عضو في حزب الرئيس اليمني السابق علي عبد الله صالح": an unnamed member
    cue_start, cue_end = attribution.cue_span
    reach = len(attribution.source) + SOURCE_REACH
    after = text.find(attribution.source, cue_end, cue_end + reach)
    start = after if after >= 0 else text.rfind(attribution.source, max(0, cue_start - reach), cue_start)
    if start < 0:
        return None
    end = start + len(attribution.source)
    inside = [(span, name) for span, name in people if start <= span[0] and span[1] <= end]
    # not the king a centre is named after: "المتحدث الرسمي لمركز الملك سلمان للإغاثة"
    inside = [
        (span, name)
        for span, name in inside
        if not bears_the_name(text[max(0, span[0] - 40) : span[0]].split())
    ]
    if not inside:
        return None
    span, name = max(inside)
    return _with_leading_waw(text, span) or name


def _with_leading_waw(text: str, span: Span) -> str | None:
    """The name as written with its first letter و when the tagger took that و for a
    conjunction: after a description's definite word no second person is joined, so "مدرب
    جامايكا الألماني وينفريد شايفر" names وينفريد شايفر (not ينفريد)."""
    start = span[0]
    if start < 2 or text[start - 1] != "و" or not text[start - 2].isspace():
        return None
    before = text[max(0, start - 40) : start - 1].split()
    if not before or not is_definite(normalize(before[-1])):
        return None
    return text[start - 1 : span[1]]


def _shortens(short: str, full: str) -> bool:
    """Whether ``short`` is a shortened ``full``: its first words (البنك المركزي for البنك
    المركزي المصري), or the last words of a name (القحطاني for جديع القحطاني; not البريطاني
    for متحدثة باسم الخارجية البريطانية, a description)."""
    a, b = entity_key(short).split(), entity_key(full).split()
    if not a or len(a) >= len(b):
        return False
    if b[: len(a)] == a or (len(a) == 1 and b[1] == a[0]):
        return True  # البنك المركزي, and المركزي for البنك المركزي المصري
    # Not a description's last word; a compound first name's definite half is no description
    # (كجك for عز الدين كجك).
    return b[-len(a) :] == a and not any(
        is_definite(w) and w not in lexicon.COMPOUND_NAME_ENDS for w in normalize(full).split()[:-1]
    )


def merge_partial_sources(attributions: list[Attribution]) -> list[Attribution]:
    """Within each article, a canonical source that shortens exactly one other source of the
    same article takes that source's name and via (one node per source)."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for a in attributions:
        by_article[a.article_id].add(a.source_canonical)
    renamed: dict[tuple[str, str], str] = {}
    for article_id, names in by_article.items():
        for name in names:
            fuller = [other for other in names if other != name and _shortens(name, other)]
            fuller = [f for f in fuller if not any(_shortens(f, g) for g in fuller)]  # the fullest
            if len(fuller) == 1:
                renamed[(article_id, name)] = fuller[0]
    vias: dict[tuple[str, str], str] = {}
    for a in attributions:
        if a.via and (a.article_id, a.source_canonical) not in renamed:
            vias.setdefault((a.article_id, a.source_canonical), a.via)
    out = []
    for a in attributions:
        full = renamed.get((a.article_id, a.source_canonical))
        if full is not None:
            a = replace(a, source_canonical=full, via=a.via or vias.get((a.article_id, full)))
        out.append(a)
    return out


__all__ = [
    "ArticleExtraction",
    "Extraction",
    "combine",
    "extract",
    "extract_article",
    "find_attributions",
    "find_dates",
    "find_entities",
    "find_figures",
    "link_sources",
    "reads_text",
    "sentence_tokens",
    "settle_outlet",
    "source_kind",
    "tagged_mentions",
    "translating_outlet",
]
