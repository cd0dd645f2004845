"""Published comparators are chosen by stated rules: latest year, then highest confidence; never low."""

from __future__ import annotations

from datetime import date

from careforce.domain.metrics import measure
from careforce.domain.metrics.comparators import best_figure, comparators_for, financial_year_of, published_figures
from careforce.domain.reference import ENGLAND_CODE, REGION_CODE


def test_the_latest_financial_year_wins() -> None:
    figure = best_figure(ENGLAND_CODE, ("staff_turnover_rate",))
    assert figure is not None and (figure.year, figure.value) == ("2022/23", 30.0)


def test_low_confidence_rows_are_never_used() -> None:
    # 2021/22 "a third" is low confidence; the 2023/24 medium figure is also later
    figure = best_figure(ENGLAND_CODE, ("share_aged_over_55",))
    assert figure is not None and (figure.year, figure.value, figure.confidence) == ("2023/24", 29.0, "medium")
    assert all(f.confidence != "low" for f in published_figures())


def test_a_later_year_beats_higher_confidence() -> None:
    figure = best_figure(ENGLAND_CODE, ("filled_posts",))  # 2023/24 is high, 2024/25 medium
    assert figure is not None and (figure.year, figure.confidence) == ("2024/25", "medium")


def test_within_a_year_high_confidence_beats_the_preferred_metric() -> None:
    figure = best_figure(REGION_CODE, ("local_authority_jobs", "jobs_la_and_independent"))  # both 2019/20
    assert figure is not None and (figure.metric, figure.confidence) == ("jobs_la_and_independent", "high")


def test_within_a_year_and_confidence_the_preferred_metric_wins() -> None:
    figure = best_figure(ENGLAND_CODE, ("people", "filled_posts_alt"))  # both 2023/24, medium
    assert figure is not None and figure.metric == "people"
    figure = best_figure(ENGLAND_CODE, ("filled_posts_alt", "people"))
    assert figure is not None and figure.metric == "filled_posts_alt"


def test_rows_dated_by_month_or_calendar_year_are_not_comparators() -> None:
    assert best_figure(ENGLAND_CODE, ("vacancy_rate_monthly_tracking",)) is None
    people = best_figure(REGION_CODE, ("people",))
    assert people is not None and people.year == "2017/18"  # not "2019 (campaign)"


def test_a_citation_names_source_year_and_confidence() -> None:
    figure = best_figure(REGION_CODE, ("vacancy_rate",))
    assert figure is not None
    assert figure.citation().startswith("West Midlands, 2021/22, vacancy rate: 10 percent")
    assert "Shropshire Star" in figure.citation() and "(confidence: medium)" in figure.citation()


def test_a_comparator_stands_beside_the_area_only_if_recent_enough() -> None:
    turnover = (("staff_turnover_rate", "Turnover rate (%)"),)
    in_2026 = comparators_for(turnover, date(2026, 12, 7), 3)  # 2026/27: from 2023/24 on
    assert in_2026.rows == []
    assert [n.split(":")[0] for n in in_2026.notes] == ["England", "West Midlands"]
    assert "latest published figure held is for 2022/23 (30 percent" in in_2026.notes[0]
    in_2025 = comparators_for(turnover, date(2025, 12, 7), 3)  # 2025/26: from 2022/23 on
    assert [r.label for r in in_2025.rows] == ["England 2022/23 (published: staff turnover rate)"]
    assert in_2025.notes[0].startswith("England, 2022/23, staff turnover rate: 30 percent (all sectors")


def test_the_2016_17_pay_figures_are_not_shown_beside_this_years_pay() -> None:
    pay = measure("median_hourly_pay")
    chosen = comparators_for(pay.comparator_metrics, date(2026, 12, 7), pay.comparator_max_age_years)
    assert chosen.rows == []
    assert "England: the latest published figure held is for 2016/17 (7.85 GBP per hour" in chosen.notes[0]
    assert "more than 1 year before 2026/27" in chosen.notes[0]


def test_an_area_with_no_published_figure_says_so() -> None:
    chosen = comparators_for((("fte_jobs", "Full-time equivalent"),), date(2026, 12, 7), 10)
    assert chosen.notes[0] == "England: no published figure for this measure is held, so none is shown beside it."
    assert chosen.notes[1].startswith("West Midlands, 2017/18, fte jobs: 123,000 FTE")


def test_the_financial_year_starts_in_april() -> None:
    assert financial_year_of(date(2026, 3, 31)) == 2025 and financial_year_of(date(2026, 4, 1)) == 2026


def test_a_councils_own_published_figure_stands_beside_its_records_when_recent_enough() -> None:
    walsall, coventry = "E08000030", "E08000026"
    posts = (("filled_posts", "Filled posts"),)
    chosen = comparators_for(posts, date(2026, 12, 7), 3, walsall)
    assert [r.label for r in chosen.rows] == [
        "England 2024/25 (published: filled posts)",
        "Walsall 2023/24 (published: filled posts)",
    ]
    assert chosen.rows[1].values == {"Filled posts": 7700.0}
    assert chosen.notes[-1].startswith("Walsall, 2023/24, filled posts: 7,700 posts")
    # Coventry's own 2022/23 estimate is more than 3 years before 2026/27: cited, not shown
    coventry_notes = comparators_for(posts, date(2026, 12, 7), 3, coventry).notes
    assert coventry_notes[-1].startswith("Coventry: the latest published figure held is for 2022/23 (8,200 posts")
    # a council with nothing published adds no row or note of its own
    assert len(comparators_for(posts, date(2026, 12, 7), 3, "E08000025").notes) == 2
