"""The JSONL store: ``claims.jsonl`` and ``articles.jsonl`` side by side.

An article's claims and its record commit together or not at all, through a
redo journal (``claims.jsonl.journal``), the way a database commits:

1. Under the store's lock, the claim lines and the article record are written to
   a temporary file, fsync'd and renamed to the journal. That rename is the
   commit point: before it nothing has changed, after it the article is stored.
2. The journal is applied: the claims are appended, then the record (the record
   is last, so a claim without its record is never committed), each fsync'd; for
   ``--force`` both files are rewritten to temporary files without the article's
   old lines and renamed over the old ones.
3. The journal is removed.

Applying a journal is idempotent (an append first cuts each file back to the
size the journal noted), so a crash at any step is finished by the next writer
(or ``claimtrack doctor --repair``). Readers never write: they read what the
journal says is committed, and skip claims whose article record is not there (an
uncommitted tail). A line that is not a valid record is skipped with a warning
naming its line (see :func:`damage`); ``doctor`` sets such lines aside in
``claims.jsonl.rejected`` (or ``articles.jsonl.rejected``) and never drops them.

For tests of this protocol, ``CLAIMTRACK_CRASH_AT=STEP`` kills the process
(SIGKILL) at a named step of a write and ``CLAIMTRACK_FAULT_AT=STEP`` makes that
step fail as a full disk would (``OSError(ENOSPC)``); see :data:`WRITE_STEPS`.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import signal
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout
from pydantic import BaseModel, ValidationError

from claimtrack.console import warn
from claimtrack.errors import StoreError, StoreLocked
from claimtrack.models import SCHEMA_VERSION, Article, Claim, ClaimView
from claimtrack.names import DEFAULT_STORE  # noqa: F401  (re-exported; light for --help)
from claimtrack.views import ClaimRow
from claimtrack.views import DecodeError as RowError
from claimtrack.views import decode as decode_row

LOCK_TIMEOUT_S = 60
JOURNAL_VERSION = 1

WRITE_STEPS = (
    "journal-tmp-torn",  # inside the journal's write: half of it in its temporary file
    "journal-tmp",  # the journal's temporary file is written, not yet renamed
    "journal",  # the journal is in place: committed, nothing applied
    "claims-torn",  # inside the claims append: half of its bytes written
    "claims",  # the claims are appended, the record not yet
    "articles-torn",  # inside the record append: half of it written
    "rewrite-torn",  # --force: inside writing a rewritten file
    "rewrite-claims",  # --force: the claims file is renamed over the old one, articles not yet
    "articles",  # the record is in place (appended, or renamed for --force), the journal not yet removed
)
"""The steps of a write where ``CLAIMTRACK_CRASH_AT`` / ``CLAIMTRACK_FAULT_AT`` act."""

M = TypeVar("M", bound=BaseModel)


def format_validation_error(exc: ValidationError) -> str:
    """``loc: msg`` for each problem, never pydantic's repr."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "(record)"
        parts.append(f"{loc}: {err['msg']}")
    return "; ".join(parts)


# --------------------------------------------------------------------------- damage seen by readers

_damage: dict[tuple[str, int], str] = {}


def damage() -> list[str]:
    """The bad lines readers have skipped since :func:`reset_damage`, as ``path:line: why``."""
    return list(_damage.values())


def reset_damage() -> None:
    _damage.clear()


def _skip(path: Path, lineno: int, why: str) -> None:
    key = (str(path), lineno)
    if key in _damage:
        return
    message = f"{path}:{lineno}: {why}"
    _damage[key] = message
    if len(_damage) <= 5:
        warn(f"{message}; this line is skipped. `claimtrack doctor --repair` sets it aside.")
    elif len(_damage) == 6:
        warn(f"{path}: more bad lines are skipped; `claimtrack doctor` lists them all.")


# --------------------------------------------------------------------------- test hooks


