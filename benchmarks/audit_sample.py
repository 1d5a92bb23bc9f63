"""Draw a random sample of contradiction records for a person to judge, and score judged samples.

    python benchmarks/audit_sample.py draw STORE N --seed S > sample.txt    # what a judge reads (texts: keep local)
    python benchmarks/audit_sample.py score benchmarks/audits/libya.tsv     # precision of a judged sample
    python benchmarks/audit_sample.py carry c.jsonl x.jsonl benchmarks/audits/libya-*.tsv > new.tsv
        # every record of x.jsonl (`contradictions --format jsonl`) with the verdict judged before for the
        # same claims (same record id, else the same articles and overlapping offsets on both sides), "?" if none

A judged sample is a TSV kept in the repository without article texts: the record's id and
type, the article ids and character offsets of both sides (so the judgement can be matched to
a later extraction), the verdict (yes: a defensible contradiction, same actor, same event or
state, incompatible; no: not) and a one-line reason.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

COLUMNS = [
    "record",
    "type",
    "confidence",
    "earlier_article",
    "earlier_start",
    "earlier_end",
    "later_article",
    "later_start",
    "later_end",
    "verdict",
    "reason",
]


def _load(store: Path) -> tuple[list[dict], dict[str, dict]]:
    from claimtrack.contradictions import find_contradictions, takes_part
    from claimtrack.store import Store

    claims = [c for c in Store(store).claims() if takes_part(c)]
    by_id = {c.id: c for c in claims}
    records = [r.model_dump() for r in find_contradictions(claims)]
    return records, by_id


def draw(store: Path, n: int, seed: int) -> None:
    records, claims = _load(store)
    rng = random.Random(seed)
    sample = rng.sample(records, min(n, len(records)))
    print(f"# {len(sample)} of {len(records)} records, seed {seed}; judge each: yes/no and a one-line reason")
    print("\t".join(COLUMNS))
    for r in sample:
        e = claims[r["earlier"]]
        l0 = claims[r["evidence"][0]["claim"]]
        print(
            "\t".join(
                map(
                    str,
                    [
                        r["id"],
                        r["type"],
                        r["confidence"],
                        e.article.id,
                        e.span.start,
                        e.span.end,
                        l0.article.id,
                        l0.span.start,
                        l0.span.end,
                        "?",
                        "?",
                    ],
                )
            )
        )
    print()
    for r in sample:
        e = claims[r["earlier"]]
        print(f"== {r['id']} {r['type']} confidence {r['confidence']}")
        print(f"   why: {r['explanation']}")
        print(f"   EARLIER {e.article.published} {e.speaker.name!r}: {e.text!r}")
        print(f"           sentence: {e.sentence.text!r}")
        for lid in [e["claim"] for e in r["evidence"]]:
            c = claims[lid]
            print(f"   LATER   {c.article.published} {c.speaker.name!r}: {c.text!r}")
            print(f"           sentence: {c.sentence.text!r}")
        print()


def _judged(paths: list[Path]) -> list[list[str]]:
    """The judged rows of audit files, in order (comments, the header and unjudged rows left out)."""
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            r = line.split("\t")
            if not line.startswith("#") and len(r) >= 10 and r[9] in ("yes", "no"):
                rows.append(r)
    return rows


def carry(claims_file: Path, records_file: Path, audits: list[Path]) -> None:
    claims = {c["id"]: c for c in map(json.loads, claims_file.read_text(encoding="utf-8").splitlines())}
    rows = _judged(audits)
    by_id: dict[str, list[str]] = {}
    for r in rows:
        by_id.setdefault(r[0], r)  # the first audit named wins

    def overlaps(a: str, b: str, c: str, d: str) -> bool:
        return max(int(a), int(c)) < min(int(b), int(d))

    print("\t".join(COLUMNS))
    for line in records_file.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        e, l0 = claims[r["earlier"]], claims[r["evidence"][0]["claim"]]
        key = [r["id"], r["type"], str(r["confidence"])]
        for c in (e, l0):
            key += [c["article"]["id"], str(c["span"]["start"]), str(c["span"]["end"])]
        hit = by_id.get(r["id"]) or next(
            (
                a
                for a in rows
                if a[3] == key[3]
                and a[6] == key[6]
                and overlaps(a[4], a[5], key[4], key[5])
                and overlaps(a[7], a[8], key[7], key[8])
            ),
            None,
        )
        print("\t".join(key + ((hit + [""])[9:11] if hit else ["?", "?"])))


def score(path: Path) -> None:
    judged = _judged([path])
    yes = sum(r[9] == "yes" for r in judged)
    print(f"{path}: {yes}/{len(judged)} defensible ({yes / max(1, len(judged)):.0%})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("store", type=Path)
    d.add_argument("n", type=int)
    d.add_argument("--seed", type=int, default=2011)
    c = sub.add_parser("carry")
    c.add_argument("claims", type=Path)
    c.add_argument("records", type=Path)
    c.add_argument("audits", type=Path, nargs="+")
    s = sub.add_parser("score")
    s.add_argument("files", type=Path, nargs="+")
    args = ap.parse_args()
    if args.cmd == "draw":
        draw(args.store, args.n, args.seed)
    elif args.cmd == "carry":
        carry(args.claims, args.records, args.audits)
    else:
        for f in args.files:
            score(f)
    sys.exit(0)


if __name__ == "__main__":
    main()
