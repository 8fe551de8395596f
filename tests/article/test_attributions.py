from isnad.article.attributions import find_attributions
from isnad.article.source_names import canonical_source, source_kind
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


def test_participle_cues_go_on_reporting_the_main_source() -> None:
    text = "ويشير التقرير إلى أن المقاتلين يحاولون الفرار، لافتا إلى أن الغربيين بدأوا يناشدون حكوماتهم."
    atts = find_attributions(_article(text))
    assert [a.cue for a in atts] == ["ويشير", "لافتا"]
    assert atts[1].source == "التقرير"
    assert atts[0].quote == "المقاتلين يحاولون الفرار"
    assert atts[1].quote == "الغربيين بدأوا يناشدون حكوماتهم"


def test_trailing_prepositional_cue_reports_the_clause_before() -> None:
    text = "وتقول الصحيفة إن الغربيين يناشدون حكوماتهم، بحسب ما قال دبلوماسيون."
    atts = find_attributions(_article(text))
    diplomats = [a for a in atts if a.source == "دبلوماسيون"]
    assert diplomats
    assert diplomats[0].quote == "الغربيين يناشدون حكوماتهم"


def test_relay_across_an_apposition_names_the_person() -> None:
    text = 'وينقل التقرير، الذي ترجمته "عربي21"، عن المنسق الوطني الفرنسي ديديه بريت، قوله: "هناك الكثير من العائدين".'
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "ديديه بريت"
    assert att.direct
    assert att.quote == "هناك الكثير من العائدين"


def test_the_addressee_is_not_the_source() -> None:
    text = 'قال مسرور برزاني للجارديان: "ستتغير طبيعة القتال". ويضيف للجارديان: "يمكن أن يظل التهديد قائما".'
    atts = find_attributions(_article(text))
    assert [a.source_canonical for a in atts] == ["مسرور برزاني", "مسرور برزاني"]


def test_passive_belief_is_not_an_attribution() -> None:
    assert find_attributions(_article("ويعتقد أن 250 أجنبيا قد تسللوا إلى أوروبا.")) == []


def test_a_quoted_phrase_inside_running_content_is_not_a_direct_quote() -> None:
    text = 'ولفتت الصحيفة الى أن "المسلحين الأجانب" لم يعودوا يتمتعون بالمكانة الخاصة.'
    [att] = find_attributions(_article(text))
    assert not att.direct
    assert att.quote.endswith("بالمكانة الخاصة")


def test_cue_spans_point_at_the_cue() -> None:
    text = "وأفاد مسؤولون في أوروبا بأن الأعداد تتزايد."
    [att] = find_attributions(_article(text))
    assert att.cue_span is not None
    assert text[att.cue_span[0] : att.cue_span[1]] == "وأفاد"
    assert att.kind == "official"


def test_a_source_speaking_to_a_paper_has_the_paper_as_via() -> None:
    text = 'ويقول مسرور برزاني للجارديان: "ستتغير طبيعة القتال".'
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "مسرور برزاني"
    assert att.via == "الغارديان"


def test_the_medium_that_carried_a_statement_is_its_via() -> None:
    text = (
        "قال ناصر الجنيبي مدير فريق العين في تصريح بثه الموقع الرسمي لنادي العين: «العقد تضمن شراء الحقوق»."
    )
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "ناصر الجنيبي"
    assert att.via == "نادي العين"


def test_places_joined_by_wa_make_one_source_in_any_order() -> None:
    assert canonical_source("مسؤولون في تركيا وأوروبا") == canonical_source("مسؤولون في أوروبا وتركيا")


def test_a_verb_with_a_sense_other_than_saying_needs_content() -> None:
    text = "وأضاف المهاجم خالد الكعبي الهدف الثاني للهلال عند الدقيقة 80."
    assert find_attributions(_article(text)) == []


