"""Speed of the bundled pipeline on real news, on one core.

Prints the load time of the pipeline, the words per second of the trained
components alone (nlp.pipe), of the trained components with the learned
attribution tagger (nlp.pipe; issue 7 asks for 4,000) and of the whole claim extractor, on the BBC news
corpus in ../shared/corpus (research use; read at run time, never copied).
With --big it also times one 10 MB article through `claimtrack ingest`.

Usage:
    python benchmarks/pipeline_speed.py [--corpus PATH] [--articles N] [--big]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "bbc-news-2225.jsonl")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--big", action="store_true", help="also ingest one 10 MB article")
    args = ap.parse_args()

    import spacy

    from claimtrack.pipeline import MODEL_DIR, ROLES, SPLITTER, load_nlp

    t0 = time.perf_counter()
    bare = spacy.load(MODEL_DIR)
    load_s = time.perf_counter() - t0
    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r.get("text") or r.get("content") or "" for r in rows[: args.articles]]
    n_words = sum(len(bare.make_doc(t)) for t in texts)

    t0 = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=64):
        pass
    trained = n_words / (time.perf_counter() - t0)

    nlp = load_nlp()
    # the shipped pipeline's trained components with the learned attribution tagger, by bare nlp.pipe
    # (issue 7's speed floor); the rule stages of claimtrack left out
    rules = [name for name in nlp.pipe_names if name.startswith("claimtrack_") and name not in (ROLES, SPLITTER)]
    with nlp.select_pipes(disable=rules):
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        with_roles = n_words / (time.perf_counter() - t0)

    t0, c0 = time.perf_counter(), time.process_time()
    n_claims = 0
    for doc in nlp.pipe(texts, batch_size=64):
        n_claims += len(doc.spans["claimtrack_claims"])
    full = n_words / (time.perf_counter() - t0)
    full_cpu = n_words / (time.process_time() - c0)
    print(f"pipeline load: {load_s:.2f} s")
    print(f"{len(texts)} articles, {n_words} words")
    print(f"trained components (nlp.pipe, 1 core): {trained:,.0f} words/s")
    print(f"trained components and the attribution tagger (nlp.pipe, 1 core): {with_roles:,.0f} words/s")
    print(f"whole claim extractor (1 core): {full:,.0f} words/s, {n_claims} claims")
    # on a shared machine the wall clock counts other people's work too; CPU time does not
    print(f"whole claim extractor, per second of this process's CPU time: {full_cpu:,.0f} words/s")

    if args.big:
        # every paragraph made unique (repeated paragraphs would be dropped as page furniture)
        paras = [p for r in rows for p in (r.get("text") or "").split("\n\n") if p.strip()]
        out, size, n = [], 0, 0
        while size < 10_000_000:
            para = f"({n // len(paras)}) {paras[n % len(paras)]}"
            out.append(para)
            size += len(para) + 2
            n += 1
        big = "\n\n".join(out)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "big.txt"
            path.write_text(big, encoding="utf-8")
            t0 = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "claimtrack", "ingest", str(path), "--store", str(Path(tmp) / "claims.jsonl")],
                capture_output=True,
                text=True,
            )
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
            print(
                f"10 MB article: exit {proc.returncode} in {time.perf_counter() - t0:.0f} s, "
                f"peak {peak:,.0f} MB; {last}"
            )


if __name__ == "__main__":
    main()
