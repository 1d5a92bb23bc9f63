"""A writer process for the crash tests: stores articles through the real Store, no spaCy.

    python tests/storewriter.py STORE add|force FIRST COUNT [CLAIMS] [PAD]

adds articles FIRST..FIRST+COUNT-1 (``add``: those not stored yet, as ingest does;
``force``: replacing them, with claims at other offsets) and prints ``stored N``.
Also :func:`audit`, an independent look at a store's files (raw JSON, not the
Store's readers): what the crash tests and benchmarks count.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from claimtrack.errors import StoreError
from claimtrack.models import Article, ArticleRef, Claim, SpanRef, Speaker, claim_id
from claimtrack.store import Store


def article(n: int, claims: int, *, version: int = 0, pad: int = 0) -> tuple[Article, list[Claim]]:
    aid = f"art{n:05d}"
    text = f"Officials said Iran will leave, take {n}." + " x" * pad
    out = []
    for i in range(claims):
        start = 1000 * i + version
        span = SpanRef(start=start, end=start + len(text), text=text)
        out.append(
            Claim(
                id=claim_id(aid, span.start, span.end),
                article=ArticleRef(id=aid, path=f"{aid}.txt"),
                span=span,
                text=text,
                sentence=span,
                speaker=Speaker(name="Officials", kind="organization"),
                kind="prediction",
            )
        )
    record = Article(
        id=aid,
        path=f"{aid}.txt",
        sha1="0" * 40,
        chars=len(text),
        claims=claims,
        ingested_at=f"2024-01-01T00:00:{version % 60:02d}+00:00",
    )
    return record, out


def audit(store_path: Path) -> dict[str, object]:
    """Counts from the raw files, the way a reader would take them (journal aside)."""
    store = Store(store_path)
    records: list[dict] = []
    claims: list[dict] = []
    bad = 0
    for path, into in ((store.articles_path, records), (store.claims_path, claims)):
        if not path.exists():
            continue
        for line in path.read_bytes().splitlines():
            try:
                into.append(json.loads(line))
            except ValueError:
                bad += 1
    ids = Counter(c["id"] for c in claims)
    per_article = Counter(c["article"]["id"] for c in claims)
    arts = Counter(r["id"] for r in records)
    return {
        "articles": len(arts),
        "claims": len(ids),
        "duplicated_claim_ids": sum(1 for n in ids.values() if n > 1),
        "duplicated_articles": sum(1 for n in arts.values() if n > 1),
        "articles_without_their_claims": sum(1 for r in records if per_article[r["id"]] != r["claims"]),
        "claims_without_article": sum(n for aid, n in per_article.items() if aid not in arts),
        "bad_lines": bad,
        "journal": store.journal_path.exists(),
    }


def read_back(store_path: Path) -> dict[str, object]:
    """What the Store's readers see: must always be consistent, even right after a kill."""
    store = Store(store_path)
    records = list(store.articles())
    claims = list(store.claims())
    ids = Counter(c.id for c in claims)
    per_article = Counter(c.article.id for c in claims)
    known = {r.id for r in records}
    return {
        "articles": len(known),
        "claims": len(ids),
        "duplicated_claim_ids": sum(1 for n in ids.values() if n > 1),
        "articles_without_their_claims": sum(1 for r in records if per_article[r.id] != r.claims),
        "claims_without_article": sum(n for aid, n in per_article.items() if aid not in known),
    }


def main(argv: list[str]) -> int:
    path, op, first, count = Path(argv[0]), argv[1], int(argv[2]), int(argv[3])
    claims = int(argv[4]) if len(argv) > 4 else 3
    pad = int(argv[5]) if len(argv) > 5 else 0
    store = Store(path)
    try:
        store.prepare()
    except StoreError as exc:
        print(f"error {exc}", flush=True)
        return 1
    known = store.article_ids()
    stored = 0
    for n in range(first, first + count):
        record, items = article(n, claims, version=1 if op == "force" else 0, pad=pad)
        if op == "add" and record.id in known:
            continue
        try:
            stored += store.add(record, items, replace=op == "force")
        except StoreError as exc:
            print(f"stored {stored}\nerror {exc}", flush=True)
            return 1
    print(f"stored {stored}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
