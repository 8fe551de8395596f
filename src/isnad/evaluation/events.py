"""Events and storylines of a real day of news, measured against hand labels (pooled evaluation).

isnad groups every article of the day; only the labelled ones are scored, so the others are
distractors, as they are for a user. The gold file is a TSV with the columns ``n``, ``url``,
``event`` and ``storyline`` (see ``../shared/data/saudinewsnet/events-gold-*-notes.md``); an
article is matched to its row by URL.

Scores: B-cubed precision, recall and F1 (Bagga and Baldwin 1998) and pairwise ones (over the
pairs of labelled articles, is a pair put together that belongs together). In the same run, a
simple peer is scored on the same articles: character 3-5-gram TF-IDF of title and lead,
average-linkage clustering with one threshold, a strong and well-known baseline for news
clustering; isnad must do better than it.
"""

from __future__ import annotations

import csv
import gzip
import html
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from isnad.article.doc import Corpus
from isnad.article.extract import extract
from isnad.corpus.stories import group_stories
from isnad.evaluation.clustering import bcubed
from isnad.evaluation.table import format_table, headline
from isnad.event.compare import compare
from isnad.ingest import read_paths
from isnad.model import Article, Event
from isnad.pipeline import segment

GOLD_COLUMNS = ("url", "event", "storyline")
# The peer's one threshold, a cosine distance: 0.7 was its best on the dev day among 0.5-0.85 in
# steps of 0.05 (events B-cubed F1 0.907; 0.75 gave 0.901), so the peer is shown at its strongest.
PEER_DISTANCE = 0.7
PEER_LEAD_CHARS = 300  # of the body after the title: two or three sentences of a news lead


@dataclass(frozen=True)
class Scores:
    """B-cubed and pairwise precision, recall and F1 of one clustering of the labelled items."""

    clusters: int
    precision: float
    recall: float
    f1: float
    pair_precision: float
    pair_recall: float
    pair_f1: float


@dataclass
class EventsEvaluation:
    day: Path
    articles: int
    labelled: int
    gold_events: int
    gold_storylines: int
    events: Scores
    storylines: Scores
    peer_events: Scores
    peer_storylines: Scores
    largest_event: int  # articles of the day in isnad's largest event
    largest_event_title: str
    largest_labelled: int  # labelled articles in isnad's event with the most of them
    largest_gold: int
    conflicts: int | None  # conflicts between labelled articles of different gold events
    seconds: float


def read_gold(path: Path) -> list[dict[str, str]]:
    """Rows of the gold TSV; a clear error when it is not one."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = [c for c in GOLD_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: not an events gold TSV, it lacks the column(s) {', '.join(missing)}")
        rows = list(reader)
    if not rows:
        raise ValueError(f"{path}: no labelled articles")
    return rows


def pairwise(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over the pairs of items: are pairs that belong together together."""
    pred = np.asarray(predicted)
    true = np.asarray(gold)
    upper = np.triu(np.ones((len(pred), len(pred)), dtype=bool), k=1)
    same_pred = (pred[:, None] == pred[None, :]) & upper
    same_gold = (true[:, None] == true[None, :]) & upper
    both = int((same_pred & same_gold).sum())
    precision = both / int(same_pred.sum()) if same_pred.any() else 1.0
    recall = both / int(same_gold.sum()) if same_gold.any() else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(predicted: Sequence[str], gold: Sequence[str]) -> Scores:
    b_p, b_r, b_f = bcubed(list(predicted), list(gold))
    p_p, p_r, p_f = pairwise(predicted, gold)
    return Scores(len(set(predicted)), b_p, b_r, b_f, p_p, p_r, p_f)


def peer_text(article: Article) -> str:
    """The peer's view of an article: its title and the first ``PEER_LEAD_CHARS`` of its body."""
    text = " ".join(article.text.split())
    title = " ".join((article.title or "").split())
    body = text[len(title) :] if title and text.startswith(title) else text
    return f"{title} {body.strip()[:PEER_LEAD_CHARS]}".strip()


def peer_clusters(articles: Sequence[Article]) -> list[int]:
    """The peer: character 3-5-gram TF-IDF of title and lead, average linkage, one threshold."""
    texts = [peer_text(a) for a in articles]
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(texts)
    distance = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return [int(c) for c in fcluster(tree, t=PEER_DISTANCE, criterion="distance")]


def read_day(day: Path) -> tuple[list[Article], dict[str, str]]:
    """The day's articles (each content once) and the article id of every URL, duplicates'
    included; a ``.gz`` file is read as its uncompressed form."""
    if day.suffix != ".gz":
        return _read_plain(day)
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / day.stem
        with gzip.open(day, "rb") as source, plain.open("wb") as target:
            shutil.copyfileobj(source, target)
        return _read_plain(plain)


