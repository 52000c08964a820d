"""Colours for the views, chosen from the palette so light and dark both read well.

Why a module of its own: every colour the pair view, legend and sidebar use is
decided here from the active ``QPalette``'s lightness (in the spirit of
git-cola's diff highlighter), so a dark system palette never ends up with
pale pink behind white text. Colour is never the only cue — the formats add
strike-through/underline and the views add textual markers — but it must
still be readable: ``contrast_ratio`` lets tests check WCAG contrast.

``NEWSDIFF_THEME=dark`` or ``light`` forces a palette (Fusion style) for
screenshots and for users whose desktop palette does not reach Qt; anything
else follows the system.

Public API: ``Theme``, ``theme_for``, ``dark_palette``, ``light_palette``,
``apply_env_theme``, ``contrast_ratio``, ``reading_font``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

THEME_ENV = "NEWSDIFF_THEME"

# Serif faces read better for long article prose; the first one installed wins.
_READING_FAMILIES = ("Source Serif 4", "Source Serif Pro", "Georgia", "Noto Serif", "DejaVu Serif")


@dataclass(frozen=True)
class Theme:
    """Every colour a view needs, resolved for one palette."""

    dark: bool
    text: QColor  # ordinary article text
    base: QColor  # cell background
    dim_text: QColor  # boilerplate, gap labels, secondary lines
    separator: QColor  # thin line between rows and columns
    deleted_bg: QColor  # words only the left version has (also struck through)
    deleted_fg: QColor
    inserted_bg: QColor  # words only the right version has (also underlined)
    inserted_fg: QColor
    added_accent: QColor  # marker of content only the right version has
    omitted_accent: QColor  # marker of content only the left version has
    reworded_accent: QColor  # marker of a shared row with word changes
    moved_accent: QColor  # a passage the two versions tell in a different order
    added_tint: QColor  # faint background of a right-only cell
    omitted_tint: QColor  # faint background of a left-only cell
    gap_hatch: QColor  # hatching of the empty cell opposite a lone sentence
    current_row: QColor  # outline of the row next/previous change landed on
    header_bg: QColor
    # Search hits (also bold, so colour is not the only cue); the current hit stronger.
    search_hit_bg: QColor
    search_current_bg: QColor


def _mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    """Blend two colours; used to derive dim text that follows the palette."""
    keep = 1.0 - share_of_b
    return QColor(
        round(a.red() * keep + b.red() * share_of_b),
        round(a.green() * keep + b.green() * share_of_b),
        round(a.blue() * keep + b.blue() * share_of_b),
    )


def is_dark(palette: QPalette) -> bool:
    """A palette is dark when its text background is darker than mid-grey."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def theme_for(palette: QPalette) -> Theme:
    """Resolve the theme for ``palette`` (call again when the palette changes)."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    if is_dark(palette):
        return Theme(
            dark=True,
            text=text,
            base=base,
            dim_text=_mix(text, base, 0.38),
            separator=_mix(base, text, 0.16),
            deleted_bg=QColor("#67232b"),
            deleted_fg=QColor("#ffdcd7"),
            inserted_bg=QColor("#1c5030"),
            inserted_fg=QColor("#d3f8dc"),
            added_accent=QColor("#56d364"),
            omitted_accent=QColor("#ff8a80"),
            reworded_accent=QColor("#e3b341"),
            moved_accent=QColor("#e7a6cb"),  # Okabe–Ito reddish purple, lightened
            added_tint=_mix(base, QColor("#2ea043"), 0.10),
            omitted_tint=_mix(base, QColor("#f85149"), 0.10),
            gap_hatch=_mix(base, text, 0.14),
            current_row=highlight,
            header_bg=_mix(base, text, 0.06),
            search_hit_bg=QColor("#5c4d00"),
            search_current_bg=QColor("#9c4a00"),
        )
    return Theme(
        dark=False,
        text=text,
        base=base,
        dim_text=_mix(text, base, 0.45),
        separator=_mix(base, text, 0.14),
        deleted_bg=QColor("#ffd7d5"),
        deleted_fg=QColor("#82071e"),
        inserted_bg=QColor("#c9f0d2"),
        inserted_fg=QColor("#044f1e"),
        added_accent=QColor("#1a7f37"),
        omitted_accent=QColor("#c5221f"),
        reworded_accent=QColor("#9a6700"),
        moved_accent=QColor("#a8417d"),  # Okabe–Ito reddish purple, darkened
        added_tint=_mix(base, QColor("#2da44e"), 0.07),
        omitted_tint=_mix(base, QColor("#cf222e"), 0.06),
        gap_hatch=_mix(base, text, 0.13),
        current_row=highlight,
        header_bg=_mix(base, text, 0.04),
        search_hit_bg=QColor("#fff0a0"),
        search_current_bg=QColor("#ffa64d"),
    )


def _relative_luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255.0
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio (1 … 21); body text wants at least 4.5."""
    lighter, darker = sorted(
        (_relative_luminance(foreground), _relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def dark_palette() -> QPalette:
    """A neutral dark palette (used when ``NEWSDIFF_THEME=dark`` and in tests)."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#1f2124",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#181a1d",
        QPalette.ColorRole.AlternateBase: "#23262a",
        QPalette.ColorRole.ToolTipBase: "#2b2e33",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8b8f96",
        QPalette.ColorRole.Text: "#e3e3e3",
        QPalette.ColorRole.Button: "#2a2d31",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6ea8fe",
        QPalette.ColorRole.Light: "#3a3d42",
        QPalette.ColorRole.Midlight: "#303338",
        QPalette.ColorRole.Mid: "#26292d",
        QPalette.ColorRole.Dark: "#141518",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(disabled, role, QColor("#7a7e85"))
    return palette


def light_palette() -> QPalette:
    """A neutral light palette (``NEWSDIFF_THEME=light``)."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#f3f3f1",
        QPalette.ColorRole.WindowText: "#1d1d1f",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f7f7f5",
        QPalette.ColorRole.Text: "#1d1d1f",
        QPalette.ColorRole.Button: "#ececea",
        QPalette.ColorRole.ButtonText: "#1d1d1f",
        QPalette.ColorRole.Highlight: "#2f6fd0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#80848a",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


def apply_env_theme(app: QApplication) -> None:
    """Honour ``NEWSDIFF_THEME`` (dark/light); otherwise leave the system palette."""
    wanted = os.environ.get(THEME_ENV, "").strip().lower()
    if wanted not in ("dark", "light"):
        return
    app.setStyle("Fusion")  # native styles may ignore a custom palette
    app.setPalette(dark_palette() if wanted == "dark" else light_palette())


def reading_font(point_size: float = 11.0) -> QFont:
    """The font for article prose: a serif when one is installed."""
    installed = set(QFontDatabase.families())
    font = QFont()
    for family in _READING_FAMILIES:
        if family in installed:
            font = QFont(family)
            break
    font.setPointSizeF(point_size)
    return font