def _step(name: str) -> None:
    """A named point of a write: where the crash and fault hooks act."""
    if os.environ.get("CLAIMTRACK_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
    if os.environ.get("CLAIMTRACK_FAULT_AT") == name:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _write_synced(fh: Any, data: bytes, step: str) -> None:
    """Write, flush and fsync ``data``; ``step + '-torn'`` hooks act halfway through."""
    torn = step + "-torn"
    if torn in (os.environ.get("CLAIMTRACK_CRASH_AT"), os.environ.get("CLAIMTRACK_FAULT_AT")):
        fh.write(data[: len(data) // 2])
        fh.flush()
        os.fsync(fh.fileno())
        _step(torn)
    fh.write(data)
    fh.flush()
    os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- the journal


@dataclass(frozen=True)
class Journal:
    """One article's write, committed but perhaps not yet applied."""

    article: str
    replace: bool
    claims_size: int
    articles_size: int
    claims: list[str]
    record: str

    def dumps(self) -> bytes:
        obj = {"journal": JOURNAL_VERSION, **self.__dict__}
        return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")

    @classmethod
    def load(cls, path: Path) -> Journal | None:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"{path}: cannot read the store's journal: {exc.strerror or exc}.") from exc
        try:
            obj = json.loads(raw)
            if obj.get("journal", 0) > JOURNAL_VERSION:
                raise StoreError(f"{path}: written by a newer claimtrack. Upgrade claimtrack.")
            return cls(
                article=str(obj["article"]),
                replace=bool(obj["replace"]),
                claims_size=int(obj["claims_size"]),
                articles_size=int(obj["articles_size"]),
                claims=[str(x) for x in obj["claims"]],
                record=str(obj["record"]),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreError(
                f"{path}: the store's journal is damaged ({exc}). Move it away and run claimtrack doctor."
            ) from exc


# --------------------------------------------------------------------------- health


@dataclass
class Health:
    """What :meth:`Store.check` found."""

    bad: list[tuple[Path, int, str]] = field(default_factory=list)
    """Lines that are not valid records: path, line number, why."""
    torn: list[Path] = field(default_factory=list)
    """Files whose last line is cut off (a write interrupted before journals)."""
    unterminated: list[Path] = field(default_factory=list)
    """Files whose valid last line lacks its final newline (a hand edit)."""
    orphans: list[int] = field(default_factory=list)
    """Claim lines whose article record is missing (uncommitted)."""
    duplicates: list[tuple[Path, int, str]] = field(default_factory=list)
    """Lines repeating an id already stored: path, line number, id."""
    incomplete: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Articles whose record counts more or fewer claims than the store holds: id to (recorded, found)."""
    journal: bool = False
    newer: str | None = None
    """A message if a record comes from a newer claimtrack."""
    articles: int = 0
    claims: int = 0

    @property
    def damaged(self) -> bool:
        """Lines a reader cannot read, other than a crash's leftovers."""
        return bool(self.bad)

    @property
    def ok(self) -> bool:
        return not (self.damaged or self.torn or self.unterminated or self.orphans or self.journal or self.newer)

    def problems(self) -> list[str]:
        out = [self.newer] if self.newer else []
        out += [f"{p}:{n}: {why}" for p, n, why in self.bad]
        out += [f"{p}: the last line is incomplete (an interrupted write)" for p in self.torn]
        out += [f"{p}: the last line has no final newline" for p in self.unterminated]
        if self.orphans:
            out.append(
                f"{len(self.orphans)} claim line(s) without their article record (an uncommitted write), "
                f"first at line {self.orphans[0]}"
            )
        out += [f"{p}:{n}: id {i} is stored again" for p, n, i in self.duplicates]
        out += [
            f"article {aid}: its record counts {want} claims, the store holds {got}; ingest it again"
            for aid, (want, got) in self.incomplete.items()
        ]
        if self.journal:
            out.append("a committed write is not yet applied (it will be at the next ingest or repair)")
        return out


# --------------------------------------------------------------------------- the store


@dataclass
class Store:
    """A claims store rooted at ``claims_path`` (``articles.jsonl`` lives beside it).

    ``claims_path`` may also be a folder of shards (what ``ingest --engine dask``
    writes): every ``NAME.jsonl`` in it but the articles files is a store of its
    own with its ``NAME.articles.jsonl``, and they are read as one, in name order.
    """

    claims_path: Path
    _ids: set[str] = field(default_factory=set, init=False, repr=False)
    _seen: int = field(default=0, init=False, repr=False)
    _valid: bool = field(default=False, init=False, repr=False)

    @property
    def articles_path(self) -> Path:
        name = (
            "articles.jsonl" if self.claims_path.name == "claims.jsonl" else f"{self.claims_path.stem}.articles.jsonl"
        )
        return self.claims_path.with_name(name)

    @property
    def lock_path(self) -> Path:
        return self.claims_path.with_name(self.claims_path.name + ".lock")

    @property
    def journal_path(self) -> Path:
        return self.claims_path.with_name(self.claims_path.name + ".journal")

    @property
    def marker_path(self) -> Path:
        """Where the writer notes the files as it left them, all lines valid (see :meth:`verified_lines`)."""
        return self.claims_path.with_name(self.claims_path.name + ".valid")

    @staticmethod
    def rejected_path(path: Path) -> Path:
        """Where lines taken out of ``path`` by a repair are kept."""
        return path.with_name(path.name + ".rejected")

    def exists(self) -> bool:
        return self.claims_path.exists()

    @property
    def is_folder(self) -> bool:
        return self.claims_path.is_dir()

    def shards(self) -> list[Store]:
        """The stores this one is made of: its shards in name order if it is a folder, else itself."""
        if not self.is_folder:
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
        """Every committed claim, in the order written (shard by shard for a folder); bad lines are skipped."""
        if self.is_folder:
            for shard in self.shards():
                yield from shard.claims()
            return
        yield from self._claims(Claim)

    def claim_views(self) -> Iterator[ClaimRow]:
        """Every committed claim, reading only what contradictions and track records need (see :mod:`.views`)."""
        if self.is_folder:
            for shard in self.shards():
                yield from shard.claim_views()
            return
        yield from self._claims(ClaimView, fast=decode_row)  # type: ignore[arg-type, misc]

    def articles(self) -> Iterator[Article]:
        """Every committed article record."""
        if self.is_folder:
            for shard in self.shards():
                yield from shard.articles()
            return
        yield from self._articles(Journal.load(self.journal_path))

    def _articles(self, journal: Journal | None) -> Iterator[Article]:
        limit = journal.articles_size if journal and not journal.replace else None
        for _, rec in _read_records(self.articles_path, Article, limit=limit):
            if journal and journal.replace and rec.id == journal.article:
                continue
            yield rec
        if journal:
            yield Article.model_validate_json(journal.record)

    def article_ids(self) -> set[str]:
        seen = _size(self.articles_path)
        ids = {a.id for a in self.articles()}
        self._ids, self._seen = set(ids), seen
        return ids

    def _claims(self, model: type[M], fast: Callable[[bytes], M] | None = None) -> Iterator[M]:
        journal = Journal.load(self.journal_path)
        # articles first: a claim counts once its record is there (the record is written last)
        committed = {a.id for a in self._articles(journal)} if self.articles_path.exists() or journal else None
        limit = journal.claims_size if journal and not journal.replace else None
        seen: set[str] = set()
        for lineno, rec in _read_records(self.claims_path, model, limit=limit, fast=fast):
            aid = rec.article.id  # type: ignore[attr-defined]
            if journal and journal.replace and aid == journal.article:
                continue
            if committed is not None and aid not in committed:
                continue  # an uncommitted tail: not stored yet
            cid = rec.id  # type: ignore[attr-defined]
            if cid in seen:
                _skip(self.claims_path, lineno, f"claim {cid} is stored twice")
                continue
            seen.add(cid)
            yield rec
        if journal:
            for line in journal.claims:
                yield _decoded(line.encode(), model, fast)

    def check(self) -> Health:
        """Read the whole store and say what is wrong with it; changes nothing."""
        if self.is_folder:
            return _merged([shard.check() for shard in self.shards()])
        health = Health(journal=self.journal_path.exists())
        counts: dict[str, int] = {}
        art_lines: list[tuple[int, str]] = []
        for lineno, obj in _scan(self.articles_path, Article, health):
            if obj.id in counts:
                health.duplicates.append((self.articles_path, lineno, obj.id))
                continue
            counts[obj.id] = obj.claims
            art_lines.append((lineno, obj.id))
        health.articles = len(counts)
        have_articles = self.articles_path.exists()
        found: Counter[str] = Counter()
        seen: set[str] = set()
        for lineno, claim in _scan(self.claims_path, Claim, health):
            if have_articles and claim.article.id not in counts:
                health.orphans.append(lineno)
                continue
            if claim.id in seen:
                health.duplicates.append((self.claims_path, lineno, claim.id))
                continue
            seen.add(claim.id)
            found[claim.article.id] += 1
        health.claims = len(seen)
        if have_articles:
            for aid, want in counts.items():
                if found[aid] != want:
                    health.incomplete[aid] = (want, found[aid])
        if health.ok and not health.duplicates:
            self._valid = True  # every line read back as a valid record
        return health

    # writing ---------------------------------------------------------------

    def writable(self) -> None:
        """Fail now, with a clear message, if the store cannot be written.

        Raises:
            StoreError: the folder cannot be made, the lock file cannot be created,
                or a store file is not a regular, writable file.
        """
        folder = self.claims_path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"{folder}: cannot create the store's folder: {exc.strerror or exc}. "
                "Choose a store in a folder you can write (--store PATH)."
            ) from exc
        for path in (self.claims_path, self.articles_path, self.lock_path):
            if path.exists() and not path.is_file():
                raise StoreError(f"{path}: not a regular file, so it cannot hold a store. Choose another --store.")
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            os.close(fd)
            for path in (self.claims_path, self.articles_path):
                if path.exists() and not os.access(path, os.W_OK):
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        except OSError as exc:
            raise StoreError(
                f"{exc.filename or self.lock_path}: cannot write the store: {exc.strerror or exc}. "
                "Choose a store in a folder you can write (--store PATH)."
            ) from exc

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.writable()
        try:
            with FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT_S):
                # the files are known valid when claimtrack left them so (the marker matches) or when a
                # check inside this section finds them clean; only then does the writer note them again
                self._valid = self._marker_matches() or not (self.claims_path.exists() or self.articles_path.exists())
                yield
                if self._valid and not self.journal_path.exists():
                    self._mark()
        except Timeout as exc:
            raise StoreLocked(
                f"{self.claims_path}: the store is locked by another claimtrack process "
                f"(lock file {self.lock_path}). Wait for it to finish, or remove the lock file if no "
                "claimtrack is running."
            ) from exc
        except OSError as exc:
            raise StoreError(f"{self.claims_path}: cannot write the store: {exc.strerror or exc}.") from exc

    def prepare(self, *, repair: bool = False) -> Health:
        """Get the store ready for writing: finish a crash's write, set aside its leftovers.

        A committed journal is applied; a torn last line and claims without their
        record (an uncommitted write) are set aside; a valid last line without its
        newline gets one. Bad lines elsewhere are set aside only with ``repair``.

        Raises:
            StoreError: the store cannot be written, comes from a newer claimtrack,
                or holds bad lines and ``repair`` is not given.
        """
        if self.is_folder:
            return _merged([shard.prepare(repair=repair) for shard in self.shards()])
        with self._locked():
            self._recover()
            health = self.check()
            if health.newer:
                raise StoreError(health.newer)
            if health.damaged and not repair:
                first = health.problems()[0]
                raise StoreError(
                    f"{first} (and {len(health.problems()) - 1} more problem(s)); the store is damaged and "
                    "nothing was added. See them with `claimtrack doctor`; set the bad lines aside with "
                    "`claimtrack doctor --repair` (or ingest --repair)."
                )
            if not health.ok:
                self._repair(health, drop_incomplete=False)
            return health

    def repair(self) -> tuple[Health, Health]:
        """Set aside every line readers cannot use; returns the health before and after."""
        if self.is_folder:
            pairs = [shard.repair() for shard in self.shards()]
            return _merged([b for b, _ in pairs]), _merged([a for _, a in pairs])
        with self._locked():
            self._recover()
            before = self.check()
            if before.newer:
                raise StoreError(before.newer)
            if not before.ok:
                self._repair(before, drop_incomplete=True)
            return before, self.check()

    def add(self, article: Article, claims: Iterable[Claim], *, replace: bool = False) -> bool:
        """Store one article and its claims together, or not at all.

        Args:
            article: the article record.
            claims: its claims.
            replace: drop what the store already holds for this article first
                (``ingest --force``), in the same commit.

        Returns:
            False if, without ``replace``, another process stored the article meanwhile.

        Raises:
            StoreError: the store is locked by another process for too long, or
                cannot be written (nothing of this article is then stored).
        """
        if self.is_folder:  # a folder of shards: new articles go to its claims.jsonl
            target = self.shard("claims")
            if replace:
                for shard in self.shards():
                    if shard != target:
                        shard.drop(article.id)
            return target.add(article, claims, replace=replace)
        lines = [c.model_dump_json() for c in claims]
        with self._locked():
            self._recover()
            if not replace and article.id in self._new_ids():
                return False
            for path in (self.claims_path, self.articles_path):
                _settle_tail(path)
            journal = Journal(
                article=article.id,
                replace=replace,
                claims_size=_size(self.claims_path),
                articles_size=_size(self.articles_path),
                claims=lines,
                record=article.model_dump_json(),
            )
            self._write_journal(journal)
            try:
                self._apply(journal)
            except _AppliedInPart as part:
                # --force got past its first rename: the journal (committed) stands, and readers follow it
                warn(
                    f"{self.claims_path}: article {article.id} is stored, but tidying the store failed "
                    f"({part.cause.strerror or part.cause}); the next ingest or `claimtrack doctor --repair` "
                    "finishes it."
                )
            except OSError as exc:
                self._roll_back(journal)
                raise StoreError(
                    f"{self.claims_path}: cannot write the store: {exc.strerror or exc}; nothing of article "
                    f"{article.id} was stored. Free some space (or fix the permissions) and ingest it again."
                ) from exc
            self._ids.add(article.id)
            self._seen = _size(self.articles_path)
            return True

    def _stat(self) -> dict[str, int]:
        out = {"schema_version": SCHEMA_VERSION}
        for name, path in (("claims", self.claims_path), ("articles", self.articles_path)):
            try:
                st = path.stat()
                out[f"{name}_size"], out[f"{name}_mtime_ns"] = st.st_size, st.st_mtime_ns
            except FileNotFoundError:
                out[f"{name}_size"] = out[f"{name}_mtime_ns"] = -1
        return out

    def _marker_matches(self) -> bool:
        try:
            return bool(json.loads(self.marker_path.read_text(encoding="utf-8")) == self._stat())
        except (OSError, ValueError):
            return False

    def _mark(self) -> None:
        """Note the files' sizes and times as this writer leaves them (written whole, then renamed)."""
        try:
            tmp = self.marker_path.with_name(self.marker_path.name + ".tmp")
            tmp.write_text(json.dumps(self._stat()), encoding="utf-8")
            os.replace(tmp, self.marker_path)
        except OSError:
            self.marker_path.unlink(missing_ok=True)  # no marker: readers validate every line

    def verified_lines(self) -> Iterator[bytes] | None:
        """The claim lines as stored, when the files are exactly as claimtrack left them; else None.

        The writer validates every record it writes and notes, under the lock, the sizes and
        modification times it left the files with. While they still match (no hand edit, no
        interrupted write, no journal pending), every line is a committed, valid record of this
        schema, and a reader that only passes lines on (``claims --format jsonl``) need not
        validate them again. Any difference and the caller reads through the validating readers.
        """
        if self.is_folder:
            parts = [shard.verified_lines() for shard in self.shards()]
            if any(p is None for p in parts):
                return None
            return (line for part in parts if part is not None for line in part)
        if self.journal_path.exists() or not self._marker_matches():
            return None

        def lines() -> Iterator[bytes]:
            with self.claims_path.open("rb") as fh:
                for line in fh:
                    if line.strip():
                        yield line if line.endswith(b"\n") else line + b"\n"

        return lines()

    def drop(self, article: str) -> None:
        """Remove an article and its claims from this (single-file) store, under its lock (each file renamed whole)."""
        with self._locked():
            self._recover()
            for path, key in ((self.claims_path, _claim_article_id), (self.articles_path, _article_id)):
                if path.exists():
                    tmp = _rewritten(path, article, key, b"")
                    os.replace(tmp, path)
                    _fsync_dir(path.parent)
        self._ids.discard(article)

    def _new_ids(self) -> set[str]:
        """Ids known to this process, plus those other writers added since it last looked."""
        size = _size(self.articles_path)
        if size < self._seen:
            self.article_ids()
        elif size > self._seen:
            with self.articles_path.open("rb") as fh:
                fh.seek(self._seen)
                for raw in fh:
                    try:
                        self._ids.add(json.loads(raw)["id"])
                    except (ValueError, KeyError, TypeError):
                        pass
            self._seen = size
        return self._ids

    def _write_journal(self, journal: Journal) -> None:
        tmp = self.journal_path.with_name("." + self.journal_path.name + ".tmp")
        try:
            with open(tmp, "wb") as fh:
                _write_synced(fh, journal.dumps(), "journal-tmp")
            _step("journal-tmp")
            os.replace(tmp, self.journal_path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(
                f"{self.claims_path}: cannot write the store: {exc.strerror or exc}; nothing of article "
                f"{journal.article} was stored. Free some space (or fix the permissions) and ingest it again."
            ) from exc
        _fsync_dir(self.journal_path.parent)

    def _apply(self, journal: Journal) -> None:
        _step("journal")
        claims = "".join(line + "\n" for line in journal.claims).encode("utf-8")
        record = (journal.record + "\n").encode("utf-8")
        if journal.replace:
            new_claims = _rewritten(self.claims_path, journal.article, _claim_article_id, claims)
            try:
                new_articles = _rewritten(self.articles_path, journal.article, _article_id, record)
            except BaseException:
                new_claims.unlink(missing_ok=True)
                raise
            try:
                os.replace(new_claims, self.claims_path)
            except BaseException:
                new_claims.unlink(missing_ok=True)
                new_articles.unlink(missing_ok=True)
                raise
            try:  # from here on the journal can only be finished, not undone
                _step("rewrite-claims")
                os.replace(new_articles, self.articles_path)
                _fsync_dir(self.claims_path.parent)
                _step("articles")
                self.journal_path.unlink()
                _fsync_dir(self.journal_path.parent)
            except OSError as exc:
                new_articles.unlink(missing_ok=True)
                raise _AppliedInPart(exc) from exc
        else:
            _append_at(self.claims_path, journal.claims_size, claims, "claims")
            _step("claims")
            _append_at(self.articles_path, journal.articles_size, record, "articles")
            _step("articles")
            self.journal_path.unlink()
            _fsync_dir(self.journal_path.parent)

    def _roll_back(self, journal: Journal) -> None:
        """Undo a journal not fully applied after a write failed (a full disk): truncation needs no space."""
        if not journal.replace:
            for path, size in ((self.claims_path, journal.claims_size), (self.articles_path, journal.articles_size)):
                if path.exists() and path.stat().st_size > size:
                    os.truncate(path, size)
        # a replace changes nothing until its renames, which need no space
        self.journal_path.unlink(missing_ok=True)
        _fsync_dir(self.journal_path.parent)

    def _recover(self) -> None:
        journal = Journal.load(self.journal_path)
        tmp = self.journal_path.with_name("." + self.journal_path.name + ".tmp")
        tmp.unlink(missing_ok=True)  # a journal never renamed was never committed
        if journal is None:
            return
        try:
            self._apply(journal)
        except (OSError, _AppliedInPart) as exc:
            raise StoreError(
                f"{self.claims_path}: cannot finish an interrupted write: {getattr(exc, 'strerror', None) or exc}. "
                "Free some space (or fix the permissions) and run claimtrack doctor --repair."
            ) from exc
        warn(f"{self.claims_path}: finished the interrupted write of article {journal.article}.")

    def _repair(self, health: Health, *, drop_incomplete: bool) -> None:
        """Rewrite both files without the lines ``health`` found unusable, setting those aside.

        Bad lines, torn last lines, claims without their record and second copies of
        an id always go; with ``drop_incomplete``, so do the record and claims of an
        article that lacks some of its claims (ingesting it again stores it whole).
        """
        for path in (self.claims_path, self.articles_path):
            _settle_tail(path)
        counts: dict[str, int] = {}
        drop_articles = set(health.incomplete) if drop_incomplete else set()

        def keep_article(obj: dict) -> bool:
            aid = obj.get("id")
            if not isinstance(aid, str) or aid in counts or aid in drop_articles:
                return False
            counts[aid] = 1
            return True

        if self.articles_path.exists():
            _filter_lines(self.articles_path, Article, keep_article)
        seen: set[str] = set()
        have_articles = self.articles_path.exists()

        def keep_claim(obj: dict) -> bool:
            aid = _claim_article_id(obj)
            cid = obj.get("id")
            if (have_articles and aid not in counts) or not isinstance(cid, str) or cid in seen:
                return False
            seen.add(cid)
            return True

        _filter_lines(self.claims_path, Claim, keep_claim)
        self._ids = set(counts)
        self._seen = _size(self.articles_path)


def _merged(parts: list[Health]) -> Health:
    """The health of a folder store: what its shards found, together."""
    out = Health()
    for h in parts:
        out.bad += h.bad
        out.torn += h.torn
        out.unterminated += h.unterminated
        out.orphans += h.orphans
        out.duplicates += h.duplicates
        out.incomplete.update(h.incomplete)
        out.journal = out.journal or h.journal
        out.newer = out.newer or h.newer
        out.articles += h.articles
        out.claims += h.claims
    return out


class _AppliedInPart(Exception):
    """A --force write failed after its first rename: it can be finished, not undone."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _claim_article_id(obj: dict) -> str | None:
    art = obj.get("article")
    return art.get("id") if isinstance(art, dict) else None


def _article_id(obj: dict) -> str | None:
    return obj.get("id")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


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


def _newer(raw: bytes) -> int | None:
    """The schema version of a line written by a newer claimtrack, else None."""
    try:
        version = json.loads(raw).get("schema_version")
    except (ValueError, AttributeError):
        return None
    return version if isinstance(version, int) and version > SCHEMA_VERSION else None


def _upgrade(path: Path, lineno: int, version: int) -> StoreError:
    return StoreError(
        f"{path}:{lineno}: written by a newer claimtrack (schema {version}, this one reads "
        f"{SCHEMA_VERSION}). Upgrade claimtrack: pip install --upgrade claimtrack."
    )


def _why(exc: ValidationError) -> str:
    if any(e["type"] == "json_invalid" for e in exc.errors()):
        return "not valid JSON"
    return f"not a valid record ({format_validation_error(exc)[:200]})"


def _lines(path: Path, limit: int | None = None) -> Iterator[tuple[int, bytes, bool]]:
    """``(line number, raw line, is the last line and cut off)`` for each non-blank line."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store: {exc.strerror or exc}.") from exc
    with fh:
        read = 0
        for lineno, raw in enumerate(fh, 1):
            if limit is not None:
                if read >= limit:
                    return
                raw = raw[: limit - read]
            read += len(raw)
            if raw.strip():
                yield lineno, raw, not raw.endswith(b"\n")


def _decoded(raw: bytes, model: type[M], fast: Callable[[bytes], M] | None) -> M:
    """One record: by the fast decoder where there is one; the schema reads, or explains, what it refuses."""
    if fast is not None:
        try:
            return fast(raw)
        except RowError:
            pass
    return model.model_validate_json(raw)


def _read_records(
    path: Path, model: type[M], *, limit: int | None = None, fast: Callable[[bytes], M] | None = None
) -> Iterator[tuple[int, M]]:
    """Each valid record of a file; with ``fast``, decoded by it, the pydantic ``model`` explaining a refused line."""
    with paused_gc():
        for lineno, raw, last in _lines(path, limit):
            try:
                record = _decoded(raw, model, fast)
            except ValidationError as exc:
                version = _newer(raw)
                if version is not None:
                    raise _upgrade(path, lineno, version) from exc
                if last:
                    # the file ends in the middle of a line: a write was interrupted
                    warn(
                        f"{path}:{lineno}: the last line is incomplete (a write was interrupted); "
                        "it is ignored and will be set aside by the next ingest."
                    )
                    return
                _skip(path, lineno, _why(exc))
                continue
            version = getattr(record, "schema_version", SCHEMA_VERSION)
            if version > SCHEMA_VERSION:
                raise _upgrade(path, lineno, version)
            yield lineno, record


def _scan(path: Path, model: type[M], health: Health) -> Iterator[tuple[int, M]]:
    """Like :func:`_read_records`, noting problems in ``health`` instead of warning."""
    for lineno, raw, last in _lines(path):
        try:
            record = model.model_validate_json(raw)
        except ValidationError as exc:
            version = _newer(raw)
            if version is not None:
                health.newer = health.newer or str(_upgrade(path, lineno, version))
            elif last:
                health.torn.append(path)
            else:
                health.bad.append((path, lineno, _why(exc)))
            continue
        version = getattr(record, "schema_version", SCHEMA_VERSION)
        if version > SCHEMA_VERSION:
            health.newer = health.newer or str(_upgrade(path, lineno, version))
            continue
        if last:
            health.unterminated.append(path)
        yield lineno, record


def _settle_tail(path: Path) -> None:
    """Make the file end at a line break: end a valid last line, set a torn one aside."""
    size = _size(path)
    if size == 0:
        return
    with path.open("rb+") as fh:
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) == b"\n":
            return
        pos = size
        while pos > 0:  # walk back to the last newline
            step = min(1 << 16, pos)
            pos -= step
            fh.seek(pos)
            nl = fh.read(step).rfind(b"\n")
            if nl >= 0:
                pos += nl + 1
                break
        fh.seek(pos)
        tail = fh.read()
        try:
            json.loads(tail)
            valid = True
        except ValueError:
            valid = False
        if valid:  # a hand edit without the final newline: keep the line
            fh.seek(0, os.SEEK_END)
            fh.write(b"\n")
            fh.flush()
            os.fsync(fh.fileno())
            return
        _set_aside(path, [tail + b"\n"])
        fh.truncate(pos)
        fh.flush()
        os.fsync(fh.fileno())
    warn(
        f"{path}: set aside an incomplete last line left by an interrupted write (kept in {Store.rejected_path(path)})."
    )


