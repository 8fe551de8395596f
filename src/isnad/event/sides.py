"""Which labels of a story stand for one party: names joined into actors, and labels with no name
placed with the party the story says they are.

Names are joined where the articles use them for one party: the same slot in copies of one text
("غارات أمريكية على الحكومة السورية ستضر" / "على نظام الأسد ستضر"); party nouns of one phrase
(الحكومة اليمنية الشرعية); the organs of one state (الجيش اليمني، الحكومة اليمنية) and the
legitimacy the story's government claims (الشرعية); a named force loyal to another party (قوات
الحرس الجمهوري الموالية للرئيس المخلوع), or an army loyal to the government. A label with no name
(الانقلابيين، الميليشيات، القوات الموالية) goes to the party it serves, by name or by the title the
story gives it (الموالية للرئيس السابق); else to the actor the story applies its words to
(ميليشيات الحوثي الانقلابية; a label right beside a named one); a judging one to the party the
story judges most; else to a class of counted people (مسلحون، عناصر: the armed men), else it
stands alone.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence

from isnad.arabic import actors as words
from isnad.arabic import particle_forms
from isnad.event.actors import (
    MAX_SERVED_WORDS,
    LabelMention,
    class_of,
    is_personal,
    is_title,
    judges,
    name_word,
    names_party,
)


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


SLOT_BEFORE, SLOT_AFTER = 3, 2  # words either side that make one slot of one text's copies


def _same_slot(named: Sequence[tuple[LabelMention, str]], names: _Names) -> None:
    """Join names used in the same slot of copies of one text: two articles that write the same
    three words before and two after, one with each name. Fewer words make slots every story
    has: "المتحدث باسم X ل", "على مواقع X في" hold the coalition, the resistance and the Houthis."""
    by_slot: dict[tuple[tuple[str, ...], tuple[str, ...]], set[tuple[str, str]]] = defaultdict(set)
    for m, name in named:
        if len(m.before) >= SLOT_BEFORE and len(m.after) >= SLOT_AFTER:
            by_slot[(m.before[-SLOT_BEFORE:], m.after[:SLOT_AFTER])].add((m.article_id, name))
    for uses in by_slot.values():
        found = {name for _article, name in uses}
        if len(found) > 1 and len({article for article, _name in uses}) > 1:
            first, *rest = sorted(found)
            for name in rest:
                names.join(name, first)


def _headline_subjects(named: Sequence[tuple[LabelMention, str]], names: _Names) -> None:
    """Join the name of a lead's subject with the headline's it restates (see
    `isnad.event.actors`), when one of them is the rarer name of the story, used in fewer articles:
    an outlet's own word for a party (الثوار under "المقاومة تطهر زنجبار"), not two main parties."""
    articles: dict[str, set[str]] = defaultdict(set)
    for m, name in named:
        articles[name].add(m.article_id)
    for m, name in named:
        headline = name_word(m.restates) if m.restates else None
        if headline and headline != name and len(articles[headline]) != len(articles[name]):
            names.join(name, headline)


def _served_phrase(m: LabelMention) -> tuple[str, ...]:
    """The party a loyal force is said to serve, as written right after it: للحكومة اليمنية الشرعية."""
    if not m.after or not any(words.is_loyal(w) for w in m.words):
        return ()
    phrase = [words.bare(m.after[0])]  # للرئيس: الرئيس
    for n, w in enumerate(m.after[1:MAX_SERVED_WORDS], 1):
        # The phrase goes on with adjectives, and after a construct (لحكومة) with what it governs.
        if not w.startswith("ال") and (n > 1 or phrase[0].startswith("ال")):
            break
        phrase.append(w)
    return tuple(phrase)


