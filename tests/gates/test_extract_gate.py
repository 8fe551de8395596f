"""Accuracy gates for extraction: the NER tagger on held-out ANERcorp, and attributions, figures,
dates and entities against the hand-labelled gold in tests/fixtures/gold (see its README).

The NER gate does not score the shipped model (trained on all of ANERcorp, so it has seen every
sentence): it trains a model with the shipped recipe on the first four fifths of the corpus and
scores the last fifth, a contiguous block of documents it never saw (about a minute). The
extraction gold was labelled by hand and also used while developing the extractors, so those
floors guard against regressions rather than measure accuracy on unseen text.
"""

from __future__ import annotations

from pathlib import Path

from isnad.article.ner import Resources, Tagger, train_model
from isnad.evaluation.extraction import evaluate_extraction
from isnad.evaluation.ner import read_conll, score_entities
from tests.gates import ROOT, shared_data

GOLD = ROOT / "tests" / "fixtures" / "gold"

# Pinned 2026-11-22. Measured: ANERcorp last-fifth F1 0.685 (5-fold CV micro F1 0.706).
NER_HELD_OUT_F1_FLOOR = 0.66
# Measured on the seeds: attributions with the right source 0.956, figures 0.986, dates 1.000,
# entity mentions 0.977 (overlap) / 0.957 (exact), linking 1.000.
SEED_FLOORS = {"attributions": 0.93, "figures": 0.95, "dates": 0.95, "mentions_lenient": 0.94}
SEED_STRICT_MENTIONS_FLOOR = 0.92
SEED_LINKING_FLOOR = 0.95
# Measured on two ExAra news documents: attributions 1.000, figures 0.800, dates 1.000.
EXARA_FLOORS = {"attributions": 0.90, "figures": 0.75, "dates": 0.90}
HELD_OUT_FRACTION = 5


def test_ner_f1_on_a_held_out_block_of_anercorp(tmp_path: Path) -> None:
    sentences = read_conll(shared_data("anercorp/ANERCorp_CamelLab_train.txt"))
    cut = len(sentences) - len(sentences) // HELD_OUT_FRACTION
    resources = Resources.load()
    model = tmp_path / "held-out.crfsuite"
    train_model(sentences[:cut], resources, model)
    tagger = Tagger(model, resources)
    held_out = sentences[cut:]
    scores = score_entities([tags for _, tags in held_out], [tagger.tag(words) for words, _ in held_out])
    assert scores.micro.f1 >= NER_HELD_OUT_F1_FLOOR, scores


def test_extraction_on_the_seeds() -> None:
    evaluation = evaluate_extraction(GOLD / "seeds.json", ROOT / "examples" / "seeds")
    for name, floor in SEED_FLOORS.items():
        assert getattr(evaluation, name).f1 >= floor, (name, evaluation)
    assert evaluation.mentions_strict.f1 >= SEED_STRICT_MENTIONS_FLOOR, evaluation
    assert evaluation.linking.f1 >= SEED_LINKING_FLOOR, evaluation


def test_extraction_on_exara_news() -> None:
    evaluation = evaluate_extraction(GOLD / "exara.json", shared_data("exara-dev"))
    for name, floor in EXARA_FLOORS.items():
        assert getattr(evaluation, name).f1 >= floor, (name, evaluation)


# Pinned 2026-12-01 (fourth pass). Measured on the 30 articles of 2015-08-02 (dev, used while
# fixing the extractors): canonical source F1 0.897, via correct 1.000. 2015-07-31 (held out in
# the second pass, F1 0.519 then) is 0.815. 2015-07-27 was labelled blind and scored once at
# 0.880; it is 0.960. 2015-07-26 was labelled blind and scored once at 0.611 (the fourth pass's
# held-out estimate, docs/sources.md); read for errors since, it is 0.944. Fifth pass
# (2026-12-02): 2015-07-25 labelled blind and scored once at 0.649; read for errors since, it is
# 0.848. All ten sets pooled (144 sources): P 0.906 R 0.868 F1 0.887, via 0.992. Sixth pass
# (2026-12-02, later session): 2015-07-22 labelled blind and scored once at 0.581; read for errors
# since, it is 0.897. Seventh pass (the same session): 2015-07-23 labelled blind and scored once
# at 0.615; read for errors since, it is 0.851. Eighth pass: 2015-07-24 labelled blind and scored
# once at 0.471; read since, it is 0.857. Ninth pass: 2015-07-21 labelled blind and scored once at
# 0.600; read since, it is 0.824. Tenth pass: 2015-08-09 labelled blind and scored once at 0.600;
# read since, it is 0.774. Eleventh pass: 2015-08-06 (outside its events sample) labelled blind
# and scored once at 0.526; read since, it is 0.769. Twelfth pass: 13 new articles of 2015-08-04
# (saudinewsnet-2015-08-04b) labelled blind and scored once at 0.720; read since, it is 0.769. All
# seventeen sets pooled (259 sources): P 0.876 R 0.842 F1 0.858, via 0.972. Thirteenth pass: 13
# new articles of 2015-08-07 (saudinewsnet-2015-08-07b) blind 0.538, read since 0.667. All eighteen
# pooled (272 sources): P 0.869 R 0.831 F1 0.850, via 0.973. The floors guard these against
# regressions.
REAL_NEWS_SOURCE_F1_FLOOR = 0.86
REAL_NEWS_VIA_FLOOR = 0.95
HELD_OUT_SOURCE_F1_FLOOR = 0.75
BLIND_SET_SOURCE_F1_FLOOR = 0.92
FOURTH_BLIND_SET_SOURCE_F1_FLOOR = 0.90
FIFTH_BLIND_SET_SOURCE_F1_FLOOR = 0.82
SIXTH_BLIND_SET_SOURCE_F1_FLOOR = 0.86
SEVENTH_BLIND_SET_SOURCE_F1_FLOOR = 0.82
EIGHTH_BLIND_SET_SOURCE_F1_FLOOR = 0.82
NINTH_BLIND_SET_SOURCE_F1_FLOOR = 0.79
TENTH_BLIND_SET_SOURCE_F1_FLOOR = 0.74
ELEVENTH_BLIND_SET_SOURCE_F1_FLOOR = 0.73
TWELFTH_BLIND_SET_SOURCE_F1_FLOOR = 0.73
THIRTEENTH_BLIND_SET_SOURCE_F1_FLOOR = 0.63
# Pooled over every set: 0.87 when ten sets were pooled (0.887); the eight blind sets since bring
# the harder days in (the ten earlier sets are unchanged, each pinned above), so 0.83 of 0.850.
POOLED_SOURCE_F1_FLOOR = 0.83


