"""Fit the content-boundary scorers (``pipeline/boundaries.py``) on PolNeAR train.

1. Parse PolNeAR train and dev with the bundled pipeline (cue finder and role
   tagger included) and keep, per article, the attributions the rules and the
   tagger give, combined as the shipped pipeline combines them
   (cached in ``training/corpus/boundaries-{split}.{spacy,json}``, ignored by git).
2. Pair each combined attribution with the gold attribution whose content it
   overlaps most (character Jaccard, one-to-one, as the scorer pairs them), and
   make two examples of it: which candidate is the gold content's first token,
   and which its last.
3. Fit a conditional logit per edge (softmax over the candidates, L2 penalty,
   Adam on the whole batch) and write the weights to
   ``src/claimtrack/pipeline/resources/boundaries.json``.
4. Score the pipeline on dev with and without the stage (``--eval``).

The texts are read from ``../shared/eval`` at run time and never copied.

    nice -n 5 python training/fit_boundaries.py --eval ../shared/eval
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import sys
import types
from pathlib import Path

import numpy
from spacy.tokens import Doc, DocBin

from claimtrack.furniture import blank, find_furniture
from claimtrack.pipeline import CUES_KEY, QUOTES_KEY, load_nlp
from claimtrack.pipeline.attribution import Attribution, find_attributions
from claimtrack.pipeline.boundaries import (
    WEIGHTS,
    BoundaryModel,
    _edges,
    _quote_state,
    end_candidates,
    end_features,
    merge_by_cue,
    redraw,
    start_candidates,
    start_features,
)
from claimtrack.pipeline.learned import attributions_from_roles, combine

ROOT = Path(__file__).resolve().parent
WINDOW = 12
END_WINDOW = 24


def _encode(a: Attribution) -> dict:
    return {
        "tok": [[p.start, p.end] for p in a.content],
        "cue": [a.cue.start, a.cue.end] if a.cue is not None else None,
        "source": [a.source.start, a.source.end] if a.source is not None else None,
        "cls": a.cue_class,
        "quoted": a.quoted,
        "title": a.title,
        "via": a.via,
        "rhetorical": a.rhetorical,
        "learned": bool(a.extra.get("learned")),
    }


def _decode(doc: Doc, a: dict) -> Attribution:
    return Attribution(
        [doc[s:e] for s, e in a["tok"]],
        doc[a["cue"][0] : a["cue"][1]] if a["cue"] else None,
        a["cls"],
        doc[a["source"][0] : a["source"][1]] if a["source"] else None,
        quoted=a["quoted"],
        via=a["via"],
        rhetorical=a["rhetorical"],
        title=a["title"],
        extra={"learned": True} if a["learned"] else {},
    )


def parsed(split: str, data: Path, nlp) -> tuple[list[dict], list[Doc], list[dict]]:  # type: ignore[no-untyped-def]
    """Gold articles, parsed docs and the rules' and tagger's attributions of one split (cached)."""
    gold = [json.loads(line) for line in (data / f"polnear-{split}.jsonl").read_text("utf-8").splitlines() if line]
    cache = ROOT / "corpus" / f"boundaries-{split}"
    if not cache.with_suffix(".json").exists():
        cache.parent.mkdir(exist_ok=True)
        bin_, records = DocBin(store_user_data=True), []
        texts = [blank(d["text"], find_furniture(d["text"])) for d in gold]
        with nlp.select_pipes(disable=["claimtrack_attribution", "claimtrack_speakers", "claimtrack_semantics"]):
            for d, doc in zip(gold, nlp.pipe(texts, batch_size=16), strict=True):
                quotes = list(doc.spans.get(QUOTES_KEY, []))
                rules = find_attributions(doc, quotes, list(doc.spans.get(CUES_KEY, [])))
                learned = attributions_from_roles(doc, doc._.ct_roles, quotes)
                records.append(
                    {
                        "doc_id": d["doc_id"],
                        "rules": [_encode(a) for a in rules],
                        "learned": [_encode(a) for a in learned],
                    }
                )
                bin_.add(doc)
        bin_.to_disk(cache.with_suffix(".spacy"))
        cache.with_suffix(".json").write_text(json.dumps(records), encoding="utf-8")
    docs = list(DocBin().from_disk(cache.with_suffix(".spacy")).get_docs(nlp.vocab))
    records = json.loads(cache.with_suffix(".json").read_text(encoding="utf-8"))
    return gold, docs, records


def combined(doc: Doc, record: dict) -> list[Attribution]:
    return combine([_decode(doc, a) for a in record["rules"]], [_decode(doc, a) for a in record["learned"]])


def _chars(text: str, spans) -> frozenset[int]:  # type: ignore[no-untyped-def]
    return frozenset(i for s, e in spans for i in range(s, e) if not text[i].isspace())


def pairs(doc: Doc, gold: dict, atts: list[Attribution]) -> list[tuple[Attribution, int, int]]:
    """(prediction, gold first token, gold last token) for each prediction paired with a gold content."""
    text = gold["text"]
    gsets = [_chars(text, g["content"]) for g in gold["attributions"]]
    cands = []
    for pi, a in enumerate(atts):
        p = _chars(text, [[s.start_char, s.end_char] for s in a.content])
        for gi, g in enumerate(gsets):
            k = len(p & g)
            if k:
                cands.append((k / len(p | g), pi, gi))
    used_p, used_g, out = set(), set(), []
    for _, pi, gi in sorted(cands, reverse=True):
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        first, last = min(gsets[gi]), max(gsets[gi])
        start = doc.char_span(first, first + 1, alignment_mode="expand")
        end = doc.char_span(last, last + 1, alignment_mode="expand")
        if start is not None and end is not None:
            out.append((atts[pi], start.start, end.end - 1))
    return out


class Examples:
    """Candidate feature lists of many choices, and which candidate was right in each."""

    def __init__(self) -> None:
        self.choices: list[tuple[list[list[str]], int]] = []

    def add(self, feats: list[list[str]], gold: int) -> None:
        self.choices.append((feats, gold))


def collect(
    docs: list[Doc], golds: list[dict], records: list[dict], window: int = WINDOW, end_window: int = END_WINDOW
) -> tuple[Examples, Examples, collections.Counter]:
    starts, ends, stats = Examples(), Examples(), collections.Counter()
    for doc, gold, record in zip(docs, golds, records, strict=True):
        quoted = _quote_state(doc)
        for att, gs, ge in pairs(doc, gold, merge_by_cue(combined(doc, record))):
            if att.cue is None:
                continue
            left, right = _edges(att)
            s0, e0 = att.content[0].start, att.content[-1].end - 1
            cands = start_candidates(doc, att, window)
            stats["pairs"] += 1
            stats["start_ok"] += s0 == gs
            stats["end_ok"] += e0 == ge
            if gs in cands:
                stats["start_reachable"] += 1
                starts.add([start_features(doc, att, i, s0, left, quoted) for i in cands], cands.index(gs))
            ecands = end_candidates(doc, att, end_window, gs if gs in cands else s0)
            if ge in ecands:
                stats["end_reachable"] += 1
                ends.add([end_features(doc, att, i, e0, right, quoted) for i in ecands], ecands.index(ge))
    return starts, ends, stats


def fit(examples: Examples, l2: float, steps: int, min_count: int = 2) -> dict[str, float]:
    """Conditional logit: P(candidate) = softmax(sum of its features' weights), fitted by Adam."""
    counts = collections.Counter(f for feats, _ in examples.choices for c in feats for f in set(c))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    feat_idx, cand_of, choice_of, gold_cand = [], [], [], []
    n_cand = 0
    for k, (feats, gold) in enumerate(examples.choices):
        for j, c in enumerate(feats):
            ids = sorted({vocab[f] for f in c if f in vocab})
            feat_idx += ids
            cand_of += [n_cand] * len(ids)
            choice_of.append(k)
            if j == gold:
                gold_cand.append(n_cand)
            n_cand += 1
    fi, co = numpy.array(feat_idx), numpy.array(cand_of)
    ch, gc = numpy.array(choice_of), numpy.array(gold_cand)
    n_choices = len(examples.choices)
    w = numpy.zeros(len(vocab))
    m, v = numpy.zeros_like(w), numpy.zeros_like(w)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, steps + 1):
        s = numpy.bincount(co, weights=w[fi], minlength=n_cand)
        mx = numpy.full(n_choices, -numpy.inf)
        numpy.maximum.at(mx, ch, s)
        e = numpy.exp(s - mx[ch])
        z = numpy.bincount(ch, weights=e, minlength=n_choices)
        p = e / z[ch]
        g_c = p.copy()
        g_c[gc] -= 1.0
        grad = numpy.bincount(fi, weights=g_c[co], minlength=len(vocab)) / n_choices + l2 * w
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad**2
        w -= lr * (m / (1 - b1**t)) / (numpy.sqrt(v / (1 - b2**t)) + 1e-8)
        if t % 50 == 0 or t == steps:
            loss = -numpy.log(p[gc] + 1e-12).mean()
            acc = (s[gc] >= mx).mean()
            print(f"  step {t}: loss {loss:.4f}, accuracy {acc:.4f}", file=sys.stderr)
    names = sorted(vocab, key=vocab.__getitem__)
    return {f: round(float(x), 4) for f, x in zip(names, w, strict=True) if abs(x) >= 1e-3}