def test_a_paper_cited_inside_a_report_reaches_the_article_through_the_report() -> None:
    text = (
        "ويستدرك التقرير بأن الدبلوماسيين الغربيين تلقوا مكالمات سرية من داخل الرقة، "
        'وذلك بحسب تقرير لصحيفة "وول ستريت جورنال".'
    )
    article = segment(Article(id="t", text=text, source_path="t", outlet="ديلي تلغراف"))
    cited = [a for a in find_attributions(article) if a.source_canonical == "وول ستريت جورنال"]
    assert [a.via for a in cited] == ["ديلي تلغراف"]


def test_a_re_mention_is_the_source_it_shortens() -> None:
    text = (
        "وقالت مصادر محلية إن الاشتباكات توقفت. وأشارت المصادر ذاتها إلى أن القصف استمر. "
        "وقال مدير المرصد السوري رامي عبد الرحمن إن القتلى عشرة. وأضاف مدير المرصد أن الطريق مقطوع."
    )
    names = [a.source_canonical for a in find_attributions(_article(text))]
    # a job and its definite complement, then the name: the person it names
    assert names == ["مصادر محلية", "مصادر محلية", *["رامي عبد الرحمن"] * 2]


def test_a_statement_named_by_its_kind_is_its_issuer() -> None:
    text = "قال الجيش التركي إن طائراته قصفت مواقع. وأضاف البيان أن العملية مستمرة."
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names == ["الجيش التركي", "الجيش التركي"]


def test_a_long_quotation_after_a_name_is_content_not_a_quoted_name() -> None:
    text = 'وقال صالح " يمكننا أن نجمد الأحكام أثناء فترة الحوار أو أي إجراءات أخرى بالتوافق معهم ".'
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "صالح"


def test_a_complement_ends_the_source() -> None:
    text = "وتحظى المدينة بأهمية استراتيجية وفق عبد الرحمن لوجودها على طريق يربط بين مدينتين."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "عبد الرحمن"


def test_the_medium_a_speech_was_given_through_is_its_via() -> None:
    text = "وأوضح اللواء عبدالرحمن الحازمي في كلمة ألقاها عبر التلفزيون السعودي أن المبنى جديد."
    [att] = find_attributions(_article(text))
    assert att.via == "التلفزيون السعودي"


def test_canonical_names_keep_the_article_spelling() -> None:
    assert canonical_source("مسؤولون في تركيا وأوروبا") == "مسؤولون في أوروبا وتركيا"
    assert canonical_source("التقرير الإحصائي الشهري لتداول") == "تداول"
    assert canonical_source("ماوريسيو بوكيتينو مدرب توتنهام") == "ماوريسيو بوكيتينو"


def test_no_source_for_it_became_clear() -> None:
    text = "وبدأت مشكلات بيشوب قبل ثلاثة أسابيع عندما تبين أنه أنفق 3800 دولار من المال العام."
    assert find_attributions(_article(text)) == []
    [att] = find_attributions(_article("وتبين الدراسة أن المبيعات تراجعت."))
    assert att.source_canonical == "الدراسة"


def test_a_description_by_its_head_noun_is_the_person_it_described() -> None:
    text = "قال ماوريسيو بوكيتينو مدرب توتنهام إن الفريق لعب جيدا. وقال المدرب الأرجنتيني إن الدوري طويل."
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names == ["ماوريسيو بوكيتينو", "ماوريسيو بوكيتينو"]


def test_an_outlet_spoken_to_written_apart_is_no_part_of_the_source() -> None:
    text = "أكد لـ«عكاظ» وكيل وزارة الصحة الدكتور عبدالعزيز بن سعيد، أن الصحة لم تسجل إصابات."
    [att] = find_attributions(_article(text))
    assert (att.source_canonical, att.via) == ("عبدالعزيز بن سعيد", None)  # an unknown outlet: no via
    [att] = find_attributions(_article('وقالت مصادر لـ "سبق": "الجهات المعنية لم تتلق ما يفيد وقوع إصابات".'))
    assert att.source_canonical == "مصادر"


