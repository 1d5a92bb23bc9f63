"""Fit the confidence weights of contradiction records to judged samples.

    python training/fit_confidence.py --audit benchmarks/audits/libya.tsv build/libya/claims.jsonl \\
                                      --audit benchmarks/audits/egypt.tsv build/egypt/claims.jsonl

Each audit is a TSV written with ``benchmarks/audit_sample.py`` (record ids, offsets of both
sides, a yes/no verdict); the store is the one its records were drawn from (built by
``claimtrack ingest`` from the feed the audit names). The records are found again in the store
(by id, or by the article and offsets of both sides when the extraction has changed since),
described by ``claimtrack.ranking.features``, and a logistic regression with an L2 penalty is
fitted to the verdicts by Newton's method. Five-fold cross-validation reports how well the
score ranks unseen records, and the table of precision by score says what ``--min-confidence``
buys. The weights and that report go to ``src/claimtrack/pipeline/resources/confidence.json``.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np

from claimtrack.contradictions import find_contradictions, takes_part
from claimtrack.ranking import features
from claimtrack.store import Store

OUT = Path(__file__).resolve().parent.parent / "src" / "claimtrack" / "pipeline" / "resources" / "confidence.json"
L2 = 1.0


def _rows(path: Path) -> list[list[str]]:
    return [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#") and not line.startswith("record\t")
    ]


def examples(audit: Path, store: Path) -> list[tuple[dict[str, float], int, str]]:
    claims = [c for c in Store(store).claims() if takes_part(c)]
    by_id = {c.id: c for c in claims}
    records = find_contradictions(claims, ranked=False)
    by_record = {r.id: r for r in records}
    by_sides = {}
    for r in records:
        e = by_id[r.earlier]
        for lid in {*r.later[:1], *(ev.claim for ev in r.evidence)}:  # the audit names the first quoted one
            lc = by_id[lid]
            by_sides[(e.article.id, e.span.start, lc.article.id, lc.span.start)] = r
    out = []
    for row in _rows(audit):
        if len(row) < 10 or row[9] not in ("yes", "no"):
            continue
        rec = by_record.get(row[0]) or by_sides.get((row[3], int(row[4]), row[6], int(row[7])))
        if rec is None:
            continue  # the record is no longer made: it cannot teach the weights anything
        out.append((features(rec, by_id), int(row[9] == "yes"), rec.id))
    return out


def fit(X: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    w = np.zeros(X.shape[1])
    penalty = np.full(X.shape[1], l2)
    penalty[0] = 1e-3  # the bias is hardly penalised
    for _ in range(50):
        p = 1 / (1 + np.exp(-X @ w))
        grad = X.T @ (p - y) + penalty * w
        hess = (X.T * (p * (1 - p))) @ X + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    pos, neg = scores[y == 1], scores[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--audit", nargs=2, action="append", metavar=("TSV", "STORE"), required=True)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    data = []
    sources = []
    seen: set[str] = set()
    for tsv, store in args.audit:
        # a record judged in more than one audit counts once, with the verdict of the audit listed first
        found = [e for e in examples(Path(tsv), Path(store)) if e[2] not in seen]
        seen.update(e[2] for e in found)
        sources.append({"audit": tsv, "store": store, "matched": len(found), "defensible": sum(y for _, y, _ in found)})
        data.extend(found)
    names = sorted({k for f, _, _ in data for k in f}, key=lambda k: (k != "bias", k))
    X = np.array([[f.get(k, 0.0) for k in names] for f, _, _ in data])
    y = np.array([label for _, label, _ in data], dtype=float)
    order = list(range(len(y)))
    random.Random(7).shuffle(order)
    folds = [order[i::5] for i in range(5)]
    cv = np.zeros(len(y))
    for held in folds:
        train = [i for i in order if i not in set(held)]
        w = fit(X[train], y[train])
        cv[held] = 1 / (1 + np.exp(-X[held] @ w))
    w = fit(X, y)
    table = []
    for threshold in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        kept = cv >= threshold
        table.append(
            {
                "min_confidence": threshold,
                "records": int(kept.sum()),
                "precision": round(float(y[kept].mean()), 3) if kept.any() else None,
            }
        )
    report = {
        "weights": {k: round(float(v), 4) for k, v in zip(names, w, strict=True)},
        "method": "logistic regression, L2 penalty 1.0, Newton's method (training/fit_confidence.py)",
        "data": sources,
        "examples": len(y),
        "defensible": int(y.sum()),
        "cross_validated_auc": round(auc(cv, y), 3),
        "precision_by_min_confidence (5-fold cross-validated scores)": table,
    }
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "weights"}, indent=1))
    print("weights:", report["weights"])


if __name__ == "__main__":
    main()
