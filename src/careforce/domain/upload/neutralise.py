"""Spreadsheet formula ("CSV injection") neutralisation for every CSV the platform writes.

Following the OWASP guidance, a cell that a spreadsheet could read as a formula (it starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading apostrophe, which spreadsheets
treat as "this is text". Two refinements keep exported data valid on re-import:

* a cell that is entirely a number (``-3``, ``+4.5``, ``-12.5%``) is left alone: it cannot run
  anything, and negative figures in downloads must stay numbers;
* the transformation is reversible: a cell that already starts with apostrophes followed by one of
  those characters gets one more apostrophe, and :func:`restore_cell` removes exactly one. So any text,
  including text that itself starts with ``'=``, survives an export and re-upload unchanged.
"""

from __future__ import annotations

import re

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")


def neutralise_cell(value: str) -> str:
    """The text to write to a CSV cell so that no spreadsheet evaluates it as a formula."""
    if not value:
        return value
    first = value[0]
    if first in FORMULA_TRIGGERS:
        if first in "+-" and _NUMBER.fullmatch(value):
            return value
        return "'" + value
    if first == "'" and _NEUTRALISED.match(value):
        return "'" + value
    return value


def restore_cell(value: str) -> str:
    """Undo :func:`neutralise_cell` on a cell read back from one of our own exports."""
    if value[:1] == "'" and _NEUTRALISED.match(value):
        return value[1:]
    return value
