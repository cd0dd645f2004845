"""Files as spreadsheets save them: encodings, delimiters, headers, empty, junk and oversized files."""

from __future__ import annotations

from pathlib import Path

import pytest

from careforce.domain.upload import AccountSnapshot, FileKind, Severity, read_upload

from .factory import TODAY, fixture


def check(*names: str) -> tuple:
    result = read_upload([fixture("workplace.csv"), *(fixture(n) for n in names)], AccountSnapshot(), TODAY)
    return result, result.report


@pytest.mark.parametrize(
    ("name", "why_ascwds_would_not"),
    [
        ("staff.csv", None),
        ("staff_utf8_bom.csv", "it starts with a byte-order mark"),
        ("staff_windows_1252.csv", "would turn its £ signs and accented letters into replacement characters"),
        ("staff_semicolon.csv", "its values are separated by semicolons, and ASC-WDS needs commas"),
        ("staff_tab.csv", "its values are separated by tabs, and ASC-WDS needs commas"),
        ("staff_utf16_tab.csv", "it is saved as UTF-16 ('Unicode Text'), which ASC-WDS cannot read"),
    ],
)
def test_staff_file_saved_by_excel_in_any_usual_shape_is_read_with_a_warning_where_ascwds_would_not_take_it(
    name: str, why_ascwds_would_not: str | None
) -> None:
    result, report = check(name)
    assert not report.has_errors
    assert result.files[FileKind.STAFF] == name
    assert [row.local_identifier for row in result.staff] == ["W001", "W002", "W003"]
    if why_ascwds_would_not is None:
        assert report.problems == ()
        return
    (warning,) = report.problems
    assert (warning.file, warning.row, warning.severity) == (name, None, Severity.WARNING)
    assert warning.message.startswith("careforce has read this file, but ASC-WDS would not take it as saved")
    assert why_ascwds_would_not in warning.message
    assert "save it as comma-separated UTF-8 without a byte-order mark" in warning.message


def test_header_written_in_small_letters_is_read_with_a_warning_that_ascwds_compares_it_exactly() -> None:
    name, data = fixture("staff.csv")
    result = read_upload(
        [fixture("workplace.csv"), (name, data.replace(b"DISPLAYID", b"DisplayId", 1))], AccountSnapshot(), TODAY
    )
    (warning,) = result.report.problems
    assert warning.severity is Severity.WARNING
    assert "its header row is not written exactly as ASC-WDS's" in warning.message
    assert len(result.staff) == 3


def test_semicolon_file_keeps_multi_value_cells_together() -> None:
    result, _report = check("staff_semicolon.csv")
    first = result.staff[0].record
    assert first is not None
    assert (first.social_care_qualification, first.social_care_qualification_level) == (1, 3)
    assert (first.level_2_care_certificate, first.level_2_care_certificate_year) == (1, 2025)


def test_windows_1252_file_keeps_accented_names_and_pound_sign() -> None:
    result, report = check("staff_windows_1252.csv")
    assert not report.has_errors
    records = [row.record for row in result.staff]
    assert records[0] is not None and records[0].name_or_id == "Zoë Brontë"
    assert records[1] is not None and records[1].name_or_id == "José Núñez"
    assert records[2] is not None and records[2].main_job_role_description == "Night cover – paid £12.60 an hour"


def test_wrong_header_refuses_the_whole_file_naming_the_missing_and_unexpected_columns() -> None:
    result, report = check("staff_wrong_header.csv")
    (problem,) = report.problems
    assert (problem.code, problem.row, problem.severity) == (999, None, Severity.ERROR)
    assert problem.message.startswith(
        "The staff file header does not match the ASC-WDS staff file, so ASC-WDS would refuse the whole file. "
        "Missing column: NINUMBER; unexpected column: NI_NUMBER."
    )
    assert result.staff == [] and FileKind.STAFF not in result.files


def test_header_with_columns_out_of_order_says_which() -> None:
    name, data = fixture("staff.csv")
    swapped = data.replace(b"GENDER,ETHNICITY", b"ETHNICITY,GENDER", 1)
    (problem,) = read_upload([(name, swapped)], AccountSnapshot(), TODAY).report.problems
    assert problem.code == 999
    assert "Column 8 should be GENDER but is ETHNICITY: the columns are in the wrong order" in problem.message


