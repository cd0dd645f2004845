"""Code groupings and splits: the mappings stated in the ADRs."""

from __future__ import annotations

from datetime import date

import numpy as np

from careforce.domain.metrics import Split, build_table, measure
from careforce.domain.metrics import categories as cat
from careforce.domain.metrics.snapshot import years_before
from careforce.domain.reference import REGION_CODE, councils

from .builders import COVENTRY, WALSALL, area


def labels(grouping: cat.Grouping, codes: list[int]) -> list[str]:
    return [grouping.labels[i] if i >= 0 else "(left out)" for i in grouping.index(np.array(codes))]


def test_main_services_fall_in_the_five_service_groups() -> None:
    assert labels(cat.service_groups(), [1, 2, 8, 55, 15, 6, 5, 72, 64]) == [
        cat.CARE_HOME_NURSING,
        cat.CARE_HOME,
        cat.HOME_CARE,
        cat.HOME_CARE,
        cat.COMMUNITY,
        cat.COMMUNITY,
        cat.OTHER_SERVICES,
        cat.OTHER_SERVICES,
        cat.OTHER_SERVICES,
    ]


def test_establishment_types_give_the_sector() -> None:
    assert labels(cat.sectors(), [1, 3, 6, 7, 8, 0]) == ["Local authority"] * 2 + ["Independent"] * 3 + ["Not known"]


def test_nationality_codes_group_as_british_eu_and_non_eu() -> None:
    # 531 is Curaçao, labelled "Dutch" in the ASC-WDS list, so it counts as EU
    assert labels(cat.nationality_groups(), [826, 616, 372, 531, 356, 840, 999, 998, 0]) == [
        "British",
        "EU",
        "EU",
        "EU",
        "Non-EU",
        "Non-EU",
        "Non-EU",
        "Not known",
        "Not known",
    ]


def test_every_eu_nationality_label_exists_in_the_code_list() -> None:
    from careforce.domain.reference import code_list

    assert cat.EU_NATIONALITIES <= {c.label for c in code_list("nationality")}


def test_ethnicity_codes_group_into_the_ons_groups() -> None:
    assert labels(cat.ethnic_groups(), [31, 34, 35, 39, 44, 47, 98, 99]) == [
        "White",
        "White",
        "Mixed / multiple ethnic groups",
        "Asian / Asian British",
        "Black / African / Caribbean / Black British",
        "Other ethnic group",
        "Other ethnic group",
        "Not known",
    ]


def test_job_roles_and_their_groups() -> None:
    assert labels(cat.job_roles(), [8, 22]) == ["Care worker", "Other or not known"]
    assert labels(cat.job_role_groups(), [8, 16, 4, 46, 25]) == [
        "Care providing roles",
        "Professional and related roles",
        "Managerial and supervisory roles",
        "IT, digital and data roles",
        "Other roles",
    ]


def test_a_leap_day_reference_date_steps_back_to_28_february() -> None:
    assert years_before(date(2028, 2, 29), 1) == date(2027, 2, 28)


def test_a_regional_lead_sees_every_council_side_by_side_with_the_region() -> None:
    workplaces = ((1, 2, 6, COVENTRY), (2, 8, 1, WALSALL))
    facts = area([{"workplace_id": 1}] * 6 + [{"workplace_id": 2}] * 7, workplaces)
    t = build_table(measure("filled_posts"), facts, REGION_CODE, Split.COUNCIL, date(2026, 3, 31))
    body = t.rows[: len(t.rows) - t.comparator_rows]
    assert [r[0] for r in body] == [c.name for c in councils()] + ["All (West Midlands)"]
    values = {r[0]: r[1] for r in body}
    assert (values["Coventry"], values["Walsall"], values["Birmingham"], values["All (West Midlands)"]) == (6, 7, 0, 13)


def test_a_council_sees_only_its_own_workplaces() -> None:
    workplaces = ((1, 2, 6, COVENTRY), (2, 8, 1, WALSALL))
    facts = area([{"workplace_id": 1}] * 6 + [{"workplace_id": 2}] * 7, workplaces)
    t = build_table(measure("filled_posts"), facts, COVENTRY, Split.SECTOR, date(2026, 3, 31))
    assert [r[:2] for r in t.rows[:2]] == [("Independent", 6), ("All (Coventry)", 6)]


def test_comparator_rows_are_labelled_with_area_year_and_source() -> None:
    facts = area([{}] * 10)
    t = build_table(measure("turnover_rate"), facts, COVENTRY, Split.NONE, date(2026, 3, 31))
    comparators = t.rows[-t.comparator_rows :]
    # 2022/23 is within 3 years of 2025/26; the region's latest (2019/20) is not, so a note says so instead
    assert [r[0] for r in comparators] == ["England 2022/23 (published: staff turnover rate)"]
    assert comparators[0][-1] == 30
    assert any(note.startswith("England, 2022/23, staff turnover rate: 30 percent") for note in t.footnotes)
    assert any(
        note.startswith("West Midlands: the latest published figure held is for 2019/20 (30.1 percent")
        and "not shown beside them. Source: Cream Health Care news, 12 Nov 2020" in note
        for note in t.footnotes
    )
