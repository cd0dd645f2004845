"""Every sentence built from data reads correctly for none, one and many."""

import pytest

from careforce.domain.careers.wording import count_of, joined, miles, minutes, within


@pytest.mark.parametrize(("n", "expected"), [(0, "0 jobs"), (1, "1 job"), (2, "2 jobs"), (2_500, "2,500 jobs")])
def test_a_count_of_jobs(n, expected):
    assert count_of(n, "job") == expected


def test_a_count_with_an_irregular_plural():
    assert [count_of(n, "vacancy", "vacancies") for n in (0, 1, 3)] == ["0 vacancies", "1 vacancy", "3 vacancies"]


@pytest.mark.parametrize(
    ("distance", "expected"),
    [(0.5, "within 0.5 miles"), (1, "within 1 mile"), (1.0, "within 1 mile"), (10, "within 10 miles")],
)
def test_within_a_distance(distance, expected):
    assert within(distance) == expected
    assert miles(distance) == expected.removeprefix("within ")


@pytest.mark.parametrize(
    ("items", "expected"),
    [([], ""), (["respect"], "respect"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_a_list_in_a_sentence(items, expected):
    assert joined(items) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 minute"),
        (2, "2 minutes"),
        (59, "59 minutes"),
        (60, "1 hour"),
        (61, "1 hour 1 minute"),
        (125, "2 hours 5 minutes"),
    ],
)
def test_minutes(n, expected):
    assert minutes(n) == expected
