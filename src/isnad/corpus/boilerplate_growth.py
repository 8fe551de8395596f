"""The boilerplate model grown as articles arrive (`isnad add`): the model `Boilerplate.learn`
gives over the whole store, made from the stored model and what it counted in each article
(`Recurring`), reading again only the stored articles that hold a run the new ones make common.

Formulas and fixed lines hold from the day they became one (`isnad.corpus.boilerplate`), so a
day added after the stored ones changes the boilerplate of no stored article but those of its own
day. A day older than the newest stored one (a backfill) can, and those articles are named.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from isnad.arabic import Token
from isnad.corpus.arrays import distinct
from isnad.corpus.boilerplate import (
    Boilerplate,
    BoilerplateParams,
    LineTitles,
    article_day,
    first_runs,
    interned,
    titled_lines,
    token_keys,
)
from isnad.model import Article


@dataclass
class Recurring:
    """What the model counts in one article, kept so that the model can grow as articles arrive
    without reading the stored ones again: the hashes of its distinct runs (`run_hashes`), its
    outlet, its normalised title, its short lines (normalised) and its day (`article_day`)."""

    runs: NDArray[np.uint64]
    outlet: str | None
    title: str
    lines: list[str]
    day: int

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
            article_day(article),
        )


def run_hash(run: str) -> int:
    """A run's stable 64-bit hash (the same in every process, unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(run.encode(), digest_size=8).digest(), "little")


def run_hashes(runs: Iterable[str]) -> NDArray[np.uint64]:
    return distinct(np.array([run_hash(r) for r in runs], dtype=np.uint64))


@dataclass
class Grown:
    """The model over every stored article, the rows of the articles it learnt from anew, and
    the stored articles whose boilerplate is not what it was (a run of theirs became a formula
    for their day, or a line of theirs a fixed line of their outlet; after a backfill, also one
    that no longer is)."""

    model: Boilerplate
    rows: dict[str, Recurring]
    changed: set[str]


def grow(
    model: Boilerplate | None,
    order: Sequence[str],
    stored: Mapping[str, Recurring],
    new: Iterable[tuple[Article, list[str]]],
    read: Callable[[Sequence[str]], Iterable[tuple[Article, list[str]]]],
) -> Grown:
    """The model `Boilerplate.learn` gives over every article in ``order`` (the store's order),
    from the stored ``model``, the rows of the articles it was learnt from (``stored``) and the
    articles without rows (``new``, with the keys of their tokens: `formula_keys`). ``read`` gives
    the keys of stored articles, asked only for those holding a run the new articles make common.

    Why it equals a fresh learn: a run's verdict depends only on the articles that hold it, taken
    day by day and in store order within a day, so only runs of new articles can change. When no
    new article is older than the newest stored one, new holders come after the stored ones, so a
    formula stays one from the same day; runs of new articles held by ``min_articles`` articles
    are judged again over all their holders. A new article older than that (a backfill) comes
    between stored holders, so every run it holds is judged again. Fixed lines are counted again
    over every article's rows (a few short lines each).
    """
    model = model or Boilerplate()
    params = model.params
    position = {article_id: n for n, article_id in enumerate(order)}
    # Only the keys of new articles are kept (interned, so a word is held once), not their runs:
    # the runs of the few that hold a recurring run are made again from the keys below.
    keys_of: dict[int, list[str]] = {}
    outlet_of: dict[int, str | None] = {}
    rows: dict[str, Recurring] = {}
    for article, keys in new:
        at = position[article.id]
        keys_of[at] = interned(keys)
        outlet_of[at] = article.outlet
        rows[article.id] = Recurring.of_keys(article, keys_of[at], params)
    newest_stored = max((row.day for row in stored.values()), default=0)
    backfill = any(row.day < newest_stored for row in rows.values())
    everything = {**stored, **rows}
    day_of = {position[i]: row.day for i, row in everything.items()}
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
    formulas, outlets, since = dict(model.formulas), dict(model.outlets), dict(model.since)
    # Formulas the new articles hold again: their counts, as a fresh learn gives them.
    outlet_code = {o: n for n, o in enumerate(sorted({r.outlet or "" for r in everything.values()}))}
    code_at = {position[i]: outlet_code[r.outlet or ""] for i, r in everything.items()}
    for h, lo, hi in zip(
        asked[is_known].tolist(), start[is_known].tolist(), end[is_known].tolist(), strict=True
    ):
        run = known[h]
        formulas[run] = hi - lo
        outlets[run] = len({code_at[p] for p in owner[lo:hi].tolist()})
    # Runs the new articles make common (after a backfill, every common run they hold): judged
    # again over all their holders.
    often = (backfill | ~is_known) & (end - start >= params.min_articles)
    common = list(zip(asked[often].tolist(), start[often].tolist(), end[often].tolist(), strict=True))
    del asked, start, end, is_known, often
    holders = sorted({p for _, lo, hi in common for p in owner[lo:hi].tolist()})
    wanted = [order[p] for p in holders if p not in keys_of]
    for article, keys in read(wanted):
        at = position[article.id]
        keys_of[at] = interned(keys)
        outlet_of[at] = article.outlet
    named = {h for h, _, _ in common}
    seen_in: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for at in holders:
        for run, where in first_runs(keys_of[at], params.n).items():
            if run_hash(run) in named:
                seen_in[run].append((at, where))
    judged = Boilerplate.judged(seen_in, {at: keys_of[at] for at in holders}, outlet_of, day_of, params)
    new_ids = set(rows)
    changed: set[str] = set()
    for run, held_by in seen_in.items():
        was, now = model.since.get(run), judged.since.get(run)
        if run in judged.formulas:
            formulas[run], outlets[run], since[run] = (
                judged.formulas[run],
                judged.outlets[run],
                judged.since[run],
            )
        else:  # after a backfill a formula can stop being one: the holders it counted copy an older one
            for table in (formulas, outlets, since):
                table.pop(run, None)
        changed |= {order[at] for at, _ in held_by if _covers(was, day_of[at]) != _covers(now, day_of[at])}
    titles = LineTitles()
    for row in everything.values():
        for line in row.lines:
            titles.add_line(row.outlet or "", line, row.title, row.day)
    lines = titles.fixed(params)
    changed |= {
        i
        for i, row in stored.items()
        for line in row.lines
        if _covers(model.lines.get(row.outlet or "", {}).get(line), row.day)
        != _covers(lines.get(row.outlet or "", {}).get(line), row.day)
    }
    grown = Boilerplate(params=params, formulas=formulas, outlets=outlets, since=since, lines=lines)
    return Grown(grown, rows, changed - new_ids)


def _covers(since: int | None, day: int) -> bool:
    """Whether a formula or line that holds from ``since`` (None: not one) covers an article of ``day``."""
    return since is not None and since <= day
