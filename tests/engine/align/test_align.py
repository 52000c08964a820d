"""Known shared passages of the seeds are linked; unrelated ones are not."""

from __future__ import annotations

import pytest

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.load.articles import documents_from_texts, load_article_set
from newsdiff_gui.engine.model import Alignment, Relation
from newsdiff_gui.paths import seed_files


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return align(load_article_set(seed_files()))


def _id(alignment: Alignment, doc: int, fragment: str) -> str:
    document = alignment.documents[doc]
    return next(s.id for s in document.sentences if fragment in s.text)


def _linked(alignment: Alignment, a: str, b: str) -> bool:
    return any(b in unit.members for unit in alignment.units_of(a))


LINKED = [
    ((0, "Three worldwide airways cancelled"), (2, "Three international airlines cancelled")),
    ((0, "each factor of American energy"), (2, "every element of American power")),
    ((2, "every element of American power"), (3, "every element of American power")),
    ((0, "the Gerald R. Ford, arrived"), (1, "USS Gerald R. Ford")),
    ((0, "the Gerald R. Ford, arrived"), (2, "the Gerald R. Ford, arrived")),
    ((0, "doubled its reward"), (4, "$ 50 million")),
    ((0, "didn’t instantly reply"), (4, "did not immediately respond")),
    # Reworded translation kept only the fact's rare words.
    ((0, "spoke on the situation of anonymity"), (4, "under the cover of anonymity")),
    ((0, "attributable to fentanyl"), (4, "most of which come from Mexico")),
    # One sentence fusing two consecutive sentences of the other version.
    ((0, "That actuality has led"), (1, "Maduro’s government is preparing")),
    ((0, "This method would contain"), (1, "Maduro’s government is preparing")),
]
UNLINKED = [
    ((2, "celebrates his 63rd birthday"), None),
    ((4, "strikes inside this country could potentially start"), (0, "poised to launch")),
    ((4, "The Pentagon refused to comment."), (0, "The Pentagon referred inquiries")),
    # Only the template "a senior administration official" in common.
    ((0, "didn’t rule something out"), (4, "would not specify which countries")),
    ((2, "did not rule anything out"), (4, "would not specify which countries")),
]


@pytest.mark.parametrize(("a", "b"), LINKED)
def test_shared_passages_are_linked(seeds: Alignment, a, b) -> None:
    assert _linked(seeds, _id(seeds, *a), _id(seeds, *b))


@pytest.mark.parametrize(("a", "b"), UNLINKED)
def test_unrelated_passages_are_not_linked(seeds: Alignment, a, b) -> None:
    sentence = _id(seeds, *a)
    if b is None:
        assert all(len(unit.members) == 1 for unit in seeds.units_of(sentence))
    else:
        assert not _linked(seeds, sentence, _id(seeds, *b))


def test_every_content_sentence_is_in_a_unit_and_boilerplate_in_none(seeds: Alignment) -> None:
    for document in seeds.documents:
        for sentence in document.sentences:
            units = seeds.units_of(sentence.id)
            assert bool(units) != sentence.is_boilerplate, sentence.id


def test_links_name_existing_sentences_and_carry_relation_and_score(seeds: Alignment) -> None:
    known = {s.id for d in seeds.documents for s in d.sentences}
    assert seeds.links
    for link in seeds.links:
        assert set(link.a) <= known and set(link.b) <= known
        assert isinstance(link.relation, Relation)
        assert 0.0 <= link.score <= 1.0
    assert len({u.id for u in seeds.units}) == len(seeds.units)


def test_shared_topic_words_alone_do_not_link() -> None:
    # Topic words are words the set repeats; these two sentences share only them.
    a = (
        "Maduro met Venezuela's generals on Monday. Trump said Venezuela must change course. "
        "Maduro called the warships a threat to Venezuela. Trump and Maduro have not spoken. "
        "Venezuela's oil exports fell by a third in October."
    )
    b = (
        "Trump said Venezuela must change course. Maduro called the warships a threat to "
        "Venezuela. Venezuela's Maduro denied the smuggling report in Caracas. Trump and Maduro "
        "have not spoken."
    )
    alignment = align(documents_from_texts([("a.txt", a), ("b.txt", b)]))
    generals = _id(alignment, 0, "generals")
    oil = _id(alignment, 0, "oil exports")
    denied = _id(alignment, 1, "denied the smuggling")
    assert not _linked(alignment, generals, denied)
    assert not _linked(alignment, oil, denied)
    assert _linked(alignment, _id(alignment, 0, "warships"), _id(alignment, 1, "warships"))


