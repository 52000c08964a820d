"""Issue 19: the engine's public functions on arbitrary Unicode.

Texts mix random code points of every kind (lone surrogates, controls,
combining marks, right-to-left and CJK letters, no punctuation at all) with
words and stops of several scripts, so that sentences, links and changes
actually happen. For every set: the only exception allowed is the documented
``InputError`` (an empty text); offsets rebuild each text; every unit member
is a sentence of the set; word-diff spans rebuild both passages; and the TEI
export parses. ``max_examples`` keeps the run to well under a minute.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes import read_changes
from newsdiff_gui.engine.compare.pairing import pair_rows
from newsdiff_gui.engine.compare.worddiff import diff_words
from newsdiff_gui.engine.load.articles import InputError, documents_from_texts
from newsdiff_gui.engine.model import OpKind
from newsdiff_gui.engine.report import tei_report
from newsdiff_gui.engine.segment.sentences import split_paragraphs, split_sentences

WORDS = (
    "The council approved 42 million euro plan on Monday officials said Keller "
    "“We cannot leave it” قال المسؤولون إن العاصفة הסערה סגרה נמלים "
    "तूफ़ान ने बंदरगाह 暴风雨关闭了三个港口 四千万 พายุปิดท่าเรือ e\u0301 \u202e"
).split()
STOPS = [". ", "? ", "! ", "。", "। ", "۔ ", "\n\n", "\n", " ", ", ", "“", "”", "\x0c", "\x00"]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(STOPS),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=6),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
)
texts = st.lists(piece, min_size=0, max_size=60).map("".join)


def _rebuilds(text_a: str, text_b: str) -> None:
    """The ops' spans, in order, are each passage again (tokens cover it all)."""
    ops = diff_words(text_a, text_b)
    a = "".join(text_a[o.a_start : o.a_end] for o in ops if o.kind != OpKind.INSERT)
    b = "".join(text_b[o.b_start : o.b_end] for o in ops if o.kind != OpKind.DELETE)
    assert (a, b) == (text_a, text_b)


@settings(
    max_examples=int(os.environ.get("NEWSDIFF_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(texts, min_size=2, max_size=3))
def test_engine_on_arbitrary_unicode(raw: list[str]) -> None:
    for text in raw:
        for start, end in split_paragraphs(text):
            for s, e in split_sentences(text, start, end):
                assert text[s:e].strip() == text[s:e]
    try:
        article_set = documents_from_texts([(f"v{n}.txt", t) for n, t in enumerate(raw)])
    except InputError as error:
        assert error.reason.startswith("is empty")
        return
    for document in article_set.documents:
        covered = "".join(document.text[s.start : s.end] for s in document.sentences)
        assert "".join(covered.split()) == "".join(document.text.split())
        assert all(document.text[s.start : s.end] == s.text for s in document.sentences)
    alignment = align(article_set)
    ids = {s.id for d in article_set.documents for s in d.sentences}
    assert all(member in ids for unit in alignment.units for member in unit.members)
    first, second = article_set.documents[:2]
    for row in pair_rows(alignment, first, second):
        for op in row.ops:
            assert 0 <= op.a_start <= op.a_end <= len(first.text)
            assert 0 <= op.b_start <= op.b_end <= len(second.text)
    _rebuilds(first.text, second.text)
    for change in read_changes(alignment):
        for side in (change.a, change.b):
            if side is not None:
                text = article_set.documents[int(side.document[1:])].text
                assert text[side.start : side.end] == side.text
    ET.fromstring(tei_report(alignment).encode("utf-8"))
