"""Inputs to articles: paths, folders and stdin, their text and metadata.

Metadata for an article comes from, in order of precedence: the command-line
options, a front-matter block at the top of the file, a sidecar
``NAME.meta.json`` beside it, and a ``manifest.json`` in its folder that maps
file names to metadata (how ``seeds/`` keeps its files byte for byte).
Nothing here imports spaCy.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from dateutil import parser as dateparser

from claimtrack.bounds import (
    MAX_ARTICLE_BYTES,
    MAX_FEED_BYTES,
    MAX_META_CHARS,
    load_yaml,
    looks_like_prose,
    unreadable_runs,
)
from claimtrack.errors import InputError, StoreError, StoreLocked
from claimtrack.models import Article, ArticleRef, Claim, article_id
from claimtrack.store import Store
from claimtrack.textsafe import storable, without_surrogates
from claimtrack.web import HTML_SUFFIXES, Fetcher, extract_page, is_html_path, is_url, looks_like_html

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)
INPUT_FORMATS = ("auto", "text", "jsonl", "html")
META_FIELDS = ("published", "outlet", "author", "title", "url")
_META_ALIASES = {"date": "published", "source": "outlet", "publisher": "outlet", "byline": "author", "link": "url"}
MANIFEST = "manifest.json"
SIDECAR_SUFFIX = ".meta.json"
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")
LEGACY_ENCODING = "cp1252"


@dataclass
class Source:
    """An article's text as read, with its metadata."""

    label: str
    """The path as given at ingest, or ``-`` for stdin."""
    text: str
    meta: dict[str, str | None] = field(default_factory=dict)
    body_start: int = 0
    """Where the article body starts (after any front matter)."""
    notices: list[str] = field(default_factory=list)


def parse_published(value: object, *, where: str) -> str | None:
    """Normalise a publication date to ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Raises:
        InputError: the value is not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    m = _PARTIAL.match(text)
    if m:
        year, month, day = m.groups()
        try:
            if day:
                return date(int(year), int(month), int(day)).isoformat()
            if month:
                if not 1 <= int(month) <= 12:
                    raise ValueError
                return f"{int(year):04d}-{int(month):02d}"
            return f"{int(year):04d}"
        except ValueError:
            pass
    else:
        try:
            return dateparser.parse(text, dayfirst=False, fuzzy=False).date().isoformat()
        except (ValueError, OverflowError):
            pass
    raise InputError(
        f"{where}: cannot read the publication date {text[:60]!r}. "
        "Give it as YYYY-MM-DD (or YYYY-MM, YYYY), e.g. --published 2019-03-18."
    )


def _clean_meta(raw: object, *, where: str) -> dict[str, str | None]:
    if not isinstance(raw, dict):
        raise InputError(f"{where}: metadata must be a mapping of fields like published, outlet, author, title, url.")
    meta: dict[str, str | None] = {}
    for key, value in raw.items():
        name = _META_ALIASES.get(str(key).lower(), str(key).lower())
        if name not in META_FIELDS:
            continue  # other fields (genre, notes) are the user's own business
        if name == "published":
            meta[name] = parse_published(value, where=f"{where}: published")
        elif value is None:
            meta[name] = None
        else:
            if not isinstance(value, str | int | float):
                raise InputError(f"{where}: {name} must be a piece of text, not a {type(value).__name__}.")
            text = without_surrogates(str(value))[0].strip()
            if len(text) > MAX_META_CHARS:
                raise InputError(
                    f"{where}: {name} is {len(text):,} characters long; metadata fields hold at most "
                    f"{MAX_META_CHARS:,}. Shorten it."
                )
            meta[name] = text or None
    return meta


def decode(data: bytes, *, where: str, encoding: str | None = None) -> tuple[str, list[str]]:
    """Bytes to text, refusing binary files and reading legacy encodings with a notice.

    Raises:
        InputError: empty, binary, or not decodable with ``encoding``.
    """
    notices: list[str] = []
    if not data.strip():
        raise InputError(f"{where}: the file is empty; there is no article to read.")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where}: this looks like a binary file, not an article. Give a .txt or .md file.")
    if encoding:
        try:
            return data.decode(encoding), notices
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{where}: cannot decode as {encoding}: {exc}. Try another --encoding.") from exc
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{where}: starts like UTF-16 text but is cut off or damaged ({exc.reason} at byte {exc.start}). "
                "Save the file again, or convert it to UTF-8."
            ) from exc
        text, bad = without_surrogates(text)
        if bad:
            notices.append(f"{where}: {bad} damaged character(s) in this UTF-16 file are shown as U+FFFD.")
        return text, notices
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode(LEGACY_ENCODING)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{where}: not UTF-8 and not {LEGACY_ENCODING}. "
                "You can fix this by passing --encoding=ENCODING (e.g. latin-1)."
            ) from exc
        notices.append(
            f"{where}: not UTF-8; read it as {LEGACY_ENCODING} (Windows Latin-1). "
            "Pass --encoding to choose another encoding."
        )
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(f"{where}: this looks like a binary file, not an article. Give a .txt or .md file.")
    if not text.strip():
        raise InputError(f"{where}: the file is empty; there is no article to read.")
    return text, notices


def split_front_matter(text: str, *, where: str) -> tuple[dict[str, str | None], int]:
    """Read a ``---``-delimited YAML block at the top of the text.

    Returns:
        The metadata and the offset where the body starts (0 without front matter).
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    raw = load_yaml(m.group(1), where=f"{where}: the front matter") or {}
    return _clean_meta(raw, where=f"{where}: front matter"), m.end()


