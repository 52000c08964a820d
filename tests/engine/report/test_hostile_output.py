"""Issue 19 item 9: exports stay readable whatever the articles hold.

The loader accepts a few control characters in a text (a form feed between
pages, a stray BEL, a NUL past the first 4 KB it sniffs); XML 1.0 cannot
hold them at all, so the TEI export leaves them out and always parses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.report import tei_report
from newsdiff_gui.engine.report.tei import xml_text

FILLER = "The council met on Monday to discuss the harbour bridge, officials said. " * 60


def test_tei_parses_when_the_text_carries_xml_illegal_characters(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(
        (
            f"Bridge\x0c plan\n\n{FILLER}\n\nThe \x0bmayor\x07 said yes.\n\nEnd\x00 of story.\n"
        ).encode()
    )
    b.write_bytes((f"Bridge plan\n\n{FILLER}\n\nThe mayor said yes.\n\nEnd of story.\n").encode())
    alignment = align(load_article_set([a, b]))
    assert "\x00" in alignment.documents[0].text  # the loader took it
    root = ET.fromstring(tei_report(alignment).encode("utf-8"))
    readings = "".join(root.itertext())
    assert "The mayor said yes." in readings and "End of story." in readings


def test_xml_text_keeps_everything_xml_allows() -> None:
    allowed = "tab\tline\ncr\r é 😀 \ue000 \ufffd"
    assert xml_text(allowed) == allowed
    assert xml_text("a\x00b\x01c\x1fd\ud800e\ufffef\uffff") == "abcdef"
