"""Referring sources (سموه، المصدر، المتحدث، الوزير المصري، الشركة) resolved within an article."""

from isnad.arabic.speakers import ends_source, names_a_manner, referring_words
from isnad.article.coreference import resolve_references
from isnad.article.extract import extract, reads_text
from isnad.model import Article, Attribution, Span
from isnad.pipeline import segment


def _said(text: str, cue: str, source: str, canonical: str, kind: str = "person") -> Attribution:
    start = text.index(cue)
    return Attribution(
        article_id="t",
        source=source,
        source_canonical=canonical,
        kind=kind,  # type: ignore[arg-type]
        cue=cue,
        quote="",
        span=(start, start + len(cue)),
        cue_span=(start, start + len(cue)),
    )


def _mention(text: str, name: str, kind: str = "PER", after: int = 0) -> tuple[Span, str, str]:
    start = text.index(name, after)
    return (start, start + len(name)), name, kind


def test_referring_words_tell_a_description_from_a_name() -> None:
    assert referring_words("سموه") is not None
    assert referring_words("المصدر") == []
    assert referring_words("الوزير المصري") is not None
    assert referring_words("المتحدث الرسمي") == [frozenset({"متحدث"})]
    assert referring_words("سامح شكري") is None
    assert referring_words("المديرية العامة للجوازات") is None  # a body's full name


def test_his_highness_is_the_prince_not_the_king_named_in_between() -> None:
    text = (
        "استقبل صاحب السمو الملكي الأمير محمد بن نايف وزير الداخلية السفير. "
        "ونقل تحيات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز. وأكد سموه أن العلاقات متينة."
    )
    mentions = [_mention(text, "محمد بن نايف"), _mention(text, "سلمان بن عبدالعزيز")]
    [a] = resolve_references([_said(text, "وأكد", "سموه", "سموه")], text, mentions)
    assert a.source_canonical == "محمد بن نايف"


def test_the_source_is_the_last_speaker_named() -> None:
    text = (
        "صرح المتحدث الرسمي لوزارة الداخلية العقيد منصور التركي بأن الأمن مستتب. وأضاف المصدر أن التحقيق جار."
    )
    first = _said(text, "صرح", "المتحدث الرسمي لوزارة الداخلية العقيد منصور التركي", "منصور التركي")
    second = _said(text, "وأضاف", "المصدر", "المصدر")
    out = resolve_references([first, second], text, [])
    assert [a.source_canonical for a in out] == ["منصور التركي", "منصور التركي"]


def test_a_description_needs_every_word_of_its_referent_title() -> None:
    text = (
        "التقى وزير الخارجية المصري سامح شكري نظيره الأميركي جون كيري. "
        "وأشار الوزير المصري إلى أن الحوار إيجابي. وقال الرئيس التركي إن الحرب مستمرة."
    )
    mentions = [_mention(text, "سامح شكري"), _mention(text, "جون كيري")]
    out = resolve_references(
        [
            _said(text, "وأشار", "الوزير المصري", "الوزير المصري"),
            _said(text, "وقال", "الرئيس التركي", "الرئيس التركي"),
        ],
        text,
        mentions,
    )
    assert [a.source_canonical for a in out] == ["سامح شكري", "الرئيس التركي"]  # no Turkish president named


def test_the_company_is_the_body_described_after_its_name() -> None:
    text = "أعلنت كيا موتورز ثاني أكبر شركة لصناعة السيارات تراجع مبيعاتها. وذكرت الشركة أن المبيعات بلغت 234527 سيارة."
    [a] = resolve_references(
        [_said(text, "وذكرت", "الشركة", "الشركة", "official")], text, [_mention(text, "كيا موتورز", "ORG")]
    )
    assert a.source_canonical == "كيا موتورز"


def test_what_follows_a_source_phrase_does_not_introduce_a_name() -> None:
    # The tagger's "أهمية زيارة سمو" is no president: it follows the source phrase.
    text = "ورحب الرئيس المصري عبدالفتاح السيسي بالضيف. وأكد الرئيس المصري أهمية زيارة سمو ولي العهد مشيرا إلى أنها مهمة."
    said = _said(text, "وأكد", "الرئيس المصري", "الرئيس المصري")
    pointing = _said(text, "مشيرا", "الرئيس المصري", "الرئيس المصري")
    mentions = [_mention(text, "عبدالفتاح السيسي"), _mention(text, "أهمية زيارة سمو")]
    out = resolve_references([said, pointing], text, mentions)
    assert [a.source_canonical for a in out] == ["عبدالفتاح السيسي", "عبدالفتاح السيسي"]


