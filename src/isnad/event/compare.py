"""Compare outlets: where the articles of an event agree, conflict or differ on a figure.

Only the figures of one event are compared, and only figures that count something: two figures
from different articles speak of the same quantity when their counted nouns belong to one class
(مقاتل / مسلح / عنصر are all fighters; a noun in no class of `isnad.arabic.subjects` only meets
itself) and their values match (exactly, or within the tolerance a hedge such as نحو allows). A
number with no counted noun says too little of what it counts to be lined up with another.
A word of magnitude (عشرات, آلاف) only gives an order of magnitude: it matches the same word, never
an exact figure, and is never in conflict with one.
A group of such figures is then judged by the claims made about it (the verb of the figure, or a
counted noun that is itself a claim: قتيلا "killed"):
- agree: the same claim in every article, or no claim in any;
- conflict: claims that cannot both hold (travelled / returned, killed / arrested, a claim and
  its negation), or different values for the same claim about the same class;
- differ: claims that are different but compatible, or a claim that some articles make about the
  figure and others do not (a figure with no verb confirms nothing about it).
The claims' sentences are also judged pair by pair with `isnad.event.stance.judge_pairs`, the decision
``isnad eval stance`` measures: a pair it calls ``disagree`` on opposite words (rose / fell), or on a
negation on one side when the figure carries a claim, makes the group a conflict too; its other
rules see the neighbouring facts of the clause, not the figure's. Every comparison's reason says
what the decision saw.
Figures of a multi-article event that no other article matches are single-outlet reports.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations

from isnad.arabic import clauses, is_magnitude_hedge, lexicon, normalize, stem, stems, strip_particles
from isnad.arabic.subjects import (
    GENERIC_PEOPLE,
    KINDS_OF_PEOPLE,
    PREDICATE_NOUNS,
    SUBJECT_CLASSES,
    SUBJECT_QUALIFIERS,
)
from isnad.event.scope import ByArticle
from isnad.event.stance import StanceDecision, judge_pairs
from isnad.model import Article, Claim, Comparison, Event, Figure, SingleReport

APPROX_TOLERANCE = 0.1  # a hedged figure (نحو، حوالي) matches values within 10%
VALUE_CONFLICT_RATIO = 3.0  # different values only conflict when of the same order of magnitude
_TIME_UNITS = {"year", "month", "day"}
# The stance decision makes a group of matched figures a conflict only when it is sure and a rule
# other than "different numbers" fired: the figures were matched by value already, so the other
# numbers of their clauses say nothing about them.
STANCE_CONFLICT_PROBABILITY = 0.6
STANCE_RULES = ("opposite words",)  # reasons of `isnad.event.stance` that make a conflict on their own
NEGATION_REASON = "negated on one side"
MAX_STANCE_PAIRS = 10  # sentence pairs judged per group of matched figures
MAX_STANCE_PAIRS_PER_EVENT = 30  # and per event: the encoder's time stays linear in events
CLAUSE_WORDS = 8  # words kept either side of a figure: ANS statements are 5-20 words long
# Two reports of one happening tell it alike: the place, the actor, the kind of event, when. Claims
# whose sentences share fewer content words than these (besides the claim's verb and counted noun)
# are about two happenings, whatever the event: on the labelled day the one real conflict's
# sentences share 11 words (23%), those of two battles in one war a word or two (about 10%).
MIN_SHARED_WORDS = 4
MIN_SHARED_SHARE = 0.15


@lru_cache(maxsize=65536)
def subject_class(subject: str | None, qualifier: str | None = None) -> str | None:
    """The class of a counted noun (people, fighters, money, ...), or the noun's stem when it has none.

    ``qualifier``, the word after the noun, may make generic people a kind ("رجال الأمن": soldiers).
    """
    if not subject:
        return None
    word = normalize(subject).split()[0]
    bare = strip_particles(word)
    for label, words in SUBJECT_CLASSES.items():
        if word in words or bare in words or (bare.startswith("ال") and bare[2:] in words):
            if label == GENERIC_PEOPLE and qualifier:
                return SUBJECT_QUALIFIERS.get(normalize(qualifier), label)
            return label
    return stem(word)


@lru_cache(maxsize=65536)
def noun_claim(subject: str | None) -> str | None:
    """The claim a counted noun makes by itself: "36 قتيلا" is 36 killed."""
    if not subject:
        return None
    word = strip_particles(normalize(subject).split()[0])
    for label, words in PREDICATE_NOUNS.items():
        if word in words or (word.startswith("ال") and word[2:] in words):
            return label
    return None


def claim_of(figure: Figure) -> str | None:
    """What is said about the counted group: its verb, else what its counted noun says."""
    return figure.predicate or noun_claim(figure.subject)


def figure_class(figure: Figure, article: Article | None = None) -> str | None:
    """The class of what a figure counts, read with the word after its counted noun when the
    article is given ("١٢ رجل أمن": soldiers, not people)."""
    qualifier = None
    if article is not None and figure.subject:
        following = article.text[figure.span[0] : figure.span[1] + 80].split()[:6]
        noun = normalize(figure.subject)
        at = next((i for i, w in enumerate(following) if normalize(w).strip("،,.") == noun), None)
        if at is not None and at + 1 < len(following):
            qualifier = following[at + 1].strip("،,.")
    return subject_class(figure.subject, qualifier)


Classes = dict[Figure, str | None]


def same_quantity(a: Figure, b: Figure, classes: Classes | None = None) -> bool:
    """Whether two figures count the same class with matching values (both must say what they count)."""
    if a.unit != b.unit:
        return False
    ca, cb = (classes[a], classes[b]) if classes else (subject_class(a.subject), subject_class(b.subject))
    if not _may_count_one_group(ca, cb):
        return False
    if is_magnitude_hedge(a.approx) != is_magnitude_hedge(b.approx):
        return False  # "dozens" is not "10": the one is an order of magnitude, the other a count
    tolerance = APPROX_TOLERANCE if (a.approx or b.approx) else 0.0
    if abs(a.value - b.value) <= tolerance * max(abs(a.value), abs(b.value)):
        return True
    # 8769 and 8769.47 are one value, rounded or cut by one outlet (49.36 is not 50).
    x, y = sorted((float(a.value), float(b.value)), key=lambda v: not v.is_integer())
    return x.is_integer() and not y.is_integer() and x in (math.trunc(y), round(y))


def _may_count_one_group(a: str | None, b: str | None) -> bool:
    """One class, or people and a kind of people (equal counts of them may be the same group)."""
    if a is None or b is None:
        return False
    return a == b or ({a, b} & {GENERIC_PEOPLE} != set() and bool({a, b} & KINDS_OF_PEOPLE))


@lru_cache(maxsize=1)
def _claim_stems() -> frozenset[str]:
    """Stems of the words every claim of its kind shares (قتل، جنود): they say nothing of which
    happening it is."""
    lists = [*lexicon.PREDICATES.values(), *SUBJECT_CLASSES.values(), *PREDICATE_NOUNS.values()]
    return frozenset(stem(word) for words in lists for word in words)


@lru_cache(maxsize=65536)
def _content(sentence: str) -> frozenset[str]:
    """Content stems of a sentence, numbers and the words of claims and counted classes aside."""
    return frozenset(w for w in stems(sentence) if not w.isdigit()) - _claim_stems()


def same_happening(a: Claim, b: Claim) -> bool:
    """Whether two claims' sentences tell of one happening: they share enough content words.

    A conflict must be about one happening; events are clusters and may hold two, so this is
    checked on the claims themselves.
    """
    words_a, words_b = _content(a.text), _content(b.text)
    shared = len(words_a & words_b)
    return shared >= MIN_SHARED_WORDS and shared >= MIN_SHARED_SHARE * len(words_a | words_b)


def predicates_conflict(p: str | None, q: str | None) -> bool:
    if not p or not q or p == q:
        return False
    if p.removeprefix("not ") == q.removeprefix("not "):
        return True  # a claim and its negation
    return frozenset((p, q)) in lexicon.CONFLICTING


def _pool(event: Event, figures: Sequence[Figure]) -> list[Figure]:
    members = set(event.article_ids)
    return [f for f in figures if f.article_id in members and f.unit not in _TIME_UNITS]


def _classes(pool: Sequence[Figure], articles: dict[str, Article]) -> Classes:
    return {f: figure_class(f, articles.get(f.article_id)) for f in pool}


def _groups(pool: Sequence[Figure], classes: Classes) -> list[list[Figure]]:
    """Figures of one quantity reported by two or more articles (union-find over matching pairs).

    Figures of one class are joined first. A figure of people ("5 قتلى") then joins a kind of
    people ("5 عسكريين") only when one kind alone matches it: five soldiers and five contractors
    of one attack are two groups, and the five killed equal to both cannot make them one.
    """
    parent = list(range(len(pool)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def matches(i: int, j: int) -> bool:
        return pool[i].article_id != pool[j].article_id and same_quantity(pool[i], pool[j], classes)

    for i, j in combinations(range(len(pool)), 2):
        if classes[pool[i]] == classes[pool[j]] and matches(i, j):
            parent[root(i)] = root(j)
    # The kinds each group of people matches, read before any is joined, so no two kinds meet.
    kinds: dict[int, set[int]] = {}
    for i, figure in enumerate(pool):
        if classes[figure] == GENERIC_PEOPLE:
            kinds.setdefault(root(i), set()).update(
                root(j) for j, other in enumerate(pool) if classes[other] in KINDS_OF_PEOPLE and matches(i, j)
            )
    for people, matched in kinds.items():
        if len(matched) == 1:
            parent[people] = matched.pop()
    groups: dict[int, list[Figure]] = {}
    for i, figure in enumerate(pool):
        groups.setdefault(root(i), []).append(figure)
    return [g for g in groups.values() if len({f.article_id for f in g}) >= 2]


def compare_event(event: Event, figures: Sequence[Figure], articles: dict[str, Article]) -> list[Comparison]:
    """Comparisons over the figures of one event's articles."""
    pool = _pool(event, figures)
    classes = _classes(pool, articles)
    groups = _groups(pool, classes)
    claims = [[_claim(f, articles) for f in group] for group in groups]
    # One batch per event: the sentence encoder runs once for every pair of every group.
    pairs = [_stance_pairs(group) for group in groups]
    budget = MAX_STANCE_PAIRS_PER_EVENT  # a large event's groups share one budget, first come first served
    for n, group_pairs in enumerate(pairs):
        pairs[n] = group_pairs[:budget]
        budget -= len(pairs[n])
    flat = judge_pairs(
        [(_clause(a, articles), _clause(b, articles)) for group_pairs in pairs for a, b in group_pairs]
    )
    comparisons: list[Comparison] = []
    n = 0
    for group, group_claims, group_pairs in zip(groups, claims, pairs, strict=True):
        decisions = flat[n : n + len(group_pairs)]
        n += len(group_pairs)
        comparisons.append(_judge(event.id, group, group_claims, decisions, classes))
    comparisons += _value_conflicts(event.id, pool, articles, classes)
    return comparisons


