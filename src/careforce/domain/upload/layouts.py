"""The three ASC-WDS bulk-upload file layouts, read from ``*_file_columns.csv``.

A file's kind is decided by its header row, as ASC-WDS does, never by its name. The staff header may
carry the optional CHGUNIQUEWRKID and TRANSFERSTAFFRECORD columns after UNIQUEWORKERID, and further
qualification pairs (QUALACH04, QUALACH04NOTES, ...) after QUALACH03NOTES.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from careforce.domain.reference import read_rows


class FileKind(StrEnum):
    WORKPLACE = "workplace"
    STAFF = "staff"
    TRAINING = "training"


STAFF_OPTIONAL_COLUMNS = ("CHGUNIQUEWRKID", "TRANSFERSTAFFRECORD")
BASE_QUALIFICATION_PAIRS = 3
MAX_QUALIFICATION_PAIRS = 99
LISTED_COLUMNS = 10


@cache
def standard_columns(kind: FileKind) -> tuple[str, ...]:
    """The columns of a file of this kind, in order, without the staff file's optional columns."""
    rows = read_rows("ascwds", f"{kind.value}_file_columns.csv")
    return tuple(r["column"] for r in rows if r["position"].isdigit())


def qualification_columns(number: int) -> tuple[str, str]:
    return f"QUALACH{number:02d}", f"QUALACH{number:02d}NOTES"


@dataclass(frozen=True)
class Layout:
    """The header row of one uploaded file, recognised."""

    kind: FileKind
    header: tuple[str, ...]
    index: Mapping[str, int] = field(compare=False, repr=False)

    @property
    def qualification_pairs(self) -> int:
        return sum(1 for name in self.header if name.startswith("QUALACH") and not name.endswith("NOTES"))

    @property
    def has_change_worker_id(self) -> bool:
        return "CHGUNIQUEWRKID" in self.index

    @property
    def has_transfer(self) -> bool:
        return "TRANSFERSTAFFRECORD" in self.index


def _layout(kind: FileKind, header: Sequence[str]) -> Layout:
    return Layout(kind, tuple(header), {name: i for i, name in enumerate(header)})


def guess_kind(header: Sequence[str]) -> FileKind | None:
    """Which file the header row is trying to be, from its first columns (even if the rest is wrong)."""
    if len(header) < 2 or header[0] != "LOCALESTID":
        return None
    if header[1] == "STATUS":
        return FileKind.WORKPLACE
    if header[1] == "UNIQUEWORKERID":
        return FileKind.TRAINING if len(header) > 2 and header[2] == "CATEGORY" else FileKind.STAFF
    return None


def expected_header(kind: FileKind, header: Sequence[str]) -> tuple[str, ...]:
    """The header a file of ``kind`` should have, keeping the optional columns ``header`` asks for."""
    base = standard_columns(kind)
    if kind is not FileKind.STAFF:
        return base
    optional = tuple(c for c in STAFF_OPTIONAL_COLUMNS if c in header[2:4])
    pairs = max(BASE_QUALIFICATION_PAIRS, sum(1 for h in header if h.startswith("QUALACH") and not h.endswith("NOTES")))
    extra = tuple(c for n in range(BASE_QUALIFICATION_PAIRS + 1, pairs + 1) for c in qualification_columns(n))
    return (*base[:2], *optional, *base[2:], *extra)


def match_layout(header: Sequence[str]) -> Layout | tuple[FileKind | None, str]:
    """The layout for ``header``, or the kind it seems to be and a plain reason why it does not match."""
    kind = guess_kind(header)
    if kind is None:
        if header and header[0] != "LOCALESTID":
            return None, (
                "The first row is not an ASC-WDS header row: it should start with LOCALESTID, "
                f"but starts with {header[0][:40]!r}. Put the header row from the ASC-WDS file format first."
            )
        return None, "The header row does not match the ASC-WDS workplace, staff or training file"
    expected = expected_header(kind, header)
    if kind is FileKind.STAFF and len(header) > MAX_QUALIFICATION_PAIRS * 2 + 46:
        return kind, "The staff file has more qualification columns than ASC-WDS allows (QUALACH99)"
    if tuple(header) == expected:
        return _layout(kind, header)
    return kind, header_mismatch(kind, header, expected)


def _names(columns: Sequence[str]) -> str:
    shown = ", ".join(c or "(a blank column)" for c in columns[:LISTED_COLUMNS])
    more = len(columns) - LISTED_COLUMNS
    return shown + (f" and {more} more" if more > 0 else "")


def header_mismatch(kind: FileKind, header: Sequence[str], expected: Sequence[str]) -> str:
    """Why ``header`` is not the ASC-WDS header of a ``kind`` file: the missing and unexpected columns by name,
    else the first column out of place. ASC-WDS refuses such a file whole, at its header check (whichFile.js,
    ``validate/headers``), before any row is read."""
    wanted, given = set(expected), set(header)
    missing = [c for c in expected if c not in given]
    unexpected = [c for c in header if c not in wanted]
    reasons = []
    if missing:
        reasons.append(f"missing column{'s' if len(missing) > 1 else ''}: {_names(missing)}")
    if unexpected:
        reasons.append(f"unexpected column{'s' if len(unexpected) > 1 else ''}: {_names(unexpected)}")
    if not reasons:
        twice = [c for c in dict.fromkeys(header) if header.count(c) > 1]
        if twice:
            reasons.append(f"column{'s' if len(twice) > 1 else ''} given twice: {_names(twice)}")
        else:
            position, want, got = next(
                (n, w, g) for n, (w, g) in enumerate(zip(expected, header, strict=True), start=1) if w != g
            )
            reasons.append(f"column {position} should be {want} but is {got}: the columns are in the wrong order")
    because = "; ".join(reasons)
    return (
        f"The {kind.value} file header does not match the ASC-WDS {kind.value} file, so ASC-WDS would refuse the "
        f"whole file. {because[0].upper()}{because[1:]}. Use the header row of the ASC-WDS file format "
        "(a careforce download has it)"
    )
