"""Background document frequencies of Arabic stems, learnt once from a reference corpus.

Term weights need to know how common a stem is in Arabic news in general. Taking that from the
articles being clustered would make every weight, and so every grouping, depend on which other
articles happen to be in the store: adding articles would re-weigh all the old ones. A table
learnt once and shipped keeps an article's weights its own.

``data/stem_df.tsv.gz`` was built by ``scripts/build_stem_df.py`` from the 870 documents of the
ExAra corpus (AraPlagDet 2015, news and encyclopaedic Arabic; research corpus, see
``../shared/data/README.md``): only document counts of stems seen in at least two documents are
shipped, never text.
"""

from __future__ import annotations

import gzip
import math
from functools import cache
from importlib import resources

TABLE = "data/stem_df.tsv.gz"


@cache
def _table() -> tuple[int, dict[str, int]]:
    raw = resources.files("isnad.arabic").joinpath(TABLE).read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    documents = int(lines[0].split("\t")[1])  # header: "#documents\tN"
    counts = {stem: int(df) for stem, df in (line.split("\t") for line in lines[1:])}
    return documents, counts


def document_counts() -> tuple[int, dict[str, int]]:
    """The table itself: how many background documents, and how many hold each stem."""
    documents, counts = _table()
    return documents, dict(counts)


def idf(stem: str) -> float:
    """Smoothed inverse document frequency of a stem, ``ln((N+1)/(df+1)) + 1``.

    The added 1 keeps common but meaningful stems (تنظيم, مقاتل) in play: with plain IDF they
    weigh almost nothing, and two reports of one event share mostly such words.
    """
    documents, counts = _table()
    return math.log((documents + 1) / (counts.get(stem, 0) + 1)) + 1.0


def idf_of_share(share: float) -> float:
    """The `idf` of a stem found in ``share`` (0..1) of the background documents."""
    documents, _ = _table()
    return math.log((documents + 1) / (share * documents + 1)) + 1.0
