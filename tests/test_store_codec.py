"""One codec per record: the store keeps each record as `analysis.json` writes it and reads back
the very record, for every kind of result the seeds give."""

from __future__ import annotations

import json

from isnad.article.doc import Corpus
from isnad.event.actors import EntitySpans, label_mentions
from isnad.model import Analysis
from isnad.output.jsonout import analysis_to_dict, encode
from isnad.store import Store
from isnad.store.codec import RESULT_KINDS, decode_result, encode_record, owner_of

KINDS = RESULT_KINDS


def test_every_record_round_trips_through_the_analysis_json_form(seed_analysis: Analysis) -> None:
    document = analysis_to_dict(seed_analysis)
    assert sum(bool(getattr(seed_analysis, kind)) for kind in KINDS) >= 12  # the seeds copy nothing
    for kind in KINDS:
        records = getattr(seed_analysis, kind)
        for record, written in zip(records, document[kind], strict=True):
            stored = json.loads(encode_record(record))
            assert stored == json.loads(json.dumps(encode(record))) == json.loads(json.dumps(written))
            assert decode_result(kind, stored) == record
            assert owner_of(kind, record)


def test_label_mentions_kept_by_the_store_read_back_as_found(seed_analysis: Analysis) -> None:
    corpus = Corpus(seed_analysis.articles)
    spans = EntitySpans(seed_analysis.entities)
    store = Store()
    store.add_articles(seed_analysis.articles)
    found = {a.id: label_mentions(corpus, a.id, spans) for a in seed_analysis.articles}
    assert sum(map(len, found.values())) >= 20  # the seeds name their parties
    assert any(m.before and m.after for labels in found.values() for m in labels)
    store.keep_label_mentions({i: ("d" + i, labels) for i, labels in found.items()})
    # Read back only where the entity spans they were found with are the same.
    first, *rest = found
    read = store.label_mentions({first: "other", **{i: "d" + i for i in rest}})
    assert read == {i: found[i] for i in rest}