def _read_json_meta(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg}). Fix the file, or remove it to ingest without it."
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}.") from exc


def _is_file(path: Path) -> bool:
    """``path.is_file()``, False where the name cannot even be looked up (too long for the file system)."""
    try:
        return path.is_file()
    except OSError:
        return False


def file_metadata(path: Path) -> dict[str, str | None]:
    """Metadata for ``path`` from its folder's manifest and its sidecar (the sidecar wins)."""
    meta: dict[str, str | None] = {}
    manifest = path.parent / MANIFEST
    if _is_file(manifest):
        raw = _read_json_meta(manifest)
        entries = raw.get("articles", raw) if isinstance(raw, dict) else None
        if not isinstance(entries, dict):
            raise InputError(f"{manifest}: expected an object mapping file names to metadata.")
        if path.name in entries:
            meta.update(_clean_meta(entries[path.name], where=f"{manifest}: {path.name}"))
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if _is_file(sidecar):
        meta.update(_clean_meta(_read_json_meta(sidecar), where=str(sidecar)))
    return meta


def expand_paths(paths: tuple[str, ...]) -> Iterator[tuple[str, Path | None, InputError | None]]:
    """Each input as ``(label, path, error)``; folders expand to their articles.

    ``-`` yields ``("-", None, None)``. A missing path or an empty folder yields an error
    in place, so that the other inputs are still processed.
    """
    for given in paths:
        if given == "-" or is_url(given):
            yield given, None, None
            continue
        path = Path(given)
        given = storable(given)  # a name that is not UTF-8 is shown and stored with \xNN for its odd bytes
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield (
                    given,
                    None,
                    InputError(
                        f"{given}: no articles in this folder "
                        f"(looked for {', '.join('*' + s for s in ARTICLE_SUFFIXES)})."
                    ),
                )
            for p in found:
                yield storable(str(p)), p, None
        elif path.is_file():
            yield given, path, None
        elif path.exists():
            yield given, None, InputError(f"{given}: not a regular file or folder.")
        else:
            yield given, None, InputError(f"{given}: no such file or folder. Check the path.")


def read_source(
    label: str, data: bytes, *, path: Path | None, options: dict[str, str | None], encoding: str | None = None
) -> Source:
    """Decode one article and gather its metadata.

    Raises:
        InputError: anything wrong with this input (the others are unaffected).
    """
    text, notices = decode(data, where=label, encoding=encoding)
    meta: dict[str, str | None] = file_metadata(path) if path is not None else {}
    front, body_start = split_front_matter(text, where=label)
    meta.update(front)
    if not text[body_start:].strip():
        raise InputError(f"{label}: the file has front matter but no article text.")
    _check_prose(text[body_start:], where=label)
    meta.update({k: v for k, v in options.items() if v is not None})
    return Source(label=label, text=text, meta=meta, body_start=body_start, notices=notices)


def _check_prose(text: str, *, where: str) -> None:
    if not looks_like_prose(text):
        raise InputError(
            f"{where}: this does not read as an article (too few words in sentences); nothing was stored. "
            "Give the text of a news article."
        )


