"""Help → About: version, licence and credits for the libraries newsdiff ships with.

Why list them: the installers bundle Qt/PySide6 (LGPL-3.0) and the other
libraries, and their licences ask that users be told. The text is ours alone
(no article text), so rich text is safe here.

Public API: ``about_html``, ``app_version``, ``show_about``.
"""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

# (name, licence, what we use it for) — keep in step with pyproject dependencies.
CREDITS: tuple[tuple[str, str, str], ...] = (
    ("Qt and PySide6", "LGPL-3.0", "the user interface"),
    ("diff-match-patch", "Apache-2.0", "word-level differences"),
    ("markdown-it-py", "MIT", "Markdown rendering"),
    ("platformdirs", "MIT", "where settings and notes are kept"),
    ("NumPy", "BSD-3-Clause", "meaning vectors"),
    (
        "word vectors derived from all-MiniLM-L6-v2 (sentence-transformers)",
        "Apache-2.0",
        "matching reworded sentences",
    ),
)


def app_version() -> str:
    """Installed distribution version; the package's own constant in a bare source tree.

    In the PyInstaller bundle the metadata is copied in by the spec, so both
    paths give the same answer. ``importlib.metadata`` is imported here, when
    the About box opens, not at start-up (it costs tens of milliseconds).
    """
    from importlib import metadata

    try:
        return metadata.version("newsdiff")
    except metadata.PackageNotFoundError:
        from ... import __version__

        return __version__


def about_html() -> str:
    """The About box body (static text only)."""
    credits = "".join(
        f"<li>{name} — {licence}, for {purpose}</li>" for name, licence, purpose in CREDITS
    )
    return (
        f"<h3>newsdiff {app_version()}</h3>"
        "<p>Compare how different outlets cover the same story: what each version "
        "added, omitted and reworded.</p>"
        "<p>Released under the MIT licence. newsdiff makes no network requests.</p>"
        f"<p>Built with:</p><ul>{credits}</ul>"
        f"<p><small>Qt {qVersion()}, PySide6 {pyside_version}</small></p>"
    )


def show_about(parent: QWidget | None) -> None:
    """Show the modal About box (``QMessageBox.about`` uses the window icon)."""
    QMessageBox.about(parent, "About newsdiff", about_html())
