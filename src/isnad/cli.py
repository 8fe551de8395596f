"""The ``isnad`` command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from isnad import __version__
from isnad.cli_eval import eval_app

app = typer.Typer(
    name="isnad",
    help="Follow a news story across Arabic outlets: who tells it, who copied whom, who is quoted, "
    "which figures disagree.\n\nExample: isnad analyze examples/seeds --out isnad-out",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(eval_app, name="eval")
err = Console(stderr=True)
out = Console()


_MAX_SIZE = typer.Option(
    "--max-size",
    min=0.001,
    help="Largest input file to read, in MB (after unpacking a .gz); larger ones are reported.",
)


@contextmanager
def _one_line_errors() -> Iterator[None]:
    """A store that cannot be used ends the command with one line, not a traceback."""
    from isnad.store import StoreError

    try:
        yield
    except StoreError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(code=1) from None


def _megabytes(size: float) -> int:
    return int(size * 1_000_000)


def _version(value: bool) -> None:
    if value:
        print(f"isnad {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """isnad: follow a news story across Arabic outlets."""


class _StageProgress:
    """A progress bar on stderr, one line per pipeline stage."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, TaskID] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total or None)
        self.progress.update(self.tasks[stage], completed=done, total=total or None)


@app.command()
def analyze(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files or folders (txt, jsonl, json, html, feeds).")
    ],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for analysis.json and report.html.")] = Path(
        "isnad-out"
    ),
    db: Annotated[
        Path | None, typer.Option("--db", help="SQLite store to keep between runs (default: in memory).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    max_size: Annotated[float, _MAX_SIZE] = 20.0,
) -> None:
    """Read every article under PATHS, run the whole pipeline, write analysis.json and report.html.

    With --db the articles join those kept in the store and the whole store is analysed: events
    and storylines are those isnad add gives, and only new articles are compared with the others.

    Example: isnad analyze examples/seeds --out isnad-out --db isnad.db
    """
    from isnad.article_pass import MIN_PARALLEL, beside
    from isnad.memory import collector_paused
    from isnad.output import write_json, write_report
    from isnad.output.site import write_site
    from isnad.pipeline import analyze as run_pipeline

    with (
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<8}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=quiet,
            transient=False,
        ) as progress,
        _one_line_errors(),
    ):
        analysis = run_pipeline(
            paths, db=db, progress=_StageProgress(progress), max_bytes=_megabytes(max_size)
        )
    for problem in analysis.problems:
        where = f"{problem.source_path}:{problem.line}" if problem.line else problem.source_path
        err.print(f"[yellow]problem[/yellow] {where}: {problem.error}", markup=True, highlight=False)
    if not analysis.articles:
        err.print("[red]error[/red]: no article could be read from the given paths; see the problems above.")
        raise typer.Exit(code=1)
    out_dir.mkdir(parents=True, exist_ok=True)
    # The site is the longest writer and reads only the analysis: a second core makes it while
    # analysis.json and the report are written here.
    parallel = None if len(analysis.articles) >= MIN_PARALLEL else 1
    with (
        collector_paused(),  # the writers make many small objects and no cycles
        beside(lambda: write_site(analysis, out_dir / "site"), parallel) as site_written,
    ):
        write_json(analysis, out_dir / "analysis.json")
        one_page = write_report(analysis, out_dir / "report.html", site="site/index.html")
        site_written()

    summary = Table(title="isnad", show_header=False, box=None)
    summary.add_column(justify="right")
    summary.add_column()
    for label, value in (
        ("articles", len(analysis.articles)),
        ("problems", len(analysis.problems)),
        ("events", len(analysis.events)),
        ("storylines", len(analysis.storylines)),
        ("reuse links", len(analysis.reuse)),
        ("entities", len(analysis.entities)),
        ("attributions", len(analysis.attributions)),
        ("figures", len(analysis.figures)),
        ("dates", len(analysis.dates)),
        ("conflicts", sum(c.verdict == "conflict" for c in analysis.comparisons)),
    ):
        summary.add_row(str(value), label)
    err.print(summary)
    report = "report.html" if one_page else "report.html (too large for one page: it leads to the site)"
    err.print(
        f"wrote {out_dir / 'analysis.json'}, {out_dir / report} and the browsable {out_dir / 'site' / 'index.html'}"
    )


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (any spelling: أ/ا, ة/ه, digits).")],
    db: Annotated[Path, typer.Option("--db", help="Store written by isnad analyze --db.")],
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
) -> None:
    """Full-text search over the articles of a store.

    Example: isnad search "المقاتلين الأجانب" --db isnad.db
    """
    from isnad.store import Store

    if not db.exists():
        err.print(f"error: {db}: no such store; create it with isnad analyze PATH --db {db}")
        raise typer.Exit(code=2)
    with _one_line_errors(), Store(db, read_only=True) as store, store.snapshot():
        titles = {a.id: (a.title or a.source_path) for a in store.articles()}
        hits = store.search(query, limit=limit)
    for article_id, snippet in hits:
        out.print(f"{article_id}  {titles.get(article_id, '')}\n    {snippet}", markup=False, highlight=False)
    if not hits:
        err.print("no match")


