"""Batch runs over many files: the same pipeline, distributed by Apache Spark (``spark.py``), each
task writing its part of the Parquet tables (``parts.py``)."""
