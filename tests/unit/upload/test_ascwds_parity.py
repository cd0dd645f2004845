"""careforce gives the verdict and codes ASC-WDS gives, case by case (see ``parity_corpus``)."""

from __future__ import annotations

import csv
import io

import pytest

from careforce.domain.upload import AccountSnapshot, FileKind, export_files, read_upload

from .factory import TODAY, sample_records
from .parity_corpus import CASES, FILE_CASES, Case, FileCase

NAMES = {"workplace": "workplace.csv", "staff": "staff.csv", "training": "training.csv"}


def _changed(data: bytes, changes: dict[int, dict[str, str]]) -> bytes:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    header = rows[0]
    for row in rows[1:]:
        if "STATUS" in header:
            row[header.index("STATUS")] = "NEW"
    for index, cells in changes.items():
        for column, value in cells.items():
            rows[index + 1][header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def run(case: Case) -> tuple[set[tuple[str, int | None, str]], set[tuple[str, int | None, str]], bool]:
    files = dict(export_files(*sample_records()).as_upload())
    changes = {case.row: case.cells, **case.others}
    uploaded = [(name, _changed(data, changes if name == NAMES[case.file] else {})) for name, data in files.items()]
    result = read_upload(uploaded, AccountSnapshot(), TODAY)
    on_row, on_others, elsewhere = set(), set(), set()  # type: ignore[var-annotated]
    kinds = {name: kind for kind, name in NAMES.items()}
    for p in result.report.problems:
        found = (p.column, p.code, p.severity.value)
        if p.file != NAMES[case.file]:  # a row refused here may refuse rows of the other files that depend on it
            elsewhere.add((kinds[p.file], *found))
        else:
            (on_row if p.row == case.row + 2 else on_others).add(found)
    if case.elsewhere is not None:
        assert elsewhere == set(case.elsewhere), case.source
    return on_row, on_others, result.report.has_errors


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_careforce_gives_the_verdict_and_codes_ascwds_gives(case: Case) -> None:
    on_row, on_others, refused = run(case)
    assert on_row == set(case.expected), case.source
    assert on_others == set(case.also), case.source
    elsewhere = tuple((c, code, s) for _f, c, code, s in case.elsewhere or ())
    assert refused == any(s == "error" for _c, _code, s in (*case.expected, *case.also, *elsewhere))


def test_every_case_cites_the_rule_it_comes_from() -> None:
    assert all(c.source.split()[0].endswith(".js") and len(c.source.split()) > 1 for c in CASES)
    assert len({c.name for c in CASES}) == len(CASES)


def changed_file(case: FileCase) -> tuple[str, bytes]:
    name = NAMES[case.file]
    data = _changed(dict(export_files(*sample_records()).as_upload())[name], {})
    header, _, rest = data.partition(b"\r\n")
    if case.change.startswith("header:"):
        old, new = case.change.removeprefix("header:").split(">")
        header = header.replace(old.encode(), new.encode(), 1)
        if not new:
            rest = b""  # the rows would not fit the header: only the header is judged here
    elif case.change == "header only":
        rest = b""
    elif case.change == "semicolons":
        rest = b""
        header = header.replace(b",", b";")
    data = header + b"\r\n" + rest
    if case.change == "bom":
        data = b"\xef\xbb\xbf" + data
    elif case.change == "cp1252":
        data = data.replace(b"Staff W002", "Zoë Brontë".encode("cp1252"))
    return name, data


@pytest.mark.parametrize("case", FILE_CASES, ids=[c.name for c in FILE_CASES])
def test_careforce_refuses_the_whole_files_ascwds_refuses(case: FileCase) -> None:
    name, data = changed_file(case)
    uploaded = {n: _changed(d, {}) for n, d in export_files(*sample_records()).as_upload()}
    uploaded[name] = data
    if case.file == "staff" and data.count(b"\r\n") == 1:  # no staff rows: the other files' rows would need them
        uploaded = {name: data}
    result = read_upload(list(uploaded.items()), AccountSnapshot(), TODAY)
    on_file = [p for p in result.report.problems if p.file == name and p.row is None]
    assert result.report.has_errors == case.refused, case.source
    if case.refused:
        assert [(p.code, p.severity.value) for p in on_file] == [(case.code, "error")], case.source
        assert "so ASC-WDS would refuse the whole file" in on_file[0].message
    else:
        assert result.includes(FileKind(case.file))
        warned = [p for p in on_file if p.severity.value == "warning"]
        assert bool(warned) == bool(case.differs), case.source  # a deliberate difference is told as a warning
        if warned:
            assert "ASC-WDS would not take it as saved" in warned[0].message


def test_every_file_case_cites_the_rule_it_comes_from() -> None:
    assert all(c.source.split()[0].endswith(".js") and len(c.source.split()) > 1 for c in FILE_CASES)
