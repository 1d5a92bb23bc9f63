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

import yaml
from dateutil import parser as dateparser

from claimtrack.errors import InputError
from claimtrack.models import Article, ArticleRef, Claim, article_id
from claimtrack.store import Store

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md")
INPUT_FORMATS = ("auto", "text", "jsonl")
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
        else:
            meta[name] = None if value is None else str(value).strip() or None
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
        return data.decode("utf-16"), notices
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
    try:
        raw = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(
            f"{where}: the front matter{line} is not valid YAML: {getattr(exc, 'problem', exc)}. "
            "Write it as lines of 'field: value' between two '---' lines."
        ) from exc
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


def file_metadata(path: Path) -> dict[str, str | None]:
    """Metadata for ``path`` from its folder's manifest and its sidecar (the sidecar wins)."""
    meta: dict[str, str | None] = {}
    manifest = path.parent / MANIFEST
    if manifest.is_file():
        raw = _read_json_meta(manifest)
        entries = raw.get("articles", raw) if isinstance(raw, dict) else None
        if not isinstance(entries, dict):
            raise InputError(f"{manifest}: expected an object mapping file names to metadata.")
        if path.name in entries:
            meta.update(_clean_meta(entries[path.name], where=f"{manifest}: {path.name}"))
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if sidecar.is_file():
        meta.update(_clean_meta(_read_json_meta(sidecar), where=str(sidecar)))
    return meta


def expand_paths(paths: tuple[str, ...]) -> Iterator[tuple[str, Path | None, InputError | None]]:
    """Each input as ``(label, path, error)``; folders expand to their articles.

    ``-`` yields ``("-", None, None)``. A missing path or an empty folder yields an error
    in place, so that the other inputs are still processed.
    """
    for given in paths:
        if given == "-":
            yield given, None, None
            continue
        path = Path(given)
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
                yield str(p), p, None
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
    meta.update({k: v for k, v in options.items() if v is not None})
    return Source(label=label, text=text, meta=meta, body_start=body_start, notices=notices)


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
    from claimtrack.furniture import blank, find_furniture
    from claimtrack.pipeline.components import title_end
    from claimtrack.pipeline.records import claims_from_doc

    text = source.text
    meta = source.meta
    regions = [(0, source.body_start)] if source.body_start else []
    regions += [
        (s + source.body_start, e + source.body_start)
        for s, e in find_furniture(text[source.body_start :], author=meta.get("author"))
    ]
    masked = blank(text, regions)
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


def _sources(
    paths: tuple[str, ...],
    *,
    options: dict[str, str | None],
    encoding: str | None,
    input_format: str,
    read_stdin: Callable[[], bytes],
) -> Iterator[Source | Outcome]:
    """Each article to ingest, or the failure that stands in its place."""
    for label, path, problem in expand_paths(paths):
        if problem is not None:
            yield Outcome(label, "failed", message=str(problem))
            continue
        try:
            data = read_stdin() if path is None else path.read_bytes()
        except OSError as exc:
            yield Outcome(label, "failed", message=f"{label}: cannot read: {exc.strerror or exc}.")
            continue
        as_jsonl = input_format == "jsonl" or (input_format == "auto" and label.lower().endswith(".jsonl"))
        try:
            if as_jsonl:
                yield from _jsonl_sources(label, data, options=options, encoding=encoding)
            else:
                yield read_source(label, data, path=path, options=options, encoding=encoding)
        except InputError as exc:
            yield Outcome(label, "failed", message=str(exc))


def _jsonl_sources(
    label: str, data: bytes, *, options: dict[str, str | None], encoding: str | None
) -> Iterator[Source | Outcome]:
    """Articles from JSON Lines: one object per line with "text" and, optionally, metadata fields."""
    text, notices = decode(data, where=label, encoding=encoding)
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{label}:{lineno}"
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
                raise InputError(
                    f'{where}: missing required field "text". Each line must be an object like '
                    '{"text": "...", "published": "2024-12-06"}; use --input-format text to read the file '
                    "as one article."
                )
            meta = _clean_meta({k: v for k, v in obj.items() if k != "text"}, where=where)
        except json.JSONDecodeError as exc:
            yield Outcome(where, "failed", message=f"{where}: not valid JSON ({exc.msg}).")
            continue
        except InputError as exc:
            yield Outcome(where, "failed", message=str(exc))
            continue
        meta.update({k: v for k, v in options.items() if v is not None})
        if obj.get("id") is not None:
            meta["feed_id"] = str(obj["id"])  # the feed's own id, kept beside the content hash
        yield Source(label=where, text=obj["text"], meta=meta, notices=notices if lineno == 1 else [])


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
        input_format: "text" (one article per file), "jsonl" (one per line), or "auto"
            (JSON Lines for files ending in .jsonl, text otherwise).
    """
    known = store.article_ids()
    nlp = None
    for item in _sources(paths, options=options, encoding=encoding, input_format=input_format, read_stdin=read_stdin):
        if isinstance(item, Outcome):
            yield item
            continue
        source, label = item, item.label
        aid = article_id(source.text)
        if aid in known and not force:
            yield Outcome(
                label,
                "known",
                notices=source.notices,
                message=f"{label}: already in the store (article {aid}); use --force to extract it again.",
            )
            continue
        if nlp is None:
            nlp = load()
        try:
            article, claims = extract(source, nlp)
        except Exception as exc:  # a bug on one article must not cost the others
            log.debug("extraction failed on %s", label, exc_info=True)
            yield Outcome(
                label,
                "failed",
                notices=source.notices,
                message=(
                    f"{label}: the claim extractor failed ({type(exc).__name__}: {str(exc)[:200]}); nothing was "
                    "stored for this article. Run with --debug for the traceback and report it."
                ),
            )
            continue
        store.add(article, claims, replace=aid in known)
        known.add(aid)
        yield Outcome(label, "stored", article=article, claims=claims, notices=source.notices)