def test_the_outlet_a_statement_was_given_to_before_the_cue_is_the_via() -> None:
    text = 'وفي تصريح لوكالة فرانس برس، قالت بارول خاتون "هذه أهم لحظة في حياتي".'
    [att] = find_attributions(_article(text))
    assert (att.source_canonical, att.via, att.quote) == ("بارول خاتون", "فرانس برس", "هذه أهم لحظة في حياتي")


def test_a_warning_source_ends_at_what_it_warns_of() -> None:
    text = "حذرت المديرية العامة للدفاع المدني من أمطار غزيرة بمناطق جازان."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "المديرية العامة للدفاع المدني"


def test_an_abstract_object_is_not_a_speaker() -> None:
    text = "وأكد ضرورة استمرار التوعية بالمرض على مدار العام."
    assert find_attributions(_article(text)) == []


def test_a_title_before_a_name_ends_a_description() -> None:
    assert canonical_source("استشاري أمراض الدم الدكتور عبدالكريم سالم") == "عبدالكريم سالم"
    assert canonical_source("أشرف القدرة الناطق باسم وزارة الصحة") == "أشرف القدرة"


def test_a_subject_ends_at_its_object_and_first_person_hedges_cite_no_one() -> None:
    text = "وأكد الرئيس المصري أهمية زيارة ولي العهد لمصر."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "الرئيس المصري"
    [att] = find_attributions(_article("من جهته، أكد شكري على أهمية العلاقات بين البلدين."))
    assert att.source_canonical == "شكري"
    assert find_attributions(_article("بحسب ما أعرف فإن كل شيء كان قانونيا.")) == []


def test_settings_audiences_and_data_publishers_are_not_part_of_the_source() -> None:
    text = (
        "وأوضحت الشركة في إعلانها عن الروبوت أنها أطلقت خدمة استئجاره. "
        "وقال قائد شرطة تايلاند للصحافيين إن البلاد عازمة على مواجهة الاتجار. "
        "وتراجع الروبل إلى 69 روبلا، وفقًا لبيانات بورصة موسكو. "
        "لكن موقع رادار اونلاين قال يوم الاثنين إن الزوجين قررا الانفصال."
    )
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names[0] == "الشركة"
    assert "للصحافيين" not in names[1]
    assert names[2] == "بورصة موسكو"
    assert "يوم" not in names


def test_manners_visions_and_showing_verbs() -> None:
    text = (
        "وتقدم الشركة خدماتها وفق أفضل المعايير العالمية في المنطقة كلها. "
        "واطلع المجلس على توجهات ورؤى الهيئة العامة للاستثمار في اجتماعه. "
        "ويظهر التطبيق للسائقين حالة أقرب إشارة مرورية إلى أن يصلوا. "
        "وارتفع إنتاج أوبك إلى أعلى مستوى شهري في يوليو، حسبما أظهر مسح لرويترز."
    )
    found = [(a.cue, a.source_canonical) for a in find_attributions(_article(text))]
    assert found == [("أظهر", "رويترز")]


def test_announcements_spokesmen_and_places_named_after_a_king() -> None:
    text = (
        "أعلن اتحاد الكرة اسم المدير الفني الجديد للمنتخب. "
        "أعلن المتحدث باسم طالبان ذبيح الله مجاهد اختيار منصور زعيما للحركة. "
        "أعلنت كلية الهندسة بجامعة الملك عبدالعزيز توفر وظيفة معيد."
    )
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names == ["اتحاد الكرة", "ذبيح الله مجاهد", "كلية الهندسة بجامعة الملك عبدالعزيز"]


