"""Text-reuse detection measured the PAN way, at character level.

The measures are those of Potthast et al. (2010), "An Evaluation Framework for Plagiarism
Detection": a case or a detection is the set of characters it covers in the suspicious *and* the
source document; a detection *detects* a case when both lie in the same document pair and
overlap on both sides. Precision and recall are macro-averaged (per detection, per case),
granularity is the mean number of detections per detected case, and
``plagdet = F1 / log2(1 + granularity)``. Degenerate inputs follow the PAN reference code:
no cases and no detections score 1, only one of them empty scores 0, granularity defaults to 1.
"""

from __future__ import annotations

import math
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from isnad.article.doc import Corpus
from isnad.corpus.reuse import find_reuse
from isnad.corpus.reuse_weights import ReuseParams
from isnad.evaluation.table import format_table, headline
from isnad.model import Article, Span
from isnad.pipeline import segment

SOURCE_DIR = "source-documents"
SUSPICIOUS_DIR = "suspicious-documents"
ANNOTATION_DIR = "plagiarism-annotation"


@dataclass(frozen=True)
class Detection:
    """A passage of suspicious document ``susp`` said to come from source document ``src``."""

    susp: str
    src: str
    this_offset: int
    this_length: int
    src_offset: int
    src_length: int

    @property
    def this_span(self) -> Span:
        return (self.this_offset, self.this_offset + self.this_length)

    @property
    def src_span(self) -> Span:
        return (self.src_offset, self.src_offset + self.src_length)

    @property
    def size(self) -> int:
        """Characters covered on both sides: the |s| and |r| of the PAN measures."""
        return self.this_length + self.src_length


@dataclass(frozen=True)
class PlagiarismCase(Detection):
    """A gold case, with how its source text was disguised (``none``, ``word shuffling``, ...)."""

    obfuscation: str = "none"


D = TypeVar("D", bound=Detection)


@dataclass
class PanCorpus:
    """A PAN-layout corpus: texts by file name, exactly as read, and the gold cases."""

    path: Path
    sources: dict[str, str]
    suspicious: dict[str, str]
    cases: list[PlagiarismCase]


@dataclass(frozen=True)
class Measures:
    precision: float
    recall: float
    granularity: float
    plagdet: float
    n_cases: int
    n_detections: int


@dataclass
class ReuseEvaluation:
    """PAN measures overall and per obfuscation type, with how long detection took.

    Per type, recall and granularity are over that type's cases and precision over the
    detections attributed to it (see `measures_by_obfuscation`).
    """

    path: Path
    overall: Measures
    by_obfuscation: dict[str, Measures]
    seconds: float
    documents: int
    detections_in_clean_documents: int  # suspicious documents without any case: all false
    detections: list[Detection] = field(default_factory=list, repr=False)


def load_pan_corpus(path: str | Path) -> PanCorpus:
    """Read a folder laid out as the PAN corpora, raising on a layout it cannot use."""
    root = Path(path)
    if not root.is_dir():
        raise FileNotFoundError(f"PAN corpus folder {root} not found")
    layout = {SOURCE_DIR: "*.txt", SUSPICIOUS_DIR: "*.txt", ANNOTATION_DIR: "*.xml"}
    missing = [
        f"{name}/{pattern}" for name, pattern in layout.items() if not any((root / name).glob(pattern))
    ]
    if missing:
        raise FileNotFoundError(
            f"{root} is not a PAN corpus: no {', '.join(missing)} "
            f"(expected {', '.join(f'{n}/{p}' for n, p in layout.items())})"
        )
    sources = _read_texts(root / SOURCE_DIR)
    suspicious = _read_texts(root / SUSPICIOUS_DIR)
    if clash := sorted(sources.keys() & suspicious.keys()):
        raise ValueError(f"{root}: {clash[0]} is both a source and a suspicious document")
    cases = [
        case
        for xml_path in sorted((root / ANNOTATION_DIR).glob("*.xml"))
        for case in _read_annotation(xml_path, sources, suspicious)
    ]
    return PanCorpus(path=root, sources=sources, suspicious=suspicious, cases=cases)


def _read_texts(folder: Path) -> dict[str, str]:
    texts = {}
    for file in sorted(folder.glob("*.txt")):
        # newline="" keeps "\r\n" as two characters and a BOM as one: the annotation offsets
        # count the characters of the file as it is, not of a cleaned copy.
        try:
            with file.open(encoding="utf-8", newline="") as handle:
                texts[file.name] = handle.read()
        except UnicodeDecodeError as error:
            raise ValueError(f"{file} is not UTF-8: {error}") from error
    return texts


