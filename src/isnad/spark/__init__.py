"""isnad's corpus stages as an Apache Spark job (`isnad spark`; the ``spark`` extra).

The job orchestrates the functions the single-machine path runs, and adds no analysis of its own:
`job` is the order of the stages (that of `isnad.pipeline.analyze_articles`), `work` the plain
Python each task runs, `lsh` the banded self-join that finds reuse candidates, `io` the Parquet
tables and the store. Importing `isnad` never imports pyspark: only `isnad spark` loads this.
"""
