"""One codec per record: the store keeps each record as `analysis.json` writes it and reads back
the very record, for every kind of result the seeds give."""

from __future__ import annotations

import json

from isnad.model import Analysis
from isnad.output.jsonout import analysis_to_dict, encode
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
