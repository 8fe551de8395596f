"""The per-article pass: everything computed from one article alone, once, when it arrives.

`doc` holds the text layer (tokens, stems, sentences); `extract` finds entities, attributions,
figures and dates; the story features that the corpus stages compare are made here too.
"""
