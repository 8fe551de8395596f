"""The entity recognizer as the pipeline runs it (lexicon names, the CRF, and the rules that set
where a name starts and ends), against the bare CRF, on the NER gate's held-out ANERcorp block.

    PYTHONPATH=src python scripts/ner_recognizer_heldout.py [--model /tmp/held-out.crfsuite]

Trains a CRF with the shipped recipe on the first four fifths of the CAMeL train file (as the
gate does; about a minute, skipped when ``--model`` exists) and scores the last fifth twice: the
CRF's tags, and the pipeline's mentions (`entities.article_mentions` with that CRF) mapped back to
the block's words. ANERcorp's conventions differ from the pipeline's in places (armies and
Al-Qaeda are no ORG there; a name chain is one mention however long), so the two figures measure
different things: the first is the gate's, the second what the pipeline's own rules add or cost.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import isnad.article.entities as entities
from isnad.arabic import tokenize
from isnad.article.ner import Resources, Tagger, train_model
from isnad.evaluation.ner import read_conll, score_entities
from isnad.model import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt"
HELD_OUT_FRACTION = 5
TAG_TYPES = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


def pipeline_tags(words: list[str], index: int) -> list[str]:
    """BIO tags of the pipeline's mentions in one sentence, on its words (a word a mention
    touches is inside it)."""
    text = " ".join(words)
    starts, at = [], 0
    for word in words:
        starts.append(at)
        at += len(word) + 1
    article = Article(id=f"s{index}", text=text, source_path="anercorp")
    tags = ["O"] * len(words)
    found = entities.article_mentions(article, [tokenize(text, 0, len(text))])
    for kind, mention in sorted(found, key=lambda item: item[1].span):
        inside = [
            i
            for i, start in enumerate(starts)
            if start < mention.span[1] and start + len(words[i]) > mention.span[0]
        ]
        for k, i in enumerate(inside):
            if tags[i] == "O":
                tags[i] = ("B-" if k == 0 else "I-") + TAG_TYPES[kind]
    return tags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--model", type=Path, help="held-out model to reuse or write")
    args = parser.parse_args()
    sentences = read_conll(args.data)
    cut = len(sentences) - len(sentences) // HELD_OUT_FRACTION
    resources = Resources.load()
    with tempfile.TemporaryDirectory() as scratch:
        model = args.model or Path(scratch) / "held-out.crfsuite"
        if not model.exists():
            train_model(sentences[:cut], resources, model)
        tagger = Tagger(model, resources)
        entities.default_tagger = lambda: tagger  # the pipeline runs the held-out CRF
        held_out = sentences[cut:]
        gold = [tags for _, tags in held_out]
        runs = {
            "CRF alone": [tagger.tag(words) for words, _ in held_out],
            "pipeline recognizer": [pipeline_tags(words, n) for n, (words, _) in enumerate(held_out)],
        }
    for name, predicted in runs.items():
        scores = score_entities(gold, predicted).micro
        print(f"{name:20} P {scores.precision:.3f} R {scores.recall:.3f} F1 {scores.f1:.3f}")


if __name__ == "__main__":
    main()
