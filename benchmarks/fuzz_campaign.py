"""Fuzz campaign: batches of hostile and broken inputs mixed with good articles, through the real CLI.

Each batch is one `claimtrack ingest FOLDER FEED.jsonl` run over generated inputs of
the kinds issue 10 found (date typos, names too long for a sidecar, cut-off UTF-16,
lone surrogates and deep nesting in JSON Lines, names that are not UTF-8, nested
parentheses, YAML alias bombs, random junk) and more (binary, markup and escapes,
huge metadata, broken sidecars, mutated articles, long runs without spaces), plus
good BBC articles from ../shared/corpus. Prints: inputs, tracebacks, runs over 60 s,
good articles missing from the store, junk stored as articles, errors that do not
name their input.

Usage:
    nice -n 10 python benchmarks/fuzz_campaign.py [--batches 20] [--per-batch 52] [--seed 10]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from claimtrack.store import Store  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "bbc-news-2225.jsonl"
ESCAPES = ["\x1b[2J", "\x1b]0;title\x07", "\x1b]8;;http://evil.example\x1b\\x\x1b]8;;\x1b\\", "\x9b31m", "\u202e"]
MARKUP = ["[/]", "[bold]", "[link=http://evil.example]x[/link]", "[the Iranians]", "[red on white]"]


def _junk_text(rng: random.Random, n: int) -> str:
    return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000)])) for _ in range(n))


def make_input(kind: str, rng: random.Random, good: list[str]) -> tuple[str, bytes]:
    """A file name and its bytes."""
    text = rng.choice(good)
    if kind == "random_bytes":
        return "bytes.txt", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))
    if kind == "printable_junk":
        return "junk.txt", _junk_text(rng, rng.randrange(1, 3000)).encode("utf-8")
    if kind == "consonants":
        words = ["".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(rng.randrange(2, 8))) for _ in range(300)]
        return "letters.txt", " ".join(words).encode()
    if kind == "date_typo":
        date = rng.choice(["2024-02-30", "2023-13-01", "2024-00-10", "20244-01-01", "yesterday", "2024/31/12", "0"])
        return "typo.txt", f"---\npublished: {date}\n---\n{text}".encode()
    if kind == "long_name":
        return "n" * rng.randrange(200, 248) + ".txt", text.encode()
    if kind == "utf16_cut":
        data = text.encode(rng.choice(["utf-16", "utf-16-le", "utf-32"]))
        return "utf16.txt", data[: rng.randrange(1, len(data))]
    if kind == "odd_name":
        return "caf\udce9-\udcff.txt", text.encode()
    if kind == "parens":
        n = rng.randrange(1000, 12000)
        return "parens.txt", (text[:2000] + " (" * rng.randrange(2) + "(" * n + "x" + ")" * n).encode()
    if kind == "alias_bomb":
        lines = ["a: &a [x,x,x,x,x,x,x,x,x]"] + [
            f"{c}: &{c} [{','.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ]
        return "bomb.txt", ("---\n" + "\n".join(lines) + "\nauthor: *i\n---\n" + text).encode()
    if kind == "deep_yaml":
        n = rng.randrange(30, 3000)
        return "deep.txt", ("---\ntitle: " + "[" * n + "]" * n + "\n---\n" + text).encode()
    if kind == "yaml_tags":
        tag = rng.choice(["!!python/object/apply:os.system ['echo hi']", "!!binary aGk=", "!!set {a, b}", "[1, 2]"])
        return "tags.txt", f"---\nauthor: {tag}\n---\n{text}".encode()
    if kind == "markup":
        bits = [rng.choice(ESCAPES + MARKUP) for _ in range(6)]
        name = "mk" + rng.choice(["\x1b[31m", "[bold]", "\x1b]0;t\x07", ""]) + ".txt"
        return name, f"{bits[0]}{text[:800]}{bits[1]} The minister said {bits[2]} talks failed {bits[3]}.".encode()
    if kind == "huge_meta":
        return "meta.txt", ("---\nauthor: " + "A" * rng.randrange(2001, 200000) + "\n---\n" + text).encode()
    if kind == "mutated":
        data = bytearray(text.encode())
        for _ in range(rng.randrange(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return "mutated.txt", bytes(data[: rng.randrange(1, len(data) + 1)])
    if kind == "empty_like":
        return "empty.txt", rng.choice(
            [b"", b"   \n\n", b"\xef\xbb\xbf", b"---\ntitle: x\n---\n", b"\xff\xfe", b"\n" * 500]
        )
    if kind == "nul_inside":
        return "nul.txt", text.encode()[:500] + b"\x00" * rng.randrange(1, 50) + text.encode()[500:]
    if kind == "no_spaces":
        return "run.txt", (text[:1000] + " " + "x" * rng.randrange(1000, 200000)).encode()
    if kind == "crlf_controls":
        return "crlf.txt", text.replace("\n", "\r\n").replace(" ", rng.choice([" ", "\t", "\x0b", "\x0c"]), 50).encode()
    raise ValueError(kind)


FILE_KINDS = [
    "random_bytes",
    "printable_junk",
    "consonants",
    "date_typo",
    "long_name",
    "utf16_cut",
    "odd_name",
    "parens",
    "alias_bomb",
    "deep_yaml",
    "yaml_tags",
    "markup",
    "huge_meta",
    "mutated",
    "empty_like",
    "nul_inside",
    "no_spaces",
    "crlf_controls",
]
JUNK_KINDS = {"random_bytes", "printable_junk", "consonants", "empty_like"}


def feed_line(rng: random.Random, good: list[str]) -> str:
    text = rng.choice(good)[:1500]
    kind = rng.randrange(9)
    if kind == 0:
        return json.dumps({"text": text[:300]})[:-2] + '\\ud800"}'  # a lone surrogate
    if kind == 1:
        n = rng.randrange(1000, 200000)
        return '{"text": ' + "[" * n + "]" * n + "}"
    if kind == 2:
        return json.dumps(rng.choice([[1, 2], "text", 3, None, {"title": "no text"}]))
    if kind == 3:
        return json.dumps({"text": text, "published": rng.choice(["2024-02-30", "soon", 12, [1]])})
    if kind == 4:
        return json.dumps({"text": text, "author": {"nested": ["x"] * 10}})
    if kind == 5:
        return json.dumps({"text": "".join(rng.choice(ESCAPES + MARKUP) for _ in range(20)) + text[:400]})
    if kind == 6:
        return text[: rng.randrange(1, 200)]  # not JSON
    if kind == 7:
        return json.dumps({"text": text, "title": "T" * rng.randrange(2001, 50000)})
    return json.dumps({"text": _junk_text(rng, 400)})


def write_name(folder: Path, i: int, name: str, data: bytes) -> Path:
    raw = os.fsencode(str(folder)) + b"/" + f"{i:03d}_".encode() + os.fsencode(name)
    with open(raw, "wb") as fh:
        fh.write(data)
    return Path(os.fsdecode(raw))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batches", type=int, default=20)
    ap.add_argument("--per-batch", type=int, default=52, help="fuzzed files per batch (plus 6 feed lines)")
    ap.add_argument("--good", type=int, default=4, help="good articles per batch")
    ap.add_argument("--seed", type=int, default=10)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    good_texts = [r["text"] for r in rows if 1200 < len(r["text"]) < 3000]
    work = Path(tempfile.mkdtemp(prefix="claimtrack-fuzz-"))
    totals: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    slowest = 0.0
    try:
        for b in range(args.batches):
            folder = work / f"batch{b:02d}"
            folder.mkdir()
            junk_paths: set[str] = set()
            for i in range(args.per_batch):
                kind = FILE_KINDS[(b * args.per_batch + i) % len(FILE_KINDS)]
                kinds[kind] += 1
                name, data = make_input(kind, rng, good_texts)
                path = write_name(folder, i, name, data)
                if kind in JUNK_KINDS:
                    junk_paths.add(path.name)
            goods = []
            for g in range(args.good):
                path = folder / f"good_{g}.txt"
                path.write_text(
                    rng.choice(good_texts) + f"\n\nThe editor said this is copy {b}-{g}.\n", encoding="utf-8"
                )
                goods.append(str(path))
            feed = work / f"feed{b:02d}.jsonl"
            lines = [feed_line(rng, good_texts) for _ in range(6)]
            feed.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
            kinds["feed_line"] += len(lines)
            store = work / f"store{b:02d}" / "claims.jsonl"
            t0 = time.monotonic()
            proc = subprocess.run(
                [sys.executable, "-m", "claimtrack", "ingest", str(folder), str(feed), "--store", str(store)],
                capture_output=True,
                timeout=900,
            )
            wall = time.monotonic() - t0
            slowest = max(slowest, wall)
            err = proc.stderr.decode("utf-8", "replace")
            stored = {a.path for a in Store(store).articles()} if store.exists() else set()
            errors = [ln for ln in err.splitlines() if ln.startswith("Error: ")]
            totals["inputs"] += args.per_batch + len(lines)
            totals["good_articles"] += len(goods)
            totals["good_missing"] += sum(1 for g in goods if g not in stored)
            totals["tracebacks"] += "Traceback" in err
            totals["runs_over_60s"] += wall > 60
            totals["bad_exit_codes"] += proc.returncode not in (0, 1)
            totals["raw_esc_on_stderr"] += b"\x1b" in proc.stderr
            totals["junk_stored"] += sum(1 for p in stored if Path(p).name in junk_paths)
            totals["errors_not_naming_input"] += sum(
                1 for e in errors if not (e.startswith(f"Error: {folder}") or e.startswith(f"Error: {feed}"))
            )
            totals["errors"] += len(errors)
            totals["stored"] += len(stored)
            totals["store_not_ok"] += bool(store.exists() and not Store(store).check().ok)
            print(
                f"batch {b}: {wall:.1f} s, exit {proc.returncode}, {len(errors)} errors, {len(stored)} stored",
                flush=True,
            )
        report = {**totals, "slowest_run_s": round(slowest, 1), "kinds": dict(kinds)}
        print(json.dumps(report, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
