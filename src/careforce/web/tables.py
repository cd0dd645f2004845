"""Wide tables at phone width: each table sits in its own region that scrolls sideways, so the page never does.

The pattern GOV.UK services and the MOJ Design System use for data tables: a ``div`` with ``role="region"``,
a label (the table's caption, or the heading above it) and ``tabindex="0"`` so keyboard users can scroll
it too. The layout passes every page's content through :func:`table_regions`, so each table, present
and future, gets it without each template having to remember.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S | re.I)
HEADING = re.compile(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
REGION = '<div class="cf-scroll-region" role="region" aria-label="{}" tabindex="0">'


def _text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def table_label(table: str, before: str) -> str:
    """What a screen reader announces for the region: the caption, else the last heading before it."""
    caption = CAPTION.search(table)
    if caption and _text(caption.group(1)):
        return _text(caption.group(1))
    headings = HEADING.findall(before)
    return _text(headings[-1]) if headings else "Table"


def table_regions(content: str) -> Markup:
    """The page content with every ``<table>`` wrapped in a labelled region that scrolls on its own."""
    content = str(content)
    parts: list[str] = []
    end = 0
    for match in TABLE.finditer(content):
        parts.append(content[end : match.start()])
        label = table_label(match.group(), content[: match.start()])
        parts.append(REGION.format(escape(label)) + match.group() + "</div>")
        end = match.end()
    parts.append(content[end:])
    return Markup("".join(parts))
