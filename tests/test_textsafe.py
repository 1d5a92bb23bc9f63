"""Untrusted text stays text: markup and escape sequences are shown literally by every
renderer and message, and JSON output keeps the exact text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from claimtrack.cli import cli
from claimtrack.textsafe import literal, printable, storable

from .conftest import jsonl

ESC = "\x1b"
HOSTILE = [
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b]0;pwned\x07",  # set the window title
    "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\",  # an OSC 8 hyperlink
    "\x9b31m",  # a C1 CSI
    "a\u202eevil",  # a bidi override
    "bell\x07 and del\x7f",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_printable_leaves_no_control_character(text: str) -> None:
    shown = printable(text)
    assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", shown)
    assert len(shown) >= len(text)  # nothing dropped: each character has its placeholder


def test_placeholders_are_visible_and_plain_text_is_untouched() -> None:
    assert printable("\x1b[2J") == "\u241b[2J"
    assert printable("a\nb\tc") == "a\u240ab\u2409c"
    assert printable("a\nb\tc", lines=True) == "a\nb\tc"
    assert printable("x\u202ey") == "x<U+202E>y"
    assert printable("caf\udce9.txt") == "caf\\xe9.txt"
    assert (
        printable("They [the Iranians] will leave [/] «ok» — 東京") == "They [the Iranians] will leave [/] «ok» — 東京"
    )
    assert printable(None) == "" and printable(12) == "12"


@pytest.mark.parametrize("markup", ["[/]", "[bold]x[/bold]", "[link=http://evil.example]x[/link]", "[the Iranians]"])
def test_literal_is_never_read_as_markup(markup: str) -> None:
    console = Console(record=True, width=200, force_terminal=True, color_system="truecolor")
    console.print(literal(markup))
    assert console.export_text().strip() == markup
    assert "\x1b]8" not in console.export_text(styles=True)


def test_storable_keeps_the_odd_bytes_of_a_name_visible() -> None:
    assert storable("caf\udce9.txt") == "caf\\xe9.txt"
    assert storable("x\ud800y") == "x\ufffdy"
    assert storable("plain.txt") == "plain.txt"


# --------------------------------------------------------------------------- every command, end to end

AUTHOR = "[/]Rashed [link=http://evil.example]me[/link] \x1b]8;;http://evil.example\x1b\\x\x1b]8;;\x1b\\"
TEXT = (
    'The minister said "They [the Iranians] will leave Syria [/] by March\x1b[2J."\n\n'
    "Iran will withdraw its forces from Syria by March, officials said. \x1b]0;pwned\x07\n\n"
    "[bold]Iran will not withdraw its forces from Syria, the spokesman said in April.[/bold]\n"
)


@pytest.fixture
def hostile_store(tmp_path: Path, runner: CliRunner) -> tuple[Path, Path, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    name = folder / "a\x1b[31m[bold]red.txt"
    name.write_text(TEXT, encoding="utf-8")
    meta = {"author": AUTHOR, "title": "Leave [/] now \x1b[2J", "published": "2019-03-18"}
    name.with_name(name.name + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
    store = tmp_path / "s" / "claims.jsonl"
    result = runner.invoke(cli, ["ingest", str(folder), "--store", str(store), "-v"])  # -v: a line per article
    assert result.exit_code == 0, result.output
    assert ESC not in result.stderr and "a\u241b[31m[bold]red.txt" in result.stderr
    return store, name, result.stderr


def _outputs(runner: CliRunner, store: Path, claim: str) -> dict[str, tuple[int, str]]:
    commands = {
        "claims": ["claims"],
        "show": ["show", claim],
        "articles": ["articles"],
        "contradictions": ["contradictions"],
        "predictions": ["predictions"],
        "speakers": ["speakers"],
    }
    out = {}
    for key, args in commands.items():
        result = runner.invoke(cli, [*args, "--store", str(store), "--format", "table"], env={"COLUMNS": "300"})
        out[key] = (result.exit_code, result.stdout + result.stderr)
    doctor = runner.invoke(cli, ["doctor", "--store", str(store)])
    out["doctor"] = (doctor.exit_code, doctor.stdout + doctor.stderr)
    return out


def test_every_table_show_and_message_shows_markup_and_escapes_literally(
    runner: CliRunner, hostile_store: tuple[Path, Path, str]
) -> None:
    store, _, _ = hostile_store
    claims = jsonl(runner.invoke(cli, ["claims", "--store", str(store), "--format", "jsonl"]).stdout)
    assert any("[the Iranians]" in c["text"] and ESC in c["text"] for c in claims)  # JSON keeps the exact text
    assert any(c["article"]["author"] == AUTHOR for c in claims)
    quoted = next(c for c in claims if "[the Iranians]" in c["text"])
    out = _outputs(runner, store, quoted["id"])
    for key, (code, text) in out.items():
        assert code == 0 and "Traceback" not in text, (key, text)
        assert ESC not in text and "\x07" not in text, key
    assert "[the Iranians]" in out["claims"][1] and "[/]" in out["claims"][1]
    assert "by March\u241b[2J" in out["show"][1] and "[the Iranians]" in out["show"][1]
    assert "[/]Rashed" in out["articles"][1] and "Leave [/] now" in out["articles"][1]


def test_on_a_colour_terminal_only_rich_own_styles_are_escapes(
    runner: CliRunner, hostile_store: tuple[Path, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _, _ = hostile_store
    claim = jsonl(runner.invoke(cli, ["claims", "--store", str(store), "--format", "jsonl"]).stdout)[0]["id"]
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    for key, (code, text) in _outputs(runner, store, claim).items():
        assert code == 0, (key, text)
        # every escape is a colour or weight (SGR): no OSC (title, link), no cursor or screen control
        assert re.sub(r"\x1b\[[0-9;]*m", "", text).count(ESC) == 0, (key, text)


def test_click_errors_show_arguments_literally(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["claims", "--frob\x1b[2J"])
    assert result.exit_code == 2 and ESC not in result.output and "frob" in result.output
    bad = runner.invoke(cli, ["claims", "--kind", "x\x1b]0;t\x07"])
    assert bad.exit_code == 2 and ESC not in bad.output and "\x07" not in bad.output
    missing = runner.invoke(cli, ["ingest", str(tmp_path / "no\x1b]0;x\x07.txt"), "--store", str(tmp_path / "s.jsonl")])
    assert missing.exit_code == 1 and ESC not in missing.output and "no\u241b]0;x\u2407.txt" in missing.output