def test_a_bare_conjoined_cue_shares_the_subject_of_the_verb_that_opened_its_clause() -> None:
    text = (
        "قال مكتب المحافظ إن عملية واسعة أطلقت. "
        "وتبنت الحركة الانفصالية الكردية الأربعاء قتل شرطيين في المدينة. "
        "وقالت: إن هذه العملية رد على الهجوم. "
        "وبلغ عدد الركاب المسافرين مليون راكب هذا العام. "
        "وأضاف أن الرحلات زادت."
    )
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names == ["مكتب المحافظ", "الحركة الانفصالية الكردية", "الحركة الانفصالية الكردية"]


def test_a_dotted_title_is_part_of_the_source() -> None:
    text = (
        "وقال د. محمد العلي مدير الجامعة إن المشروع سيكتمل قريبا. "
        "وأوضح مدير المستشفى د. عبدالله الشهري أن الحالة مستقرة. "
        "وأكد أ.د. خالد الفيصل أن الأمر مهم."
    )
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names == ["محمد العلي", "عبدالله الشهري", "خالد الفيصل"]


def test_participles_after_verbs_of_other_senses_take_the_verb_subject() -> None:
    text = (
        "قال الوزير إن العمل مستمر. "
        "من جهته أثنى سفير سلطنة عمان لدى المملكة الدكتور أحمد البوسعيدي على جهود الجمعية، مشيرا إلى أنها قدمت عملا كبيرا. "
        "وأعلنت حركة طالبان مسؤوليتها عن الهجوم قائلة إن موقعا أمنيا سقط. "
        "ودعا لاستمرار الجهود، مؤكدا شفاء 583 حالة."
    )
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names[1] == "أحمد البوسعيدي"
    assert names[2:4] == ["حركة طالبان", "حركة طالبان"]
    assert "لاستمرار الجهود" not in names


def test_topics_objects_audiences_and_verbs_told_after_ma() -> None:
    text = (
        "أما مدرب بنما داريو غوميز فقال: «لقد لطخت هذه الحادثة سمعة البطولة». "
        "حتى مدرب المكسيك ميغيل هيريرا اعترف بالخطأ الذي ارتكبه الحكم، وقال «كان الحكم سيئا». "
        "وقتل عضوان من قوات الأمن طبقا لما ذكره جول محمد بيدار نائب حاكم الإقليم. "
        "وقالت للصحفيين إن الهجوم فشل."
    )
    names = [a.source_canonical for a in find_attributions(_article(text))]
    # (the person inside the description is named by `extract.link_sources`, with the tagger)
    assert names[0].endswith("داريو غوميز")
    assert names[1].endswith("ميغيل هيريرا")
    assert "جول محمد بيدار" in names
    assert "الصحفيين" not in names
    assert "الخطأ" not in names


def test_asides_abbreviated_agencies_the_name_ali_and_content_after_bi() -> None:
    text = (
        "وألمح محمد علي الشهراني (من سكان المروة) إلى أن الحاجة ماسة. "
        "وقال بارتوميو لهيئة الإذاعة البريطانية (بي.بي.سي): «سنصارع الدوري». "
        "أفادت مصادر بسقوط قتلى بمدينة الرياض. "
        "وقالت المصادر: إن الاشتباكات اندلعت."
    )
    found = [(a.source_canonical, a.via) for a in find_attributions(_article(text))]
    assert found == [
        ("محمد علي الشهراني", None),
        ("بارتوميو", "بي بي سي"),
        ("مصادر", None),
        ("مصادر", None),
    ]


def test_quoted_body_names_clauses_without_pronoun_one_of_and_statements_given() -> None:
    text = (
        'وقالت جماعة "لايون إيد" للحفاظ على الأسود إن الصيد غير قانوني. '
        "وذكر مسيحيون يتحدرون من المدينة ويسكنون في دمشق أن المسلحين خطفوا العشرات. "
        "فيما أوضحت إحدى المنظمات الخيرية في زيمبابوي أن الأسد قتل. "
        "أدلى سمو الأمير عبدالعزيز بن سعد بتصريح قال فيه: إن المبنى جاهز. "
        "أوضح المتحدث الرسمي مبارك العصيمي قيام وزير التعليم بتشكيل لجنة."
    )
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names == [
        "لايون إيد",
        "مسيحيون",
        "إحدى المنظمات الخيرية في زيمبابوي",
        "عبدالعزيز بن سعد",
        "مبارك العصيمي",
    ]


