import random
from pathlib import Path

import pytest

from isnad.article.doc import ArticleText, Corpus
from isnad.corpus.alignment import SPARSE_CAP, align, could_link, link_score, runs_needed
from isnad.corpus.direction import (
    CLOCK_MIN_ARTICLES,
    TRIMMED_CONFIDENCE,
    publishing_clocks,
    siblings_of_one_source,
)
from isnad.corpus.reuse import content_hash, find_reuse
from isnad.corpus.reuse_candidates import candidate_pairs
from isnad.corpus.reuse_weights import ReuseParams, TermWeights
from isnad.model import Article, ReuseLink
from isnad.pipeline import segment

SOURCE = (
    "أكد تقرير صادر عن صحيفة واشنطن بوست الأميركية وجود حالات تمرد بين المقاتلين الأجانب في تنظيم داعش، "
    "وذلك وفقا لوثائق عثر عليها عقب استعادة الجانب الأيسر من مدينة الموصل. "
    "وفي شأن آخر، ارتفعت أسعار النفط في الأسواق العالمية اليوم."
)
# The first sentence copied with clitic and spelling changes, the rest new.
COPY = (
    "قالت وكالة محلية إن الطقس سيكون معتدلا. "
    "وأكد تقرير صادر عن صحيفة "
    "واشنطن بوست الامريكية وجود حالات تمرد بين مقاتلين أجانب في تنظيم داعش، "
    "وذلك وفقاً لوثائق عثر عليها بعد استعادة الجانب الأيسر من الموصل."
)


EVERY_LINK = ReuseParams(min_link_score=0.0)  # alignment tests: keep links under the threshold


def _article(text: str, id_: str, published: str | None = None) -> Article:
    return segment(Article(id=id_, text=text, source_path=id_, published=published))


def test_copied_passage_is_found_with_spans_in_both() -> None:
    corpus = Corpus([_article(SOURCE, "src", "2017-03-01"), _article(COPY, "copy", "2017-03-02")])
    # One copied sentence is too little shared phrasing for the default link threshold.
    assert find_reuse(corpus) == []
    links = find_reuse(corpus, EVERY_LINK)
    assert len(links) == 1
    assert links[0].score < ReuseParams().min_link_score
    link = links[0]
    assert (link.a, link.b) == ("src", "copy")
    assert link.direction == "a->b"
    assert len(link.passages) == 1
    passage = link.passages[0]
    in_source = SOURCE[passage.a_span[0] : passage.a_span[1]]
    in_copy = COPY[passage.b_span[0] : passage.b_span[1]]
    assert in_source.startswith("أكد تقرير صادر")
    assert in_source.endswith("الموصل")
    assert "النفط" not in in_source
    assert in_copy.startswith("وأكد تقرير صادر")
    assert "الطقس" not in in_copy


def test_unrelated_articles_share_nothing() -> None:
    a = _article("ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار أوبك خفض الإنتاج.", "a")
    b = _article("فاز المنتخب الوطني بكأس البطولة بعد مباراة صعبة أمام منافسه القوي.", "b")
    corpus = Corpus([a, b])
    assert find_reuse(corpus) == []
    assert align(corpus.text("a"), corpus.text("b")) is None


def test_params_are_validated() -> None:
    with pytest.raises(ValueError, match="positive sizes"):
        ReuseParams(cell=0)
    with pytest.raises(ValueError, match="multiple of lsh_bands"):
        ReuseParams(num_perm=64, lsh_bands=20)


SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
# Two unrelated fillers, so a copy sits inside text of its own.
FILLER_A = (
    "ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار أوبك خفض الإنتاج. "
    "وقال محللون إن الطلب على الخام سيبقى قويا خلال فصل الشتاء المقبل. "
)
FILLER_B = (
    "فاز المنتخب الوطني بكأس البطولة بعد مباراة صعبة أمام منافسه القوي. "
    "واحتفل المشجعون في الشوارع حتى ساعة متأخرة من الليل. "
)


def _seed_paragraph() -> str:
    """A long paragraph of a real article (the second line of seed 003)."""
    lines = [
        line for line in (SEEDS / "003_4822fe9b3c5ba666.txt").read_text(encoding="utf-8").splitlines() if line
    ]
    return lines[2]