def _value_conflicts(
    event_id: str, pool: Sequence[Figure], articles: dict[str, Article], classes: Classes
) -> list[Comparison]:
    """Different values for the same claim about the same class, across articles.

    One conflict per pair of values, holding every article's claim of either value: five copies
    of one release that say 10 against one article that says 13 are one disagreement, not five.
    """
    # Only claims about a group can clash, and only counts: "dozens" says no exact number to contradict.
    claimed = [f for f in pool if claim_of(f) and classes[f] and not is_magnitude_hedge(f.approx)]
    # An article that gives both numbers (12 of the regime's men killed, 9 of the opposition's)
    # contradicts neither: its two figures count two groups.
    reported = {(f.article_id, classes[f], claim_of(f), f.value) for f in claimed}
    parts = _parts_and_wholes(pool)
    pairs: dict[tuple[str, str, str | None, float, float], dict[tuple[str, float], Figure]] = {}
    for a, b in combinations(claimed, 2):
        if a.article_id == b.article_id or same_quantity(a, b, classes) or claim_of(a) != claim_of(b):
            continue
        if (a.article_id, classes[a], claim_of(a), b.value) in reported or (
            b.article_id,
            classes[b],
            claim_of(b),
            a.value,
        ) in reported:
            continue
        ca, cb = classes[a], classes[b]
        if ca != cb or a.unit != b.unit or min(a.value, b.value) <= 0:
            continue
        if frozenset((a.value, b.value)) in parts:
            continue
        if max(a.value, b.value) / min(a.value, b.value) <= VALUE_CONFLICT_RATIO and same_happening(
            _claim(a, articles), _claim(b, articles)
        ):
            low, high = sorted((a.value, b.value))
            key = (ca or "?", claim_of(a) or "?", a.unit, low, high)
            claims = pairs.setdefault(key, {})
            for figure in (a, b):
                claims.setdefault((figure.article_id, figure.value), figure)
    return [
        Comparison(
            event_id=event_id,
            subject=f"{subject}: {claim}",
            verdict="conflict",
            claims=[_claim(f, articles) for f in figures.values()],
            reason=f"different figures for the same claim: {low:g} / {high:g}",
        )
        for (subject, claim, _unit, low, high), figures in pairs.items()
    ]


