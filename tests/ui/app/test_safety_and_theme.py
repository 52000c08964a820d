"""Article text is data (never markup), and the dark palette stays readable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from support.hostile import HOSTILE, HOSTILE_B

from newsdiff_gui.engine.compare.pieces import PieceKind
from newsdiff_gui.ui.base.formats import pieces_to_html
from newsdiff_gui.ui.base.theme import contrast_ratio, dark_palette, light_palette, theme_for
from newsdiff_gui.ui.pair.model import LEFT_TEXT_ROLE, RIGHT_TEXT_ROLE


def test_markup_in_articles_is_shown_as_text(window, tmp_path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(HOSTILE, encoding="utf-8")
    b.write_text(HOSTILE_B, encoding="utf-8")
    window.open_paths([a, b])
    view = window.pair_view
    model = view.model
    left = " ".join(model.index(n, 0).data(LEFT_TEXT_ROLE) for n in range(model.rowCount()))
    right = " ".join(model.index(n, 0).data(RIGHT_TEXT_ROLE) for n in range(model.rowCount()))
    assert "<script>alert(1)</script>" in left
    assert "<b>resigns</b>" in left
    assert "<b>quits</b>" in right

    width = view.delegate._text_width(view.list_view.viewport().width())
    shown = []
    for n in range(model.rowCount()):
        for side in (True, False):
            document = view.delegate.document(model.index(n, 0), side, width)
            shown.append(document.toPlainText())
            assert "<script>" not in document.toHtml().replace("&lt;script&gt;", "")
    assert any("<script>alert(1)</script>" in text for text in shown)
    assert any("<b>resigns</b>" in text for text in shown)

    # Version names: combos and labels are plain text, tooltips escaped.
    assert "<b>resigns</b>" in view.header.left.combo.currentText()
    assert view.header.left.details.textFormat() == Qt.TextFormat.PlainText
    tooltip = window.sidebar.versions.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;resigns&lt;/b&gt;" in tooltip


def test_html_export_of_pieces_escapes(qapp) -> None:
    from newsdiff_gui.engine.compare.pieces import Piece

    theme = theme_for(light_palette())
    html_text = pieces_to_html([Piece("<script>x</script> & co", PieceKind.DELETED)], theme)
    assert "<script>" not in html_text
    assert "&lt;script&gt;x&lt;/script&gt; &amp; co" in html_text
    assert "line-through" in html_text


@pytest.mark.parametrize("make_palette", [dark_palette, light_palette], ids=["dark", "light"])
def test_theme_colours_have_readable_contrast(qapp, make_palette) -> None:
    palette = make_palette()
    theme = theme_for(palette)
    assert theme.dark == (make_palette is dark_palette)
    assert contrast_ratio(theme.text, theme.base) >= 7
    assert contrast_ratio(theme.deleted_fg, theme.deleted_bg) >= 4.5
    assert contrast_ratio(theme.inserted_fg, theme.inserted_bg) >= 4.5
    assert contrast_ratio(theme.dim_text, theme.base) >= 3
    for accent, tint in (
        (theme.added_accent, theme.added_tint),
        (theme.omitted_accent, theme.omitted_tint),
        (theme.reworded_accent, theme.base),
    ):
        assert contrast_ratio(accent, tint) >= 3
    # Highlights must stand apart from the cell background too.
    assert theme.deleted_bg != theme.base and theme.inserted_bg != theme.base


def test_dark_palette_reaches_the_rows(seeded, qapp) -> None:
    seeded.setPalette(dark_palette())
    qapp.processEvents()
    delegate_theme = seeded.pair_view.delegate.theme
    assert delegate_theme.dark
    view = seeded.pair_view
    width = view.delegate._text_width(view.list_view.viewport().width())
    number = next(
        n for n in range(view.model.rowCount()) if view.model.row_at(n).kind.value == "shared"
    )
    document = view.delegate.document(view.model.index(number, 0), True, width)
    cursor = QTextCursor(document)
    cursor.setPosition(1)  # the format of the first character
    fmt = cursor.charFormat()
    colour = fmt.foreground().color()
    background = fmt.background().color() if fmt.background().style() else delegate_theme.base
    assert contrast_ratio(colour, background) >= 4.5