@app.command()
def reuse(
    a: Annotated[Path, typer.Argument(help="First article file.")],
    b: Annotated[Path, typer.Argument(help="Second article file.")],
) -> None:
    """Print the passages two article files share.

    Example: isnad reuse examples/seeds/001_13d98289a079afbf.txt examples/seeds/002_bb1090307286de69.txt
    """
    from isnad.article.doc import Corpus
    from isnad.corpus.alignment import align
    from isnad.pipeline import read

    articles, problems = read([a, b])
    for problem in problems:
        err.print(f"problem {problem.source_path}: {problem.error}", markup=False)
    if len(articles) != 2:
        err.print("error: need two distinct readable articles")
        raise typer.Exit(code=1 if problems else 0)
    corpus = Corpus(articles)
    link = align(corpus.text(articles[0].id), corpus.text(articles[1].id))
    if link is None:
        out.print("no shared passage")
        return
    out.print(f"score {link.score:.3f}, {len(link.passages)} passages", markup=False)
    if link.direction != "unknown":
        out.print(
            f"direction {link.direction} ({link.direction_confidence:.2f}): {link.direction_evidence}",
            markup=False,
        )
    for n, passage in enumerate(link.passages, start=1):
        out.print(f"\n[{n}] {passage.score:.2f}", markup=False)
        out.print(
            f"  A {passage.a_span}: {articles[0].span_text(passage.a_span)}", markup=False, highlight=False
        )
        out.print(
            f"  B {passage.b_span}: {articles[1].span_text(passage.b_span)}", markup=False, highlight=False
        )


