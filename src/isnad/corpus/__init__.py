"""The corpus stages: work across articles, from their compact per-article records.

`reuse` links articles that share passages; `stories` groups them into events and storylines.
"""
