"""Convert UD English treebanks (CoNLL-U) and their entity layers (IOB2) to spaCy DocBins.

Unlike ``spacy convert``, this keeps document boundaries (``# newdoc``), so the
parser learns sentence boundaries from running text, and it attaches the PER /
ORG / LOC layers where one exists. Sentences of a document are grouped into
chunks of ``--chunk`` sentences, in order, so batches stay even.

Usage:
    python training/convert.py [--data ../shared/data] [--out training/corpus]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

ENT_LABELS = {"PER", "ORG", "LOC"}


@dataclass
class Sentence:
    sent_id: str
    newdoc: str | None
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    ents: list[str] | None = None


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a CoNLL-U file with syntactic words.

    A multiword token's SpaceAfter applies to its last word; its other words
    get no space, as they are written together ("do" + "n't").
    """
    sent: Sentence | None = None
    newdoc: str | None = None
    mwt_end = -1
    mwt_space = True
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if sent is not None and sent.words:
                    yield sent
                sent, mwt_end = None, -1
                continue
            if line.startswith("#"):
                if line.startswith("# newdoc"):
                    newdoc = line.split("=", 1)[-1].strip() or "doc"
                elif line.startswith("# sent_id"):
                    sent = Sentence(line.split("=", 1)[1].strip(), newdoc)
                    newdoc = None
                continue
            cols = line.split("\t")
            if sent is None:
                sent = Sentence(f"{path.stem}-{id(line)}", newdoc)
                newdoc = None
            if "." in cols[0]:
                continue  # empty node of the enhanced graph
            if "-" in cols[0]:
                _, end = cols[0].split("-")
                mwt_end = int(end)
                mwt_space = "SpaceAfter=No" not in cols[9]
                continue
            idx = int(cols[0])
            if idx < mwt_end:
                space = False
            elif idx == mwt_end:
                space = mwt_space
            else:
                space = "SpaceAfter=No" not in cols[9]
            sent.words.append(cols[1])
            sent.spaces.append(space)
            sent.lemmas.append(cols[2])
            sent.pos.append(cols[3])
            sent.tags.append(cols[4])
            sent.morphs.append("" if cols[5] == "_" else cols[5])
            sent.heads.append(int(cols[6]))
            sent.deps.append(cols[7])
    if sent is not None and sent.words:
        yield sent


def read_iob2(path: Path) -> dict[str, list[str]]:
    """Map sent_id to its IOB2 tags."""
    tags: dict[str, list[str]] = {}
    current: list[str] | None = None
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                current = tags.setdefault(line.split("=", 1)[1].strip(), [])
            elif line and not line.startswith("#") and current is not None:
                current.append(line.split("\t")[2])
    return tags


def documents(sentences: list[Sentence]) -> list[list[Sentence]]:
    docs: list[list[Sentence]] = []
    for sent in sentences:
        if sent.newdoc is not None or not docs:
            docs.append([])
        docs[-1].append(sent)
    return docs


def to_doc(vocab, sents: list[Sentence], doc_id: str | None = None) -> Doc:
    words, spaces, lemmas, pos, tags, morphs, heads, deps, starts = [], [], [], [], [], [], [], [], []
    ent_tags: list[str] | None = [] if all(s.ents is not None for s in sents) else None
    for sent in sents:
        offset = len(words)
        for i, _ in enumerate(sent.words):
            head = sent.heads[i]
            heads.append(offset + (head - 1 if head else i))
            deps.append("ROOT" if sent.deps[i] == "root" else sent.deps[i])
            starts.append(i == 0)
        words += sent.words
        # a sentence break is never "no space" inside running text we rebuild
        spaces += sent.spaces[:-1] + [True]
        lemmas += sent.lemmas
        pos += sent.pos
        tags += sent.tags
        morphs += sent.morphs
        if ent_tags is not None and sent.ents is not None:
            ent_tags += sent.ents if len(sent.ents) == len(sent.words) else ["O"] * len(sent.words)
    spaces[-1] = False
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos,
        tags=tags,
        morphs=morphs,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )
    if doc_id:
        doc.user_data["doc_id"] = doc_id
    if ent_tags is not None:
        spans, start, label = [], None, None
        for i, tag in enumerate(ent_tags + ["O"]):
            if start is not None and not tag.startswith("I-"):
                spans.append(Span(doc, start, i, label=label))
                start = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, label = i, tag[2:]
        doc.set_ents([s for s in spans if s.label_ in ENT_LABELS], default="outside")
    return doc


def convert(conllu: Path, iob2: Path | None, out: Path, chunk: int, vocab) -> tuple[int, int]:
    sentences = list(read_conllu(conllu))
    if iob2 is not None and iob2.exists():
        ents = read_iob2(iob2)
        for sent in sentences:
            sent.ents = ents.get(sent.sent_id)
    db = DocBin(store_user_data=True)
    n_docs = 0
    for doc_sents in documents(sentences):
        pieces = [doc_sents] if chunk <= 0 else [doc_sents[i : i + chunk] for i in range(0, len(doc_sents), chunk)]
        for piece in pieces:
            db.add(to_doc(vocab, piece, doc_sents[0].newdoc))
        n_docs += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return n_docs, sum(len(s.words) for s in sentences)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "corpus")
    ap.add_argument("--chunk", type=int, default=10, help="sentences per training doc (0: whole documents)")
    ap.add_argument("--splits", nargs="+", default=["train", "dev", "test"], help="which splits to convert")
    args = ap.parse_args()
    vocab = spacy.blank("en").vocab
    ewt, gum, uner = args.data / "ud-english-ewt", args.data / "ud-english-gum", args.data / "uner-english-ewt"
    jobs = []
    for split in args.splits:
        jobs.append((ewt / f"en_ewt-ud-{split}.conllu", uner / f"en_ewt-ud-{split}.iob2", f"{split}/ewt"))
        jobs.append((gum / f"en_gum-ud-{split}.conllu", gum / f"en_gum-ud-{split}.iob2", f"{split}/gum"))
    for conllu, iob2, name in jobs:
        # training and dev data in chunks; test data as whole documents for sentence splitting
        chunk = 0 if name.startswith("test") else args.chunk
        n_docs, n_words = convert(conllu, iob2, args.out / f"{name}.spacy", chunk, vocab)
        print(f"{name}: {n_docs} documents, {n_words} words -> {args.out / (name + '.spacy')}")


if __name__ == "__main__":
    main()
