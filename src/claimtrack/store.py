"""The JSONL store: ``claims.jsonl`` and ``articles.jsonl`` side by side.

Writes happen under a file lock. An article's claims are appended in one write
together with its article record, after any torn last line (left by a crash
mid-write) has been cut away; rewrites (``--force``) go through a temporary file
and ``os.replace``, so the store is never left half-written.
"""

from __future__ import annotations

import gc
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from filelock import FileLock, Timeout
from pydantic import BaseModel, ValidationError

from claimtrack.console import warn
from claimtrack.errors import StoreError
from claimtrack.models import SCHEMA_VERSION, Article, Claim, ClaimView
from claimtrack.names import DEFAULT_STORE  # noqa: F401  (re-exported; light for --help)

LOCK_TIMEOUT_S = 60

M = TypeVar("M", bound=BaseModel)


def format_validation_error(exc: ValidationError) -> str:
    """``loc: msg`` for each problem, never pydantic's repr."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "(record)"
        parts.append(f"{loc}: {err['msg']}")
    return "; ".join(parts)


@dataclass
class Store:
    """A claims store rooted at ``claims_path`` (``articles.jsonl`` lives beside it).

    ``claims_path`` may also be a folder of shards (what ``ingest --engine dask``
    writes): every ``NAME.jsonl`` in it but the articles files is a store of its
    own with its ``NAME.articles.jsonl``, and they are read as one, in name order.
    """

    claims_path: Path

    @property
    def articles_path(self) -> Path:
        name = (
            "articles.jsonl" if self.claims_path.name == "claims.jsonl" else f"{self.claims_path.stem}.articles.jsonl"
        )
        return self.claims_path.with_name(name)

    @property
    def lock_path(self) -> Path:
        return self.claims_path.with_name(self.claims_path.name + ".lock")

    def exists(self) -> bool:
        return self.claims_path.exists()

    def shards(self) -> list[Store]:
        """The stores this one is made of: its shards in name order if it is a folder, else itself."""
        if not self.claims_path.is_dir():
            return [self]
        return [
            Store(p)
            for p in sorted(self.claims_path.glob("*.jsonl"))
            if p.name != "articles.jsonl" and not p.name.endswith(".articles.jsonl")
        ]

    def shard(self, name: str) -> Store:
        """A shard of this folder store (``NAME.jsonl`` in it)."""
        return Store(self.claims_path / f"{name}.jsonl")

    # reading ---------------------------------------------------------------

    def claims(self) -> Iterator[Claim]:
        """Every stored claim, in the order written (shard by shard for a folder)."""
        for shard in self.shards():
            yield from _read_records(shard.claims_path, Claim)

    def claim_views(self) -> Iterator[ClaimView]:
        """Every stored claim, reading only what contradictions and track records need."""
        for shard in self.shards():
            yield from _read_records(shard.claims_path, ClaimView)

    def articles(self) -> Iterator[Article]:
        for shard in self.shards():
            yield from _read_records(shard.articles_path, Article)

    def article_ids(self) -> set[str]:
        return {a.id for a in self.articles()}

    # writing ---------------------------------------------------------------

    def _lock(self) -> FileLock:
        self.claims_path.parent.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT_S)

    def add(self, article: Article, claims: Iterable[Claim], *, replace: bool = False) -> None:
        """Store one article and its claims together.

        Args:
            article: the article record.
            claims: its claims.
            replace: drop what the store already holds for this article first
                (``ingest --force``).

        Raises:
            StoreError: the store is locked by another process for too long, or
                cannot be written.
        """
        if self.claims_path.is_dir():  # a folder of shards: new articles go to its claims.jsonl
            target = self.shard("claims")
            if replace:
                for shard in self.shards():
                    if shard != target:
                        shard.drop(article.id)
            target.add(article, claims, replace=replace)
            return
        claim_lines = "".join(c.model_dump_json() + "\n" for c in claims)
        article_line = article.model_dump_json() + "\n"
        try:
            with self._lock():
                if replace:
                    _rewrite_without(self.claims_path, article.id, key=_claim_article_id)
                    _rewrite_without(self.articles_path, article.id, key=_article_id)
                _append(self.claims_path, claim_lines)
                _append(self.articles_path, article_line)
        except Timeout as exc:
            raise StoreError(
                f"{self.claims_path}: the store is locked by another claimtrack process "
                f"(lock file {self.lock_path}). Wait for it to finish, or remove the lock file if no "
                "claimtrack is running."
            ) from exc
        except OSError as exc:
            raise StoreError(f"{self.claims_path}: cannot write the store: {exc.strerror or exc}.") from exc

    def drop(self, article: str) -> None:
        """Remove an article and its claims from this (single-file) store, under its lock."""
        try:
            with self._lock():
                _rewrite_without(self.claims_path, article, key=_claim_article_id)
                _rewrite_without(self.articles_path, article, key=_article_id)
        except Timeout as exc:
            raise StoreError(f"{self.claims_path}: the store is locked by another claimtrack process.") from exc


def _claim_article_id(obj: dict) -> str | None:
    art = obj.get("article")
    return art.get("id") if isinstance(art, dict) else None


def _article_id(obj: dict) -> str | None:
    return obj.get("id")


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while building many small records.

    Records hold no reference cycles; without this, CPython's collector walks
    every record built so far again and again, and reading 200,000 claims takes
    more than twice as long as reading 100,000.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_records(path: Path, model: type[M]) -> Iterator[M]:
    if not path.exists():
        return
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store: {exc.strerror or exc}.") from exc
    with fh, paused_gc():
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                record = model.model_validate_json(raw)
            except ValidationError as exc:
                if not raw.endswith(b"\n") and not fh.peek(1):
                    # the file ends in the middle of a line: a write was interrupted
                    warn(
                        f"{path}:{lineno}: the last line is incomplete (a write was interrupted); "
                        "it is ignored and will be removed by the next ingest."
                    )
                    return
                if any(e["type"] == "json_invalid" for e in exc.errors()):
                    raise StoreError(
                        f"{path}:{lineno}: not valid JSON. Fix or delete that line; "
                        "re-ingesting the articles rebuilds the store."
                    ) from exc
                raise StoreError(f"{path}:{lineno}: {format_validation_error(exc)}") from exc
            version = getattr(record, "schema_version", SCHEMA_VERSION)
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{path}:{lineno}: written by a newer claimtrack (schema {version}, this one reads "
                    f"{SCHEMA_VERSION}). Upgrade claimtrack."
                )
            yield record


def _repair_tail(path: Path) -> None:
    """Cut a torn last line (no final newline) so the next append starts clean."""
    if not path.exists():
        return
    size = path.stat().st_size
    if size == 0:
        return
    with path.open("rb+") as fh:
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) == b"\n":
            return
        # walk back to the last newline
        pos = size
        chunk = 4096
        while pos > 0:
            step = min(chunk, pos)
            pos -= step
            fh.seek(pos)
            block = fh.read(step)
            nl = block.rfind(b"\n")
            if nl >= 0:
                fh.truncate(pos + nl + 1)
                warn(f"{path}: removed an incomplete last line left by an interrupted write.")
                return
        fh.truncate(0)
        warn(f"{path}: removed an incomplete line left by an interrupted write.")


def _append(path: Path, text: str) -> None:
    if not text:
        path.touch(exist_ok=True)
        return
    _repair_tail(path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _rewrite_without(path: Path, article: str, *, key) -> None:  # type: ignore[no-untyped-def]
    """Rewrite ``path`` without the records of ``article``, atomically."""
    if not path.exists():
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out, path.open(encoding="utf-8") as src:
            for line in src:
                if not line.strip():
                    continue
                if not line.endswith("\n"):
                    continue  # torn tail: dropped
                try:
                    if key(json.loads(line)) == article:
                        continue
                except json.JSONDecodeError:
                    pass
                out.write(line)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
