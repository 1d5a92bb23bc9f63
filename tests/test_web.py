"""Web pages in: HTML files and links served by a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.errors import InputError
from claimtrack.web import Fetcher

from .conftest import FIXTURES, REPO, jsonl

PAGES = FIXTURES / "web"
BOILERPLATE = (
    "Related stories",
    "Oil prices climb",
    "Reader42",
    "Comments",
    "Copyright",
    "newsletter",
    "Subscribe",
    "Most read",
    "Middle East correspondent",
    "analytics",
    "Home",
)


@dataclass
class Site:
    """A local web site: its address and a log of (path, user agent, start, end) per request."""

    base: str
    log: list[tuple[str, str, float, float]] = field(default_factory=list)


def _serve(crawl_delay: int) -> Iterator[Site]:
    site = Site(base="")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            start = time.monotonic()
            try:
                self._answer()
            finally:
                site.log.append((self.path, self.headers.get("User-Agent", ""), start, time.monotonic()))

        def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _answer(self) -> None:
            path = self.path
            if path == "/robots.txt":
                rules = f"User-agent: *\nDisallow: /private/\nCrawl-delay: {crawl_delay}\n"
                self._send(200, rules.encode(), "text/plain")
            elif path.startswith(("/news/", "/private/")) and (PAGES / Path(path).name).is_file():
                self._send(200, (PAGES / Path(path).name).read_bytes())
            elif path == "/plain.txt":
                self._send(200, b"The minister said on Monday that the talks would resume in March.\n", "text/plain")
            elif path == "/nav.html":
                self._send(200, b"<html><body><nav><a href='/'>Home</a> <a href='/a'>World</a></nav></body></html>")
            elif path == "/slow":
                time.sleep(3)
                self._send(200, b"<html><body><p>late</p></body></html>")
            elif path == "/huge":
                self._send(200, b"<html><body>" + b"<p>word </p>" * 2000 + b"</body></html>")
            else:
                self._send(404, b"not found")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    yield from _serve(crawl_delay=0)


@pytest.fixture
def slow_site() -> Iterator[Site]:
    yield from _serve(crawl_delay=1)


def _articles(store: Path) -> dict[str, dict]:
    return {a["path"]: a for a in jsonl(store.with_name("articles.jsonl").read_text(encoding="utf-8"))}


def _check_offsets(store: Path) -> list[dict]:
    """Every claim's span and sentence are exact slices of the stored article text."""
    texts = {a["id"]: a["text"] for a in _articles(store).values()}
    claims = jsonl(store.read_text(encoding="utf-8"))
    for c in claims:
        text = texts[c["article"]["id"]]
        assert text[c["span"]["start"] : c["span"]["end"]] == c["span"]["text"] == c["text"]
        assert text[c["sentence"]["start"] : c["sentence"]["end"]] == c["sentence"]["text"]
    return claims


def test_html_file_keeps_the_article_body_and_its_metadata(runner: CliRunner, store_env: Path) -> None:
    result = runner.invoke(cli, ["ingest", str(PAGES / "story.html"), str(PAGES / "teaser.html")])
    assert result.exit_code == 0, result.output
    arts = _articles(store_env)
    story, teaser = arts[str(PAGES / "story.html")], arts[str(PAGES / "teaser.html")]
    assert (story["title"], story["author"], story["outlet"], story["published"]) == (
        "Iran pulls advisers out of Syria",
        "Jane Doe",
        "The Daily Ledger",
        "2024-12-06",
    )
    assert story["url"] == "https://ledger.example/world/2024/12/06/iran-pulls-advisers-out-of-syria"
    assert (teaser["title"], teaser["author"], teaser["outlet"], teaser["published"]) == (
        "Ankara says it will keep troops in northern Syria",
        "Omar Haddad",
        "Meridian Post",
        "2019-03-18",
    )
    assert story["text"].startswith("Iran pulls advisers out of Syria\n\nIran has begun withdrawing")
    assert story["text"].rstrip().endswith("since the war began in 2011.")
    assert (
        teaser["text"].rstrip().endswith('"as long as the threat remains", speaking at a press conference in Ankara.')
    )
    for art in (story, teaser):
        for junk in BOILERPLATE:
            assert junk not in art["text"], junk
    claims = _check_offsets(store_env)
    said = [c for c in claims if c["speaker"]["name"] == "Abbas Araghchi"]
    assert said and "We will not abandon our friends in Damascus" in said[0]["text"]