def test_sources_on_real_news() -> None:
    from isnad.evaluation.sources import evaluate_sources, pool, source_golds

    corpus = shared_data("saudinewsnet")
    sets = {p.stem: evaluate_sources(p, corpus) for p in source_golds(GOLD / "sources")}
    result = sets["saudinewsnet-2015-08-02"]
    assert result.sources.f1 >= REAL_NEWS_SOURCE_F1_FLOOR, result.misses
    assert result.via_accuracy >= REAL_NEWS_VIA_FLOOR, result.misses
    held_out = sets["saudinewsnet-2015-07-31"]
    assert held_out.sources.f1 >= HELD_OUT_SOURCE_F1_FLOOR, held_out.misses
    assert held_out.via_accuracy >= REAL_NEWS_VIA_FLOOR, held_out.misses
    blind = sets["saudinewsnet-2015-07-27"]
    assert blind.sources.f1 >= BLIND_SET_SOURCE_F1_FLOOR, blind.misses
    assert blind.via_accuracy >= REAL_NEWS_VIA_FLOOR, blind.misses
    fourth = sets["saudinewsnet-2015-07-26"]
    assert fourth.sources.f1 >= FOURTH_BLIND_SET_SOURCE_F1_FLOOR, fourth.misses
    fifth = sets["saudinewsnet-2015-07-25"]
    assert fifth.sources.f1 >= FIFTH_BLIND_SET_SOURCE_F1_FLOOR, fifth.misses
    sixth = sets["saudinewsnet-2015-07-22"]
    assert sixth.sources.f1 >= SIXTH_BLIND_SET_SOURCE_F1_FLOOR, sixth.misses
    seventh = sets["saudinewsnet-2015-07-23"]
    assert seventh.sources.f1 >= SEVENTH_BLIND_SET_SOURCE_F1_FLOOR, seventh.misses
    eighth = sets["saudinewsnet-2015-07-24"]
    assert eighth.sources.f1 >= EIGHTH_BLIND_SET_SOURCE_F1_FLOOR, eighth.misses
    ninth = sets["saudinewsnet-2015-07-21"]
    assert ninth.sources.f1 >= NINTH_BLIND_SET_SOURCE_F1_FLOOR, ninth.misses
    tenth = sets["saudinewsnet-2015-08-09"]
    assert tenth.sources.f1 >= TENTH_BLIND_SET_SOURCE_F1_FLOOR, tenth.misses
    eleventh = sets["saudinewsnet-2015-08-06"]
    assert eleventh.sources.f1 >= ELEVENTH_BLIND_SET_SOURCE_F1_FLOOR, eleventh.misses
    twelfth = sets["saudinewsnet-2015-08-04b"]
    assert twelfth.sources.f1 >= TWELFTH_BLIND_SET_SOURCE_F1_FLOOR, twelfth.misses
    thirteenth = sets["saudinewsnet-2015-08-07b"]
    assert thirteenth.sources.f1 >= THIRTEENTH_BLIND_SET_SOURCE_F1_FLOOR, thirteenth.misses
    pooled = pool(list(sets.values()))
    assert pooled.sources.f1 >= POOLED_SOURCE_F1_FLOOR, pooled.misses
    assert pooled.via_accuracy >= REAL_NEWS_VIA_FLOOR, pooled.misses
