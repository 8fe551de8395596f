"""The parties of a story, found in its own articles: labels, and the actors they stand for.

- labels: noun phrases that name a party: a group head with its names and adjectives (قوات
  التحالف العربي، ميليشيات الحوثي الانقلابية), a definite party noun or group head alone
  (التحالف، المقاومة الشعبية، التنظيم), the members' plural (الحوثيين، الانقلابيين), a person's
  epithet and name (المخلوع علي عبدالله صالح) or an organisation the entity layer found (داعش).
  A label ends at the first preposition, relative, coordinated word, punctuation or word that
  ties it to another party (المسنودة بـ ...). One label is one key of
  `isnad.arabic.actors.label_key`: one across spelling, clitics and word order.
- actors: each label is named by its first word that says which party it is (not a kind head
  such as قوات, an epithet, or a country's adjective such as السوري): الحوثي of ميليشيات الحوثي
  and الحوثيين alike; المقاومة of المقاومة الشعبية; an alias of the entity layer (تنظيم الدولة is
  داعش); a person's last name. Names are then joined where the articles use them for one party:
  labels in the same slot of copies of one text ("غارات أمريكية على الحكومة السورية ستضر" /
  "على نظام الأسد ستضر"). A label with no name (الانقلابيين، الميليشيات، القوات الموالية) joins
  the actor the story applies its words to (ميليشيات الحوثي الانقلابية; a label right beside
  a named one; the party a force is loyal to: القوات الموالية للرئيس السوري بشار الأسد), else
  a class of counted people (مسلحون، عناصر: the armed men), else it stands alone.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from isnad.arabic import actors as words
from isnad.arabic import normalize, particle_forms, strip_particles
from isnad.arabic.lexicon import ENTITY_ALIASES, PERSON_TITLES, canonical_outlet
from isnad.arabic.subjects import GENERIC_PEOPLE, SUBJECT_CLASSES
from isnad.arabic.tokens import Token
from isnad.article.doc import ArticleText, Corpus
from isnad.model import Entity, Span

_PUNCTUATION_GAP = set("،,.:;؛!?؟()[]«»\"'“”-–—/\n")
CONTEXT_WORDS = 5  # words kept either side of a label: its slot, and whom a loyal force serves


@dataclass(frozen=True)
class LabelMention:
    """One label in one article: its words as written, span and sentence."""

    article_id: str
    words: tuple[str, ...]
    span: Span
    sentence: int
    before: tuple[str, ...] = ()  # the words before and after it in its sentence, matching forms
    after: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, ...]:
        return words.label_key(list(self.words))


class EntitySpans:
    """Start -> end of the organisations and persons the entity layer found, by article and type,
    indexed once for a corpus (scanning every entity for each article would be quadratic)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._spans: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
        for e in entities:
            if e.type in ("ORG", "PER") and not canonical_outlet(e.canonical):  # the media are not parties
                for m in e.mentions:
                    self._spans[(m.article_id, e.type)][m.span[0]] = m.span[1]

    def of(self, article_id: str, kind: str) -> dict[int, int]:
        return self._spans.get((article_id, kind), {})


def _joined(text: str, a: int, b: int) -> bool:
    """Whether nothing but spaces stands between two tokens."""
    return not any(c in _PUNCTUATION_GAP for c in text[a:b])


def _starts_label(tokens: Sequence[Token], i: int, organisations: dict[int, int]) -> bool:
    token = tokens[i]
    if i > 0 and (words.is_relation(tokens[i - 1].text) or words.is_loyal(tokens[i - 1].text)):
        return False  # "الموالي للشرعية" ties a party to another; it names neither
    if token.start in organisations:
        return True
    if words.is_member_noun(token.text):
        # Ordinary people (المدنيين، المواطنين) and a country's people (السوريين) are who a story
        # happens to, not a party.
        return _class_of((token.text,)) != GENERIC_PEOPLE and not words.is_place_nisba(token.text)
    norm = normalize(token.text)
    if not norm.startswith(("ال", "وال")) and norm.endswith(("ها", "هم", "هما", "هن")):
        return False  # جيشها، قواتهم: a pronoun for a party named elsewhere, not a label
    if words.is_person_epithet(token.text):
        return True  # المخلوع علي عبدالله صالح
    return words.is_head(token.text) or words.is_collective(token.text)


