"""The ``claimtrack`` command line: parse, call the core, render.

Nothing here imports spaCy at module level: only ``ingest`` loads the pipeline,
so ``--help`` and the commands that read the store start fast.
"""

from __future__ import annotations

import functools
import gc
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from claimtrack.console import error, info, set_quiet, warn
from claimtrack.errors import ClaimtrackError, InputError, NotFound
from claimtrack.names import CLAIM_KINDS, CONTRADICTION_TYPES, DEFAULT_STORE
from claimtrack.output import FORMATS, Column, emit, shorten
from claimtrack.textsafe import printable

if TYPE_CHECKING:  # pydantic and the store are imported by the commands that use them, not for --help
    from claimtrack.models import Claim
    from claimtrack.store import Store
    from claimtrack.views import ClaimRow

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("claimtrack")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("claimtrack")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def _print_version(ctx: click.Context) -> None:
    click.echo(f"claimtrack, version {_version()}")
    ctx.exit()


def _store_at(path: Path) -> Store:
    from claimtrack.store import Store

    return Store(path)


def store_damage() -> list[str]:
    """The bad store lines readers skipped (none if the store was never read: nothing imported for --help)."""
    if "claimtrack.store" not in sys.modules:
        return []
    from claimtrack.store import damage

    return damage()


def reset_store_damage() -> None:
    if "claimtrack.store" in sys.modules:
        from claimtrack.store import reset_damage

        reset_damage()


def _debug() -> bool:
    return os.environ.get("CLAIMTRACK_DEBUG", "") not in ("", "0")


class ClaimtrackGroup(click.Group):
    """Turns claimtrack's errors into one-line messages and exit status 1, in one place.

    Every error message, click's own included (they quote arguments), is shown
    literally: a file name or id with escape sequences in it cannot drive the terminal.
    """

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.ClickException as exc:
            raise _literal_error(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
        except ClaimtrackError as exc:
            if _debug():
                traceback.print_exc()
            raise click.ClickException(printable(str(exc))) from exc
        except click.ClickException as exc:
            raise _literal_error(exc) from None
        skipped = store_damage()
        if skipped:  # what was shown is complete but for these lines: say so, and exit 1
            warn(
                f"{len(skipped)} bad line(s) in the store were skipped (first: {skipped[0]}). "
                "See them with `claimtrack doctor`; `claimtrack doctor --repair` sets them aside."
            )
            ctx.exit(1)
        return result


def _literal_error(exc: click.ClickException) -> click.ClickException:
    exc.message = printable(exc.message)  # type: ignore[misc]  # click marks it Final; showing it literally is all we change
    return exc


# --------------------------------------------------------------------------- shared options


def store_option(f: F) -> F:
    return click.option(
        "--store",
        type=click.Path(path_type=Path),
        envvar="CLAIMTRACK_STORE",
        default=DEFAULT_STORE,
        show_default=True,
        show_envvar=True,
        help="The claims store: a JSONL file (articles.jsonl is kept beside it), or a folder of JSONL shards.",
    )(f)


def output_options(f: F) -> F:
    """-f/--format with the --json and --jsonl/--nl shortcuts."""

    @click.option(
        "-f",
        "--format",
        "format_",
        type=click.Choice(FORMATS),
        default=None,
        help="Output format. auto (default): a table on a terminal, JSON Lines when piped.",
    )
    @click.option("--json", "json_", is_flag=True, help="Shortcut for --format json (one JSON array).")
    @click.option("--jsonl", "--nl", "jsonl", is_flag=True, help="Shortcut for --format jsonl.")
    @functools.wraps(f)
    def wrapper(*args: Any, format_: str | None, json_: bool, jsonl: bool, **kwargs: Any) -> Any:
        given = [x for x in (format_ and f"--format {format_}", json_ and "--json", jsonl and "--jsonl") if x]
        if len(given) > 1:
            raise click.UsageError(f"Use only one of {', '.join(given)}.")
        fmt = format_ or ("json" if json_ else "jsonl" if jsonl else None)
        return f(*args, format_=fmt, **kwargs)

    return wrapper  # type: ignore[return-value]


def quiet_option(f: F) -> F:
    def callback(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
        set_quiet(value)
        return value

    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=callback,
        help="No progress or warnings on stderr (errors are still shown).",
    )(f)


def jobs_option(what: str, same: str) -> Callable[[F], F]:
    """``-j/--jobs``: how many processes do ``what``; ``same`` is what comes out the same whatever the number."""
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        help=f"{what} (default: the machine's cores). {same} the same whatever the number.",
    )


