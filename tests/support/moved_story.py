"""Two invented versions of one story: the update moves a paragraph up, adds
one sentence, drops one and carries site chrome and a lone full stop.

Used by the reading-order tests (engine and pair view) and the screenshots;
invented text, so nothing of the shared corpus is copied into the repository.
"""

from __future__ import annotations

EARLIER = """Islands to get faster crossings

The harbour board approved a new ferry timetable on Tuesday after a long public consultation.

Crossings to the northern islands will run every forty minutes from the first of March. The board said the change would cut waiting times for commuters by a third.

Fares will rise by two percent, the first increase in four years. Pensioners and pupils keep their discount cards.

The ferry union said it had not been consulted on the new shift patterns. Its secretary called the timetable rushed.

Share this article
"""

LATER = """Islands to get faster crossings

The ferry union said it had not been consulted on the new shift patterns. Its secretary called the timetable rushed and asked for talks this week.

The harbour board approved a new ferry timetable on Tuesday after a long public consultation.

Crossings to the northern islands will run every forty minutes from the first of March. The board said the change would cut waiting times for commuters by a third.

Fares will rise by two percent, the first increase in four years. A second vessel is due to join the fleet in the autumn.

.

Image 1 of 1 | Harbour News
"""

# Sentences the tests look for.
MOVED = "The ferry union said it had not been consulted on the new shift patterns."
ADDED = "A second vessel is due to join the fleet in the autumn."
DROPPED = "Pensioners and pupils keep their discount cards."
