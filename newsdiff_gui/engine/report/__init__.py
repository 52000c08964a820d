"""Reports of an alignment and its changes: HTML, JSON, CSV and TEI.

Every report reads the same ``Alignment`` and ``Change`` records the views
show; none recomputes them. Article text is data: it is escaped in every
markup format. Pure Python (the PDF writer, which needs Qt, lives in
``newsdiff_gui.ui.export.pdf`` and renders the HTML report).
"""

from .html import html_report
from .tabular import changes_csv, json_report
from .tei import tei_report

__all__ = ["changes_csv", "html_report", "json_report", "tei_report"]