def date_option(name: str, help_: str) -> Callable[[F], F]:
    def convert(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is None:
            return None
        from claimtrack.ingest import parse_published

        try:
            return parse_published(value, where=f"--{param.name}")
        except InputError as exc:
            raise click.BadParameter(str(exc).split(": ", 1)[-1], param=param) from exc

    return click.option(f"--{name}", callback=convert, metavar="DATE", help=help_)


# --------------------------------------------------------------------------- the group


@click.group(cls=ClaimtrackGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, param, value: _print_version(ctx) if value and not ctx.resilient_parsing else None,
    help="Show the version and exit.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks (also CLAIMTRACK_DEBUG=1).")
def cli(debug: bool) -> None:
    """Track who claimed what in the news, and which claims later news contradicts.

    \b
    Ingest articles, then ask:
      claimtrack ingest seeds/
      claimtrack claims --about Iran
      claimtrack contradictions
      claimtrack predictions
      claimtrack speakers

    Listings print a table on a terminal and JSON Lines when piped
    (claimtrack claims | jq .text); pass --format to choose.
    """
    set_quiet(False)  # per command: -q/--quiet of a command turns it on
    reset_store_damage()
    if debug:
        os.environ["CLAIMTRACK_DEBUG"] = "1"
    logging.basicConfig(
        level=logging.DEBUG if _debug() else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )


# --------------------------------------------------------------------------- ingest


def _claim_columns() -> list[Column]:
    return [
        Column("id", lambda c: c.id[:8], max_width=8),
        Column("date", lambda c: c.time or c.article.published, max_width=10),
        Column("speaker", lambda c: c.speaker.name, max_width=22),
        Column("kind", lambda c: c.kind, max_width=10),
        Column("claim", lambda c: shorten(c.text, 160), ratio=3),
        Column("proposition", lambda c: _prop(c.proposition), ratio=1),
    ]


def _prop(p: Any) -> str:
    if p is None:
        return ""
    neg = "" if p.polarity else "NOT "
    where = f" @{p.place}" if p.place else ""
    obj = f" {p.object}" if p.object else ""
    return f"{p.subject or '?'} {neg}{p.predicate}{obj}{where}"


@cli.command()
@click.argument("articles", nargs=-1, type=click.Path(allow_dash=True))
@date_option("published", "Publication date (YYYY-MM-DD, YYYY-MM or YYYY) for every article given.")
@click.option("--outlet", help="The outlet that published the articles.")
@click.option("--author", help="The articles' author.")
@click.option("--title", help="The article's title.")
@click.option("--url", help="The article's web address.")
@click.option("--encoding", help="Read the files in this encoding (default: UTF-8, falling back to cp1252).")
@click.option(
    "--input-format",
    type=click.Choice(("auto", "text", "jsonl", "html")),
    default="auto",
    show_default=True,
    help='text: a file is one article; jsonl: one article per line ({"text": ..., "published": ...}); '
    "html: a web page, read for its article body and metadata; "
    "auto: JSON Lines for .jsonl, a web page for .html/.htm and http(s):// links, text otherwise.",
)
@click.option("--force", is_flag=True, help="Extract again articles already in the store.")
@click.option("--repair", is_flag=True, help="Set aside the store's bad lines first (see doctor) instead of refusing.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="Stop an article that takes longer (default: 60 s plus 60 s per million characters; 0: no limit).",
)
@click.option("--model", help="A trained spaCy pipeline to use instead of the bundled one.")
@jobs_option("Worker processes for extraction", "The store and the output come out")
@click.option(
    "--engine",
    type=click.Choice(("local", "dask")),
    default="local",
    show_default=True,
    help="local: worker processes on this machine; dask: the workers of a Dask cluster "
    "(pip install 'claimtrack[dask]'), the store then a folder of shards.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the scheduler's address (tcp://HOST:8786); "
    "without it, a local cluster of --jobs workers.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    help="With --engine dask: articles per task and per shard (default 100).",
)
@click.option("-v", "--verbose", is_flag=True, help="A line on stderr for each article.")
@store_option
@output_options
@quiet_option
def ingest(
    articles: tuple[str, ...],
    published: str | None,
    outlet: str | None,
    author: str | None,
    title: str | None,
    url: str | None,
    encoding: str | None,
    input_format: str,
    force: bool,
    repair: bool,
    timeout: float | None,
    model: str | None,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    partition_size: int | None,
    verbose: bool,
    store: Path,
    format_: str | None,
) -> None:
    """Extract attributed claims from ARTICLES and add them to the store.

    ARTICLES are .txt, .md or .html files, http(s):// links to web pages,
    folders (searched for articles), or - for standard input. Metadata comes from the options, a front-matter block
    (--- published: 2019-03-18 ---), a sidecar NAME.meta.json, or a
    manifest.json in the article's folder. Ingesting the same text again
    changes nothing unless --force is given.

    Progress (a bar on a terminal, a line per article with -v) and a summary
    go to stderr; -q leaves only errors. --format prints the new claims.

    \b
    Examples:
      claimtrack ingest seeds/
      claimtrack ingest saved-page.html https://example.org/news/story
      claimtrack ingest archive.jsonl --engine dask --scheduler tcp://10.0.0.5:8786 --store data/claims/
      curl -s https://example.org/story.txt | claimtrack ingest - --published 2024-12-06
    """
    from claimtrack.forked import cores
    from claimtrack.ingest import ingest_inputs
    from claimtrack.progress import IngestProgress, count_articles

    if not articles:
        if sys.stdin.isatty():
            raise click.UsageError("Give ARTICLES (files, folders, or - for standard input).")
        articles = ("-",)
    if any(not a.strip() for a in articles):
        raise click.UsageError("An empty name was given as an article; give files, folders, or - for standard input.")
    options = {"published": published, "outlet": outlet, "author": author, "title": title, "url": url}
    if engine == "dask":
        if store.is_file() or (not store.exists() and store.suffix == ".jsonl"):
            raise click.UsageError(
                f"--engine dask writes a folder of shards; {store} is a file. Give --store FOLDER (e.g. data/claims/)."
            )
        store.mkdir(parents=True, exist_ok=True)
    elif scheduler or partition_size:
        raise click.UsageError("--scheduler and --partition-size go with --engine dask.")

    def load() -> object:
        from claimtrack.pipeline import load_nlp

        return load_nlp(model)

    counts = {"stored": 0, "known": 0, "failed": 0}
    new_claims: list[Claim] = []
    outcomes = ingest_inputs(
        articles,
        _store_at(store),
        options=options,
        encoding=encoding,
        force=force,
        load=load,
        read_stdin=sys.stdin.buffer.read,
        input_format=input_format,
        repair=repair,
        timeout=timeout,
        jobs=jobs or cores(),
        model=model,
        engine=engine,
        scheduler=scheduler,
        partition_size=partition_size,
    )
    with IngestProgress(count_articles(articles, input_format), verbose=verbose) as progress:
        for outcome in outcomes:
            counts[outcome.status] += 1
            for notice in outcome.notices:
                warn(notice)
            if outcome.status == "failed":
                error(outcome.message or outcome.label)
            elif outcome.status == "known" and verbose:
                info(outcome.message or outcome.label)
            if outcome.status == "stored":
                assert outcome.article is not None
                new_claims.extend(outcome.claims)
                a = outcome.article
                progress.article(outcome.label, claims=len(outcome.claims), text=a.text, article_id=a.id)
            else:
                progress.advance()
    stored, found = counts["stored"], len(new_claims)
    info(
        f"ingested {stored} article{'s' if stored != 1 else ''}, {found} claim{'' if found == 1 else 's'}"
        + (f"; {counts['known']} already in the store (--force extracts again)" if counts["known"] else "")
        + (f"; {counts['failed']} failed" if counts["failed"] else "")
        + f" -> {store} ({progress.elapsed:.1f} s"
        + (f", {progress.rate()})" if stored else ")")
    )
    if format_:
        emit(new_claims, format_, _claim_columns())
    if counts["failed"]:
        sys.exit(1)


# --------------------------------------------------------------------------- reading the store


def _open(store: Path) -> Store:
    st = _store_at(store)
    if not st.exists():
        raise ClaimtrackError(
            f"{store}: no store here yet. Ingest articles first: claimtrack ingest PATH (or pass --store)."
        )
    return st


T = TypeVar("T")


def _kept(records: Iterable[T]) -> list[T]:
    """Records read to live until the command ends, out of the cyclic collector's way.

    The collector is held while they are read, and they are frozen before it runs again: otherwise its first
    run after the read walks every record once (a second on 100,000 claims)."""
    from claimtrack.store import paused_gc

    with paused_gc():
        out = list(records)
        gc.freeze()
    return out


def _claims(store: Path) -> list[Claim]:
    return _kept(_open(store).claims())


def _views(store: Path) -> list[ClaimRow]:
    return _kept(_open(store).claim_views())


@cli.command()
@click.option("--speaker", help="Only claims by this speaker (part of the name; a country also matches its capital).")
@click.option("--kind", type=click.Choice(CLAIM_KINDS), multiple=True, help="Only claims of this kind (repeatable).")
@click.option("--about", help="Only claims about this (Iran also matches Iranian, Tehran).")
@click.option("--article", help="Only claims from this article (id prefix or path).")
@date_option("since", "Only claims about or published on/after this date.")
@date_option("until", "Only claims about or published on/before this date.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many claims.")
@store_option
@output_options
def claims(
    speaker: str | None,
    kind: tuple[str, ...],
    about: str | None,
    article: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    store: Path,
    format_: str | None,
) -> None:
    """List stored claims."""
    from claimtrack.output import resolve_format, write_lines
    from claimtrack.query import ClaimFilter

    if not (speaker or kind or about or article or since or until) and resolve_format(format_ or "auto") == "jsonl":
        lines = _open(store).verified_lines()
        if lines is not None:  # the store is as claimtrack left it: its lines are passed on as stored
            write_lines(_take(lines, limit))
            return

    selected = ClaimFilter(speaker, kind, about, article, since, until)(_claims(store))
    emit(_take(selected, limit), format_ or "auto", _claim_columns(), title="claims")


def _take(items: Any, limit: int | None) -> Iterator[Any]:
    for i, item in enumerate(items):
        if limit is not None and i >= limit:
            return
        yield item


@cli.command()
@click.argument("claim_id")
@store_option
@output_options
def show(claim_id: str, store: Path, format_: str | None) -> None:
    """Show one claim in its context: sentence, article, speaker, cue, proposition.

    CLAIM_ID may be a unique prefix of the id.
    """
    matches = [c for c in _claims(store) if c.id.startswith(claim_id)]
    if not matches:
        raise NotFound(f"{claim_id}: no claim with this id in {store}. List ids with: claimtrack claims")
    if len(matches) > 1:
        raise click.UsageError(f"{claim_id!r} matches {len(matches)} claims; give more of the id.")
    claim = matches[0]
    fmt = format_ or "auto"
    from claimtrack.output import resolve_format

    if resolve_format(fmt) != "table":
        emit([claim], fmt, [])
        return
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text

    from claimtrack.textsafe import literal

    s = claim.sentence
    body = Text()
    rel0, rel1 = claim.span.start - s.start, claim.span.end - s.start
    body.append(literal(s.text[:rel0], lines=True))
    body.append(literal(s.text[rel0:rel1], lines=True, style="bold yellow"))
    body.append(literal(s.text[rel1:], lines=True))
    a = claim.article
    sp = claim.speaker
    rows = [
        ("claim", f"{claim.id}  [{claim.span.start}:{claim.span.end}]"),
        (
            "article",
            f"{a.path or a.id}  ("
            + ", ".join(x for x in (a.published or "date unknown", a.outlet, a.title) if x)
            + ")",
        ),
        (
            "speaker",
            f"{sp.name} ({sp.kind})"
            + (f", {sp.role}" if sp.role else "")
            + (f"  as written: {sp.mention.text!r}" if sp.mention else ""),
        ),
        ("cue", f"{claim.cue.text!r} [{claim.cue.start}:{claim.cue.end}]" if claim.cue else "(the author's own claim)"),
        ("via", claim.via or ""),
        ("kind", f"{claim.kind}{', quoted' if claim.quoted else ''}"),
        ("hedge", claim.hedge or ""),
        ("time", f"{claim.time} ({claim.time_text!r})" if claim.time else (claim.time_text or "")),
        ("proposition", _prop(claim.proposition) + (f"  [{claim.proposition.modality}]" if claim.proposition else "")),
    ]
    console = Console(highlight=False)
    console.print(Panel(body, title="sentence", expand=False))
    for key, value in rows:
        if value:
            console.print(f"[bold]{key:>12}[/bold]  ", literal(value))


@cli.command()
@store_option
@output_options
def articles(store: Path, format_: str | None) -> None:
    """List ingested articles."""
    st = _store_at(store)
    if not st.exists():
        raise ClaimtrackError(f"{store}: no store here yet. Ingest articles first: claimtrack ingest PATH.")
    cols = [
        Column("id", lambda a: a.id[:8], max_width=8),
        Column("published", lambda a: a.published, max_width=10),
        Column("claims", lambda a: a.claims, justify="right", max_width=6),
        Column("path", lambda a: a.path, ratio=1),
        Column("author / outlet", lambda a: " / ".join(x for x in (a.author, a.outlet) if x), ratio=1),
        Column("title", lambda a: shorten(a.title, 80), ratio=2),
    ]
    emit(st.articles(), format_ or "auto", cols, title="articles")


# --------------------------------------------------------------------------- contradictions and track records


@cli.command()
@click.option(
    "--type", "types", type=click.Choice(CONTRADICTION_TYPES), multiple=True, help="Only this type (repeatable)."
)
@click.option("--speaker", help="Only contradictions involving this speaker.")
@click.option("--about", help="Only contradictions about this (Iran also matches Iranian, Tehran).")
@date_option("since", "Only contradictions with a claim on or after this date.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Only contradictions at least this confident.",
)
@jobs_option("Processes to read a large store's frames in", "The records come out")
@store_option
@output_options
def contradictions(
    types: tuple[str, ...],
    speaker: str | None,
    about: str | None,
    since: str | None,
    min_confidence: float,
    jobs: int | None,
    store: Path,
    format_: str | None,
) -> None:
    """Flag earlier predictions and intentions that later claims contradict.

    \b
    Types:
      prediction_contradicted  a prediction or intention, then events saying the opposite
      reversal                 an actor's stated intention, later turned round
      conflicting_reports      sources disagreeing about the same event at the same time
    """
    from claimtrack.contradictions import find_contradictions, takes_part
    from claimtrack.forked import cores
    from claimtrack.query import filter_contradictions

    # only claims that can take part are kept: a large store never sits whole in memory
    all_claims = _kept(c for c in _open(store).claim_views() if takes_part(c))
    by_id = {c.id: c for c in all_claims}
    found = filter_contradictions(
        find_contradictions(all_claims, jobs=jobs or cores()),
        by_id,
        types=types,
        speaker=speaker,
        about=about,
        since=since,
        min_confidence=min_confidence,
    )
    cols = [
        Column("id", lambda r: r.id[:8], max_width=8),
        Column("type", lambda r: r.type.replace("_", " "), max_width=13),
        Column("conf.", lambda r: f"{r.confidence:.2f}", justify="right", max_width=5),
        Column("explanation", lambda r: r.explanation, ratio=1),
    ]
    emit(found, format_ or "auto", cols, title="contradictions")


@cli.command()
@click.option(
    "--status",
    type=click.Choice(("contradicted", "confirmed", "open")),
    multiple=True,
    help="Only predictions with this status (repeatable).",
)
@click.option("--speaker", help="Only predictions by this speaker.")
@click.option("--about", help="Only predictions about this.")
@store_option
@output_options
def predictions(
    status: tuple[str, ...], speaker: str | None, about: str | None, store: Path, format_: str | None
) -> None:
    """List predictions and stated intentions: contradicted, confirmed or open."""
    from claimtrack.contradictions import find_contradictions
    from claimtrack.contradictions import predictions as track
    from claimtrack.query import ClaimFilter

    all_claims = _views(store)
    preds = track(all_claims, find_contradictions(all_claims))
    keep = {c.id for c in ClaimFilter(speaker=speaker, about=about)(all_claims)}
    rows = (p for p in preds if p.claim in keep and (not status or p.status in status))
    cols = [
        Column("claim", lambda p: p.claim[:8], max_width=8),
        Column("date", lambda p: p.date, max_width=10),
        Column("speaker", lambda p: p.speaker, max_width=22),
        Column("status", lambda p: p.status, max_width=12),
        Column("by", lambda p: len(p.contradicted_by) + len(p.confirmed_by) or "", justify="right", max_width=3),
        Column("prediction or intention", lambda p: shorten(p.text, 140), ratio=3),
        Column("proposition", lambda p: _prop(p.proposition), ratio=1),
    ]
    emit(rows, format_ or "auto", cols, title="predictions and intentions")


@cli.command()
@click.option(
    "--kind",
    type=click.Choice(("person", "organization", "outlet", "anonymous", "author")),
    multiple=True,
    help="Only speakers of this kind (repeatable).",
)
@store_option
@output_options
def speakers(kind: tuple[str, ...], store: Path, format_: str | None) -> None:
    """Each speaker's track record: claims, predictions, and how they fared."""
    from claimtrack.contradictions import find_contradictions, predictions, speaker_records

    all_claims = _views(store)
    rows = speaker_records(all_claims, predictions(all_claims, find_contradictions(all_claims)))
    cols = [
        Column("speaker", lambda r: r.speaker, ratio=1),
        Column("kind", lambda r: r.kind, max_width=12),
        Column("claims", lambda r: r.claims, justify="right", max_width=6),
        Column("predicted", lambda r: r.predictions, justify="right", max_width=9),
        Column("wrong", lambda r: r.contradicted, justify="right", max_width=5),
        Column("right", lambda r: r.confirmed, justify="right", max_width=5),
        Column("open", lambda r: r.open, justify="right", max_width=4),
        Column("first", lambda r: r.first, max_width=10),
        Column("last", lambda r: r.last, max_width=10),
    ]
    emit((r for r in rows if not kind or r.kind in kind), format_ or "auto", cols, title="speakers")


# --------------------------------------------------------------------------- the store's health


@cli.command()
@click.option("--repair", is_flag=True, help="Set aside the lines readers cannot use (kept in FILE.rejected).")
@store_option
def doctor(repair: bool, store: Path) -> None:
    """Check the store; with --repair, set aside what readers cannot use.

    Reports bad lines (with their numbers), a last line cut off by a crash,
    claims without their article record, ids stored twice, and articles that
    lack some of their claims. --repair rewrites the store without them
    (keeping its permissions) and keeps every line taken out in
    claims.jsonl.rejected or articles.jsonl.rejected beside it; ingest the
    articles named again to store them whole. Exit status 1 if problems remain.
    """
    st = _open(store)
    if repair:
        before, health = st.repair()
        for problem in before.problems():
            info(f"repaired: {problem}")
    else:
        health = st.check()
    for problem in health.problems():
        error(problem)
    info(
        f"{store}: {health.articles} article{'' if health.articles == 1 else 's'}, "
        f"{health.claims} claim{'' if health.claims == 1 else 's'}"
        + ("; no problems" if health.ok else f"; {len(health.problems())} problem(s)")
    )
    if not health.ok:
        if not repair:
            info("Set them aside with: claimtrack doctor --repair")
        sys.exit(1)


# --------------------------------------------------------------------------- the report


@cli.command()
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="Where to write the page (- for standard output).",
)
@store_option
def report(out: Path, store: Path) -> None:
    """Write one self-contained HTML page: contradictions, a timeline, track records, claims in context.

    The page loads nothing from the network and runs no script; open it in any browser.
    """
    from datetime import UTC, datetime

    from claimtrack.contradictions import find_contradictions, predictions, speaker_records
    from claimtrack.report import render

    st = _open(store)
    views = _kept(st.claim_views())
    found = find_contradictions(views)
    preds = predictions(views, found)
    people = speaker_records(views, preds)
    wanted = {cid for r in found for cid in (r.earlier, *r.later)}
    wanted |= {
        cid
        for p in preds
        if p.contradicted_by or p.confirmed_by
        for cid in (p.claim, *p.contradicted_by, *p.confirmed_by)
    }
    full = {c.id: c for c in st.claims() if c.id in wanted}
    articles = {c.article.id for c in full.values()}
    page = render(
        contradictions=found,
        predictions=[p for p in preds if p.contradicted_by or p.confirmed_by],
        speakers=people,
        claims=full,
        articles=(a for a in st.articles() if a.id in articles),
        store=str(store),
        n_claims=len(views),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
    if str(out) == "-":
        from claimtrack.output import write_text

        write_text(page)
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ClaimtrackError(f"{out}: cannot write the report: {exc.strerror or exc}.") from exc
    info(f"report: {len(found)} contradictions, {len(people)} speakers -> {out}")
