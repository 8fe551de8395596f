"""An experimental named-entity tagger: a small convolutional network with a CRF layer, run in
plain numpy (no torch at tag time). Not shipped: it scores above the CRF of `isnad.article.ner` on
the held-out block of ANERcorp but below it on the real-news source gold (see
`src/isnad/article/models/README.md`).

Each token is described by the same attributes as the CRF's (`ner.token_attributes`: its form,
clitic-free base and stem, affixes, unsupervised word clusters, sentence-encoder embedding
clusters, gazetteer tag, cue word, shape, frequency band), each looked up in a small learnt
embedding table, optionally a dense word vector (the multilingual Universal Sentence Encoder's
vector of the word encoded alone, reduced by PCA), and a character convolution over its base, so
a name never seen in training still gets a vector from its letters and its clusters. Stacked
dilated convolutions (each token sees seven either side) read the sentence, and a CRF layer
(learnt transition scores, Viterbi decoding) picks the tag sequence. Convolutions rather than an
LSTM because they tag a whole sentence in a few matrix products, which keeps numpy inference as
fast as the linear CRF.

The network is trained with torch by ``scripts/train_ner_network.py`` (its docstring is the
recipe) and saved as one ``.npz`` of arrays and a JSON header of vocabularies, which this module
reads.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from isnad.article.ner import Resources, gazetteer_tags, word_attributes

# Token attributes the network embeds (keys of `ner.token_attributes`).
FEATURES = (
    "w", "b", "st", "c", "cc", "e0", "e1", "e2", "g", "q", "sh", "stop", "fq", "pre", "enc", "p2", "s2", "s3",
)  # fmt: skip
MAX_CHARS = 12  # letters of the base the character convolution reads
GAZETTEER_COLUMN = FEATURES.index("g")  # the one attribute that depends on the neighbours
CACHE_WORDS = 1 << 16  # words whose encoding a tagger keeps (about 0.5 kB each, twice)
HEADER = "header"  # the npz entry holding the JSON vocabularies
DILATIONS = (1, 2, 4)  # token distances of the stacked convolutions: each token sees 7 either side


class Vocabularies:
    """Ids of attribute values, characters and tags; id 0 is 'unknown' (and padding)."""

    def __init__(
        self,
        features: dict[str, list[str]],
        chars: list[str],
        tags: list[str],
        vector_words: list[str] | None = None,
    ) -> None:
        self.features = features
        self.chars = chars
        self.tags = tags
        # words with a row in the dense vector table (row i + 1; row 0 is 'no vector')
        self.vector_words = vector_words or []
        self._ids = {name: {v: i + 1 for i, v in enumerate(values)} for name, values in features.items()}
        self._char_ids = {c: i + 1 for i, c in enumerate(chars)}
        self._vector_ids = {v: i + 1 for i, v in enumerate(self.vector_words)}
        self._cache: dict[str, tuple[list[int], list[int], str, int]] = {}

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": self.features,
                "chars": self.chars,
                "tags": self.tags,
                "vector_words": self.vector_words,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Vocabularies:
        data = json.loads(text)
        return cls(data["features"], data["chars"], data["tags"], data.get("vector_words"))

    def encode(self, words: Sequence[str], res: Resources) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Attribute ids ``(tokens, len(FEATURES))``, character ids ``(tokens, MAX_CHARS)`` and
        dense vector rows ``(tokens,)``."""
        rows = [self.word_ids(w, res) for w in words]
        ids = np.array([r[0] for r in rows], dtype=np.int64).reshape(len(words), len(FEATURES))
        chars = np.array([r[1] for r in rows], dtype=np.int64).reshape(len(words), MAX_CHARS)
        vectors = np.array([r[3] for r in rows], dtype=np.int64)
        gazetteer = self._ids["g"]
        ids[:, GAZETTEER_COLUMN] = [gazetteer.get(t, 0) for t in gazetteer_tags([r[2] for r in rows], res)]
        return ids, chars, vectors

    def clear_cache(self) -> None:
        self._cache.clear()

    def word_ids(self, word: str, res: Resources) -> tuple[list[int], list[int], str, int]:
        """A word's attribute ids (gazetteer left 0), letter ids, base and vector row; cached, as
        news repeats its words."""
        found = self._cache.get(word)
        if found is None:
            if len(self._cache) > CACHE_WORDS:
                self._cache.clear()
            attributes = word_attributes(word, res)
            ids = [self._ids[name].get(attributes.get(name, ""), 0) for name in FEATURES]
            base = attributes["b"]
            letters = [self._char_ids.get(c, 0) for c in base[:MAX_CHARS]]
            row = self._vector_ids.get(attributes["w"]) or self._vector_ids.get(base, 0)
            found = self._cache[word] = (ids, letters + [0] * (MAX_CHARS - len(letters)), base, row)
        return found


