"""``isnad eval``: isnad measured against gold data, one command per kind of result."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

eval_app = typer.Typer(
    help="Measure isnad against gold data. Each evaluation prints a table and, as its last line, "
    "its headline figure as name=value.\n\nExample: isnad eval reuse ../shared/data/exara-dev",
    no_args_is_help=True,
)
err = Console(stderr=True)


def _require(path: Path, what: str) -> Path:
    from isnad.evaluation import MissingDataError, require_data

    try:
        return require_data(path, what)
    except MissingDataError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(code=2) from exc


@eval_app.command("reuse")
def eval_reuse(
    corpus_dir: Annotated[Path, typer.Argument(help="A PAN-layout corpus folder (source-documents/, ...).")],
) -> None:
    """Text reuse against PAN/AraPlagDet gold: plagdet, precision, recall, granularity per obfuscation.

    Example: isnad eval reuse ../shared/data/exara-dev
    """
    from isnad.evaluation import evaluate_reuse, print_reuse

    print_reuse(evaluate_reuse(_require(corpus_dir, "the ExAra (AraPlagDet) corpus")))


@eval_app.command("reuse-links")
def eval_reuse_links(
    day: Annotated[Path, typer.Argument(help="One day of articles as JSONL (.jsonl or .jsonl.gz).")],
    gold: Annotated[
        Path, typer.Argument(help="Links judged by reading: TSV with url_a, url_b, label, reason.")
    ] = Path("tests/fixtures/gold/reuse-links/2015-08-03.tsv"),
) -> None:
    """Reuse links on a real day: precision by score band on judged links, recall of silver pairs.

    Example: isnad eval reuse-links ../shared/data/saudinewsnet/2015-08-03.jsonl.gz
    """
    from isnad.evaluation.reuse_links import evaluate_links, format_links, read_day, read_judged

    articles = read_day(_require(day, "the SaudiNewsNet days"))
    try:
        judged = read_judged(_require(gold, "the judged links"))
    except ValueError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(code=2) from exc
    typer.echo(format_links(evaluate_links(articles, judged)))


@eval_app.command("similarity")
def eval_similarity(
    csv_file: Annotated[
        Path, typer.Argument(help="CSV with pair_id, Overall, text1, text2 (SemEval-2022 Task 8).")
    ],
) -> None:
    """Article similarity against human ratings: Pearson, Spearman, same-event accuracy.

    Example: isnad eval similarity ../shared/data/semeval2022-t8-ar/dev.csv
    """
    from isnad.evaluation import evaluate_similarity, print_similarity

    print_similarity(evaluate_similarity(_require(csv_file, "the SemEval-2022 Task 8 pairs")))


@eval_app.command("clustering")
def eval_clustering(
    labels: Annotated[
        Path,
        typer.Argument(help="CSV with item, event, storyline (tests/fixtures/event_clusters/labels.csv)."),
    ],
    semeval: Annotated[
        Path, typer.Option(help="The SemEval-2022 Task 8 CSV the semeval: items come from.")
    ] = Path("../shared/data/semeval2022-t8-ar/dev.csv"),
    seeds: Annotated[Path, typer.Option(help="Folder of the seed: items.")] = Path("examples/seeds"),
) -> None:
    """Events and storylines against hand labels: B-cubed precision, recall, F1, adjusted Rand index.

    Example: isnad eval clustering tests/fixtures/event_clusters/labels.csv
    """
    from isnad.evaluation import evaluate_clustering, print_clustering

    print_clustering(
        evaluate_clustering(
            _require(labels, "the event labels"),
            _require(semeval, "the SemEval-2022 Task 8 pairs"),
            _require(seeds, "the seed articles"),
        )
    )


@eval_app.command("events")
def eval_events(
    day: Annotated[Path, typer.Argument(help="A day of articles (.jsonl or .jsonl.gz) to group whole.")],
    gold: Annotated[Path, typer.Argument(help="TSV with n, url, event, storyline for some of them.")],
    conflicts: Annotated[
        bool, typer.Option(help="Also count conflicts between labelled articles of different gold events.")
    ] = False,
) -> None:
    """Events and storylines of a whole day against hand labels, beside a character TF-IDF peer.

    Example: isnad eval events ../shared/data/saudinewsnet/2015-08-06.jsonl.gz
    ../shared/data/saudinewsnet/events-gold-2015-08-06.tsv
    """
    from isnad.evaluation.events import evaluate_events, print_events

    try:
        evaluation = evaluate_events(
            _require(day, "the day of articles"), _require(gold, "the events gold TSV"), conflicts
        )
    except ValueError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(code=2) from exc
    print_events(evaluation)


@eval_app.command("ner")
def eval_ner(
    gold_file: Annotated[
        Path, typer.Argument(help="One 'token TAG' a line, blank line between sentences (BIO, as ANERcorp).")
    ],
) -> None:
    """Named entities against CoNLL-style gold: precision, recall, F1 per type and micro (exact spans).

    Example: isnad eval ner test.txt
    """
    from isnad.evaluation.ner import evaluate_ner, print_ner

    print_ner(evaluate_ner(_require(gold_file, "the NER gold file")))


@eval_app.command("extraction")
def eval_extraction(
    gold_file: Annotated[
        Path, typer.Argument(help="Hand-labelled gold JSON (see tests/fixtures/gold/README.md).")
    ],
    articles_dir: Annotated[Path, typer.Argument(help="Folder holding the articles the gold names.")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
) -> None:
    """Attributions, figures, dates and entity mentions against hand-labelled gold; or, for a
    source-set gold that names a corpus file, each article's cited sources and their via.

    Given a folder of source-set golds, scores each and all of them pooled (counts summed).

    Examples: isnad eval extraction tests/fixtures/gold/seeds.json examples/seeds;
    isnad eval extraction tests/fixtures/gold/sources/saudinewsnet-2015-08-02.json ../shared/data/saudinewsnet;
    isnad eval extraction tests/fixtures/gold/sources ../shared/data/saudinewsnet (every set, pooled)
    """
    from isnad.evaluation.extraction import evaluate_extraction, print_extraction
    from isnad.evaluation.sources import (
        evaluate_sources,
        format_pooled,
        format_sources,
        is_sources_gold,
        source_golds,
    )

    if gold_file.is_dir():
        corpus = _require(articles_dir, "the corpus")
        golds = source_golds(gold_file)
        if not golds:
            err.print(f"error: {gold_file} holds no source-set gold", markup=False)
            raise typer.Exit(code=2)
        named = [(p.stem, evaluate_sources(p, corpus)) for p in golds]
        print(format_pooled(named, verbose=verbose))
        return

    if is_sources_gold(_require(gold_file, "the extraction gold")):
        print(
            format_sources(evaluate_sources(gold_file, _require(articles_dir, "the corpus")), verbose=verbose)
        )
        return
    print_extraction(
        evaluate_extraction(
            _require(gold_file, "the extraction gold"), _require(articles_dir, "the articles")
        ),
        verbose=verbose,
    )


@eval_app.command("stance")
def eval_stance(
    csv_file: Annotated[Path, typer.Argument(help="CSV with s1, s2, stance (agree/disagree/other), as ANS.")],
) -> None:
    """Claim comparison (the decision isnad compare uses) against stance labels: per-class and macro F1.

    Example: isnad eval stance ../shared/data/ans/dev.csv
    """
    from isnad.evaluation.stance import evaluate_stance, print_stance

    print_stance(evaluate_stance(_require(csv_file, "the Arabic News Stance pairs")))


@eval_app.command("framing")
def eval_framing(
    gold: Annotated[
        Path, typer.Argument(help="Framing gold JSON, or a folder of them (see tests/fixtures/gold/framing).")
    ],
    data: Annotated[
        Path, typer.Option(help="The folder the gold's day files are under (saudinewsnet/...).")
    ] = Path("../shared/data"),
) -> None:
    """Framing against hand labels: (outlet, actor, label) and judging-label precision and recall.

    Example: isnad eval framing tests/fixtures/gold/framing
    """
    from isnad.evaluation.framing import evaluate_framing, print_framing

    try:
        result = evaluate_framing(_require(gold, "the framing gold"), _require(data, "the SaudiNewsNet days"))
    except (ValueError, KeyError, OSError) as exc:  # a gold file that is not what it should be
        err.print(f"error: {gold}: {exc}", markup=False)
        raise typer.Exit(code=2) from exc
    print_framing(result)


@eval_app.command("brief")
def eval_brief(
    gold_file: Annotated[
        Path, typer.Argument(help="Gold facts JSON (see tests/fixtures/gold/brief/README.md).")
    ],
) -> None:
    """Briefs against gold facts: coverage, redundancy, citation precision and recall.

    Example: isnad eval brief tests/fixtures/gold/brief/seeds.json
    """
    from isnad.evaluation.brief import evaluate_brief, print_brief

    print_brief(evaluate_brief(_require(gold_file, "the brief gold facts")))
