"""Named-entity tagger: a linear-chain CRF (python-crfsuite) over features of the text layer.

Trained on ANERcorp (see ``models/README.md`` and ``scripts/train_ner.py``). Most names in a new
article never occur in the training data, so besides the word itself each token is described by
what generalises to unseen names:

- its clitics, base and stem (``وبريطانيا`` -> و + بريطانيا), affixes and shape;
- word clusters learnt without labels from ExAra news text (``models/ner_clusters.tsv``: k-means
  over SVD vectors of left/right neighbour counts, a fine and a coarse level, Brown-cluster style);
- clusters of its sentence-encoder embedding (``models/ner_embedding_clusters.tsv``: the same
  words, each encoded alone by the multilingual Universal Sentence Encoder, k-means at three
  granularities; names of a kind tend to share a cluster, and no encoder is needed at tag time);
- gazetteers: ANERGazet people, places and organisations (``models/ner_gazetteer.tsv``), CLDR
  country names, the lexicon's cities and news outlets, matched as longest phrases;
- cue words of the lexicon: titles before a person, heads of places and organisations,
  reporting verbs;
- the same for the two tokens either side.

Tags are BIO over PERS, LOC, ORG and MISC as in ANERcorp; `entity_spans` turns them into
``(type, first token, end token)`` with the project's types (PERS becomes PER).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from importlib import resources
from pathlib import Path

import pycrfsuite

from isnad.arabic import is_stopword, lexicon, normalize, split_clitics, stem
from isnad.model import EntityType

MODEL_FILE = "ner.crfsuite"
CLUSTERS_FILE = "ner_clusters.tsv"
GAZETTEER_FILE = "ner_gazetteer.tsv"
EMBEDDING_CLUSTERS_FILE = "ner_embedding_clusters.tsv"
MAX_GAZETTEER_WORDS = 4
WORD_CACHE = 1 << 15  # words whose features a tagger keeps written out
FREQUENCY_BANDS = (500, 2_000, 8_000, 20_000, 1 << 30)  # rank limits in the cluster table
# CRFsuite L-BFGS settings of the shipped model, chosen by 5-fold CV on ANERcorp (scripts/train_ner.py).
TRAINING_PARAMS: dict[str, float | int | bool] = {
    "c1": 0.1,
    "c2": 0.05,
    "max_iterations": 150,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}
_TAG_TYPES: dict[str, EntityType] = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


def models_dir() -> Path:
    """The folder the shipped model and its tables live in."""
    return Path(str(resources.files("isnad.article").joinpath("models")))


@dataclass(frozen=True)
class Resources:
    """The tables the features look words up in."""

    clusters: dict[str, tuple[str, str]]  # word in matching form -> (fine, coarse) cluster ids
    gazetteer: dict[str, str]  # phrase of bases -> PER / LOC / ORG
    # word -> frequency band in the unlabelled text (the cluster table is in frequency order):
    # names are rarer than the words around them, a hint where Arabic has no capitals.
    bands: dict[str, str] = field(default_factory=dict)
    # word -> k-means cluster ids of its sentence-encoder embedding, coarse to fine
    embedding_clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path | None = None) -> Resources:
        directory = directory or models_dir()
        clusters: dict[str, tuple[str, str]] = {}
        bands: dict[str, str] = {}
        clusters_path = directory / CLUSTERS_FILE
        if clusters_path.exists():
            for rank, line in enumerate(clusters_path.read_text(encoding="utf-8").splitlines()):
                word, fine, coarse = line.split("\t")
                clusters[word] = (fine, coarse)
                bands[word] = next(str(n) for n, top in enumerate(FREQUENCY_BANDS) if rank < top)
        embedding_clusters: dict[str, tuple[str, ...]] = {}
        embedding_path = directory / EMBEDDING_CLUSTERS_FILE
        if embedding_path.exists():
            for line in embedding_path.read_text(encoding="utf-8").splitlines():
                word, *ids = line.split("\t")
                embedding_clusters[word] = tuple(ids)
        gazetteer: dict[str, str] = {}
        gazetteer_path = directory / GAZETTEER_FILE
        if gazetteer_path.exists():
            for line in gazetteer_path.read_text(encoding="utf-8").splitlines():
                phrase, kind = line.split("\t")
                gazetteer.setdefault(phrase, kind)
        # Places and outlets the package knows anyway (CLDR, lexicon) take precedence.
        for name in lexicon.place_names():
            gazetteer[gazetteer_key(name.split())] = "LOC"
        for spellings in lexicon.KNOWN_OUTLETS:
            for spelling in spellings:
                gazetteer[gazetteer_key(normalize(spelling).split())] = "ORG"
        return cls(clusters, gazetteer, bands, embedding_clusters)


def gazetteer_key(words: Sequence[str]) -> str:
    """A phrase's gazetteer key: the clitic-free base of each normalised word."""
    return " ".join(split_clitics(normalize(w))[1] for w in words)