def _parts_and_wholes(pool: Sequence[Figure]) -> set[frozenset[float]]:
    """Pairs of values an article gives as a part and its whole ("قتل 23 شخصا ...، 17 منهم بسقوط
    مروحية"): the two count different groups in every article of the event, so an outlet that
    gives only the part contradicts none that gives the whole (Afghanistan, 2015-08-07)."""
    found: set[frozenset[float]] = set()
    before: dict[str, Figure] = {}  # each article's figure before the one at hand
    for figure in sorted(pool, key=lambda f: (f.article_id, f.span)):
        previous = before.get(figure.article_id)
        partitive = figure.subject is not None and normalize(figure.subject) in lexicon.PARTITIVES
        if partitive and previous is not None and previous.value > figure.value:
            found.add(frozenset((figure.value, previous.value)))
        before[figure.article_id] = figure
    return found


def _judge(
    event_id: str,
    group: list[Figure],
    claims: list[Claim],
    decisions: Sequence[StanceDecision],
    classes: Classes,
) -> Comparison:
    predicates = sorted({p for p in map(claim_of, group) if p})
    # The most specific class of the group: "people" only when no figure names a kind of people.
    subject = sorted((classes[f] or "?" for f in group), key=lambda c: c == GENERIC_PEOPLE)[0]
    label = f"{group[0].value:g} {subject}"
    stances = _stance_summary(decisions)
    by_claim = {p: [c for c, f in zip(claims, group, strict=True) if claim_of(f) == p] for p in predicates}
    # An article that makes both claims of one number (4 infected and 4 dead of a virus) counts
    # two groups that happen to be equal, as `_value_conflicts` reads two numbers of one article.
    by_article: dict[str, set[str]] = {}
    for f in group:
        by_article.setdefault(f.article_id, set()).add(claim_of(f) or "")
    conflicting = [
        (p, q)
        for p, q in combinations(predicates, 2)
        if predicates_conflict(p, q)
        and not any({p, q} <= made for made in by_article.values())
        and any(same_happening(a, b) for a in by_claim[p] for b in by_claim[q])
    ]
    if conflicting:
        p, q = conflicting[0]
        return Comparison(event_id, label, "conflict", claims, f"incompatible claims: {p} / {q}{stances}")
    # Figures that only give an order of magnitude are not what the sentences' other words decide on.
    vague = all(is_magnitude_hedge(f.approx) for f in group)
    # A clause around a figure holds the neighbouring facts too, so of the sentence rules only
    # opposite words (rose / fell) decide here; a negation only when a figure's own claim is negated
    # (the word before its verb): one elsewhere in the clause negates another verb ("لم تعلن
    # مسؤوليتها عن هجوم أوقع 15 قتيلا") or is a hedge (ما لا يقل عن), not the claim.
    negated = any(p.startswith("not ") for p in predicates)
    deciding = set(STANCE_RULES) | ({NEGATION_REASON} if negated else set())
    ruled = [
        d
        for d in decisions
        if d.stance == "disagree"
        and d.probabilities["disagree"] >= STANCE_CONFLICT_PROBABILITY
        and deciding & set(d.reason.split(", "))
    ]
    if ruled and not vague:
        return Comparison(
            event_id, label, "conflict", claims, f"the sentences disagree: {ruled[0].reason}{stances}"
        )
    if len(predicates) > 1:
        return Comparison(
            event_id, label, "differ", claims, f"different claims: {', '.join(predicates)}{stances}"
        )
    claiming = {f.article_id for f in group if claim_of(f)}
    if predicates and len(claiming) < len({f.article_id for f in group}):
        return Comparison(
            event_id, label, "differ", claims, f"a claim on one side only: {predicates[0]}{stances}"
        )
    if not predicates:
        return Comparison(event_id, label, "agree", claims, f"same figure, no claim on either side{stances}")
    return Comparison(event_id, label, "agree", claims, f"same figure and claim{stances}")