def test_file_without_a_header_row_says_the_header_must_come_first() -> None:
    _result, report = check("staff_missing_header.csv")
    (problem,) = report.problems
    assert problem.code == 999
    assert "should start with LOCALESTID" in problem.message
    assert "'WM-HOME-1'" in problem.message


def test_header_missing_columns_lists_them() -> None:
    _result, report = check("staff_missing_columns.csv")
    (problem,) = report.problems
    assert "Missing columns: QUALACH03, QUALACH03NOTES." in problem.message


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.csv", "This file is empty"),
        ("binary_junk.csv", "This file contains binary data, not CSV text"),
        ("workbook.csv", "This file is an Excel workbook or other zip file (.xlsx), not a CSV file"),
    ],
)
def test_unusable_file_is_refused_with_a_plain_message_and_nothing_is_read(name: str, message: str) -> None:
    result, report = check(name)
    problems = [p for p in report.problems if p.file == name]
    assert len(problems) == 1
    assert problems[0].severity is Severity.ERROR
    assert problems[0].message.startswith(message)
    assert result.staff == []


def test_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    header = fixture("staff.csv")[1].split(b"\r\n")[0] + b"\r\n"
    line = fixture("staff.csv")[1].split(b"\r\n")[1] + b"\r\n"
    big = tmp_path / "staff_big.csv"
    with big.open("wb") as handle:
        handle.write(header)
        while handle.tell() <= 50 * 1024 * 1024:
            handle.write(line * 1000)
    result = read_upload([("staff_big.csv", big.read_bytes())], AccountSnapshot(), TODAY)
    (problem,) = result.report.problems
    assert problem.message.startswith("This file is 50.")
    assert problem.message.endswith(" MB; the largest file we accept is 50 MB")
    assert result.rows_checked == {}


def test_size_limit_can_be_set_by_the_caller() -> None:
    result = read_upload([fixture("staff.csv")], AccountSnapshot(), TODAY, max_bytes=1000)
    assert result.report.problems[0].message == "This file is 1004 bytes; the largest file we accept is 1000 bytes"


def test_two_files_of_the_same_kind_are_refused() -> None:
    result = read_upload([fixture("staff.csv"), fixture("staff_tab.csv")], AccountSnapshot(), TODAY)
    assert any("two staff files (staff.csv and staff_tab.csv)" in p.message for p in result.report.errors)


def test_files_are_recognised_by_their_header_whatever_their_name() -> None:
    renamed = [
        ("upload-1.csv", fixture("training.csv")[1]),
        ("upload-2.csv", fixture("staff.csv")[1]),
        ("upload-3.csv", fixture("workplace.csv")[1]),
    ]
    result = read_upload(renamed, AccountSnapshot(), TODAY)
    assert result.files == {
        FileKind.TRAINING: "upload-1.csv",
        FileKind.STAFF: "upload-2.csv",
        FileKind.WORKPLACE: "upload-3.csv",
    }
    assert result.report.problems == ()


def test_row_with_too_few_values_is_reported_with_its_row_number() -> None:
    name, data = fixture("staff.csv")
    lines = data.split(b"\r\n")
    lines[2] = b"WM-HOME-1,W002,NEW"
    result = read_upload([fixture("workplace.csv"), (name, b"\r\n".join(lines))], AccountSnapshot(), TODAY)
    problem = next(p for p in result.report.errors if p.file == name)
    assert (problem.row, problem.message) == (3, "This row has 3 values but the header has 44")


def test_staff_file_with_a_header_and_no_rows_is_accepted_as_asc_wds_accepts_it() -> None:
    result, report = check("staff_header_only.csv")
    assert report.problems == ()
    assert result.files[FileKind.STAFF] == "staff_header_only.csv"
    assert result.rows_checked[FileKind.STAFF] == 0 and result.staff == []


def test_workplace_file_with_a_header_and_no_rows_is_still_refused() -> None:
    header = fixture("workplace.csv")[1].split(b"\r\n")[0] + b"\r\n"
    (problem,) = read_upload([("workplace.csv", header)], AccountSnapshot(), TODAY).report.problems
    assert problem.severity is Severity.ERROR
    assert problem.message == "This file has a header row but no records below it"