def _one_party(phrase: Sequence[str]) -> list[str]:
    """The names one noun phrase gives a single party: its name and every other party noun in it
    (الحكومة اليمنية الشرعية: the government is the legitimacy; الجيش الوطني الشرعي)."""
    name = name_word(tuple(phrase))
    if name is None:
        return []
    # A party noun that is also an adjective (الشرعية) names the state's organ it qualifies (the
    # government is the legitimacy), but only qualifies any other party (المقاومة الشرعية).
    state = any(words.is_state_noun(w) for w in phrase)
    others = {
        words.word_key(w)
        for n, w in enumerate(phrase)
        if (words.is_party_noun(w) or words.word_key(w) in _PARTY_KEYS)
        and (state or n == 0 or not words.is_adjective_too(w))
    }
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
_GOVERNMENT_KEYS = frozenset(words.word_key(w) for w in words.GOVERNMENT)
_CLAIM_KEYS = frozenset(words.word_key(w) for w in words.GOVERNMENT_CLAIMS)


def _naming_keys(label: tuple[str, ...]) -> list[str]:
    """The keys of the words that say which party a label is: of a person, the last name only
    (عبد of علي عبد الله صالح would meet عبد ربه منصور هادي)."""
    plain = [w for w in label if names_party(w)]
    if is_personal(label, plain):
        plain = plain[-1:]
    return [words.word_key(w) for w in plain]


def _served(m: LabelMention, known: dict[str, str], titled: dict[tuple[str, ...], str]) -> str | None:
    """The actor a loyal force serves, from the words after its label: الموالية للرئيس ... الأسد;
    or, when they give a title and no name (الموالية للرئيس السابق), the one the story gives
    that title (``titled``: the keys of the title words of labels naming a person, and its actor)."""
    if not any(words.is_loyal(w) for w in m.words):
        return None
    phrase = _served_phrase(m)
    rest = _served_name(m.after[len(phrase) :])
    for w in phrase:  # لصالح: a lone ل before a name, which `word_key` keeps (ل may begin a name)
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


MAX_NAME_WORDS = 4  # words of a person's name after a title: عبدربه منصور هادي


def _served_name(after: Sequence[str]) -> list[str]:
    """The name that follows the title a loyal force serves, after the title's own adjectives
    (للرئيس اليمني السابق علي صالح: علي صالح), up to four words. A definite word ends it: as
    its second word it is a family name (بشار الأسد); later, or glued to و, it belongs to the
    rest of the sentence (للرئيس هادي على طرد الحوثيين، للرئيس هادي والمقاومة)."""
    name: list[str] = []
    for w in itertools.dropwhile(lambda w: not words.in_a_name(w), after):
        if len(name) == MAX_NAME_WORDS:
            break
        if not words.in_a_name(w):
            if len(name) == 1 and w.startswith("ال"):
                name.append(w)
            break
        name.append(w)
    return name


def _served_key(m: LabelMention) -> tuple[str, ...]:
    """The party a loyal force serves as written (للرئيس هادي), as a key: forces said loyal to one
    party in the same words are on one side."""
    phrase = _served_phrase(m)
    return (*words.label_key(list(phrase)), *_served_name(m.after[len(phrase) :])[:1]) if phrase else ()


def _titles(named: Sequence[tuple[LabelMention, str]], names: _Names) -> dict[tuple[str, ...], str]:
    """The title words of labels that name a person (قوات الرئيس السابق علي عبد الله صالح: الرئيس
    السابق), as a key, with the person's actor."""
    titled: dict[tuple[str, ...], str] = {}
    for m, name in named:
        first = next((n for n, w in enumerate(m.words) if is_title(w)), None)
        if first is not None:
            title = list(itertools.takewhile(lambda w: words.bare(w).startswith("ال"), m.words[first:]))
            titled[words.label_key(title)] = names.root(name)
    return titled


def _join_phrases(mentions: Sequence[LabelMention], names: _Names) -> Counter[str]:
    """Join the names one phrase gives one party, a party noun alone with the story's most named
    party of that noun (الجيش: الجيش اليمني), one state's organs, and الشرعية with the story's most
    named government; return the governments named, with counts."""
    phrases = [p for m in mentions for p in (_one_party(m.words), _one_party(_served_phrase(m))) if p]
    for name, *also in phrases:
        for alias in also:
            names.join(alias, name)
    placed = Counter(p[0] for p in phrases if ":" in p[0])
    for name in {n for p in phrases for n in p}:
        of_place = [n for n, _c in placed.most_common() if n.split(":")[0] == name]
        if of_place:
            names.join(name, of_place[0])
    _state_sides([p[0] for p in phrases], names)
    governments = Counter(n for p in phrases for n in p if n.split(":")[0] in _GOVERNMENT_KEYS)
    if governments:
        for claim in _CLAIM_KEYS:
            names.join(claim, governments.most_common(1)[0][0])
    return governments


