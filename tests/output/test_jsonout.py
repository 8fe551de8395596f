from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from isnad.model import Analysis
from isnad.output.jsonout import SCHEMA_PATH, analysis_to_dict, load_schema, validate, write_json

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_fixture_spans_slice_their_articles(analysis: Analysis) -> None:
    articles = {article.id: article for article in analysis.articles}
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert articles[mention.article_id].span_text(mention.span) == mention.text
    for figure in analysis.figures:
        assert articles[figure.article_id].span_text(figure.span) == figure.text


def test_analysis_dict_matches_schema(analysis: Analysis) -> None:
    validate(analysis_to_dict(analysis))


def test_empty_analysis_matches_schema() -> None:
    doc = analysis_to_dict(Analysis(version="0.1.0"))
    validate(doc)
    assert doc["articles"] == []
    assert doc["briefs"] == []


def test_spans_resolve_from_the_json_alone(analysis: Analysis) -> None:
    doc = json.loads(json.dumps(analysis_to_dict(analysis)))
    texts = {article["id"]: article["text"] for article in doc["articles"]}
    for entity in doc["entities"]:
        for mention in entity["mentions"]:
            start, end = mention["span"]
            assert texts[mention["article_id"]][start:end] == mention["text"]
    for link in doc["reuse"]:
        for passage in link["passages"]:
            (a_start, a_end), (b_start, b_end) = passage["a_span"], passage["b_span"]
            assert texts[link["a"]][a_start:a_end] == texts[link["b"]][b_start:b_end]


def test_article_record_shape(analysis: Analysis) -> None:
    article = analysis_to_dict(analysis)["articles"][0]
    assert article["n_sentences"] == len(analysis.articles[0].sentences) == 2
    assert article["dateline"] == {"text": "لندن- عربي21", "place": "لندن", "outlet": "عربي21"}
    assert article["blocks"][0] == {"kind": "title", "start": 0, "end": len(analysis.articles[0].title or "")}
    assert all(isinstance(span, list) and len(span) == 2 for span in article["sentences"])
    assert "encoding" not in article


@pytest.mark.parametrize(
    ("break_doc", "path"),
    [
        (lambda doc: doc["articles"][1].update(title=5), r"\$\.articles\[1\]\.title"),
        (lambda doc: doc["events"][0].update(extra="x"), r"\$\.events\[0\]"),
        (lambda doc: doc["figures"][2].update(span=[3, 4, 5]), r"\$\.figures\[2\]\.span"),
        (
            lambda doc: doc["entities"][0]["mentions"][1].update(span=[-1, 4]),
            r"\$\.entities\[0\]\.mentions\[1\]\.span\[0\]",
        ),
        (lambda doc: doc["comparisons"][0].update(verdict="maybe"), r"\$\.comparisons\[0\]\.verdict"),
        (lambda doc: doc.pop("briefs"), r"\$: 'briefs' is a required property"),
    ],
)
def test_validate_names_the_path_of_the_problem(analysis: Analysis, break_doc: Any, path: str) -> None:
    doc = analysis_to_dict(analysis)
    break_doc(doc)
    with pytest.raises(ValueError, match=path):
        validate(doc)


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_docs_copy_equals_package_copy() -> None:
    assert (REPO_ROOT / "docs" / "analysis.schema.json").read_text(encoding="utf-8") == SCHEMA_PATH.read_text(
        encoding="utf-8"
    )


def _objects(node: Any) -> list[dict[str, Any]]:
    """Every object schema (one with ``properties``) nested anywhere in ``node``."""
    found = []
    if isinstance(node, dict):
        if "properties" in node:
            found.append(node)
        for value in node.values():
            found.extend(_objects(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_objects(value))
    return found


def test_schema_is_tight_and_documented() -> None:
    objects = _objects(load_schema())
    assert len(objects) > 15
    for obj in objects:
        assert obj["additionalProperties"] is False
        assert set(obj["required"]) == set(obj["properties"])
        for name, prop in obj["properties"].items():
            assert prop.get("title"), name
            assert prop.get("description"), name


def test_write_json_round_trip(analysis: Analysis, tmp_path: Path) -> None:
    target = tmp_path / "out" / "analysis.json"
    write_json(analysis, target)
    raw = target.read_text(encoding="utf-8")
    assert "تنظيم الدولة" in raw  # written as UTF-8, not \u escapes
    assert raw.startswith('{\n  "version": "0.1.0"')
    assert json.loads(raw) == analysis_to_dict(analysis)
    assert [path.name for path in target.parent.iterdir()] == ["analysis.json"]


def test_write_json_replaces_an_existing_file(analysis: Analysis, tmp_path: Path) -> None:
    target = tmp_path / "analysis.json"
    target.write_text("old", encoding="utf-8")
    write_json(analysis, target)
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "0.1.0"


def test_write_json_writes_nothing_for_an_invalid_analysis(analysis: Analysis, tmp_path: Path) -> None:
    analysis.events[0].id = ""
    target = tmp_path / "analysis.json"
    with pytest.raises(ValueError, match=r"\$\.events\[0\]\.id"):
        write_json(analysis, target)
    assert list(tmp_path.iterdir()) == []


def test_write_json_refuses_nan_and_leaves_the_old_file(analysis: Analysis, tmp_path: Path) -> None:
    analysis.figures[0] = dataclasses.replace(analysis.figures[0], value=float("nan"))
    target = tmp_path / "analysis.json"
    target.write_text("previous run", encoding="utf-8")
    with pytest.raises(ValueError, match="JSON compliant"):
        write_json(analysis, target)
    assert [path.name for path in tmp_path.iterdir()] == ["analysis.json"]
    assert target.read_text(encoding="utf-8") == "previous run"


def test_failed_write_keeps_the_old_file_and_no_temporary(
    analysis: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail_replace(source: str, target: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail_replace)
    target = tmp_path / "analysis.json"
    target.write_text("previous run", encoding="utf-8")
    with pytest.raises(OSError, match="disk full"):
        write_json(analysis, target)
    assert [path.name for path in tmp_path.iterdir()] == ["analysis.json"]
    assert target.read_text(encoding="utf-8") == "previous run"
