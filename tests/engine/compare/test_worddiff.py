"""Word diffs: spans into both texts that reproduce them exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdiff_gui.engine.compare.worddiff import diff_words, tokenize
from newsdiff_gui.engine.model import DiffOp, OpKind


def _rebuild(ops: list[DiffOp], text_a: str, text_b: str, shift_a: int = 0, shift_b: int = 0):
    a = "".join(text_a[op.a_start - shift_a : op.a_end - shift_a] for op in ops)
    b = "".join(text_b[op.b_start - shift_b : op.b_end - shift_b] for op in ops)
    return a, b


def _from_first_token(text: str) -> str:
    spans = tokenize(text)
    return text[spans[0][0] :] if spans else ""


CASES = [
    ("Four U.S. officials told Reuters.", "4 US officers informed Reuters."),
    ("The CIA declined to comment.", "The CIA declined to comment."),
    ("", "Something new."),
    ("Something old.", ""),
    ("a b c d e", "a c e f"),
    ("“Quoted,” he said.", '"Quoted," he said.'),
]


@pytest.mark.parametrize(("text_a", "text_b"), CASES)
def test_ops_reproduce_both_texts(text_a: str, text_b: str) -> None:
    ops = diff_words(text_a, text_b)
    assert _rebuild(ops, text_a, text_b) == (_from_first_token(text_a), _from_first_token(text_b))


def test_identical_texts_are_all_equal() -> None:
    ops = diff_words("The CIA declined to comment.", "The CIA declined to comment.")
    assert {op.kind for op in ops} == {OpKind.EQUAL}


def test_changed_word_is_a_replace_with_spans_on_both_sides() -> None:
    text_a, text_b = "Two officials said it.", "Four officials said it."
    ops = diff_words(text_a, text_b)
    replaced = [op for op in ops if op.kind == OpKind.REPLACE]
    assert len(replaced) == 1
    assert text_a[replaced[0].a_start : replaced[0].a_end].strip() == "Two"
    assert text_b[replaced[0].b_start : replaced[0].b_end].strip() == "Four"


def test_insert_and_delete_have_empty_spans_on_the_other_side() -> None:
    ops = diff_words("The plan was approved.", "The plan was finally approved.")
    inserted = [op for op in ops if op.kind == OpKind.INSERT]
    assert inserted and all(op.a_start == op.a_end for op in inserted)


def test_offsets_index_the_documents() -> None:
    doc_a, doc_b = "Intro. Two officials said it.", "Lead here. Four officials said it."
    ops = diff_words(doc_a[7:], doc_b[11:], 7, 11)
    assert _rebuild(ops, doc_a[7:], doc_b[11:], 7, 11) == (doc_a[7:], doc_b[11:])
    replaced = next(op for op in ops if op.kind == OpKind.REPLACE)
    assert doc_a[replaced.a_start : replaced.a_end].strip() == "Two"


@given(st.text(max_size=200), st.text(max_size=200))
def test_any_texts_are_reproduced(text_a: str, text_b: str) -> None:
    ops = diff_words(text_a, text_b)
    assert _rebuild(ops, text_a, text_b) == (_from_first_token(text_a), _from_first_token(text_b))
