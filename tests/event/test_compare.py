from isnad.article.figures import find_figures
from isnad.event.compare import compare_event, predicates_conflict, same_quantity, subject_class
from isnad.model import Analysis, Article, Comparison, Event, Figure
from isnad.pipeline import segment


def _figure(value: float, subject: str, predicate: str | None, approx: str | None = None) -> Figure:
    return Figure("a", value, approx, None, subject, predicate, (0, 1))


def test_subject_classes_merge_outlet_vocabulary() -> None:
    assert subject_class("مقاتل") == subject_class("مسلح") == subject_class("إرهابي") == "fighters"
    assert subject_class("امرأة") != subject_class("مقاتل")
    # General classes of news, not the seed story's: people are not fighters by default.
    assert subject_class("شخصا") == subject_class("مواطنين") == "people"
    assert subject_class("ريال") == "money"
    assert subject_class("رجال", "الأمن") == "soldiers"


def test_a_figure_must_say_what_it_counts_to_be_compared() -> None:
    assert not same_quantity(_figure(36, "", None), _figure(36, "قتيلا", "killed"))
    assert not same_quantity(_figure(90, "وفدا", None), _figure(90, "قتيلا", None))
    # A kind of people and people in general may be one group when the counts are equal.
    assert same_quantity(_figure(250, "أجنبيا", None), _figure(250, "عنصرا", None))


def test_different_subjects_and_different_happenings_do_not_conflict() -> None:
    """A ferry's dead and a blast's wounded, or people and soldiers: no conflict (issue 15)."""
    assert not _compare("وغرق 36 شخصا في العبارة.", "وأصيب 90 شخصا في الانفجار.")
    comparisons = _compare("وأسفر التفجير عن مقتل 13 شخصا.", "وأسفر التفجير عن مقتل 10 جنود.")
    assert all(c.verdict != "conflict" for c in comparisons)


def test_killed_counts_that_differ_conflict_once_per_pair_of_values() -> None:
    comparisons = _compare(
        "التفجير الذي استهدف مسجد قوات الطوارئ في عسير ظهر اليوم نتج عنه استشهاد عشرة من رجال الأمن.",
        "التفجير الذي استهدف مسجد قوات الطوارئ في عسير ظهر اليوم نتج عنه استشهاد 12 رجل أمن.",
        "التفجير الذي استهدف مسجد الطوارئ في عسير نتج عنه استشهاد عشرة من رجال الأمن وإصابة تسعة آخرين.",
    )
    [conflict] = [c for c in comparisons if c.verdict == "conflict"]
    assert conflict.subject == "soldiers: killed"
    assert {claim.value for claim in conflict.claims} == {10, 12}
    assert len({claim.article_id for claim in conflict.claims}) == 3


def test_a_hedge_read_as_a_negation_makes_no_conflict() -> None:
    """ما لا يقل عن is "at least", and a figure with no claim has nothing to contradict."""
    comparisons = _compare("وسيشارك أكثر من 90 وفدا رسميا.", "وسيحضر ما لا يقل عن 90 وفدا رسميا.")
    assert all(c.verdict != "conflict" for c in comparisons)


def test_hedged_values_match_within_tolerance() -> None:
    assert same_quantity(_figure(1700, "مقاتل", None, "حوالي"), _figure(1650, "مسلح", None, "نحو"))
    assert not same_quantity(_figure(1700, "مقاتل", None), _figure(1650, "مسلح", None))
    assert not same_quantity(_figure(17, "امرأة", None), _figure(17, "مقاتل", None))


def test_incompatible_and_negated_claims_conflict() -> None:
    assert predicates_conflict("travelled", "returned")
    assert predicates_conflict("returned", "not returned")
    assert not predicates_conflict("travelled", "travelled")
    assert not predicates_conflict("travelled", None)