def _read_annotation(
    xml_path: Path, sources: dict[str, str], suspicious: dict[str, str]
) -> list[PlagiarismCase]:
    root = ET.parse(xml_path).getroot()
    susp = root.get("reference") or xml_path.with_suffix(".txt").name
    if susp not in suspicious:
        raise ValueError(f"{xml_path} annotates {susp}, which is not in {SUSPICIOUS_DIR}/")
    cases = []
    for feature in root.iter("feature"):
        if feature.get("name") != "plagiarism":
            continue
        try:
            src = feature.attrib["source_reference"]
            case = PlagiarismCase(
                susp=susp,
                src=src,
                this_offset=int(feature.attrib["this_offset"]),
                this_length=int(feature.attrib["this_length"]),
                src_offset=int(feature.attrib["source_offset"]),
                src_length=int(feature.attrib["source_length"]),
                obfuscation=feature.get("obfuscation", "none"),
            )
        except (KeyError, ValueError) as error:
            raise ValueError(f"{xml_path}: plagiarism feature without a usable {error}") from error
        if src not in sources:
            raise ValueError(f"{xml_path} cites {src}, which is not in {SOURCE_DIR}/")
        if case.this_span[1] > len(suspicious[susp]) or case.src_span[1] > len(sources[src]):
            raise ValueError(f"{xml_path}: a case at offset {case.this_offset} runs past the end of its text")
        cases.append(case)
    return cases


def pan_measures(cases: Sequence[Detection], detections: Sequence[Detection]) -> Measures:
    """Macro precision and recall, granularity and plagdet of detections against gold cases."""
    return _measures(cases, detections, cases, detections)


def measures_by_obfuscation(
    cases: Sequence[PlagiarismCase], detections: Sequence[Detection]
) -> dict[str, Measures]:
    """PAN measures per obfuscation type, with precision over the detections attributed to it.

    A detection is attributed to the types of the cases it detects or, detecting none, to the
    types of the cases in its suspicious document: so PAN's per-obfuscation sub-corpora, where
    every document holds one type, get their usual precision, and a false detection in a
    document without any case counts only in the overall figures.
    """
    document_types: dict[str, set[str]] = defaultdict(set)
    for case in cases:
        document_types[case.susp].add(case.obfuscation)
    attributed: dict[str, list[Detection]] = defaultdict(list)
    for detection, found in zip(detections, _partners(detections, cases), strict=True):
        for obfuscation in {case.obfuscation for case in found} or document_types[detection.susp]:
            attributed[obfuscation].append(detection)
    return {
        obfuscation: _measures(
            [c for c in cases if c.obfuscation == obfuscation], detections, cases, attributed[obfuscation]
        )
        for obfuscation in sorted({c.obfuscation for c in cases})
    }


def _measures(
    recall_cases: Sequence[Detection],
    recall_detections: Sequence[Detection],
    precision_cases: Sequence[Detection],
    precision_detections: Sequence[Detection],
) -> Measures:
    """Recall and granularity of one case set, precision of one detection set.

    Split so that per-obfuscation figures can take recall over a type's cases while precision
    still judges each attributed detection against every case.
    """
    if not recall_cases and not precision_detections:
        precision = recall = 1.0
    elif not recall_cases or not precision_detections:
        precision = recall = 0.0
    else:
        recall = _mean(_coverage(recall_cases, recall_detections))
        precision = _mean(_coverage(precision_detections, precision_cases))
    hits = [n for n in _detector_counts(recall_cases, recall_detections) if n]
    granularity = _mean(hits) if hits else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Measures(
        precision=precision,
        recall=recall,
        granularity=granularity,
        plagdet=f1 / math.log2(1 + granularity),
        n_cases=len(recall_cases),
        n_detections=len(precision_detections),
    )


def _detects(a: Detection, b: Detection) -> bool:
    """PAN's "r detects s", which is symmetric: same document pair, overlapping on both sides."""
    return (
        a.susp == b.susp
        and a.src == b.src
        and _overlap(a.this_span, b.this_span) > 0
        and _overlap(a.src_span, b.src_span) > 0
    )


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _partners(items: Sequence[Detection], others: Sequence[D]) -> list[list[D]]:
    """For each item, the others that detect it (compared only within one document pair)."""
    by_pair: dict[tuple[str, str], list[D]] = defaultdict(list)
    for other in others:
        by_pair[(other.susp, other.src)].append(other)
    return [[o for o in by_pair.get((item.susp, item.src), []) if _detects(item, o)] for item in items]


