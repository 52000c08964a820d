"""Issue 19 item 10: text that is not English prose.

Scripts without letter case never split into sentences (the boundary test
waited for a capital; 。 and । were not stops), and the same text in NFC
and NFD was reported as changed. Sentences are now split in Arabic, Hebrew,
Devanagari, Urdu, Thai and Chinese, and comparison uses NFC while every
offset still indexes the text as loaded.
"""

from __future__ import annotations

import unicodedata

import pytest

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes import read_changes
from newsdiff_gui.engine.compare.pairing import pair_rows
from newsdiff_gui.engine.compare.worddiff import diff_words
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.model import Relation
from newsdiff_gui.engine.segment.sentences import split_sentences

ARABIC = [
    "قال المسؤولون إن العاصفة أغلقت ثلاثة موانئ يوم الجمعة.",
    "وقال رئيس البلدية إن أعمال الإصلاح ستبدأ في شهر مارس المقبل.",
    "وأضاف أن الحكومة خصصت أربعين مليون دينار للمشروع.",
]


@pytest.mark.parametrize(
    "sentences",
    [
        ARABIC,
        ["הסערה סגרה שלושה נמלים ביום שישי.", "ראש העיר אמר שהעבודה תתחיל במרץ."],
        ["तूफ़ान ने तीन बंदरगाह बंद कर दिए।", "महापौर ने कहा कि काम मार्च में शुरू होगा।"],
        ["آندھی نے تین بندرگاہیں بند کر دیں۔", "میئر نے کہا کہ کام مارچ میں شروع ہوگا۔"],
        ["暴风雨关闭了三个港口。", "市长说工程将于三月开始！", "会议花费四千万元。"],
        ["พายุปิดท่าเรือสามแห่ง", "นายกเทศมนตรีกล่าวว่างานจะเริ่มในเดือนมีนาคม"],
        ["Storm closes U.S. ports.", "Mr. Smith said so on Nov. 22.", "Nothing else."],
    ],
    ids=["arabic", "hebrew", "hindi", "urdu", "chinese", "thai", "english"],
)
def test_paragraphs_of_caseless_scripts_split_into_sentences(sentences: list[str]) -> None:
    joiner = "" if sentences[0].endswith("。") else " "
    text = joiner.join(sentences)
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == sentences


def test_an_omitted_arabic_sentence_is_an_omission() -> None:
    full = "الموانئ\n\n" + " ".join(ARABIC) + "\n"
    shorter = "الموانئ\n\n" + " ".join([ARABIC[0], ARABIC[2]]) + "\n"
    changes = read_changes(align(documents_from_texts([("a", full), ("b", shorter)])))
    omitted = [c for c in changes if c.type.value == "omitted"]
    assert [c.a.text for c in omitted] == [ARABIC[1]]


def test_nfc_and_nfd_of_one_text_are_the_same_text() -> None:
    composed = (
        "Le café de la Région rouvre\n\n"
        "Le café «Chez Zoé» a rouvert lundi après des rénovations, a déclaré la mairie. "
        "Les élus se sont félicités de la décision du préfet.\n"
    )
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    article_set = documents_from_texts([("nfc.txt", composed), ("nfd.txt", decomposed)])
    alignment = align(article_set)
    assert all(u.relation == Relation.VERBATIM for u in alignment.units if len(u.members) > 1)
    assert all(len(u.members) == 2 for u in alignment.units)
    rows = pair_rows(alignment, *article_set.documents)
    assert not any(row.is_change for row in rows)
    assert read_changes(alignment) == []
    # Offsets still index each text as loaded.
    for document in article_set.documents:
        assert all(document.text[s.start : s.end] == s.text for s in document.sentences)


def test_one_changed_chinese_character_is_one_changed_token() -> None:
    a, b = "会议花费四千万元。", "会议花费六千万元。"
    changed = [op for op in diff_words(a, b) if op.kind.value != "equal"]
    assert [(a[op.a_start : op.a_end], b[op.b_start : op.b_end]) for op in changed] == [
        ("四", "六")
    ]