def test_source_phrases_end_at_a_setting_and_manners_are_no_sources() -> None:
    assert ends_source("عقب", "جوارديولا")
    assert ends_source("علي", "شكري")
    assert not ends_source("علي", "العام")  # المشرف العام على الفئات السنية
    assert names_a_manner("نوعها")
    assert names_a_manner("الضوابط")
    assert not names_a_manner("المصادر")


def test_extract_resolves_the_spokesman_end_to_end() -> None:
    text = (
        "أعلن المتحدث العسكري المصري العميد محمد سمير مقتل 88 مسلحا في سيناء. "
        "وقال المتحدث في بيان أمس إن ذلك جاء في إطار تطهير البؤر الإرهابية."
    )
    article = segment(Article(id="t", text=text, source_path="t"))
    names = {a.source_canonical for a in extract([article]).attributions}
    assert "المتحدث" not in names


def test_a_named_speaker_then_the_verbs_object_is_that_speaker() -> None:
    from isnad.article.source_names import speaker_then_object

    people = ["جديع القحطاني", "محمد البديع"]
    assert speaker_then_object("القحطاني زيادة نسبة المشاركة", people) == "جديع القحطاني"
    assert speaker_then_object("الدكتور محمد البديع اعتزاز مستشفى", people) == "محمد البديع"
    assert speaker_then_object("محمد البديع المدير التنفيذي", people) is None  # a description
    assert speaker_then_object("سعود العريفي نائب الرئيس", people) is None


def test_a_bare_body_noun_is_the_body_of_that_head_written_before_it() -> None:
    from isnad.arabic.speakers import word_forms
    from isnad.article.coreference import body_written_before

    text = "أعلنت وزارة التجارة والصناعة بلوغ القيمة 320 مليون ريال. وأكدت الوزارة في بيان لها مواصلة مهامها."
    heads = frozenset(word_forms("الوزارة"))
    assert body_written_before(text, text.index("وأكدت"), heads) == "وزارة التجارة والصناعة"
    text = "أغلق مفتشو الهيئة العامة للغذاء والدواء ثلاثة محال. وأوضحت الهيئة أن الفرق نظمت حملات."
    assert body_written_before(text, text.index("وأوضحت"), frozenset(word_forms("الهيئة"))) == (
        "الهيئة العامة للغذاء والدواء"
    )
    assert body_written_before("قالت الوزارة إن العمل مستمر.", 5, heads) is None


def test_publishers_agencies_and_bare_re_mentions() -> None:
    from isnad.article.source_names import canonical_source

    assert canonical_source("تقرير الشرطة") == "الشرطة"
    assert canonical_source("تقرير مصرفي حديث") == "تقرير"
    assert canonical_source("بيان صادر عن الوزارة") == "الوزارة"
    assert canonical_source("وكالة أنباء الصين الجديدة") == "وكالة أنباء الصين الجديدة"
    text = "أفادت مصادر بسقوط قتلى في الاشتباكات. وقالت المصادر: إن الاشتباكات اندلعت في القرية."
    article = segment(Article(id="t", text=text, source_path="t"))
    assert {a.source_canonical for a in extract([article]).attributions} == {"مصادر"}


def test_a_job_given_without_the_name_is_the_person_introduced_with_it() -> None:
    text = (
        "وشارك في الجولة مدير عام فرع الوزارة بالمنطقة المهندس فهد بن سعد الدوسري ومدير إدارة "
        "المشاريع المهندس خالد العمري. وأوضح مدير عام فرع الوزارة بالمنطقة أن الجولة ناجحة. "
        "وقال المهندس سامي القحطاني المدير التنفيذي للبرنامج: إن المشروع اكتمل."
    )
    article = segment(Article(id="t", text=text, source_path="t"))
    names = [a.source_canonical for a in extract([article]).attributions]
    assert names == ["فهد بن سعد الدوسري", "سامي القحطاني"]


def test_a_job_given_without_the_name_is_read_with_the_text() -> None:
    """`isnad add` reads a stored article's text for linking only where `reads_text` says so: a
    job resolved to the person introduced with it must say so, or the store keeps the job where
    a batch run names the person (21 sources of 2015-08-02 + 2015-08-03 did)."""
    text = (
        "وتفقد وكيل محافظة الأحساء خالد البراك المصابين في المستشفى. "
        "وأشار وكيل محافظة الأحساء إلى أن الأمير وجه بتوفير الرعاية."
    )
    said = _said(text, "وأشار", "وكيل محافظة الأحساء", "وكيل محافظة الأحساء")
    [resolved] = resolve_references([said], text, [_mention(text, "خالد البراك")])
    assert resolved.source_canonical == "خالد البراك"
    assert reads_text(said)
