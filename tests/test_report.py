"""claimtrack report: one self-contained page, checked in a real headless Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli

from .conftest import run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INJECTION = (
    "Iran will not withdraw its forces from Syria, the foreign minister said on Tuesday. "
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"></p></div><b>bold</b>\n'
)


def _report(runner: CliRunner, store: Path, out: Path) -> str:
    result = runner.invoke(cli, ["report", "--store", str(store), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("no chromium on PATH (Debian: apt-get install chromium; `make test` installs it when run as root)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is in the dev group: pip install --group dev"
    )
    with sync_api.sync_playwright() as pw:
        profile = tmp_path_factory.mktemp("chromium-profile")
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport={"width": 1100, "height": 1400}
        )
        yield context
        context.close()


def _open(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    """The page, with every console error or page error and every request it made."""
    page = browser.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems, requests


def test_the_seed_report_renders_its_records_without_errors(
    runner: CliRunner, seed_store: Path, tmp_path: Path, browser: Any
) -> None:
    out = tmp_path / "report.html"
    html = _report(runner, seed_store, out)
    assert "<script" not in html and "http" not in html.split("<body>")[0].replace("http-equiv", "")
    contradictions = run(runner, seed_store, "contradictions")
    speakers = run(runner, seed_store, "speakers")
    page, problems, requests = _open(browser, out)
    assert problems == []
    assert requests == [out.as_uri()]  # self-contained: nothing else is fetched
    cards = page.locator("article.contradiction")
    assert cards.count() == len(contradictions) > 0
    assert cards.first.get_attribute("data-id") == max(contradictions, key=lambda r: r["confidence"])["id"]
    assert contradictions[0]["explanation"] in cards.first.inner_text()
    assert page.locator("tr.speaker").count() == len(speakers)
    assert page.locator(".timeline svg circle").count() >= 2
    first = contradictions[0]
    for cid in (first["earlier"], *first["later"][:1]):
        block = page.locator(f"#c-{cid}")
        assert block.count() == 1 and block.locator("mark").count() == 1
    earlier = next(c for c in run(runner, seed_store, "claims") if c["id"] == first["earlier"])
    assert page.locator(f"#c-{first['earlier']} mark").inner_text() == earlier["text"]
    assert page.locator(f"#c-{first['earlier']} p").inner_text() != earlier["sentence"]["text"]  # the paragraph
    page.screenshot(path=str(tmp_path / "shot.png"))
    assert (tmp_path / "shot.png").stat().st_size > 10_000


def test_article_text_cannot_inject_markup_or_script(runner: CliRunner, tmp_path: Path, browser: Any) -> None:
    store = tmp_path / "s" / "claims.jsonl"
    (tmp_path / "a.txt").write_text(INJECTION, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Iran has begun withdrawing its forces from Syria, officials said on Friday.\n")
    for name, date, extra in (
        ("a.txt", "2018-08-28", ["--title", "<i>Tehran</i> stays", "--url", "javascript:window.__pwned=3"]),
        ("b.txt", "2024-12-06", ["--url", "https://news.example/b?x=<b>"]),
    ):
        args = ["ingest", str(tmp_path / name), "--published", date, "--store", str(store), "-q", "-j", "1", *extra]
        assert runner.invoke(cli, args, catch_exceptions=False).exit_code == 0
    out = tmp_path / "report.html"
    html = _report(runner, store, out)
    assert "<script>window" not in html and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    page, problems, requests = _open(browser, out)
    assert problems == [] and requests == [out.as_uri()]
    assert page.evaluate("window.__pwned") is None
    assert page.locator("script").count() == 0 and page.locator("main img").count() == 0
    assert page.locator("main b, main i").count() == 0  # the article's own tags stay text
    text = page.inner_text("body")
    assert '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"></p></div><b>bold</b>' in text
    assert "<i>Tehran</i> stays" in text
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    assert "https://news.example/b?x=<b>" in hrefs


def test_report_does_not_import_spacy(seed_store: Path, tmp_path: Path) -> None:
    from .test_cli_help import _modules_after

    mods = _modules_after(["report", "--store", str(seed_store), "--out", str(tmp_path / "r.html")])
    assert "claimtrack.report" in mods and "jinja2" in mods
    assert "spacy" not in mods and "thinc" not in mods
    assert (tmp_path / "r.html").stat().st_size > 1000