def _set_aside(path: Path, lines: list[bytes]) -> None:
    if not lines:
        return
    with Store.rejected_path(path).open("ab") as fh:
        fh.writelines(lines)
        fh.flush()
        os.fsync(fh.fileno())


def _append_at(path: Path, size: int, data: bytes, step: str) -> None:
    """Append ``data`` where the file was ``size`` bytes long (cutting what a crash left after it)."""
    with path.open("ab") as fh:
        if fh.tell() > size:
            fh.truncate(size)
        _write_synced(fh, data, step)


def _temp_beside(path: Path) -> tuple[Any, Path]:
    """A temporary file beside ``path`` with ``path``'s permissions and owner."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    if st is not None:
        os.fchmod(fd, st.st_mode & 0o7777)
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except OSError:
            pass  # not ours to give away: the owner stays the one who rewrites
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
    return os.fdopen(fd, "wb"), Path(tmp)


def _rewritten(path: Path, article: str, key: Callable[[dict], str | None], extra: bytes) -> Path:
    """A temporary copy of ``path`` without the lines of ``article`` and with ``extra`` at the end."""
    out, tmp = _temp_beside(path)
    try:
        with out:
            for _, raw, _last in _lines(path):
                try:
                    if key(json.loads(raw)) == article:
                        continue
                except (ValueError, AttributeError):
                    pass
                out.write(raw if raw.endswith(b"\n") else raw + b"\n")
            _write_synced(out, extra, "rewrite")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _filter_lines(path: Path, model: type[BaseModel], keep: Callable[[dict], bool]) -> None:
    """Rewrite ``path`` keeping valid records ``keep`` accepts; the others are set aside."""
    if not path.exists():
        return
    out, tmp = _temp_beside(path)
    rejected: list[bytes] = []
    try:
        with out:
            for _, raw, _last in _lines(path):
                line = raw if raw.endswith(b"\n") else raw + b"\n"
                try:
                    model.model_validate_json(raw)
                    ok = keep(json.loads(raw))
                except (ValidationError, ValueError):
                    ok = False
                if ok:
                    out.write(line)
                else:
                    rejected.append(line)
            out.flush()
            os.fsync(out.fileno())
        if rejected:
            _set_aside(path, rejected)
            os.replace(tmp, path)
            _fsync_dir(path.parent)
            warn(f"{path}: set aside {len(rejected)} line(s) in {Store.rejected_path(path)}.")
    finally:
        tmp.unlink(missing_ok=True)