def test_names_that_look_like_a_preposition_and_statements_written_in_a_medium() -> None:
    text = (
        "وقال بالمر إنه نادم جدا على قتل الأسد. "
        'وكتب بالمر في بيان نشره موقع صحيفة "ستار تربيون" على الإنترنت أن كل شيء كان قانونيا. '
        "وكتب الكاتب مقالا عن الحرب."
    )
    found = [(a.source_canonical, a.via) for a in find_attributions(_article(text))]
    assert found == [("بالمر", None), ("بالمر", "صحيفة ستار تربيون")]


def test_writers_are_named_and_a_title_dot_may_touch_the_name() -> None:
    text = "وكتبت عبارة على الجدار. وكتب عادل الكلباني: إن الأمر مهم. كشف د.علي البكالي أن الوضع صعب."
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names == ["عادل الكلباني", "علي البكالي"]


def test_a_participle_after_another_verb_takes_only_a_titled_subject() -> None:
    text = "قال الأحمري إن الوضع مستقر. وأهاب الأحمري الجميع بالتعاون، مشيرا إلى أن الأمطار قادمة."
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names == ["الأحمري", "الأحمري"]


def test_objects_in_the_accusative_or_of_drawing_attention_end_the_subject() -> None:
    text = (
        "وأطلق الفهيد عددًا من التغريدات قال فيها: إن الأسعار سترتفع. "
        "ولفت الزهراني النظر إلى أن العمل مستمر. "
        "قبل أن تعلن الداخلية لاحقًا، أنه قتل."
    )
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names == ["الفهيد", "الزهراني", "الداخلية"]


def test_what_is_moved_to_a_place_is_not_relayed() -> None:
    text = "ونقل العمال المعدات إلى الموقع الجديد. ونقل الفيلم مدينته، إلى العالم. ونقلت الصحيفة عن مسؤول أن الطريق مغلق."
    found = [(a.source_canonical, a.via) for a in find_attributions(_article(text))]
    assert found == [("مسؤول", "الصحيفة")]


def test_a_report_on_a_site_is_the_sites_and_the_site_named_again_is_it() -> None:
    text = 'كشف تقرير مصور على موقع "بورد باندا"، عن زهرة تتحول إلى شفافة. وقال الموقع: إنه يطلق عليها اسم الهيكل العظمي.'
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names == ["بورد باندا", "بورد باندا"]


def test_according_to_what_an_agency_carried() -> None:
    text = "ولا يزال الدولار منخفضا 5 في المائة في الشهر الأخير بحسب ما نقلته وكالة رويترز."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "رويترز"
    assert att.quote.startswith("ولا يزال الدولار")


def test_time_words_between_the_source_and_what_it_said() -> None:
    text = "كان جيمس بولارد رئيس بنك سانت لويس الاحتياطي الاتحادي توقع أمس الأول أن يرفع المجلس الفائدة."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "جيمس بولارد"  # a job after the name, not the bank
    assert att.quote.startswith("يرفع المجلس")


def test_the_content_before_a_closing_according_to() -> None:
    text = "خطف التنظيم نحو 230 مدنيا في محافظة حمص، حسبما أفاد المرصد السوري لحقوق الإنسان أمس."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "المرصد السوري لحقوق الإنسان"
    assert att.quote.startswith("خطف التنظيم")


def test_subjects_that_cite_no_one() -> None:
    for text in (
        "من يزعم رؤية بصيص مستقبل في الأفق يكذب علينا متعمدا.",  # whoever claims
        "واستولى القراصنة على البيانات لكنهم قالوا «إنه أمر سيئ».",  # a pronoun glued to لكن
        "وفحصت الشبكة الخارجية، وتبين سلامتها وعدم وجود أي أعطال بها، وأن سبب الانقطاع عطل داخلي.",  # it turned out
    ):
        assert [a.source for a in find_attributions(_article(text))] == [], text


