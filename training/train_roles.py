"""Train claimtrack's attribution tagger (source / cue / content roles) on PolNeAR.

Steps: parse PolNeAR train and dev with the bundled pipeline (cached in
training/corpus/roles-*.spacy), label every token with its role (BIO, from the
gold character spans), train the ``claimtrack_roles`` tagger
(``src/claimtrack/pipeline/roles.py``) for a few epochs keeping the best on
dev, and install it in src/claimtrack/model_roles with a meta.json that
records the data, its provenance and licence, and the scores.

The PolNeAR texts are read from ../shared/eval at run time and never copied
into the repository (training/corpus/ is ignored by git).

Usage:
    python training/train_roles.py [--eval ../shared/eval] [--epochs 8] [--limit N] [--no-install]

On one core of a shared 2-core machine the parse takes about 2 minutes and an
epoch a few minutes; run it with nice in the background:

    nohup nice -n 5 .venv/bin/python training/train_roles.py > training/roles.log 2>&1 &
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGET = REPO / "src" / "claimtrack" / "model_roles"
CORPUS = HERE / "corpus"

SOURCE = {
    "name": "PolNeAR v1.0.0 (Political News Attribution Relations corpus), train split; dev split for model selection",
    "url": "https://github.com/networkdynamics/PolNeAR",
    "commit": "c3eee833c035bf7b8c84f55b58c0bf7346cfae76",
    "reference": "E. Newell, D. Margolin, D. Ruths. An attribution relations corpus for political news. LREC 2018.",
    "license": "no licence stated for the data; the article texts are the publishers' copyright, the "
    "annotations carry no stated licence: research use, cite the paper. Only the learned weights are "
    "shipped, no text.",
}


def role_labels(doc, atts) -> list[str]:  # type: ignore[no-untyped-def]
    """One BIO label per token from the gold attributions (content first, then source and cue over it)."""
    labels = ["O"] * len(doc)
    starts = [t.idx for t in doc]
    for role in ("content", "source", "cue"):
        for att in atts:
            for s, e in att.get(role) or []:
                first = True
                for tok in doc:
                    if tok.is_space:
                        continue
                    a, b = starts[tok.i], starts[tok.i] + len(tok.text)
                    if b <= s or a >= e:
                        continue
                    if min(b, e) - max(a, s) < (b - a) / 2:
                        continue
                    labels[tok.i] = ("B-" if first else "I-") + role.upper()
                    first = False
    return labels


def parse(split: str, eval_dir: Path, limit: int | None):  # type: ignore[no-untyped-def]
    """Parsed docs of a PolNeAR split, each with user_data["roles"], cached as a DocBin."""
    import spacy
    from spacy.tokens import DocBin

    from claimtrack.furniture import blank, find_furniture
    from claimtrack.pipeline import MODEL_DIR, SPLITTER
    from claimtrack.pipeline import components as _components  # noqa: F401

    cache = CORPUS / f"roles-{split}{'-' + str(limit) if limit else ''}.spacy"
    nlp = spacy.load(MODEL_DIR, exclude=["ner"])
    nlp.add_pipe(SPLITTER, before="parser")
    if cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab)), nlp
    rows = [json.loads(line) for line in (eval_dir / f"polnear-{split}.jsonl").open(encoding="utf-8")]
    if limit:
        rows = rows[:limit]
    texts = [blank(r["text"], find_furniture(r["text"])) for r in rows]
    docs = []
    t0 = time.perf_counter()
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=16), strict=True):
        doc.user_data["roles"] = role_labels(doc, row["attributions"])
        doc.user_data["doc_id"] = row["doc_id"]
        docs.append(doc)
    print(f"parsed {split}: {len(docs)} docs in {time.perf_counter() - t0:.0f} s", flush=True)
    CORPUS.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=True, docs=docs).to_disk(cache)
    return docs, nlp


def examples(docs, vocab):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc
    from spacy.training import Example

    out = []
    for doc in docs:
        ref = Doc(vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for tok, label in zip(ref, doc.user_data["roles"], strict=True):
            tok.tag_ = label
        out.append(Example(doc, ref))
    return out


def spans_of(labels: list[str]) -> set[tuple[str, int, int]]:
    """(role, start, end) token spans of a BIO sequence; an I- with no B- before it opens a span."""
    out, role, start = set(), None, 0
    for i, lab in enumerate([*labels, "O"]):
        kind = lab[2:] if lab != "O" else None
        if role is not None and (kind != role or lab.startswith("B-")):
            out.add((role, start, i))
            role = None
        if kind is not None and role is None:
            role, start = kind, i
    return out


def span_scores(nlp, egs) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Strict token-span F1 per role on ``egs`` (a quick proxy for the attribution scorer)."""
    tagger = nlp.get_pipe("claimtrack_roles")
    counts: dict[str, list[int]] = {r: [0, 0, 0] for r in ("SOURCE", "CUE", "CONTENT")}
    docs = [eg.predicted for eg in egs]
    for eg, doc in zip(egs, tagger.pipe(docs, batch_size=16), strict=True):
        gold = spans_of([t.tag_ or "O" for t in eg.reference])
        pred = spans_of(doc._.ct_roles)
        for role, c in counts.items():
            g = {s for s in gold if s[0] == role}
            p = {s for s in pred if s[0] == role}
            c[0] += len(g & p)
            c[1] += len(p)
            c[2] += len(g)
    out = {}
    for role, (tp, np_, ng) in counts.items():
        pr, rc = tp / max(np_, 1), tp / max(ng, 1)
        out[role.lower()] = round(2 * pr * rc / max(pr + rc, 1e-9), 4)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--limit", type=int, help="only the first N training articles (a quick check)")
    ap.add_argument("--width", type=int, default=96)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--lstm", type=int, default=1, help="bidirectional LSTM layers over the CNN (0: none, the v1 CNN)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--output", type=Path, default=HERE / "output" / "roles")
    ap.add_argument("--no-install", action="store_true")
    ap.add_argument(
        "--package-only", action="store_true", help="install an existing --output/model-best with its history.json"
    )
    args = ap.parse_args()
    if args.package_only:
        run = json.loads((args.output / "history.json").read_text())
        install(args.output, run, args.eval)
        return

    import spacy
    from spacy.util import fix_random_seed, minibatch
    from thinc.api import Adam

    fix_random_seed(args.seed)
    train_docs, parser_nlp = parse("train", args.eval, args.limit)
    dev_docs, _ = parse("dev", args.eval, None)
    nlp = spacy.blank("en", vocab=parser_nlp.vocab)
    tok2vec = {"width": args.width, "depth": args.depth}
    if args.lstm:
        tok2vec.update({"@architectures": "claimtrack.RoleTok2Vec.v2", "window_size": 1, "lstm_depth": args.lstm})
    config = {"model": {"tok2vec": tok2vec}}
    nlp.add_pipe("claimtrack_roles", config=config)
    train = examples(train_docs, nlp.vocab)
    dev = examples(dev_docs, nlp.vocab)
    optimizer = nlp.initialize(lambda: train, sgd=Adam(0.002))
    best, best_epoch, history = -1.0, 0, []
    rng = random.Random(args.seed)
    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        rng.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.1, losses=losses)
        with (
            nlp.select_pipes(enable=["claimtrack_roles"]),
            nlp.get_pipe("claimtrack_roles").model.use_params(optimizer.averages),
        ):
            scores = span_scores(nlp, dev)
            mean = sum(scores.values()) / 3
            if mean > best:
                best, best_epoch = mean, epoch
                (args.output / "model-best").mkdir(parents=True, exist_ok=True)
                nlp.to_disk(args.output / "model-best")
        history.append({"epoch": epoch, "loss": round(losses.get("claimtrack_roles", 0.0), 1), "dev": scores})
        print(f"epoch {epoch}: {history[-1]} ({time.perf_counter() - t0:.0f} s)", flush=True)
        run = {
            "train_articles": len(train_docs),
            "epochs": args.epochs,
            "best_epoch": best_epoch,
            "width": args.width,
            "depth": args.depth,
            "lstm_depth": args.lstm,
            "seed": args.seed,
            "history": history,
        }
        (args.output / "history.json").write_text(json.dumps(run, indent=2) + "\n")
    print(f"best: epoch {best_epoch}, mean dev span F1 {best:.4f}", flush=True)
    if not args.no_install:
        install(args.output, run, args.eval)