def _continues(label: list[Token], nxt: Token, raw: str, nxt_in_name: bool) -> bool:
    """Whether the next token still belongs to the label (``nxt_in_name``: it is part of a
    person's name the entity layer found)."""
    last = label[-1]
    if nxt.kind != "word" or not _joined(raw, last.end, nxt.start) or words.stops_label(nxt.text):
        return False
    if words.is_relation(nxt.text):  # المقاومة الشعبية المسنودة بقوات الجيش
        return False
    if _in_person_name(label) and nxt_in_name:  # قوات الرئيس المخلوع علي عبدالله صالح
        return True
    if len(label) >= words.MAX_LABEL_WORDS:
        return False
    if words.is_place_nisba(last.text) and not words.is_epithet(nxt.text):
        return False  # a country's adjective closes a name: المقاتلين السوريين (الوليدة)
    definite = strip_particles(nxt.norm).startswith("ال") and not nxt.norm.startswith(("وال", "فال"))
    # After a head, a name may be indefinite (قوات صالح); anything else goes on with adjectives.
    head = words.is_head(label[0].text) and not words.bare(label[0].text).startswith("ال")
    glued = words.bare(nxt.text) != nxt.norm  # لميليشيات: a preposition opens another phrase
    return definite or (head and len(label) == 1 and len(nxt.norm) > 2 and not glued)


def _in_person_name(label: Sequence[Token]) -> bool:
    """Whether the label has reached a person's title or epithet (الرئيس، المخلوع): a name follows."""
    return any(t.norm in PERSON_TITLES or words.is_person_epithet(t.text) for t in label)


def _in_name(tokens: Sequence[Token], j: int, persons: dict[int, int]) -> bool:
    """Whether token j is inside a person's name, or the given name right before one (علي before
    the tagged عبدالله صالح)."""
    inside = any(start <= tokens[j].start and tokens[j].end <= end for start, end in persons.items())
    return inside or (j + 1 < len(tokens) and tokens[j + 1].start in persons)


def _label_end(
    tokens: Sequence[Token], i: int, raw: str, organisations: dict[int, int], persons: dict[int, int]
) -> int:
    """Where the label starting at token i ends (exclusive)."""
    end = i + 1
    if tokens[i].start in organisations:  # an organisation: its whole name, then epithets only
        while end < len(tokens) and tokens[end].end <= organisations[tokens[i].start]:
            end += 1
        while (
            end < len(tokens)
            and words.is_epithet(tokens[end].text)
            and _joined(raw, tokens[end - 1].end, tokens[end].start)
        ):
            end += 1
        return end
    while end < len(tokens) and _continues(
        list(tokens[i:end]), tokens[end], raw, _in_name(tokens, end, persons)
    ):
        end += 1
    return end


def label_mentions(
    corpus: Corpus, article_id: str, entities: Sequence[Entity] | EntitySpans = ()
) -> list[LabelMention]:
    """The labels of parties in one article, in text order (``entities``: the corpus's, or their
    `EntitySpans` when several articles are read)."""
    text: ArticleText = corpus.text(article_id)
    raw = text.article.text
    tokens = text.tokens
    spans = entities if isinstance(entities, EntitySpans) else EntitySpans(entities)
    organisations = spans.of(article_id, "ORG")
    persons = spans.of(article_id, "PER")
    found: list[LabelMention] = []
    i = 0
    while i < len(tokens):
        if not _starts_label(tokens, i, organisations):
            i += 1
            continue
        end = _label_end(tokens, i, raw, organisations, persons)
        label = tuple(t.text for t in tokens[i:end])
        # An indefinite head alone (قوات) names no party unless it is the plural of armed men
        # (عناصر); a definite one (التنظيم، الميليشيات) stands for one the story names.
        if (
            end > i + 1
            or not words.is_kind_head(label[0])
            or words.bare(label[0]).startswith("ال")
            or (words.is_plural(label[0]) and _class_of(label))
        ):
            sentence = text.sentence_index(i)
            found.append(
                LabelMention(
                    article_id,
                    label,
                    (tokens[i].start, tokens[end - 1].end),
                    sentence,
                    _context(text, range(max(0, i - CONTEXT_WORDS), i), sentence),
                    _context(text, range(end, min(len(tokens), end + CONTEXT_WORDS)), sentence),
                )
            )
        i = end
    return found


