"""Arabic function words: the words that say nothing about what a text is about.

The list is hand-written for isnad (``data/stopwords.txt``, MIT like the rest of the project).
Entries are stored in the matching form, and each also with the conjunctions و and ف attached,
because news text writes وفي, والتي, فإن as one word.
"""

from __future__ import annotations

from importlib import resources

from isnad.arabic.normalize import normalize

_CONJUNCTIONS = ("و", "ف")


def _load() -> frozenset[str]:
    text = resources.files("isnad.arabic").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    words = {
        normalize(line.strip()) for line in text.splitlines() if line.strip() and not line.startswith("#")
    }
    return frozenset(words | {conjunction + word for word in words for conjunction in _CONJUNCTIONS})


STOPWORDS: frozenset[str] = _load()


def is_stopword(word: str) -> bool:
    """Whether ``word`` (in any spelling: it is normalised first) is a function word."""
    return normalize(word) in STOPWORDS


def is_glued_function_word(word: str) -> bool:
    """Whether ``word`` (normalised) is a function word with a particle glued before it (بكل، وفي,
    لدى), which no name starts with: `particle_forms` keeps short words whole."""
    return len(word) > 2 and word[0] in "وفبكل" and word[1:] in STOPWORDS
