"""Key generation, checking with partial credit, submissions and progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.exercises import BRIDGE, EDITED, _exercise

from newsdiff_gui.engine.exercise import (
    Answers,
    ExerciseError,
    Mark,
    ProgressStore,
    check,
    hand_in,
    read_submission,
    with_item,
    without_item,
)
from newsdiff_gui.engine.exercise.check import merge_spans


@pytest.fixture(scope="module")
def exercise():
    return _exercise()


def _mark(exercise, article: str, kind: str, start: int, end: int) -> Mark:
    text = exercise.article(article).document.text
    return Mark(article, kind, start, end, text[start:end])


def _item(exercise, task: int):
    (item,) = exercise.key[task].items
    return item


def test_key_comes_from_the_planted_edits(exercise) -> None:
    assert _item(exercise, 1).text == "46 million"
    assert "42 million → 46 million" in _item(exercise, 1).explanation
    assert _item(exercise, 2).text.startswith("A ferry will carry commuters")
    assert _item(exercise, 3).text.startswith("“We must not leave")
    assert "Quote altered" in _item(exercise, 3).explanation
    assert exercise.key[4].answer == "A"  # the Rewrite follows the Herald
    assert 5 not in exercise.key  # free text has no key


def test_span_arithmetic() -> None:
    assert merge_spans([(5, 9), (0, 3), (2, 4), (9, 12)]) == [(0, 4), (5, 12)]
    assert merge_spans([(3, 3)]) == []


def test_exact_marks_score_full_and_nothing_scores_zero(exercise) -> None:
    marks = [
        _mark(exercise, "B", "number", _item(exercise, 1).start, _item(exercise, 1).end),
        _mark(exercise, "B", "added", _item(exercise, 2).start, _item(exercise, 2).end),
        _mark(exercise, "B", "quote", _item(exercise, 3).start, _item(exercise, 3).end),
    ]
    result = check(exercise, Answers(tuple(marks), {4: "A"}, {5: "ok"}))
    assert [t.score for t in result.tasks] == [1.0, 1.0, 1.0, 1.0, None]
    assert result.score == 1.0 and result.points == 4
    empty = check(exercise, Answers())
    assert empty.score == 0.0
    assert empty.tasks[0].lines()[0] == "You marked nothing for this task."
    assert any(line.startswith("Missed: “46 million”") for line in empty.tasks[0].lines())


def test_half_marked_item_gets_partial_credit(exercise) -> None:
    item = _item(exercise, 2)
    middle = (item.start + item.end) // 2
    result = check(exercise, Answers((_mark(exercise, "B", "added", item.start, middle),)))
    added = result.tasks[1]
    share = (middle - item.start) / (item.end - item.start)
    assert added.found_share == pytest.approx(share)
    assert added.on_target == 1.0
    assert added.score == pytest.approx(2 * share / (share + 1))
    assert added.items[0].status == "partly found"
    assert "partly found" in added.lines()[1].lower()


def test_whole_sentence_around_a_number_is_on_target_but_the_whole_text_is_not(exercise) -> None:
    item = _item(exercise, 1)
    start, end = item.context
    sentence = check(exercise, Answers((_mark(exercise, "B", "number", start, end),)))
    assert sentence.tasks[0].score == 1.0
    text = exercise.article("B").document.text
    everything = check(exercise, Answers((_mark(exercise, "B", "number", 0, len(text)),)))
    assert everything.tasks[0].found_share == 1.0
    assert everything.tasks[0].on_target < 0.3
    assert everything.tasks[0].score < 0.5


def test_stray_marks_and_wrong_kind_or_article_do_not_count(exercise) -> None:
    item = _item(exercise, 1)
    text = exercise.article("B").document.text
    stray = text.index("Engineers found")
    marks = (
        _mark(exercise, "B", "number", item.start, item.end),
        _mark(exercise, "B", "number", stray, stray + 15),
        _mark(exercise, "B", "quote", item.start, item.end),  # wrong kind for task 1
        _mark(exercise, "A", "number", 10, 20),  # wrong article
    )
    task = check(exercise, Answers(marks)).tasks[0]
    assert task.found_share == 1.0
    assert task.on_target == pytest.approx(len(item.text) / (len(item.text) + 15))
    assert [text for _span, text in task.stray] == ["Engineers found"]
    assert any(line.startswith("Not in the key: “Engineers found”") for line in task.lines())


def test_wrong_choice_scores_zero_with_the_reason(exercise) -> None:
    task = check(exercise, Answers(choices={4: "none"})).tasks[3]
    assert task.score == 0.0
    assert task.lines()[0] == "Not the expected answer."
    assert "likely source" in task.lines()[1]


def test_teacher_edits_the_key(exercise) -> None:
    text = exercise.article("B").document.text
    start = text.index("Engineers found")
    edited = with_item(exercise, 1, start, start + 9)
    assert [i.text for i in edited.key[1].items] == ["46 million", "Engineers"]
    joined = with_item(edited, 1, start + 5, start + 15)
    assert [i.text for i in joined.key[1].items] == ["46 million", "Engineers found"]
    removed = without_item(joined, 1, _item(exercise, 1).start + 2)
    assert [i.text for i in removed.key[1].items] == ["Engineers found"]
    with pytest.raises(ExerciseError):
        with_item(exercise, 1, 5, 5)


def test_hand_in_writes_json_and_escaped_html(exercise, tmp_path: Path) -> None:
    item = _item(exercise, 1)
    answers = Answers(
        (_mark(exercise, "B", "number", item.start, item.end),),
        {4: "A"},
        {5: "<script>alert('x')</script> & more"},
    )
    json_path, html_path = hand_in(exercise, "<b>Ann</b>", answers, tmp_path / "ann")
    assert json_path.name == "ann.json" and html_path.name == "ann.html"
    data = json.loads(json_path.read_text("utf-8"))
    assert data["schema"] == "newsdiff-exercise-submission/1"
    assert data["student"] == "<b>Ann</b>"
    assert data["score"]["tasks"] == {"1": 1.0, "2": 0.0, "3": 0.0, "4": 1.0, "5": None}
    assert data["score"]["total"] == 0.5
    page = html_path.read_text("utf-8")
    assert "<script>" not in page and "<b>Ann</b>" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;Ann&lt;/b&gt;" in page
    assert "Score: 50%" in page
    back = read_submission(exercise, json_path)
    assert back.student == "<b>Ann</b>" and back.answers == answers
    with pytest.raises(ExerciseError, match="name"):
        hand_in(exercise, "  ", answers, tmp_path / "nobody")


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda d: d["answers"]["marks"][0].update(text="99 million"), "does not match the text"),
        (lambda d: d["answers"]["marks"][0].update(end=10**7), "outside article"),
        (lambda d: d["answers"]["marks"][0].update(article="Z"), "not in the exercise"),
        (lambda d: d["answers"]["marks"][0].update(kind="spin"), "unknown mark kind"),
        (lambda d: d["answers"]["marks"][0].update(start=True), "whole-number"),
        (lambda d: d["answers"]["choices"].update({"4": "Q"}), "not an option"),
        (lambda d: d["answers"]["texts"].update({"9": "x"}), "no task 9"),
        (lambda d: d.update(exercise="f" * 16), "another exercise"),
        (lambda d: d.update(schema="x"), "not a newsdiff submission"),
        (lambda d: d.update(student=7), "no student name"),
        (lambda d: d.update(answers=[]), "must be an object"),
    ],
)
def test_tampered_submission_is_refused(exercise, tmp_path: Path, tamper, message: str) -> None:
    item = _item(exercise, 1)
    answers = Answers((_mark(exercise, "B", "number", item.start, item.end),), {4: "A"}, {5: "x"})
    path, _ = hand_in(exercise, "Ann", answers, tmp_path / "ann.json")
    data = json.loads(path.read_text("utf-8"))
    tamper(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExerciseError, match=message):
        read_submission(exercise, path)


def test_unreadable_submission_files(exercise, tmp_path: Path) -> None:
    (tmp_path / "bin.json").write_bytes(b"\x00\xff\xfe")
    for name, message in [("bin.json", "not a JSON"), ("nope.json", "does not exist")]:
        with pytest.raises(ExerciseError, match=message):
            read_submission(exercise, tmp_path / name)


def test_progress_is_saved_and_a_corrupt_file_set_aside(exercise, tmp_path: Path) -> None:
    store = ProgressStore(exercise, tmp_path)
    assert store.load() == ("", Answers())
    item = _item(exercise, 1)
    answers = Answers((_mark(exercise, "B", "number", item.start, item.end),), {}, {5: "draft"})
    store.save("Ann", answers)
    assert ProgressStore(exercise, tmp_path).load() == ("Ann", answers)
    store.path.write_text("{broken", encoding="utf-8")
    again = ProgressStore(exercise, tmp_path)
    assert again.load() == ("", Answers())
    assert again.warnings and ".bak" in again.warnings[0]
    assert list(store.path.parent.glob("*.bak"))


def test_articles_are_the_texts_given(exercise) -> None:
    assert [a.document.text for a in exercise.articles] == [BRIDGE, EDITED]


def test_hand_in_page_shows_points_and_time_for_people() -> None:
    """Issue 17, item 9: "2.78436 of 6 points" and a raw ISO stamp were shown."""
    from newsdiff_gui.engine.exercise.report import points_text, readable_time

    assert [points_text(p) for p in (2.78436, 6.0, 0.5, 0.04, 12.96)] == [
        "2.8", "6", "0.5", "0", "13"
    ]  # fmt: skip
    assert readable_time("2026-12-07T21:24:05+00:00") == "7 December 2026, 21:24 UTC"
    assert readable_time("not a time") == "not a time"
