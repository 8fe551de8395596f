from isnad.extract.attributions import find_attributions, source_kind
from isnad.model import Analysis, Article
from isnad.pipeline import segment


def _article(text: str) -> Article:
    return segment(Article(id="t", text=text, source_path="t"))


def test_verb_first_outlet_attribution_with_reported_content() -> None:
    text = 'وذكرت صحيفة "ديلي تلغراف" البريطانية أن أكثر من 150 مسلحا تواصلوا مع بعثات دولهم.'
    [att] = find_attributions(_article(text))
    assert att.kind == "outlet"
    assert att.source_canonical == "ديلي تلغراف"
    assert att.cue == "وذكرت"
    assert att.quote.startswith("أكثر من 150")
    assert att.quote_span is not None
    assert text[att.quote_span[0] : att.quote_span[1]] == att.quote


def test_direct_quote_of_a_person() -> None:
    text = 'من جانبه، قال مسرور برزاني، مستشار الأمن: "ستتغير طبيعة القتال ضد داعش إلى حرب استخباراتية".'
    [att] = find_attributions(_article(text))
    assert att.source == "مسرور برزاني"
    assert att.direct
    assert att.quote == "ستتغير طبيعة القتال ضد داعش إلى حرب استخباراتية"


def test_chained_attribution_through_the_paper() -> None:
    text = "ذكرت صحيفة الغارديان أن التنظيم يتراجع. وحسبما نقلت الصحيفة عن مسؤولين أتراك، يعتقد أن البريطاني كان يحاول العبور."
    atts = find_attributions(_article(text))
    chained = [a for a in atts if a.via]
    assert len(chained) == 1
    assert chained[0].source == "مسؤولين أتراك"
    assert chained[0].via == "الغارديان"
    assert chained[0].kind == "official"


def test_anaphoric_paper_resolves_to_last_outlet() -> None:
    text = "نشرت صحيفة الجارديان البريطانية تقريرا عن التنظيم. وتقول الصحيفة إن المقاتلين يفرون بأعداد كبيرة."
    atts = find_attributions(_article(text))
    said = [a for a in atts if a.cue == "وتقول"]
    assert said
    assert said[0].source_canonical == "الغارديان"


def test_source_kinds() -> None:
    assert source_kind("صحيفة واشنطن بوست") == "outlet"
    assert source_kind("مصادر في داعش") == "anonymous"
    assert source_kind("المتحدث باسم الخارجية البريطانية") == "official"
    assert source_kind("الوثائق التي عثر عليها") == "document"


def test_seed_sources_are_found(seed_analysis: Analysis) -> None:
    canonical = {a.source_canonical for a in seed_analysis.attributions}
    assert {"ديلي تلغراف", "الغارديان", "واشنطن بوست"} <= canonical
