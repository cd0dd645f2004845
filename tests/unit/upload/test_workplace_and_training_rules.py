"""Workplace- and training-file rules, and checks across the files."""

from __future__ import annotations

from dataclasses import replace

from careforce.domain.upload import AccountSnapshot, export_files, read_upload

from .factory import TODAY, fixture, sample_records, training, worker, workplace


def upload(workplaces=None, workers=None, trainings=None, account=None):  # type: ignore[no-untyped-def]
    base_w, base_s, base_t = sample_records()
    files = export_files(workplaces or base_w, workers or base_s, trainings or base_t)
    new_files = [(n, d.replace(b",UNCHECKED,", b",NEW,")) for n, d in files.as_upload()]
    return read_upload(new_files, account or AccountSnapshot(), TODAY)


def found(result) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(p.file, p.row, p.column, p.code, p.severity.value) for p in result.report.sorted()]


def test_sample_upload_has_no_problems() -> None:
    assert found(upload()) == []


def test_regulated_workplace_with_a_non_regulated_main_service_is_an_error() -> None:
    result = upload(
        workplaces=[
            workplace(main_service=6, other_services=(), capacity={}, utilisation={}, sleep_ins=None, sleep_in_pay=None)
        ]
    )
    assert ("workplace.csv", 2, "REGTYPE", 1100, "error") in found(result)
    assert any("REGTYPE is 2 (CQC) but no CQC regulated services" in p.message for p in result.report.errors)


def test_registered_manager_in_a_workplace_not_regulated_by_cqc_is_refused() -> None:
    plain = workplace(
        cqc_regulated=False,
        cqc_provider_id="",
        cqc_location_id="",
        main_service=6,
        other_services=(),
        capacity={},
        utilisation={},
        sleep_ins=None,
        sleep_in_pay=None,
    )
    result = upload(workplaces=[plain])
    assert ("staff.csv", 2, "MAINJOBROLE", 1280, "error") in found(result)


def test_reasons_for_leaving_must_add_up_to_leavers() -> None:
    result = upload(workplaces=[workplace(reasons_for_leaving={1: 2})])
    assert ("workplace.csv", 2, "REASONNOS", 1360, "error") in found(result)


def test_duplicate_workplace_is_refused() -> None:
    result = upload(workplaces=[workplace(), workplace()])
    assert ("workplace.csv", 3, "LOCALESTID", 998, "error") in found(result)


def test_total_staff_not_matching_staff_records_is_a_warning_only() -> None:
    result = upload(workplaces=[workplace(total_perm_temp=9)])
    assert found(result) == [("workplace.csv", 2, "TOTALPERMTEMP", 2200, "warning")]
    assert not result.report.has_errors


def test_training_for_a_worker_who_does_not_exist_is_refused() -> None:
    result = upload(trainings=[training("W999")])
    assert found(result) == [("training.csv", 2, "UNIQUEWORKERID", 996, "error")]


def test_training_completed_in_the_future_or_on_an_impossible_date_is_an_error() -> None:
    result = read_upload(
        [fixture("workplace.csv"), fixture("staff.csv"), fixture("training_bad_dates.csv")], AccountSnapshot(), TODAY
    )
    assert found(result) == [
        ("training_bad_dates.csv", 2, "DATECOMPLETED", 1020, "error"),
        ("training_bad_dates.csv", 3, "DATECOMPLETED", 1020, "error"),
    ]
    assert result.report.errors[1].message == "DATECOMPLETED is incorrectly formatted (31/02/2020 is not a real date)"


def test_training_expiry_is_worked_out_from_validity_as_asc_wds_does() -> None:
    result = upload(trainings=[training("W001", expires=None, completed=TODAY.replace(month=1, day=31))])
    assert found(result) == []
    (record,) = result.training
    assert record.expires is not None and record.expires.isoformat() == "2027-01-30"


def test_training_expiry_before_completion_is_an_error() -> None:
    result = upload(trainings=[training("W001", validity_months=None, expires=TODAY.replace(year=2025))])
    assert ("training.csv", 2, "EXPIRYDATE/DATECOMPLETED", 1030, "error") in found(result)


def test_training_completed_before_the_worker_was_14_is_an_error() -> None:
    _w, staff, _t = sample_records()
    young = [replace(staff[0], date_of_birth=TODAY.replace(year=2010)), *staff[1:]]
    result = upload(workers=young, trainings=[training("W001", completed=TODAY.replace(year=2023), expires=None)])
    assert ("training.csv", 2, "DATECOMPLETED", 1080, "error") in found(result)


def test_same_ni_number_on_records_adding_up_to_more_than_full_time_is_an_error() -> None:
    _w, staff, _t = sample_records()
    twice = [
        *staff,
        worker(
            "W004",
            national_insurance_number="AB123456C",
            contracted_hours=None,
            zero_hours_contract=1,
            contract_type=3,
            average_hours=40,
        ),
    ]
    result = upload(workers=twice)
    assert ("staff.csv", 5, "NINUMBER", 5570, "error") in found(result)


def test_ignored_value_is_a_warning_and_the_row_still_goes_through() -> None:
    _w, staff, _t = sample_records()
    result = upload(workers=[replace(staff[0], nmc_registration=1), *staff[1:]])
    assert found(result) == [("staff.csv", 2, "NMCREG", 3340, "warning")]
    assert result.staff[0].record is not None and result.staff[0].record.nmc_registration is None


def test_check_without_an_account_still_checks_staff_against_the_workplace_file() -> None:
    result = read_upload([fixture("staff_unknown_workplace.csv")], AccountSnapshot.unknown(), TODAY)
    assert {(p.row, p.code) for p in result.report.errors} == {(2, 997), (3, 997), (4, 997)}
