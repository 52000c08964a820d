"""Hand-written news articles and planted edits for the change reader's tests.

The articles are written for these tests (no seed text). Each ``Plant`` edits
one article once — the kind of edit a sub-editor, a rewriter or a spinner makes —
and names the change type a journalist would give it. ``EQUIVALENT`` edits
change only spelling and must not be reported as typed changes.
"""

from __future__ import annotations

from dataclasses import dataclass

ARTICLES: dict[str, str] = {
    "bridge": """City council approves harbour bridge repairs

The city council on Tuesday approved a 42 million euro plan to repair the Old Harbour bridge, two officials told the Coastal Herald.

Mayor Anna Keller said the work will start in March and last eighteen months.

“We cannot leave a bridge that carries 30,000 cars a day in this state,” Keller said at a press conference.

The opposition Green Party voted against the plan, arguing that the cost had doubled since 2021.

Engineers found corrosion in 14 of the bridge's 60 steel cables during an inspection last year.

The harbour authority declined to comment.
""",
    "plant": """Carmaker to cut 4,000 jobs as electric sales stall

DETROIT, March 3 (Wire) – Halden Motors will cut 4,000 jobs and close its Ohio assembly plant by the end of next year, three people familiar with the plan told Wire Service.

The company, which employs about 61,000 people worldwide, is expected to announce the cuts on Thursday alongside quarterly results.

Chief executive Maria Lindqvist told staff in an internal memo that sales of the firm's electric pickup had fallen 23% since January.

“We built this plant for a market that has not arrived yet, and we have to be honest about that,” Lindqvist wrote in the memo, which was seen by Wire Service.

The United Auto Workers union said it would fight any closure and did not rule out a strike.

Halden shares fell 4.5% in early trading in New York.

The Ohio plant opened in 2019 with the help of $50 million in state grants.

A spokesman for Governor Tom Raines said the state would seek to recover the money.
""",
    "storm": """Storm leaves thousands without power on the coast

Storm Edda left about 85,000 homes without electricity along the northern coast on Saturday, the regional grid operator said.

Two people died when a tree fell on their car near Bremerhaven, police said.

Winds of up to 140 kilometres per hour were recorded on the island of Helgoland, according to the national weather service.

Rail operator Nordbahn suspended all services between Hamburg and Bremen until Sunday evening.

“This is the strongest storm we have seen here in twenty years,” said Jens Olsen, the harbour master in Cuxhaven.

Forecasters said the wind will ease overnight but warned that flooding is likely in low-lying areas.

Repairs to the power lines could take several days, the grid operator said.
""",
    "trial": """Former minister goes on trial over hospital contracts

Former health minister Paolo Serra went on trial in Milan on Monday, accused of steering 12 hospital contracts worth €310 million to companies run by friends.

Serra, 67, denies all charges.

Prosecutors say the contracts were awarded between 2017 and 2020 without proper tenders.

“My client has always acted in the public interest,” his lawyer Giulia Marchetti told reporters outside the court.

Two former aides have agreed to testify against him, according to court documents seen by the Gazzetta.

The trial is scheduled to last until November 22.

If convicted, Serra faces up to eight years in prison.
""",
}


@dataclass(frozen=True)
class Plant:
    """One edit: ``old`` (text in the article) becomes ``new``.

    ``kind`` is the change type expected; ``a_words``/``b_words`` are the
    words the change's spans must cover (``None``: the side is not checked,
    e.g. the whole sentence is the honest span for a dropped source).
    """

    article: str
    old: str
    new: str
    kind: str
    a_words: str | None = None
    b_words: str | None = None

    @property
    def label(self) -> str:
        return f"{self.article}:{self.kind}:{self.old[:24]}"


