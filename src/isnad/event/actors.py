"""The parties of a story, found in its own articles: labels, and the names they give a party.

- labels: noun phrases that name a party: a group head with its names and adjectives (قوات
  التحالف العربي، ميليشيات الحوثي الانقلابية), a definite party noun or group head alone
  (التحالف، المقاومة الشعبية، التنظيم), the members' plural (الحوثيين، الانقلابيين), a person's
  epithet and name (المخلوع علي عبدالله صالح) or an organisation the entity layer found (داعش).
  A label ends at the first preposition, relative, coordinated word, punctuation or word that
  ties it to another party (المسنودة بـ ...). One label is one key of
  `isnad.arabic.actors.label_key`: one across spelling, clitics and word order. Not labels: a
  party the label's force is loyal to (الموالية للشرعية), forces said of every party alone
  (القوات), common nouns (مقاومة شديدة) and the base that is not al-Qaeda (قاعدة العند).
- names: each label is named by its first word that says which party it is (not a kind head
  such as قوات, an epithet, or a country's adjective such as السوري): الحوثي of ميليشيات الحوثي
  and الحوثيين alike; المقاومة of المقاومة الشعبية; an alias of the entity layer (تنظيم الدولة is
  داعش); a person's last name. `isnad.event.sides` joins names into actors.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from isnad.arabic import actors as words
from isnad.arabic import is_stopword, normalize, stem, strip_particles
from isnad.arabic.lexicon import ENTITY_ALIASES, PERSON_TITLES, canonical_outlet
from isnad.arabic.subjects import GENERIC_PEOPLE, SUBJECT_CLASSES
from isnad.arabic.tokens import Token
from isnad.article.doc import ArticleText, Corpus
from isnad.model import Entity, Span

_PUNCTUATION_GAP = set("،,.:;؛!?؟()[]«»\"'“”-–—/\n")
CONTEXT_WORDS = 7  # words kept either side of a label: its slot, and whom a loyal force serves
MAX_SERVED_WORDS = 3  # words of the party a loyal force serves: للحكومة اليمنية الشرعية


# The store keeps each article's label mentions with this version (`isnad.store.pieces`): bump it
# when what `label_mentions` finds changes, so that a store finds them again.
LABELS_VERSION = 1


@dataclass(frozen=True)
class LabelMention:
    """One label in one article: its words as written, span and sentence."""

    article_id: str
    words: tuple[str, ...]
    span: Span
    sentence: int
    before: tuple[str, ...] = ()  # the words before and after it in its sentence, matching forms
    after: tuple[str, ...] = ()
    restates: tuple[str, ...] = ()  # of the lead's subject: the headline's subject it restates

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

    def all_of(self, article_id: str) -> list[tuple[int, int, str]]:
        """Every span of the article with its type, as (start, end, type) in order: all that
        framing reads of the entity layer (`isnad.incremental` fingerprints it; the type counts,
        since framing reads organisations and persons apart)."""
        return sorted(
            (start, end, kind) for kind in ("ORG", "PER") for start, end in self.of(article_id, kind).items()
        )


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
    if token.start in organisations:
        starts = True
    else:
        verdict = _word_starts_label(token.text)
        if verdict is None:  # an indefinite party noun: it depends on the word after it
            starts = not (i + 1 < len(tokens) and words.is_party_noun(tokens[i + 1].text)) and (
                words.is_head(token.text) or words.is_collective(token.text)
            )
        else:
            starts = verdict
    # "الموالي للشرعية" ties a force to a party; the party is not named here.
    return starts and not _serves(tokens, i)


@lru_cache(maxsize=1 << 16)  # asked of every token of every article the framing reads
def _word_starts_label(word: str) -> bool | None:
    """Whether a word starts a label whatever its neighbours; None for an indefinite party
    noun, which does unless the word after it is one too (see `_starts_label`)."""
    if words.is_member_noun(word):
        # Ordinary people (المدنيين، المواطنين) and a country's people (السوريين) are who a story
        # happens to, not a party.
        return class_of((word,)) != GENERIC_PEOPLE and not words.is_place_nisba(word)
    norm = normalize(word)
    if not norm.startswith(("ال", "وال")) and (
        norm.endswith(("ها", "هم", "هما", "هن"))
        or (word.endswith("ه") and words.is_head(word[:-1]) and not words.is_head_as_written(word))
    ):
        return False  # جيشها، قواتهم، قواته: a pronoun for a party named elsewhere, not a label
    if words.is_person_epithet(word):
        return True  # المخلوع علي عبدالله صالح
    if words.is_party_noun(word) and not words.bare(word).startswith("ال"):
        return None  # مقاومة الجيش: the act of resisting, whose doer is the party that follows
    return words.is_head(word) or words.is_collective(word)


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
    if words.is_loyal(nxt.text):
        return True  # قوات عسكرية موالية: whom it is loyal to decides its party
    if is_title(last.text) and not words.ends_like_a_verb(nxt.text) and nxt.norm == words.bare(nxt.text):
        return True  # a title's name, even one the entity layer missed: قوات الرئيس هادي
    if _definite(last) and _definite(nxt) and not _agrees(last.text, nxt.text):
        return False  # a second party or the object, not an adjective: ويدعم التحالف المقاتلين
    if len(label) >= words.MAX_LABEL_WORDS:
        return False
    if words.is_place_nisba(last.text) and not words.is_epithet(nxt.text):
        return False  # a country's adjective closes a name: المقاتلين السوريين (الوليدة)
    definite = strip_particles(nxt.norm).startswith("ال") and not nxt.norm.startswith(("وال", "فال"))
    # After a head, a name may be indefinite (قوات صالح); anything else goes on with adjectives.
    head = words.is_head(label[0].text) and not words.bare(label[0].text).startswith("ال")
    glued = words.bare(nxt.text) != nxt.norm  # لميليشيات: a preposition opens another phrase
    return definite or (head and len(label) == 1 and len(nxt.norm) > 2 and not glued)


def _definite(token: Token) -> bool:
    return words.bare(token.text).startswith("ال")


def _agrees(noun: str, word: str) -> bool:
    """Whether a definite word may be the adjective of the definite noun before it: not a party
    noun (المقاومة; but المعارضة is also "opposing"), not a plural head (المقاتلين), no sound
    plural after a singular (المقاومة القادمون) nor a feminine singular after a sound plural
    (الحوثيين القرية); المقاتلين الأجانب and المتمردين الحوثيين agree."""
    if words.is_party_noun(word) and not words.is_adjective_too(word):
        return False
    if words.is_kind_head(word) and words.is_plural(word):
        return False
    if words.is_sound_plural(noun):
        return not normalize(word).endswith("ه")  # ة, often written ه (الحوثيين الواقعه)
    return words.is_plural(noun) or not words.is_sound_plural(word)


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
    if tokens[i].start in organisations:  # an organisation: its whole name, then epithets and loyalty
        while end < len(tokens) and tokens[end].end <= organisations[tokens[i].start]:
            end += 1
        while (
            end < len(tokens)
            and (words.is_epithet(tokens[end].text) or words.is_loyal(tokens[end].text))
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
        if _common_noun(label, tokens[i].start in organisations):
            i = end  # مقاومة شديدة، تحالف عسكري: resistance and an alliance, not parties
            continue
        # An indefinite head alone (قوات، قوات عسكرية: a kind of force, nothing says whose) names
        # no party unless it is the plural of armed men (عناصر); a definite one (التنظيم،
        # الميليشيات) stands for one the story names, except heads said of every force (القوات،
        # الوحدات العسكرية).
        alone = words.is_kind_head(label[0]) and all(words.is_kind_adjective(w) for w in label[1:])
        if not alone or (
            (words.bare(label[0]).startswith("ال") and not words.is_generic_head(label[0]))
            or (words.is_plural(label[0]) and class_of(label))
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
    return _headline_subject(text, found)


LEAD_SUBJECT_WORDS = 4  # the lead's subject stands among its first words: بمجرد أن أكمل الثوار


def _headline_subject(text: ArticleText, found: list[LabelMention]) -> list[LabelMention]:
    """Mark the lead's subject with the headline's subject it restates.

    A headline restates its lead: "المقاومة تطهر زنجبار" over "بمجرد أن أكمل الثوار ... استرداد
    مدينة زنجبار" names one party twice, often in two words. Both must be a subject (the first
    label of each, at the headline's start or after its kicker "اليمن:", among the lead's first
    words, not after a preposition nor beside a second party), and the two must share
    a content word besides the labels (زنجبار), so that the lead tells the headline's story.
    """
    article = text.article
    title = next((b for b in article.blocks if b.kind == "title"), None)
    if title is None or not article.sentences or not found:
        return found
    lead = article.sentences[0]
    in_title = [m for m in found if title.start <= m.span[0] < title.end]
    in_lead = [m for m in found if lead[0] <= m.span[0] < lead[1]]
    if not in_title or not in_lead or article.sentences[0][0] < title.end:
        return found
    subject, restated = in_title[0], in_lead[0]
    kicker = article.text[title.start : subject.span[0]].strip()
    lead_words = [t for t in text.tokens if lead[0] <= t.start < restated.span[0] and t.kind == "word"]
    if (
        (kicker and not kicker.endswith(":"))
        or len(lead_words) >= LEAD_SUBJECT_WORDS
        or (lead_words and words.stops_label(lead_words[-1].text))
        or words.bare(restated.words[0]) != normalize(restated.words[0])  # للمقاومة، والمقاومة
        or _beside_another(text, subject, in_title)
        or _beside_another(text, restated, in_lead)
    ):
        return found
    labels = {stem(normalize(w)) for w in (*subject.words, *restated.words)}
    told = [_content_stems(text, span) - labels for span in ((title.start, title.end), lead)]
    if not told[0] & told[1]:
        return found
    return [replace(m, restates=subject.words) if m is restated else m for m in found]


def _beside_another(text: ArticleText, m: LabelMention, mentions: list[LabelMention]) -> bool:
    """Whether a second party follows the label within two words, with no punctuation between:
    "الجيش الوطني مدعوما بمقاتلي المقاومة", "المقاومة والجيش". A lead that names two parties
    together does not say which of them its headline means."""
    after = next((n for n in mentions if n.span[0] >= m.span[1]), None)
    if after is None:
        return False
    between = [t for t in text.tokens if m.span[1] <= t.start < after.span[0]]
    return len(between) <= 2 and all(t.kind == "word" for t in between)


def _content_stems(text: ArticleText, span: Span) -> set[str]:
    return {
        stem(t.norm)
        for t in text.tokens
        if span[0] <= t.start < span[1] and t.kind == "word" and len(t.norm) > 2 and not is_stopword(t.text)
    }


def _common_noun(label: tuple[str, ...], organisation: bool) -> bool:
    """An indefinite party noun with no definite word after it is the common noun (مقاومة شديدة)."""
    if organisation or not words.is_party_noun(label[0]) or words.bare(label[0]).startswith("ال"):
        return False
    return not any(words.bare(w).startswith("ال") for w in label[1:])


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


def names_party(word: str) -> bool:
    """Whether a word of a label may say which party it is."""
    if words.is_party_noun(word):
        return True
    return not (
        words.is_epithet(word)
        or words.is_head(word)
        or words.is_head_adjective(word)
        or words.is_loyal(word)
        or words.is_place_nisba(word)
        or words.is_country(word)  # المقاومة الشعبية اليمن: whose, as اليمنية would say
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
    plain = [w for w in label if names_party(w)]
    if not plain:
        return None
    if is_personal(label, plain):
        return words.word_key(plain[-1])
    name = words.word_key(plain[0])
    # A country's adjective or name says whose: الجيش الأمريكي and الجيش اليمني are two armies,
    # الخارجية الأمريكية and الخارجية الكويتية two ministries.
    place = next(
        (w for w in label[label.index(plain[0]) :] if words.is_place_nisba(w) or words.is_country(w)), None
    )
    if place and place != plain[0]:
        return f"{name}:{words.word_key(place)}"
    return name


def class_of(label: tuple[str, ...]) -> str | None:
    """The class of counted people a label's first word belongs to (مسلحون: fighters)."""
    first = strip_particles(normalize(label[0]))
    bare = first[2:] if first.startswith("ال") else first
    return next((c for c, members in SUBJECT_CLASSES.items() if first in members or bare in members), None)


def judges(label: Sequence[str]) -> bool:
    return any(words.is_epithet(w) for w in label)


def is_personal(label: Sequence[str], plain: Sequence[str]) -> bool:
    """Whether a label names a party by a person: a title or epithet (المخلوع علي عبدالله صالح)
    or two names or more with no article (قوات علي صالح), of which the last one says who."""
    if any(is_title(w) for w in label):
        return True
    return len(plain) > 1 and not any(words.bare(w).startswith("ال") for w in plain)


def is_title(word: str) -> bool:
    """A person's title or epithet, which a name follows (الرئيس، المخلوع)."""
    return normalize(word) in PERSON_TITLES or words.is_person_epithet(word)
