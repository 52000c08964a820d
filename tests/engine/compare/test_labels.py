"""Version labels: short, unique and stable, however alike the versions are."""

from __future__ import annotations

from newsdiff_gui.engine.compare.labels import letter_for, version_labels
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.model import Document
from newsdiff_gui.paths import seed_files


def _doc(number: int, outlet: str, date: str | None = None, name: str = "") -> Document:
    return Document(
        id=f"d{number}",
        path=name or f"story-{number}.txt",
        text="Text.",
        title="Storm closes the coast road",
        outlet=outlet,
        date=date,
    )


def test_letters_count_like_spreadsheet_columns() -> None:
    assert [letter_for(n) for n in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_distinct_outlets_keep_their_names() -> None:
    labels = version_labels([_doc(0, "Reuters"), _doc(1, "AP"), _doc(2, "")])
    assert [label.short for label in labels] == ["A · Reuters", "B · AP", "C · story-2"]
    assert "Storm closes the coast road" in labels[0].full
    assert "story-0.txt" in labels[0].full


def test_copies_of_one_outlet_are_told_apart_by_time_then_day_then_file() -> None:
    same_day = [
        _doc(n, "AP", f"2018-07-15T{hour}:05:00-04:00") for n, hour in enumerate((6, 9, 13))
    ]
    assert [label.name for label in version_labels(same_day)] == [
        "AP 06:05", "AP 09:05", "AP 13:05",
    ]  # fmt: skip
    days = [_doc(n, "AP", f"2018-07-{day}") for n, day in enumerate((14, 15))]
    assert [label.name for label in version_labels(days)] == ["AP Jul 14", "AP Jul 15"]
    files = [_doc(n, "AP", name=f"ap-{n}.html") for n in range(2)]
    assert [label.name for label in version_labels(files)] == ["AP ap-0", "AP ap-1"]
    anonymous = [_doc(n, "AP", name=f"/a/very-long-file-name-of-a-copy-{n}.txt") for n in range(3)]
    assert [label.name for label in version_labels(anonymous)] == ["AP #1", "AP #2", "AP #3"]


def test_thirty_copies_of_one_wire_story_get_thirty_different_labels() -> None:
    documents = [_doc(n, "AP") for n in range(30)]
    labels = version_labels(documents)
    assert len({label.short for label in labels}) == 30
    assert len({label.name for label in labels}) == 30
    assert labels == version_labels(documents)  # stable: the same set, the same labels


def test_seed_labels() -> None:
    labels = version_labels(load_article_set(seed_files()).documents)
    assert len({label.short for label in labels}) == len(labels)
    assert [label.letter for label in labels] == ["A", "B", "C", "D", "E"]
    assert all(len(label.name) <= 22 for label in labels)