def read_html_source(
    label: str, data: bytes, *, path: Path | None, options: dict[str, str | None], url: str | None = None
) -> Source:
    """The article body of a web page, with the page's metadata (title, author, site, date, canonical URL).

    The stored text is the body as read, so every claim's offsets point into it.

    Raises:
        InputError: no article in the page, or unreadable metadata.
    """
    page = extract_page(data, where=label, url=url)
    meta: dict[str, str | None] = file_metadata(path) if path is not None else {}
    meta.update(_clean_meta({k: v for k, v in page.meta.items() if v}, where=f"{label}: page metadata"))
    meta.update({k: v for k, v in options.items() if v is not None})
    return Source(label=label, text=page.text, meta=meta)


# --------------------------------------------------------------------------- extraction

CHUNK_CHARS = 100_000
"""Long articles are processed in pieces of about this size, cut at paragraph breaks."""


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pieces of ``text``, cut at blank lines (else line breaks) near ``size``."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, start + size // 2, end)
                if cut >= 0:
                    end = cut + len(sep)
                    break
        piece = text[start:end]
        if piece.strip():
            yield start, piece
        start = end


def extract(source: Source, nlp: object) -> tuple[Article, list[Claim]]:
    """Run the pipeline over one article and build its records.

    Furniture and front matter are blanked out (offsets unchanged) before the
    text reaches spaCy; every claim's offsets point into ``source.text``.
    """
    from claimtrack.furniture import blank, byline, find_furniture, opinion_author
    from claimtrack.pipeline.components import title_end
    from claimtrack.pipeline.records import claims_from_doc

    text = source.text
    meta = source.meta
    regions = [(0, source.body_start)] if source.body_start else []
    found = byline(text[source.body_start :]) or opinion_author(text[source.body_start :])
    if found is not None:
        # "By Ashley Hayes, CNN" (or a commentary's "The opinions expressed ... are those of X"): the byline
        # is no claim, and the article's own claims are hers
        regions.append((found[1] + source.body_start, found[2] + source.body_start))
        if not meta.get("author"):
            meta = {**meta, "author": found[0]}
    regions += [
        (s + source.body_start, e + source.body_start)
        for s, e in find_furniture(text[source.body_start :], author=meta.get("author"))
    ]
    masked = blank(text, regions)
    # runs of hundreds of characters without a space are no words; the tokenizer would spend
    # quadratic time on each ("((((...))))"), so the parser does not see them (offsets still hold)
    masked = blank(masked, unreadable_runs(masked))
    title = meta.get("title")
    if not title:
        end = title_end(masked)
        title = masked[:end].strip() or None
    art_id = article_id(text)
    ref = ArticleRef(
        id=art_id,
        path=source.label,
        published=meta.get("published"),
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        title=title,
        url=meta.get("url"),
        feed_id=meta.get("feed_id"),
    )
    pieces = list(chunks(masked))

    def docs() -> Iterator[object]:
        # made one at a time, so that a long article never holds all its parsed pieces at once
        for i, (_, piece) in enumerate(pieces):
            doc = nlp.make_doc(piece)  # type: ignore[attr-defined]
            doc.user_data["claimtrack_first_piece"] = i == 0
            doc.user_data["claimtrack_bylined"] = bool(meta.get("author"))
            yield doc

    claims: list[Claim] = []
    for (offset, _), doc in zip(pieces, nlp.pipe(docs(), batch_size=1), strict=True):  # type: ignore[attr-defined]
        claims.extend(claims_from_doc(doc, ref, text=text, offset=offset))
    article = Article(
        id=art_id,
        path=source.label,
        published=ref.published,
        outlet=ref.outlet,
        author=ref.author,
        title=title,
        url=ref.url,
        feed_id=ref.feed_id,
        sha1=hashlib.sha1(text.encode("utf-8")).hexdigest(),
        text=text,
        chars=len(text),
        claims=len(claims),
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    return article, claims


# --------------------------------------------------------------------------- the ingest job


@dataclass
class Outcome:
    """What happened to one input: claims stored, skipped as known, or an error to report."""

    label: str
    status: str  # "stored", "known" or "failed"
    article: Article | None = None
    claims: list[Claim] = field(default_factory=list)
    message: str | None = None
    notices: list[str] = field(default_factory=list)


def _failure(label: str, exc: BaseException) -> str:
    """One line for an input that failed in a way no check foresaw."""
    if isinstance(exc, InputError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{label}: cannot read: {exc.strerror or exc}. Check the path and its permissions."
    if isinstance(exc, RecursionError):
        return f"{label}: nested too deeply to read. Flatten the nesting (JSON or YAML) and try again."
    if isinstance(exc, MemoryError):
        return f"{label}: too large to read in memory. Split it into smaller articles."
    return (
        f"{label}: cannot read this input ({type(exc).__name__}: {str(exc)[:200]}); nothing was stored for it. "
        "Check the file; run with --debug for the traceback and report it."
    )


def _read_input(label: str, path: Path | None, read_stdin: Callable[[], bytes], limit: int) -> bytes:
    if path is not None and path.stat().st_size > limit:
        raise InputError(
            f"{label}: {path.stat().st_size:,} bytes is more than an input may hold ({limit:,}). "
            "Split it into smaller files."
        )
    data = read_stdin() if path is None else path.read_bytes()
    if len(data) > limit:
        raise InputError(f"{label}: more than {limit:,} bytes on standard input. Split it into smaller pieces.")
    return data


def _sources(
    paths: tuple[str, ...],
    *,
    options: dict[str, str | None],
    encoding: str | None,
    input_format: str,
    read_stdin: Callable[[], bytes],
) -> Iterator[Source | Outcome]:
    """Each article to ingest, or the failure that stands in its place.

    Whatever goes wrong while reading one input (a bad encoding, a name too long
    for the file system, nesting too deep) is that input's one-line failure;
    the other inputs go on.
    """
    fetcher = Fetcher()
    for label, path, problem in expand_paths(paths):
        if problem is not None:
            yield Outcome(label, "failed", message=str(problem))
            continue
        if path is None and is_url(label):
            try:
                body, ctype = fetcher.fetch(label)
                if "html" in ctype.lower() or looks_like_html(body):
                    yield read_html_source(label, body, path=None, options=options, url=label)
                else:
                    yield read_source(
                        label,
                        body,
                        path=None,
                        options={**options, "url": options.get("url") or label},
                        encoding=encoding,
                    )
            except Exception as exc:
                log.debug("fetching %s failed", label, exc_info=True)
                yield Outcome(label, "failed", message=_failure(label, exc))
            continue
        as_jsonl = input_format == "jsonl" or (input_format == "auto" and label.lower().endswith(".jsonl"))
        try:
            data = _read_input(label, path, read_stdin, MAX_FEED_BYTES if as_jsonl else MAX_ARTICLE_BYTES)
            as_html = not as_jsonl and (
                input_format == "html"
                or (input_format == "auto" and (is_html_path(label) or (path is None and looks_like_html(data))))
            )
            if as_jsonl:
                text, notices = decode(data, where=label, encoding=encoding)
            elif as_html:
                source = read_html_source(label, data, path=path, options=options)
            else:
                source = read_source(label, data, path=path, options=options, encoding=encoding)
        except Exception as exc:
            log.debug("reading %s failed", label, exc_info=True)
            yield Outcome(label, "failed", message=_failure(label, exc))
            continue
        if as_jsonl:
            yield from _jsonl_sources(label, text, notices, options=options)
        else:
            yield source


def _jsonl_sources(
    label: str, text: str, notices: list[str], *, options: dict[str, str | None]
) -> Iterator[Source | Outcome]:
    """Articles from JSON Lines: one object per line with "text" and, optionally, metadata fields."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{label}:{lineno}"
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: not valid JSON ({exc.msg}).") from exc
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
                raise InputError(
                    f'{where}: missing required field "text". Each line must be an object like '
                    '{"text": "...", "published": "2024-12-06"}; use --input-format text to read the file '
                    "as one article."
                )
            body, bad = without_surrogates(obj["text"])
            if len(body.encode("utf-8")) > MAX_ARTICLE_BYTES:
                raise InputError(f"{where}: the text is longer than an article may be ({MAX_ARTICLE_BYTES:,} bytes).")
            _check_prose(body, where=where)
            meta = _clean_meta({k: v for k, v in obj.items() if k != "text"}, where=where)
        except Exception as exc:
            yield Outcome(where, "failed", message=_failure(where, exc))
            continue
        meta.update({k: v for k, v in options.items() if v is not None})
        if obj.get("id") is not None:
            meta["feed_id"] = str(obj["id"])  # the feed's own id, kept beside the content hash
        line_notices = list(notices) if lineno == 1 else []
        if bad:
            line_notices.append(f"{where}: {bad} unpaired surrogate(s) (\\ud800 and the like) read as U+FFFD.")
        yield Source(label=where, text=body, meta=meta, notices=line_notices)


def ingest_inputs(
    paths: tuple[str, ...],
    store: Store,
    *,
    options: dict[str, str | None],
    encoding: str | None = None,
    force: bool = False,
    load: Callable[[], object],
    read_stdin: Callable[[], bytes],
    input_format: str = "auto",
    repair: bool = False,
    timeout: float | None = None,
    jobs: int = 1,
    model: str | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    partition_size: int | None = None,
) -> Iterator[Outcome]:
    """Read, extract and store each input in turn; a bad input never stops the others.

    Args:
        paths: files, folders, or "-" for standard input.
        store: where the claims go.
        options: metadata from the command line (wins over the files' own).
        encoding: read the files in this encoding instead of guessing.
        force: extract again articles the store already has.
        load: returns the NLP pipeline; called once, and only if an article needs it.
        read_stdin: returns standard input's bytes.
        input_format: "text" (one article per file), "jsonl" (one per line), "html" (a web page), or
            "auto" (JSON Lines for .jsonl, a page for .html and links, text otherwise).
        repair: set aside the store's bad lines first instead of refusing to add to it.
        timeout: seconds one article may take; None: 60 s plus 60 s per million characters.
        jobs: worker processes for extraction (see ``parallel.py``); this process stays the only writer,
            and outcomes come in input order whatever the number.
        model: the pipeline the workers load when jobs > 1.
        engine: "local" (processes on this machine) or "dask" (a Dask cluster, see ``distributed.py``):
            then ``store`` is a folder and each partition of articles becomes one shard of it.
        scheduler: the Dask scheduler's address; without it, a local cluster of ``jobs`` workers.
        partition_size: articles per Dask task.

    Raises:
        StoreError: the store cannot be written or read, before any input is read;
            or it stays locked by another process.
    """
    from claimtrack.parallel import Extracted, Failure, extract_in_order

    health = store.prepare(repair=repair)
    known = store.article_ids()
    partial = set(health.incomplete)  # recorded without all their claims: stored again whole when met
    taken: set[str] = set()

    def todo() -> Iterator[Source | Outcome]:
        """The sources to extract; those already stored (or given twice) become outcomes here."""
        for item in _sources(
            paths, options=options, encoding=encoding, input_format=input_format, read_stdin=read_stdin
        ):
            if isinstance(item, Source):
                aid = article_id(item.text)
                if (aid in known and not force and aid not in partial) or aid in taken:
                    item = Outcome(
                        item.label,
                        "known",
                        notices=item.notices,
                        message=f"{item.label}: already in the store (article {aid}); use --force to extract it again.",
                    )
                else:
                    taken.add(aid)
            yield item

    def wanted(item: Source | Outcome) -> Source | None:
        return item if isinstance(item, Source) else None

    results: Iterator[tuple[Source | Outcome, Extracted | None, Store]]
    if engine == "dask":
        from claimtrack.distributed import PARTITION_SIZE, extract_on_dask

        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        results = (
            (item, result, store if part is None else store.shard(f"part-{stamp}-{part:05d}"))
            for item, result, part in extract_on_dask(
                todo(),
                wanted=wanted,
                scheduler=scheduler,
                workers=jobs,
                model=model,
                partition_size=partition_size or PARTITION_SIZE,
            )
        )
    else:
        results = (
            (item, result, store)
            for item, result in extract_in_order(
                todo(), wanted=wanted, jobs=jobs, load=load, model=model, timeout=timeout
            )
        )
    for item, result, target in results:
        if isinstance(item, Outcome):
            yield item
            continue
        label = item.label
        if isinstance(result, Failure) or result is None:
            if isinstance(result, Failure) and result.message:
                yield Outcome(label, "failed", notices=item.notices, message=f"{label}: {result.message}")
                continue
            log.debug("extraction failed on %s:\n%s", label, result.details if result else "")
            yield Outcome(
                label,
                "failed",
                notices=item.notices,
                message=(
                    f"{label}: the claim extractor failed ({result.error if result else 'no result'}); nothing was "
                    "stored for this article. Run with --debug for the traceback and report it."
                ),
            )
            continue
        article, claims = result
        aid = article.id
        try:
            if target is store:
                added = store.add(article, claims, replace=aid in known or aid in partial)
            else:  # a new shard: what the store held of the article goes first
                if aid in known:
                    for shard in store.shards():
                        shard.drop(aid)
                added = target.add(article, claims)
        except StoreLocked:
            raise
        except StoreError as exc:
            yield Outcome(label, "failed", notices=item.notices, message=str(exc))
            continue
        known.add(aid)
        partial.discard(aid)
        if not added:
            yield Outcome(
                label,
                "known",
                notices=item.notices,
                message=f"{label}: stored meanwhile by another claimtrack (article {aid}); nothing added.",
            )
            continue
        yield Outcome(label, "stored", article=article, claims=claims, notices=item.notices)
