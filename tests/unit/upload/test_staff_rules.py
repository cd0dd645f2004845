"""Staff-file rules as a provider meets them: dates, codes, "don't know", formulas, keys."""

from __future__ import annotations

from careforce.domain.upload import DONT_KNOW, AccountSnapshot, Severity, read_upload

from .factory import TODAY, fixture


def problems_in(name: str, account: AccountSnapshot | None = None) -> list[tuple]:
    result = read_upload([fixture("workplace.csv"), fixture(name)], account or AccountSnapshot(), TODAY)
    return [(p.row, p.column, p.code, p.severity.value, p.value) for p in result.report.sorted() if p.file == name]


def messages_in(name: str) -> list[str]:
    result = read_upload([fixture("workplace.csv"), fixture(name)], AccountSnapshot(), TODAY)
    return [p.message for p in result.report.sorted() if p.file == name]


def test_date_that_does_not_exist_is_reported_and_ignored_as_asc_wds_does() -> None:
    assert problems_in("staff_impossible_dates.csv") == [
        (2, "DOB", 3080, "warning", "31/02/2020"),
        (3, "STARTDATE", 3190, "warning", "2019-06-03"),
    ]
    messages = messages_in("staff_impossible_dates.csv")
    assert messages[0] == (
        "The date of birth you have entered is incorrectly formatted and will be ignored (31/02/2020 is not a real date)"
    )
    assert messages[1].endswith("(2019-06-03 is not a date in the format DD/MM/YYYY)")


def test_dates_in_the_future_are_reported() -> None:
    assert problems_in("staff_future_dates.csv") == [
        (2, "STARTDATE", 3190, "warning", "01/01/2030"),
        (3, "DOB", 3080, "warning", "01/01/2031"),
        # as in ASC-WDS, the start dates are checked against the DOB given, though it is ignored
        (3, "STARTDATE", 3190, "warning", "03/06/2019"),
        (3, "STARTINSECT", 3200, "warning", "2010"),
    ]
    assert messages_in("staff_future_dates.csv")[0] == "STARTDATE is in the future and will be ignored"


def test_ignored_dates_are_not_stored() -> None:
    result = read_upload([fixture("workplace.csv"), fixture("staff_future_dates.csv")], AccountSnapshot(), TODAY)
    first = result.staff[0].record
    assert first is not None and first.start_date is None


def test_codes_not_in_the_lists_block_the_row() -> None:
    assert problems_in("staff_bad_codes.csv") == [
        (2, "GENDER", 1090, "error", "7"),
        (3, "ETHNICITY", 1100, "error", "12"),
        (4, "MAINJOBROLE", 1280, "error", "99"),
    ]
    assert messages_in("staff_bad_codes.csv")[0] == "The code you have entered for GENDER is incorrect"


def test_999_dont_know_is_accepted_only_where_asc_wds_allows_it() -> None:
    result = read_upload([fixture("workplace.csv"), fixture("staff_dont_know_999.csv")], AccountSnapshot(), TODAY)
    staff_problems = [(p.row, p.column, p.code) for p in result.report.sorted() if p.file == "staff_dont_know_999.csv"]
    assert staff_problems == [(3, "GENDER", 1090), (4, "EMPLSTATUS", 1220), (4, "CARECERT", 1160)]
    record = result.staff[0].record
    assert record is not None
    assert record.zero_hours_contract == DONT_KNOW
    assert record.contracted_hours is None  # with ZEROHRCONT 999, CONTHOURS 999 counts as hours: error 1230
    assert record.days_sick == DONT_KNOW
    assert record.start_year_in_sector == DONT_KNOW
    assert record.pay_interval == DONT_KNOW
    assert record.social_care_qualification == DONT_KNOW


def test_formula_looking_cells_are_kept_as_given_as_asc_wds_takes_them() -> None:
    result = read_upload([fixture("workplace.csv"), fixture("staff_formula_cells.csv")], AccountSnapshot(), TODAY)
    assert [p for p in result.report.problems if p.file == "staff_formula_cells.csv"] == []
    records = {row.local_identifier: row.record for row in result.staff}
    assert records["W001"] is not None and records["W001"].name_or_id == "=cmd|' /C calc'!A0"
    assert records["W002"] is not None and records["W002"].name_or_id == "@SUM(1+1)*cmd|' /C calc'!A0"
    assert records["W003"] is not None
    assert records["W003"].qualifications[0].notes == '+HYPERLINK("http://example.invalid")'


def test_duplicate_worker_id_is_refused_with_asc_wds_code_998() -> None:
    assert problems_in("staff_duplicate_worker_ids.csv") == [(4, "UNIQUEWORKERID", 998, "error", "W002")]
    assert messages_in("staff_duplicate_worker_ids.csv") == [
        "UNIQUEWORKERID W002 is not unique (it appears more than once for this workplace)"
    ]


def test_staff_for_a_workplace_in_neither_the_upload_nor_the_account_is_refused() -> None:
    assert problems_in("staff_unknown_workplace.csv") == [(3, "LOCALESTID", 997, "error", "WM-HOME-9")]
    assert messages_in("staff_unknown_workplace.csv") == [
        "LOCALESTID does not exist in Workplace file (nor among your account's workplaces)"
    ]


def test_staff_for_a_workplace_already_in_the_account_needs_no_workplace_file() -> None:
    account = AccountSnapshot(workplaces=frozenset({"WM-HOME-1"}))
    result = read_upload([fixture("staff.csv")], account, TODAY)
    assert result.report.problems == ()


def test_staff_for_another_organisations_workplace_is_refused() -> None:
    account = AccountSnapshot(other_organisations_workplaces=frozenset({"BHAM-0042"}))
    result = read_upload([fixture("staff_other_organisation.csv")], account, TODAY)
    assert {(p.row, p.column, p.code) for p in result.report.errors} == {
        (2, "LOCALESTID", 997),
        (3, "LOCALESTID", 997),
        (4, "LOCALESTID", 997),
    }
    assert "belongs to another organisation's workplace" in result.report.errors[0].message


def test_workplace_file_for_another_organisations_workplace_is_refused() -> None:
    account = AccountSnapshot(other_organisations_workplaces=frozenset({"BHAM-0042"}))
    result = read_upload([fixture("workplace_other_organisation.csv")], account, TODAY)
    (problem,) = result.report.problems
    assert (problem.row, problem.column, problem.code, problem.severity) == (2, "LOCALESTID", 997, Severity.ERROR)
    assert problem.message.startswith("Not the owner")
    assert result.workplaces == []


def test_new_staff_record_that_already_exists_is_an_error() -> None:
    account = AccountSnapshot(workplaces=frozenset({"WM-HOME-1"}), workers={"WM-HOME-1": frozenset({"W002"})})
    result = read_upload([fixture("staff.csv")], account, TODAY)
    (problem,) = result.report.problems
    assert (problem.row, problem.column, problem.code) == (3, "STATUS", 1040)
    assert "STATUS of NEW but already exists" in problem.message


def test_whitespace_in_identifiers_is_ignored_when_matching() -> None:
    name, data = fixture("staff.csv")
    data = data.replace(b"WM-HOME-1,W002", b"WM-HOME-1,W 002").replace(b"WM-HOME-1,W003", b"WM-HOME-1,W 002")
    result = read_upload([fixture("workplace.csv"), (name, data)], AccountSnapshot(), TODAY)
    assert [(p.row, p.code) for p in result.report.errors] == [(4, 998)]
