from isnad.arabic import stem
from isnad.arabic.happenings import HAPPENING_STEMS, OBJECT_WORDS, cable_addressee, happening_phrases
from isnad.arabic.normalize import normalize
from isnad.arabic.stopwords import is_stopword
from isnad.arabic.tokens import words


def _terms(text: str) -> list[str]:
    # As the text layer gives them: a stem per word, "" for a stopword.
    return ["" if is_stopword(normalize(w)) else stem(normalize(w)) for w in words(text)]


def _all(_: str) -> bool:
    return True


def test_the_noun_of_a_happening_and_its_object_make_the_phrase() -> None:
    report = happening_phrases(_terms("أمير عسير يزور مصابي تفجير مسجد قوات الطوارئ"), _all)
    reaction = happening_phrases(_terms("أدان الملك التفجير الذي استهدف مسجد قوات الطوارئ الخاصة"), _all)
    # The stopword (الذي) is skipped; the object follows the noun in both.
    assert report & reaction >= {"تفجير~مسجد", "تفجير~قوات"}


def test_without_a_happening_noun_there_is_no_phrase() -> None:
    assert happening_phrases(_terms("أمير عسير يستقبل رئيس الغرفة التجارية"), _all) == set()


def test_the_object_is_a_few_words_after_the_noun_and_not_common_words() -> None:
    terms = _terms("هجوم على نقطة تفتيش للشرطة شمال مدينة العريش فجر اليوم")
    phrases = happening_phrases(terms, _all)
    assert len(phrases) == OBJECT_WORDS
    assert all(p.startswith(stem(normalize("هجوم")) + "~") for p in phrases)
    common = stem(normalize("نقطة"))
    assert f"هجوم~{common}" not in happening_phrases(terms, lambda word: word != common)


def test_accidents_and_fires_are_no_happening_of_this_kind() -> None:
    # Every city has its traffic accident and its fire each day: sharing the kind names no one.
    assert happening_phrases(_terms("حادث مروري على طريق الأفلاج وحريق في عمارة سكنية"), _all) == set()


def test_every_listed_noun_is_a_stem_the_text_layer_gives() -> None:
    for noun in ("تفجير", "هجوم", "الهجوم", "اعتداء", "قصف", "اغتيال", "اختطاف"):
        assert _terms(noun)[0] in HAPPENING_STEMS


def test_whom_a_cable_goes_to() -> None:
    lead = "بعث خادم الحرمين الشريفين برقية تهنئة لفخامة الرئيس توني تان كنق يام رئيس جمهورية سنغافورة بمناسبة ذكرى اليوم الوطني."
    assert cable_addressee(lead) == {"توني", "تان", "كنق", "يام", "سنغافوره"}
    condolence = "وبعث برقية عزاء ومواساة لأخيه الملك محمد السادس ملك المغرب في وفاة والدته."
    assert "المغرب" in cable_addressee(condolence)
    assert cable_addressee("وقدم الوزير برقية إلى المجلس عن سير العمل.") == set()
