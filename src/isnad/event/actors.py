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
MAX_SERVED_WORDS = 3  # words of the party a loyal force serves: للحكومة اليمنية الشرعية


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


def _entity_spans(entities: Sequence[Entity], article_id: str, kind: str) -> dict[int, int]:
    """Start -> end of the entities of one type the entity layer found in one article."""
    return {
        m.span[0]: m.span[1]
        for e in entities
        if e.type == kind and not canonical_outlet(e.canonical)  # the media are not parties
        for m in e.mentions
        if m.article_id == article_id
    }


def _joined(text: str, a: int, b: int) -> bool:
    """Whether nothing but spaces stands between two tokens."""
    return not any(c in _PUNCTUATION_GAP for c in text[a:b])


def _serves(tokens: Sequence[Token], i: int) -> bool:
    """Whether token i is in the phrase a loyal force is said to serve ("الموالية للحكومة اليمنية
    الشرعية"): that party is named for the force's sake, not in its own right."""
    j = i - 1
    while j >= 0 and j >= i - MAX_SERVED_WORDS:
        if words.is_loyal(tokens[j].text):
            return True
        if not tokens[j].norm.startswith(("ال", "لل")):
            return False
        j -= 1
    return False


def _starts_label(tokens: Sequence[Token], i: int, organisations: dict[int, int]) -> bool:
    token = tokens[i]
    if _serves(tokens, i):
        return False  # "الموالي للشرعية" ties a force to a party; the party is not named here
    if token.start in organisations:
        return True
    if words.is_member_noun(token.text):
        # Ordinary people (المدنيين، المواطنين) and a country's people (السوريين) are who a story
        # happens to, not a party.
        return _class_of((token.text,)) != GENERIC_PEOPLE and not words.is_place_nisba(token.text)
    norm = normalize(token.text)
    if not norm.startswith(("ال", "وال")) and (
        norm.endswith(("ها", "هم", "هما", "هن"))
        or (token.text.endswith("ه") and words.is_head(token.text[:-1]))
    ):
        return False  # جيشها، قواتهم، قواته: a pronoun for a party named elsewhere, not a label
    if words.is_person_epithet(token.text):
        return True  # المخلوع علي عبدالله صالح
    return words.is_head(token.text) or words.is_collective(token.text)


def _continues(label: list[Token], nxt: Token, raw: str, in_name: tuple[bool, bool]) -> bool:
    """Whether the next token still belongs to the label (``in_name``: whether the label's last
    token and the next one are part of a person's name the entity layer found)."""
    last = label[-1]
    if nxt.kind != "word" or not _joined(raw, last.end, nxt.start):
        return False
    # A person's name goes on after a title (قوات الرئيس المخلوع علي عبدالله صالح, even with علي
    # written على) or after its own first word (قوات علي صالح).
    if (
        in_name[1]
        and (_in_person_name(label) or (in_name[0] and len(label) > 1))
        and not words.ends_like_a_verb(nxt.text)
    ):
        return True
    if words.stops_label(nxt.text) or words.is_relation(nxt.text):  # المسنودة بقوات الجيش
        return False
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
        list(tokens[i:end]),
        tokens[end],
        raw,
        (_in_name(tokens, end - 1, persons), _in_name(tokens, end, persons)),
    ):
        end += 1
    return end