def test_seed_conflict_travelled_versus_returned(
    seed_analysis: Analysis, seed_articles: dict[str, Article]
) -> None:
    """The story isnad was conceived from: 1,700 French fighters who travelled (Arabi21) or returned (SANA)."""
    ids = {seed_articles["000"].id, seed_articles["003"].id}
    conflicts = [
        c
        for c in seed_analysis.comparisons
        if c.verdict == "conflict" and any(claim.value == 1700 for claim in c.claims)
    ]
    assert conflicts
    assert {claim.article_id for claim in conflicts[0].claims} == ids
    assert {claim.predicate for claim in conflicts[0].claims} == {"travelled", "returned"}


def _compare(*texts: str) -> list[Comparison]:
    articles = {
        str(n): segment(Article(id=str(n), text=text, source_path=f"{n}.txt")) for n, text in enumerate(texts)
    }
    figures = [f for article in articles.values() for f in find_figures(article)]
    return compare_event(Event("e", list(articles), "t"), figures, articles)


def test_words_of_magnitude_match_only_each_other() -> None:
    dozens = _figure(10, "المقاتلين", None, "عشرات")
    assert not same_quantity(dozens, _figure(10, "مقاتلين", None))
    assert not same_quantity(dozens, _figure(10, "مقاتلين", None, "نحو"))
    assert same_quantity(dozens, _figure(10, "المسلحين", None, "بضع عشرات"))


def test_a_figure_with_no_claim_does_not_make_an_agreement() -> None:
    [comparison] = _compare(
        "وقالت الصحيفة إن 40 مقاتلا في المدينة.", "وقالت الصحيفة إن 40 مقاتلا قتلوا في المدينة."
    )
    assert comparison.verdict == "differ"
    assert comparison.reason.startswith("a claim on one side only: killed")


def test_the_same_claim_on_both_sides_agrees() -> None:
    [comparison] = _compare(
        "وقالت الصحيفة إن 40 مقاتلا قتلوا في المدينة.", "وأفاد التقرير بأن 40 مقاتلا قتلوا."
    )
    assert comparison.verdict == "agree"


def test_dozens_are_not_in_conflict_with_an_exact_count() -> None:
    comparisons = _compare("وعاد عشرات المقاتلين إلى بلادهم.", "وعاد 25 مقاتلا إلى بلادهم.")
    assert all(c.verdict != "conflict" for c in comparisons)
    one = "مقاتلا فرنسيا إلى بلادهم من سوريا عبر الحدود التركية خلال الصيف الماضي."
    exact = _compare(f"وعاد 12 {one}", f"وعاد 25 {one}")
    assert [c.verdict for c in exact] == ["conflict"]  # two counts of one claim do clash
    # ... when both sentences tell of one happening, not of two that an event happens to hold.
    assert not _compare(f"وعاد 12 {one}", "وعاد 25 مقاتلا من العراق أمس بعد معارك الرمادي.")


def test_seed_figures_without_a_shared_claim_are_not_agreements(seed_analysis: Analysis) -> None:
    by_value = {c.claims[0].value: c for c in seed_analysis.comparisons}
    assert by_value[250].verdict == "differ"  # infiltrated Europe / returned home
    assert by_value[10].verdict == "differ"  # dozens arrested / dozens, no verb


def test_an_article_giving_both_numbers_contradicts_neither() -> None:
    """12 of the regime's men and 9 of the opposition's killed: two groups, not two tolls."""
    one = "في اشتباكات ريف إدلب الجنوبي مع قوات النظام أمس بحسب المرصد السوري"
    comparisons = _compare(f"وقتل 12 عنصرا وقتل 9 عناصر {one}.", f"وقتل 9 عناصر {one}.")
    assert all(c.verdict != "conflict" for c in comparisons)


def test_equal_counts_of_two_kinds_of_people_stay_apart() -> None:
    """Five soldiers and five contractors killed in one attack: the "five killed" of a third
    report matches both, and must not make them one group (killed / taken would then clash)."""
    place = "في الهجوم على الفندق في وسط البلاد"
    comparisons = _compare(
        f"وأكد مصدر عسكري مقتل خمسة جنود {place}.",
        f"وقالت البعثة إن خمسة موظفين متعاقدين معها قتلوا {place}.",
        f"وأعلنت الحكومة عن خمسة قتلى {place}.",
        f"وخطف المسلحون خمسة موظفين {place}.",
    )
    assert all(c.verdict != "conflict" for c in comparisons)
    for comparison in comparisons:
        texts = " ".join(claim.text for claim in comparison.claims)
        assert not ("جنود" in texts and "موظفين" in texts), comparison


