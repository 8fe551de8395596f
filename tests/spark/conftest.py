"""One local Spark session (two cores) shared by the Spark job's tests.

The tests skip, saying why, only where the job cannot run at all: pyspark not installed (the
``spark`` extra) or no Java runtime (Debian's openjdk-17-jre-headless). CI installs both.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="pyspark is not installed: pip install -e '.[spark]'")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime on PATH: Spark needs one (apt-get install openjdk-17-jre-headless)")
    from isnad.spark.job import session

    spark = session("local[2]", partitions=4)
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()
