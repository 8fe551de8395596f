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

from isnad.corpus.boilerplate import Boilerplate, grow, words
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


def _grown(articles: list[Article], cuts: list[int]) -> tuple[Boilerplate, list[set[str]]]:
    by_id = {a.id: a for a in articles}

    def tokenised(ids: list[str]) -> list[tuple[Article, list]]:
        return [(by_id[i], words(by_id[i].text)) for i in ids]

    model, rows, changed = None, {}, []
    bounds = [0, *cuts, len(articles)]
    for start, end in pairwise(bounds):
        order = [a.id for a in articles[:end]]
        step = grow(model, order, rows, tokenised(order[start:end]), tokenised)
        model, rows = step.model, {**rows, **step.rows}
        changed.append(step.changed)
    assert model is not None
    return model, changed


@pytest.mark.parametrize("cuts", [[300], [150, 300, 450], [1, 599]])
def test_grown_in_steps_equals_learnt_at_once(
    articles: list[Article], whole: Boilerplate, cuts: list[int]
) -> None:
    assert len(whole.formulas) >= 20  # the test has teeth
    assert whole.lines
    model, _ = _grown(articles, cuts)
    assert model.to_json() == whole.to_json()


def test_the_changed_articles_are_those_whose_boilerplate_grew(
    articles: list[Article], whole: Boilerplate
) -> None:
    first = Boilerplate.learn(articles[:300])
    _, changed = _grown(articles, [300])
    grew = {a.id for a in articles[:300] if first.spans(a) != whole.spans(a)}
    assert len(grew) >= 5  # the second day makes formulas and lines of the first day's text
    assert changed[1] == grew