def _stance_pairs(group: list[Figure]) -> list[tuple[Figure, Figure]]:
    """The sentence pairs of a group worth judging: one figure per article, at most a few pairs.

    A figure repeated within an article says nothing new, and a large event can match dozens of
    figures of one small value; judging every pair would cost quadratic encoder time.
    """
    first: dict[str, Figure] = {}
    for figure in group:
        first.setdefault(figure.article_id, figure)
    return list(combinations(first.values(), 2))[:MAX_STANCE_PAIRS]


def _stance_summary(decisions: Sequence[StanceDecision]) -> str:
    """How the sentence pairs were judged, e.g. ``; sentences: 1 agree, 1 disagree``."""
    if not decisions:
        return ""
    counts = {s: sum(d.stance == s for d in decisions) for s in ("agree", "disagree", "other")}
    return "; sentences: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n)


def _clause(figure: Figure, articles: dict[str, Article]) -> str:
    """The clause of a figure's sentence that holds it: what the stance decision compares.

    A whole news sentence carries several facts; the decision was fitted on headline-length
    statements, so it is given the figure's clause, cut to a few words either side of the figure.
    """
    claim = _claim(figure, articles)
    article = articles[figure.article_id]
    inside = [c for c in clauses(article.text, *claim.span) if c[0] <= figure.span[0] < c[1]]
    start, end = inside[0] if inside else claim.span
    before = article.text[start : figure.span[0]].split()[-CLAUSE_WORDS:]
    after = article.text[figure.span[0] : end].split()[: CLAUSE_WORDS + 1]
    return " ".join(before + after)


