from hypothesis import given
from hypothesis import strategies as st

from isnad.arabic.names import entity_key
from isnad.article.entities import _not_overlapping
from isnad.model import Analysis, Mention


def test_spelling_variants_share_a_key() -> None:
    assert entity_key("الجارديان") == entity_key("الغارديان") == entity_key("للجارديان")
    assert entity_key("سوريا") == entity_key("سورية")
    assert entity_key("أبو بكر البغدادي") == entity_key("أبي بكر البغدادي")
    assert entity_key("أريستيدو") == entity_key("اريستيدو")
    assert entity_key("الأمريكية") == entity_key("الأميركية")
    assert entity_key("مصر") != entity_key("عمر")


def test_seed_entities_merge_variants_across_outlets(seed_analysis: Analysis) -> None:
    by_key = {(e.type, entity_key(e.canonical)): e for e in seed_analysis.entities}
    guardian = by_key[("ORG", entity_key("الغارديان"))]
    assert {m.text for m in guardian.mentions} >= {"الجارديان", "الغارديان"}
    syria = by_key[("LOC", entity_key("سوريا"))]
    assert len({m.article_id for m in syria.mentions}) >= 4
    people = {e.canonical for e in seed_analysis.entities if e.type == "PER"}
    assert {"ديديه بريت", "بشار الأسد", "بول كليمان"} <= people
    texts = {a.id: a.text for a in seed_analysis.articles}
    for entity in seed_analysis.entities:
        for mention in entity.mentions:
            assert texts[mention.article_id][mention.span[0] : mention.span[1]] == mention.text


def test_aliases_and_partial_names_join_their_entity(seed_analysis: Analysis) -> None:
    by_canonical = {e.canonical: e for e in seed_analysis.entities}
    isis = by_canonical["داعش"]
    assert {"تنظيم الدولة", "داعش"} <= {m.text for m in isis.mentions}
    aristidou = by_canonical["ستيفن أريستيدو"]
    assert aristidou.type == "PER"
    assert "اريستيدو" in {m.text for m in aristidou.mentions}
    assert "بريطانيا" in {m.text for m in by_canonical["بريطانيا"].mentions}
    assert "المملكة المتحدة" in {m.text for m in by_canonical["بريطانيا"].mentions}


def test_mention_spans_leave_glued_particles_out(seed_analysis: Analysis) -> None:
    texts = {m.text for e in seed_analysis.entities for m in e.mentions}
    assert "والعراق" not in texts
    assert "العراق" in texts


def test_outlet_canonical_comes_from_the_lexicon(seed_analysis: Analysis) -> None:
    guardian = [
        e for e in seed_analysis.entities if e.type == "ORG" and "الجارديان" in {m.text for m in e.mentions}
    ]
    assert [e.canonical for e in guardian] == ["الغارديان"]


def test_words_that_never_name_anyone_are_no_entities() -> None:
    from isnad.arabic import is_never_entity
    from isnad.article.entities import find_entities
    from isnad.model import Article
    from isnad.pipeline import segment

    for word in (
        "العالم",
        "الله",
        "الدولار",
        "ريال",
        "يوليو",
        "كانون الثاني",
        "الجمعة",
        "رمضان",
        "ريالاً",
        "ريف",
    ):
        assert is_never_entity(word), word
    assert not is_never_entity("عبد الله")
    text = (
        "وتعد تايلاند من أكبر الدول المصدرة للأرز في العالم. ونفذت القوات إنزال بري قرب المدينة يوم الجمعة."
    )
    article = segment(Article(id="t", text=text, source_path="t"))
    names = {(e.type, e.canonical) for e in find_entities([article])}
    assert not {n for n in names if n[1] in ("العالم", "بري", "الجمعة")}
    un = "وقالت الأمم المتحدة إن الاتحاد الأوروبي سيساعد."
    found = {e.canonical: e.type for e in find_entities([segment(Article(id="u", text=un, source_path="u"))])}
    assert found.get("الأمم المتحدة") == "ORG"
    assert found.get("الاتحاد الأوروبي") == "ORG"


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=12),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=12),
)
def test_overlap_filter_equals_checking_every_pair(
    candidates: list[tuple[int, int]], kept: list[tuple[int, int]]
) -> None:
    def found(spans: list[tuple[int, int]]) -> list[tuple[str, Mention]]:
        return [("LOC", Mention("a", (s, s + n), "x")) for s, n in spans]

    cands, keep = found(candidates), found(kept)
    taken = [m.span for _, m in keep]
    brute = [(k, m) for k, m in cands if not any(s < m.span[1] and m.span[0] < e for s, e in taken)]
    assert _not_overlapping(cands, keep) == brute


def test_a_name_ends_where_the_person_s_name_does() -> None:
    """Sentences of 2015-07-25 and 2015-08-08 whose names ran into a title, a job, a day or the
    body the person heads, or stopped short after بن."""
    from isnad.article.entities import find_entities
    from isnad.model import Article
    from isnad.pipeline import segment

    def people(text: str) -> set[tuple[str, str]]:
        return {(e.type, e.canonical) for e in find_entities([segment(Article(id="n", text=text, source_path="n"))])}

    assert ("PER", "جون كيري") in people("وقال وزير الخارجية الامريكي جون كيري أمس إن الاتفاق جيد.")
    assert ("PER", "عاطي بن عطية القرشي") in people("وأوضح العقيد دكتور عاطي بن عطية القرشي، أن الشعبة قبضت.")
    assert ("PER", "عبدالله الثاني بن الحسين") in people("وبعث الملك عبدالله الثاني بن الحسين برقية.")
    maldives = people("بعث برقية تهنئة للرئيس عبدالله يامين رئيس جمهورية المالديف بمناسبة ذكرى الاستقلال.")
    assert ("PER", "عبدالله يامين") in maldives
    assert ("LOC", "المالديف") in maldives
    kuwait = people("واتصل الشيخ محمد الخالد نائب رئيس مجلس الوزراء وزير الداخلية بدولة الكويت أمس.")
    assert ("LOC", "الكويت") in kuwait
    assert not [n for t, n in kuwait if t == "PER" and ("مجلس" in n or "دولة" in n)]
    spokesman = people("وقال المتحدث باسم وزارة الخارجية السفير أسامة نقلي إن المملكة ترحب.")
    assert ("PER", "أسامة نقلي") in spokesman
    assert not [n for _, n in spokesman if "السفير" in n]
    # A weekday is a family name too, and الأمين is one unless العام follows.
    assert ("PER", "بدر الخميس") in people("وقال المدرب بدر الخميس إن الفريق جاهز.")
    assert ("PER", "نبيل العربي") in people("وقال نبيل العربي الأمين العام لجامعة الدول العربية إن")
    assert ("PER", "محمد الأمين") in people("وقال محمد الأمين إن الأمر انتهى.")
    # No name carries the accusative nunation: "a phone call" after a title.
    assert not [n for t, n in people("وتلقى الرئيس اتصالاً هاتفيًا من الملك.") if t == "PER"]
