"""The whole pipeline with a store, on random articles: nothing raises, nothing is poisoned.

Articles hold numbers of any size, dates of any year, relative dates, any mix of scripts, text with
or without punctuation and sentences thousands of words long; their publication dates are of any
year or no date at all. Every run must finish, write JSON that validates, leave a store that
passes SQLite's integrity check, and a second run over the same input must change nothing.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isnad.model import Analysis
from isnad.output import analysis_to_dict, validate
from isnad.pipeline import analyze

ARABIC_WORDS = [
    "قال",
    "الوزير",
    "إن",
    "الحكومة",
    "قتل",
    "شخصا",
    "أصيب",
    "مقاتلا",
    "عادوا",
    "إلى",
    "بلادهم",
    "نحو",
    "أكثر",
    "من",
    "ألف",
    "مليون",
    "مليار",
    "أمس",
    "غدا",
    "الشهر",
    "الماضي",
    "العام",
    "المقبل",
    "يناير",
    "تشرين",
    "الثاني",
    "عام",
    "وكالة",
    "الأنباء",
    "الرئيس",
    "داعش",
    "سوريا",
]
OTHER_SCRIPTS = ["Reuters", "UN", "東京", "Москва", "😀", "ש", "١٢٣", "۴۵۶", "%", "&quot;", "&#8220;"]
PUNCTUATION = [".", "،", "؟", "!", ":", '"', "«", "»", "(", ")", "\n", "\n\n"]

numbers = st.integers(min_value=0, max_value=10**450).map(str)
words = st.one_of(
    st.sampled_from(ARABIC_WORDS),
    numbers,
    st.sampled_from(OTHER_SCRIPTS),
    st.sampled_from(PUNCTUATION),
)
# Short articles, and long lines without a stop: a few words repeated thousands of times.
short_text = st.lists(words, min_size=3, max_size=80).map(" ".join)
long_line = st.tuples(
    st.lists(st.sampled_from(ARABIC_WORDS), min_size=1, max_size=6), st.integers(500, 3000)
).map(lambda pair: " ".join(pair[0] * pair[1]))
published = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),  # years 1 to 9999
    st.sampled_from(["0000-01-01", "10000-01-01", "not a date at all", "", "2015-13-45"]),
)
article = st.fixed_dictionaries(
    {
        "text": st.one_of(short_text, long_line),
        "published": published,
        "title": st.one_of(st.none(), short_text),
    }
)


def _results(db: Path) -> tuple[list[Any], list[Any]]:
    with sqlite3.connect(db) as connection:
        articles = connection.execute("SELECT id, text, published FROM articles ORDER BY id").fetchall()
        results = connection.execute("SELECT kind, seq, record FROM results ORDER BY kind, seq").fetchall()
    return articles, results


def _document(analysis: Analysis) -> dict[str, Any]:
    document = analysis_to_dict(analysis)
    json.dumps(document, allow_nan=False)  # no NaN or Infinity anywhere
    validate(document)
    return document


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article, min_size=1, max_size=3))
def test_any_articles_run_through_the_pipeline_and_a_store_without_harm(
    records: list[dict[str, Any]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "day.jsonl"
        inputs.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
        db = Path(folder) / "isnad.db"
        first = _document(analyze([inputs], db=db))
        with sqlite3.connect(db) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = _results(db)
        second = _document(analyze([inputs], db=db))
        assert second == first
        assert _results(db) == stored