def test_a_subject_ends_before_a_death_it_confirmed_and_before_the_perfect_particle() -> None:
    [att] = find_attributions(_article("وأكد المرصد مقتل سبعة أشخاص في أكثر من 300 قذيفة سقطت على البلدتين."))
    assert att.source == "المرصد"
    [att] = find_attributions(_article("وكانت وزارة الداخلية قد أعلنت أن الحادث وقع أمس."))
    assert att.source == "وزارة الداخلية"


def test_a_body_named_after_a_king_speaks_as_the_body() -> None:
    assert canonical_source("المؤسسة العامة لجسر الملك فهد") == "المؤسسة العامة لجسر الملك فهد"
    text = 'وقالت المؤسسة العامة لجسر الملك فهد في بيانها: "إن الانقطاع حدث بسبب خلل بالمغذي الرئيسي".'
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "المؤسسة العامة لجسر الملك فهد"


def test_according_to_with_a_glued_lam_and_the_person_a_description_names() -> None:
    [att] = find_attributions(_article("ارتفع عدد الإصابات في المنطقة إلى 20 حالة، وفقا لوزارة الصحة."))
    assert att.source_canonical == "وزارة الصحة"
    text = (
        "تمكنت الشرطة من ضبط 4 أشخاص، وفقًا لمدير شرطة منطقة مكة المكرمة، اللواء عبدالعزيز بن عثمان"
        " الصولي، وقال: إن الشرطة نجحت في تحديد هوياتهم."
    )
    assert [a.source_canonical for a in find_attributions(_article(text))] == [
        "عبدالعزيز بن عثمان الصولي"
    ] * 2


def test_a_pronoun_opens_what_was_said_and_a_conjoined_that_ends_a_subject() -> None:
    [att] = find_attributions(
        _article("وعن المقطع الجديد قال الصولي هما تعتبران مدانتين، ولكن يجب احترام الأنظمة.")
    )
    assert att.source_canonical == "الصولي"
    text = "ويخرج علينا مسؤول بتصريح عن تجربة القطار وأنه سيتم تجربته نهاية العام ثم يستدرك بأن هناك مشكلة."
    assert all("تجربة" not in a.source for a in find_attributions(_article(text)))
    [att] = find_attributions(_article("وأكدت رئيسة اللجنة أنهن يهدفن إلى تفعيل دور اللجنة."))
    assert att.source_canonical == "رئيسة اللجنة"


def test_a_job_and_its_complement_then_a_foreign_name() -> None:
    assert canonical_source("حاكم الولاية عبد الستار بارز") == "عبد الستار بارز"
    assert canonical_source("مسؤول حكومي") == "مسؤول حكومي"


def test_statements_carried_by_the_media_and_a_quoted_body_after_a_glued_preposition() -> None:
    text = 'وقال كجك في تصريحات نقلتها وسائل الإعلام التركية "لا نعلم بعد إذا كان هناك أي رابط مع الإرهاب".'
    [att] = find_attributions(_article(text))
    assert (att.source_canonical, att.via) == ("كجك", "وسائل الإعلام التركية")
    assert canonical_source('إدارة العلاقات والإعلام بـ"صحة تبوك"') == "إدارة العلاقات والإعلام بصحة تبوك"


def test_what_a_statement_or_report_holds_is_its_issuers() -> None:
    text = "وذكرت وزارة الصحة في بيان أن الإصابات ارتفعت. وجاء في البيان أن الوزارة ستعمل على ذلك."
    names = [(a.cue, a.source_canonical) for a in find_attributions(_article(text))]
    assert names == [("وذكرت", "وزارة الصحة"), ("وجاء", "وزارة الصحة")]
    text = "جاء في تقرير لجنة حكومية أن الولاية يجب أن تضع خطوطا إرشادية."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "لجنة حكومية"
    assert find_attributions(_article("وجاء الرد سريعا من الوزارة على المنتقدين.")) == []


