"""CSV injection neutralisation, the downloadable report, and ``careforce validate-upload``."""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

import pytest

from careforce.commands import validate_upload
from careforce.domain.upload import Problem, Severity, ValidationReport, neutralise_cell, restore_cell
from careforce.domain.upload.messages import ascwds

from .factory import FIXTURES


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+44 121 496 0000", "'+44 121 496 0000"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("\tHidden", "'\tHidden"),
        ("'=already quoted", "''=already quoted"),
        ("-12.5", "-12.5"),
        ("+3", "+3"),
        ("-4.2%", "-4.2%"),
        ("1-101234567", "1-101234567"),
        ("Oak Tree Care Home", "Oak Tree Care Home"),
        ("", ""),
    ],
)
def test_cells_a_spreadsheet_would_run_get_an_apostrophe_and_numbers_stay_numbers(cell: str, written: str) -> None:
    assert neutralise_cell(cell) == written
    assert restore_cell(neutralise_cell(cell)) == cell


def test_report_csv_has_the_columns_and_neutralises_the_value_given() -> None:
    report = ValidationReport(
        [
            Problem(
                "staff.csv", 2, "DISPLAYID", None, Severity.ERROR, "DISPLAYID starts with '='", "=cmd|' /C calc'!A0"
            ),
            Problem("staff.csv", None, "", 999, Severity.ERROR, "Header wrong"),
        ]
    )
    rows = list(csv.reader(io.StringIO(report.to_csv())))
    assert rows[0] == ["file", "row", "column", "code", "severity", "message", "value"]
    assert rows[1] == ["staff.csv", "", "", "999", "error", "Header wrong", ""]
    assert rows[2][-1] == "'=cmd|' /C calc'!A0"
    assert (report.error_count, report.warning_count, report.has_errors) == (2, 0, True)


def test_asc_wds_placeholders_are_filled_in() -> None:
    message = ascwds("workplace", "ALLSERVICES", "is unknown")
    assert message.code == 1120
    assert message.render(99) == "All Services (ALLSERVICES): 99 is unknown"


def run(*paths: Path | str) -> int:
    parser = argparse.ArgumentParser()
    validate_upload.add_parser(parser.add_subparsers())
    args = parser.parse_args(["validate-upload", *map(str, paths), "--today", "2026-09-01"])
    return int(args.handler(args))


def test_command_prints_the_report_and_exits_1_on_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(FIXTURES / "workplace.csv", FIXTURES / "staff_bad_codes.csv")
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert code == 1
    assert rows[0] == ["file", "row", "column", "code", "severity", "message"]
    assert rows[1][1:] == ["2", "GENDER", "1090", "error", "The code you have entered for GENDER is incorrect"]
    assert rows[1][0].endswith("staff_bad_codes.csv")


def test_command_exits_0_when_there_are_only_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(FIXTURES / "workplace.csv", FIXTURES / "staff_future_dates.csv")
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert len(out) == 5  # the header and four warnings
    assert out[1].endswith("STARTDATE,3190,warning,STARTDATE is in the future and will be ignored")


def test_command_checks_staff_against_the_workplace_file_given(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(FIXTURES / "workplace.csv", FIXTURES / "staff.csv", FIXTURES / "training.csv") == 0
    assert capsys.readouterr().out == "file,row,column,code,severity,message\n"
    assert run(FIXTURES / "staff.csv") == 1
    assert "LOCALESTID does not exist in Workplace file" in capsys.readouterr().out


def test_command_reports_a_file_it_cannot_open(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(tmp_path / "missing.csv") == 1
    assert "The file cannot be read: No such file or directory" in capsys.readouterr().out