def _claim(figure: Figure, articles: dict[str, Article]) -> Claim:
    """The figure's claim, read in its sentence so an editor sees what is said about it."""
    article = articles[figure.article_id]
    span = next(
        (s for s in article.sentences if s[0] <= figure.span[0] and figure.span[1] <= s[1]), figure.span
    )
    return Claim(
        article_id=figure.article_id,
        text=article.span_text(span),
        span=span,
        value=figure.value,
        predicate=claim_of(figure),
    )


def compare(
    events: Sequence[Event], figures: Sequence[Figure], articles: dict[str, Article]
) -> list[Comparison]:
    """Comparisons for every event with two or more articles."""
    by_article = ByArticle(figures)
    out: list[Comparison] = []
    for event in events:
        if len(event.article_ids) >= 2:
            out += compare_event(event, by_article.of(event.article_ids), articles)
    return out


def single_reports(
    events: Sequence[Event], figures: Sequence[Figure], articles: dict[str, Article]
) -> list[SingleReport]:
    """Figures of a multi-outlet event that one outlet alone reports: no article of another outlet
    matches them (an outlet repeating its own figure in two articles is still one outlet)."""
    by_article = ByArticle(figures)
    out: list[SingleReport] = []
    for event in events:
        if len({_outlet(articles[a]) for a in event.article_ids if a in articles}) < 2:
            continue
        pool = [f for f in _pool(event, by_article.of(event.article_ids)) if f.subject]
        classes = _classes(pool, articles)
        for figure in pool:
            outlet = _outlet(articles[figure.article_id])
            if not any(
                _outlet(articles[o.article_id]) != outlet and same_quantity(figure, o, classes) for o in pool
            ):
                out.append(SingleReport(event.id, _claim(figure, articles), "figure"))
    return out


def _outlet(article: Article) -> str:
    return article.outlet or article.id
