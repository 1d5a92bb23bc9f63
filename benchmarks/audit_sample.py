"""Draw a random sample of contradiction records for a person to judge, and score judged samples.

    python benchmarks/audit_sample.py draw STORE N --seed S > sample.txt    # what a judge reads (texts: keep local)
    python benchmarks/audit_sample.py score benchmarks/audits/libya.tsv     # precision of a judged sample

A judged sample is a TSV kept in the repository without article texts: the record's id and
type, the article ids and character offsets of both sides (so the judgement can be matched to
a later extraction), the verdict (yes: a defensible contradiction, same actor, same event or
state, incompatible; no: not) and a one-line reason.
"""

from __future__ import annotations

import argparse
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


def score(path: Path) -> None:
    rows = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#") and not line.startswith("record\t")
    ]
    judged = [r for r in rows if len(r) >= 10 and r[9] in ("yes", "no")]
    yes = sum(r[9] == "yes" for r in judged)
    print(f"{path}: {yes}/{len(judged)} defensible ({yes / max(1, len(judged)):.0%})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("store", type=Path)
    d.add_argument("n", type=int)
    d.add_argument("--seed", type=int, default=2011)
    s = sub.add_parser("score")
    s.add_argument("files", type=Path, nargs="+")
    args = ap.parse_args()
    if args.cmd == "draw":
        draw(args.store, args.n, args.seed)
    else:
        for f in args.files:
            score(f)
    sys.exit(0)


if __name__ == "__main__":
    main()
