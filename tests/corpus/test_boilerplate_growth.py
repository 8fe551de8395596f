"""The boilerplate model grown as articles arrive (`grow`, what `isnad add` keeps in the store)
equals the model learnt in one pass over all of them (`Boilerplate.learn`, a batch run), and
names exactly the earlier articles whose boilerplate grew.

Real articles (the first 300 of SaudiNewsNet 2015-08-02 and of 2015-08-03, read from
../shared/data, never copied here): they hold datelines, formulas of the trade and outlets'
fixed lines, some of which only become common once the second day arrives.
"""

from __future__ import annotations

import gzip
from itertools import islice, pairwise

import pytest
from tests.gates import shared_data

from isnad.arabic.formulas import formula_keys
from isnad.corpus.boilerplate import Boilerplate
from isnad.corpus.boilerplate_growth import grow
from isnad.model import Article
from isnad.pipeline import read


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    folder = tmp_path_factory.mktemp("days")
    found: list[Article] = []
    for day in ("2015-08-02", "2015-08-03"):
        with gzip.open(shared_data(f"saudinewsnet/{day}.jsonl.gz"), "rt", encoding="utf-8") as lines:
            path = folder / f"{day}.jsonl"
            path.write_text("".join(islice(lines, 300)), encoding="utf-8")
        found += read([path])[0]
    return found


@pytest.fixture(scope="module")
def whole(articles: list[Article]) -> Boilerplate:
    return Boilerplate.learn(articles)


def _grown(articles: list[Article], cuts: list[int]) -> tuple[Boilerplate, list[set[str]], list[Boilerplate]]:
    by_id = {a.id: a for a in articles}

    def keyed(ids: list[str]) -> list[tuple[Article, list[str]]]:
        return [(by_id[i], formula_keys(by_id[i].text)) for i in ids]

    model, rows, changed, models = None, {}, [], []
    bounds = [0, *cuts, len(articles)]
    for start, end in pairwise(bounds):
        order = [a.id for a in articles[:end]]
        step = grow(model, order, rows, keyed(order[start:end]), keyed)
        model, rows = step.model, {**rows, **step.rows}
        changed.append(step.changed)
        models.append(model)
    assert model is not None
    return model, changed, models


@pytest.mark.parametrize("cuts", [[300], [150, 300, 450], [1, 599]])
def test_grown_in_steps_equals_learnt_at_once(
    articles: list[Article], whole: Boilerplate, cuts: list[int]
) -> None:
    assert len(whole.formulas) >= 20  # the test has teeth
    assert whole.lines
    model, _, _ = _grown(articles, cuts)
    assert model.to_json() == whole.to_json()


def test_grown_with_an_older_day_after_a_newer_one_equals_learnt_at_once(articles: list[Article]) -> None:
    newer_first = articles[300:] + articles[:300]  # a backfill: 2015-08-02 added after 2015-08-03
    cuts = [150, 300, 450]
    model, changed, models = _grown(newer_first, cuts)
    assert model.to_json() == Boilerplate.learn(newer_first).to_json()
    _assert_changed_are_those_that_grew(newer_first, cuts, changed, models)


def test_the_changed_articles_are_those_whose_boilerplate_grew(articles: list[Article]) -> None:
    cuts = [150, 300, 450]
    _, changed, models = _grown(articles, cuts)
    _assert_changed_are_those_that_grew(articles, cuts, changed, models)
    # The rest of the first day changes some of its first half; the second day, none of the first.
    assert len(changed[1]) >= 5
    assert changed[2] == set()


def _assert_changed_are_those_that_grew(
    articles: list[Article], cuts: list[int], changed: list[set[str]], models: list[Boilerplate]
) -> None:
    for step, (cut, before, after) in enumerate(zip(cuts, models, models[1:], strict=False), start=1):
        grew = {a.id for a in articles[:cut] if before.spans(a) != after.spans(a)}
        assert changed[step] == grew