def _context(text: ArticleText, positions: range, sentence: int) -> tuple[str, ...]:
    """The matching forms of the tokens at ``positions`` that lie in the label's sentence."""
    return tuple(text.tokens[j].norm for j in positions if text.sentence_index(j) == sentence)


def _alias(label: tuple[str, ...]) -> str | None:
    """The entity layer's canonical name for the longest part of the label it knows, epithets
    aside (داعش for مقاتلو تنظيم الدولة الإسلامية)."""
    plain = [strip_particles(normalize(w)) for w in label if not words.is_epithet(w)]
    for length in range(len(plain), 0, -1):
        for start in range(len(plain) - length + 1):
            alias = ENTITY_ALIASES.get(" ".join(plain[start : start + length]))
            if alias:
                return alias
    return None


def _names(word: str) -> bool:
    """Whether a word of a label may say which party it is."""
    if words.is_party_noun(word):
        return True
    return not (
        words.is_epithet(word)
        or words.is_head(word)
        or words.is_head_adjective(word)
        or words.is_loyal(word)
        or words.is_place_nisba(word)
        or normalize(word) in PERSON_TITLES
    )


def name_word(label: tuple[str, ...]) -> str | None:
    """The word that says which party a label is about, as a key; None when the label only says
    what kind of party it is (التنظيم، عناصر) or judges it (الانقلابيين).

    The first party noun or plain word names it (المقاومة of المقاومة الشعبية، الحوثي of جماعة
    الحوثي); a person is known by the last of their names (صالح of المخلوع علي عبدالله صالح).
    """
    alias = _alias(label)
    if alias:
        return words.word_key(alias.split()[0])
    plain = [w for w in label if _names(w)]
    if not plain:
        return None
    if any(normalize(w) in PERSON_TITLES or words.is_person_epithet(w) for w in label):
        return words.word_key(plain[-1])
    name = words.word_key(plain[0])
    if words.is_party_noun(plain[0]):  # الجيش الأمريكي and الجيش اليمني are two armies
        place = next((w for w in label if words.is_place_nisba(w)), None)
        if place:
            return f"{name}:{words.word_key(place)}"
    return name


def _class_of(label: tuple[str, ...]) -> str | None:
    """The class of counted people a label's first word belongs to (مسلحون: fighters)."""
    first = strip_particles(normalize(label[0]))
    bare = first[2:] if first.startswith("ال") else first
    return next((c for c, members in SUBJECT_CLASSES.items() if first in members or bare in members), None)


def judges(label: Sequence[str]) -> bool:
    return any(words.is_epithet(w) for w in label)


