"""Attribution benchmark on PolNeAR-format news: source / cue / content spans.

Runs claimtrack's extractor on every article of GOLD (a PolNeAR JSONL file,
e.g. ../shared/eval/polnear-dev.jsonl), writes the predicted attributions in
the same schema (to --out when given), and prints the figures of
score_attributions.py (found beside GOLD unless --scorer says otherwise).

The texts are read at run time and never copied: PolNeAR is for research use only.

Usage:
    python benchmarks/attribution_polnear.py GOLD [--out PRED.jsonl] [--limit N] [--scorer PATH]
        [--mode all] [--attribution combined|combined-model|rules|model] [--no-boundaries]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimtrack.furniture import blank, find_furniture
from claimtrack.pipeline import CLAIMS_KEY, load_nlp


def attributions(doc) -> list[dict]:  # type: ignore[no-untyped-def]
    """One attribution per cue: the content pieces of every claim it introduces, its source and cue."""
    groups: dict[int, dict] = {}
    for span in doc.spans[CLAIMS_KEY]:
        cue = span._.ct_cue
        if cue is None:
            continue  # the author's own claims are not attributions
        att = groups.setdefault(cue.start, {"source": [], "cue": [[cue.start_char, cue.end_char]], "content": []})
        for piece in span._.ct_pieces or [span]:
            att["content"].append([piece.start_char, piece.end_char])
        source = span._.ct_source
        if source is not None and not att["source"]:
            att["source"] = [[source.start_char, source.end_char]]
    out = []
    for i, att in enumerate(sorted(groups.values(), key=lambda a: a["content"][0][0])):
        att["content"] = _merge(att["content"])
        att["id"] = f"P{i + 1}"
        out.append(att)
    return out


def _merge(spans: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--out", type=Path, help="write the predictions here (default: a temporary file)")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--scorer", type=Path, help="score_attributions.py (default: beside GOLD)")
    ap.add_argument("--mode", default="overlap", help="scorer mode: all, strict, overlap, proportional")
    ap.add_argument("--json", type=Path, help="also write the scorer's figures here (JSON)")
    ap.add_argument(
        "--attribution",
        default="combined",
        choices=("combined", "combined-model", "rules", "model"),
        help="the learned tagger combined with the rules (default: the rules where both found an attribution; "
        "combined-model: the tagger there), the rules alone, or the tagger alone",
    )
    ap.add_argument(
        "--no-boundaries", action="store_true", help="keep the contents as found (no content-boundary stage)"
    )
    args = ap.parse_args()
    scorer = args.scorer or args.gold.parent / "score_attributions.py"
    if not scorer.exists():
        ap.error(f"{scorer}: no scorer there; pass --scorer")
    docs = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        docs = docs[: args.limit]
    nlp = load_nlp()
    nlp.get_pipe("claimtrack_attribution").mode = args.attribution
    nlp.get_pipe("claimtrack_attribution").boundaries = not args.no_boundaries
    t0 = time.perf_counter()
    texts = [blank(d["text"], find_furniture(d["text"])) for d in docs]
    preds = []
    n_words = 0
    for d, doc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
        n_words += len(doc)
        preds.append({"doc_id": d["doc_id"], "attributions": attributions(doc)})
    elapsed = time.perf_counter() - t0
    out = args.out or Path(tempfile.mkdtemp()) / "pred.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p) + "\n")
    n_att = sum(len(p["attributions"]) for p in preds)
    print(
        f"{len(docs)} articles, {n_words} tokens, {n_att} predicted attributions in {elapsed:.1f} s "
        f"({n_words / elapsed:.0f} tokens/s); predictions: {out}",
        file=sys.stderr,
    )
    gold = args.gold
    if args.limit:
        # score against the articles read, not the whole file
        gold = out.with_name(out.stem + ".gold.jsonl")
        gold.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    cmd = [sys.executable, str(scorer), str(gold), str(out), "--mode", args.mode]
    if args.json:
        cmd += ["--json", str(args.json)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
