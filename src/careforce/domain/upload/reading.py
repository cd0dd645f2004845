"""From uploaded bytes to a stream of rows: size, encoding, delimiter and header checks.

Files saved by Excel arrive in several shapes: UTF-8 with or without a byte-order mark, Windows-1252
("CSV" on Windows, with ``£`` and accented names as single bytes), UTF-16 ("Unicode text", tab
separated), and comma, semicolon or tab separated. We accept all of these and refuse, with a plain
message, anything that is not text (a workbook, a PDF, binary junk), empty, or larger than the limit.

Rows are read lazily from the bytes: nothing is decoded twice and no file is turned into a list.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from careforce.domain.upload.layouts import FileKind, Layout, match_layout
from careforce.domain.upload.messages import own
from careforce.domain.upload.report import Problem

MEGABYTE = 1024 * 1024
DEFAULT_MAX_BYTES = 50 * MEGABYTE
DELIMITERS = (",", ";", "\t")
_CHUNK = MEGABYTE
_SAMPLE = 64 * 1024
_HEADERS_ERROR = 999
_SIGNATURES = (
    (b"PK\x03\x04", "an Excel workbook or other zip file (.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an older Excel workbook (.xls)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)
_CONTROL = frozenset(chr(c) for c in (*range(9), 11, 12, *range(14, 32), 127))
SAVE_AS_CSV = "Save it from your spreadsheet as 'CSV UTF-8 (comma delimited)' and upload it again."


def describe_size(size: int) -> str:
    """A file size as people write it: ``50 MB``, ``52.4 MB``, ``900 KB``, ``100 bytes``."""
    for unit, name in ((MEGABYTE, "MB"), (1024, "KB")):
        if size >= unit:
            return f"{size / unit:.1f}".removesuffix(".0") + f" {name}"
    return f"{size} bytes"


class UnreadableFile(Exception):
    """The file cannot be read as an ASC-WDS CSV file at all."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class UploadFile:
    """One uploaded file, recognised: its kind comes from its header row."""

    name: str
    data: bytes
    encoding: str
    delimiter: str
    layout: Layout

    @property
    def kind(self) -> FileKind:
        return self.layout.kind


def _fits(data: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(data[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(data: bytes) -> str:
    """The encoding to read ``data`` with, in a fixed order: UTF-16 (by its BOM), UTF-8, Windows-1252."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise UnreadableFile(f"This file is {what}, not a CSV file. {SAVE_AS_CSV}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if _fits(data, "utf-16"):
            return "utf-16"
        raise UnreadableFile(f"This file starts like UTF-16 text but cannot be read as it. {SAVE_AS_CSV}")
    if b"\x00" in data:
        raise UnreadableFile(f"This file contains binary data, not CSV text. {SAVE_AS_CSV}")
    if data.startswith(codecs.BOM_UTF8):
        if _fits(data, "utf-8-sig"):
            return "utf-8-sig"
        raise UnreadableFile(f"This file says it is UTF-8 but contains bytes that are not UTF-8. {SAVE_AS_CSV}")
    if _fits(data, "utf-8"):
        return "utf-8"
    if _fits(data, "cp1252"):
        return "cp1252"
    raise UnreadableFile(f"This file is not in a text encoding we can read (UTF-8 or Windows-1252). {SAVE_AS_CSV}")


def _check_text(sample: str) -> None:
    controls = sum(1 for ch in sample if ch in _CONTROL)
    if controls and controls * 200 > len(sample):
        raise UnreadableFile(f"This file contains binary data, not CSV text. {SAVE_AS_CSV}")


def _first_line(sample: str) -> str:
    end = sample.find("\n")
    return sample if end < 0 else sample[: end + 1]


def _header_cells(line: str, delimiter: str) -> list[str]:
    cells = next(csv.reader([line], delimiter=delimiter), [])
    cleaned = [c.strip().upper() for c in cells]
    while cleaned and not cleaned[-1]:
        cleaned.pop()
    return cleaned


def detect_layout(sample: str) -> tuple[str, Layout]:
    """The delimiter and layout of the header row at the start of ``sample``."""
    line = _first_line(sample)
    best: tuple[str, list[str]] | None = None
    for delimiter in DELIMITERS:
        cells = _header_cells(line, delimiter)
        matched = match_layout(cells)
        if isinstance(matched, Layout):
            return delimiter, matched
        if best is None or len(cells) > len(best[1]):
            best = (delimiter, cells)
    assert best is not None
    _kind, reason = match_layout(best[1])  # type: ignore[misc]
    raise UnreadableFile(f"{reason}.", code=_HEADERS_ERROR)


def open_upload(name: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> UploadFile:
    """Check one uploaded file's size, encoding and header row; raise :class:`UnreadableFile` if unusable."""
    if len(data) > max_bytes:
        raise UnreadableFile(
            f"This file is {describe_size(len(data))}; the largest file we accept is {describe_size(max_bytes)}"
        )
    if not data.strip():
        raise UnreadableFile("This file is empty")
    encoding = detect_encoding(data)
    sample = _decode_sample(data, encoding)
    _check_text(sample)
    if not sample.strip():
        raise UnreadableFile("This file is empty")
    delimiter, layout = detect_layout(sample.lstrip("\r\n"))
    return UploadFile(name, data, encoding, delimiter, layout)


def _decode_sample(data: bytes, encoding: str) -> str:
    decoder = codecs.getincrementaldecoder(encoding)("replace")
    return str(decoder.decode(data[:_SAMPLE], final=len(data) <= _SAMPLE))


ROW_WIDTH = own("This row has {got} values but the header has {want}")
NOT_CSV = own("The file could not be read as CSV from this row on: {reason}")


def iter_chunks(upload: UploadFile, problems: list[Problem], size: int) -> Iterator[tuple[list[int], list[list[str]]]]:
    """``(spreadsheet row numbers, rows of cells)`` in chunks of ``size`` non-blank records after the header.

    Rows that cannot be validated are reported into ``problems`` and skipped. Trailing empty cells that
    Excel adds past the last column are dropped.
    """
    stream = io.TextIOWrapper(io.BytesIO(upload.data), encoding=upload.encoding, newline="")
    reader = csv.reader(stream, delimiter=upload.delimiter)
    width = len(upload.layout.header)
    row = 0
    numbers: list[int] = []
    chunk: list[list[str]] = []
    header_seen = False
    try:
        for cells in reader:
            row += 1
            if len(cells) != width or not cells[0]:
                if not any(cells):
                    continue
                if not header_seen:
                    header_seen = True
                    continue
                if len(cells) > width and not any(cells[width:]):
                    del cells[width:]
                elif len(cells) != width:
                    text = ROW_WIDTH.text.format(got=len(cells), want=width)
                    problems.append(Problem(upload.name, row, "", None, ROW_WIDTH.severity, text))
                    continue
            elif not header_seen:
                header_seen = True
                continue
            numbers.append(row)
            chunk.append(cells)
            if len(chunk) == size:
                yield numbers, chunk
                numbers, chunk = [], []
    except csv.Error as exc:
        text = NOT_CSV.text.format(reason=exc)
        problems.append(Problem(upload.name, row + 1, "", None, NOT_CSV.severity, text))
    if chunk:
        yield numbers, chunk


def iter_rows(upload: UploadFile, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(spreadsheet row number, cells)`` for every non-blank record after the header."""
    for numbers, chunk in iter_chunks(upload, problems, 1024):
        yield from zip(numbers, chunk, strict=True)
