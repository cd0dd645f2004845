"""ASC-WDS error and warning messages, looked up once from ``validation_messages.csv``.

Rules ask for a message by file, column and a fragment of its wording when they are built (never per
row), so a typo fails loudly at import time and the text a provider reads is ASC-WDS's own. Checks
that ASC-WDS does not make (encoding, file size, formula cells...) use :func:`own` messages, which carry
no ASC-WDS code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from careforce.domain.reference import read_rows
from careforce.domain.upload.report import Problem, Severity

_PLACEHOLDER = re.compile(r"\$\{[^}]*\}")


@dataclass(frozen=True, slots=True)
class Message:
    """A message template: a code (or none), a severity and the wording."""

    code: int | None
    severity: Severity
    text: str

    def render(self, *values: object) -> str:
        """The wording with each ``${...}`` placeholder replaced, in order, by ``values``."""
        if not values:
            return self.text
        parts = iter(str(v) for v in values)
        return _PLACEHOLDER.sub(lambda _m: next(parts, ""), self.text)

    def at(self, file: str, row: int | None, column: str, value: str = "", *fill: object) -> Problem:
        return Problem(file, row, column, self.code, self.severity, self.render(*fill), value)

    def with_text(self, text: str) -> Message:
        return Message(self.code, self.severity, text)

    def explained(self, detail: str) -> Message:
        """The same code and severity with a plain explanation appended."""
        return Message(self.code, self.severity, f"{self.text} ({detail})")

    def as_warning(self) -> Message:
        return Message(self.code, Severity.WARNING, self.text)


@cache
def _catalogue() -> tuple[tuple[str, str, Message], ...]:
    out = []
    for row in read_rows("ascwds", "validation_messages.csv"):
        codes = re.findall(r"\d+", row["code"])
        code = int(codes[0]) if codes else None
        severity = Severity.ERROR if row["severity"].strip() == "error" else Severity.WARNING
        out.append((row["file"], row["column"], Message(code, severity, row["message"].strip())))
    return tuple(out)


def ascwds(file: str, column: str, fragment: str, code: int | None = None) -> Message:
    """The ASC-WDS message for ``file`` and ``column`` whose wording contains ``fragment``.

    ``column`` matches one of the ``/``-separated names in the catalogue's column cell. ``code`` picks
    one where the catalogue groups several (e.g. ``5010|5030|5050`` for QUALACH01-03).
    """
    fragment_lower = fragment.lower()
    for f, columns, message in _catalogue():
        names = {c.strip() for c in re.split(r"[/ ]+|\bor\b", columns) if c.strip()}
        if f == file and (column in names or column == columns) and fragment_lower in message.text.lower():
            if code is not None:
                return Message(code, message.severity, message.text)
            return message
    raise KeyError(f"no ASC-WDS message for {file} {column} containing {fragment!r}")


def own(text: str, severity: Severity = Severity.ERROR, code: int | None = None) -> Message:
    """A message for a check ASC-WDS does not make (no ASC-WDS code unless one clearly applies)."""
    return Message(code, severity, text)
