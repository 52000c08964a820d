"""Which base sentence a synopsis cell should be linked with: the choices, the
one to preselect, and the small list dialog that asks (replaceable in tests).

Public API: ``BaseChooser``, ``ask_base_sentence``, ``base_choices``,
``nearest_base_sentence``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QInputDialog, QWidget

from ...engine.model import Document

# (parent, [(sentence id, label)], preselected position) -> chosen sentence id or None
BaseChooser = Callable[[QWidget, list[tuple[str, str]], int], str | None]


def ask_base_sentence(parent: QWidget, choices: list[tuple[str, str]], current: int) -> str | None:
    """A small list of the base version's sentences to link a cell with."""
    labels = [label for _, label in choices]
    label, ok = QInputDialog.getItem(
        parent, "Link with base sentence", "Base sentence:", labels, max(0, current), False
    )
    if not ok or label not in labels:
        return None
    return choices[labels.index(label)][0]


def base_choices(base: Document) -> list[tuple[str, str]]:
    """(sentence id, "n. first words…") for each content sentence of the base."""
    return [
        (s.id, f"{s.index + 1}. {s.text[:90]}{'…' if len(s.text) > 90 else ''}")
        for s in base.content_sentences
    ]


def nearest_base_sentence(
    ids_at: Callable[[int], Sequence[str]], row: int, choices: list[tuple[str, str]]
) -> int:
    """Position in ``choices`` of the base sentence at or above ``row``
    (``ids_at(row)``: the base sentence ids a synopsis row holds)."""
    ids = [sentence_id for sentence_id, _ in choices]
    for above in range(row, -1, -1):
        for sentence_id in ids_at(above):
            if sentence_id in ids:
                return ids.index(sentence_id)
    return 0
