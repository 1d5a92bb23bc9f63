"""Crash safety, tested the way SQLite tests its commit: real processes killed with
SIGKILL at each step of a write (``CLAIMTRACK_CRASH_AT``), each step made to fail
(``CLAIMTRACK_FAULT_AT``), and a real full disk (a 256 KiB tmpfs where this runs as
root, else a file-size limit, RLIMIT_FSIZE, which fails writes with EFBIG). After
every kill the store must read back consistent; after a re-run, it must hold
exactly one copy of everything."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.errors import StoreError
from claimtrack.store import WRITE_STEPS, Store

from .conftest import FIXTURES, REPO
from .storewriter import article, audit, read_back

WRITER = str(REPO / "tests" / "storewriter.py")
CLEAN = {
    "duplicated_claim_ids": 0,
    "articles_without_their_claims": 0,
    "claims_without_article": 0,
}
ADD_STEPS = [s for s in WRITE_STEPS if not s.startswith("rewrite")]
FORCE_STEPS = [s for s in WRITE_STEPS if s not in ("claims-torn", "claims", "articles-torn")]


def _write(store: Path, op: str, first: int, count: int, env: dict[str, str] | None = None, **kw: object):  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, WRITER, str(store), op, str(first), str(count)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
        **kw,  # type: ignore[arg-type]
    )


def _consistent(store: Path) -> dict[str, object]:
    seen = read_back(store)
    assert {k: seen[k] for k in CLEAN} == CLEAN, seen
    return seen


@pytest.mark.parametrize(("op", "step"), [("add", s) for s in ADD_STEPS] + [("force", s) for s in FORCE_STEPS])
def test_a_kill_at_any_step_leaves_a_readable_store_and_a_rerun_converges(tmp_path: Path, op: str, step: str) -> None:
    store = tmp_path / "claims.jsonl"
    assert _write(store, "add", 0, 2).returncode == 0  # articles 0 and 1
    target = 1 if op == "force" else 2
    killed = _write(store, op, target, 1, env={"CLAIMTRACK_CRASH_AT": step})
    assert killed.returncode == -signal.SIGKILL, (killed.stdout, killed.stderr)
    seen = _consistent(store)
    # all or nothing: the article is either as before or as the killed write made it
    assert seen["articles"] in ((2, 3) if op == "add" else (2,))
    rerun = _write(store, op, target, 1)
    assert rerun.returncode == 0, rerun.stderr
    assert audit(store) == {
        **CLEAN,
        "articles": 3 if op == "add" else 2,
        "claims": 9 if op == "add" else 6,
        "duplicated_articles": 0,
        "bad_lines": 0,
        "journal": False,
    }
    assert Store(store).check().ok


def test_force_after_a_kill_has_the_new_claims_only(tmp_path: Path) -> None:
    store = tmp_path / "claims.jsonl"
    _write(store, "add", 0, 1)
    old = {c.id for c in Store(store).claims()}
    assert _write(store, "force", 0, 1, env={"CLAIMTRACK_CRASH_AT": "rewrite-claims"}).returncode == -signal.SIGKILL
    between = {c.id for c in Store(store).claims()}  # the journal is committed: readers see the new claims
    new = {c.id for c in article(0, 3, version=1)[1]}
    assert between == new and not between & old
    assert {c.id for c in Store(store).claim_views()} == new  # and so do the read-only commands' rows
    _write(store, "add", 5, 1)  # any later write finishes the replacement first
    assert {c.id for c in Store(store).claims()} == new | {c.id for c in article(5, 3)[1]}
    assert audit(store)["articles_without_their_claims"] == 0


@pytest.mark.parametrize("step", [s for s in WRITE_STEPS if not s.endswith("-torn")])
@pytest.mark.parametrize("replace", [False, True])
def test_a_failing_step_stores_nothing_or_everything_and_says_so(
    tmp_path: Path, step: str, replace: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "claims.jsonl")
    for n in (0, 1):
        store.add(*article(n, 3))
    monkeypatch.setenv("CLAIMTRACK_FAULT_AT", step)
    record, claims = article(1 if replace else 2, 3, version=1 if replace else 0)
    try:
        store.add(record, claims, replace=replace)
        failed = None
    except StoreError as exc:
        failed = str(exc)
    monkeypatch.delenv("CLAIMTRACK_FAULT_AT")
    ids = {c.id for c in Store(store.claims_path).claims()}
    new = {c.id for c in claims}
    if failed:
        assert "no space left on device" in failed.lower() and "nothing of article" in failed
        assert not ids & new  # rolled back
    else:  # the step came after the point of no return: stored, and the store is consistent
        assert new <= ids
    assert read_back(store.claims_path)["articles_without_their_claims"] == 0
    store.add(*article(3, 3))  # the next write finishes anything left
    assert audit(store.claims_path)["journal"] is False and Store(store.claims_path).check().ok


def _tmpfs(path: Path, size: str) -> bool:
    if os.geteuid() != 0:
        return False
    path.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    return done.returncode == 0


@pytest.mark.parametrize("disk", ["tmpfs", "rlimit"])
def test_a_full_disk_fails_one_article_cleanly_and_a_rerun_converges(tmp_path: Path, disk: str) -> None:
    root = tmp_path / "disk"
    if disk == "tmpfs":
        if not _tmpfs(root, "256k"):
            pytest.skip("mounting a tmpfs needs root; the rlimit case runs instead")
        preexec = None
    else:
        root.mkdir()

        def preexec() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (150_000, 150_000))

    try:
        store = root / "claims.jsonl"
        cmd = [sys.executable, WRITER, str(store), "add", "0", "200", "3", "200"]
        full = subprocess.run(cmd, capture_output=True, text=True, timeout=120, preexec_fn=preexec)
        assert full.returncode == 1 and "error" in full.stdout, (full.stdout, full.stderr)
        assert "cannot write the store" in full.stdout and "nothing of article" in full.stdout
        stored = int(full.stdout.split()[1])
        assert 0 < stored < 200
        assert _consistent(store)["articles"] == stored
        assert audit(store)["journal"] is False
        # room again (smaller claims), the same batch: the rest goes in, nothing twice
        if disk == "tmpfs":
            subprocess.run(["mount", "-o", "remount,size=4m", str(root)], check=True)
        again = _write(store, "add", 0, 200)
        assert again.returncode == 0, again.stdout
        assert audit(store) == {
            **CLEAN,
            "articles": 200,
            "claims": 600,
            "duplicated_articles": 0,
            "bad_lines": 0,
            "journal": False,
        }
    finally:
        if disk == "tmpfs":
            subprocess.run(["umount", str(root)], check=False)


def test_two_writers_at_once_store_everything_once(tmp_path: Path) -> None:
    store = tmp_path / "claims.jsonl"
    procs = [
        subprocess.Popen([sys.executable, WRITER, str(store), "add", "0", "30"], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert sum(int(o.split()[1]) for o in outs) == 30  # each article stored by one writer only
    assert audit(store) == {
        **CLEAN,
        "articles": 30,
        "claims": 90,
        "duplicated_articles": 0,
        "bad_lines": 0,
        "journal": False,
    }


ARTICLE = (FIXTURES / "articles" / "attributed.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("step", ["claims", "rewrite-claims"])
def test_kill_9_during_the_real_ingest_then_ingest_again(tmp_path: Path, step: str) -> None:
    store = tmp_path / "s" / "claims.jsonl"
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    base = [sys.executable, "-m", "claimtrack", "ingest", str(path), "--store", str(store), "-q"]
    force = ["--force"] if step.startswith("rewrite") else []
    if force:
        subprocess.run(base, check=True, timeout=120)
    killed = subprocess.run(
        base + force, env={**os.environ, "CLAIMTRACK_CRASH_AT": step}, timeout=120, capture_output=True
    )
    assert killed.returncode == -signal.SIGKILL
    _consistent(store)
    again = subprocess.run(base[:-1] + force, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "finished the interrupted write" in again.stderr
    counts = audit(store)
    assert counts["articles"] == 1 and counts["claims"] > 0
    assert {k: counts[k] for k in CLEAN} == CLEAN


def test_doctor_reports_and_sets_aside_bad_lines(tmp_path: Path, runner: CliRunner) -> None:
    store = tmp_path / "claims.jsonl"
    _write(store, "add", 0, 3)
    lines = store.read_text(encoding="utf-8").splitlines(keepends=True)
    store.write_text(lines[0] + "{oops\n" + "".join(lines[1:]), encoding="utf-8")
    store.chmod(0o640)
    listed = runner.invoke(cli, ["claims", "--store", str(store), "--format", "jsonl"])
    assert listed.exit_code == 1 and len(listed.stdout.splitlines()) == 9
    assert "claims.jsonl:2: not valid JSON" in listed.stderr and "doctor" in listed.stderr
    refused = runner.invoke(cli, ["ingest", str(FIXTURES / "articles" / "attributed.txt"), "--store", str(store)])
    assert refused.exit_code == 1 and "nothing was added" in refused.stderr
    checked = runner.invoke(cli, ["doctor", "--store", str(store)])
    assert checked.exit_code == 1 and "claims.jsonl:2: not valid JSON" in checked.stderr
    repaired = runner.invoke(cli, ["doctor", "--repair", "--store", str(store)])
    assert repaired.exit_code == 0 and "no problems" in repaired.stderr, repaired.stderr
    assert Store(store).rejected_path(store).read_text(encoding="utf-8") == "{oops\n"
    assert store.stat().st_mode & 0o777 == 0o640
    assert runner.invoke(cli, ["doctor", "--store", str(store)]).exit_code == 0


def test_ingest_repair_sets_bad_lines_aside_then_adds(tmp_path: Path, runner: CliRunner) -> None:
    store = tmp_path / "claims.jsonl"
    _write(store, "add", 0, 2)
    with store.open("a", encoding="utf-8") as fh:
        fh.write("not a record\n")
        fh.write(article(5, 1)[1][0].model_dump_json() + "\n")  # and a claim after it
    good = str(FIXTURES / "articles" / "attributed.txt")
    result = runner.invoke(cli, ["ingest", good, "--repair", "--store", str(store)])
    assert result.exit_code == 0, result.stderr
    assert "set aside 2 line(s)" in result.stderr  # the bad line and the claim without its record
    counts = audit(store)
    assert counts["articles"] == 3 and counts["bad_lines"] == 0
    assert {k: counts[k] for k in CLEAN} == CLEAN
