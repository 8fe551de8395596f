import time

from isnad.article.ner import (
    Resources,
    default_tagger,
    entity_spans,
    entity_type,
    gazetteer_key,
    sentence_features,
)


def test_entity_spans_follow_conll_rules() -> None:
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-ORG", "I-LOC"]
    assert entity_spans(tags) == [("PERS", 0, 2), ("LOC", 3, 4), ("ORG", 4, 6), ("LOC", 6, 7)]
    assert entity_spans([]) == []


def test_entity_types_map_to_the_model() -> None:
    assert entity_type("PERS") == "PER"
    assert entity_type("LOC") == "LOC"
    assert entity_type("NORP") == "MISC"


def test_gazetteer_keys_ignore_clitics_and_spelling() -> None:
    assert gazetteer_key(["وبريطانيا"]) == gazetteer_key(["بريطانيا"])
    assert gazetteer_key(["الأردن"]) == gazetteer_key(["والاردن"])


def test_features_describe_neighbours_and_gazetteers() -> None:
    resources = Resources({}, {gazetteer_key(["باريس"]): "LOC"})
    rows = sentence_features(["قال", "في", "باريس"], resources)
    assert len(rows) == 3
    assert "g=B-LOC" in rows[2]
    assert "-1:w=في" in rows[2]
    assert "1:edge" in rows[2]


def test_embedding_clusters_are_features_of_the_word_or_its_base() -> None:
    resources = Resources({}, {}, embedding_clusters={"باريس": ("3", "17", "250")})
    rows = sentence_features(["وباريس", "مدينة"], resources)
    assert {"e0=3", "e1=17", "e2=250"} <= set(rows[0])
    assert not any(f.startswith("e0=") for f in rows[1])


def test_shipped_tagger_loads_fast_and_finds_names() -> None:
    default_tagger.cache_clear()
    started = time.perf_counter()
    tagger = default_tagger()
    assert time.perf_counter() - started < 1.0
    words = [
        "وقال",
        "الرئيس",
        "الفرنسي",
        "إيمانويل",
        "ماكرون",
        "في",
        "باريس",
        "إن",
        "الأمم",
        "المتحدة",
        "ستجتمع",
        ".",
    ]
    spans = {(kind, " ".join(words[a:b])) for kind, a, b in entity_spans(tagger.tag(words))}
    assert ("LOC", "باريس") in spans
    assert any(kind == "PERS" and "ماكرون" in text for kind, text in spans)
    assert tagger.tag([]) == []


def test_a_taggers_remembered_word_features_are_the_features_written_afresh() -> None:
    tagger = default_tagger()
    words = ["وقال", "وزير", "الخارجية", "البريطاني", "فيليب", "هاموند", "في", "لندن", "إن", "وقال"]
    fresh = sentence_features(words, tagger.resources)
    assert sentence_features(words, tagger.resources, tagger._word_features) == fresh
    assert sentence_features(words, tagger.resources, tagger._word_features) == fresh  # from the cache
