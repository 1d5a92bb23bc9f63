"""Markup and escapes in article text, metadata and file names, through every command in table mode.

Ingests articles whose text, sidecar metadata (author, title, outlet) and file names
carry rich markup ("[/]", "[link=...]", editorial brackets) and terminal escapes (clear
screen, window title, OSC 8 links, C1 CSI, bidi overrides), then runs every command as
a real subprocess with --format table, piped and with FORCE_COLOR=1. Prints, per
command: exit status, tracebacks, raw ESC bytes (piped) and escapes other than rich's own
colours (forced colour), and whether the markup is shown literally.

Usage:
    nice -n 10 python benchmarks/hostile_display.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ESCAPES = {
    "clear": "\x1b[2J\x1b[H",
    "title": "\x1b]0;pwned\x07",
    "osc8": "\x1b]8;;http://evil.example\x1b\\click me\x1b]8;;\x1b\\",
    "c1": "\x9b31m",
    "bidi": "\u202e",
}
MARKUP = ["[/]", "[the Iranians]", "[link=http://evil.example]", "[bold]", "[red]"]


def article(i: int) -> tuple[str, str, dict[str, str]]:
    esc = list(ESCAPES.values())
    name = f"story{i}{['[bold]', chr(27) + '[31m', chr(27) + ']0;t' + chr(7), ''][i % 4]}.txt"
    text = (
        f'The minister said "They [the Iranians] will leave Syria [/] by March {esc[i % 5]}."\n\n'
        f"Iran will withdraw its forces from Syria by March, officials said. {esc[(i + 1) % 5]}\n\n"
        f"[bold]Iran will not withdraw its forces from Syria, the spokesman said in April.[/bold] {i}\n\n"
        "Iran will pull its troops out of Syria next year.\n"
        + (f"\nIran has not withdrawn its forces from Syria [/] {esc[i % 5]}.\n" if i >= 4 else "")
    )
    meta = {
        "author": f"[/]Rashed [link=http://evil.example]me[/link] {esc[(i + 2) % 5]}",
        "title": f"Leave [/] now {esc[(i + 3) % 5]}",
        "outlet": f"[red]Outlet{esc[(i + 4) % 5]}",
        "published": f"2019-0{1 + i % 9}-1{i % 9}",
    }
    return name, text, meta


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="claimtrack-hostile-"))
    try:
        folder = work / "in"
        folder.mkdir()
        for i in range(8):
            name, text, meta = article(i)
            (folder / name).write_text(text, encoding="utf-8")
            (folder / (name + ".meta.json")).write_text(json.dumps(meta), encoding="utf-8")
        store = str(work / "s" / "claims.jsonl")
        base = [sys.executable, "-m", "claimtrack"]
        env = {**os.environ, "COLUMNS": "250"}
        env.pop("FORCE_COLOR", None)
        ingest = subprocess.run([*base, "ingest", str(folder), "--store", store], capture_output=True, env=env)
        claims = [
            json.loads(x)
            for x in subprocess.run(
                [*base, "claims", "--store", store, "--format", "jsonl"], capture_output=True, env=env
            ).stdout.splitlines()
        ]
        exact = sum(1 for c in claims if "\x1b" in c["text"] or "\x9b" in c["text"] or "\u202e" in c["text"])
        cid = next(c["id"] for c in claims if "[the Iranians]" in c["text"])
        commands = {
            "ingest (messages)": None,
            "claims": ["claims"],
            "show": ["show", cid],
            "articles": ["articles"],
            "contradictions": ["contradictions"],
            "predictions": ["predictions"],
            "speakers": ["speakers"],
            "doctor": ["doctor"],
        }
        rows = []
        for label, args in commands.items():
            for colour in (False, True):
                e = {**env, **({"FORCE_COLOR": "1"} if colour else {})}
                if args is None:
                    shutil.rmtree(work / "s2", ignore_errors=True)
                    cmd = [*base, "ingest", str(folder), "-v", "--store", str(work / "s2" / "claims.jsonl")]
                else:
                    cmd = [*base, *args, "--store", store] + (["--format", "table"] if label != "doctor" else [])
                proc = subprocess.run(cmd, capture_output=True, env=e)
                out = proc.stdout + proc.stderr
                text = out.decode("utf-8", "replace")
                foreign = re.sub(rb"\x1b\[[0-9;]*m", b"", out).count(b"\x1b") + out.count(b"\xc2\x9b")
                rows.append(
                    {
                        "command": label,
                        "mode": "FORCE_COLOR=1" if colour else "piped",
                        "exit": proc.returncode,
                        "traceback": "Traceback" in text,
                        "raw_esc_bytes": out.count(b"\x1b") if not colour else None,
                        "escapes_not_rich_colours": foreign,
                        # doctor prints counts, no user text: nothing to show literally
                        "markup_literal": None if label == "doctor" else any(m in text for m in MARKUP),
                    }
                )
        print(f"ingest exit {ingest.returncode}; {len(claims)} claims; {exact} keep their escapes exactly in JSON")
        print(f"{'command':<20}{'mode':<15}{'exit':>5}{'traceback':>10}{'raw ESC':>9}{'foreign esc':>12}{'literal':>9}")
        for r in rows:
            raw = "-" if r["raw_esc_bytes"] is None else r["raw_esc_bytes"]
            shown = "n/a" if r["markup_literal"] is None else r["markup_literal"]
            print(
                f"{r['command']:<20}{r['mode']:<15}{r['exit']:>5}{r['traceback']!s:>10}{raw!s:>9}"
                f"{r['escapes_not_rich_colours']:>12}{shown!s:>9}"
            )
        bad = sum(1 for r in rows if r["traceback"] or r["escapes_not_rich_colours"] or (r["raw_esc_bytes"] or 0))
        print(f"commands x modes: {len(rows)}; with a traceback or a raw escape: {bad}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