def test_a_negation_of_another_verb_is_not_a_negated_claim() -> None:
    """ "The movement did not claim the bombing that killed 15": the 15 were killed all the same."""
    comparisons = _compare(
        "إلا أن الحركة لم تعلن مسؤوليتها عن هجوم أوقع 15 قتيلا في منطقة سكنية ليل الخميس.",
        "وأوقع الهجوم الأول 15 قتيلا في منطقة سكنية ليل الخميس.",
    )
    assert [c.verdict for c in comparisons] == ["agree"]


def test_the_hedge_at_least_is_no_negation_when_the_figure_has_a_claim() -> None:
    """ما لا يقل عن and ما لايقل عن (one word) are one hedge: neither side negates the claim."""
    rest = "شخص قتلوا في البلاد بين 2000 و2012 بحسب سجلات الجريمة."
    comparisons = _compare(
        f"وقالت الإحصاءات إن ما لا يقل عن 2100 {rest}", f"وأفادت الإحصاءات بأن ما لايقل عن 2100 {rest}"
    )
    assert [c.verdict for c in comparisons] == ["agree"]


def test_a_rounded_value_matches_only_its_own_rounding() -> None:
    """50 is 50.35 rounded or cut by an outlet; 49.36 is not 50 (Brent on 2015-08-06)."""
    assert same_quantity(_figure(50, "دولارا", None), _figure(50.35, "دولار", None))
    assert same_quantity(_figure(8770, "نقطة", None), _figure(8769.6, "نقطة", None))
    assert not same_quantity(_figure(50, "دولارا", None), _figure(49.36, "دولارا", None))


def test_an_article_making_both_claims_of_one_number_contradicts_neither() -> None:
    """4 infections and 4 deaths in one report are two groups, not killed against wounded."""
    comparisons = _compare(
        "أعلنت وزارة الصحة عن تسجيل 4 حالات إصابة بفيروس كورونا في الرياض، وتسجيل 4 حالات وفاة في الرياض.",
        "أعلنت وزارة الصحة عن تسجيل 4 حالات إصابة بفيروس كورونا في الرياض ونجران، وتسجيل 4 حالات وفاة.",
    )
    assert comparisons
    assert all(c.verdict != "conflict" for c in comparisons)


def test_a_part_and_its_whole_do_not_conflict() -> None:
    """One article gives 23 killed, 17 of them in the crash: an outlet giving the crash's 17 and
    another giving the day's 23 do not contradict each other (Afghanistan, 2015-08-07)."""
    comparisons = _compare(
        "قتل 23 شخصا أمس في أفغانستان في هجومين تبنتهما حركة طالبان، 17 منهم بسقوط مروحية عسكرية أفغانية في جنوب البلاد.",
        "قتل 17 شخصا أمس في أفغانستان في تحطم مروحية عسكرية أفغانية في جنوب البلاد بسبب عطل تقني.",
        "قتل 23 شخصا أمس في أفغانستان في هجومين تبنتهما حركة طالبان في جنوب البلاد وفي العاصمة.",
    )
    assert all(c.verdict != "conflict" for c in comparisons)
    # Without the article that tells the part from the whole, the two tolls conflict.
    alone = _compare(
        "قتل 17 شخصا أمس في أفغانستان في تحطم مروحية عسكرية أفغانية في جنوب البلاد بسبب عطل تقني.",
        "قتل 23 شخصا أمس في أفغانستان في هجومين تبنتهما حركة طالبان في جنوب البلاد وفي العاصمة.",
    )
    assert any(c.verdict == "conflict" for c in alone)
