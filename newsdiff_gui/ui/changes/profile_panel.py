"""The versions' profiles: what each one is and where it likely comes from.

Rendered as HTML built here with every engine string passed through
``html.escape`` (file names, outlets and reasons come from article files).

Public API: ``ProfilePanel``, ``profiles_html``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ...engine.changes.profile import VersionProfile
from ...engine.compare.labels import version_labels
from ...engine.model import Alignment


def profiles_html(alignment: Alignment, profiles: list[VersionProfile]) -> str:
    documents = alignment.documents
    labels = {d.id: label for d, label in zip(documents, version_labels(documents), strict=True)}
    names = {d: label.short for d, label in labels.items()}  # unique where outlets repeat
    parts = ["<h2>Versions</h2>"]
    for p in profiles:
        parts.append(f"<h3>{escape(names[p.document])}</h3><ul>")
        parts.append(
            f"<li>{escape(labels[p.document].full)}</li>"
            f"<li>{p.words} words, {p.sentences} sentences; carries "
            f"{p.share_of_set:.0%} of the shared content; {p.aligned_share:.0%} of its "
            f"sentences are shared</li>"
            f"<li>{len(p.only_here)} sentence(s) only here; {len(p.dropped)} widely carried "
            f"piece(s) of content dropped</li>"
            f"<li>quotes intact {p.quotes_intact}, altered {p.quotes_altered}; "
            f"spin score {p.spin_score:.3f}</li>"
        )
        for trait, reason in p.traits:
            parts.append(f"<li><b>{escape(trait)}</b>: {escape(reason)}</li>")
        source = p.likely_source
        if source.document:
            evidence = "; ".join(escape(e) for e in source.evidence)
            parts.append(
                f"<li>likely source: <b>{escape(names[source.document])}</b> "
                f"(confidence {source.confidence:.2f}) — {evidence}</li>"
            )
        else:
            parts.append(
                f"<li>likely source: none in this set — {escape('; '.join(source.evidence))}</li>"
            )
        parts.append("</ul>")
    return "".join(parts)


class ProfilePanel(QWidget):
    """A read-only page of version profiles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setPlaceholderText("Profiles appear when the versions are aligned.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.browser)

    def set_profiles(self, alignment: Alignment, profiles: list[VersionProfile]) -> None:
        self.browser.setHtml(profiles_html(alignment, profiles))

    def text(self) -> str:
        return self.browser.toPlainText()
