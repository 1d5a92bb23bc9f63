"""Ordinary mistakes and hostile inputs: each is one input's one-line error, the rest of the
batch goes on, and no input can make the batch slow or the store large."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.bounds import looks_like_prose, unreadable_runs
from claimtrack.cli import cli
from claimtrack.store import Store

from .conftest import FIXTURES

ARTICLE = (FIXTURES / "articles" / "attributed.txt").read_text(encoding="utf-8")
GOOD = "The minister said on Monday that Iran will withdraw its forces from Syria by March.\n"
BOMB = (
    "---\na: &a [x,x,x,x,x,x,x,x,x]\n"
    + "".join(f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=True))
    + "author: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n---\n"
    + GOOD
)


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error: ")]


def test_the_issues_inputs_each_fail_alone_and_the_good_ones_are_ingested(
    runner: CliRunner, store_env: Path, tmp_path: Path
) -> None:
    d = tmp_path / "in"
    d.mkdir()
    bad = {
        "typo.txt": ("---\npublished: 2024-02-30\n---\n" + GOOD).encode(),
        "utf16.txt": "The minister said the talks had failed.".encode("utf-16")[:-1],
        "bomb.txt": BOMB.encode(),
        "junk.txt": bytes(random.Random(1).randrange(1, 256) for _ in range(3000)),
        "letters.txt": b"xkcd qwrt zzpf mnbv lkjh " * 40,
        "deep.txt": ("---\nauthor: " + "[" * 5000 + "]" * 5000 + "\n---\n" + GOOD).encode(),
        "long.txt": ("---\ntitle: " + "t" * 3000 + "\n---\n" + GOOD).encode(),
    }
    for name, data in bad.items():
        (d / name).write_bytes(data)
    (d / ("n" * 245 + ".txt")).write_text(GOOD.replace("March", "April"), encoding="utf-8")  # sidecar name too long
    odd = os.fsencode(str(d)) + b"/caf\xe9.txt"  # a name that is not UTF-8
    with open(odd, "wb") as fh:
        fh.write(GOOD.replace("March", "May").encode())
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"text": "Officials said the \\ud800 talks failed in Geneva."}\n'
        '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
        '{"text": "The envoy said the ceasefire will hold."}\n',
        encoding="utf-8",
    )
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(d), str(feed), str(good)])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    errors = _errors(result.stderr)
    assert "Traceback" not in result.output
    by_name = {name: [e for e in errors if f"{name}:" in e] for name in bad}
    assert all(len(v) == 1 for v in by_name.values()), errors
    assert "cannot read the publication date '2024-02-30'" in by_name["typo.txt"][0]
    assert "cut off or damaged" in by_name["utf16.txt"][0]
    assert "expands to more than" in by_name["bomb.txt"][0]
    assert "does not read as an article" in by_name["letters.txt"][0]
    assert "nested" in by_name["deep.txt"][0]
    assert "title is 3,000 characters long" in by_name["long.txt"][0]
    assert any("feed.jsonl:2: nested too deeply" in e for e in errors)
    assert len(errors) == len(bad) + 1
    paths = {a.path for a in Store(store_env).articles()}
    assert paths == {
        str(d / ("n" * 245 + ".txt")),
        str(d) + "/caf\\xe9.txt",
        f"{feed}:1",
        f"{feed}:3",
        str(good),
    }
    assert "unpaired surrogate" in result.stderr
    assert Store(store_env).claims_path.stat().st_size < 100_000


def test_an_empty_article_name_is_a_usage_error(runner: CliRunner, tmp_path: Path, store_env: Path) -> None:
    result = runner.invoke(cli, ["ingest", ""])
    assert result.exit_code == 2 and "empty name" in result.stderr
    assert not store_env.exists()


def test_nested_parentheses_take_linear_time(runner: CliRunner, store_env: Path, tmp_path: Path) -> None:
    runner.invoke(cli, ["ingest", "-", "-q"], input=GOOD)  # the pipeline is loaded outside the timing
    prose = "The minister said the talks had failed and that the army would stay in the north. " * 400
    times = []
    for n in (3_000, 12_000):
        path = tmp_path / f"p{n}.txt"
        path.write_text(prose + "Officials said " + "(" * n + "war" + ")" * n + " is over.\n", encoding="utf-8")
        t0 = time.process_time()
        result = runner.invoke(cli, ["ingest", str(path), "-q"])
        times.append(time.process_time() - t0)
        assert result.exit_code == 0, result.output
    # before: 4 times the parentheses cost 16 to 64 times the time (a 24 kB file took 462 s)
    assert times[1] < 10, times


def test_a_slow_article_is_stopped_at_its_time_budget(runner: CliRunner, store_env: Path, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    words = ["north", "south", "river", "capital", "border", "coast", "valley", "port"]
    path.write_text(
        "\n\n".join(f"Officials said the army will leave the {words[i % 8]} by week {i}." for i in range(400)),
        encoding="utf-8",
    )
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    t0 = time.monotonic()
    result = runner.invoke(cli, ["ingest", str(path), str(good), "--timeout", "0.2"])
    assert time.monotonic() - t0 < 30
    assert result.exit_code == 1 and "took longer than 0.2 s and was stopped" in result.stderr
    assert [a.path for a in Store(store_env).articles()] == [str(good)]


def test_prose_and_unreadable_runs() -> None:
    assert looks_like_prose(GOOD) and looks_like_prose("Москва заявила, что войска уйдут.")
    assert not looks_like_prose("!!!! ??? 1234 5678 $$$ ###")
    assert unreadable_runs("ok " + "(" * 250 + " ok") == [(3, 253)]


# --------------------------------------------------------------------------- fuzz

JUNK = st.one_of(
    st.binary(min_size=1, max_size=400),
    st.text(min_size=1, max_size=400),
    st.text(alphabet=st.sampled_from("[]{}()<>:&*!|-'\"\\\n\t \x1b\x00\ufeffab"), min_size=1, max_size=300),
    st.builds(lambda y, t: f"---\n{y}\n---\n{t}", st.text(max_size=120), st.text(max_size=120)),
    st.builds(lambda n: "(" * n + "x" + ")" * n, st.integers(0, 3000)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(inputs=st.lists(JUNK, min_size=1, max_size=4), jsonl_lines=st.lists(st.text(max_size=80), max_size=3))
def test_fuzzed_inputs_never_crash_and_never_cost_a_good_article(
    runner: CliRunner, tmp_path_factory: pytest.TempPathFactory, inputs: list, jsonl_lines: list[str]
) -> None:
    d = tmp_path_factory.mktemp("fuzz")
    for i, item in enumerate(inputs):
        (d / f"in{i}.txt").write_bytes(item if isinstance(item, bytes) else item.encode("utf-8", "surrogatepass"))
    (d / "feed.jsonl").write_text("\n".join(jsonl_lines), encoding="utf-8", errors="surrogatepass")
    (d / "zz_good.txt").write_text(GOOD, encoding="utf-8")
    store = d / "s" / "claims.jsonl"
    result = runner.invoke(cli, ["ingest", str(d), str(d / "feed.jsonl"), "--store", str(store)])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert str(d / "zz_good.txt") in {a.path for a in Store(store).articles()}
    for line in _errors(result.stderr):
        assert line.startswith(f"Error: {d}"), line  # every error names its input
    assert Store(store).check().ok
