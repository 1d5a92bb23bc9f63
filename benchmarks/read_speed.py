"""Reading speed as the store grows: `claims --format jsonl` against bare json.loads, and `--help`.

Generates a store of N claims (the generator of contradictions_scale.py), then
times, in the same run and each as a real subprocess, ``claimtrack claims
--format jsonl`` (writing to /dev/null) and a bare Python that only calls
``json.loads`` on every line of the store; and ``claimtrack --help``
(the best of five). Figures depend on the machine's load: it is printed.

Usage:
    python benchmarks/read_speed.py [--claims 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from contradictions_scale import generate  # noqa: E402  (the benchmark beside this one)

BARE = "import json, sys\nfor line in open(sys.argv[1], 'rb'):\n    json.loads(line)\n"


def best(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    exe = Path(sys.executable).with_name("claimtrack")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "claims.jsonl"
        store.write_text("".join(line + "\n" for line in generate(args.claims)), encoding="utf-8")
        bare = best([sys.executable, "-c", BARE, str(store)], args.repeat)
        # a store written by hand: every line is validated as it is read
        unverified = best([str(exe), "claims", "--store", str(store), "--format", "jsonl"], args.repeat)
        # what the next ingest does first: check the whole store once under the lock, which notes it valid
        from claimtrack.store import Store

        Store(store).prepare()
        claims = best([str(exe), "claims", "--store", str(store), "--format", "jsonl"], args.repeat)
        print(f"{args.claims:,} claims ({store.stat().st_size / 1e6:.0f} MB)")
        print(f"bare json.loads over the lines: {bare:.2f} s")
        print(
            f"claimtrack claims --format jsonl, store as claimtrack left it: {claims:.2f} s = {claims / bare:.2f}x bare"
        )
        print(f"claims --format jsonl, a store edited by hand: {unverified:.2f} s = {unverified / bare:.2f}x bare")
    helps = best([str(exe), "--help"], 5)
    print(f"claimtrack --help: {helps:.3f} s (best of 5)")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