MEASURES = ("content", "source|content", "cue|content", "joint")


def pipeline_scores(eval_dir: Path) -> dict[str, dict[str, float]]:
    """PolNeAR dev F1 of the whole pipeline with the installed tagger: combined, rules alone, tagger alone."""
    import subprocess
    import sys
    import tempfile

    out: dict[str, dict[str, float]] = {}
    for mode in ("combined", "rules", "model"):
        path = Path(tempfile.mkdtemp()) / "scores.json"
        cmd = [sys.executable, str(REPO / "benchmarks" / "attribution_polnear.py"), str(eval_dir / "polnear-dev.jsonl")]
        subprocess.run([*cmd, "--mode", "all", "--attribution", mode, "--json", str(path)], check=True)
        scores = json.loads(path.read_text())["overall"]
        out[mode] = {
            f"{m} {measure}": round(scores[m][measure]["f1"], 3)
            for m in ("strict", "overlap")
            for measure in MEASURES
            if measure in scores.get(m, {})
        }
    return out


def install(output: Path, run: dict, eval_dir: Path) -> None:
    """Copy ``output``/model-best into the package with a meta.json: data, provenance, licence, scores."""
    if TARGET.exists():
        shutil.rmtree(TARGET)
    shutil.copytree(output / "model-best", TARGET)
    # the vocabulary's strings are words of the training texts: the tagger needs only its labels
    labels = json.loads((TARGET / "claimtrack_roles" / "cfg").read_text())["labels"]
    (TARGET / "vocab" / "strings.json").write_text(json.dumps(sorted(labels)))
    meta_path = TARGET / "meta.json"
    meta = json.loads(meta_path.read_text())
    run = {**run, "dev_token_span_f1": run["history"][run["best_epoch"] - 1]["dev"]}
    meta.update(
        {
            "name": "claimtrack_roles",
            "version": "1.0.0",
            "description": "claimtrack's attribution tagger: BIO source / cue / content roles over the "
            "bundled pipeline's parse (training/train_roles.py)",
            "license": "weights trained on PolNeAR (research use; see sources)",
            "sources": [SOURCE],
            "claimtrack_training": run,
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    meta["claimtrack_scores"] = {"polnear_dev_f1": pipeline_scores(eval_dir)}
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    print(f"installed in {TARGET}", flush=True)


if __name__ == "__main__":
    main()