def _join_loyal(
    named: Sequence[tuple[LabelMention, str]], names: _Names, known: dict[str, str], government: set[str]
) -> None:
    """A named force loyal to another party is on its side: قوات الحرس الجمهوري الموالية للرئيس
    المخلوع; an army loyal to the government is the government side (الجيش الموالي للشرعية). A
    party noun loyal to another stays a party of its own (قوات المقاومة الشعبية الموالية للشرعية),
    and an army loyal to anyone else serves them mention by mention (see `group_actors`)."""
    for m, name in named:
        if any(words.is_state_noun(w) for w in m.words):
            served = _served(m, known, {})
            if served and names.root(served) in government:
                names.join(name, served)
        elif not any(words.is_party_noun(w) for w in m.words):
            served = _served(m, known, {})
            if served and served != name:
                names.join(name, served)


def _said(word: str) -> tuple[str, bool]:
    """What a word says of a party, as a key: its word key and whether it heads a label, so that
    a head and another word on one key stay apart (الجماعات is not جامعة of جامعة الدول العربية)."""
    return words.word_key(word), words.is_head(word)


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
    _headline_subjects(named, names)
    governments = _join_phrases(mentions, names)
    known = {k: name for m, name in named for k in _naming_keys(m.words)}
    _join_loyal(named, names, known, {names.root(n) for n in [*governments, *_CLAIM_KEYS]})
    actor_of: dict[LabelMention, str] = {m: names.root(name) for m, name in named}
    known = {k: names.root(name) for k, name in known.items()}
    titled = _titles(named, names)
    for m, _name in named:  # an army serves whom it is said to: الجيش الموالي لصالح
        if any(words.is_state_noun(w) for w in m.words):
            actor_of[m] = _served(m, known, titled) or actor_of[m]
    # Whom a named force serves, in its words: "القوات الموالية للرئيس هادي" is on the side of
    # "الجيش الموالي للرئيس هادي" even where the story names no party هادي.
    serving: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for m, _name in named:
        if _served_key(m):
            serving[_served_key(m)][actor_of[m]] += 1
    served_by = {key: actors.most_common(1)[0][0] for key, actors in serving.items()}
    # Which actors the story's words are said of: "ميليشيات الحوثي الانقلابية" says ميليشيات and
    # الانقلابية of الحوثي; "مقاتلي المعارضة" says مقاتلي of المعارضة (a judging word counts
    # twice: it is said of fewer parties than a head; قوات is said of every force and not at all).
    said_of: dict[tuple[str, bool], Counter[str]] = defaultdict(Counter)
    for m, _name in named:
        for w in m.words:
            if words.is_place_nisba(w):
                continue  # اليمنية is said of every Yemeni party
            if not words.is_kind_head(w) or words.is_plural_only_head(w) or words.is_epithet(w):
                said_of[_said(w)][actor_of[m]] += 2 if words.is_epithet(w) else 1
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
                        said_of[_said(w)][actor_of[other]] += 2
    # A judging label no word ties to anyone goes with the party the story judges most.
    judged = Counter(actor_of[m] for m, _name in named if judges(m.words))
    for key, found in unnamed.items():
        votes: Counter[str] = Counter()
        for w in found[0].words:
            votes.update(said_of.get(_said(w), Counter()))
        if not votes and judged and judges(found[0].words):
            votes = judged
        kind = class_of(found[0].words)
        fallback = votes.most_common(1)[0][0] if votes else (f"class:{kind}" if kind else key[0])
        for m in found:
            actor_of[m] = _served(m, known, titled) or served_by.get(_served_key(m)) or fallback
    return actor_of