def test_identical_versions_link_verbatim() -> None:
    text = "The council approved the budget on Monday. It takes effect in March."
    alignment = align(documents_from_texts([("a.txt", text), ("b.txt", text)]))
    assert len(alignment.units) == 2
    assert all(unit.relation == Relation.VERBATIM for unit in alignment.units)


# Two or three versions open: term rarity, template words and the processing
# order come from those files alone, so one shared uncommon word ("overthrow",
# "boats") or one version's template ("a senior administration official")
# weighs far more than in the full set.
SMALL_SET_UNLINKED = [
    # Both use "attempt" and "overthrow" once each; each has a better partner.
    ((0, 1), (0, "making an attempt to overthrow"), (1, "seeks to overthrow him")),
    # One version's template opens the two consecutive facts the sentence would fuse.
    ((2, 4), (0, "did not rule anything out"), (1, "would not specify which countries")),
    ((2, 4), (0, "did not rule anything out"), (1, "Maduro spoke to these intermediaries")),
    # "two US officials" is all they share.
    ((2, 4), (0, "talks had taken place"), (1, "These sources are two US officials")),
    # A lead is not the fusion of two consecutive facts it shares topic words with.
    ((3, 4), (0, "reportedly set to launch"), (1, "another climbing of the military")),
    ((3, 4), (0, "reportedly set to launch"), (1, "struck at least three boats")),
    ((0, 2, 4), (0, "didn’t rule something out"), (2, "would not specify which countries")),
    # Units merge on two telling terms, not on a name and a template word.
    ((1, 2, 4), (1, "The CIA declined to comment."), (2, "The Pentagon refused to comment.")),
    ((1, 2, 4), (0, "The Pentagon referred questions"), (2, "The Pentagon refused to comment.")),
]
SMALL_SET_LINKED = [
    ((0, 1), (0, "making an attempt to overthrow"), (1, "options under review")),
    ((0, 1), (0, "each factor of American energy"), (1, "every element of American power")),
    ((2, 4), (0, "every element of American power"), (1, "all the elements of the American")),
]


def _subset(files: tuple[int, ...]) -> Alignment:
    seeds = seed_files()
    return align(load_article_set([seeds[i] for i in files]))


@pytest.mark.parametrize(("files", "a", "b"), SMALL_SET_UNLINKED)
def test_small_sets_do_not_link_on_a_shared_rare_word_or_template(files, a, b) -> None:
    alignment = _subset(files)
    assert not _linked(alignment, _id(alignment, *a), _id(alignment, *b))


@pytest.mark.parametrize(("files", "a", "b"), SMALL_SET_LINKED)
def test_small_sets_link_the_better_partner(files, a, b) -> None:
    alignment = _subset(files)
    assert _linked(alignment, _id(alignment, *a), _id(alignment, *b))


WIRE = (
    "Storm Lina hit the coast of Varra on Sunday night. "
    "About 140,000 homes were without electricity on Monday, the grid operator said. "
    "Officials in the port of Keld ordered schools closed until Thursday. "
    "The farmers' union said at least 30,000 hectares of farmland were under water. "
    "A ferry with 212 passengers was stuck outside the harbour for nine hours. "
    "Forecasters expect up to 80 millimetres of further rain in the hills on Tuesday. "
    "The national football league postponed three matches."
)
SUMMARY = (
    "Storm Lina hit Varra on Sunday. "
    "Some 140,000 homes have no electricity, at least 30,000 hectares of farmland are "
    "under water, and up to 80 millimetres of further rain is forecast."
)


def test_a_sentence_fusing_three_facts_joins_each_of_their_units() -> None:
    alignment = align(documents_from_texts([("wire.txt", WIRE), ("brief.txt", SUMMARY)]))
    fused = _id(alignment, 1, "Some 140,000 homes")
    for fact in ("140,000 homes", "30,000 hectares", "80 millimetres"):
        assert _linked(alignment, fused, _id(alignment, 0, fact)), fact
    for other in ("ferry with 212", "schools closed", "football league"):
        assert not _linked(alignment, fused, _id(alignment, 0, other)), other


