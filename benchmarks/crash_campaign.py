"""Crash campaign: `kill -9` at random moments of real `claimtrack ingest` and `--force` runs,
then the same at each named write step, each step made to fail, and a real full disk.

After every kill the store is read back (the Store's readers, as every command reads it)
and must be consistent; at the end a plain re-ingest of every article must leave exactly
one copy of everything. Prints the figures issue 10 asks for.

Articles are BBC news from ../shared/corpus (read at run time into a temporary folder).
The full-disk part mounts a small tmpfs, so it needs root; without root it is skipped and says so.

Usage:
    nice -n 10 python benchmarks/crash_campaign.py [--kills 120] [--articles 24] [--seed 10]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.storewriter import audit, read_back  # noqa: E402

from claimtrack.store import WRITE_STEPS, Store  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "bbc-news-2225.jsonl"
BAD = ("duplicated_claim_ids", "articles_without_their_claims", "claims_without_article")


def articles(folder: Path, n: int, seed: int) -> list[Path]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if 1500 < len(r["text"]) < 3500]
    random.Random(seed).shuffle(rows)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, row in enumerate(rows[:n]):
        path = folder / f"{i:03d}.txt"
        path.write_text(row["text"], encoding="utf-8")
        paths.append(path)
    return paths


def ingest(store: Path, inputs: list[str], *extra: str) -> list[str]:
    return [sys.executable, "-m", "claimtrack", "ingest", *inputs, "--store", str(store), "-q", *extra]


def run(cmd: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=600)


def consistent(store: Path) -> bool:
    seen = read_back(store)
    return all(seen[k] == 0 for k in BAD)


def feed(path: Path, n: int) -> Path:
    """A JSON Lines feed of ``n`` one-sentence articles: extraction is short, so writes are a larger share of a run."""
    said = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        for sentence in json.loads(line)["text"].split(". "):
            if " said" in sentence and 60 < len(sentence) < 200:
                said.append(sentence.strip() + ".")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in dict.fromkeys(said[:n])), encoding="utf-8")
    return path


def final_check(store: Path, folder: Path) -> dict[str, object]:
    done = run(ingest(store, [str(folder)]))
    counts = audit(store)
    counts["final_ingest_exit"] = done.returncode
    counts["check_ok"] = Store(store).check().ok
    return counts


def random_kills(work: Path, folder: Path, kills: int, rng: random.Random) -> dict[str, object]:
    """Kill runs at random moments; ``folder`` is a folder of articles or one feed file."""
    paths = sorted(str(p) for p in folder.iterdir()) if folder.is_dir() else [str(folder)]
    t0 = time.monotonic()
    full = run(ingest(work / "timing" / "claims.jsonl", paths))
    span = time.monotonic() - t0
    assert full.returncode == 0, full.stderr
    stats = {"kills": 0, "force_kills": 0, "unreadable_after_kill": 0, "journal_left": 0, "uncommitted_tail": 0}
    stores: list[Path] = []
    for i in range(kills):
        if i % 10 == 0:  # a fresh store every ten runs, so that plain ingests keep writing
            stores.append(work / f"random-{folder.name}-{i:03d}" / "claims.jsonl")
        store = stores[-1]
        force = i % 2 == 1
        inputs = rng.sample(paths, k=max(1, len(paths) // 3)) if force and len(paths) > 1 else paths
        proc = subprocess.Popen(
            ingest(store, inputs, *(["--force"] if force else [])),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, span * (0.6 if force else 1.0)))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            stats["kills"] += 1
            stats["force_kills"] += force
        proc.wait()
        try:
            ok = consistent(store) if store.exists() else True
        except Exception:  # noqa: BLE001 - counted: a reader that cannot read is the failure measured
            ok = False
        stats["unreadable_after_kill"] += not ok
        raw = audit(store) if store.exists() else {}
        stats["journal_left"] += bool(raw.get("journal"))
        stats["uncommitted_tail"] += bool(raw.get("claims_without_article"))
    stats["run_seconds"] = round(span, 1)
    finals = [final_check(store, folder) for store in stores]
    stats["final"] = {
        "stores": len(finals),
        **{k: sum(int(f[k]) for f in finals) for k in (*BAD, "duplicated_articles", "bad_lines")},
        "articles_per_store": sorted({int(f["articles"]) for f in finals}),
        "journals_left": sum(bool(f["journal"]) for f in finals),
        "all_checks_ok": all(f["check_ok"] for f in finals),
        "final_ingest_exits": sorted({int(f["final_ingest_exit"]) for f in finals}),
    }
    return stats


def step_kills(work: Path, folder: Path) -> dict[str, object]:
    paths = sorted(str(p) for p in folder.iterdir())
    out: dict[str, object] = {}
    for force in (False, True):
        for step in WRITE_STEPS:
            store = work / f"step-{step}-{force}" / "claims.jsonl"
            run(ingest(store, paths[:3]))
            killed = run(ingest(store, paths[:6], *(["--force"] if force else [])), env={"CLAIMTRACK_CRASH_AT": step})
            if killed.returncode != -signal.SIGKILL:
                continue  # this step is not on this kind of write
            ok = consistent(store)
            final = final_check(store, folder)
            out[f"{'force' if force else 'ingest'}@{step}"] = ok and all(final[k] == 0 for k in BAD)
    return out


def step_faults(work: Path, folder: Path) -> dict[str, object]:
    paths = sorted(str(p) for p in folder.iterdir())
    out: dict[str, object] = {}
    for force in (False, True):
        for step in WRITE_STEPS:
            store = work / f"fault-{step}-{force}" / "claims.jsonl"
            run(ingest(store, paths[:3]))
            failed = run(ingest(store, paths[:6], *(["--force"] if force else [])), env={"CLAIMTRACK_FAULT_AT": step})
            lines = [ln for ln in failed.stderr.splitlines() if ln.startswith("Error:")]
            clear = failed.returncode in (0, 1) and "Traceback" not in failed.stderr
            ok = consistent(store)
            final = final_check(store, folder)
            out[f"{'force' if force else 'ingest'}@{step}"] = {
                "exit": failed.returncode,
                "errors": len(lines),
                "ok": clear and ok and all(final[k] == 0 for k in BAD),
            }
    return out


def full_disk(work: Path, folder: Path) -> dict[str, object]:
    mnt = work / "disk"
    mnt.mkdir()
    if os.geteuid() != 0 or run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(mnt)]).returncode:
        return {"skipped": "mounting a tmpfs needs root"}
    try:
        store = mnt / "claims.jsonl"
        full = run(ingest(store, [str(folder)]))
        errors = [ln for ln in full.stderr.splitlines() if ln.startswith("Error:")]
        result: dict[str, object] = {
            "exit": full.returncode,
            "failed_articles": len(errors),
            "message": errors[0][:160] if errors else None,
            "consistent_when_full": consistent(store),
            "traceback": "Traceback" in full.stderr,
        }
        run(["mount", "-o", "remount,size=16m", str(mnt)])
        result["final"] = final_check(store, folder)
        return result
    finally:
        run(["umount", str(mnt)])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=120)
    ap.add_argument("--feed-kills", type=int, default=40, help="random kills of runs on a feed of short articles")
    ap.add_argument("--articles", type=int, default=24)
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--random-only", action="store_true", help="only the random kills (e.g. on an older claimtrack)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="claimtrack-crash-"))
    try:
        folder = work / "articles"
        articles(folder, args.articles, args.seed)
        t0 = time.monotonic()
        report: dict[str, object] = {"random_kill_9": random_kills(work, folder, args.kills, rng)}
        if args.feed_kills:
            short = feed(work / "feed" / "short.jsonl", 300)
            report["random_kill_9_short_articles"] = random_kills(work, short, args.feed_kills, rng)
        if not args.random_only:
            report["kill_9_at_each_step"] = step_kills(work, folder)
            report["fault_at_each_step"] = step_faults(work, folder)
            report["full_disk"] = full_disk(work, folder)
        report["seconds"] = round(time.monotonic() - t0)
        print(json.dumps(report, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
