from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.errors import StoreError
from claimtrack.models import Article, ArticleRef, Claim, SpanRef, Speaker, claim_id
from claimtrack.store import Store, damage, reset_damage


def make_article(aid: str = "a1", claims: int = 1) -> Article:
    return Article(
        id=aid, path="x.txt", sha1="0" * 40, chars=10, claims=claims, ingested_at="2024-01-01T00:00:00+00:00"
    )


def make_claim(aid: str = "a1", start: int = 0, text: str = "Iran will stay.") -> Claim:
    span = SpanRef(start=start, end=start + len(text), text=text)
    return Claim(
        id=claim_id(aid, span.start, span.end),
        article=ArticleRef(id=aid, path="x.txt"),
        span=span,
        text=text,
        sentence=span,
        speaker=Speaker(name="(author)", kind="author"),
        kind="statement",
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=5))
def test_round_trip(tmp_path: Path, texts: list[str]) -> None:
    import tempfile

    # each example (and hypothesis's replay of a failing one) gets a store of its own; every write
    # is fsync'd, so no deadline: a loaded machine is slow, not wrong
    store = Store(Path(tempfile.mkdtemp(dir=tmp_path)) / "claims.jsonl")
    claims = [make_claim(start=i * 100, text=t) for i, t in enumerate(texts)]
    store.add(make_article(claims=len(claims)), claims)
    assert list(store.claims()) == claims
    assert [a.id for a in store.articles()] == ["a1"]


def test_articles_file_sits_beside_claims(tmp_path: Path) -> None:
    assert Store(tmp_path / "claims.jsonl").articles_path == tmp_path / "articles.jsonl"
    assert Store(tmp_path / "mine.jsonl").articles_path == tmp_path / "mine.articles.jsonl"


def test_torn_last_line_is_read_with_a_warning_and_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(tmp_path / "claims.jsonl")
    store.add(make_article(), [make_claim()])
    with store.claims_path.open("a", encoding="utf-8") as fh:
        fh.write('{"schema_version": 1, "id": "tor')  # a crash mid-write
    assert len(list(store.claims())) == 1
    assert "incomplete" in capsys.readouterr().err
    store.add(make_article("a2"), [make_claim("a2")])
    lines = store.claims_path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(line.startswith("{") and line.endswith("}") for line in lines)
    assert {c.article.id for c in store.claims()} == {"a1", "a2"}
    assert store.rejected_path(store.claims_path).read_text(encoding="utf-8") == '{"schema_version": 1, "id": "tor\n'


def test_a_valid_last_line_without_newline_is_kept(tmp_path: Path) -> None:
    store = Store(tmp_path / "claims.jsonl")
    store.add(make_article(), [make_claim()])
    store.claims_path.write_bytes(store.claims_path.read_bytes().rstrip(b"\n"))  # a hand edit
    store.add(make_article("a2"), [make_claim("a2")])
    assert {c.article.id for c in store.claims()} == {"a1", "a2"}
    assert not store.rejected_path(store.claims_path).exists()


def test_a_bad_line_in_the_middle_is_skipped_with_its_line_number(tmp_path: Path) -> None:
    store = Store(tmp_path / "claims.jsonl")
    store.add(make_article("a1"), [make_claim("a1")])
    store.add(make_article("a2"), [make_claim("a2")])
    lines = store.claims_path.read_text(encoding="utf-8").splitlines(keepends=True)
    store.claims_path.write_text(lines[0] + "not json\n" + lines[1], encoding="utf-8")
    reset_damage()
    assert {c.article.id for c in store.claims()} == {"a1", "a2"}
    assert [d.split("claims.jsonl", 1)[1] for d in damage()] == [":2: not valid JSON"]
    with pytest.raises(StoreError, match=r"claims.jsonl:2: not valid JSON.*doctor --repair"):
        store.prepare()
    before, after = store.repair()
    assert before.bad and after.ok
    assert store.rejected_path(store.claims_path).read_text(encoding="utf-8") == "not json\n"
    assert store.claims_path.read_text(encoding="utf-8") == lines[0] + lines[1]


