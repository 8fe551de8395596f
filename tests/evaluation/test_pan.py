"""PAN measures on hand-made cases, and the PAN-layout loader and evaluation on a tiny corpus."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isnad.evaluation.pan import (
    Detection,
    PlagiarismCase,
    detect_corpus,
    evaluate_reuse,
    format_reuse,
    load_pan_corpus,
    measures_by_obfuscation,
    pan_measures,
)

FIXTURE = Path(__file__).parent.parent / "fixtures" / "pan"


def span(this: tuple[int, int], src: tuple[int, int], susp: str = "s1", source: str = "r1") -> Detection:
    return Detection(susp, source, this[0], this[1] - this[0], src[0], src[1] - src[0])


CASE = span((0, 100), (0, 100))


def test_perfect_detection_scores_one_everywhere() -> None:
    m = pan_measures([CASE], [CASE])
    assert (m.precision, m.recall, m.granularity, m.plagdet) == (1.0, 1.0, 1.0, 1.0)
    assert (m.n_cases, m.n_detections) == (1, 1)


def test_half_covered_case_halves_recall_only() -> None:
    m = pan_measures([CASE], [span((0, 50), (0, 50))])
    assert m.recall == pytest.approx(0.5)
    assert m.precision == pytest.approx(1.0)
    assert m.plagdet == pytest.approx(2 / 3)


def test_shifted_detection_loses_on_both_sides() -> None:
    m = pan_measures([CASE], [span((50, 150), (50, 150))])
    assert (m.precision, m.recall) == pytest.approx((0.5, 0.5))


def test_split_detection_has_granularity_two() -> None:
    m = pan_measures([CASE], [span((0, 50), (0, 50)), span((50, 100), (50, 100))])
    assert (m.precision, m.recall, m.granularity) == pytest.approx((1.0, 1.0, 2.0))
    assert m.plagdet == pytest.approx(1 / math.log2(3))


def test_false_positive_halves_precision() -> None:
    m = pan_measures([CASE], [CASE, span((0, 100), (0, 100), susp="s2")])
    assert (m.precision, m.recall, m.granularity) == pytest.approx((0.5, 1.0, 1.0))


def test_overlap_in_the_suspicious_document_alone_detects_nothing() -> None:
    m = pan_measures([CASE], [span((0, 100), (500, 600))])
    assert (m.precision, m.recall, m.plagdet) == (0.0, 0.0, 0.0)


def test_characters_covered_twice_count_once() -> None:
    m = pan_measures([CASE], [span((0, 60), (0, 60)), span((40, 100), (40, 100))])
    assert m.recall == pytest.approx(1.0)
    assert m.granularity == pytest.approx(2.0)


def test_empty_inputs_follow_the_pan_reference_code() -> None:
    assert pan_measures([], []).plagdet == 1.0
    assert pan_measures([], [CASE]).precision == 0.0
    nothing_found = pan_measures([CASE], [])
    assert (nothing_found.recall, nothing_found.granularity, nothing_found.plagdet) == (0.0, 1.0, 0.0)


def test_per_obfuscation_recall_is_over_that_type_and_precision_over_its_detections() -> None:
    verbatim = PlagiarismCase("s1", "r1", 0, 100, 0, 100, obfuscation="none")
    shuffled = PlagiarismCase("s2", "r1", 0, 100, 200, 100, obfuscation="word shuffling")
    stray = span((300, 400), (900, 1000), susp="s2")  # in the shuffled case's document, detects nothing
    by_type = measures_by_obfuscation([verbatim, shuffled], [span((0, 100), (0, 100)), stray])
    assert by_type["none"].recall == 1.0
    assert by_type["none"].precision == 1.0
    assert by_type["word shuffling"].recall == 0.0
    assert by_type["word shuffling"].n_detections == 1
    assert by_type["word shuffling"].precision == 0.0


def test_fixture_loads_with_offsets_into_the_files() -> None:
    corpus = load_pan_corpus(FIXTURE)
    assert sorted(corpus.sources) == ["source-document00001.txt", "source-document00002.txt"]
    assert len(corpus.suspicious) == 2
    assert sorted(c.obfuscation for c in corpus.cases) == ["manual synonym substitution", "none"]
    verbatim = next(c for c in corpus.cases if c.obfuscation == "none")
    copied = corpus.suspicious[verbatim.susp][slice(*verbatim.this_span)]
    original = corpus.sources[verbatim.src][slice(*verbatim.src_span)]
    assert copied.startswith("كما يذكر الدجاني")
    assert copied.split() == original.split()


def test_isnad_finds_the_verbatim_case_of_the_fixture() -> None:
    evaluation = evaluate_reuse(FIXTURE)
    assert evaluation.by_obfuscation["none"].recall > 0.8
    assert evaluation.overall.precision > 0.8
    assert evaluation.documents == 4
    assert evaluation.detections_in_clean_documents == 0
    assert re.fullmatch(r"plagdet=\d\.\d{3}", format_reuse(evaluation).splitlines()[-1])


def test_detections_point_from_suspicious_to_source() -> None:
    corpus = load_pan_corpus(FIXTURE)
    detections = detect_corpus(corpus)
    assert detections
    assert all(d.susp in corpus.suspicious and d.src in corpus.sources for d in detections)


def write_corpus(root: Path, susp_text: str, annotation: str) -> None:
    for folder in ("source-documents", "suspicious-documents", "plagiarism-annotation"):
        (root / folder).mkdir()
    (root / "source-documents" / "src.txt").write_text("أ ب ج د", encoding="utf-8")
    (root / "suspicious-documents" / "susp.txt").write_bytes(susp_text.encode("utf-8"))
    (root / "plagiarism-annotation" / "susp.xml").write_text(annotation, encoding="utf-8")


def feature(this_offset: int, this_length: int, source: str = "src.txt") -> str:
    return (
        '<document reference="susp.txt"><feature name="plagiarism" '
        f'this_offset="{this_offset}" this_length="{this_length}" source_reference="{source}" '
        'source_offset="0" source_length="3" obfuscation="none"/></document>'
    )


def test_bom_and_crlf_stay_characters_of_the_text(tmp_path: Path) -> None:
    write_corpus(tmp_path, "\ufeffسطر\r\nأ ب ج", feature(6, 5))
    corpus = load_pan_corpus(tmp_path)
    case = corpus.cases[0]
    assert corpus.suspicious["susp.txt"][slice(*case.this_span)] == "أ ب ج"


def test_missing_folders_are_named(tmp_path: Path) -> None:
    (tmp_path / "source-documents").mkdir()
    (tmp_path / "source-documents" / "a.txt").write_text("نص", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"suspicious-documents/\*\.txt, plagiarism-annotation"):
        load_pan_corpus(tmp_path)
    with pytest.raises(FileNotFoundError, match="not found"):
        load_pan_corpus(tmp_path / "absent")


def test_annotation_citing_an_unknown_source_is_refused(tmp_path: Path) -> None:
    write_corpus(tmp_path, "أ ب ج", feature(0, 3, source="other.txt"))
    with pytest.raises(ValueError, match=r"susp\.xml cites other\.txt"):
        load_pan_corpus(tmp_path)


def test_case_past_the_end_of_its_text_is_refused(tmp_path: Path) -> None:
    write_corpus(tmp_path, "أ ب ج", feature(2, 30))
    with pytest.raises(ValueError, match="runs past the end"):
        load_pan_corpus(tmp_path)


def brute_force(cases: list[Detection], detections: list[Detection]) -> tuple[float, float, float]:
    """Precision, recall and granularity straight from the paper's set definitions."""

    def chars(d: Detection) -> set[tuple[str, str, int]]:
        plg = {("plg", d.susp, i) for i in range(*d.this_span)}
        return plg | {("src", d.src, i) for i in range(*d.src_span)}

    def detects(r: Detection, s: Detection) -> bool:
        on_plg = set(range(*r.this_span)) & set(range(*s.this_span))
        on_src = set(range(*r.src_span)) & set(range(*s.src_span))
        return (r.susp, r.src) == (s.susp, s.src) and bool(on_plg and on_src)

    def macro(items: list[Detection], others: list[Detection]) -> float:
        shares = []
        for item in items:
            covered: set[tuple[str, str, int]] = set()
            for other in others:
                if detects(item, other):
                    covered |= chars(item) & chars(other)
            shares.append(len(covered) / len(chars(item)))
        return sum(shares) / len(shares)

    counts = [n for s in cases if (n := sum(detects(r, s) for r in detections))]
    return macro(detections, cases), macro(cases, detections), (sum(counts) / len(counts) if counts else 1.0)


alignments = st.builds(
    lambda susp, a, la, b, lb: span((a, a + la), (b, b + lb), susp=susp),
    st.sampled_from(["s1", "s2"]),
    st.integers(0, 30),
    st.integers(1, 15),
    st.integers(0, 30),
    st.integers(1, 15),
)


@given(st.lists(alignments, min_size=1, max_size=4), st.lists(alignments, min_size=1, max_size=5))
@settings(max_examples=150, deadline=None)
def test_interval_arithmetic_matches_the_set_definitions(
    cases: list[Detection], detections: list[Detection]
) -> None:
    m = pan_measures(cases, detections)
    assert (m.precision, m.recall, m.granularity) == pytest.approx(brute_force(cases, detections))