def label_mentions(corpus: Corpus, article_id: str, entities: Sequence[Entity] = ()) -> list[LabelMention]:
    """The labels of parties in one article, in text order."""
    text: ArticleText = corpus.text(article_id)
    raw = text.article.text
    tokens = text.tokens
    organisations = _entity_spans(entities, article_id, "ORG")
    persons = _entity_spans(entities, article_id, "PER")
    found: list[LabelMention] = []
    speaks_of_places = any(_means_a_place(tokens, j) for j in range(len(tokens)))
    i = 0
    while i < len(tokens):
        if not _starts_label(tokens, i, organisations):
            i += 1
            continue
        end = _label_end(tokens, i, raw, organisations, persons)
        label = tuple(t.text for t in tokens[i:end])
        if words.is_place_noun(label[0]) and (speaks_of_places or _means_a_place(tokens, i)):
            i = end  # القاعدة the base, not al-Qaeda: see `isnad.arabic.actors.PLACE_NAMES`
            continue
        # An indefinite head alone (قوات) names no party unless it is the plural of armed men
        # (عناصر); a definite one (التنظيم، الميليشيات) stands for one the story names, except
        # heads said of every force (القوات).
        alone = end == i + 1 and words.is_kind_head(label[0])
        if not alone or (
            (words.bare(label[0]).startswith("ال") and not words.is_generic_head(label[0]))
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


def _means_a_place(tokens: Sequence[Token], i: int) -> bool:
    """Whether token i is a place noun that names a place here (قاعدة العند، القاعدة الجوية)."""
    if not words.is_place_noun(tokens[i].text):
        return False
    before = tokens[i - 1].text if i > 0 else None
    after = tokens[i + 1].text if i + 1 < len(tokens) else None
    if before is not None and words.is_kind_head(before):
        return False  # عناصر القاعدة، تنظيم القاعدة: the organisation
    return words.means_a_place(tokens[i].text, before, after)


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
    if _personal(label, plain):
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


def _served_phrase(m: LabelMention) -> tuple[str, ...]:
    """The party a loyal force is said to serve, as written right after it: للحكومة اليمنية الشرعية."""
    if not m.after or not any(words.is_loyal(w) for w in m.words):
        return ()
    phrase = [m.after[0]]
    for w in m.after[1:MAX_SERVED_WORDS]:
        if not w.startswith("ال"):
            break
        phrase.append(w)
    return tuple(phrase)


def _one_party(phrase: Sequence[str]) -> list[str]:
    """The names one noun phrase gives a single party: its name and every other party noun in it
    (الحكومة اليمنية الشرعية: the government is the legitimacy; الجيش الوطني الشرعي)."""
    name = name_word(tuple(phrase))
    if name is None:
        return []
    others = {words.word_key(w) for w in phrase if words.is_party_noun(w) or words.word_key(w) in _PARTY_KEYS}
    return [name, *sorted(others - {name.split(":")[0]})]


_PARTY_KEYS = frozenset(words.word_key(w) for w in words.PARTY_NOUNS)


def _state_sides(all_names: Sequence[str], names: _Names) -> None:
    """Join the organs of one state: الجيش اليمني and الحكومة اليمنية are one side."""
    by_place: dict[str, list[str]] = defaultdict(list)
    for name in set(all_names):
        noun, _sep, place = name.partition(":")
        if place and noun in _STATE_KEYS:
            by_place[place].append(name)
    for organs in by_place.values():
        first, *rest = sorted(organs)
        for name in rest:
            names.join(name, first)


_STATE_KEYS = frozenset(words.word_key(w) for w in words.STATE_NOUNS)


def _naming_keys(label: tuple[str, ...]) -> list[str]:
    """The keys of the words that say which party a label is: of a person, the last name only
    (عبد of علي عبد الله صالح would meet عبد ربه منصور هادي)."""
    plain = [w for w in label if _names(w)]
    if _personal(label, plain):
        plain = plain[-1:]
    return [words.word_key(w) for w in plain]


def _personal(label: Sequence[str], plain: Sequence[str]) -> bool:
    """Whether a label names a party by a person: a title or epithet (المخلوع علي عبدالله صالح)
    or two names or more with no article (قوات علي صالح), of which the last one says who."""
    if any(normalize(w) in PERSON_TITLES or words.is_person_epithet(w) for w in label):
        return True
    return len(plain) > 1 and not any(words.bare(w).startswith("ال") for w in plain)


def _served(m: LabelMention, known: dict[str, str], titled: dict[tuple[str, ...], str]) -> str | None:
    """The actor a loyal force serves, from the words after its label: الموالية للرئيس ... الأسد;
    or, when they give a title and no name (الموالية للرئيس السابق), the one the story gives
    that title (``titled``: the keys of the title words of labels naming a person, and its actor)."""
    if not any(words.is_loyal(w) for w in m.words):
        return None
    # لصالح: a lone ل before a name, which `word_key` keeps in general (ل may begin a name).
    phrase = _served_phrase(m)
    rest = m.after[len(phrase) :]
    for w in phrase:
        for k in map(words.word_key, particle_forms(w)):
            if k in known:
                return known[k]
    # A title alone is the person the story gives exactly that title (للرئيس السابق; not
    # للرئيس اليمني, which a name follows).
    actor = titled.get(words.label_key(list(phrase))) if phrase else None
    if actor:
        return actor
    for w in rest:  # else the nearest name: الموالية للرئيس اليمني السابق علي صالح
        for k in map(words.word_key, particle_forms(w)):
            if k in known:
                return known[k]
    return None


def _is_title(word: str) -> bool:
    return normalize(word) in PERSON_TITLES or words.is_person_epithet(word)


def _titles(named: Sequence[tuple[LabelMention, str]], names: _Names) -> dict[tuple[str, ...], str]:
    """The title words of labels that name a person (قوات الرئيس السابق علي عبد الله صالح: الرئيس
    السابق), as a key, with the person's actor."""
    titled: dict[tuple[str, ...], str] = {}
    for m, name in named:
        first = next((n for n, w in enumerate(m.words) if _is_title(w)), None)
        if first is not None:
            title = list(itertools.takewhile(lambda w: words.bare(w).startswith("ال"), m.words[first:]))
            titled[words.label_key(title)] = names.root(name)
    return titled


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
    # Party nouns in one phrase are one party, and so is each of them with the phrase's name.
    phrases = [p for m in mentions for p in (_one_party(m.words), _one_party(_served_phrase(m))) if p]
    for name, *also in phrases:
        for alias in also:
            names.join(alias, name)
    # A party noun alone (الجيش) is the story's most named party of that noun (الجيش اليمني).
    placed = Counter(name for first, *_others in phrases if ":" in first for name in [first])
    for name in {p[0] for p in phrases}:
        of_place = [n for n, _c in placed.most_common() if n.split(":")[0] == name]
        if of_place:
            names.join(name, of_place[0])
    _state_sides([p[0] for p in phrases], names)
    # A named force loyal to another party is on its side: قوات الحرس الجمهوري الموالية للرئيس المخلوع.
    known = {k: name for m, name in named for k in _naming_keys(m.words)}
    for m, name in named:
        served = _served(m, known, {})
        if served and served != name:
            names.join(name, served)
    actor_of: dict[LabelMention, str] = {m: names.root(name) for m, name in named}
    known = {k: names.root(name) for k, name in known.items()}
    titled = _titles(named, names)
    # Which actors the story's words are said of: "ميليشيات الحوثي الانقلابية" says ميليشيات and
    # الانقلابية of الحوثي; "مقاتلي المعارضة" says مقاتلي of المعارضة (a judging word counts
    # twice: it is said of fewer parties than a head; قوات is said of every force and not at all).
    said_of: dict[str, Counter[str]] = defaultdict(Counter)
    for m, _name in named:
        for w in m.words:
            if not words.is_kind_head(w) or words.is_plural_only_head(w) or words.is_epithet(w):
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
            actor_of[m] = _served(m, known, titled) or fallback
    return actor_of
