"""Train claimtrack's English pipeline and install it as package data.

Steps: convert the UD treebanks (training/convert.py), train with
training/config.cfg, score the best model on the held-out test splits
(training/evaluate.py), then copy it to src/claimtrack/model with a meta.json
that records its training data, their licences and the scores.

Usage:
    python training/train.py [--data ../shared/data] [--max-steps N] [--skip-train] [--no-install]

Training on 2 cores takes about 6 minutes per 1,000 steps; run it in the
background and follow training/train.log.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGET = REPO / "src" / "claimtrack" / "model"

SOURCES = [
    {
        "name": "UD English-EWT v2.16",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
        "use": "tagger/morphologizer, lemmatizer, parser (train split); scores on its test split",
    },
    {
        "name": "UD English-GUM v2.16, openly licensed genres (no NonCommercial texts, no Reddit)",
        "url": "https://github.com/UniversalDependencies/UD_English-GUM",
        "license": "annotations CC BY 4.0; texts CC BY 2.5 (news, interviews), CC BY 4.0 (academic, court), "
        "CC BY-SA 3.0 (bio, voyage), CC BY (textbook, vlog), public domain (speech), "
        "CC attribution (conversation)",
        "use": "all components (train split), including the PER/ORG/LOC entity layer",
    },
    {
        "name": "Universal NER English-EWT (dev and test only)",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "license": "CC BY-SA 4.0",
        "use": "entity recognizer model selection (dev) and scores (test)",
    },
]


def run(cmd: list[str], **kw) -> None:  # type: ignore[no-untyped-def]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--output", type=Path, default=HERE / "output")
    ap.add_argument("--max-steps", type=int, help="override [training] max_steps")
    ap.add_argument("--skip-train", action="store_true", help="package an existing training/output/model-best")
    ap.add_argument("--no-install", action="store_true", help="do not copy the model into the package")
    args = ap.parse_args()
    py = sys.executable
    if not args.skip_train:
        run([py, str(HERE / "convert.py"), "--data", str(args.data), "--out", str(HERE / "corpus")])
        cmd = [
            py,
            "-m",
            "spacy",
            "train",
            str(HERE / "config.cfg"),
            "--output",
            str(args.output),
            "--paths.train",
            str(HERE / "corpus" / "train"),
            "--paths.dev",
            str(HERE / "corpus" / "dev"),
        ]
        if args.max_steps:
            cmd += ["--training.max_steps", str(args.max_steps)]
        run(cmd)
    best = args.output / "model-best"
    scores_path = args.output / "test-scores.json"
    run([py, str(HERE / "evaluate.py"), str(best), "--corpus", str(HERE / "corpus"), "--json", str(scores_path)])
    if args.no_install:
        return
    scores = json.loads(scores_path.read_text(encoding="utf-8"))
    if TARGET.exists():
        shutil.rmtree(TARGET)
    shutil.copytree(best, TARGET)
    meta_path = TARGET / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="claimtrack_en_news",
        version="0.1.0",
        description="claimtrack's English pipeline: news tokenizer, morphologizer (UPOS + features), edit-tree "
        "lemmatizer, UD dependency parser (also sentence boundaries) and a PER/ORG/LOC recognizer, "
        "trained from UD English-EWT and the openly licensed part of UD English-GUM.",
        author="claimtrack",
        license="CC BY-SA 4.0 (the strictest licence of its training data: UD English-EWT, GUM bio and voyage)",
        sources=SOURCES,
        claimtrack_scores=scores,
    )
    # the per-epoch training log of spaCy is long and not needed at run time
    meta.pop("performance", None)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"installed {TARGET}")


if __name__ == "__main__":
    main()
