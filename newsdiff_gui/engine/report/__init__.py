"""Reports of an alignment and its changes: HTML, PDF, JSON, CSV and TEI.

Every report reads the same ``Alignment`` and ``Change`` records the views
show, and the same marked text (``compare.pieces``) and marks (``markers``);
none recomputes them. Article text is data: it is escaped in every markup
format. ``write_report`` is the one dispatch by format for both front ends.
Pure Python: the PDF layout engine, which needs Qt, is passed in by the
caller (``newsdiff_gui.pdf_writer``).
"""

from .html import html_report
from .tabular import changes_csv, json_report
from .tei import tei_report
from .write import FORMATS, PdfWriter, write_report

__all__ = [
    "FORMATS",
    "PdfWriter",
    "changes_csv",
    "html_report",
    "json_report",
    "tei_report",
    "write_report",
]
