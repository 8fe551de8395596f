"""Several processes on one store: writers take turns and no article is lost from the events."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from isnad.store import Store
from tests.conftest import SEEDS

ISNAD = [sys.executable, "-m", "isnad.cli"]
EXTRA = [
    "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة جدة بسعة 300 سرير لخدمة سكان المنطقة.",
    "قالت وزارة الصحة إن المستشفى الجديد في جدة يضم 300 سرير وسيخدم سكان المحافظة والقرى المجاورة.",
    "فاز فريق الهلال على النصر بهدفين مقابل هدف في مباراة الدوري السعودي التي أقيمت مساء أمس.",
]


def _inputs(tmp_path: Path) -> list[Path]:
    """Four input folders: the seeds split in two, and two of three short articles on other news."""
    folders = [tmp_path / f"in{n}" for n in range(4)]
    for folder in folders:
        folder.mkdir()
    for n, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        shutil.copy(seed, folders[n % 2])
    for n, text in enumerate(EXTRA):
        (folders[2 + n % 2] / f"extra{n}.txt").write_text(text, encoding="utf-8")
    return folders


def _stories(db: Path) -> list[frozenset[str]]:
    result = subprocess.run(
        [*ISNAD, "stories", "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    storylines = json.loads(result.stdout)["storylines"]
    return sorted((frozenset(e["article_ids"]) for s in storylines for e in s["events"]), key=sorted)


def test_processes_adding_and_analysing_one_store_at_once_equal_one_process(tmp_path: Path) -> None:
    folders = _inputs(tmp_path)
    shared = tmp_path / "shared.db"
    commands = [[*ISNAD, "add", str(folder), "--db", str(shared)] for folder in folders[:3]]
    commands.append(
        [*ISNAD, "analyze", str(folders[3]), "--db", str(shared), "--out", str(tmp_path / "o"), "-q"]
    )
    running = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands
    ]
    for process in running:
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr
    alone = tmp_path / "alone.db"
    subprocess.run([*ISNAD, "add", *map(str, folders), "--db", str(alone)], check=True, timeout=600)

    events = _stories(shared)
    with Store(shared, read_only=True) as store:
        stored = store.article_ids()
    placed = [article for event in events for article in event]
    assert sorted(placed) == sorted(stored)  # every article in exactly one event
    assert len(stored) == 5 + len(EXTRA)
    assert events == _stories(alone)


def test_a_writer_waits_for_the_one_writing(tmp_path: Path) -> None:
    db = tmp_path / "isnad.db"
    new = tmp_path / "new.txt"
    new.write_text(EXTRA[0], encoding="utf-8")
    with Store(db) as store, store.writing():
        adding = subprocess.Popen(
            [*ISNAD, "add", str(new), "--db", str(db)], stderr=subprocess.PIPE, text=True
        )
        time.sleep(5)
        assert adding.poll() is None  # still waiting for the lock
        assert store.article_ids() == []
    _, stderr = adding.communicate(timeout=300)
    assert adding.returncode == 0, stderr
    assert len(_stories(db)) == 1
