"""A comparison as an editor reads it: the claims by value, each sentence once with its articles."""

from __future__ import annotations

from isnad.model import Article, Claim, Comparison
from isnad.serve.views import _sides


def test_a_conflict_reads_as_its_values_each_with_the_articles_giving_it() -> None:
    release = "نتج عنه استشهاد عشرة من منسوبي القوات."
    claims = [
        Claim("a", release, (0, 10), 10),
        Claim("b", release, (0, 10), 10),
        Claim("c", "مما نتج عنه استشهاد 12 من منسوبي القوات.", (0, 10), 12),
        Claim("d", "وأسفر عن استشهاد عشرة من منسوبي القوات.", (0, 10), 10),
    ]
    outlets = {"a": "alyaum", "b": "alweeam", "c": "sabq", "d": "okaz"}
    by_id = {i: Article(i, "", "", outlet=o) for i, o in outlets.items()}
    sides = _sides(Comparison("e", "soldiers: killed", "conflict", claims), by_id)
    assert [(side.value, side.article_count) for side in sides] == [(10, 3), (12, 1)]
    ten = sides[0]
    assert [t.text for t in ten.texts] == [release, "وأسفر عن استشهاد عشرة من منسوبي القوات."]
    assert [v.outlet for v in ten.texts[0].articles] == ["alyaum", "alweeam"]  # one release, printed twice
