"""Build src/isnad/arabic/data/stem_df.tsv.gz: in how many documents each stem occurs.

Usage: PYTHONPATH=src python scripts/build_stem_df.py ../shared/data/exara-dev
Reads every *.txt under the folder with isnad's own ingest and text layer, so the stems match
those isnad computes at run time. Stems seen in a single document are left out (they weigh as
unseen ones), which keeps the table small.
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

from isnad.article.doc import analyse_text
from isnad.ingest import build_article
from isnad.pipeline import segment

OUT = Path(__file__).resolve().parents[1] / "src" / "isnad" / "arabic" / "data" / "stem_df.tsv.gz"


def main(folder: str) -> None:
    counts: Counter[str] = Counter()
    paths = sorted(Path(folder).rglob("*.txt"))
    for path in paths:
        article = segment(build_article(path.read_text(encoding="utf-8"), source_path=str(path)))
        counts.update({term for term in analyse_text(article).terms if term})
    lines = [f"#documents\t{len(paths)}"]
    lines += [f"{stem}\t{df}" for stem, df in sorted(counts.items()) if df >= 2]
    # mtime=0: the same corpus gives byte-identical output.
    OUT.write_bytes(gzip.compress("\n".join(lines).encode("utf-8"), mtime=0))
    print(f"{OUT}: {len(lines) - 1} stems from {len(paths)} documents")


if __name__ == "__main__":
    main(sys.argv[1])
