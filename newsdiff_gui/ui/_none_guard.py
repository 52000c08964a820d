"""Keep ``None`` alive under PySide6 builds that forget to count references to it.

Why: with PySide6 6.12 on CPython 3.11 every call of a void Qt method from
Python (``update()``, ``painter.drawLine()`` …) and every invalid ``QVariant``
turned into ``None`` *decrements* ``None``'s reference count without a
matching increment — code written for PEP 683 (Python 3.12+), where ``None``
is immortal and the count does not matter. A painting GUI makes millions of
such calls, so on 3.11 the count reaches zero and the interpreter aborts with
"none_dealloc: deallocating None" (seen at the end of the UI test run).

The guard gives ``None`` a huge reference count once, which is what 3.12 does
by design; ``None`` is never deallocated anyway, so nothing else changes. On
3.12+ and on other interpreters it does nothing.

Public API: ``protect_none``.
"""

from __future__ import annotations

import sys

_BOOST = 1 << 40  # ~10^12 unbalanced decrements before any risk
_done = False


def protect_none() -> None:
    """Raise ``None``'s reference count once per process (CPython < 3.12 only)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += _BOOST
    _done = True