def test_word_shuffled_copy_is_found_with_its_span() -> None:
    original = _seed_paragraph()
    words = original.split()
    random.Random(7).shuffle(words)
    shuffled = " ".join(words)
    copy = FILLER_B + shuffled + " " + FILLER_A
    link = align(_text(original, "orig"), _text(copy, "copy"))
    assert link is not None
    assert len(link.passages) == 1
    start, end = link.passages[0].b_span
    # The passage covers the shuffled words and no more than a word or two of filler.
    assert abs(start - len(FILLER_B)) <= 12
    assert abs(end - (len(FILLER_B) + len(shuffled))) <= 12


def test_exact_duplicates_differing_in_spelling_are_linked_whole() -> None:
    original = _seed_paragraph()
    respelled = original.replace("ة ", "ه ").replace("الإرهابي", "الارهابي")
    corpus = Corpus([_article(original, "one"), _article(respelled, "two")])
    texts = corpus.texts()
    assert content_hash(texts[0]) == content_hash(texts[1])
    (link,) = find_reuse(corpus)
    assert link.score == 1.0
    start, end = link.passages[0].a_span
    # The whole text: nothing but punctuation is left outside the passage.
    assert start == 0
    assert not any(ch.isalnum() for ch in original[end:])


def test_between_keeps_only_pairs_across_the_two_groups() -> None:
    paragraph = _seed_paragraph()
    corpus = Corpus(
        [
            _article(FILLER_A + paragraph, "left1"),
            _article(FILLER_B + paragraph, "left2"),
            _article(paragraph + " " + FILLER_A, "right"),
        ]
    )
    links = find_reuse(corpus, between=(["left1", "left2"], ["right"]))
    assert {frozenset((link.a, link.b)) for link in links} == {
        frozenset(("left1", "right")),
        frozenset(("left2", "right")),
    }


def test_direction_from_the_outlet_the_copy_names() -> None:
    paragraph = _seed_paragraph()
    original = Article(id="orig", text=FILLER_A + paragraph, source_path="o", outlet="الغارديان")
    copy = Article(id="copy", text="نقلت صحيفة الجارديان البريطانية ما يلي. " + paragraph, source_path="c")
    corpus = Corpus([segment(copy), segment(original)])
    link = align(corpus.text("copy"), corpus.text("orig"))
    assert link is not None
    assert link.direction == "b->a"
    assert "الغارديان" in link.direction_evidence
    assert 0.5 < link.direction_confidence < 0.9


def test_direction_from_a_trimmed_copy() -> None:
    full = (SEEDS / "003_4822fe9b3c5ba666.txt").read_text(encoding="utf-8")
    trimmed = _seed_paragraph()
    link = align(_text(full, "full"), _text(trimmed, "trimmed"))
    assert link is not None
    assert link.direction == "a->b"
    assert "trimmed" in link.direction_evidence


def test_publication_dates_outweigh_textual_evidence() -> None:
    full = (SEEDS / "003_4822fe9b3c5ba666.txt").read_text(encoding="utf-8")
    corpus = Corpus(
        [_article(full, "full", "2017-03-05"), _article(_seed_paragraph(), "trimmed", "2017-03-01")]
    )
    link = align(corpus.text("full"), corpus.text("trimmed"))
    assert link is not None
    assert (link.direction, link.direction_evidence) == ("b->a", "publication dates")


def test_crawl_stamps_order_nothing_within_a_date_while_publishing_times_do() -> None:
    full = (SEEDS / "003_4822fe9b3c5ba666.txt").read_text(encoding="utf-8")
    filler = [f"{SOURCE} {n}" for n in range(CLOCK_MIN_ARTICLES)]

    def outlet_day(outlet: str, stamps: list[str], lead: tuple[str, str]) -> list[Article]:
        texts = [lead[0], *filler][: len(stamps)]
        made = [
            _article(text, f"{outlet}{n}", stamp)
            for n, (text, stamp) in enumerate(zip(texts, stamps, strict=False))
        ]
        made[0].id = lead[1]
        for article in made:
            article.outlet = outlet
        return made

    # Each outlet's day read by a crawler, an article every two seconds, the trimmed copy's first.
    crawled = [f"2015-08-03T20:00:{2 * n:02d}" for n in range(CLOCK_MIN_ARTICLES)]
    late = [f"2015-08-03T21:00:{2 * n:02d}" for n in range(CLOCK_MIN_ARTICLES)]
    articles = outlet_day("okaz", late, (full, "full")) + outlet_day(
        "sabq", crawled, (_seed_paragraph(), "trimmed")
    )
    assert publishing_clocks(articles) == set()
    link = next(
        link for link in find_reuse(Corpus(articles), EVERY_LINK) if {link.a, link.b} == {"full", "trimmed"}
    )
    # Not the crawl's order; and across outlets a shorter version says who cut more, not who copied.
    assert (link.direction, link.direction_confidence) == ("unknown", 0.0)
    assert "a cut of one source" in link.direction_evidence
    # Stamps spread over the day are publishing times, and the earlier article is the source.
    spread = [f"2015-08-03T{h:02d}:00:00" for h in range(8, 8 + CLOCK_MIN_ARTICLES)]
    articles = outlet_day("okaz", [*spread[1:], "2015-08-03T23:00:00"], (full, "full"))
    articles += outlet_day("sabq", spread, (_seed_paragraph(), "trimmed"))
    assert publishing_clocks(articles) == {"okaz", "sabq"}
    link = next(
        link for link in find_reuse(Corpus(articles), EVERY_LINK) if {link.a, link.b} == {"full", "trimmed"}
    )
    assert link.direction_evidence == "publication times"
    assert link.direction == ("b->a" if link.a == "full" else "a->b")


