"""Plain-text tables and the headline line every evaluation ends with.

Every evaluation prints its table, then its headline figure as its *last* line, ``name=value``
with three decimals (``plagdet=0.812``), so CI gates and scripts can read it with ``tail -1``.
"""

from __future__ import annotations

from collections.abc import Sequence

Cell = str | int | float


def format_cell(value: Cell) -> str:
    """Floats with three decimals, everything else as ``str`` gives it."""
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """Columns padded to their widest cell: the first left-aligned (labels), the rest right-aligned.

    Plain spaces only, so the table stays aligned when piped into a file or a log.
    """
    cells = [list(headers), *([format_cell(v) for v in row] for row in rows)]
    if any(len(row) != len(headers) for row in cells):
        raise ValueError(f"every row needs {len(headers)} cells, one per header")
    widths = [max(len(row[c]) for row in cells) for c in range(len(headers))]

    def line(row: list[str]) -> str:
        padded = [row[0].ljust(widths[0]), *(v.rjust(w) for v, w in zip(row[1:], widths[1:], strict=True))]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def headline(name: str, value: float) -> str:
    """The last line of an evaluation's output: ``name=value`` with three decimals."""
    return f"{name}={value:.3f}"
