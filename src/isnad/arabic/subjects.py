"""What a figure counts: classes of counted nouns that outlets use interchangeably for one group.

Two outlets count the same group with different nouns (مقاتلا / مسلحا, مواطنا / شخصا), and a few
nouns carry what happened to the group in themselves (قتيلا "killed", جريحا "wounded"). Classes are
the general ones of Arabic news (people, soldiers, fighters, children, money, weight, ...), not one
story's; a noun in no class is its own class, compared by its stem. Hand-written for isnad.
"""

from __future__ import annotations

from isnad.arabic.normalize import word_set

# Nouns for counted people, things and amounts that outlets use interchangeably for one group.
SUBJECT_CLASSES: dict[str, frozenset[str]] = {
    "people": word_set(
        """
        شخص شخصا أشخاص فرد أفراد نسمة مواطن مواطنا مواطنين مواطنون مدني مدنيا مدنيين مدنيون
        ضحية ضحايا قتيل قتيلا قتلى جريح جريحا جرحى مصاب مصابا مصابين مصابون حالة حالات وفاة وفيات
        أجنبي أجنبيا أجانب رجل رجال مقيم مقيما مقيمين وافد وافدا وافدين راكب راكبا ركاب مسافر مسافرا مسافرين لاجئ لاجئا لاجئين لاجيء لاجئون
        نازح نازحا نازحين مهاجر مهاجرا مهاجرين معتقل معتقلا معتقلين موقوف موقوفا موقوفين سجين سجينا
        سجناء متهم متهما متهمين مشتبه
        """
    ),
    "fighters": word_set(
        """
        مقاتل مقاتلا مقاتلين مقاتلون مسلح مسلحا مسلحين مسلحون عنصر عنصرا عناصر إرهابي إرهابيا
        إرهابيين جهادي جهاديا جهاديين متطوع متطوعا متطوعين متشدد متشددا متشددين متطرف متطرفا
        متطرفين انتحاري انتحاريا انتحاريين
        """
    ),
    "soldiers": word_set(
        """
        جندي جنديا جنود عسكري عسكريا عسكريين ضابط ضابطا ضباط شرطي شرطيا منتسب منتسبا
        منتسبي منتسبين
        """
    ),
    "women": word_set("امرأة نساء سيدة سيدات سيدتين امرأتين فتاة فتيات"),
    "minors": word_set("قاصر قاصرا قاصرين طفل طفلا أطفال رضيع رضع"),
    "students": word_set("طالب طالبا طلاب طالبة طالبات تلميذ تلاميذ خريج خريجا خريجين متدرب متدربا متدربين"),
    "workers": word_set("عامل عاملا عمال موظف موظفا موظفين موظفة موظفات"),
    "pilgrims": word_set("حاج حاجا حجاج معتمر معتمرا معتمرين زائر زائرا زوار"),
    "money": word_set("ريال ريالا ريالات دولار دولارا دولارات يورو جنيه جنيها درهم درهما دينار دينارا"),
    "weight": word_set("طن طنا أطنان كيلوغرام كيلوجرام كيلو كيلوغراما غرام جرام"),
    "vehicles": word_set("سيارة سيارات مركبة مركبات آلية آليات طائرة طائرات"),
    "buildings": word_set("منزل منزلا منازل مبنى مبان مباني بيت بيوت مسكن مساكن وحدة وحدات"),
    "projects": word_set("مشروع مشروعا مشاريع مشروعات"),
    "companies": word_set("شركة شركات مؤسسة مؤسسات منشأة منشآت"),
    "documents": word_set("ورقة أوراق وثيقة وثائق رسالة رسائل"),
}
# Words after a generic noun of people that make it a kind: "رجال الأمن" are security men.
SUBJECT_QUALIFIERS: dict[str, str] = {
    word: kind
    for kind, words in (("soldiers", "أمن الأمن شرطة الشرطة الجيش جيش المرور الدفاع"),)
    for word in word_set(words)
}
# The generic class of people and its kinds: "250 أجنبيا" and "250 عنصرا" may be one group, but
# "13 شخصا" against "10 جنود" is no contradiction (the soldiers may be among the 13).
GENERIC_PEOPLE = "people"
KINDS_OF_PEOPLE = frozenset({"fighters", "soldiers", "women", "minors", "students", "workers", "pilgrims"})
# What an editor reads for each counted class.
SUBJECT_CLASS_NAMES: dict[str, str] = {
    "people": "أشخاص",
    "fighters": "مقاتلون",
    "soldiers": "عسكريون",
    "women": "نساء",
    "minors": "قاصرون",
    "students": "طلاب",
    "workers": "عمال وموظفون",
    "pilgrims": "حجاج وزوار",
    "money": "مبالغ مالية",
    "weight": "أوزان",
    "vehicles": "مركبات",
    "buildings": "مبان",
    "projects": "مشاريع",
    "companies": "شركات",
    "documents": "وثائق",
}
# Counted nouns that say what happened to the group: "36 قتيلا" is 36 killed, with or without a verb.
PREDICATE_NOUNS: dict[str, frozenset[str]] = {
    "killed": word_set("قتيل قتيلا قتلى ضحية ضحايا وفاة وفيات"),
    "wounded": word_set("جريح جريحا جرحى مصاب مصابا مصابين مصابون"),
    "arrested": word_set("معتقل معتقلا معتقلين موقوف موقوفا موقوفين"),
}
