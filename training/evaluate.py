"""Score a trained pipeline on the held-out test splits, with gold tokens.

Whole test documents are fed as running text (gold words, no sentence
boundaries), so sentence-boundary F is measured as a user would meet it.

Usage:
    python training/evaluate.py MODEL [--corpus training/corpus] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example

HERE = Path(__file__).resolve().parent
KEYS = ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f", "ents_f", "ents_p", "ents_r")


def examples(nlp, path: Path, keep=lambda doc_id: True) -> list[Example]:
    out = []
    for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
        if not keep(ref.user_data.get("doc_id") or ""):
            continue
        words = [t.text for t in ref]
        spaces = [bool(t.whitespace_) for t in ref]
        out.append(Example(Doc(nlp.vocab, words=words, spaces=spaces), ref))
    return out


def score(nlp, egs: list[Example]) -> dict[str, float | None]:
    scores = nlp.evaluate(egs)
    out = {k: (round(float(scores[k]), 4) if scores.get(k) is not None else None) for k in KEYS}
    has_ents = any(eg.reference.has_annotation("ENT_IOB") for eg in egs)
    if not has_ents:
        for k in ("ents_f", "ents_p", "ents_r"):
            out[k] = None
    else:
        out["ents_per_type"] = {
            k: {m: round(v, 4) for m, v in d.items()} for k, d in (scores.get("ents_per_type") or {}).items()
        }
    out["words"] = sum(len(eg.reference) for eg in egs)
    out["docs"] = len(egs)
    return out


def speed(nlp, egs: list[Example], repeat: int = 2) -> float:
    texts = [eg.reference.text for eg in egs]
    n_words = sum(len(eg.reference) for eg in egs)
    best = 0.0
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        best = max(best, n_words / (time.perf_counter() - t0))
    return round(best)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", type=Path)
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--json", type=Path, help="write the scores here")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    test = args.corpus / "test"
    ewt = examples(nlp, test / "ewt.spacy")
    gum = examples(nlp, test / "gum.spacy")
    news = examples(nlp, test / "gum.spacy", keep=lambda d: "_news_" in d)
    result = {
        "ewt_test": score(nlp, ewt),
        "gum_test": score(nlp, gum),
        "gum_test_news": score(nlp, news),
        "words_per_second_1_core": speed(nlp, ewt),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