def _read_plain(path: Path) -> tuple[list[Article], dict[str, str]]:
    articles: dict[str, Article] = {}
    id_of_url: dict[str, str] = {}
    for item in read_paths([path]):
        if isinstance(item, Article):
            articles.setdefault(item.id, item)
            if item.url:
                id_of_url[url_key(item.url)] = item.id
    return [segment(a) for a in articles.values()], id_of_url


def url_key(url: str) -> str:
    """A URL as ingest may have cleaned it: character references decoded, no white space (a
    labelled URL may hold a no-break space that ingest turned into a plain one)."""
    return "".join(html.unescape(url).split())


def _gold_conflicts(events: Sequence[Event], labelled: Sequence[Article], gold_event: dict[str, str]) -> int:
    """Conflicts isnad's comparison finds between labelled articles of different gold events."""
    ids = {a.id for a in labelled}
    by_id = {a.id: a for a in labelled}
    scoped = [
        Event(e.id, [i for i in e.article_ids if i in ids], e.title, e.storyline_id)
        for e in events
        if sum(i in ids for i in e.article_ids) > 1
    ]
    figures = extract(list(by_id.values())).figures
    conflicts = 0
    for comparison in compare(scoped, figures, by_id):
        if comparison.verdict != "conflict":
            continue
        members = {gold_event[c.article_id] for c in comparison.claims}
        conflicts += len(members) > 1
    return conflicts


def evaluate_events(day: str | Path, gold_tsv: str | Path, conflicts: bool = False) -> EventsEvaluation:
    """Group the whole day with isnad and score its labelled articles, beside the peer."""
    started = time.perf_counter()
    day, gold_tsv = Path(day), Path(gold_tsv)
    gold = read_gold(gold_tsv)
    articles, id_of_url = read_day(day)
    unknown = [row["url"] for row in gold if url_key(row["url"]) not in id_of_url]
    if unknown:
        raise ValueError(f"{gold_tsv}: {len(unknown)} labelled URL(s) are not in {day}, e.g. {unknown[0]}")
    by_id = {a.id: a for a in articles}
    # Two labelled URLs may carry one text: that article is scored once per label row.
    labelled = [by_id[id_of_url[url_key(row["url"])]] for row in gold]
    gold_events = [row["event"] for row in gold]
    gold_storylines = [row["storyline"] for row in gold]

    events, _ = group_stories(Corpus(articles))
    event_of = {i: e for e in events for i in e.article_ids}
    predicted_events = [event_of[a.id].id for a in labelled]
    predicted_storylines = [event_of[a.id].storyline_id or event_of[a.id].id for a in labelled]
    position = {a.id: n for n, a in enumerate(articles)}
    peer = peer_clusters(articles)
    peer_labels = [str(peer[position[a.id]]) for a in labelled]

    largest = max(events, key=lambda e: len(e.article_ids))
    found_conflicts = None
    if conflicts:
        gold_of = {a.id: g for a, g in zip(labelled, gold_events, strict=True)}
        found_conflicts = _gold_conflicts(events, labelled, gold_of)
    return EventsEvaluation(
        day=day,
        articles=len(articles),
        labelled=len(labelled),
        gold_events=len(set(gold_events)),
        gold_storylines=len(set(gold_storylines)),
        events=score(predicted_events, gold_events),
        storylines=score(predicted_storylines, gold_storylines),
        peer_events=score(peer_labels, gold_events),
        peer_storylines=score(peer_labels, gold_storylines),
        largest_event=len(largest.article_ids),
        largest_event_title=largest.title,
        largest_labelled=max(Counter(predicted_events).values()),
        largest_gold=max(Counter(gold_events).values()),
        conflicts=found_conflicts,
        seconds=time.perf_counter() - started,
    )


def format_events(evaluation: EventsEvaluation) -> str:
    """The evaluation as a table, ending with the ``event_f1=`` headline line."""
    rows = [
        (name, s.clusters, s.precision, s.recall, s.f1, s.pair_precision, s.pair_recall, s.pair_f1)
        for name, s in (
            ("isnad events", evaluation.events),
            ("peer events", evaluation.peer_events),
            ("isnad storylines", evaluation.storylines),
            ("peer storylines", evaluation.peer_storylines),
        )
    ]
    table = format_table(
        ["clustering", "found", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1"], rows
    )
    e = evaluation
    lines = [
        f"{e.day}: {e.articles} articles grouped, {e.labelled} labelled "
        f"({e.gold_events} gold events, {e.gold_storylines} gold storylines), {e.seconds:.0f} s",
        table,
        f"largest event: {e.largest_event} articles of the day ({e.largest_event_title}); "
        f"most labelled articles in one event: {e.largest_labelled} (largest gold event: {e.largest_gold})",
    ]
    if e.conflicts is not None:
        lines.append(f"conflicts between labelled articles of different gold events: {e.conflicts}")
    lines.append(headline("event_f1", e.events.f1))
    return "\n".join(lines)


def print_events(evaluation: EventsEvaluation) -> None:
    print(format_events(evaluation))