class _Names:
    """Union-find over actor names: names the articles use for one party end in one root."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def root(self, name: str) -> str:
        self.parent.setdefault(name, name)
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def join(self, a: str, b: str) -> None:
        self.parent[self.root(a)] = self.root(b)


def _same_slot(named: Sequence[tuple[LabelMention, str]], names: _Names) -> None:
    """Join names used in the same slot of copies of one text: two articles that write the same two
    words before and the same word after, one with each name."""
    by_slot: dict[tuple[tuple[str, ...], str], set[tuple[str, str]]] = defaultdict(set)
    for m, name in named:
        if len(m.before) >= 2 and m.after:
            by_slot[(m.before[-2:], m.after[0])].add((m.article_id, name))
    for uses in by_slot.values():
        found = {name for _article, name in uses}
        if len(found) > 1 and len({article for article, _name in uses}) > 1:
            first, *rest = sorted(found)
            for name in rest:
                names.join(name, first)


def _naming_keys(label: tuple[str, ...]) -> list[str]:
    """The keys of the words that say which party a label is: of a person, the last name only
    (عبد of علي عبد الله صالح would meet عبد ربه منصور هادي)."""
    plain = [w for w in label if _names(w)]
    if any(normalize(w) in PERSON_TITLES or words.is_person_epithet(w) for w in label):
        plain = plain[-1:]
    return [words.word_key(w) for w in plain]


def _served(m: LabelMention, known: dict[str, str]) -> str | None:
    """The actor a loyal force serves, from the words after its label: الموالية للرئيس ... الأسد."""
    if not any(words.is_loyal(w) for w in m.words):
        return None
    # لصالح: a lone ل before a name, which `word_key` keeps in general (ل may begin a name).
    after = [form for w in m.after for form in particle_forms(w)]
    served = Counter(known[k] for k in map(words.word_key, after) if k in known)
    return served.most_common(1)[0][0] if served else None


def group_actors(mentions: Sequence[LabelMention]) -> dict[LabelMention, str]:
    """The actor (a name key) of every label mention of one event or storyline.

    Mentions, not labels: "القوات الموالية" is the army in one sentence and Saleh's forces in the
    next, by whom it says they are loyal to.
    """
    names = _Names()
    named: list[tuple[LabelMention, str]] = []
    unnamed: dict[tuple[str, ...], list[LabelMention]] = defaultdict(list)
    for m in mentions:
        name = name_word(m.words)
        if name is None:
            unnamed[m.key].append(m)
        else:
            named.append((m, name))
    _same_slot(named, names)
    # A party noun alone (الجيش) is the story's most named party of that noun (الجيش اليمني).
    placed = Counter(name for _m, name in named if ":" in name)
    for _m, name in named:
        of_place = [n for n, _c in placed.most_common() if n.split(":")[0] == name]
        if of_place:
            names.join(name, of_place[0])
    # A named force loyal to another party is on its side: قوات الحرس الجمهوري الموالية للرئيس المخلوع.
    known = {k: name for m, name in named for k in _naming_keys(m.words)}
    for m, name in named:
        served = _served(m, known)
        if served and served != name:
            names.join(name, served)
    actor_of: dict[LabelMention, str] = {m: names.root(name) for m, name in named}
    known = {k: names.root(name) for k, name in known.items()}
    # Which actors the story's words are said of: "ميليشيات الحوثي الانقلابية" says ميليشيات and
    # الانقلابية of الحوثي; "مقاتلي المعارضة" says مقاتلي of المعارضة (a judging word counts
    # twice: it is said of fewer parties than a head; قوات is said of every force and not at all).
    said_of: dict[str, Counter[str]] = defaultdict(Counter)
    for m, _name in named:
        for w in m.words:
            if not words.is_kind_head(w) or words.is_plural_only_head(w):
                said_of[words.word_key(w)][actor_of[m]] += 2 if words.is_epithet(w) else 1
    # A label of judging or kind words right beside a named one, with nothing but a comma or a
    # space between, is said of it too ("... الحوثي، الانقلابيين").
    ordered = sorted(mentions, key=lambda m: (m.article_id, m.span))
    for a, b in itertools.pairwise(ordered):
        if (
            a.article_id == b.article_id
            and b.span[0] - a.span[1] <= 2
            and not words.is_coordinated(b.words[0])
        ):
            for bare, other in ((a, b), (b, a)):
                if bare.key in unnamed and other in actor_of:
                    for w in bare.words:
                        said_of[words.word_key(w)][actor_of[other]] += 2
    for key, found in unnamed.items():
        votes: Counter[str] = Counter()
        for w in found[0].words:
            votes.update(said_of.get(words.word_key(w), Counter()))
        kind = _class_of(found[0].words)
        fallback = votes.most_common(1)[0][0] if votes else (f"class:{kind}" if kind else key[0])
        for m in found:
            actor_of[m] = _served(m, known) or fallback
    return actor_of