def test_options_win_over_the_pages_metadata(runner: CliRunner, store_env: Path) -> None:
    result = runner.invoke(cli, ["ingest", str(PAGES / "story.html"), "--outlet", "Wire", "--published", "2024-12-07"])
    assert result.exit_code == 0, result.output
    (art,) = _articles(store_env).values()
    assert (art["outlet"], art["published"], art["author"]) == ("Wire", "2024-12-07", "Jane Doe")


def test_links_are_fetched_and_bad_ones_fail_on_one_line_each(site: Site, tmp_path: Path) -> None:
    store = tmp_path / "s" / "claims.jsonl"
    good = [f"{site.base}/news/story.html", f"{site.base}/news/teaser.html", f"{site.base}/plain.txt"]
    bad = {
        f"{site.base}/missing": "HTTP 404",
        f"{site.base}/private/story.html": "robots.txt",
        f"{site.base}/nav.html": "no article text found",
        "http://127.0.0.1:9/unreachable": "cannot fetch: connection refused",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "claimtrack", "ingest", *good[:2], *bad, good[2], "--store", str(store), "-q"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=180,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == len(bad), proc.stderr
    for line, (url, why) in zip(lines, bad.items(), strict=True):
        assert line.startswith(f"Error: {url}: ") and why in line, line
    arts = _articles(store)
    assert sorted(arts) == sorted(good)
    story = arts[good[0]]
    assert story["url"] == "https://ledger.example/world/2024/12/06/iran-pulls-advisers-out-of-syria"
    assert story["author"] == "Jane Doe" and "Reader42" not in story["text"]
    assert arts[good[2]]["url"] == good[2]  # a plain-text page keeps the address it was read from
    _check_offsets(store)
    agents = {ua for path, ua, _, _ in site.log}
    assert len(agents) == 1 and agents.pop().startswith("claimtrack/")
    assert [p for p, *_ in site.log].count("/robots.txt") == 1
    assert "/private/story.html" not in [p for p, *_ in site.log]


def test_one_request_at_a_time_per_host_spaced_by_crawl_delay(slow_site: Site) -> None:
    fetcher = Fetcher()
    for name in ("story.html", "teaser.html"):
        body, ctype = fetcher.fetch(f"{slow_site.base}/news/{name}")
        assert b"<article" in body and "html" in ctype
    log = slow_site.log
    assert [p for p, *_ in log] == ["/robots.txt", "/news/story.html", "/news/teaser.html"]
    for (_, _, _, end), (_, _, start, _) in zip(log, log[1:], strict=False):
        assert start >= end  # never two at once
        assert start - end >= 0.9  # robots.txt asks for a second between requests


def test_fetch_timeouts_and_size_limit(site: Site) -> None:
    t0 = time.monotonic()
    with pytest.raises(InputError, match=r"/slow: cannot fetch: timed out"):
        Fetcher(timeout_s=0.3).fetch(f"{site.base}/slow")
    assert time.monotonic() - t0 < 2.9  # gave up before the server answered
    with pytest.raises(InputError, match=r"/huge: the page is larger than"):
        Fetcher(max_bytes=10_000).fetch(f"{site.base}/huge")


def test_html_from_stdin_is_read_as_a_page(runner: CliRunner, store_env: Path) -> None:
    result = runner.invoke(cli, ["ingest", "-", "--format", "jsonl", "-q"], input=(PAGES / "story.html").read_bytes())
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert claims and all(c["article"]["outlet"] == "The Daily Ledger" for c in claims)