def _text(text: str, id_: str) -> ArticleText:
    return Corpus([_article(text, id_)]).text(id_)


def test_a_bucket_above_the_cap_makes_no_candidates_while_a_copy_still_does() -> None:
    notice = "جميع الحقوق محفوظة لصحيفة الأخبار اليومية ولا يجوز نسخ أي مادة منشورة دون إذن كتابي مسبق من إدارة التحرير"
    articles = [_article(SOURCE, "src"), _article(COPY, "copy")]
    articles += [_article(notice, f"notice{n}") for n in range(5)]
    texts = Corpus(articles).texts()
    every = list(range(len(texts)))
    copy_pair = {(0, 1)}
    # Five articles share the notice's chunk, so every band of it holds five chunks.
    uncapped = candidate_pairs(texts, every, every, ReuseParams(max_bucket=5))
    assert copy_pair < uncapped
    assert len(uncapped) == 1 + 10  # the copy and the ten pairs of notices
    assert candidate_pairs(texts, every, every, ReuseParams(max_bucket=4)) == copy_pair


APPEAL = (
    "وتهيب المديرية العامة للجوازات بجميع المواطنين والمقيمين مراجعة مكاتبها في أوقات الدوام الرسمي "
    "وإنجاز معاملاتهم إلكترونيا عبر بوابة أبشر تسهيلا عليهم وحرصا على راحتهم وتفاديا للزحام والانتظار"
)
NEWS = [
    "ضبطت دوريات الجوازات في منفذ البطحاء ثلاثة مقيمين حاولوا عبور الحدود بوثائق سفر مزورة صباح أمس",
    "افتتحت جوازات منطقة القصيم قسما نسائيا جديدا في مدينة بريدة لخدمة المراجعات وتسليم الجوازات",
    "أعلنت جوازات جدة تمديد ساعات العمل في مطار الملك عبدالعزيز مع بداية موسم العمرة وعودة المسافرين",
    "رحلت جوازات المنطقة الشرقية مئتي مخالف لنظام الإقامة والعمل خلال الأسبوع الماضي بعد استكمال إجراءاتهم",
    "استقبل مدير جوازات المدينة المنورة وفدا من طلاب الجامعة الإسلامية في زيارة للتعرف على خدمات الإدارة",
]


def test_a_standing_appeal_shared_by_unrelated_articles_links_none_of_them() -> None:
    articles = [_article(f"{news}. {APPEAL}.", f"n{n}") for n, news in enumerate(NEWS)]
    # Learnt from these articles, the appeal is a formula: shared, but not evidence of copying.
    assert find_reuse(Corpus(articles)) == []
    # The same articles with the appeal's recurrence unknown (too few of them to learn it) link.
    assert find_reuse(Corpus(articles[:2]))


def test_two_outlets_crediting_the_same_agency_are_siblings() -> None:
    dateline = "الرياض 18 شوال 1436 هـ الموافق 03 أغسطس 2015 م واس "
    corpus = Corpus(
        [
            _article(dateline + SOURCE, "first", "2015-08-03T10:00:00"),
            _article(dateline + COPY, "second", "2015-08-03T12:00:00"),
        ]
    )
    link = align(corpus.text("first"), corpus.text("second"))
    assert link is not None
    assert link.direction == "unknown"
    assert "واس" in link.direction_evidence


