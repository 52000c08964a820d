"""The recovery pass offers a lone sentence its likely partner, and links only
when told to (engine/align/recovery.py)."""

from __future__ import annotations

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.align.logistic import LogisticModel
from newsdiff_gui.engine.align.records import AlignConfig
from newsdiff_gui.engine.align.recovery import (
    CANDIDATE_FEATURES,
    LINK_LEVEL,
    SUGGEST_FLOOR,
    bundled_model,
    recover_links,
)
from newsdiff_gui.engine.load.articles import documents_from_texts, load_article_set
from newsdiff_gui.paths import seed_files

FIRST = "\n\n".join(
    [
        "Harbour board approves new ferry terminal",
        "The Calloway harbour board approved a 40 million euro ferry terminal on Tuesday.",
        "Construction of the terminal is due to begin next spring.",
        "The old pier will close once the new berths open.",
        "Fishermen fear the works will cut off the inner basin for two seasons.",
    ]
)
SECOND = "\n\n".join(
    [
        "Ferry terminal gets go-ahead",
        "A 40 million euro ferry terminal won approval from the Calloway harbour board on Tuesday.",
        "Builders are expected on site from next spring.",
        "Local trawler crews worry that two seasons of building will block the inner basin.",
    ]
)


def _model(intercept: float) -> LogisticModel:
    """A model that weighs lexical overlap and cosine only, shifted by ``intercept``."""
    coefficients = [0.0] * len(CANDIDATE_FEATURES)
    coefficients[CANDIDATE_FEATURES.index("lexical")] = 2.0
    coefficients[CANDIDATE_FEATURES.index("cosine")] = 2.0
    count = len(CANDIDATE_FEATURES)
    return LogisticModel((0.0,) * count, (1.0,) * count, tuple(coefficients), intercept)


def _lone_pair_set() -> object:
    return documents_from_texts([("first.txt", FIRST), ("second.txt", SECOND)])


def test_a_paraphrase_left_alone_is_offered_not_linked() -> None:
    base = align(_lone_pair_set(), AlignConfig(recover_links=False))
    recovered = recover_links(base, _model(0.0))
    assert recovered.links == base.links, "by default the pass makes no link"
    new = set(recovered.suggestions) - set(base.suggestions)
    assert new, "a lone paraphrase should be offered as a possible partner"
    for suggestion in new:
        assert SUGGEST_FLOOR <= suggestion.score < LINK_LEVEL
        (a,), (b,) = suggestion.a, suggestion.b
        assert a.split(":")[0] != b.split(":")[0]
    # One offer per sentence and other version.
    offered = [s.b for s in new]
    assert len(offered) == len(set(offered))


def test_when_told_to_link_the_sentence_joins_the_unit() -> None:
    base = align(_lone_pair_set(), AlignConfig(recover_links=False))
    recovered = recover_links(base, _model(4.0), confident=0.5)
    assert len(recovered.links) > len(base.links)
    content = {s.id for d in recovered.documents for s in d.sentences if not s.is_boilerplate}
    members = [m for unit in recovered.units for m in unit.members]
    assert content <= set(members), "every content sentence stays in a unit"
    assert [u.id for u in recovered.units] == [f"u{i}" for i in range(len(recovered.units))]
    for link in recovered.links[len(base.links) :]:
        joined = [u for u in recovered.units if {link.a[0], link.b[0]} <= set(u.members)]
        assert len(joined) == 1, "the linked pair shares exactly one unit"


def test_without_a_model_nothing_changes() -> None:
    base = align(_lone_pair_set(), AlignConfig(recover_links=False))
    assert recover_links(base, None) is base or bundled_model() is not None


def test_the_bundled_model_keeps_the_seed_links_and_only_adds_offers() -> None:
    article_set = load_article_set(seed_files())
    base = align(article_set, AlignConfig(recover_links=False))
    full = align(article_set)
    assert bundled_model() is not None
    assert full.links == base.links
    assert set(base.suggestions) <= set(full.suggestions)
    new = set(full.suggestions) - set(base.suggestions)
    assert new and all(SUGGEST_FLOOR <= s.score < LINK_LEVEL for s in new)


def test_two_different_stories_do_not_link_on_a_year_and_everyday_words() -> None:
    """Opened together, a harbour story and an election story share a year and
    a few everyday words; in a set of two every word either uses once looks
    rare, but no link may rest on them."""
    harbour = "\n\n".join(
        [
            "Harbour board approves ferry terminal",
            "The delay followed a long dispute set off in 2019 over the old pier.",
            "The Calloway harbour board approved a 40 million euro terminal on Tuesday.",
            "Fishermen fear two seasons of works in the inner basin.",
        ]
    )
    election = "\n\n".join(
        [
            "Turnout falls in Merrow council vote",
            "So what is wrong with the count, since it was used as long ago as 2019?",
            "Turnout in the Merrow council election fell to 31 percent.",
            "The Greens won four seats from the Liberal group.",
        ]
    )
    alignment = align(documents_from_texts([("harbour.txt", harbour), ("vote.txt", election)]))
    assert alignment.links == ()


def test_members_that_agree_stay_together_when_the_hub_is_the_odd_one(monkeypatch) -> None:
    """A unit's links run from its first version's member; when that member is
    another fact, every link is doubted. The three copies that say the same
    thing word for word must stay one unit, not become three lone sentences."""
    from newsdiff_gui.engine.align import verify
    from newsdiff_gui.engine.model import Alignment, Link, Relation, Unit

    same = "The court heard arguments in April and is expected to rule by July."
    texts = [
        ("a.txt", "The governor did not comment on the ruling."),
        ("b.txt", same),
        ("c.txt", same),
        ("d.txt", same),
    ]
    article_set = documents_from_texts(texts)
    ids = [d.sentences[0].id for d in article_set.documents]
    hub = (ids[0],)
    alignment = Alignment(
        article_set,
        (Unit("u0", tuple(ids), Relation.PARTIAL),),
        tuple(Link(hub, (i,), Relation.PARTIAL, 0.9) for i in ids[1:]),
    )

    def doubting_the_hub(model, context, link):  # type: ignore[no-untyped-def]
        return 0.3 if link.a == hub else 0.95

    monkeypatch.setattr(verify, "_probability", doubting_the_hub)
    checked = verify.verify_links(alignment)
    together = [u for u in checked.units if set(ids[1:]) <= set(u.members)]
    assert len(together) == 1 and ids[0] not in together[0].members
    assert together[0].relation == Relation.VERBATIM
    assert len(checked.suggestions) == 3, "the doubted links stay offered"