class NetworkTagger:
    """The network with its vocabularies and the feature tables of `ner.Resources`."""

    def __init__(self, model_path: Path, res: Resources) -> None:
        try:
            with np.load(model_path, allow_pickle=False) as data:
                self.weights = {k: data[k].astype(np.float32) for k in data.files if k != HEADER}
                header = str(data[HEADER])
        except (OSError, ValueError, KeyError) as error:
            raise ValueError(f"{model_path}: not a network tagger model ({error})") from error
        self.vocab = Vocabularies.from_json(header)
        self.resources = res
        self._tags = self.vocab.tags
        # The input layer is linear in its parts, and all of them but the gazetteer tag depend on
        # the word alone: each word's share is computed once and kept, the gazetteer tag's share
        # is one row of a small table per tag.
        w = self.weights
        start = sum(w[f"emb_{name}"].shape[1] for name in FEATURES[:GAZETTEER_COLUMN])
        width = w["emb_g"].shape[1]
        self._gazetteer_input = w["emb_g"] @ w["input_w"][start : start + width]
        self._gazetteer_ids = self.vocab._ids["g"]
        self._word_input: dict[str, tuple[np.ndarray, str]] = {}
        # A sentence's products are tiny: threaded BLAS only adds hand-offs, and on busy cores its
        # spinning threads made tagging a hundred times slower. One thread while tagging.
        self._blas = ThreadpoolController()

    def emissions(self, words: Sequence[str]) -> np.ndarray:
        """Tag scores ``(tokens, tags)`` of one sentence before the CRF layer."""
        w = self.weights
        missing = [word for word in dict.fromkeys(words) if word not in self._word_input]
        if missing:
            self._add_words(missing)
        rows = [self._word_input[word] for word in words]
        gazetteer = gazetteer_tags([base for _, base in rows], self.resources)
        x = np.array([row for row, _ in rows])
        x += self._gazetteer_input[[self._gazetteer_ids.get(t, 0) for t in gazetteer]]
        x = np.maximum(x, 0.0)
        for layer, dilation in enumerate(DILATIONS):
            x = x + self._convolution(x, f"conv{layer}", dilation)
        scores: np.ndarray = x @ w["out_w"] + w["out_b"]
        return scores

    def _add_words(self, words: list[str]) -> None:
        """Each word's share of the input layer (its gazetteer tag left out), into the cache."""
        if len(self._word_input) + len(words) > CACHE_WORDS:
            self._word_input.clear()
            self.vocab.clear_cache()
        w = self.weights
        found = [self.vocab.word_ids(word, self.resources) for word in words]
        ids = np.array([f[0] for f in found], dtype=np.int64)
        parts = [w[f"emb_{name}"][ids[:, k]] for k, name in enumerate(FEATURES)]
        parts[GAZETTEER_COLUMN] = np.zeros_like(parts[GAZETTEER_COLUMN])  # added per sentence
        parts.append(self._char_features(np.array([f[1] for f in found], dtype=np.int64)))
        if "vectors" in w:
            parts.append(w["vectors"][[f[3] for f in found]])
        inputs = np.concatenate(parts, axis=1) @ w["input_w"] + w["input_b"]
        for word, row, f in zip(words, inputs, found, strict=True):
            self._word_input[word] = (row, f[2])

    def _char_features(self, chars: np.ndarray) -> np.ndarray:
        """Max over the base's letters of a width-3 letter convolution (relu; zero past the word)."""
        w = self.weights
        kernel = w["char_conv_w"]  # (3, dims, filters): letter before, letter, letter after
        table = w["char_emb"][chars]  # (tokens, letters, dims)
        conv = table @ kernel[1] + w["char_conv_b"]
        conv[:, 1:] += table[:, :-1] @ kernel[0]
        conv[:, :-1] += table[:, 1:] @ kernel[2]
        conv = np.maximum(conv, 0.0) * (chars > 0)[:, :, None]  # letters only; relu makes 0 neutral
        pooled: np.ndarray = conv.max(axis=1)
        return pooled

    def _convolution(self, x: np.ndarray, name: str, dilation: int) -> np.ndarray:
        """A width-3 convolution over tokens ``dilation`` apart (zero beyond the sentence), relu."""
        n, channels = x.shape
        kernel = self.weights[f"{name}_w"]  # (3 * channels, channels): before, self, after
        out = x @ kernel[channels : 2 * channels] + self.weights[f"{name}_b"]
        if n > dilation:
            out[dilation:] += x[:-dilation] @ kernel[:channels]
            out[:-dilation] += x[dilation:] @ kernel[2 * channels :]
        result: np.ndarray = np.maximum(out, 0.0)
        return result

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO tags for one sentence of words (Viterbi over the CRF's transition scores)."""
        if not words:
            return []
        with self._blas.limit(limits=1, user_api="blas"):
            path = viterbi(self.emissions(words), self.weights)
        return [self._tags[i] for i in path]


def viterbi(emissions: np.ndarray, weights: dict[str, np.ndarray]) -> list[int]:
    """The best tag path under emission, transition (``from x to``), start and end scores."""
    transitions = weights["crf_transitions"]
    score = weights["crf_start"] + emissions[0]
    back = np.empty((len(emissions), emissions.shape[1]), dtype=np.int64)
    for t in range(1, len(emissions)):
        total = score[:, None] + transitions
        back[t] = total.argmax(axis=0)
        score = total.max(axis=0) + emissions[t]
    best = int((score + weights["crf_end"]).argmax())
    path = [best]
    for t in range(len(emissions) - 1, 0, -1):
        best = int(back[t, best])
        path.append(best)
    return path[::-1]