def test_a_fused_lead_joins_a_fact_another_version_reports_far_apart() -> None:
    # The wire (placed first) fuses toll and missing; the rewrite reports the
    # missing at its end. That unit exists only once the rewrite is in.
    wire = (
        "At least 47 people have been killed in the floods in Varra, and more than 110 "
        "residents are still missing, the civil protection agency said on Monday. "
        "Storm Lina dumped record rain on the hills on Saturday. "
        "Officials in the port of Keld ordered schools closed until Thursday. "
        "A ferry with 212 passengers was stuck outside the harbour for nine hours. "
        "About 140,000 homes were without electricity on Monday, the grid operator said. "
        "The national football league postponed three matches. "
        "Forecasters expect more rain in the hills on Tuesday."
    )
    rewrite = (
        "The floods in Varra have killed at least 47 people, officials said. "
        "Power was cut to about 140,000 homes. "
        "More rain is expected in the hills on Tuesday. "
        "More than 110 residents are still missing."
    )
    alignment = align(documents_from_texts([("wire.txt", wire), ("rewrite.txt", rewrite)]))
    lead = _id(alignment, 0, "At least 47 people")
    assert _linked(alignment, lead, _id(alignment, 1, "killed at least 47"))
    assert _linked(alignment, lead, _id(alignment, 1, "110 residents"))
    assert not _linked(alignment, lead, _id(alignment, 1, "140,000 homes"))


def test_a_headline_of_two_facts_joins_the_unit_its_clause_restates() -> None:
    wire = (
        "Former governor Emil Dravec was sentenced on Tuesday to six years in prison for "
        "taking bribes. The court also fined his construction partner. Dravec said he would "
        "appeal to the Supreme Court."
    )
    rewrite = (
        "Six years for Dravec – but the party that shielded him walks free\n"
        "On Tuesday Emil Dravec was handed a six-year prison term for bribery. "
        "He plans to appeal."
    )
    alignment = align(documents_from_texts([("wire.txt", wire), ("rewrite.txt", rewrite)]))
    headline = _id(alignment, 1, "Six years for Dravec")
    assert _linked(alignment, headline, _id(alignment, 0, "sentenced on Tuesday"))
    assert not _linked(alignment, headline, _id(alignment, 0, "appeal to the Supreme"))


def test_a_cancel_during_the_final_passes_stops_the_aligner() -> None:
    """Cancel is polled per sentence, after the last version is placed too."""
    from newsdiff_gui.engine.align.records import AlignConfig
    from newsdiff_gui.engine.model import CancelledError
    from newsdiff_gui.paths import seed_files

    article_set = load_article_set(seed_files())
    placed = {"all": False}

    def progress(done: int, total: int) -> None:
        placed["all"] = done == total

    with pytest.raises(CancelledError):
        align(
            article_set,
            AlignConfig(cancel_every=1),
            should_cancel=lambda: placed["all"],
            progress=progress,
        )


def test_links_the_model_doubts_become_suggestions_not_units() -> None:
    """A doubtful link is kept as a suggestion: its sentences leave the unit,
    every content sentence stays in some unit, and the JSON contract keeps it."""
    from newsdiff_gui.engine.align.records import AlignConfig
    from newsdiff_gui.engine.align.verify import CONFIDENT, LinkModel, verify_links
    from newsdiff_gui.engine.contract import alignment_from_dict, alignment_to_dict
    from newsdiff_gui.paths import seed_files

    article_set = load_article_set(seed_files())
    raw = align(article_set, AlignConfig(verify_links=False, recover_links=False))
    bundled = LinkModel.bundled()
    assert bundled is not None
    # A model that doubts everything: every link becomes a suggestion.
    doubting = LinkModel(bundled.means, bundled.scales, bundled.coefficients, -50.0)
    checked = verify_links(raw, doubting)
    assert not checked.links and len(checked.suggestions) == len(raw.links)
    assert all(s.score < CONFIDENT for s in checked.suggestions)
    content = {s.id for d in article_set.documents for s in d.sentences if not s.is_boilerplate}
    placed = {m for u in checked.units for m in u.members}
    assert placed == content
    assert all(len({m.split(":")[0] for m in u.members}) == 1 for u in checked.units)
    again = alignment_from_dict(alignment_to_dict(checked), article_set)
    assert again.suggestions == checked.suggestions


def test_verified_link_scores_are_the_models_probabilities() -> None:
    from newsdiff_gui.engine.align.records import AlignConfig
    from newsdiff_gui.engine.align.verify import CONFIDENT
    from newsdiff_gui.paths import seed_files

    article_set = load_article_set(seed_files())
    alignment = align(article_set)
    assert alignment.links and all(CONFIDENT <= link.score <= 1 for link in alignment.links)
    # The link check's offers are the links it doubted; the recovery pass's
    # offers (tests/engine/align/test_recovery.py) are scored by its own model.
    checked = align(article_set, AlignConfig(recover_links=False))
    assert all(s.score < CONFIDENT for s in checked.suggestions)
    assert all(s.score < 1 for s in alignment.suggestions)
