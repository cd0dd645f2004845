"""The worker age rule, kept once: the staff file's DOB and STARTDATE checks and the date of birth question
page both ask it."""

from datetime import date

from careforce.domain.upload.rules_common import started_below_working_age, worker_age_allowed


def test_a_worker_is_between_14_and_100_years_old_on_the_day():
    today = date(2026, 12, 7)
    assert worker_age_allowed(date(2012, 12, 7), today)  # 14 today
    assert not worker_age_allowed(date(2012, 12, 8), today)  # 14 tomorrow
    assert worker_age_allowed(date(1926, 12, 8), today)  # 100 until tomorrow
    assert not worker_age_allowed(date(1925, 12, 7), today)  # 101 today


def test_a_start_before_the_14th_birthday_is_below_working_age_and_29_february_counts_from_28():
    assert started_below_working_age(date(2000, 5, 10), date(2014, 5, 9))
    assert not started_below_working_age(date(2000, 5, 10), date(2014, 5, 10))
    assert not started_below_working_age(date(2000, 2, 29), date(2014, 2, 28))
