"""Articles whose text looks like markup: every view must show it as text."""

HOSTILE = (
    "Mayor <b>resigns</b> after vote\n\n"
    "The mayor resigned on Monday after the council vote, officials said. "
    "<script>alert(1)</script> The council will meet again in May.\n"
)
HOSTILE_B = (
    "Mayor <b>quits</b> after vote\n\n"
    "The mayor quit on Monday after the council vote, officials said. "
    "<script>alert(1)</script> The council will meet again in June.\n"
)
