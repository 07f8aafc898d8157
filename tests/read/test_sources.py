"""Reading inputs: formats, encodings and every kind of bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsevents.read import iter_inputs
from newsevents.settings import Settings
from newsevents.types import Failure, RawArticle

from ..conftest import ARTICLES, SAMPLE

pytestmark = pytest.mark.issue(2)

STORY = "NEW DELHI (AP) — Indian and Russian officials met on Monday to discuss trade in oil."


def _read(paths: list[str], settings: Settings | None = None) -> list[RawArticle | Failure]:
    return list(iter_inputs(paths, settings=settings or Settings()))


def test_plain_text() -> None:
    (raw,) = _read([str(SAMPLE)])
    assert isinstance(raw, RawArticle) and raw.text and raw.source == str(SAMPLE)


def test_html_uses_trafilatura_metadata() -> None:
    (raw,) = _read([str(ARTICLES / "syndication.html")])
    assert isinstance(raw, RawArticle)
    assert raw.title == "Chile and Argentina sign lithium cooperation pact"
    assert raw.date == "2024-05-14"
    assert raw.url == "https://news.example.org/world/2024/05/14/chile-argentina-lithium"
    assert raw.text is not None and "Most read" not in raw.text and "SANTIAGO" in raw.text


def test_jsonl_records_and_bad_lines() -> None:
    items = _read([str(ARTICLES / "articles.jsonl")])
    assert [type(i).__name__ for i in items] == ["RawArticle"] * 2 + ["Failure"] * 2 + [
        "RawArticle"
    ]
    first, second = items[0], items[1]
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert (first.id, first.title, first.date, first.url) == (
        "wire-001",
        "Japan and South Korea hold security talks",
        "2024-02-20T08:00:00+09:00",
        "https://example.org/wire-001",
    )
    assert second.text and second.text.startswith("BRUSSELS") and second.date == "2024-02-01"
    assert isinstance(items[2], Failure) and items[2].code == "NE107"
    assert items[2].source.endswith("articles.jsonl:3")
    assert isinstance(items[3], Failure) and items[3].code == "NE106"


def test_json_array_and_html_field(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    html = (ARTICLES / "syndication.html").read_text()
    path.write_text(json.dumps([{"id": 7, "text": STORY}, {"id": "h", "html": html}]))
    items = _read([str(path)])
    assert all(isinstance(i, RawArticle) for i in items)
    assert [i.id for i in items if isinstance(i, RawArticle)] == ["7", "h"]
    assert items[1].source == f"{path}[1]"


def test_directory_is_recursive_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text(STORY)
    (tmp_path / "two.txt").write_text(STORY)
    (tmp_path / ".hidden.txt").write_text(STORY)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = _read([str(tmp_path)])
    assert sorted(Path(i.source).name for i in items) == ["one.txt", "two.txt"]


def test_stdin() -> None:
    items = list(iter_inputs(["-"], settings=Settings(), stdin=io.BytesIO(STORY.encode())))
    assert isinstance(items[0], RawArticle) and items[0].source == "<stdin>"


def test_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = (
        "PARIS (AFP) – Le café, the minister said, was “très” important to the talks on Monday. "
        * 3
    )
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    (raw,) = _read([str(path)])
    assert isinstance(raw, RawArticle) and raw.text is not None and "café" in raw.text


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "NE102"),
        (b"   \n\t\n", "NE102"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "NE103"),
        (bytes(range(1, 9)) * 200, "NE103"),
        (b'{"id": 1, "text": "unterminated', "NE106"),
        (b'{"id": 1, "title": "no body here"}', "NE107"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (item,) = _read([str(path)])
    assert isinstance(item, Failure) and item.code == code
    assert str(item).startswith(f"{code} {path}: ")


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 300)
    (item,) = _read([str(path)], Settings(max_bytes=1000))
    assert isinstance(item, Failure) and item.code == "NE104"


def test_missing_file() -> None:
    (item,) = _read(["/nonexistent/story.txt"])
    assert isinstance(item, Failure) and item.code == "NE101"


def test_malformed_html(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><script>var x = 1;</script></div></body></html>")
    (item,) = _read([str(path)])
    assert isinstance(item, Failure) and item.code == "NE108"