def _gazetteer_tags(bases: Sequence[str], gazetteer: dict[str, str]) -> list[str]:
    """Longest-match gazetteer phrases over the sentence, as BIO tags (``O`` outside)."""
    tags = ["O"] * len(bases)
    i = 0
    while i < len(bases):
        for length in range(min(MAX_GAZETTEER_WORDS, len(bases) - i), 0, -1):
            kind = gazetteer.get(" ".join(bases[i : i + length]))
            if kind and (length > 1 or len(bases[i]) > 2):
                tags[i] = f"B-{kind}"
                for k in range(i + 1, i + length):
                    tags[k] = f"I-{kind}"
                i += length
                break
        else:
            i += 1
    return tags


def _shape(word: str) -> str:
    if word.isdigit():
        return "digit"
    if any(c.isascii() and c.isalpha() for c in word):
        return "latin"
    if not any(c.isalpha() for c in word):
        return "punct"
    return "arabic"


def _cue(norm: str, base: str) -> str:
    for form in (norm, base):
        if form in lexicon.PERSON_TITLES:
            return "title"
        if form in lexicon.ORGANISATION_HEADS:
            return "orghead"
        if form in lexicon.PLACE_HEADS:
            return "placehead"
        if form in lexicon.REPORTING_VERBS:
            return "verb"
    return "-"


def word_attributes(word: str, res: Resources) -> dict[str, str]:
    """What one word looks like to a tagger, whatever its neighbours: its forms, clusters, cue,
    shape, frequency band and affixes (the CRF's, and the experimental network's in scripts/)."""
    norm = normalize(word)
    pre, base, enc = split_clitics(norm)
    fine, coarse = res.clusters.get(norm) or res.clusters.get(base) or ("-", "-")
    embedded = res.embedding_clusters.get(norm) or res.embedding_clusters.get(base) or ()
    return (
        {
            "w": norm,
            "b": base,
            "c": fine,
            "cc": coarse,
            "q": _cue(norm, base),
            "sh": _shape(norm),
            "stop": "1" if is_stopword(norm) else "0",
            "fq": res.bands.get(norm) or res.bands.get(base) or "oov",
        }
        | {"pre": pre, "enc": enc, "st": stem(norm), "p2": base[:2], "s2": base[-2:], "s3": base[-3:]}
        | {f"e{level}": cluster for level, cluster in enumerate(embedded)}
    )


def gazetteer_tags(bases: Sequence[str], res: Resources) -> list[str]:
    """BIO tags of the longest gazetteer phrases over a sentence's clitic-free bases."""
    return _gazetteer_tags(bases, res.gazetteer)


def token_attributes(words: Sequence[str], res: Resources) -> list[dict[str, str]]:
    """The word attributes of each token of one sentence and its gazetteer tag (``g``)."""
    own = [word_attributes(w, res) for w in words]
    for attributes, tag in zip(own, gazetteer_tags([a["b"] for a in own], res), strict=True):
        attributes["g"] = tag
    return own


@dataclass(frozen=True)
class _WordFeatures:
    """The CRF features of one word that do not depend on its sentence, written out once: the
    token's own (before and after its gazetteer tag) and what it gives the tokens beside it."""

    head: tuple[str, ...]  # w, b, c, cc
    tail: tuple[str, ...]  # q, sh, stop, fq, pre, enc, st, affixes, embedding clusters, len
    base: str  # its clitic-free base, for the gazetteer
    fine: str  # its word cluster, for the cluster bigrams
    near: dict[int, tuple[str, ...]]  # offset -> what this word gives the token at that distance


