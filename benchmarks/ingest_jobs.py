"""End-to-end ingest speed with 1 and 2 jobs against bare ``nlp.pipe``, in one run.

Prints words per second for the trained pipeline alone (``spacy.load`` of the
bundled model, ``nlp.pipe``, one core), then for ``claimtrack ingest FEED
--jobs 1`` and ``--jobs 2`` as real subprocesses (start-up, reading, extraction,
claims, and writing the store all counted), and the ratios the issue asks for.
Words are spaCy tokens of the articles' text. The BBC corpus in ../shared is
read at run time, never copied.

Usage:
    python benchmarks/ingest_jobs.py [--corpus PATH] [--articles N] [--jobs 1,2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # bare nlp.pipe on one core, as each ingest worker is

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc-news-2225.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=BBC)
    ap.add_argument("--articles", type=int, default=0, help="only the first N articles (default: all)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated job counts to time")
    ap.add_argument("--keep", type=Path, help="keep the stores in this folder (jobsN/claims.jsonl)")
    args = ap.parse_args()

    from claimtrack.pipeline import ROLES, load_nlp

    lines = [line for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.articles:
        lines = lines[: args.articles]
    texts = [json.loads(line)["text"] for line in lines]
    # bare: the shipped pipeline's trained components (parser, tagger, lemmatizer, entities and the
    # PolNeAR role tagger), without claimtrack's rule components
    full = load_nlp()
    rules = [name for name in full.pipe_names if name.startswith("claimtrack_") and name != ROLES]
    nlp = full
    n_words = sum(len(nlp.make_doc(t)) for t in texts)
    print(f"{len(texts)} articles, {n_words:,} words; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")

    t0 = time.perf_counter()
    with nlp.select_pipes(disable=rules):
        for _ in nlp.pipe(texts):
            pass
    bare = n_words / (time.perf_counter() - t0)
    print(f"bare nlp.pipe (trained components, 1 core): {bare:,.0f} words/s")

    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        tmp = str(args.keep or scratch)
        feed = Path(tmp) / "feed.jsonl"
        feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
        stores = {}
        for jobs in (int(j) for j in args.jobs.split(",")):
            store = Path(tmp) / f"jobs{jobs}" / "claims.jsonl"
            cmd = [sys.executable, "-m", "claimtrack", "ingest", str(feed), "--jobs", str(jobs), "-q"]
            t0 = time.perf_counter()
            proc = subprocess.run([*cmd, "--store", str(store)], capture_output=True, text=True)
            wall = time.perf_counter() - t0
            if proc.returncode != 0:
                sys.exit(f"ingest --jobs {jobs} failed: {proc.stderr[-2000:]}")
            rates[jobs] = n_words / wall
            stores[jobs] = store.read_bytes()
            n_claims = stores[jobs].count(b"\n")
            print(
                f"claimtrack ingest --jobs {jobs} (end to end): {rates[jobs]:,.0f} words/s, {wall:.1f} s, "
                f"{n_claims:,} claims, {rates[jobs] / bare:.2f}x bare"
            )
        if len(stores) > 1:
            same = len({v for v in stores.values()}) == 1
            print(f"stores identical across job counts: {same}")
    if 1 in rates and 2 in rates:
        print(f"--jobs 2 / --jobs 1: {rates[2] / rates[1]:.2f}x")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
