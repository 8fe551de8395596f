"""Word lists of Arabic news language that the extraction and comparison stages look up.

Every list is written in ordinary spelling for readability and compared in the normalised
matching form (see `normalize`), so أ/ا, ة/ه and ى/ي variants all match. Hand-written for isnad.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from babel import Locale

from isnad.arabic.names import entity_key
from isnad.arabic.normalize import QUOTE_CHARS, normalize
from isnad.arabic.subjects import SUBJECT_CLASS_NAMES as SUBJECT_CLASS_NAMES
from isnad.arabic.subjects import SUBJECT_CLASSES as SUBJECT_CLASSES


def _norm_set(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


# Verbs and phrases that introduce reported speech, in the forms news text uses them.
REPORTING_VERBS = _norm_set(
    """
    ذكر ذكرت ذكروا يذكر تذكر قال قالت قالوا يقول تقول يقولون أفاد أفادت أفادوا يفيد تفيد
    أكد أكدت أكدوا يؤكد تؤكد كشف كشفت كشفوا يكشف تكشف أشار أشارت أشاروا يشير تشير
    نقل نقلت ينقل تنقل أوضح أوضحت يوضح توضح أضاف أضافت يضيف تضيف صرح صرحت يصرح
    أعلن أعلنت يعلن تعلن نشر نشرت ينشر تنشر لفت لفتت يلفت تلفت نوه نوهت ينوه تنوه
    يستدرك تستدرك استدرك حذر حذرت يحذر تحذر زعم زعمت يزعم تزعم
    ادعى ادعت روى يروي تروي أوردت أورد يورد تورد تختم ختمت بينت يبين تبين خلص يخلص
    تطرق يرى ترى رأت أبلغت قدر قدرت تقدر يقدر يعتقد تعتقد يعتقدون اعترف
    توقع توقعت يتوقع تتوقع أعرب أعربت يعرب تعرب نفى نفت ينفي تنفي شدد شددت يشدد تشدد
    ألمح ألمحت يلمح تلمح اعتبر اعتبرت اعتبروا كتب كتبت يكتب
    """
)
# Verbs with a common sense that is not saying (أضاف هدفا، نقل مسافرين، نشر قوات، توقع نتيجة):
# cues only when content plainly opens after their subject (أن، إن، عن، a colon, a quotation).
# Verbs of saying read as cues but kept out of REPORTING_VERBS, a feature of the trained tagger:
# "أبانت الوزارة أن" (not أبان, written alike with إبان "during": "أبان توهجه"); "وبين العساف أن"
# (بين is "between" as often: the opener it needs tells them apart). They need an opener.
MORE_REPORTING_VERBS = _norm_set("أبانت بين")
SHOWED = normalize("بين")  # a cue only as "وبين" opening a sentence or a clause
NEEDS_OPENER = _norm_set(
    """
    أبانت بين
    أضاف أضافت يضيف تضيف نشر نشرت ينشر تنشر توقع توقعت يتوقع تتوقع أعرب أعربت يعرب تعرب
    نفى نفت ينفي تنفي شدد شددت يشدد تشدد كشف كشفت يكشف تكشف يرى ترى
    نقل نقلت ينقل تنقل نوه نوهت ينوه تنوه أعلن أعلنت يعلن تعلن
    ألمح ألمحت يلمح تلمح اعتبر اعتبرت اعتبروا كتب كتبت يكتب
    """
)
IN = normalize("في")
IN_FORMS = _norm_set("في وفي")  # "وفي تصريح لوكالة فرانس برس، قالت ..."
# "قال X في بيان": the setting of a statement, which ends the source phrase ...
STATEMENT_NOUNS = _norm_set(
    "بيان تصريح تصريحات تصريحه تصريحاته كلمة كلمته حديث حديثه حديثها مؤتمر مقابلة لقاء تغريدة رسالة"
    " مداخلة مداخلته"
)
# ... and the verbs after it that name the medium that carried it: "في تصريح بثه الموقع الرسمي".
CARRIED_BY = _norm_set(
    "بثه بثته نشره نشرته أوردته أورده نقله نقلته أذاعه أذاعته"
    " بثها بثتها نشرها نشرتها أوردتها أوردها نقلها نقلتها أذاعها أذاعتها"  # "في تصريحات نقلتها ..."
)
# ... or "في كلمة ألقاها عبر التلفزيون السعودي": the medium through which it was given.
THROUGH = _norm_set("عبر")
# Nouns of telling between a prepositional cue and its source: "وفقا لرواية ثلاثة أشخاص".
ACCOUNT_NOUNS = _norm_set("رواية روايه تصريحات")
# Words inside a name after which a definite word is still the name: عبد الله، أبو الفضل، بن الحسن.
NAME_LINKS = _norm_set("عبد أبو أبي أبا بن ابن بنت آل")
# "الأمين العام": the job, though الأمين alone is a name as often.
TRUSTEE = normalize("الأمين")
GENERAL = normalize("العام")
# Of those, the ones a name never ends on ("شينزو آبي" ends on أبي as Abe's name does).
NEVER_LAST_LINKS = _norm_set("عبد بن ابن بنت آل")
SERVANT = normalize("عبد")  # "servant of": a divine name follows, with its article (عبد الرحمن)
# The definite second half of a compound first name: عز الدين، عبد الله، عبد الرحمن، نور الإسلام.
COMPOUND_NAME_ENDS = _norm_set("الدين الله الرحمن الإسلام")
# Words after which a verb form is a verbal noun: "في حال تم نقل اللقاء", "بعدم نقل المباريات",
# and prepositions, which a verb never follows: "مع كشف درجات".
BEFORE_VERBAL_NOUNS = _norm_set("تم يتم سيتم وتم ويتم عدم بعدم لعدم وعدم مع عند خلال")
# Words that end a source phrase after a verb cue: a new clause ("العقيد الدوسري فقد ...").
SOURCE_ENDS = _norm_set("فقد وقد ثم")
# "من يزعم رؤية ... يكذب": the relative من (whoever) before a cue says no one in particular.
GENERIC_WHO = _norm_set("من ومن فمن")
# "لكنهم قالوا": a subject pronoun glued to لكن; whom it stands for is not written there.
PRONOUN_SUBJECTS = _norm_set("لكنه لكنها لكنهم لكنهما ولكنه ولكنها ولكنهم ولكنهما")
# "وأفاد مصدر أمني آخر": another source, never the one named before.
ANOTHER = _norm_set("آخر أخرى آخرون آخرين")
# "مسؤول عسكري طلب عدم الكشف عن هويته": the anonymity asked for ends the source.
ASKED = _norm_set("طلب طلبت طلبوا رفض رفضت رفضوا فضل فضلت فضلوا")
NOT_NAMED = _norm_set("عدم الكشف ذكر")
# "في مداخلة مع قناة الإخبارية": the medium of an interview.
WITH = normalize("مع")
# Abstract nouns that reveal or prove but cite no one: "كشف العلم مؤخرا أن", "أثبت الواقع أن".
NOT_SPEAKERS = _norm_set("العلم الواقع التاريخ الزمن")
# "بحسب ما قال مكتبه": the office of the person just named is that person.
HIS_OFFICE = _norm_set("مكتبه مكتبها")
# "وعبر X عن سعادته": عبر the verb (expressed), not the preposition (via), when عن follows.
EXPRESSED = normalize("عبر")
# Verbs of taking a stance, whose subject speaks by them: a participle after "وعبّر الجروان، في
# بيان له، عن استنكاره ...، مؤكداً أن" is his, though he is named by one word and no title.
STANCE_VERBS = _norm_set("عبر أعرب أبدى استنكر أدان ندد رحب ثمن")
# "ها هو طارق كيال يقول": a presentative (with its pronoun) before the subject is not part of it.
PRESENTATIVES = _norm_set("ها وها فها")
# "وكانت الوزارة قد أعلنت": the particle of the perfect between a subject and its verb.
PERFECT_PARTICLES = _norm_set("قد لقد")
# Weekdays and "yesterday", which start a date rather than a source: "حذرت الأحد من ...".
WEEKDAYS = _norm_set("الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت أمس")
YESTERDAY = normalize("أمس")
YESTERDAY_FIRST = normalize("الأول")  # أمس الأول: the day before yesterday
# Heads of a group that speaks as one, whose member's name inside the phrase is not the
# speaker: "عائلة زعيم طالبان الراحل الملا محمد عمر".
GROUP_HEADS = _norm_set("عائلة أسرة ذوو ذوي أهل أقارب مكتب محامي محامو أنصار")
# Words that begin a description after a person's name: "فهد البقمي عضو لجنة الأوراق المالية".
# Jobs as well: "ماوريسيو بوكيتينو مدرب توتنهام".
DESCRIPTION_HEADS = _norm_set(
    "عضو مدير المدير مخرج رئيسة نائب أمين الأمين مسؤول محافظ حاكم مدرب لاعب مهاجم حارس وكيل أستاذ مندوب ممثل"
)
# Definite job nouns the tagger runs into a person's name: "طارق العيسى المدير التنفيذي". Not
# الأمين, which is a name as often (محمد الأمين).
JOBS_AFTER_NAME = _norm_set("المدير المديرة الرئيس الرئيسة النائب المتحدث المستشار الوزير المحافظ")
# Adverbs of time that may close a source phrase: "قبل أن تعلن الداخلية لاحقا".
TIME_ADVERBS = _norm_set("لاحقا مؤخرا حاليا أيضا كذلك سابقا")
# Words the tagger runs a person's name into that never end one: a job opening an apposition
# ("عبدالله يامين رئيس جمهورية المالديف", "إيمي بارتليت المتحدثة باسم المتنزه"), a day or an
# adverb of time ("جون كيري أمس", "فلاديمير بوتين اليوم"). Not the job nouns that are names as
# often (أمين، الأمين، حاكم، وكيل), nor weekdays, which are family names too (أحمد الخميس).
NEVER_ENDS_A_PERSON = (
    JOBS_AFTER_NAME
    | (DESCRIPTION_HEADS - _norm_set("أمين الأمين حاكم وكيل"))
    | _norm_set(
        "رئيس وزير مستشار سفير السفير قائد القائد المتحدثة الناطق الناطقة المديرة محلل خبير باحث مراسل"
    )
    | TIME_ADVERBS
    | _norm_set("اليوم أمس غدا الليلة")
)
# Little words between a prepositional cue and its source: "بحسب ما", "وفقا لـ", "نقلا عن".
CUE_LINKS = _norm_set("ما ل لـ عن")
# "بحسب ما قال ...": the relative ما after a prepositional cue, before the verb.
AS_WHAT = _norm_set("ما لما")
# "حسبما نقلت ...": the fused form, whose content follows the cited source.
ACCORDING_AS = _norm_set("حسبما وحسبما")
# The preposition that introduces the cited source after a relay verb: "نقلت الصحيفة عن ...".
FROM_SOURCE = normalize("عن")
# "حذر من أن": من before a content opener belongs to the verb, not the source.
FROM_CONTENT = normalize("من")
# Verbs of warning, after which من opens the danger warned of: "حذرت المديرية من أمطار غزيرة".
WARNING_VERBS = _norm_set("حذر حذرت يحذر تحذر")
# A preposition written apart before the outlet spoken to: "قالت مصادر لـ «سبق»".
BARE_TO = _norm_set("ل لـ")
# Abstract nouns that are the object of a saying verb, never its subject: "وأكد ضرورة استمرار".
# So are the objects of "drew attention to": "ولفت البنيان النظر إلى", "لافتا الانتباه إلى".
# Deaths confirmed or announced are objects as well: "وأكد المرصد مقتل سبعة أشخاص".
# What is made clear or disclosed is an object too: "أوضحت المديرية ملابسات وفاة طفلة".
OBJECT_NOUNS = _norm_set(
    "ضرورة أهمية حرص استمرار التزام قيام النظر الانتباه مقتل مصرع وفاة مدى ملابسات تفاصيل حقيقة أسباب"
    " ارتفاع انخفاض تراجع"  # "أكدت مصادر طبية في عدن ارتفاع حصيلة ضحايا الألغام"
)
# Measures a verb of estimating is said of, in the passive: "وقُدّر حجم المنصرف بنحو 506 ملايين":
# no one is cited (but "وقال عدد من المواطنين" is some citizens: only verbs of estimating).
ESTIMATING_VERBS = _norm_set("قدر قدرت يقدر تقدر")
MEASURE_SUBJECTS = _norm_set("حجم عدد نسبة قيمة إجمالي مجموع معدل متوسط كمية الحجم العدد النسبة القيمة")
# "ويقول لي:", "وقال لنا": the one spoken to, after a verb whose subject is unsaid.
PRONOUN_ADDRESSEES = _norm_set("لي لنا له لها لهم لهما لك لكم")
# "وأعرب الملك باسمه واسم شعب المملكة عن": in whose name one speaks ends the speaker's phrase
# (not after a spokesman: "المتحدث باسمها" is its spokesman).
IN_ONES_NAME = _norm_set("باسمه باسمها باسمهم")
SPOKESMEN = _norm_set("المتحدث الناطق متحدث ناطق المتحدثة الناطقة متحدثة ناطقة")
# "ومضى يقول", "وعاد ليقول": a verb of going on before a verb of saying; the speaker goes on.
GOING_ON = _norm_set("مضى ومضى راح وراح أخذ وأخذ عاد وعاد ظل وظل استطرد واستطرد أردف وأردف")
# "إحدى المنظمات الخيرية", "أحد المسؤولين": one of a group, a source though a function word.
ONE_OF = _norm_set("أحد إحدى")
# Heads of bodies whose own name news often quotes: جماعة "لايون إيد" للحفاظ على الأسود.
QUOTED_NAME_HEADS = _norm_set("جماعة منظمة شركة مؤسسة جمعية مجموعة حملة")
# "التقرير، الذي ترجمته عربي21": the outlet that publishes a translated report names itself so.
TRANSLATED_BY = _norm_set("ترجمته ترجمتها ترجمه ترجمها نقلته نقلها اطلعت اطلع")
# "الذي أطلعت عليه الوكالة": the preposition after a verb of seeing.
ON_IT = _norm_set("عليه عليها")
# "أدلى الأمير بتصريح قال فيه:": the statement the sentence's subject gave.
IN_IT = _norm_set("فيه فيها")
WITH_IT = _norm_set("به بها")
# Verbs that relay another's words: "نقلت الصحيفة عن مسؤولين".
RELAY_VERBS = _norm_set("نقل نقلت ينقل تنقل نقلوا")
# "إلى" after what a relay verb names is where something was moved, not what was said: "ونقل
# خطوط الهاتف ... إلى المبنى الجديد".
TOWARDS = normalize("إلى")
# Verbs that go on reporting the last speaker when they have no subject: "ويضيف: ...".
CONTINUING_VERBS = _norm_set(
    "أضاف أضافت يضيف تضيف تابع تابعت يتابع أوضح أوضحت يوضح توضح استدرك يستدرك تستدرك"
)
# Plain verbs of saying, which a conjoined "وقال" with no subject continues for the last speaker.
SAY_VERBS = _norm_set("قال قالت يقول تقول")
# A source named by its kind only, which stands for the outlet last named: "وتقول الصحيفة".
ANAPHORIC_SOURCES = _norm_set("الصحيفة الجريدة الوكالة الموقع المجلة التقرير القناة")
THE_REPORT = normalize("التقرير")
# A statement named by its kind alone is the last issuer's: "وقال البيان", "وأضاف التسجيل الصوتي".
ISSUED_STATEMENTS = _norm_set("البيان التسجيل الرسالة الشريط")
# "المصادر ذاتها", "المسؤول نفسه": the same source again.
SAME_AS = _norm_set("ذاتها ذاته ذاتهم نفسها نفسه نفسهم أنفسهم")
# Words between a document and its publisher: "تقرير نشره الكونغرس", "تقرير صادر عن صحيفة".
# "تقرير مصور على موقع ...": on a site, as in a paper.
PUBLISHED_BY = _norm_set("نشره نشرته أصدره أصدرته الصادر صادر عن في على")
# Auxiliaries that open a subject-first clause: "وكان تقرير ... حذر".
AUXILIARIES = _norm_set("كان وكان كانت وكانت")
# Verbs of writing: "عن" after them is what the writing is about, not what it says.
WRITING_VERBS = _norm_set("كتب كتبت يكتب")
# Verbs whose content may open with ب and a verbal noun, no أن: "أفادت مصادر بسقوط قتلى".
BI_VERBS = _norm_set("أفاد أفادت أفادوا يفيد تفيد")
# Particles that may open a subject before its verb and are no part of it: "حتى مدرب المكسيك
# ميغيل هيريرا اعترف ... وقال", "فإن رئيس نادي ريفربلايت نفى أن", "لكن وكيل اللاعب أكد أن".
SUBJECT_PARTICLES = _norm_set("حتى وحتى فإن وإن لكن ولكن")
# A contrast after a comma, which starts a clause with a subject of its own: "...، إلا أن وكيل
# أعمال اللاعب أكد أن", "...، لكن المتحدث قال إن".
CONTRASTS = _norm_set("إلا لكن ولكن بينما فيما")
# "أما مدرب بنما داريو غوميز فقال": the topic after أما is the subject of the verb with ف.
TOPIC = normalize("أما")
# Present-tense verbs whose unvocalised form is also the passive: يعتقد "he believes" / "it is believed".
PASSIVE_PRONE_VERBS = _norm_set("يعتقد يقال يذكر يقدر يعتبر تقدر")  # "كيف تقدر تساعدنا": can
# Participles that go on reporting the subject of the previous cue: "..., لافتا إلى أن ...".
PARTICIPLE_CUES = _norm_set(
    """
    لافتا لافتة لافتين مشيرا مشيرة مشيرين مستدركا مستدركة مبينا مبينة مبينين موضحا موضحة موضحين
    معتبرا معتبرة معتبرين مضيفا مضيفة مضيفين واصفا واصفة مؤكدا مؤكدة مؤكدين منوها منوهة محذرا
    محذرة كاشفا كاشفة قائلا قائلة قائلين بقوله بقولها
    """
)
# Words that open a new clause, after which a cue starts a new attribution: "..., فيما قالت ...".
# ("عندما تبين أنه ...": the clause before عندما is not the subject of تبين)
CLAUSE_LINKS = _norm_set("فيما بينما حيث وذلك كما عندما حينما بعدما")
# A relative pronoun as the subject of a cue stands for the source named just before it:
# "بحسب أمه، التي قالت إن ...".
RELATIVE_PRONOUNS = _norm_set("الذي التي الذين اللذان اللتان اللواتي")
# Verbs of speaking to someone that sit between a source and its addressee: "خبراء تحدثوا للصحيفة".
SPOKE_TO = _norm_set("تحدث تحدثت تحدثوا قال قالت قالوا صرح صرحت صرحوا")
# Words that look like a glued cue but are not one: فحسب "only" (ف + حسب).
NOT_CUES = _norm_set("فحسب")
# Prepositional cues: "بحسب X", "وفقا لـ X", "نقلا عن X".
REPORTING_PREPOSITIONS = _norm_set("بحسب حسب حسبما وفقا وفق طبقا نقلا لسان")
# "في تغريدة له على موقع تويتر": the speaker's own statement, on a platform that carried it.
HIS_OWN = _norm_set("له لها لهم")
# "على موقعها الالكتروني", "على حسابه": a source's own site or account.
OWN_SITE = _norm_set("موقعه موقعها موقعهم حسابه حسابها حسابهم صفحته صفحتها")
ON_WORD = normalize("على")
_PLATFORMS = {
    normalize(s): name
    for name, *spellings in (
        ("تويتر", "توتير"),
        ("فيسبوك", "فيس بوك"),
        ("يوتيوب",),
        ("إنستغرام", "انستقرام", "انستجرام"),
        ("سناب شات",),
    )
    for s in (name, *spellings)
}


def platform_named(words: list[str]) -> str | None:
    """The social platform a phrase (normalised words) names: "موقع التواصل الاجتماعي تويتر"."""
    text = " ".join(w.strip('"“”«»') for w in words)
    return next((name for spelling, name in _PLATFORMS.items() if f" {spelling} " in f" {text} "), None)


# Nouns whose first letter is ل, not the preposition: "تقرير لجنة ..." is the committee's.
LAM_NOUNS = _norm_set("لجنة لجان لواء")
# لسان is a cue only as "على لسان": "رئيس بلدية سابق لسان فرانسيسكو" is ل + سان.
ON_TONGUE = normalize("لسان")
ON_BEFORE = _norm_set("على وعلى")
# "وجاء في البيان أن ...": what a statement or report holds, its issuer's words.
CAME_IN = _norm_set("جاء وجاء")
# Those that take ل, glued to the source: "وفقا لوزارة الصحة" is the ministry.
TAKE_LAM = _norm_set("وفقا وفق طبقا")
# Words that end a source noun phrase and start the reported content: "قال X إن ...".
CONTENT_OPENERS = _norm_set(
    "أن إن أنه إنه أنها إنها أنهم إنهم بأن بأنه بأنها بأنهم عن إلى"
    " أنهن إنهن بأنهن أنهما إنهما بأنهما أننا إننا بأننا أنني إنني بأنني"  # "وأكدت أنهن يهدفن"
)
# A verb after these has its subject after it, or none: "ثم يستدرك بأن", "وإذا أبلغت عن ذلك".
CONDITIONALS = _norm_set("إذا وإذا فإذا لو ولو كلما")
# "تقرير صادر عن صحيفة ...": here عن continues the source instead of opening the content.
ISSUED_BY = _norm_set("صادر صادرة الصادر الصادرة")

OUTLET_NOUNS = _norm_set(
    "صحيفة جريدة وكالة موقع قناة مجلة تلفزيون إذاعة شبكة الصحيفة الوكالة الموقع القناة المجلة"
)
# "وكالة أنباء الشرق الأوسط": news, part of an agency's name.
NEWS_WORDS = _norm_set("أنباء الأنباء")
DOCUMENT_NOUNS = _norm_set(
    "تقرير التقرير وثائق الوثائق وثيقة رسائل دراسة بيان البيان مذكرة تقديرات التقديرات إحصائيات الإحصائيات الاحصائيات"
)
OFFICIAL_NOUNS = _norm_set(
    """
    مسؤول مسؤولون مسؤولين المسؤولين المسؤولون وزير الوزير وزارة الخارجية الحكومة حكومة السلطات
    الشرطة الجيش متحدث المتحدث متحدثة دبلوماسيون دبلوماسيين الدبلوماسيين الدبلوماسيون أجهزة
    وكالات الكونغرس البيت الأبيض البنتاغون مكتب مجلس المركز
    """
)
ANONYMOUS_NOUNS = _norm_set("مصادر مصدر مصادرنا شهود خبراء مختصين مراقبون مراقبين")
# Titles before a person's name: "المنسق الوطني الفرنسي ديديه بريت".
PERSON_TITLES = _norm_set(
    """
    الرئيس رئيس الزعيم زعيم المنسق منسق مستشار المستشار الوزير وزير السفير الناطق المتحدث
    الشيخ الدكتور د القائد قائد الجنرال العقيد اللواء العميد الأمير الملك النائب الكاتب
    الصحفي الباحث المحلل السيد السيدة يدعى يدعي المدعو المهندس المقدم الخبير
    """
)
# Ranks and honorifics, after which a lone definite word is a family name (العقيد الدوسري), unlike
# a function (المتحدث الرسمي).
RANK_TITLES = _norm_set(
    "الشيخ الدكتور د العقيد اللواء العميد المقدم النقيب الملازم الأمير الملك المهندس السيد السيدة"
)
# Royal titles, which the names of bodies named after a person keep: "جامعة الملك سعود",
# "مسجد الشيخ زايد", "الملك عبدالعزيز" (a university as often as the king).
ROYAL_TITLES = _norm_set("الملك الأمير الأميرة الشيخ")
# Titles the tagger takes into the name they stand before ("العقيد دكتور عاطي بن عطية القرشي"):
# a person's name never starts with one ("م" and "د" abbreviate engineer and doctor, "ركن" is a
# staff officer's rank). Not a royal title.
TITLES_BEFORE_NAMES = ((PERSON_TITLES | RANK_TITLES) - ROYAL_TITLES) | _norm_set(
    "دكتور الدكتورة الأستاذ الأستاذة المهندسة م ركن"
)
# Titles news abbreviates with a dot ("د. محمد العلي", "م. خالد", "أ.د. سالم"): the dot is no
# sentence end or phrase end after them.
ABBREVIATED_TITLES = _norm_set("د م أ")
_DOTTED_TITLE = re.compile(r"(?<!\S)(?:[دما]\.)+\s*")


def undot_titles(normalized: str) -> str:
    """A normalised phrase with each dotted title (``د.``, ``م.``, ``ا.د.``) written as the title
    ``د``, which the title lists hold: "د. محمد العلي" reads as "د محمد العلي"."""
    return _DOTTED_TITLE.sub("د ", normalized).rstrip()


# "مقاتل في «داعش» يدعى سيف الله اليماني": a name after "called" ends a description too.
CALLED = _norm_set("يدعى يدعي تدعى المدعو المدعوة")
# Organisations news of the region names without a head noun, as phrases.
KNOWN_ORGANISATIONS = frozenset(
    normalize(w)
    for w in (
        "داعش",
        "تنظيم الدولة",
        "تنظيم الدولة الإسلامية",
        "الدولة الإسلامية",
        "جبهة النصرة",
        "هيئة تحرير الشام",
        "قوات سوريا الديمقراطية",
        "قسد",
        "وحدات حماية الشعب",
        "قوات حماية الشعب",
        "حزب الله",
        "حماس",
        "الناتو",
        "حلف الناتو",
        "حلف شمال الأطلسي",
        "التحالف الدولي",
        "الأمم المتحدة",
        "الاتحاد الأوروبي",
        "الجامعة العربية",
        "جامعة الدول العربية",
        "الكونغرس",
        "البنتاغون",
        "الكرملين",
        "البيت الأبيض",
        "مجلس الأمن",
        "الصليب الأحمر",
        "طالبان",
        "القاعدة",
        "الإنتربول",
        "اليونيسف",
    )
)
# Outlets whose name is also a common word (الدول العربية, شبه الجزيرة): named so only after an
# outlet noun (قناة العربية) or as a cited source.
AMBIGUOUS_OUTLETS = _norm_set("العربية الجزيرة الحياة الشرق الوطن الرياض")
# Words after a title that begin a description, not a name: "المتحدث باسم الخارجية".
NOT_NAMES = _norm_set("باسم")
# Alias -> canonical name, for names whose variants no spelling rule can join.
ENTITY_ALIASES: dict[str, str] = {
    normalize(alias): canonical
    for canonical, aliases in (
        ("داعش", ("تنظيم الدولة", "تنظيم الدولة الإسلامية", "الدولة الإسلامية", "تنظيم داعش")),
        ("بريطانيا", ("المملكة المتحدة",)),
        (
            "الولايات المتحدة",
            ("الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا"),
        ),
        ("قوات سوريا الديمقراطية", ("سوريا الديمقراطية", "قسد")),
        ("حلف الناتو", ("الناتو", "حلف شمال الأطلسي")),
        ("جبهة النصرة", ("النصرة",)),
    )
    for alias in (canonical, *aliases)
}
# Ministries named by their portfolio and a nisba: "الخارجية البريطانية", "الداخلية التركية";
# and armies by theirs: "الجيش العراقي".
MINISTRY_WORDS = _norm_set("الخارجية الداخلية الدفاع العدل المالية الجيش")
ORGANISATION_HEADS = _norm_set("تنظيم جبهة حركة حزب جماعة قوات حكومة وزارة مجلس منظمة جيش الاتحاد الجيش")
PLACE_HEADS = _norm_set("مدينة محافظة منطقة مقاطعة ولاية إقليم بلدة قرية معبر مطار")
# Heads of an institution's name, definite or not: after a title they name a body, not a person
# ("رئيس بنك سانت لويس"), and a source they head speaks for the body, not for a person its name
# holds ("المؤسسة العامة لجسر الملك فهد"). Kept apart from ORGANISATION_HEADS, a feature of the
# trained tagger.
_INSTITUTIONS = _norm_set(
    "مؤسسة شركة هيئة جامعة لجنة نادي جمعية مركز إدارة مديرية بنك مصرف صندوق شرطة قيادة أمانة"
)
INSTITUTION_HEADS = _INSTITUTIONS | frozenset("ال" + word for word in _INSTITUTIONS)
# After a title, the first word of what the person heads: a body, a state or a place, never the
# person ("نائب رئيس مجلس الوزراء وزير الداخلية", "رئيس جمهورية المالديف", "محافظ محافظة جدة").
HEADED_BODIES = (
    INSTITUTION_HEADS | ORGANISATION_HEADS | PLACE_HEADS | _norm_set("جمهورية مملكة دولة إمارة سلطنة")
)
# A body's head noun, indefinite (an institution's or an organisation's): ل glued before it is
# the preposition, which no name starts with ("المتحدث الرسمي لمركز الملك سلمان").
BODY_NOUNS = _INSTITUTIONS | frozenset(w for w in ORGANISATION_HEADS if not w.startswith("ال"))

# Foreign and Arab outlets as Arabic news writes them; the first spelling is the canonical one.
KNOWN_OUTLETS: tuple[tuple[str, ...], ...] = (
    ("الغارديان", "الجارديان", "غارديان", "جارديان"),
    ("ديلي تلغراف", "الديلي تلغراف", "التلغراف", "تلغراف", "ديلي تليغراف", "التليغراف"),
    ("وول ستريت جورنال", "وول ستريت جرنال"),
    ("واشنطن بوست", "الواشنطن بوست"),
    ("نيويورك تايمز", "النيويورك تايمز"),
    ("الإندبندنت", "اندبندنت", "الاندبندنت"),
    ("التايمز", "تايمز"),
    ("فايننشال تايمز", "فاينانشال تايمز", "فايننشيال تايمز", "فاينانشيال تايمز"),
    ("بي بي سي", "البي بي سي", "هيئة الإذاعة البريطانية", "الإذاعة البريطانية"),
    ("سي إن إن", "سي ان ان"),
    ("رويترز",),
    ("أسوشيتد برس", "اسوشيتدبرس"),
    ("فرانس برس", "أ ف ب"),
    ("الجزيرة",),
    ("العربية",),
    ("سانا",),
    ("عربي21", "عربي 21"),
    ("الخليج أونلاين", "الخليج اونلاين"),
    ("دير شبيغل", "شبيغل"),
    ("لوموند",),
    ("لوفيغارو", "لو فيغارو"),
    ("ليبراسيون",),
    ("ديلي ميل", "الديلي ميل"),
    ("ديلي ميرور", "الديلي ميرور"),
    ("الأوبزرفر", "أوبزرفر"),
    ("الإيكونوميست", "إيكونوميست", "الايكونومست"),
    ("نيوزويك",),
    ("تايم",),
    ("يو إس إيه توداي",),
    ("لوس أنجلوس تايمز", "لوس أنجليس تايمز", "لوس انجلوس تايمز", "لوس انجليس تايمز"),
    ("فورين بوليسي",),
    ("فورين أفيرز",),
    ("بوليتيكو",),
    ("ذا هيل",),
    ("ميدل إيست آي",),
    ("هافينغتون بوست", "هافنغتون بوست"),
    ("بلومبرغ", "بلومبيرغ"),
    ("فوكس نيوز",),
    ("سكاي نيوز",),
    ("إن بي سي",),
    ("سي بي إس",),
    ("إيه بي سي",),
    ("دويتشه فيله", "دوتشيه فيلله", "دويتشه فيلله", "دويتشه فيلي"),
    ("هآرتس",),
    ("يديعوت أحرونوت",),
    ("معاريف",),
    ("جيروزاليم بوست",),
    ("روسيا اليوم",),
    ("سبوتنيك",),
    ("الأناضول",),
    ("القدس العربي",),
    ("المصري اليوم",),
    ("الأهرام",),
    ("إرنا",),
    ("كونا",),
    ("واس",),
    ("وفا",),
)

# Verbs of what happened to the counted people or things, mapped to one label per claim type.
# Listed by label so that antonyms and incompatible claims can be told apart (see CONFLICTING).
PREDICATES: dict[str, frozenset[str]] = {
    "travelled": _norm_set("سافر سافروا سافرت يسافر يسافرون ذهب ذهبوا الذاهبين توجه توجهوا جاءوا جاء قدموا"),
    "returned": _norm_set("عاد عادوا عادت يعود يعودون العودة عودة رجع رجعوا بالعودة"),
    "joined": _norm_set("انضم انضموا انضمت ينضم ينضمون انضمام الانضمام التحق التحقوا أنضموا"),
    "killed": _norm_set(
        "قتل قتلوا قتلت يقتل مقتل لقي لقوا قضى قضوا استشهد استشهدوا استشهاد مصرع توفي توفوا وفاة قتلى"
    ),
    "wounded": _norm_set("جرح جرحوا أصيب أصيبوا إصابة إصابات جرحى"),
    "arrested": _norm_set("اعتقل اعتقلوا اعتقال القبض احتجز احتجزوا احتجاز أوقف أوقفوا"),
    "fled": _norm_set("فر فروا فرار الفرار هرب هربوا الهروب يفرون يهربون انشق انشقوا"),
    "crossed": _norm_set("عبر عبروا يعبر تسلل تسللوا يتسللون دخل دخلوا"),
    "contacted": _norm_set("اتصل اتصلوا تواصل تواصلوا يتواصلون ناشد ناشدوا"),
    "left": _norm_set("غادر غادروا مغادرة ترك تركوا"),
    "surrendered": _norm_set("استسلم استسلموا سلم سلموا"),
}
# Claim pairs that cannot both be true of the same counted group.
CONFLICTING: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("travelled", "returned"),
        ("joined", "left"),
        ("joined", "fled"),
        ("killed", "arrested"),
        ("killed", "returned"),
        ("killed", "fled"),
        ("killed", "wounded"),
        ("arrested", "fled"),
        ("arrested", "crossed"),
        ("surrendered", "fled"),
    )
)
NEGATIONS = _norm_set("لا لم لن ليس ليست ليسوا غير عدم ما")
# The particles among them with a conjunction glued: "ولا يمكن التحقق" opens a clause.
CONJOINED_NEGATIONS = _norm_set("ولا ولم ولن فلا فلم فلن")

# What an editor reads for each claim label and counted class (the report is in Arabic; the
# labels stay English in analysis.json, where programs read them).
PREDICATE_NAMES: dict[str, str] = {
    "travelled": "السفر",
    "returned": "العودة",
    "joined": "الانضمام",
    "killed": "القتل",
    "wounded": "الإصابة",
    "arrested": "الاعتقال",
    "fled": "الفرار",
    "crossed": "العبور والتسلل",
    "contacted": "التواصل",
    "left": "المغادرة",
    "surrendered": "الاستسلام",
}
NEGATED_PREDICATE = "عدم {}"  # "not travelled" reads عدم السفر
UNIT_NAMES: dict[str, str] = {
    "year": "سنة",
    "month": "شهر",
    "day": "يوم",
    "dollar": "دولار",
    "km": "كيلومتر",
    "point": "نقطة",
    "percent": "نسبة مئوية",
    "fraction": "كسر",
}
# "عادوا إلى بلادهم، ويقدر عددهم بنحو 250": "their number" points back to a group (and its verb)
# named in the clause before.
COUNT_ANAPHORS = _norm_set("عددهم عددهن عدده عددها")
# "25 ألفا منهم": a partitive pronoun after a number stands for the counted group.
PARTITIVES = _norm_set("منهم منهن منها")
# "قتل 12 شخصا، بينهم خمسة عسكريين": a number after "among them" counts part of the group named
# before it, and what happened to the group (its verb, before) happened to that part.
AMONG_THEM = _norm_set("بينهم بينهن بينهما ضمنهم ضمنهن")  # ضمنهم: 12 of the 226 such numbers in the 16 days
# "استشهاد عشرة من منسوبي القوات إضافة إلى ثلاثة من العاملين": a number added to the group counted
# before it shares what happened to that group.
IN_ADDITION = _norm_set("إضافة بالإضافة اضافة وإضافة علاوة")
ADDED_TO = _norm_set("إلى على")
# "فوق حاجز 50 دولارا", "كسر حاجز 50 دولارا هبوطا": a number after these is a mark a price crossed,
# not a price any report gives.
THRESHOLDS = _norm_set("حاجز حاجزا عتبة")
# Quotation marks around a word ("«استشهاد» 26 شخصا") do not part it from the number it governs.
QUOTE_MARKS = frozenset(QUOTE_CHARS)
UNIT_WORDS: dict[str, frozenset[str]] = {
    "year": _norm_set("سنة سنوات سنين عام أعوام عاما"),
    "month": _norm_set("شهر أشهر شهرا"),
    "day": _norm_set("يوم أيام يوما"),
    "dollar": _norm_set("دولار دولارا دولارات"),
    "km": _norm_set("كيلومتر كيلومترا كم"),
    # An index's points: a measure of the index, to which nothing happens ("ليعود إلى مستوى
    # 1555 نقطة" is the index going back to a level, not 1555 of something returning).
    "point": _norm_set("نقطة نقاط"),
}


# Normalised and padded once: canonical_outlet runs for every token of every article.
_OUTLET_SPELLINGS = [(spellings[0], [f" {normalize(s)} " for s in spellings]) for spellings in KNOWN_OUTLETS]


_OUTLET_BY_SPELLING = {normalize(s): spellings[0] for spellings in KNOWN_OUTLETS for s in spellings}
# ... and by match key, for transliterations no list holds (تليغراف, الجاردين): multi-word names
# only, since one short word's key meets too many ordinary words.
_OUTLET_BY_KEY = {
    entity_key(s): spellings[0]
    for spellings in KNOWN_OUTLETS
    for s in spellings
    if len(normalize(s).split()) > 1
}
_GLUED_CLITICS = ("لل", "ل", "و", "ب", "ف")  # longest first: للجارديان is ل+ل+الجارديان


_OUTLET_LAST_KEYS = {key.split()[-1] for key in _OUTLET_BY_KEY}


def _phrase_forms(words: Sequence[str]) -> list[str]:
    """The phrase as written and without a conjunction or preposition glued to its first word."""
    forms = [" ".join(words)]
    if words:
        for clitic in _GLUED_CLITICS:
            if words[0].startswith(clitic) and len(words[0]) > len(clitic) + 2:
                forms.append(" ".join([words[0][len(clitic) :], *words[1:]]))
    return forms


# The Arabic names of outlets under the short ids corpora give them (SaudiNewsNet's, from the
# outlets' web addresses): pages show the name a reader knows; the id stays the key everywhere.
OUTLET_NAMES = {
    "3alyoum": "عين اليوم",
    "aawsat": "الشرق الأوسط",
    "aleqtisadiya": "الاقتصادية",
    "aljazirah": "الجزيرة",
    "almadina": "المدينة",
    "alriyadh": "الرياض",
    "alwatan": "الوطن",
    "alweeam": "الوئام",
    "alyaum": "اليوم",
    "arreyadi": "الرياضي",
    "okaz": "عكاظ",
    "sabq": "سبق",
    "spa": "واس",
    "was": "واس",
}


def outlet_name(outlet: str | None) -> str:
    """The name a reader knows an outlet by: the Arabic name of a known id, else the id itself."""
    if not outlet:
        return ""
    return OUTLET_NAMES.get(outlet.strip().lower(), outlet)


def outlet_spelled(words: Sequence[str]) -> str | None:
    """The canonical outlet exactly spelled by these normalised words (a glued clitic allowed)."""
    return _outlet_spelled(tuple(words))


@lru_cache(maxsize=1 << 18)
def _outlet_spelled(words: tuple[str, ...]) -> str | None:
    # Cached: every window of every sentence is asked about, and windows repeat across articles.
    for form in _phrase_forms(words):
        if form in _OUTLET_BY_SPELLING:
            return _OUTLET_BY_SPELLING[form]
    # The full key only when the last word's key can end an outlet's name: this runs for every
    # window of every sentence, and most last words rule the phrase out at once.
    if len(words) > 1 and entity_key(words[-1]) in _OUTLET_LAST_KEYS:
        for form in _phrase_forms(words):
            outlet = _OUTLET_BY_KEY.get(entity_key(form))
            if outlet:
                return outlet
    return None


def _ambiguous_inside(spelling: str, words: list[str]) -> bool:
    """Whether a one-word outlet name that is also an ordinary word (العربية، الرياض) stands in a
    longer phrase without an outlet noun before it: الخطوط الجوية العربية السعودية."""
    if spelling not in AMBIGUOUS_OUTLETS or len(words) == 1:
        return False
    at = [k for k, w in enumerate(words) if spelling in _phrase_forms([w])]
    return not any(k > 0 and words[k - 1] in OUTLET_NOUNS for k in at)


@lru_cache(maxsize=65536)
def canonical_outlet(name: str) -> str | None:
    """The canonical spelling of a known outlet named anywhere in ``name``, or None.

    A leading conjunction or preposition glued to the name (للجارديان, وبحسب الغارديان) is
    tolerated, since outlets are named right after such clitics.
    """
    words = normalize(name).replace('"', " ").replace("'", " ").split()
    padded = [f" {form} " for form in _phrase_forms(words)]
    found: list[tuple[int, str]] = []
    for canonical, spellings in _OUTLET_SPELLINGS:
        hits = [s for s in spellings for p in padded if s in p]
        if hits and not all(_ambiguous_inside(s.strip(), words) for s in hits):
            found.append((max(len(s) for s in hits), canonical))
    if found:  # the longest name spelled: "فايننشيال تايمز" holds "تايمز" too
        return max(found, key=lambda hit: hit[0])[1]
    for length in (4, 3, 2):  # a transliteration no list holds, by match key
        for start in range(len(words) - length + 1):
            outlet = outlet_spelled(words[start : start + length])
            if outlet:
                return outlet
    return None


# CLDR territories that are no place of their own: the world, and the EU and the UN, which news
# names as organisations; test locales.
_NOT_PLACES = frozenset({"001", "EU", "UN", "EZ", "XA", "XB"})


@cache
def country_names() -> frozenset[str]:
    """Normalised Arabic names of countries and regions (CLDR data shipped with babel)."""
    territories = Locale("ar").territories
    names = {normalize(name) for code, name in territories.items() if code not in _NOT_PLACES}
    # CLDR writes the formal names; news text also uses these.
    names |= _norm_set(
        "سوريا سورية العراق تركيا فرنسا بريطانيا ألمانيا بلجيكا أستراليا أوروبا كوسوفو قبرص مصر أمريكا أميركا"
    )
    return frozenset(names)


@cache
def city_names() -> frozenset[str]:
    """Cities that recur in Arabic news of the region; a seed list that NER later extends."""
    return _norm_set(
        """
        الرقة الموصل الفلوجة منبج حلب دمشق بغداد بيروت القاهرة لندن باريس برلين بروكسل واشنطن موسكو
        أنقرة إسطنبول اسطنبول الطبقة الباب لارنكا دبي كلس إنفيلد الرمادي تكريت إدلب حمص درعا دير الزور
        عمان الرياض الدوحة أبوظبي طهران القدس غزة نيويورك
        """
    )


@cache
def place_names() -> frozenset[str]:
    return country_names() | city_names()


@cache
def _name_tails() -> frozenset[str]:
    """The words after the first of every multi-word outlet, organisation, alias and place."""
    names = [*_OUTLET_BY_SPELLING, *KNOWN_ORGANISATIONS, *ENTITY_ALIASES, *place_names()]
    return frozenset(name.split(" ", 1)[1] for name in names if " " in name)


def may_end_name(rest: Sequence[str]) -> bool:
    """Whether these words, after some first word, may end a known outlet, organisation, alias
    or place (``rest`` not empty). False rules the phrase out for `outlet_spelled` and the name
    tables, whatever the first word: a cheap test for the many phrases asked about."""
    if not _may_end_with(rest[-1]):  # most phrases are ruled out by their last word alone
        return False
    return " ".join(rest) in _name_tails() or entity_key(rest[-1]) in _OUTLET_LAST_KEYS


@lru_cache(maxsize=1 << 16)
def _may_end_with(word: str) -> bool:
    """Whether some name tail or outlet ends with this word (a necessary condition of
    `may_end_name`)."""
    return word in _tail_ends() or entity_key(word) in _OUTLET_LAST_KEYS


@cache
def _tail_ends() -> frozenset[str]:
    return frozenset(tail.rsplit(" ", 1)[-1] for tail in _name_tails())


# Opposite directions and outcomes news claims are made of ("rose" versus "fell", "won" versus
# "lost"): two groups per line, any word of one group contradicts any word of the other. Used by
# the claim comparison (isnad.event.stance), which matches them by stem, so one form per verb or noun
# pattern is enough. Hand-written for isnad.
OPPOSITES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (_norm_set(up), _norm_set(down))
    for up, down in (
        (
            "ارتفع يرتفع ارتفاع ارتفاعا صعد يصعد صعود قفز يقفز قفزة زاد يزيد زيادة نما نمو ارتفعت",
            "انخفض ينخفض انخفاض انخفاضا هبط يهبط هبوط تراجع يتراجع تهوي هوى نقص تدهور انهار انهيار",
        ),
        ("رفع يرفع رفعت", "خفض يخفض تخفيض خفضت"),
        ("أعلى", "أدنى"),
        ("أكثر", "أقل"),
        ("فاز يفوز فوز انتصر انتصار نجح ينجح نجاح", "خسر يخسر خسارة هزم هزيمة فشل يفشل إخفاق"),
        (
            "وافق يوافق موافقة قبل يقبل قبول أيد يؤيد تأييد دعم يدعم أقر إقرار",
            "رفض يرفض رفضت عارض يعارض معارضة",
        ),
        ("أكد يؤكد تأكيد اعترف يعترف", "نفى ينفي نفي تنفي"),
        ("فتح يفتح افتتاح", "أغلق يغلق إغلاق"),
        ("سمح يسمح منح يمنح", "منع يمنع حظر يحظر"),
        ("اتفاق اتفق يتفق توافق", "خلاف اختلاف يختلف"),
        ("بدأ يبدأ بدء بداية استمرار استمر يستمر", "انتهى ينتهي نهاية إنهاء توقف يتوقف وقف انسحاب انسحب"),
        ("إعدام", "براءة"),
        ("حرب", "سلام هدنة"),
        ("تعافى يتعافى انتعاش", "أزمة ركود"),
        ("آمن أمن", "خطر خطير"),
        ("سافر يسافر ذهب", "عاد يعود عودة"),
        ("قتل مقتل", "نجا ينجو"),
    )
)


# Negations that deny a claim. ما also opens relatives and hedges (ما يصل إلى، ما يقارب) and غير
# negates adjectives (غير رسمية: unofficial) rather than the claim, so neither counts here.
CLAIM_NEGATIONS = NEGATIONS - _norm_set("ما غير")
