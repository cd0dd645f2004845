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
from collections.abc import Iterable, Iterator
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
SAVE_AS_CSV = "Save it from your spreadsheet as a CSV file (comma-separated text) and upload it again."


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
    raise UnreadableFile(f"{reason.rstrip('.')}.", code=_HEADERS_ERROR)


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
    return _chunks(_text(upload), upload, problems, size)


def _text(upload: UploadFile) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(upload.data), encoding=upload.encoding, newline="")


def _chunks(
    lines: Iterable[str], upload: UploadFile, problems: list[Problem], size: int
) -> Iterator[tuple[list[int], list[list[str]]]]:
    reader = csv.reader(lines, delimiter=upload.delimiter)
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


@dataclass(slots=True)
class ChunkLines:
    """One chunk of :func:`iter_chunks`, as the lines of text it was read from (cheap to send to a worker).

    ``lines`` start with the record after the previous chunk's last one (with the header and any blank
    rows before the first chunk), and may run past this chunk's last record where the file could not be
    read further. ``problems`` are those :func:`iter_chunks` reports before yielding this chunk; the last
    item of :func:`iter_chunk_lines` may have no rows, only the problems found after the last chunk.
    """

    first_row: int
    rows: list[int]
    lines: list[str]
    problems: list[Problem]


def iter_chunk_lines(upload: UploadFile, size: int) -> Iterator[ChunkLines]:
    """The chunks of :func:`iter_chunks` (the same rows and problems), each with its lines of text.

    Only which records are rows matters here, not their cells, so a line without the quote character
    (most lines of most files) is looked at with string methods, which is much quicker than splitting
    it; a line with a quote character, or too long for the csv module, is read (with the lines a quoted
    cell runs on to) by the csv module, as :func:`iter_chunks` reads every line.
    """
    delimiter, width, limit = upload.delimiter, len(upload.layout.header), csv.field_size_limit()
    taken: list[str] = []
    problems: list[Problem] = []
    rows: list[int] = []
    first_row = row = 0
    header_seen = False
    lines = iter(_text(upload))

    def more() -> Iterator[str]:
        for line in lines:
            taken.append(line)
            yield line

    try:
        for line in more():
            row += 1
            if '"' in line or len(line) > limit:
                cells = next(csv.reader(_chain(line, more()), delimiter=delimiter))
                count, first_blank = len(cells), not cells or not cells[0]
                blank, tail_blank = not any(cells), not any(cells[width:])
            else:
                body = line.rstrip("\r\n")
                count = body.count(delimiter) + 1 if body else 0
                first_blank = not body or body[0] == delimiter
                blank = count - 1 == len(body) or not body
                tail_blank = count <= width or body.endswith(delimiter * (count - width))
            if count != width or first_blank:
                if blank:
                    continue
                if not header_seen:
                    header_seen = True
                    first_row = row + 1
                    taken.clear()
                    continue
                if count != width and not (count > width and tail_blank):
                    text = ROW_WIDTH.text.format(got=count, want=width)
                    problems.append(Problem(upload.name, row, "", None, ROW_WIDTH.severity, text))
                    continue
            elif not header_seen:
                header_seen = True
                first_row = row + 1
                taken.clear()
                continue
            rows.append(row)
            if len(rows) == size:
                yield ChunkLines(first_row, rows, taken[:], problems[:])
                first_row, rows = row + 1, []
                taken.clear()
                problems.clear()
    except csv.Error as exc:
        text = NOT_CSV.text.format(reason=exc)
        problems.append(Problem(upload.name, row, "", None, NOT_CSV.severity, text))
    if rows or problems:
        yield ChunkLines(first_row, rows, taken[:] if rows else [], problems)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def cells_from_lines(item: ChunkLines, delimiter: str, width: int) -> list[list[str]]:
    """The rows of cells :func:`iter_chunks` gave for ``item``, read again from its lines."""
    records: list[list[str]] = []
    append = records.append
    try:
        for cells in csv.reader(item.lines, delimiter=delimiter):
            append(cells)
    except csv.Error:
        pass  # past the last record of the chunk (see ChunkLines)
    start = item.first_row
    chunk = [records[row - start] for row in item.rows]
    for cells in chunk:
        if len(cells) != width:
            del cells[width:]
            if len(cells) != width:
                raise ValueError(f"row {item.rows[0]}... was not read as it was when the file was cut in chunks")
    return chunk


def iter_rows(upload: UploadFile, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(spreadsheet row number, cells)`` for every non-blank record after the header."""
    for numbers, chunk in iter_chunks(upload, problems, 1024):
        yield from zip(numbers, chunk, strict=True)
