"""Pieces cover the text exactly; the worker drops stale answers."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsdiff_gui.engine.compare.pairing import PairRow, RowKind
from newsdiff_gui.engine.compare.pieces import PieceKind, plain_text, side_pieces
from newsdiff_gui.engine.compare.worddiff import diff_words
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.model import Alignment, Relation, Unit
from newsdiff_gui.ui.base.worker import TaskFailure, TaskRunner
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
    """A newer submit on the same topic cancels the older work and drops its answer."""
    runner = TaskRunner()
    results: list[str] = []
    stopped_early: list[bool] = []

    def slow(cancel):
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and not cancel():
            time.sleep(0.01)
        stopped_early.append(time.monotonic() < deadline)
        return "old"

    runner.submit(slow, on_done=results.append, topic="pair")
    with qtbot.waitCallback(timeout=5000) as delivered:
        runner.submit(lambda cancel: "new", on_done=delivered, topic="pair")
    assert runner.wait(5000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    delivered.assert_called_with("new")
    assert results == []  # the old answer never arrived
    assert stopped_early == [True]  # its work saw the cancel


def test_runner_reports_failures(qtbot) -> None:
    runner = TaskRunner(inline=True)
    seen: list[TaskFailure] = []
    with qtbot.waitSignal(runner.failed, timeout=1000) as blocker:
        runner.submit(lambda cancel: 1 / 0, on_failed=seen.append, topic="align")
    (failure,) = seen
    assert blocker.args == [failure]
    assert failure.topic == "align"
    assert "ZeroDivisionError" in failure.message
    assert "Traceback" in failure.traceback


@dataclass(frozen=True)
class _Answer:
    value: int


def test_answers_arrive_as_the_work_returned_them(qtbot) -> None:
    """Typed results: the object itself, no tuple; work without a topic is never replaced."""
    runner = TaskRunner(inline=True)
    first, second = _Answer(1), _Answer(2)
    got: list[_Answer] = []
    runner.submit(lambda cancel: first, on_done=got.append)
    runner.submit(lambda cancel: second, on_done=got.append)
    assert got[0] is first and got[1] is second
    assert not runner.busy


def test_a_cancelled_ticket_delivers_nothing(qtbot) -> None:
    runner = TaskRunner()
    started, saw_cancel = threading.Event(), threading.Event()
    heard: list[str] = []

    def work(cancel):
        started.set()
        deadline = time.monotonic() + 5
        while not cancel() and time.monotonic() < deadline:
            time.sleep(0.005)
        if cancel():
            saw_cancel.set()
        return "late"

    ticket = runner.submit(
        work,
        on_done=lambda _: heard.append("done"),
        on_cancelled=lambda: heard.append("cancelled"),
        topic="changes",
    )
    assert started.wait(5)
    assert ticket.running
    ticket.cancel()
    assert not ticket.running
    assert runner.wait(5000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert saw_cancel.is_set()
    assert heard == []


def test_progress_is_reported_and_cancel_all_stops_the_work(qtbot) -> None:
    runner = TaskRunner()
    steps: list[tuple[str, int, int]] = []
    heard: list[str] = []

    def work(cancel, report):
        for done in range(10_000):
            report("Aligning", done, 10_000)  # raises CancelledError once cancelled
            time.sleep(0.001)
        return "finished"

    with qtbot.waitCallback(timeout=5000) as cancelled:
        runner.submit(
            work,
            on_progress=lambda *step: (steps.append(step), runner.cancel_all()),
            on_done=lambda _: heard.append("done"),
            on_cancelled=cancelled,
            topic="align",
        )
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert steps and steps[0][0] == "Aligning"
    assert heard == []