HEAD_KEYS = ("w", "b", "c", "cc")
NEAR_KEYS = ("b", "cc", "q", "sh", "stop", "fq")  # beyond w and c, what a word gives its neighbours


def _word_features(word: str, res: Resources) -> _WordFeatures:
    a = word_attributes(word, res)
    near: dict[int, tuple[str, ...]] = {}
    for offset in (-2, -1, 1, 2):
        near[offset] = (f"{offset}:w={a['w']}", f"{offset}:c={a['c']}")
        if abs(offset) == 1:
            near[offset] += tuple(f"{offset}:{k}={a[k]}" for k in NEAR_KEYS)
    return _WordFeatures(
        head=tuple(f"{k}={a[k]}" for k in HEAD_KEYS),
        tail=(*(f"{k}={v}" for k, v in a.items() if k not in HEAD_KEYS), f"len={min(len(a['b']), 8)}"),
        base=a["b"],
        fine=a["c"],
        near=near,
    )


def sentence_features(
    words: Sequence[str],
    res: Resources,
    word_features: Callable[[str], _WordFeatures] | None = None,
) -> list[list[str]]:
    """The CRF features of each token of one sentence. ``word_features`` may cache
    `_word_features` for these resources (a tagger reads the same words again and again)."""
    own = [word_features(w) if word_features else _word_features(w, res) for w in words]
    gazetteer = gazetteer_tags([f.base for f in own], res)
    features: list[list[str]] = []
    n = len(own)
    for i, f in enumerate(own):
        row = ["bias", *f.head, f"g={gazetteer[i]}", *f.tail]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                near = own[j].near[offset]
                row += [near[0], near[1], f"{offset}:g={gazetteer[j]}", *near[2:]]
            else:
                row.append(f"{offset}:edge")
        if i > 0:
            row.append(f"-1|0:c={own[i - 1].fine}|{f.fine}")
        if i + 1 < n:
            row.append(f"0|1:c={f.fine}|{own[i + 1].fine}")
        features.append(row)
    return features


class Tagger:
    """The trained CRF with its feature tables; one per process is enough (`default_tagger`)."""

    def __init__(self, model_path: Path, res: Resources) -> None:
        self.resources = res
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        # Bounded: a corpus's vocabulary keeps growing, its common words are most of its tokens.
        self._word_features = lru_cache(maxsize=WORD_CACHE)(partial(_word_features, res=res))

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO tags for one sentence of words."""
        if not words:
            return []
        tags: list[str] = self._tagger.tag(sentence_features(words, self.resources, self._word_features))
        return tags


def train_model(
    sentences: Iterable[tuple[Sequence[str], Sequence[str]]],
    res: Resources,
    model_path: Path,
    params: dict[str, float | int | bool] | None = None,
) -> None:
    """Train a CRF on (words, tags) sentences and write it to ``model_path``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(sentence_features(words, res), list(tags))
    trainer.set_params({**TRAINING_PARAMS, **(params or {})})
    trainer.train(str(model_path))


@cache
def default_tagger() -> Tagger:
    """The tagger shipped in the package."""
    directory = models_dir()
    return Tagger(directory / MODEL_FILE, Resources.load(directory))


def entity_type(tag_type: str) -> EntityType:
    """The project's entity type for an ANERcorp tag type (PERS -> PER); unknown types are MISC."""
    return _TAG_TYPES.get(tag_type, "MISC")


def entity_spans(tags: Iterable[str]) -> list[tuple[str, int, int]]:
    """Entities of a BIO tag sequence as ``(tag type, start, end)`` token ranges (CoNLL rules:
    an ``I-`` tag of a new type, or one after ``O``, starts an entity)."""
    spans: list[tuple[str, int, int]] = []
    current: tuple[str, int] | None = None
    tags = list(tags)
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = current is not None and prefix == "I" and kind == current[0]
        if current is not None and not continues:
            spans.append((current[0], current[1], i))
            current = None
        if prefix in ("B", "I") and not continues:
            current = (kind, i)
    return spans