def test_lisan_is_a_cue_only_after_ala() -> None:
    text = "ونيوسام وهو رئيس بلدية سابق لسان فرانسيسكو يفكر في خوض انتخابات حاكم الولاية."
    assert find_attributions(_article(text)) == []


def test_an_announced_verbal_noun_and_a_courtesy_title_before_a_participle() -> None:
    [att] = find_attributions(_article("أعلنت وزارة الداخلية تخريج 63 مستفيدا من مركز المناصحة."))
    assert att.source == "وزارة الداخلية"
    text = (
        "من ناحية أخرى، قام الأستاذ مساعد الزويهري بالتغريد على موقع تويتر، مبديا سعادته،"
        " مشيرا إلى أن رئاسة الأهلي فخر."
    )
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "مساعد الزويهري"
    text = 'وتشرح الأستاذة الجامعية شتيفان سيلكه من جامعة سارلاند قائلة: "هذا يمكننا من تصنيع أنظمة خفيفة".'
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "شتيفان سيلكه"


def test_rules_a_thing_is_done_by_are_no_sources() -> None:
    for text in (
        "أتمت الهيئة ترتيبات تمويل مشروع المرحلة الثانية وفق نظام المنتج المستقل.",
        "وقد أسست الهيئة شركة لتطوير المشروع وفقا لقوانين الإمارات.",
        "وطبقاً للإجراءات المعمول بها في مجلس الأمن فإن مسودة القرار أصبحت مقبولة.",
    ):
        assert find_attributions(_article(text)) == [], text


def test_a_relayer_before_its_verb_or_before_a_time_word() -> None:
    text = "ونقلت وكالة الأنباء الإماراتية أمس عن سعيد الطاير أن المشروع يتماشى مع توجه الدولة."
    [att] = find_attributions(_article(text))
    assert (att.source_canonical, att.via) == ("سعيد الطاير", "وكالة الأنباء الإماراتية")
    text = 'وكانت صحيفة «الخبر» نقلت عن مصادر عسكرية ان "موكبا عسكريا تعرض لكمين".'
    [att] = find_attributions(_article(text))
    assert (att.source_canonical, att.via) == ("مصادر عسكرية", "الخبر")


def test_a_tweet_on_a_platform_and_a_statement_carried_by_sites() -> None:
    text = (
        'وأضاف "كورتز" في تغريدة له على موقع التواصل الاجتماعي "تويتر" أن مسودة القرار وضعت في مرحلة الصمت.'
    )
    [att] = find_attributions(_article(text))
    assert att.via == "تويتر"
    text = "وقال التنظيم في بيان نشرته مواقع جهادية ولا يمكن التحقق من صحته ان عناصره قتلوا 14 عسكريا."
    [att] = find_attributions(_article(text))
    assert att.via == "مواقع جهادية"


def test_the_report_is_the_body_last_cited_and_a_presentative_is_no_subject() -> None:
    text = (
        "وقال مجلس اللاجئين النرويجي إن آسيا معرضة للكوارث الطبيعية. وقال التقرير إنه منذ 2008 شردت"
        " الكوارث 26.5 مليون شخص."
    )
    article = segment(Article(id="t", text=text, source_path="t", outlet="aawsat"))
    assert {a.source_canonical for a in find_attributions(article)} == {"مجلس اللاجئين النرويجي"}
    text = "وعلى كل حال ها هو طارق كيال يقول إنه لا يعلم متى وقع الاتحاديون."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "طارق كيال"


def test_an_announcement_on_its_own_site() -> None:
    text = "واعلنت صحيفة «الخبر» على موقعها الالكتروني مقتل 11 عسكريا جزائريا في كمين."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "الخبر"


