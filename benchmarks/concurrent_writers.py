"""Two `claimtrack ingest` processes writing the same store at once, 50 articles each, 3 rounds.

Round by round: two real CLI processes start together on one fresh store, each given
the same 50 BBC articles (../shared/corpus) in a different order. Every article must be
stored once, every claim once, and the store must check clean.

Usage:
    nice -n 10 python benchmarks/concurrent_writers.py [--articles 50] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.storewriter import audit  # noqa: E402

from claimtrack.store import Store  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "bbc-news-2225.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in rows if 800 < len(r["text"]) < 2500][: args.articles]
    work = Path(tempfile.mkdtemp(prefix="claimtrack-writers-"))
    try:
        folder = work / "in"
        folder.mkdir()
        paths = []
        for i, text in enumerate(texts):
            p = folder / f"{i:03d}.txt"
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        for r in range(args.rounds):
            store = work / f"round{r}" / "claims.jsonl"
            orders = [paths, list(reversed(paths)) if r % 2 == 0 else random.Random(r).sample(paths, len(paths))]
            t0 = time.monotonic()
            procs = [
                subprocess.Popen(
                    [sys.executable, "-m", "claimtrack", "ingest", *order, "--store", str(store), "-q"],
                    stderr=subprocess.PIPE,
                )
                for order in orders
            ]
            errs = [p.communicate()[1].decode() for p in procs]
            counts = audit(store)
            print(
                f"round {r}: exits {[p.returncode for p in procs]}, {time.monotonic() - t0:.0f} s; "
                f"articles {counts['articles']}/{len(paths)}, claims {counts['claims']}, "
                f"duplicated claim ids {counts['duplicated_claim_ids']}, "
                f"duplicated articles {counts['duplicated_articles']}, "
                f"articles without their claims {counts['articles_without_their_claims']}, "
                f"claims without article {counts['claims_without_article']}, check ok {Store(store).check().ok}"
                + ("".join(f"\n  {e.strip()[:300]}" for e in errs if e.strip()))
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