def _detector_counts(cases: Sequence[Detection], detections: Sequence[Detection]) -> list[int]:
    return [len(found) for found in _partners(cases, detections)]


def _coverage(items: Sequence[Detection], others: Sequence[Detection]) -> list[float]:
    """Per item, the share of its characters (both sides) covered by the others detecting it."""
    shares = []
    for item, found in zip(items, _partners(items, others), strict=True):
        covered = _covered(item.this_span, [o.this_span for o in found]) + _covered(
            item.src_span, [o.src_span for o in found]
        )
        shares.append(covered / item.size if item.size else 0.0)
    return shares


def _covered(target: Span, spans: Iterable[Span]) -> int:
    """Characters of ``target`` inside the union of ``spans``."""
    clipped = sorted((max(s, target[0]), min(e, target[1])) for s, e in spans)
    total, reach = 0, target[0]
    for start, end in clipped:
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def detect_corpus(corpus: PanCorpus, params: ReuseParams | None = None) -> list[Detection]:
    """Run isnad's reuse detection over a PAN corpus, keeping suspicious-to-source passages.

    Articles are the raw file texts with no layout repair, so passage spans are offsets into
    the files, as the annotations are. PAN measures passage alignment, not which links to trust,
    and a third of its cases are word-shuffled copies with no phrase left in order, which the
    link score (shared in-order phrasing) rates low by design; so every aligned pair is kept
    unless ``params`` say otherwise.
    """
    params = params or ReuseParams(min_link_score=0.0)
    articles = [
        segment(Article(id=name, text=text, source_path=str(corpus.path / folder / name)))
        for folder, texts in ((SOURCE_DIR, corpus.sources), (SUSPICIOUS_DIR, corpus.suspicious))
        for name, text in texts.items()
    ]
    detections: list[Detection] = []
    between = (list(corpus.suspicious), list(corpus.sources))
    for link in find_reuse(Corpus(articles), params, between=between):
        # Links between two sources or two suspicious documents are not PAN detections.
        if link.a in corpus.suspicious and link.b in corpus.sources:
            pairs = [(link.a, link.b, p.a_span, p.b_span) for p in link.passages]
        elif link.b in corpus.suspicious and link.a in corpus.sources:
            pairs = [(link.b, link.a, p.b_span, p.a_span) for p in link.passages]
        else:
            continue
        detections.extend(
            Detection(susp, src, this[0], this[1] - this[0], source[0], source[1] - source[0])
            for susp, src, this, source in pairs
        )
    return detections


def evaluate_reuse(path: str | Path, params: ReuseParams | None = None) -> ReuseEvaluation:
    """Detect reuse in a PAN-layout corpus and measure it against its annotations."""
    started = time.perf_counter()
    corpus = load_pan_corpus(path)
    detections = detect_corpus(corpus, params)
    seconds = time.perf_counter() - started

    with_cases = {case.susp for case in corpus.cases}
    return ReuseEvaluation(
        path=corpus.path,
        overall=pan_measures(corpus.cases, detections),
        by_obfuscation=measures_by_obfuscation(corpus.cases, detections),
        seconds=seconds,
        documents=len(corpus.sources) + len(corpus.suspicious),
        detections_in_clean_documents=sum(d.susp not in with_cases for d in detections),
        detections=detections,
    )


def format_reuse(evaluation: ReuseEvaluation) -> str:
    """The evaluation as a table, ending with the ``plagdet=`` headline line."""
    rows = [
        (name, m.n_cases, m.n_detections, m.precision, m.recall, m.granularity, m.plagdet)
        for name, m in [*evaluation.by_obfuscation.items(), ("all", evaluation.overall)]
    ]
    table = format_table(
        ["obfuscation", "cases", "detections", "precision*", "recall", "granularity", "plagdet"], rows
    )
    return "\n".join(
        [
            f"{evaluation.path}: {evaluation.documents} documents in {evaluation.seconds:.1f} s",
            table,
            "* per type: precision of the detections attributed to it (by the cases they detect, "
            "else by their document)",
            f"detections in documents without any case: {evaluation.detections_in_clean_documents}",
            headline("plagdet", evaluation.overall.plagdet),
        ]
    )


def print_reuse(evaluation: ReuseEvaluation) -> None:
    print(format_reuse(evaluation))