def test_a_record_with_a_wrong_field_is_skipped_and_reported(tmp_path: Path) -> None:
    store = Store(tmp_path / "claims.jsonl")
    store.claims_path.write_text('{"id": "x"}\n', encoding="utf-8")
    reset_damage()
    assert list(store.claims()) == []
    assert "claims.jsonl:1: not a valid record" in damage()[0] and "Field required" in damage()[0]


def test_a_record_of_a_newer_schema_asks_for_an_upgrade(tmp_path: Path) -> None:
    store = Store(tmp_path / "claims.jsonl")
    store.add(make_article(), [make_claim()])
    newer = make_claim(start=50).model_dump() | {"schema_version": 2, "stance": "new field"}
    with store.claims_path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(newer) + "\n")
    with pytest.raises(StoreError, match=r"claims.jsonl:2: written by a newer claimtrack.*Upgrade claimtrack"):
        list(store.claims())
    with pytest.raises(StoreError, match=r"Upgrade claimtrack"):
        store.prepare()


def test_claims_without_their_record_are_not_read_and_set_aside_before_a_write(tmp_path: Path) -> None:
    store = Store(tmp_path / "claims.jsonl")
    store.add(make_article("a1"), [make_claim("a1")])
    orphan = make_claim("a2").model_dump_json() + "\n"
    with store.claims_path.open("a", encoding="utf-8") as fh:
        fh.write(orphan)  # what an interrupted write of an older claimtrack left
    assert [c.article.id for c in store.claims()] == ["a1"]
    health = store.prepare()
    assert health.orphans == [2]
    assert store.rejected_path(store.claims_path).read_text(encoding="utf-8") == orphan
    store.add(make_article("a2"), [make_claim("a2")])
    assert sorted(c.article.id for c in store.claims()) == ["a1", "a2"]
    assert store.check().ok


def test_rewrites_keep_the_permissions(tmp_path: Path) -> None:
    store = Store(tmp_path / "claims.jsonl")
    store.add(make_article("a1"), [make_claim("a1")])
    for path in (store.claims_path, store.articles_path):
        path.chmod(0o644)
    store.add(make_article("a1"), [make_claim("a1", 10)], replace=True)
    assert [oct(p.stat().st_mode & 0o777) for p in (store.claims_path, store.articles_path)] == ["0o644"] * 2


def test_a_store_in_a_place_that_cannot_be_written_fails_at_once(tmp_path: Path) -> None:
    import time

    for where in (Path("/proc/claimtrack/claims.jsonl"), tmp_path / "file" / "claims.jsonl"):
        (tmp_path / "file").write_text("")
        store = Store(where)
        t0 = time.monotonic()
        with pytest.raises(StoreError, match="cannot (create|write)"):
            store.add(make_article(), [make_claim()])
        assert time.monotonic() - t0 < 5


def test_replace_drops_the_old_claims_of_that_article_only(tmp_path: Path) -> None:
    store = Store(tmp_path / "claims.jsonl")
    store.add(make_article("a1"), [make_claim("a1", 0), make_claim("a1", 50)])
    store.add(make_article("a2"), [make_claim("a2", 0)])
    store.add(make_article("a1"), [make_claim("a1", 10)], replace=True)
    got = sorted((c.article.id, c.span.start) for c in store.claims())
    assert got == [("a1", 10), ("a2", 0)]
    assert sorted(a.id for a in store.articles()) == ["a1", "a2"]


def test_a_held_lock_gives_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from filelock import FileLock

    import claimtrack.store as store_mod

    store = Store(tmp_path / "claims.jsonl")
    monkeypatch.setattr(store_mod, "LOCK_TIMEOUT_S", 0.1)
    with FileLock(str(store.lock_path)):
        with pytest.raises(StoreError, match="locked by another claimtrack process"):
            store.add(make_article(), [make_claim()])
    assert not store.claims_path.exists() or store.claims_path.read_text() == ""
