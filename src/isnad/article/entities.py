"""Named entities with their spelling variants merged across outlets.

Mentions come from two readers of each sentence:
- the lexicon, exact and precise: news outlets, organisations known by name (داعش، التحالف
  الدولي), ministries (الخارجية البريطانية), places (CLDR country names, cities, also after a
  place head such as مدينة), and people after a title (المنسق الوطني الفرنسي ديديه بريت);
- the CRF tagger (`isnad.article.ner`), for every name no list holds; it speaks only where the
  lexicon is silent.
Spans leave out the conjunctions and prepositions glued before a name (وسوريا -> سوريا).
Mentions are linked by their match key (`entity_key`: clitics, ال and the spelling variants
of foreign names folded away) after known aliases are mapped (تنظيم الدولة -> داعش); a lone
given or family name joins the one full name it belongs to (اريستيدو -> ستيفن أريستيدو). Each
entity takes the majority type of its mentions and a canonical name: the lexicon's where it has
one, else the most frequent spelling, fuller names first.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import accumulate

from isnad.arabic import (
    COMMON_WORD_NAMES,
    Token,
    entity_key,
    is_definite,
    is_indefinite_accusative,
    is_never_entity,
    is_stopword,
    lexicon,
    normalize,
    particle_forms,
    particle_length,
    strip_particles,
    tokenize,
)
from isnad.arabic.stopwords import is_glued_function_word
from isnad.article.cue_phrases import cue_kind, glued_outlet, is_addressee
from isnad.article.ner import default_tagger, entity_spans, entity_type
from isnad.model import Article, Entity, EntityType, Mention

MAX_NAME_TOKENS = 3
MAX_PHRASE_TOKENS = 4
Found = tuple[EntityType, Mention]


def find_entities(
    articles: Iterable[Article], tokens: Mapping[str, Sequence[list[Token]]] | None = None
) -> list[Entity]:
    """Entities of all articles, linked across articles (for tools and tests; the pipeline runs
    the two halves, `article_mentions` and `link_mentions`, in the per-article pass and after it).

    ``tokens`` maps an article id to the tokens of its sentences, when the caller has them.
    """
    found: list[Found] = []
    for article in articles:
        sentences = (tokens or {}).get(article.id)
        if sentences is None:
            sentences = [tokenize(article.text, start, end) for start, end in article.sentences]
        found += article_mentions(article, sentences)
    return link_mentions(found)


def article_mentions(article: Article, sentences: Sequence[list[Token]]) -> list[Found]:
    """The entity mentions of one article (the per-article half of `find_entities`)."""
    from_lexicon = [m for sentence in sentences for m in _lexicon_mentions(article, sentence)]
    return from_lexicon + _not_overlapping(tagged_mentions(article, sentences), from_lexicon)


def link_mentions(found: list[Found]) -> list[Entity]:
    """Entities from the mentions of every article (the corpus half of `find_entities`); words
    that are never entities on their own (العالم, الله, ريال) are left out."""
    return _link([(kind, m) for kind, m in found if not is_never_entity(m.text)])


def tagged_mentions(article: Article, sentences: Sequence[list[Token]]) -> list[Found]:
    """Entity mentions the CRF tagger finds."""
    tagger = default_tagger()
    out: list[Found] = []
    for tokens in sentences:
        for tag_type, first, end in entity_spans(tagger.tag([t.text for t in tokens])):
            if end - first == 1 and _common_word_alone(tokens, first):
                continue
            kind = entity_type(tag_type)
            # "نادي ريفربلايت", "شركة أديداس": the body's name, no person (a body named after a
            # person keeps the person: "جامعة الملك سعود")
            named_body = first and tokens[first - 1].norm in lexicon.INSTITUTION_HEADS
            if kind == "PER" and named_body and tokens[first].norm not in lexicon.ROYAL_TITLES:
                kind = "ORG"
            if kind == "PER":
                if _heads_a_body(tokens[first]):
                    continue  # "بأمانة المنطقة الشرقية", "بوزارة الداخلية": a body, no person
                first, end = _person_bounds(tokens, first, end)
            mention = _mention(article, tokens, first, end)
            if mention is not None:
                out.append((kind, mention))
    return out


def _person_bounds(tokens: list[Token], first: int, end: int) -> tuple[int, int]:
    """A tagged person's name without what the tagger ran it into: the title before it
    ("دكتور عاطي"), the job, day or adverb after it ("طارق العيسى المدير", "جون كيري الجمعة"), an
    outlet spoken to ("سيف لفرانس برس"); and with the name its last word leads to ("عاطي بن" +
    "عطية")."""
    while end - first > 1 and strip_particles(tokens[first].norm) in lexicon.TITLES_BEFORE_NAMES:
        first += 1
    # "عبدالسلام عاطف جابر" tagged from عاطف: a name of the servant of (عبدالسلام، عبدالله) before
    # a tagged name is its first name.
    if first and _servant_name(tokens[first - 1]):
        first -= 1
    while end - first > 1 and _no_name_at(tokens, end - 1):
        end -= 1
    end = next((k for k in range(first + 1, end) if _spoken_to(tokens, k)), end)
    return first, _past_links(tokens, end)


def _servant_name(token: Token) -> bool:
    return (
        token.kind == "word"
        and token.norm.startswith(lexicon.SERVANT)
        and len(token.norm) > len(lexicon.SERVANT) + 2
    )


def _heads_a_body(token: Token) -> bool:
    """Whether a word is the head noun of a body, a state or a place, alone or after a glued
    preposition (بوزارة، لهيئة)."""
    return any(form in lexicon.HEADED_BODIES for form in particle_forms(token.norm))


def _past_links(tokens: list[Token], end: int) -> int:
    """The end of a name cut after بن, آل or عبد, which no name ends on: the word they lead to
    is taken in ("عبدالله الثاني بن" + "الحسين")."""
    limit = min(len(tokens), end + 2)  # "بن" + a name, or "آل" + a family: two words at most
    while end < limit and tokens[end - 1].norm in lexicon.NEVER_LAST_LINKS:
        following = tokens[end]
        if (
            following.kind != "word"
            or (tokens[end - 1].norm == lexicon.SERVANT and not is_definite(following.norm))  # عبد الله
            or is_stopword(following.text)
            or strip_particles(following.norm) != following.norm
            or _never_ends_person(following)
        ):
            break
        end += 1
    return end


def _spoken_to(tokens: list[Token], k: int) -> bool:
    """Whether an outlet spoken to starts at token k, glued to ل: "سيف لفرانس برس", "للجارديان"
    (an outlet's name is read over two words here: the name runs on after it)."""
    return is_addressee(tokens[k]) or glued_outlet(tokens, k, k + 2)


def _lam_body(norm: str) -> bool:
    """ل glued to a body's head noun (normalised): لهيئة، لمركز، لوزارة."""
    return norm[:1] == "ل" and norm[1:] in lexicon.BODY_NOUNS


def _never_ends_person(token: Token) -> bool:
    return strip_particles(token.norm) in lexicon.NEVER_ENDS_A_PERSON


def _no_name_at(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is no part of a person's name, by itself (a job, a time word) or by what
    follows (الأمين of "الأمين العام" is the job, not the name Al-Amin), or by its accusative
    nunation, which no name carries ("تلقى الرئيس اتصالاً هاتفيًا")."""
    token = tokens[k]
    secretary = (
        token.norm == lexicon.TRUSTEE and k + 1 < len(tokens) and tokens[k + 1].norm == lexicon.GENERAL
    )
    return _never_ends_person(token) or secretary or is_indefinite_accusative(token.text)


def _common_word_alone(tokens: list[Token], i: int) -> bool:
    """A lone common word the tagger took for a name (إنزال بري), with no title before it."""
    if strip_particles(tokens[i].norm) not in COMMON_WORD_NAMES:
        return False
    return i == 0 or strip_particles(tokens[i - 1].norm) not in lexicon.PERSON_TITLES


def _original_length(text: str, letters: int) -> int:
    """How many characters of ``text`` hold its first ``letters`` letters (marks and tatweel skipped)."""
    seen = 0
    for at, char in enumerate(text):
        if seen == letters:
            return at
        if char.isalpha():
            seen += 1
    return len(text)


def _mention(
    article: Article, tokens: list[Token], i: int, end: int, cut: int | None = None
) -> Mention | None:
    """The mention of tokens[i:end], without the particles glued before its first word
    (``cut`` letters of them when the caller knows, else what `particle_length` says)."""
    head = tokens[i]
    if cut is None and _lam_body(head.norm):
        cut = 1  # "لهيئة الهلال الأحمر": ل + a body's head noun, which no name starts with
    start = head.start + _original_length(head.text, particle_length(head.norm) if cut is None else cut)
    span = (start, tokens[end - 1].end)
    if span[1] <= span[0]:
        return None
    return Mention(article.id, span, article.text[span[0] : span[1]])


def _not_overlapping(candidates: list[Found], kept: list[Found]) -> list[Found]:
    """The candidates that overlap none of the kept mentions: the lexicon wins where both speak.

    A candidate (a, b) overlaps a kept span (s, e) when s < b and a < e: with the kept spans in
    order of start and the running maximum of their ends, one bisection per candidate answers,
    so a long article costs n log n, not candidates times kept mentions.
    """
    taken = sorted(m.span for _, m in kept)
    starts = [s for s, _ in taken]
    furthest = list(accumulate((e for _, e in taken), max))
    out = []
    for kind, m in candidates:
        before = bisect_left(starts, m.span[1])  # kept spans starting before the candidate ends
        if before == 0 or furthest[before - 1] <= m.span[0]:
            out.append((kind, m))
    return out


def _known(norms: Sequence[str], clear: int, after_outlet_noun: bool) -> tuple[EntityType, int, int] | None:
    """(type, length, letters of glued particles) of a known outlet, organisation or place
    spelled by the first words of ``norms`` (لداعش, بفرنسا: the lexicon decides whether ل or ب
    is a particle). ``clear``: how many words there are before a punctuation mark (no name
    spans one); ``after_outlet_noun``: whether an outlet noun comes right before."""
    for length in range(clear, 0, -1):
        words = tuple(norms[:length])
        if length > 1 and not lexicon.may_end_name(words[1:]):
            continue
        known = _known_phrase(words)
        if known is None:
            continue
        kind, cut, ambiguous = known
        # An outlet name that is also an ordinary word (العربية) needs an outlet noun before it.
        if ambiguous and not after_outlet_noun:
            continue
        return kind, length, cut
    return None


@lru_cache(maxsize=1 << 18)
def _known_phrase(words: tuple[str, ...]) -> tuple[EntityType, int, bool] | None:
    """(type, letters of glued particles, whether it is an ambiguous outlet name) of the known
    outlet, organisation or place these normalised words spell. Cached: the same words are
    asked about in article after article."""
    if lexicon.outlet_spelled(words):
        ambiguous = len(words) == 1 and strip_particles(words[0]) in lexicon.AMBIGUOUS_OUTLETS
        return "ORG", particle_length(words[0]), ambiguous
    rest = " ".join(words[1:])
    for first in dict.fromkeys([strip_particles(words[0]), *particle_forms(words[0])]):
        key = f"{first} {rest}" if rest else first
        cut = len(words[0]) - len(first) if words[0].endswith(first) else 0
        if key in lexicon.KNOWN_ORGANISATIONS or key in lexicon.ENTITY_ALIASES:
            return ("LOC" if key in lexicon.place_names() else "ORG"), cut, False
        if key in lexicon.place_names():
            return "LOC", cut, False
    return None


def _lexicon_mentions(article: Article, tokens: list[Token]) -> list[Found]:
    out: list[Found] = []
    norms = [t.norm for t in tokens]
    # clear[i]: the words from i on before the next punctuation mark (at most a phrase's length)
    clear = [0] * len(tokens)
    run = 0
    for k in range(len(tokens) - 1, -1, -1):
        run = 0 if tokens[k].kind == "punct" else min(run + 1, MAX_PHRASE_TOKENS)
        clear[k] = run
    i = 0
    while i < len(tokens):
        word = strip_particles(norms[i])
        kind: EntityType | None = None
        end = i + 1
        known = _known(norms[i : i + clear[i]], clear[i], i > 0 and norms[i - 1] in lexicon.OUTLET_NOUNS)
        cut: int | None = None
        if known:
            kind, end, cut = known[0], i + known[1], known[2]
        elif word in lexicon.MINISTRY_WORDS and i + 1 < len(tokens) and _is_adjective(tokens[i + 1]):
            kind, end = "ORG", i + 2  # الخارجية البريطانية
        elif word in lexicon.PERSON_TITLES:
            j = i + 1
            while j < len(tokens) and (
                is_definite(tokens[j].norm) or tokens[j].norm in lexicon.TITLES_BEFORE_NAMES
            ):
                j += 1  # descriptors and more titles: الوطني الفرنسي، دكتور
            name_end = _name_after(tokens, j)
            if name_end:
                kind, i, end = "PER", j, name_end
        if kind:
            mention = _mention(article, tokens, i, end, cut)
            if mention is not None:
                out.append((kind, mention))
            i = end
        else:
            i += 1
    return out


def _is_adjective(token: Token) -> bool:
    """A definite word with nothing glued before its article and no title: البريطانية, not
    للتنظيم, nor the title of the person named next (وزارة الخارجية السفير ...)."""
    norm = token.norm
    return is_definite(norm) and strip_particles(norm) == norm and norm not in lexicon.PERSON_TITLES


def _name_after(tokens: list[Token], j: int) -> int:
    """End index of a name of up to three words starting at j, or 0 when none starts there.

    A name word is an Arabic or Latin word that is neither a function word, nor definite, nor a
    cue, nor a known place; a name of one word must be followed by a clause edge, since a lone
    indefinite word after a title is more often a description (الرئيس السوري بشار الأسد has two).
    """
    k = j
    while k < len(tokens) and k - j < MAX_NAME_TOKENS:
        token = tokens[k]
        if token.kind not in ("word", "latin") or is_stopword(token.text):
            break
        if is_definite(token.norm) and k == j:
            break
        if k == j and _heads_a_body(token):
            break  # "قائد شرطة المنطقة", "المتحدث الرسمي لمركز ...", "وزير الداخلية بدولة الكويت"
        if (
            cue_kind(token) is not None
            or token.norm in lexicon.CONTENT_OPENERS
            or token.norm in lexicon.NOT_NAMES
            or _no_name_at(tokens, k)  # "المهندس طارق العيسى المدير التنفيذي", "جون كيري أمس"
            or _spoken_to(tokens, k)  # "قائد الشرطة المحلية سيف لفرانس برس"
        ):
            break
        if strip_particles(token.norm) != token.norm or is_glued_function_word(token.norm):
            break  # a glued preposition or conjunction starts a new phrase: بري لقوات، الداخلية بكل
        k += 1
    # "عبداللطيف بن محمد البنيان": after a name and its father's, the family name. A longer
    # chain (سلمان بن عبدالعزيز آل سعود) keeps its first three words, as other articles name it.
    if k - j == MAX_NAME_TOKENS and tokens[j + 1].norm in lexicon.NAME_LINKS and k < len(tokens):
        k += _family_name(tokens[k])
    return _past_links(tokens, k) if k > j else 0


def _family_name(token: Token) -> bool:
    """A definite word with nothing glued before it that is no function word, cue or job."""
    plain = token.kind == "word" and is_definite(token.norm) and strip_particles(token.norm) == token.norm
    return plain and not (is_stopword(token.text) or cue_kind(token) is not None or _never_ends_person(token))


def _link_key(text: str) -> str:
    """The match key of a mention, through the alias table."""
    words = normalize(text).replace('"', " ").split()
    if words:
        words[0] = strip_particles(words[0])
    phrase = " ".join(words)
    return entity_key(lexicon.ENTITY_ALIASES.get(phrase, phrase))


def _link(found: list[Found]) -> list[Entity]:
    groups: dict[str, list[Found]] = defaultdict(list)
    for kind, mention in found:
        groups[_link_key(mention.text)].append((kind, mention))
    _join_partial_names(groups)
    entities: list[Entity] = []
    for key, members in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        kind = Counter(k for k, _ in members).most_common(1)[0][0]
        mentions = sorted((m for _, m in members), key=lambda m: (m.article_id, m.span))
        canonical = _canonical(mentions)
        digest = hashlib.sha256(f"{kind}|{key}".encode()).hexdigest()[:10]
        entities.append(
            Entity(id=f"{kind.lower()}-{digest}", canonical=canonical, type=kind, mentions=mentions)
        )
    return entities


def _join_partial_names(groups: dict[str, list[Found]]) -> None:
    """Move a one-word group (a person the tagger may have typed otherwise) into the only
    multi-word person group it is part of, as mentions of that person."""
    owners: dict[str, set[str]] = defaultdict(set)  # a word of a full name -> the full names
    for key, members in groups.items():
        if " " in key and any(k == "PER" for k, _ in members):
            for word in key.split():
                owners[word].add(key)
    for key in [k for k in groups if " " not in k and all(t in ("PER", "MISC") for t, _ in groups[k])]:
        if len(owners.get(key, ())) == 1:
            [owner] = owners[key]
            groups[owner] += [("PER", m) for _, m in groups.pop(key)]


def _canonical(mentions: list[Mention]) -> str:
    for mention in mentions:
        outlet = lexicon.outlet_spelled(normalize(mention.text).replace('"', " ").split())
        if outlet:
            return outlet
        alias = lexicon.ENTITY_ALIASES.get(" ".join(normalize(mention.text).split()))
        if alias:
            return alias
    spellings = Counter(m.text for m in mentions)
    return max(spellings, key=lambda s: (len(s.split()), spellings[s], -len(s)))
