"""A store analysed from the seeds plus articles carrying script payloads, shared by the web tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from isnad.pipeline import analyze

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
# Values an attacker controls: a title, a text, an outlet name and a URL.
PAYLOAD = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">{{ 7*7 }}'


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("serve")
    corpus = root / "corpus"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("README.md"))
    hostile = {
        "title": f"عنوان خبيث {PAYLOAD}",
        "text": f"عنوان خبيث\n\nقال المتحدث باسم الوزارة إن {PAYLOAD} سقط 12 قتيلا في الهجوم على القرية.",
        "outlet": f"وكالة {PAYLOAD}",
        "url": "javascript:window.__pwned=3",
        "published": "2015-08-06",
    }
    (corpus / "hostile.jsonl").write_text(json.dumps(hostile, ensure_ascii=False) + "\n", encoding="utf-8")
    db = root / "isnad.db"
    analyze([corpus], db=db)
    return db
