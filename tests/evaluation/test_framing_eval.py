"""The framing evaluation and the gold-day reader, on small files written here."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from isnad.cli import app
from isnad.evaluation.framing import evaluate_framing
from isnad.evaluation.gold_events import conflicts_across_gold_events, read_gold_day
from isnad.model import Claim, Comparison

TEXTS = {
    "http://a/1": "تقدمت المقاومة الشعبية نحو المدينة.\nوانسحبت ميليشيات الحوثي الانقلابية من المدينة.",
    "http://b/1": "تقدمت المقاومة نحو المدينة.\nوانسحب الحوثيون من المدينة.",
}


def _day(folder: Path) -> Path:
    path = folder / "saudinewsnet" / "2015-01-01.jsonl.gz"
    path.parent.mkdir()
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for url, text in TEXTS.items():
            record = {"text": text, "title": "خبر &amp; عنوان", "outlet": url[7], "url": url}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def test_triples_are_matched_by_label_key_and_actor(tmp_path: Path) -> None:
    _day(tmp_path)
    labels = [
        ("a", "المقاومة", "المقاومة الشعبية", False),
        ("a", "الحوثيون", "الميليشيات الحوثية الانقلابية", True),  # word order, ال: one label
        ("b", "المقاومة", "المقاومة", False),
        ("b", "الحوثيون", "الحوثيون", False),
        ("b", "الحوثيون", "الانقلابيون", True),  # not in b's text: a miss
    ]
    gold = {
        "day": "2015-01-01",
        "file": "saudinewsnet/2015-01-01.jsonl.gz",
        "storylines": [
            {
                "id": "s",
                "urls": list(TEXTS),
                "actors": ["المقاومة", "الحوثيون"],
                "labels": [
                    {"outlet": o, "actor": a, "label": lb, "count": 1, "judging": j} for o, a, lb, j in labels
                ],
            }
        ],
    }
    gold_file = tmp_path / "gold.json"
    gold_file.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = evaluate_framing(gold_file, tmp_path)
    assert (result.gold, result.found, result.matched) == (5, 4, 4)
    assert (result.judging_gold, result.judging_matched) == (2, 1)


def test_gold_day_and_conflicts_across_its_events(tmp_path: Path) -> None:
    day = _day(tmp_path)
    tsv = tmp_path / "gold.tsv"
    tsv.write_text(
        "n\turl\tevent\tstoryline\n0\thttp://a/1\te1\ts1\n1\thttp://b/1\te2\ts1\n", encoding="utf-8"
    )
    gold = read_gold_day(day, tsv)
    assert [e.id for e in gold.events] == ["e1", "e2"]
    assert len(gold.storylines) == 1
    assert gold.articles[0].title == "خبر & عنوان"  # HTML references decoded
    a, b = (article.id for article in gold.articles)
    across = Comparison("x", "people: killed", "conflict", [Claim(a, "", (0, 1)), Claim(b, "", (0, 1))])
    within = Comparison("x", "people: killed", "conflict", [Claim(a, "", (0, 1)), Claim(a, "", (2, 3))])
    assert conflicts_across_gold_events([across, within], gold.event_of) == [across]


def test_a_bad_gold_file_is_one_line_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "framing", str(bad), "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "not valid JSON" in result.output