def _scorer(data: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_attributions", data / "score_attributions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _as_pred(atts: list[Attribution]) -> list[dict]:
    groups: dict[int, dict] = {}
    for a in atts:
        if a.cue is None:
            continue
        g = groups.setdefault(a.cue.start, {"source": [], "cue": [[a.cue.start_char, a.cue.end_char]], "content": []})
        g["content"] += [[p.start_char, p.end_char] for p in a.content]
        if a.source is not None and not g["source"]:
            g["source"] = [[a.source.start_char, a.source.end_char]]
    return list(groups.values())


def evaluate(data: Path, split: str, nlp, model: BoundaryModel | None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Strict and overlap figures of the combined attributions on ``split``, with the stage when ``model``."""
    golds, docs, records = parsed(split, data, nlp)
    preds = {}
    for doc, gold, record in zip(docs, golds, records, strict=True):
        atts = combined(doc, record)
        if model is not None:
            atts = redraw(doc, atts, model)
        preds[gold["doc_id"]] = {"doc_id": gold["doc_id"], "attributions": _as_pred(atts)}
    scorer = _scorer(data)
    args = types.SimpleNamespace(
        modes=("strict", "overlap"), ignore_punct=False, keep_discarded=False, by=None, verbose=False
    )
    res = scorer.score(collections.OrderedDict((g["doc_id"], g) for g in golds), preds, args)["overall"]
    return {
        f"{mode} {k}": round(res[mode][k]["f1"], 4)
        for mode in ("strict", "overlap")
        for k in ("content", "joint", "source|content", "cue|content")
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared" / "eval")
    ap.add_argument("--eval", action="store_true", help="score on dev, with and without the stage")
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--window", type=int, default=WINDOW, help="tokens either side of the first token")
    ap.add_argument("--end-window", type=int, default=END_WINDOW, help="tokens either side of the last token")
    args = ap.parse_args()
    nlp = load_nlp()
    golds, docs, records = parsed("train", args.data, nlp)
    starts, ends, stats = collect(docs, golds, records, args.window, args.end_window)
    print(f"train: {dict(stats)}", file=sys.stderr)
    print(f"start: {len(starts.choices)} choices", file=sys.stderr)
    w_start = fit(starts, args.l2, args.steps)
    print(f"end: {len(ends.choices)} choices", file=sys.stderr)
    w_end = fit(ends, args.l2, args.steps)
    meta: dict[str, object] = {
        "what": "content-boundary scorers of claimtrack.pipeline.boundaries (conditional logit, feature -> weight)",
        "data": "PolNeAR v1.0.0 train (networkdynamics/PolNeAR at c3eee83): 840 articles; research use, "
        "cite Newell, Margolin and Ruths, LREC 2018",
        "licence": "research use only, like the data the weights were learnt from (PolNeAR states no licence)",
        "fitted_by": f"training/fit_boundaries.py --l2 {args.l2} --steps {args.steps} "
        f"--window {args.window} --end-window {args.end_window}",
        "train_pairs": dict(stats),
    }
    model = BoundaryModel(w_start, w_end, args.window, args.end_window)
    if args.eval:
        meta["dev_without"] = evaluate(args.data, "dev", nlp, None)
        meta["dev_with"] = evaluate(args.data, "dev", nlp, model)
        print(json.dumps({k: meta[k] for k in ("dev_without", "dev_with")}, indent=1), file=sys.stderr)
    payload = {"meta": meta, "window": args.window, "end_window": args.end_window, "start": w_start, "end": w_end}
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(w_start)} + {len(w_end)} weights", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
