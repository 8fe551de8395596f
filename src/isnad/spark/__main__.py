"""The job as a Spark application: ``spark-submit [options] .../isnad/spark/__main__.py INPUT...
--out DIR [--db FILE]`` takes the same arguments as ``isnad spark`` (see docs/scale.md)."""

import sys

from isnad.cli import app

if __name__ == "__main__":
    app(["spark", *sys.argv[1:]])
