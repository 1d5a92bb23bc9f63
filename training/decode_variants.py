"""Compare ways of decoding the role tagger's output on PolNeAR dev (model alone, no rules).

Parses nothing: reads the parsed dev docs cached by train_roles.py, runs the tagger
once, then decodes its scores each way and scores the attributions with the scorer.

Usage: python training/decode_variants.py [MODEL_DIR] [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", nargs="?", type=Path, default=REPO / "src" / "claimtrack" / "model_roles")
    ap.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--mode", default="strict")
    args = ap.parse_args()
    import numpy
    import spacy
    from spacy.tokens import DocBin

    from claimtrack.pipeline import components as _c  # noqa: F401
    from claimtrack.pipeline.learned import attributions_from_roles
    from claimtrack.pipeline.roles import fill_gaps, viterbi

    sys.path.insert(0, str(REPO / "benchmarks"))
    from attribution_polnear import _merge

    nlp = spacy.load(args.model)
    tagger = nlp.get_pipe("claimtrack_roles")
    docs = list(DocBin().from_disk(HERE / "corpus" / "roles-dev.spacy").get_docs(nlp.vocab))
    scores = tagger.predict(docs)
    labels = tuple(tagger.labels)
    variants = {
        "argmax": lambda s: [labels[i] for i in numpy.asarray(s).argmax(axis=1)],
        "argmax+gaps2": lambda s: fill_gaps([labels[i] for i in numpy.asarray(s).argmax(axis=1)], 2),
        "argmax+gaps3": lambda s: fill_gaps([labels[i] for i in numpy.asarray(s).argmax(axis=1)], 3),
        "viterbi": lambda s: viterbi(numpy.asarray(s), labels),
    }
    from claimtrack.pipeline.quotes import find_quotes

    for name, decode in variants.items():
        out = Path(tempfile.mkdtemp()) / "pred.jsonl"
        with out.open("w") as fh:
            for doc, s in zip(docs, scores, strict=True):
                quotes = [q for a, b in find_quotes(doc.text) if (q := doc.char_span(a, b, alignment_mode="expand"))]
                atts = attributions_from_roles(doc, decode(s), quotes)
                rows = []
                for i, a in enumerate(atts):
                    rows.append(
                        {
                            "id": f"P{i}",
                            "cue": [[a.cue.start_char, a.cue.end_char]],
                            "source": [[a.source.start_char, a.source.end_char]] if a.source is not None else [],
                            "content": _merge([[p.start_char, p.end_char] for p in a.content]),
                        }
                    )
                fh.write(json.dumps({"doc_id": doc.user_data["doc_id"], "attributions": rows}) + "\n")
        res = subprocess.run(
            [
                sys.executable,
                str(args.eval / "score_attributions.py"),
                str(args.eval / "polnear-dev.jsonl"),
                str(out),
                "--mode",
                args.mode,
            ],
            capture_output=True,
            text=True,
        ).stdout
        keep = [
            ln
            for ln in res.splitlines()
            if ln.split()[:1] in (["strict"], ["overlap"]) and ("content " in ln or "joint" in ln or "|content" in ln)
        ]
        print(f"== {name}\n" + "\n".join(keep), flush=True)


if __name__ == "__main__":
    main()
