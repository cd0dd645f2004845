"""Published comparators are chosen by stated rules: latest year, then highest confidence; never low."""

from __future__ import annotations

from careforce.domain.metrics.comparators import best_figure, published_figures
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
