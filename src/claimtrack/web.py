"""Web pages in: the article body and its metadata from HTML, and polite fetching of links.

The body and the metadata (title, author, site name, date, canonical URL) are
read by trafilatura, which is made for exactly this (boilerplate, comments,
related-article lists and navigation are left out). Fetching uses urllib3 (what
trafilatura itself uses) with a user agent, timeouts, a size limit, robots.txt,
and one request at a time per host with a pause between them.

Nothing here imports spaCy.
"""

from __future__ import annotations

import re
import time
import urllib.robotparser
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from claimtrack.errors import InputError

if TYPE_CHECKING:
    import urllib3

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
USER_AGENT = "claimtrack/0.1 (+https://github.com/claimtrack/claimtrack; news claim extraction)"
TIMEOUT_S = 20.0
MAX_BYTES = 5_000_000
DEFAULT_DELAY_S = 1.0
"""Pause between two requests to the same host, unless its robots.txt asks for another."""

_URL = re.compile(r"^https?://", re.I)


def is_url(label: str) -> bool:
    return bool(_URL.match(label))


def is_html_path(label: str) -> bool:
    return label.lower().endswith(HTML_SUFFIXES)


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


@dataclass
class Page:
    """What was read from one web page."""

    text: str
    """The article body, paragraphs separated by blank lines: the text that is stored and extracted."""
    meta: dict[str, str | None]


def extract_page(data: bytes | str, *, where: str, url: str | None = None) -> Page:
    """The article body and metadata of an HTML page.

    Raises:
        InputError: no article body could be found in the page.
    """
    import logging
    import warnings

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # "discarding data": our own error says it once

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # lxml's notice about trafilatura's element tests
        doc = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            prune_xpath=["//nav", "//footer"],  # menus and page footers are never the article
        )
    found: dict[str, Any] = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    body = found.get("text")
    if not body or not body.strip():
        raise InputError(
            f"{where}: no article text found in this page (only navigation or boilerplate). "
            "Save the article's own page, or give its text as a .txt file."
        )
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    text = "\n\n".join(p for p in paragraphs if p)
    meta: dict[str, str | None] = {
        "title": found.get("title") or None,
        "author": found.get("author") or None,
        "outlet": found.get("sitename") or None,
        "published": found.get("date") or None,
        "url": found.get("url") or url,
    }
    return Page(text=text, meta=meta)


@dataclass
class Fetcher:
    """Fetches pages one at a time per host, politely.

    robots.txt is read once per host; a path it disallows for claimtrack's user
    agent is refused, and its Crawl-delay (else ``delay_s``) spaces requests.
    """

    timeout_s: float = TIMEOUT_S
    max_bytes: int = MAX_BYTES
    delay_s: float = DEFAULT_DELAY_S
    user_agent: str = USER_AGENT
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _pool: urllib3.PoolManager | None = None

    def _http(self) -> urllib3.PoolManager:
        if self._pool is None:
            import logging

            import urllib3

            logging.getLogger("urllib3").setLevel(logging.ERROR)  # its retry notices; a failure is one line of ours

            self._pool = urllib3.PoolManager(
                headers={"User-Agent": self.user_agent},
                timeout=urllib3.Timeout(connect=self.timeout_s, read=self.timeout_s),
                retries=urllib3.Retry(total=1, redirect=5, backoff_factor=0.5, status_forcelist=(502, 503, 504)),
            )
        return self._pool

    def _wait_turn(self, host: str) -> None:
        rp = self._robots.get(host)
        delay = self.delay_s
        if rp is not None:
            asked = rp.crawl_delay(self.user_agent)
            if asked is not None:
                delay = float(asked)
        last = self._last.get(host)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _get(self, url: str, where: str) -> tuple[int, str, bytes]:
        """Status, content type and body (at most ``max_bytes``) of ``url``; errors name ``where``."""
        import urllib3

        host = urlsplit(url).netloc.lower()
        self._wait_turn(host)
        try:
            resp = self._http().request("GET", url, preload_content=False)
        except urllib3.exceptions.MaxRetryError as exc:
            reason = exc.reason if exc.reason is not None else exc
            raise InputError(
                f"{where}: cannot fetch: {_reason(reason)}. Check the address and your connection."
            ) from exc
        except urllib3.exceptions.HTTPError as exc:
            raise InputError(f"{where}: cannot fetch: {_reason(exc)}. Check the address and your connection.") from exc
        try:
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise InputError(self._too_big(where))
            body = bytearray()
            for chunk in resp.stream(65536):
                body.extend(chunk)
                if len(body) > self.max_bytes:
                    raise InputError(self._too_big(where))
        except urllib3.exceptions.HTTPError as exc:
            raise InputError(f"{where}: the download broke off: {_reason(exc)}. Try again later.") from exc
        finally:
            resp.release_conn()
        return resp.status, resp.headers.get("Content-Type", ""), bytes(body)

    def _too_big(self, url: str) -> str:
        return f"{url}: the page is larger than {self.max_bytes:,} bytes; save the article and ingest the file."

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        if host not in self._robots:
            rp: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            # an unreachable site fails here, once, with the reason
            status, _, body = self._get(f"{parts.scheme}://{parts.netloc}/robots.txt", url)
            if status == 200:
                assert rp is not None
                rp.parse(body.decode("utf-8", "replace").splitlines())
            else:
                rp = None  # no robots.txt: everything is allowed
            self._robots[host] = rp
        rp = self._robots[host]
        return rp is None or rp.can_fetch(self.user_agent, url)

    def fetch(self, url: str) -> tuple[bytes, str]:
        """The page's bytes and content type.

        Raises:
            InputError: refused by robots.txt, an HTTP error, a timeout, too large.
        """
        if not self._allowed(url):
            raise InputError(f"{url}: the site's robots.txt does not allow fetching this page; save it by hand.")
        status, ctype, body = self._get(url, url)
        if status >= 400:
            raise InputError(f"{url}: the server answered HTTP {status}. Check the address.")
        return body, ctype


def _reason(exc: object) -> str:
    text = str(exc)
    if "timed out" in text.lower() or "timeout" in type(exc).__name__.lower():
        return "timed out"
    if "refused" in text.lower():
        return "connection refused"
    return " ".join(text.split())[:160]
