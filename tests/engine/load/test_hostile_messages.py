"""Issue 19 item 11: messages that say what is really wrong, and inputs that
were refused for the wrong reason now load."""

from __future__ import annotations

import builtins
import sys
from pathlib import Path

import pytest

from newsdiff_gui.engine.load.articles import InputError, load_document
from newsdiff_gui.engine.load.formats.html import extract_html

STORY = "The council approved the harbour bridge plan on Monday, officials said. "


def test_invalid_utf8_names_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Caf\xe9 owners said \x81 trade had collapsed.\n")
    with pytest.raises(InputError) as caught:
        load_document(path, 0)
    assert "invalid UTF-8 byte 0xe9 at offset 3" in caught.value.reason
    assert "0x81 at offset 17 is not cp1252" in caught.value.reason


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Буря закрыла три порта\n\nБуря закрыла три порта в пятницу, сообщили чиновники.\n",
        "暴风雨关闭了三个港口\n\n暴风雨关闭了三个港口。市长说工程将于三月开始。\n",
    ],
    ids=["cyrillic", "chinese"],
)
def test_bomless_utf16_of_other_scripts_is_read(tmp_path: Path, codec: str, text: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(codec))
    document = load_document(path, 0)
    assert document.text == text and document.encoding == codec


def test_a_page_with_a_huge_inline_style_sheet_keeps_its_article(tmp_path: Path) -> None:
    page = (
        "<!doctype html><html><head><title>Bridge plan approved</title>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-03-02"}</script>'
        "<style>" + ".a{color:red}" * 900_000 + "</style></head><body><article>"
        "<h1>Bridge plan approved</h1>" + f"<p>{STORY * 5}</p>" * 3 + "</article></body></html>"
    ).encode()
    assert len(page) > 11 * 2**20
    extracted = extract_html(page)
    assert STORY.strip() in extracted.text and extracted.title == "Bridge plan approved"


def test_a_broken_dependency_of_trafilatura_is_named(monkeypatch) -> None:
    real_import = builtins.__import__

    def failing(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError(
                "lxml.html.clean module is now a separate project lxml_html_clean",
                name="lxml.html.clean",
            )
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    monkeypatch.setattr(builtins, "__import__", failing)
    with pytest.raises(ValueError) as caught:
        extract_html(b"<html><body><p>x</p></body></html>")
    message = str(caught.value)
    assert "installed but cannot start" in message and "pip install lxml_html_clean" in message
    assert "not installed" not in message


def test_a_missing_trafilatura_is_still_named(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(ValueError, match="needs the Python package 'trafilatura'"):
        extract_html(b"<html><body><p>x</p></body></html>")
