from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.errors import InputError
from claimtrack.ingest import chunks, decode, expand_paths, file_metadata, parse_published, read_source


def test_utf8_is_read_as_is() -> None:
    text, notices = decode("Iran’s forces".encode(), where="a.txt")
    assert text == "Iran’s forces" and notices == []


def test_cp1252_is_read_with_a_notice() -> None:
    text, notices = decode("Iran\x92s forces \x93left\x94".encode("latin-1"), where="a.txt")
    assert text == "Iran’s forces “left”"
    assert "cp1252" in notices[0] and "--encoding" in notices[0]


def test_an_explicit_encoding_wins() -> None:
    text, _ = decode("caf\xe9".encode("latin-1"), where="a.txt", encoding="latin-1")
    assert text == "café"


@pytest.mark.parametrize("data", [b"", b"  \n\n "])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="a.txt: the file is empty"):
        decode(data, where="a.txt")


def test_binary_input_is_refused() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, where="img.txt")


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("2019-03-18", "2019-03-18"),
        ("2019-3", "2019-03"),
        ("2019", "2019"),
        ("18 March 2019", "2019-03-18"),
        ("March 18, 2019", "2019-03-18"),
    ],
)
def test_publication_dates(value: str, want: str) -> None:
    assert parse_published(value, where="x") == want


@pytest.mark.parametrize("value", ["yesterday-ish", "2019-13-01", "32/13/2019"])
def test_bad_publication_dates_say_how_to_fix(value: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_published(value, where="--published")


def test_front_matter_is_metadata_and_offsets_stay_in_the_file() -> None:
    raw = "---\npublished: 2019-03-18\noutlet: Example News\n---\nIran said it would stay.\n"
    source = read_source("a.txt", raw.encode(), path=None, options={})
    assert source.meta == {"published": "2019-03-18", "outlet": "Example News"}
    assert source.text == raw and source.text[source.body_start :].startswith("Iran said")


def test_malformed_front_matter_is_an_error() -> None:
    raw = "---\npublished: [2019\n---\nText.\n"
    with pytest.raises(InputError, match="a.txt: the front matter .*not valid YAML"):
        read_source("a.txt", raw.encode(), path=None, options={})


def test_command_line_options_override_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\nauthor: A\n---\nText here.\n", encoding="utf-8")
    source = read_source(str(path), path.read_bytes(), path=path, options={"author": "B", "outlet": None})
    assert source.meta["author"] == "B"


def test_manifest_and_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"articles": {"a.txt": {"published": "2018-09", "author": "M"}}})
    )
    assert file_metadata(tmp_path / "a.txt") == {"published": "2018-09", "author": "M"}
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"author": "S", "date": "2018-09-02"}))
    assert file_metadata(tmp_path / "a.txt") == {"published": "2018-09-02", "author": "S"}


def test_malformed_sidecar_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text('{"author": "S",\n "published": }')
    with pytest.raises(InputError, match=r"a.txt.meta.json:2: not valid JSON"):
        file_metadata(tmp_path / "a.txt")


def test_folders_expand_and_problems_stay_in_place(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("x")
    (tmp_path / "d" / "y.md").write_text("y")
    (tmp_path / "d" / "z.json").write_text("{}")
    (tmp_path / "empty").mkdir()
    got = list(expand_paths((str(tmp_path / "d"), str(tmp_path / "missing.txt"), str(tmp_path / "empty"), "-")))
    assert [Path(label).name for label, _, err in got if err is None] == ["x.txt", "y.md", "-"]
    errors = [str(err) for _, _, err in got if err is not None]
    assert "no such file or folder" in errors[0] and "no articles in this folder" in errors[1]


def test_a_long_text_is_cut_at_paragraphs_and_covers_everything() -> None:
    text = ("A sentence here. " * 40 + "\n\n") * 600
    pieces = list(chunks(text, size=10_000))
    assert len(pieces) > 10
    assert "".join(p for _, p in pieces) == text
    assert all(text[off : off + len(p)] == p for off, p in pieces)
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])