PLANTS: list[Plant] = [
    # numbers
    Plant("bridge", "42 million euro", "48 million euro", "number", "42 million", "48 million"),
    Plant("bridge", "in 14 of the bridge's", "in 19 of the bridge's", "number", "14", "19"),
    Plant("plant", "cut 4,000 jobs and", "cut 4,500 jobs and", "number", "4,000", "4,500"),
    Plant("plant", "fallen 23% since", "fallen 32% since", "number", "23%", "32%"),
    Plant(
        "plant",
        "$50 million in state",
        "$15 million in state",
        "number",
        "$50 million",
        "$15 million",
    ),
    Plant("storm", "about 85,000 homes", "about 58,000 homes", "number", "85,000", "58,000"),
    Plant("storm", "Two people died", "Three people died", "number", "Two", "Three"),
    Plant("trial", "Serra, 67, denies", "Serra, 76, denies", "number", "67", "76"),
    Plant("trial", "up to eight years", "up to ten years", "number", "eight", "ten"),
    # quotes
    Plant(
        "bridge",
        "carries 30,000 cars a day in this state",
        "carries 30,000 cars a day in this shape",
        "quote",
        "state",
        "shape",
    ),
    Plant(
        "plant",
        "and we have to be honest about that,” Lindqvist",
        "and we have to be open about that,” Lindqvist",
        "quote",
        "honest",
        "open",
    ),
    Plant(
        "plant",
        "“We built this plant for a market that has not arrived yet, and we have to be honest about that,” Lindqvist wrote",
        "“We built this plant for a market that has not arrived yet,” Lindqvist wrote",
        "quote",
        "honest about that",
        "arrived yet",
    ),
    Plant(
        "storm",
        "“This is the strongest storm we have seen here in twenty years,” said Jens Olsen",
        "This was the strongest storm seen here in twenty years, said Jens Olsen",
        "quote",
        "strongest storm we have seen",
        "strongest storm seen",
    ),
    Plant(
        "trial",
        "“My client has always acted in the public interest,” his lawyer Giulia Marchetti told",
        "“My client has always acted in the public interest,” prosecutor Marco Bianchi told",
        "quote",
        "Giulia Marchetti",
        "Marco Bianchi",
    ),
    # attribution / sourcing
    Plant(
        "bridge",
        "two officials told the Coastal Herald",
        "reportedly",
        "attribution",
        "officials told the Coastal Herald",
        "reportedly",
    ),
    Plant(
        "bridge",
        "Mayor Anna Keller said the work",
        "An official said the work",
        "attribution",
        "Anna Keller",
        "official",
    ),
    Plant(
        "plant",
        "three people familiar with the plan told Wire Service",
        "according to reports",
        "attribution",
        "told Wire Service",
        "according to reports",
    ),
    Plant(
        "storm",
        "near Bremerhaven, police said.",
        "near Bremerhaven.",
        "attribution",
        "police said",
        None,
    ),
    Plant(
        "storm",
        "said Jens Olsen, the harbour master in Cuxhaven",
        "said a local official",
        "attribution",
        "Jens Olsen",
        "official",
    ),
    Plant(
        "trial",
        "according to court documents seen by the Gazzetta",
        "a source said",
        "attribution",
        "court documents",
        "source",
    ),
    # hedging
    Plant(
        "bridge",
        "the work will start in March",
        "the work could start in March",
        "hedging",
        "will",
        "could",
    ),
    Plant(
        "plant",
        "is expected to announce the cuts",
        "will announce the cuts",
        "hedging",
        "expected to",
        "will",
    ),
    Plant(
        "plant",
        "Halden Motors will cut 4,000 jobs",
        "Halden Motors is poised to cut 4,000 jobs",
        "hedging",
        "will",
        "poised to",
    ),
    Plant(
        "storm",
        "flooding is likely in low-lying",
        "flooding will happen in low-lying",
        "hedging",
        "likely",
        "will",
    ),
    Plant(
        "trial",
        "Serra faces up to eight years",
        "Serra could face up to eight years",
        "hedging",
        None,
        "could",
    ),
    # dates
    Plant("bridge", "on Tuesday approved", "on Thursday approved", "date", "Tuesday", "Thursday"),
    Plant(
        "plant",
        "on Thursday alongside",
        "in the coming weeks alongside",
        "date",
        "Thursday",
        "in the coming weeks",
    ),
    Plant("storm", "until Sunday evening", "until Monday evening", "date", "Sunday", "Monday"),
    Plant("trial", "until November 22", "until November 29", "date", "November 22", "November 29"),
    # names / entities
    Plant(
        "bridge",
        "repair the Old Harbour bridge",
        "repair the bridge",
        "entity",
        "Old Harbour",
        None,
    ),
    Plant(
        "plant",
        "close its Ohio assembly plant",
        "close its Michigan assembly plant",
        "entity",
        "Ohio",
        "Michigan",
    ),
    Plant(
        "storm",
        "on the island of Helgoland",
        "on the island of Sylt",
        "entity",
        "Helgoland",
        "Sylt",
    ),
    Plant(
        "trial",
        "went on trial in Milan on Monday",
        "went on trial in Rome on Monday",
        "entity",
        "Milan",
        "Rome",
    ),
]

# Spelling-only edits: never a typed change (wording at most).
EQUIVALENT: list[tuple[str, str, str]] = [
    ("bridge", "eighteen months", "18 months"),
    ("bridge", "30,000 cars", "30000 cars"),
    ("bridge", "42 million euro", "42m euro"),
    ("bridge", "“We cannot leave", '"We cannot leave'),
    ("bridge", "in this state,”", 'in this state,"'),
    ("bridge", "two officials", "2 officials"),
    ("plant", "will cut 4,000 jobs", "will cut 4000 jobs"),
    ("plant", "$50 million in state", "$50m in state"),
    ("plant", "in New York", "in NY"),
    ("plant", "The United Auto Workers", "The U.A.W."),
    ("plant", "DETROIT, March 3 (Wire)", "DETROIT, Mar. 3 (Wire)"),
    ("storm", "twenty years", "20 years"),
    ("trial", "until November 22", "until Nov. 22"),
    ("trial", "until November 22", "until Nov 22"),
    ("trial", "Serra, 67, denies", "Mr Serra, 67, denies"),
    ("trial", "If convicted, Serra faces", "If convicted, Paolo Serra faces"),
]


def edited(article: str, old: str, new: str) -> str:
    """The article with ``old`` replaced once by ``new`` (``old`` must occur)."""
    text = ARTICLES[article]
    if text.count(old) != 1:
        raise ValueError(f"{old!r} occurs {text.count(old)} times in {article}")
    return text.replace(old, new, 1)