def test_a_pairs_passages_do_not_depend_on_the_articles_around_it() -> None:
    from tests.gates import shared_data

    from isnad.evaluation.reuse_links import read_day

    pair = [
        _article(path.read_text(encoding="utf-8"), path.name) for path in sorted(SEEDS.glob("00[12]_*.txt"))
    ]
    alone = find_reuse(Corpus(pair), EVERY_LINK)  # two translations of one report: under the threshold
    assert len(alone) == 1
    day = read_day(shared_data("saudinewsnet/2015-08-03.jsonl.gz"))[:300]
    in_company = [
        link
        for link in find_reuse(Corpus(pair + day), EVERY_LINK)
        if {link.a, link.b} == {p.id for p in pair}
    ]
    assert [link.passages for link in in_company] == [alone[0].passages]


def test_a_link_under_half_shared_phrasing_is_a_rewrite_at_best() -> None:
    assert link_score(30) == link_score(30, passage_terms=60) > ReuseParams().min_link_score
    # The same thirty phrases spread over a passage of a hundred stems: a rewritten release.
    assert link_score(30, passage_terms=100) == SPARSE_CAP < ReuseParams().min_link_score


def test_a_text_three_outlets_print_makes_siblings_not_a_copy() -> None:
    by_id = {
        name: Article(id=name, text="", source_path=name, outlet=outlet)
        for name, outlet in (("a", "okaz"), ("b", "sabq"), ("c", "alyaum"), ("d", "okaz"))
    }

    def trimmed(a: str, b: str) -> ReuseLink:
        return ReuseLink(a, b, 1.0, [], "a->b", TRIMMED_CONFIDENCE, "b looks trimmed from a")

    three = [trimmed("a", "b"), trimmed("a", "c"), trimmed("b", "c")]
    siblings_of_one_source(three, by_id)
    assert all(link.direction == "unknown" and "siblings" in link.direction_evidence for link in three)
    # A third article of one of the two outlets is no independent witness.
    two = [trimmed("a", "b"), trimmed("a", "d"), trimmed("b", "d")]
    siblings_of_one_source(two, by_id)
    assert two[0].direction == "a->b"


@pytest.mark.parametrize("workers", [2, 3])  # this process aligns batches beside one worker, or two
def test_pairs_aligned_by_worker_processes_give_the_links_of_one_process(
    monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    from isnad.corpus import reuse

    # Six articles, each holding the copied sentence and its own lines: fifteen candidate pairs.
    articles = [
        _article(
            f"{COPY} وقال مسؤول رقم {n} إن الاجتماع المقبل سيعقد في مدينة أخرى.", f"c{n}", f"2017-03-0{n + 1}"
        )
        for n in range(6)
    ]
    alone = find_reuse(Corpus(articles), EVERY_LINK, workers=1)
    monkeypatch.setattr(reuse, "ALIGN_BATCH", 2)
    monkeypatch.setattr(reuse, "MIN_PARALLEL_PAIRS", 2)
    shared = find_reuse(Corpus(articles), EVERY_LINK, workers=workers)
    assert len(alone) == 15
    assert shared == alone


@pytest.mark.parametrize("threshold", [0.0, 0.5, ReuseParams().min_link_score, 0.99])
def test_runs_needed_is_the_fewest_runs_whose_reported_score_reaches_the_threshold(threshold: float) -> None:
    needed = runs_needed(threshold)
    assert round(link_score(needed), 3) >= threshold
    assert needed == 0 or round(link_score(needed - 1), 3) < threshold


def test_a_pair_that_shares_too_few_runs_is_not_aligned_and_a_copy_is() -> None:
    # The copy shares one sentence (a link under the default threshold); the long copy shares
    # the whole source several times over, enough runs for a reported link.
    long_source = " ".join([SOURCE, COPY, _seed_paragraph()])
    articles = [_article(SOURCE, "src"), _article(COPY, "copy"), _article(long_source, "long")]
    texts = Corpus(articles).texts()
    weights = TermWeights.background(ReuseParams().max_term_df)
    default = ReuseParams().min_link_score
    able = could_link(texts, [(0, 1), (0, 2)], weights, default)
    assert able == [False, True]
    assert could_link(texts, [(0, 1)], weights, 0.0) == [True]
    # What is skipped is what the threshold would have dropped after alignment.
    skipped = align(texts[0], texts[1], EVERY_LINK, weights=weights)
    assert skipped is not None
    assert skipped.score < default


def test_captions_too_short_to_identify_an_item_copy_nothing() -> None:
    from isnad.ingest import build_article
    from isnad.pipeline import segment

    cartoons = [
        segment(
            build_article("كاريكاتير", str(n), url=f"http://x/node/{n}/كاريكاتير.html", outlet="almadina")
        )
        for n in range(3)
    ]
    assert len({a.id for a in cartoons}) == 3
    assert find_reuse(Corpus(cartoons)) == []
