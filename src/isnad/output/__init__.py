"""Outputs formatted from an `Analysis`: ``analysis.json`` (the contract) and the RTL HTML report."""

from isnad.output.jsonout import SCHEMA_PATH, analysis_to_dict, load_schema, validate, write_json
from isnad.output.report import highlight_segments, render_report, write_report

__all__ = [
    "SCHEMA_PATH",
    "analysis_to_dict",
    "highlight_segments",
    "load_schema",
    "render_report",
    "validate",
    "write_json",
    "write_report",
]
