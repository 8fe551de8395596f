from isnad.article.figures import find_figures
from isnad.model import Analysis, Article
from isnad.pipeline import segment


def _figures(text: str):  # type: ignore[no-untyped-def]
    return find_figures(segment(Article(id="t", text=text, source_path="t")))


def test_travelled_versus_returned() -> None:
    [travelled] = _figures("يعتقد أن هناك حوالي 1700 مقاتل من فرنسا، سافروا إلى سوريا والعراق منذ عام 2012.")
    assert travelled.value == 1700
    assert travelled.approx is not None
    assert travelled.predicate == "travelled"
    [returned] = _figures("وتعتقد السلطات أن نحو 1700 مسلح فرنسي عادوا الى بلدهم منذ عام 2012.")
    assert returned.value == 1700
    assert returned.predicate == "returned"


def test_years_are_not_figures() -> None:
    assert _figures("بدأت الحملة في عام 2014.") == []


def test_seed_figures_have_spans(seed_analysis: Analysis) -> None:
    texts = {a.id: a.text for a in seed_analysis.articles}
    values = {f.value for f in seed_analysis.figures}
    assert {150, 1700, 800, 30000, 25000, 250, 114} <= values
    for figure in seed_analysis.figures:
        assert texts[figure.article_id][figure.span[0] : figure.span[1]] == figure.text


def test_their_number_takes_the_verb_of_the_clause_before() -> None:
    text = "وأعضاء بارزون في التنظيم عادوا إلى بلادهم، ويقدر عددهم بنحو 250 عنصراً أغلبهم من بريطانيا."
    [figure] = _figures(text)
    assert figure.value == 250
    assert figure.predicate == "returned"


def test_a_verb_far_before_a_number_without_their_number_is_not_its_claim() -> None:
    text = "وأعضاء بارزون في التنظيم عادوا إلى بلادهم، وتقول الصحيفة إن بين المطلوبين 250 عنصراً أغلبهم من بريطانيا."
    [figure] = _figures(text)
    assert figure.predicate is None


def test_a_number_among_them_takes_the_verb_of_the_group_before() -> None:
    """ "12 killed, among them five soldiers, in the hostage-taking": the five were killed, not taken."""
    text = "قتل 12 شخصا، بينهم خمسة جنود، في عملية احتجاز الرهائن في فندق بالمدينة."
    twelve, five = _figures(text)
    assert (twelve.predicate, five.value, five.predicate) == ("killed", 5, "killed")


def test_the_number_of_an_index_name_is_no_figure() -> None:
    """يوروفرست 300 and ستوكس 50 name indices: comparing their 300 across reports of two sessions
    made a conflict on 2015-08-06."""
    text = "وارتفع مؤشر يوروفرست 300 لأسهم الشركات الأوروبية 20.73 نقطة، وصعد المؤشر يورو ستوكس 50 وكاك 40."
    assert [f.value for f in _figures(text)] == [20.73]


def test_a_threshold_crossed_is_no_price_reported() -> None:
    """ "Above the 50 barrier" and "broke the 50 barrier downwards" give no price: compared as one,
    they made a conflict of Monday's fall and Wednesday's rise (Brent, 2015-08-06)."""
    text = "صعدت أسعار خام برنت فوق حاجز 50 دولارا، بعد أن كسر حاجز 50 دولارا هبوطا وسجل 49.36 دولار."
    assert [f.value for f in _figures(text)] == [49.36]


def test_an_index_level_is_not_a_group_anything_happened_to() -> None:
    """ "ليعود إلى مستوى 1555 نقطة": the sector index went back to a level; no one returned."""
    [change, level] = _figures("تلاه قطاع التأمين بفقدانه نحو 24 نقطة ليعود إلى مستوى 1555 نقطة.")
    assert (level.value, level.unit, level.predicate) == (1555, "point", None)
    assert change.predicate is None


def test_quote_marks_do_not_part_a_verbal_noun_from_its_number() -> None:
    [killed, wounded] = _figures("أسفر التفجير عن «استشهاد» 26 شخصا وإصابة 227 آخرين.")
    assert (killed.value, killed.predicate) == (26, "killed")
    assert (wounded.value, wounded.predicate) == (227, "wounded")


def test_a_number_added_to_a_group_shares_its_claim() -> None:
    text = "نتج عنه استشهاد عشرة من منسوبي القوات إضافة إلى ثلاثة من العاملين وإصابة 9 آخرين."
    assert [(f.value, f.predicate) for f in _figures(text)] == [(10, "killed"), (3, "killed"), (9, "wounded")]
    [_, workers] = _figures("إن عشرة من منسوبي القوات استشهدوا في التفجير، إضافة لثلاثة عاملين في الموقع.")
    assert workers.predicate == "killed"


def test_a_verb_with_waw_after_the_counted_noun_opens_another_clause() -> None:
    """The number's own verb stands before it; وأصيب after the counted noun tells of others."""
    [killed, _dozens] = _figures("في تفجير المسجد الذي قتل فيه نحو 30 شخصا وأصيب العشرات.")
    assert (killed.value, killed.predicate) == (30, "killed")
    [travelled] = _figures("يعتقد أن حوالي 1700 مقاتل من فرنسا، سافروا إلى سوريا.")
    assert travelled.predicate == "travelled"  # no verb before: the one after is the number's


def test_among_them_takes_the_claim_of_the_group() -> None:
    """ضمنهم as بينهم: the twelve are of the fifteen killed, not of the seven wounded after them."""
    text = "مما أسفر عن «استشهاد» 15 شخصًا، ضمنهم 12 من رجال الأمن، إضافة إلى إصابة 7 آخرين."
    assert [(f.value, f.predicate) for f in _figures(text)] == [
        (15, "killed"),
        (12, "killed"),
        (7, "wounded"),
    ]
