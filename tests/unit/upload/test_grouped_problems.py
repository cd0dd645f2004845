"""Many problems of one kind are one line with their count; the downloadable report keeps every row."""

from careforce.domain.upload import Problem, ProblemGroup, Severity, ValidationReport


def blank_postcode(row: int) -> Problem:
    return Problem("staff.csv", row, "POSTCODE", 3070, Severity.WARNING, "POSTCODE is blank")


def test_many_warnings_of_one_kind_are_one_line_with_the_count_and_the_report_keeps_every_row() -> None:
    report = ValidationReport(
        [
            *(blank_postcode(row) for row in range(2, 11_282)),
            Problem(
                "staff.csv", 7, "GENDER", 1090, Severity.ERROR, "The code you have entered for GENDER is incorrect"
            ),
        ]
    )
    lines = report.grouped({"staff.csv": "staff records"})
    assert len(lines) == 2
    group = lines[0]
    assert isinstance(group, ProblemGroup)
    assert group.summary() == "11,280 staff records have no POSTCODE; it is optional"
    assert group.rows_text() == "rows 2, 3, 4, 5, 6 and 11,275 more"
    assert group.code == 3070 and not group.is_error
    assert isinstance(lines[1], Problem) and lines[1].row == 7
    assert report.to_csv().count("POSTCODE is blank") == 11_280


def test_a_few_problems_of_one_kind_stay_one_line_each() -> None:
    report = ValidationReport([blank_postcode(2), blank_postcode(3), blank_postcode(9)])
    assert [p.row for p in report.grouped() if isinstance(p, Problem)] == [2, 3, 9]


def test_a_grouped_problem_that_is_not_about_a_blank_cell_keeps_the_ascwds_wording() -> None:
    message = "NMCREG has not been supplied"
    report = ValidationReport(Problem("s.csv", r, "NMCREG", 3340, Severity.WARNING, message) for r in range(2, 7))
    (group,) = report.grouped({"s.csv": "staff records"})
    assert isinstance(group, ProblemGroup)
    assert group.summary() == "5 staff records: NMCREG has not been supplied"
    assert group.rows_text() == "rows 2, 3, 4, 5, 6"
