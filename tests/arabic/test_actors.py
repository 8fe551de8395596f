"""The general words labels of parties are built from, and the key that makes one label of its forms."""

from __future__ import annotations

from isnad.arabic import actors
from isnad.arabic.actors import (
    is_epithet,
    is_head,
    is_member_noun,
    is_place_nisba,
    label_key,
    word_key,
)


def test_one_key_across_spelling_clitics_and_word_order() -> None:
    assert word_key("ميليشيات") == word_key("الميليشيات") == word_key("مليشيات") == word_key("لميليشيات")
    assert label_key(["ميليشيات", "الحوثي"]) == label_key(["الميليشيات", "الحوثية"])
    assert word_key("المتمردين") == word_key("التمرد")  # the rebel and the rebellion judge alike


def test_heads_epithets_and_member_nouns() -> None:
    assert is_head("قوات")
    assert is_head("بقوات")
    assert is_head("التحالف")
    assert is_head("مقاتلو")
    # Adjectives that share a head's stem are not heads: التمرد المسلح, the government's (الحكومي).
    assert not is_head("المسلح")
    assert not is_head("الحكومي")
    assert not is_head("المقاتلات")
    assert is_epithet("الانقلابية")
    assert is_epithet("المخلوع")
    assert not is_epithet("الشعبية")
    assert is_member_noun("الحوثيين")
    assert is_member_noun("المتمردين")
    assert not is_member_noun("المسؤولين")


def test_country_adjectives_never_name_a_party() -> None:
    assert is_place_nisba("السوري")
    assert is_place_nisba("اليمنية")
    assert is_place_nisba("الأمريكيين")
    assert not is_place_nisba("الحوثي")
    assert not is_place_nisba("الشعبية")


def test_a_place_noun_names_a_place_by_the_words_around_it() -> None:
    assert actors.means_a_place("قاعدة", None, "العند")
    assert actors.means_a_place("القاعدة", None, "الجوية")
    assert actors.means_a_place("القاعدة", "داخل", None)
    assert not actors.means_a_place("القاعدة", "قالت", "في")
    assert not actors.means_a_place("الجيش", "داخل", None)  # not a place noun at all
    assert actors.is_generic_head("القوات")
    assert not actors.is_generic_head("الميليشيات")
    assert actors.ends_like_a_verb("فروا")
    assert not actors.ends_like_a_verb("صالح")