def test_another_source_is_not_the_one_named_before() -> None:
    text = "وأفاد مصدر أمني عراقي أن شخصين قتلا. وأفاد مصدر أمني آخر بمقتل شخص في هجوم مسلح."
    names = [a.source_canonical for a in find_attributions(_article(text))]
    assert names == ["مصدر أمني عراقي", "مصدر أمني آخر"]


def test_according_to_what_a_source_gave_and_estimates_of_the_media() -> None:
    text = "وأصيب ثلاثة مدنيين بجروح في إطلاق نار، بحسب ما أفاد به قائد شرطة هذه المنطقة."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "قائد شرطة هذه المنطقة"
    text = "وتخلى الفريق عن جناحه مقابل 63 مليون يورو بحسب تقديرات وسائل الاعلام."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "وسائل الاعلام"
    assert (
        find_attributions(
            _article("ويتراوح سعر الساعة الواحدة، حسب نوعية السوار المختار، بين 192 و197 ألف روبل.")
        )
        == []
    )


def test_an_anonymous_official_a_setting_after_the_source_and_ala_before_anna() -> None:
    [att] = find_attributions(_article("وقال مسؤول عسكري طلب عدم الكشف عن هويته ان الحادث قيد التحقيق."))
    assert att.source == "مسؤول عسكري"
    [att] = find_attributions(
        _article("وقال الرئيس المصري مع عبور أول سفينة لقناة السويس الجديدة إن بلاده ستهزم الإرهاب.")
    )
    assert att.source_canonical == "الرئيس المصري"
    [att] = find_attributions(_article("وشدد وزير الداخلية اليمني على أن كل ما يجري سيتم تطبيقه."))
    assert att.source_canonical == "وزير الداخلية اليمني"


def test_an_interview_with_a_channel_and_an_agency_after_wifqan() -> None:
    [att] = find_attributions(_article('وقال المفتي في مداخلة مع قناة "الإخبارية": المصاب مصاب الجميع.'))
    assert att.via == "الإخبارية"
    text = "وعبر القناة في عام 2013 نحو 4.6 في المائة من النفط العالمي، وفقا لوكالة معلومات الطاقة الأمريكية."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "وكالة معلومات الطاقة الأمريكية"


def test_a_country_named_alone_is_the_subject_a_later_cue_shares() -> None:
    text = "وبدأت مصر حفر القناة الجديدة في أغسطس العام الماضي. وتقول إن المشروع يهدف إلى تسيير السفن."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "مصر"
    assert canonical_source("مدير المنتخب علي الشعيلان") == "علي الشعيلان"


def test_a_clause_about_the_speaker_and_a_cue_that_is_a_sentence_of_its_own() -> None:
    text = "وقال باركر الذي انضم للتشكيلة الأساسية في جولة ما قبل الموسم “استمرت المفاوضات طوال الصيف”."
    [att] = find_attributions(_article(text))
    assert att.source == "باركر"
    text = "ومدد باركر تعاقده لأربع سنوات أخرى مع تبقي سنة واحدة في عقده الحالي.وفقا لوكالة رويترز."
    [att] = find_attributions(_article(text))
    assert att.source_canonical == "رويترز"
    assert att.quote.startswith("ومدد باركر")


def test_his_office_science_and_the_verb_abbara() -> None:
    text = 'وقال رئيس البرلمان العراقي سليم الجبوري "إعدام أكثر من ألفي مواطن بريء"، بحسب ما قال مكتبه.'
    assert {a.source_canonical for a in find_attributions(_article(text))} == {"سليم الجبوري"}
    assert find_attributions(_article("كشف العلم مؤخراً أن أنثى العنكبوت هي التي تنسج البيت.")) == []
    text = "وعبر نائب رئيس الوفد سعيد أبودهش عن سعادته بهذا الإنجاز وقال إنه استمرار لمنجزات عدة."
    [att] = find_attributions(_article(text))
    assert att.source_canonical.endswith("سعيد أبودهش")  # the tagger finds the name inside later
