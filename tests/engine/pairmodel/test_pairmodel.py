"""The shipped pair model: tokenizer, numpy forward pass, calibrated scores.

The reference (tests/data/pairmodel/reference.json) holds invented pairs with
the pieces and logits the training tokenizer and torch produced on the
shipped weights (``tools/pair_verify.py --write-reference``); re-write it
whenever the weights are rebuilt.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from support.locations import DATA

from newsdiff_gui.engine.pairmodel import PairScorer
from newsdiff_gui.engine.pairmodel.scorer import canonical_order
from newsdiff_gui.engine.pairmodel.tokenizer import (
    WordPieceTokenizer,
    _truncated_lengths,
    words,
)

REFERENCE = DATA / "pairmodel" / "reference.json"
TOY_VOCAB = [
    "[PAD]",
    "[UNK]",
    "[CLS]",
    "[SEP]",
    "un",
    "##aff",
    "##able",
    "the",
    ",",
    "run",
    "##ning",
]


@pytest.fixture(scope="module")
def scorer() -> PairScorer:
    return PairScorer.load()


@pytest.fixture(scope="module")
def reference() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unaffable, the running", ["un", "##aff", "##able", ",", "the", "run", "##ning"]),
        ("unaffablex", ["[UNK]"]),  # no cover for the tail: the whole word is unknown
        ("THE", ["the"]),
        ("", []),
        ("x" * 101, ["[UNK]"]),
    ],
)
def test_wordpiece_on_a_toy_vocabulary(text: str, expected: list[str]) -> None:
    assert WordPieceTokenizer(TOY_VOCAB).pieces(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zoë's café", ["zoe", "'", "s", "cafe"]),
        ("$4.5bn\u00a0(£3m)", ["$", "4", ".", "5bn", "(", "£3m", ")"]),
        ("a\u200bb\x07c", ["abc"]),  # format and control characters vanish
        ("東京 tower", ["東", "京", "tower"]),
    ],
)
def test_words_normalise_and_split_punctuation(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("first", "second", "budget", "kept"),
    [
        (10, 20, 40, (10, 20)),  # fits: nothing lost
        (10, 50, 40, (10, 30)),  # the longer one loses its tail
        (50, 10, 40, (30, 10)),
        (30, 30, 41, (20, 21)),  # both long: about half each
        (30, 31, 41, (20, 21)),
    ],
)
def test_truncation_takes_from_the_longer_sentence(
    first: int, second: int, budget: int, kept: tuple[int, int]
) -> None:
    assert _truncated_lengths(first, second, budget) == kept


def test_tokenizer_matches_the_training_tokenizer(
    scorer: PairScorer, reference: list[dict[str, object]]
) -> None:
    _, tokenizer = scorer._ready()
    for row in reference:
        assert tokenizer.pieces(str(row["first"])) == row["first_pieces"]
        assert tokenizer.pieces(str(row["second"])) == row["second_pieces"]
        first, second = canonical_order(str(row["first"]), str(row["second"]))
        encoded = tokenizer.encode_pair(first, second, 128)
        assert encoded.ids == row["ids"]


def test_numpy_forward_matches_torch_on_the_same_weights(
    scorer: PairScorer, reference: list[dict[str, object]]
) -> None:
    pairs = [(str(row["first"]), str(row["second"])) for row in reference]
    expected = np.array([row["logits"] for row in reference])
    assert np.abs(scorer.logits(pairs) - expected).max() < 1e-3


def test_scores_are_probabilities_in_input_order_whatever_the_batch(scorer: PairScorer) -> None:
    pairs = [
        (
            "Police arrested two men after the raid.",
            "Two men were arrested by police after the raid.",
        ),
        ("Police arrested two men after the raid.", "The weather will be sunny on Sunday."),
        ("", ""),
        ("Stocks fell 3% on Friday.", "Stocks rose 3% on Friday."),
    ]
    whole = scorer.predict(pairs)
    one_by_one = scorer.predict(pairs, batch_size=1)
    assert whole.same_fact.shape == (4,)
    assert np.all((whole.same_fact >= 0) & (whole.same_fact <= 1))
    assert np.all((whole.similarity >= 0) & (whole.similarity <= 5))
    assert np.allclose(whole.same_fact, one_by_one.same_fact, atol=1e-5)
    assert whole.same_fact[0] > whole.same_fact[1]
    assert scorer.score([]).shape == (0,)


def test_the_order_of_the_two_sentences_does_not_matter(scorer: PairScorer) -> None:
    a = "Six people were injured when the bus overturned near Lyon."
    b = "A bus overturned near Lyon, injuring six people."
    forward, backward = scorer.predict([(a, b), (b, a)]).same_fact
    assert forward == backward


def test_a_paraphrase_beats_another_fact_of_the_same_story(scorer: PairScorer) -> None:
    lead = "The council approved the new budget on Tuesday after a long debate."
    paraphrase = "After lengthy debate, the council passed the new budget on Tuesday."
    same_story = "The council's chairwoman said she would not seek re-election next year."
    scores = scorer.predict([(lead, paraphrase), (lead, same_story)])
    assert scores.same_fact[0] > 0.5 > scores.same_fact[1]
    assert scores.similarity[0] > scores.similarity[1] + 1.0