@app.command()
def add(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files or folders (txt, jsonl, json, html, feeds).")
    ],
    db: Annotated[Path, typer.Option("--db", help="SQLite store to add to (created when absent).")],
    max_size: Annotated[float, _MAX_SIZE] = 20.0,
) -> None:
    """Add articles to a store and assign them to events and storylines, comparing only the new ones.

    Example: isnad add new-articles/ --db isnad.db
    """
    from isnad.pipeline import add as add_to_store

    with _one_line_errors():
        added = add_to_store(paths, db, max_bytes=_megabytes(max_size))
    for problem in added.problems:
        where = f"{problem.source_path}:{problem.line}" if problem.line else problem.source_path
        err.print(f"problem {where}: {problem.error}", markup=False, highlight=False)
    new, events, storylines = set(added.new), added.events, added.storylines
    joined = [e for e in events if new & set(e.article_ids)]
    for event in joined:
        count = len(new & set(event.article_ids))
        state = "new event" if count == len(event.article_ids) else f"joins {len(event.article_ids) - count}"
        out.print(f"+{count} {state}: {event.title}", markup=False, highlight=False)
    err.print(
        f"{len(new)} new articles ({added.already_stored} already stored); "
        f"{len(events)} events, {len(storylines)} storylines in {db}"
    )


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="Store written by isnad add or isnad analyze --db.")],
    host: Annotated[
        str, typer.Option(help="Address to listen on (localhost only by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Browse a store in a web browser: the day's events, storylines, articles, search. Read-only.

    Example: isnad serve --db isnad.db   (then open http://127.0.0.1:8000/)
    """
    import uvicorn

    from isnad.serve import create_app
    from isnad.store import StoreError

    try:
        application = create_app(db)
    except StoreError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(code=2) from None
    err.print(f"serving {db} on http://{host}:{port}/ (read-only; Ctrl-C stops)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def stories(
    db: Annotated[Path, typer.Option("--db", help="Store written by isnad add or isnad analyze --db.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON: storylines, their events, each event's article ids.")
    ] = False,
) -> None:
    """List the storylines of a store, their events in time order, and the articles of each event.

    Example: isnad stories --db isnad.db
    """
    from isnad.store import Store

    if not db.exists():
        err.print(f"error: {db}: no such store; create it with isnad add PATH --db {db}")
        raise typer.Exit(code=2)
    with _one_line_errors(), Store(db, read_only=True) as store, store.snapshot():
        events_list, storylines = store.story_results()
        articles = {} if as_json else {a.id: a for a in store.articles()}
    events = {e.id: e for e in events_list}
    if as_json:
        document = {
            "storylines": [
                {
                    "id": storyline.id,
                    "title": storyline.title,
                    "events": [
                        {"id": i, "title": events[i].title, "article_ids": events[i].article_ids}
                        for i in storyline.event_ids
                    ],
                }
                for storyline in storylines
            ]
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return
    if not storylines:
        err.print(f"no storylines in {db}; run isnad add PATH --db {db} first")
        return
    for n, storyline in enumerate(storylines, start=1):
        out.print(f"storyline {n}: {storyline.title}", markup=False, highlight=False)
        for event in (events[i] for i in storyline.event_ids):
            out.print(f"  event: {event.title}", markup=False, highlight=False)
            for article_id in event.article_ids:
                article = articles[article_id]
                when = article.published or "undated"
                label = article.title or article.source_path
                out.print(f"    {when:<10}  {article.outlet or '-'}  {label}", markup=False, highlight=False)


@app.command()
def spark(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files or folders (txt, jsonl, json, html, feeds, parquet).")
    ],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the Parquet tables.")],
    master: Annotated[
        str | None,
        typer.Option(
            "--master",
            help="Spark master URL, passed through (spark://..., yarn, k8s://...); default: "
            "spark-submit's, or local[*].",
        ),
    ] = None,
    db: Annotated[
        Path | None, typer.Option("--db", help="Also load the results into this new SQLite store.")
    ] = None,
    partitions: Annotated[
        int | None, typer.Option("--partitions", min=1, help="Tasks per stage (default: twice the cores).")
    ] = None,
    max_size: Annotated[float, _MAX_SIZE] = 20.0,
) -> None:
    """Run the corpus stages as an Apache Spark job (pip install 'isnad[spark]'; needs Java 17).

    The same analysis as isnad analyze, with the per-article pass, reuse candidates and alignment,
    story links and the per-event stages spread over Spark tasks; writes one Parquet table per
    kind of record under --out, and with --db a store isnad serve can open. See docs/scale.md.

    Example: isnad spark ../shared/data/saudinewsnet --out spark-out --db news.db
    """
    try:
        from isnad.spark import job
    except ImportError as exc:
        err.print(
            f"error: isnad spark needs the spark extra ({exc}); pip install 'isnad[spark]'", markup=False
        )
        raise typer.Exit(code=1) from None
    import logging

    stage_log = logging.getLogger("isnad.spark")  # a line per stage: what it took
    stage_log.addHandler(logging.StreamHandler())
    stage_log.setLevel(logging.INFO)
    spark_session = job.session(master, partitions)
    try:
        with _one_line_errors():
            result = job.run(spark_session, paths, partitions, max_bytes=_megabytes(max_size))
            for problem in result.analysis.problems:
                where = f"{problem.source_path}:{problem.line}" if problem.line else problem.source_path
                err.print(f"[yellow]problem[/yellow] {where}: {problem.error}", markup=True, highlight=False)
            if not result.analysis.articles:
                err.print(
                    "[red]error[/red]: no article could be read from the given paths; see the problems above."
                )
                raise typer.Exit(code=1)
            job.write(result, spark_session, out_dir, db)
    finally:
        spark_session.stop()
    analysis = result.analysis
    out.print(
        f"{len(analysis.articles)} articles, {len(analysis.reuse)} reuse links, {len(analysis.events)} events, "
        f"{len(analysis.storylines)} storylines: Parquet tables in {out_dir}"
        + (f", store {db}" if db else "")
    )


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
