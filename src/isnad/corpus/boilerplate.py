"""Boilerplate learnt from the corpus: the formulas and fixed lines outlets repeat, which are not news.

Agency datelines (``الرياض 18 شوال 1436 هـ الموافق 03 أغسطس 2015م واس``), market-report
headers, columnists' SMS and contact footers, "news link" lines, closing prayers and condolence
formulas, standing appeals, the full protocol titles of royals and ministers: text that recurs in
many articles that otherwise say different things. Two articles that share only such text have not
copied each other, and features made from it say nothing about the article's event.

The unit is a run of ``n`` consecutive tokens (punctuation dropped, each token keyed by
`isnad.arabic.formulas.formula_key`, so the day's date or a columnist's code does not hide the
formula). A run is a formula when it occurs in at least ``min_articles`` articles that are *not
copies of one another*: the same agency release printed by six outlets is six copies of one piece
of news, not a formula, so recurrence is counted over independent articles only: apart from the shared block
of text that holds the run, two articles must share less than ``copy_overlap`` of the smaller
one's word trigrams. A formula run covers its
tokens; the covered tokens of an article, merged into runs, are its formula spans.

The model has a second layer, each outlet's **fixed lines**: a whole short line (a byline, an
SMS footer, a "news link" line) that recurs, word for word once normalised, under at least
``min_titles`` differently titled articles of one outlet. They say who published, not what
happened. Both layers are learnt in one pass over the corpus (`Boilerplate.learn`) and found by
one method (`Boilerplate.spans`). Text reuse leaves out both (neither is evidence of copying);
the events stage leaves out the fixed lines only: formulas of the trade include the titles of
office that name an event's actors.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from isnad.arabic import Token, normalize, tokenize
from isnad.arabic.formulas import formula_key, formula_keys
from isnad.corpus.arrays import distinct
from isnad.model import Article, Span


@dataclass(frozen=True)
class BoilerplateParams:
    """Why these values: see docs/reuse.md ("Boilerplate")."""

    n: int = 5  # tokens per run: the shortest formulas (a closing prayer) are about five words
    # Independent articles a run must recur in. Within one day a piece of news is rarely told,
    # word for word, in four articles that are otherwise different, while formulas recur in
    # dozens (datelines, footers) or at least in every article of a kind (appeals, titles).
    min_articles: int = 4
    # Two articles are copies when, beyond the block they share around a run, this share of the
    # smaller one's word trigrams is in the other.
    copy_overlap: float = 0.5
    # Under this many differently titled articles of one outlet, a repeated line may be a story
    # the outlet followed all day; a byline or a footer recurs far more often over a day's output.
    min_titles: int = 4
    max_line_chars: int = 200  # fixed lines are short; a long repeated paragraph is content

    def __post_init__(self) -> None:
        if (
            self.n < 2
            or self.min_articles < 2
            or not 0 < self.copy_overlap <= 1
            or self.min_titles < 2
            or self.max_line_chars < 1
        ):
            raise ValueError(f"BoilerplateParams out of range: {self}")


Layer = Literal["formula", "line"]
LAYERS: tuple[Layer, ...] = ("formula", "line")
# What the events stage leaves out of its features: an outlet's fixed lines say who published,
# while formulas of the trade include the titles of office that name an event's actors.
FIXED_LINES: tuple[Layer, ...] = ("line",)


@dataclass
class Boilerplate:
    """The formulas and fixed lines of a corpus, and how to find them in any article.

    ``formulas`` maps each formula run (keys joined by spaces) to the number of articles it was
    seen in, and ``outlets`` to how many outlets those articles came from (1: an outlet's own
    template; more: a formula of the trade). ``lines`` holds each outlet's fixed lines (normalised).
    """

    params: BoilerplateParams = field(default_factory=BoilerplateParams)
    formulas: dict[str, int] = field(default_factory=dict)
    outlets: dict[str, int] = field(default_factory=dict)
    lines: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def learn(
        cls,
        articles: Iterable[Article],
        params: BoilerplateParams | None = None,
        layers: Collection[Layer] = LAYERS,
    ) -> Boilerplate:
        """These layers, in one pass over the corpus (``articles`` may be a stream). Fixed lines
        alone need no tokens and keep only each line's titles, not the articles' text."""
        with_keys = "formula" in layers
        return cls._learn(((a, formula_keys(a.text) if with_keys else []) for a in articles), params, layers)

    @classmethod
    def learn_tokens(
        cls,
        documents: Iterable[tuple[Article, Sequence[Token]]],
        params: BoilerplateParams | None = None,
        layers: Collection[Layer] = LAYERS,
    ) -> Boilerplate:
        """The same from already tokenised articles: (article, its tokens without punctuation)."""
        keyed = ((a, token_keys(tokens)) for a, tokens in documents)
        return cls._learn(keyed, params, layers)

    @classmethod
    def _learn(
        cls,
        documents: Iterable[tuple[Article, list[str]]],
        params: BoilerplateParams | None = None,
        layers: Collection[Layer] = LAYERS,
    ) -> Boilerplate:
        """The same from each article's token keys (`formula_keys`)."""
        params = params or BoilerplateParams()
        outlet_of: dict[int, str | None] = {}
        keys_of: dict[int, list[str]] = {}
        runs = _RunTable()
        titles: dict[tuple[str, str], set[str]] = defaultdict(set)  # (outlet, line) -> titles under it
        for number, (article, keys) in enumerate(documents):
            if "line" in layers:
                for outlet, line, title in titled_lines(article, params):
                    titles[(outlet, line)].add(title)
            if "formula" not in layers:
                continue
            outlet_of[number] = article.outlet
            keys_of[number] = interned(keys)
            runs.add(number, first_runs(keys_of[number], params.n))
        seen_in = runs.recurring(keys_of, params.n, params.min_articles)
        # The copy judge reads only the articles that hold a recurring run.
        holders = {at for where in seen_in.values() for at, _ in where}
        lines = fixed_lines(((o, line, len(seen)) for (o, line), seen in titles.items()), params)
        return cls.judged(seen_in, {at: keys_of[at] for at in sorted(holders)}, outlet_of, params, lines)

    @classmethod
    def judged(
        cls,
        seen_in: Mapping[str, Sequence[tuple[int, int]]],
        keys_of: Mapping[int, list[str]],
        outlet_of: Mapping[int, str | None],
        params: BoilerplateParams | None = None,
        lines: Mapping[str, frozenset[str]] | None = None,
    ) -> Boilerplate:
        """The model from runs counted apart: the formulas among the runs ``seen_in`` (run ->
        (article, position), articles in corpus order) are those in ``min_articles`` independent
        articles. ``keys_of`` and ``outlet_of`` need hold only the articles of runs seen that
        often (the Spark job counts runs in parallel and judges the recurring ones here)."""
        params = params or BoilerplateParams()
        judge = _CopyJudge(keys_of, params.copy_overlap)
        formulas: dict[str, int] = {}
        outlets: dict[str, int] = {}
        for run, where in seen_in.items():
            if len(where) < params.min_articles:
                continue
            if judge.independent(where, params.min_articles) >= params.min_articles:
                formulas[run] = len(where)
                outlets[run] = len({outlet_of[i] for i, _ in where})
        return cls(params=params, formulas=formulas, outlets=outlets, lines=dict(lines or {}))

    def spans(
        self, article: Article, layers: Collection[Layer] = LAYERS, tokens: Sequence[Token] | None = None
    ) -> list[Span]:
        """Character spans of the article's boilerplate of these layers, in order, not overlapping.
        ``tokens``: the article's `words`, when the caller has them."""
        found = self.line_spans(article) if "line" in layers else []
        if "formula" in layers:
            found += self._formula_spans(words(article.text) if tokens is None else tokens)
        merged: list[Span] = []
        for start, end in sorted(found):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def line_spans(self, article: Article) -> list[Span]:
        """Where the article's outlet's fixed lines lie in its text."""
        fixed = self.lines.get(article.outlet or "")
        if not fixed:
            return []
        return [
            (start, end)
            for start, end, line in _lines(article.text, self.params.max_line_chars)
            if line in fixed
        ]

    def _formula_spans(self, tokens: Sequence[Token]) -> list[Span]:
        covered = self.covered(tokens)
        spans: list[Span] = []
        for i, token in enumerate(tokens):
            if not covered[i]:
                continue
            if spans and i and covered[i - 1]:
                spans[-1] = (spans[-1][0], token.end)
            else:
                spans.append((token.start, token.end))
        return spans

    def covered(self, tokens: Sequence[Token], article: Article | None = None) -> list[bool]:
        """For each token (punctuation dropped), whether a formula covers it, or, given the
        article the tokens are of, one of its outlet's fixed lines."""
        return self.covered_keys([formula_key(t) for t in tokens], [t.start for t in tokens], article)

    def covered_keys(
        self, keys: Sequence[str], starts: Sequence[int], article: Article | None = None
    ) -> list[bool]:
        """`covered` from each token's `formula_key` and where it starts (a Doc's arrays give
        them without making its tokens)."""
        n = self.params.n
        covered = [False] * len(keys)
        for i in range(len(keys) - n + 1):
            if " ".join(keys[i : i + n]) in self.formulas:
                covered[i : i + n] = [True] * n
        if article is not None:
            for start, end in self.line_spans(article):
                for i, token_start in enumerate(starts):
                    if start <= token_start < end:
                        covered[i] = True
        return covered

    def to_json(self) -> str:
        """A compact text form for a store to keep; `from_json` restores it."""
        return json.dumps(
            {
                "params": {
                    "n": self.params.n,
                    "min_articles": self.params.min_articles,
                    "copy_overlap": self.params.copy_overlap,
                    "min_titles": self.params.min_titles,
                    "max_line_chars": self.params.max_line_chars,
                },
                "formulas": [
                    [run, count, self.outlets.get(run, 0)] for run, count in sorted(self.formulas.items())
                ],
                "lines": {outlet: sorted(lines) for outlet, lines in sorted(self.lines.items())},
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Boilerplate:
        try:
            data = json.loads(text)
            params = BoilerplateParams(**data["params"])
            formulas = {str(run): int(count) for run, count, _ in data["formulas"]}
            outlets = {str(run): int(outlets) for run, _, outlets in data["formulas"]}
            lines = {str(outlet): frozenset(map(str, found)) for outlet, found in data["lines"].items()}
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"not a saved Boilerplate: {error}") from error
        return cls(params=params, formulas=formulas, outlets=outlets, lines=lines)


@dataclass
class Recurring:
    """What the model counts in one article, kept so that the model can grow as articles arrive
    without reading the stored ones again: the hashes of its distinct runs (`run_hashes`), its
    outlet, its normalised title and its short lines (normalised)."""

    runs: NDArray[np.uint64]
    outlet: str | None
    title: str
    lines: list[str]

    @classmethod
    def of(cls, article: Article, tokens: Sequence[Token], params: BoilerplateParams) -> Recurring:
        """From the article and its tokens without punctuation."""
        return cls.of_keys(article, token_keys(tokens), params)

    @classmethod
    def of_keys(cls, article: Article, keys: list[str], params: BoilerplateParams) -> Recurring:
        """From the article and its tokens' keys (`formula_key`)."""
        first = first_runs(keys, params.n)
        titled = list(titled_lines(article, params))
        return cls(
            run_hashes(first),
            article.outlet,
            titled[0][2] if titled else "",
            [line for _, line, _ in titled],
        )


def run_hash(run: str) -> int:
    """A run's stable 64-bit hash (the same in every process, unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(run.encode(), digest_size=8).digest(), "little")


def run_hashes(runs: Iterable[str]) -> NDArray[np.uint64]:
    return distinct(np.array([run_hash(r) for r in runs], dtype=np.uint64))


@dataclass
class Grown:
    """The model over every stored article, the rows of the articles it learnt from anew, and
    the stored articles whose boilerplate is now more than before (a run of theirs became a
    formula, or a line of theirs a fixed line of their outlet)."""

    model: Boilerplate
    rows: dict[str, Recurring]
    changed: set[str]


def grow(
    model: Boilerplate | None,
    order: Sequence[str],
    stored: Mapping[str, Recurring],
    new: Iterable[tuple[Article, Sequence[Token]]],
    read: Callable[[Sequence[str]], Iterable[tuple[Article, Sequence[Token]]]],
) -> Grown:
    """The model `Boilerplate.learn` gives over every article in ``order`` (the store's order),
    from the stored ``model``, the rows of the articles it was learnt from (``stored``) and the
    articles without rows (``new``, with their tokens without punctuation). ``read`` gives the
    tokens of stored articles, asked only for those holding a run the new articles make common.

    Why it equals a fresh learn: a run's verdict depends only on the articles that hold it, in
    store order, so only runs of new articles can change; a formula stays one, since new articles
    come after the stored ones and the independent holders it was judged on stay first. Runs of
    new articles held by ``min_articles`` articles are judged again over all their holders. Fixed
    lines are counted again over every article's rows (a few short lines each).
    """
    model = model or Boilerplate()
    params = model.params
    position = {article_id: n for n, article_id in enumerate(order)}
    # Only the keys of new articles are kept (interned, so a word is held once), not their runs:
    # the runs of the few that hold a recurring run are made again from the keys below.
    keys_of: dict[int, list[str]] = {}
    outlet_of: dict[int, str | None] = {}
    rows: dict[str, Recurring] = {}
    for article, tokens in new:
        at = position[article.id]
        keys_of[at] = interned(token_keys(tokens))
        outlet_of[at] = article.outlet
        rows[article.id] = Recurring.of_keys(article, keys_of[at], params)
    everything = {**stored, **rows}
    ids = [i for i in order if i in everything]
    hashes = np.concatenate([everything[i].runs for i in ids] or [np.zeros(0, dtype=np.uint64)])
    owner = np.repeat(
        np.array([position[i] for i in ids], dtype=np.int64), [len(everything[i].runs) for i in ids]
    )
    sort = np.argsort(hashes, kind="stable")  # holders of a run stay in store order
    hashes, owner = hashes[sort], owner[sort]
    known = {run_hash(run): run for run in model.formulas}
    asked = distinct(np.concatenate([r.runs for r in rows.values()] or [np.zeros(0, dtype=np.uint64)]))
    start, end = np.searchsorted(hashes, asked, "left"), np.searchsorted(hashes, asked, "right")
    # The new articles' runs go through numpy: a day holds millions, and only the few that are
    # formulas already or recur often enough are looked at one by one.
    is_known = np.isin(asked, np.fromiter(known, dtype=np.uint64, count=len(known)))
    formulas, outlets = dict(model.formulas), dict(model.outlets)
    # Formulas the new articles hold again: their counts, as a fresh learn gives them.
    outlet_code = {o: n for n, o in enumerate(sorted({r.outlet or "" for r in everything.values()}))}
    code_at = {position[i]: outlet_code[r.outlet or ""] for i, r in everything.items()}
    for h, lo, hi in zip(
        asked[is_known].tolist(), start[is_known].tolist(), end[is_known].tolist(), strict=True
    ):
        run = known[h]
        formulas[run] = hi - lo
        outlets[run] = len({code_at[p] for p in owner[lo:hi].tolist()})
    # Runs the new articles make common: judged again over all their holders.
    often = ~is_known & (end - start >= params.min_articles)
    common = list(zip(asked[often].tolist(), start[often].tolist(), end[often].tolist(), strict=True))
    del asked, start, end, is_known, often
    holders = sorted({p for _, lo, hi in common for p in owner[lo:hi].tolist()})
    wanted = [order[p] for p in holders if p not in keys_of]
    for article, tokens in read(wanted):
        at = position[article.id]
        keys_of[at] = interned(token_keys(tokens))
        outlet_of[at] = article.outlet
    named = {h for h, _, _ in common}
    seen_in: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for at in holders:
        for run, where in first_runs(keys_of[at], params.n).items():
            if run_hash(run) in named:
                seen_in[run].append((at, where))
    judged = Boilerplate.judged(seen_in, {at: keys_of[at] for at in holders}, outlet_of, params)
    formulas.update(judged.formulas)
    outlets.update(judged.outlets)
    new_ids = set(rows)
    changed = {order[at] for run in judged.formulas for at, _ in seen_in[run]} - new_ids
    titles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in everything.values():
        for line in row.lines:
            titles[(row.outlet or "", line)].add(row.title)
    lines = fixed_lines(((o, line, len(seen)) for (o, line), seen in titles.items()), params)
    added = {(o, line) for o, found in lines.items() for line in found - model.lines.get(o, frozenset())}
    changed |= {
        i
        for i, row in stored.items()
        if i not in new_ids and any((row.outlet or "", line) in added for line in row.lines)
    }
    grown = Boilerplate(params=params, formulas=formulas, outlets=outlets, lines=lines)
    return Grown(grown, rows, changed)


def inside(position: int, spans: list[Span]) -> bool:
    """Whether a character position lies in one of ``spans``."""
    return any(start <= position < end for start, end in spans)


def titled_lines(article: Article, params: BoilerplateParams) -> Iterator[tuple[str, str, str]]:
    """(outlet, normalised line, normalised title) for each short line of an article with an
    outlet: what the fixed-lines layer counts."""
    if not article.outlet:
        return
    title = normalize(article.title or article.text[:80])
    for _, _, line in _lines(article.text, params.max_line_chars):
        yield article.outlet, line, title


def fixed_lines(
    counts: Iterable[tuple[str, str, int]], params: BoilerplateParams
) -> dict[str, frozenset[str]]:
    """Each outlet's fixed lines from (outlet, line, how many distinct titles it appears under)."""
    found: dict[str, set[str]] = defaultdict(set)
    for outlet, line, titles in counts:
        if titles >= params.min_titles:
            found[outlet].add(line)
    return {outlet: frozenset(lines) for outlet, lines in found.items()}


def runs_of(tokens: Sequence[Token], n: int) -> tuple[list[str], dict[str, int]]:
    """An article's token keys (punctuation dropped) and each distinct run of ``n`` keys with the
    position it first starts at."""
    keys = token_keys(tokens)
    return keys, first_runs(keys, n)


def token_keys(tokens: Iterable[Token]) -> list[str]:
    """The `formula_key` of each token, punctuation dropped: what boilerplate is counted on."""
    return [formula_key(t) for t in tokens if t.kind != "punct"]


def interned(keys: Iterable[str]) -> list[str]:
    """Token keys sharing one string per distinct word: a corpus's keys held for every article
    cost a pointer per token, not a string."""
    return [sys.intern(k) for k in keys]


class _RunTable:
    """Where each distinct run of every article first starts, as flat arrays of run hashes,
    articles and positions: a corpus's runs counted without a dictionary entry per run."""

    def __init__(self) -> None:
        self.hashes: list[NDArray[np.int64]] = []
        self.owners: list[NDArray[np.int64]] = []
        self.starts: list[NDArray[np.int64]] = []

    def add(self, article: int, first: Mapping[str, int]) -> None:
        # Python's own string hash: the table lives in one process and never leaves it.
        self.hashes.append(np.fromiter(map(hash, first), dtype=np.int64, count=len(first)))
        self.owners.append(np.full(len(first), article, dtype=np.int64))
        self.starts.append(np.fromiter(first.values(), dtype=np.int64, count=len(first)))

    def recurring(
        self, keys_of: Mapping[int, list[str]], n: int, least: int
    ) -> dict[str, list[tuple[int, int]]]:
        """Each run held by ``least`` articles or more: its (article, position) in article order;
        runs listed as a pass over the articles meets them first."""
        if not self.hashes:
            return {}
        hashes, owners, starts = (np.concatenate(a) for a in (self.hashes, self.owners, self.starts))
        order = np.argsort(hashes, kind="stable")  # holders of a run stay in article order
        hashes, owners, starts = hashes[order], owners[order], starts[order]
        bounds = np.flatnonzero(np.diff(hashes)) + 1
        lows = np.concatenate([[0], bounds])
        highs = np.concatenate([bounds, [len(hashes)]])
        many = highs - lows >= least
        lows, highs = lows[many], highs[many]
        first = np.lexsort((starts[lows], owners[lows]))
        seen_in: dict[str, list[tuple[int, int]]] = {}
        for lo, hi in zip(lows[first].tolist(), highs[first].tolist(), strict=True):
            at, start = int(owners[lo]), int(starts[lo])
            run = " ".join(keys_of[at][start : start + n])
            seen_in[run] = list(zip(owners[lo:hi].tolist(), starts[lo:hi].tolist(), strict=True))
        return seen_in


def first_runs(keys: list[str], n: int) -> dict[str, int]:
    """Each distinct run of ``n`` keys with the position it first starts at."""
    first: dict[str, int] = {}
    for i in range(len(keys) - n + 1):
        first.setdefault(" ".join(keys[i : i + n]), i)
    return first


def words(text: str) -> list[Token]:
    """The tokens the formulas layer reads: the text's, punctuation dropped."""
    return [t for t in tokenize(text) if t.kind != "punct"]


def _lines(text: str, longest: int) -> Iterator[tuple[int, int, str]]:
    """Each short non-empty line of the text: its span and its normalised form."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip() and len(line) <= longest:
            yield start, end, " ".join(normalize(line).split())
        start = end + 1


class _CopyJudge:
    """Whether two articles that share a run are copies of one another.

    Copies share word trigrams all through, and rewrites of one release most of their words;
    articles that share a formula share one block of text around it and little else. So the
    shared block holding the run is set aside, and the rest is compared: copies when what else
    they share (trigrams, or words of four letters or more) reaches ``overlap`` of the smaller rest.
    """

    def __init__(self, keys: Mapping[int, list[str]], overlap: float) -> None:
        self.keys = keys
        # As sorted arrays of hashes, not sets: a corpus's worth of them is held at once.
        self.trigrams = {n: _hash_set(_trigrams(k, 0, len(k))) for n, k in keys.items()}
        # Words of four letters or more: the names, places and figures a rewrite keeps.
        self.words = {n: _hash_set(hash(w) for w in k if len(w) > 3) for n, k in keys.items()}
        self.overlap = overlap
        self._shared: dict[tuple[int, int], tuple[int, int]] = {}
        self._known: dict[tuple[int, int, int], bool] = {}

    def copies(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """``a`` and ``b`` are (article, position of the run in it)."""
        (first, i), (second, j) = a, b
        keys_a, keys_b = self.keys[first], self.keys[second]
        while i and j and keys_a[i - 1] == keys_b[j - 1]:  # the shared block's start
            i, j = i - 1, j - 1
        key = (first, second, i)
        known = self._known.get(key)
        if known is None:
            length = 0
            while (
                i + length < len(keys_a)
                and j + length < len(keys_b)
                and keys_a[i + length] == keys_b[j + length]
            ):
                length += 1
            known = self._known[key] = self._beyond(first, second, keys_a[i : i + length])
        return known

    def _beyond(self, first: int, second: int, block: list[str]) -> bool:
        """Copies by what they share beyond the block: word trigrams (a copy), or words (a rewrite)."""
        pair = (min(first, second), max(first, second))
        if pair not in self._shared:
            self._shared[pair] = (
                len(np.intersect1d(self.trigrams[first], self.trigrams[second], assume_unique=True)),
                len(np.intersect1d(self.words[first], self.words[second], assume_unique=True)),
            )
        shared_trigrams, shared_words = self._shared[pair]
        by_trigrams = (shared_trigrams, self.trigrams, _trigrams(block, 0, len(block)))
        by_words = (shared_words, self.words, {w for w in block if len(w) > 3})
        for shared, sets, in_block in (by_trigrams, by_words):
            rest = min(len(sets[first]), len(sets[second])) - len(in_block)
            # An article that is all block can't be told apart from a copy: it counts as one.
            if rest < 3 or shared - len(in_block) >= self.overlap * rest:
                return True
        return False

    def independent(self, where: Sequence[tuple[int, int]], enough: int) -> int:
        """How many of ``where`` copy none of the others kept (greedy; stops at ``enough``)."""
        kept: list[tuple[int, int]] = []
        for occurrence in where:
            if all(not self.copies(occurrence, other) for other in kept):
                kept.append(occurrence)
                if len(kept) >= enough:
                    break
        return len(kept)


def _hash_set(hashes: Iterable[int]) -> NDArray[np.int64]:
    return distinct(np.fromiter(hashes, dtype=np.int64))


def _trigrams(keys: list[str], start: int, end: int) -> set[int]:
    return {hash((keys[i], keys[i + 1], keys[i + 2])) for i in range(start, end - 2)}
