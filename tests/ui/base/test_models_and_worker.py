"""Pieces cover the text exactly; the worker drops stale answers."""

from __future__ import annotations

import re
import time

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsdiff_gui.engine.compare.pairing import PairRow, RowKind
from newsdiff_gui.engine.compare.pieces import PieceKind, plain_text, side_pieces
from newsdiff_gui.engine.compare.worddiff import diff_words
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.model import Alignment, Relation, Unit
from newsdiff_gui.ui.base.worker import TaskRunner
from newsdiff_gui.ui.pair.model import PairRowsModel

WORDS = st.sampled_from(
    "the mayor said four 4 officials told Reuters may will not on Monday".split()
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12), st.lists(WORDS, min_size=1, max_size=12))
def test_pieces_reproduce_each_side_and_mark_only_changes(left_words, right_words) -> None:
    left_text = " ".join(left_words) + "."
    right_text = " ".join(right_words) + "."
    article_set = documents_from_texts([("a.txt", left_text), ("b.txt", right_text)])
    left, right = article_set.documents
    lefts, rights = left.content_sentences, right.content_sentences
    # A text like "4 mayor." reads as furniture (no content sentence): nothing to pair.
    assume(lefts and rights)
    ops = tuple(
        diff_words(
            left.text[lefts[0].start : lefts[-1].end],
            right.text[rights[0].start : rights[-1].end],
            lefts[0].start,
            rights[0].start,
        )
    )
    row = PairRow(RowKind.SHARED, lefts, rights, Relation.REWORDED, ops)
    left_pieces = side_pieces(row, left, True)
    right_pieces = side_pieces(row, right, False)
    assert plain_text(left_pieces) == _norm(" ".join(s.text for s in lefts))
    assert plain_text(right_pieces) == _norm(" ".join(s.text for s in rights))
    assert all(p.kind in (PieceKind.PLAIN, PieceKind.DELETED) for p in left_pieces)
    assert all(p.kind in (PieceKind.PLAIN, PieceKind.INSERTED) for p in right_pieces)
    if left_words == right_words:
        assert not row.is_change
        assert all(p.kind == PieceKind.PLAIN for p in left_pieces + right_pieces)


def test_boilerplate_pieces_name_their_reason() -> None:
    article_set = documents_from_texts([("a.txt", "Photo: Reuters\n\nText here.")])
    (doc,) = article_set.documents
    sentence = doc.sentences[0]
    row = PairRow(RowKind.BOILERPLATE, (sentence,), ())
    pieces = side_pieces(row, doc, True)
    if sentence.boilerplate:
        assert pieces[0].kind == PieceKind.LABEL
        assert pieces[-1].kind == PieceKind.BOILERPLATE
    assert side_pieces(row, doc, False) == []


def test_pair_model_passes_qt_model_checks(qtmodeltester) -> None:
    article_set = documents_from_texts([("a.txt", "One. Two."), ("b.txt", "One. Three.")])
    left, right = article_set.documents
    unit = Unit("u0", (left.sentences[0].id, right.sentences[0].id), Relation.VERBATIM)
    alignment = Alignment(article_set, (unit,), ())
    from newsdiff_gui.engine.compare.pairing import pair_rows

    model = PairRowsModel()
    model.set_rows(pair_rows(alignment, left, right), left, right)
    qtmodeltester.check(model)
    assert model.rowCount() >= 3
    model.clear()
    qtmodeltester.check(model)


def test_runner_drops_stale_answers(qtbot) -> None:
    runner = TaskRunner()
    results: list[object] = []
    runner.finished.connect(lambda topic, result: results.append((topic, result)))

    def slow(cancel):
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and not cancel():
            time.sleep(0.01)
        return "old"

    runner.submit("pair", slow)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.submit("pair", lambda cancel: "new")
    assert runner.wait(5000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert results == [("pair", "new")]


def test_runner_reports_failures(qtbot) -> None:
    runner = TaskRunner(inline=True)
    with qtbot.waitSignal(runner.failed, timeout=1000) as blocker:
        runner.submit("align", lambda cancel: 1 / 0)
    assert blocker.args[0] == "align"
    assert "ZeroDivisionError" in blocker.args[1]
