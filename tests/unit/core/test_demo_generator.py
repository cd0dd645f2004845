"""The demo region follows the published figures it cites, and is the same every time for a seed."""

from datetime import date

import numpy as np
import pytest

from careforce.domain.demo import SYNTHETIC_NOTICE, generate, national_living_wage, stated_totals
from careforce.domain.demo.places import current_postcodes_by_district, older_population_by_area
from careforce.domain.reference import councils

AS_OF = date(2026, 11, 1)


@pytest.fixture(scope="module")
def full():
    return generate("full", seed=7, as_of=AS_OF)


def test_the_same_seed_gives_the_same_region_and_another_seed_a_different_one():
    a, b, c = (generate("small", seed=s, as_of=AS_OF) for s in (1, 1, 2))
    assert a.workplaces.postcode == b.workplaces.postcode
    assert np.array_equal(a.staff.date_of_birth, b.staff.date_of_birth)
    assert a.workplaces.postcode != c.workplaces.postcode


def test_full_region_has_about_4100_locations_and_160000_staff(full):
    assert len(full.workplaces) == 4100
    assert len(full.staff) == 160_000
    assert 1_900 <= len(full.workplaces.organisation_names) <= 2_300  # about 2,250 per 4,250 locations


def test_staff_are_spread_over_councils_in_proportion_to_their_population_aged_65_plus(full):
    older = older_population_by_area(2022)
    total_older = sum(older[c.gss_code] for c in councils())
    per_place = dict(zip(range(len(full.workplaces)), full.workplaces.council_code, strict=True))
    counts: dict[str, int] = {}
    for w, n in enumerate(full.workplaces.staff):
        counts[per_place[w]] = counts.get(per_place[w], 0) + int(n)
    for c in councils():
        assert counts[c.gss_code] == pytest.approx(160_000 * older[c.gss_code] / total_older, abs=2)


def test_turnover_vacancies_age_and_gender_match_the_published_west_midlands_figures(full):
    staff, leavers = full.staff, full.leavers
    year_ago = np.datetime64(AS_OF, "D") - np.timedelta64(365, "D")
    perm_temp = (staff.contract_type <= 2).sum()
    turnover = (leavers.left_on > year_ago).sum() / perm_temp
    assert 0.28 <= turnover <= 0.31
    vacancies = full.vacancies.number_of_posts.sum()
    assert 0.09 <= vacancies / (len(staff) + vacancies) <= 0.105
    age = (np.datetime64(AS_OF, "D") - staff.date_of_birth).astype(int) / 365.25
    assert 0.27 <= (age >= 55).mean() <= 0.30
    assert 0.82 <= (staff.gender == 2).mean() <= 0.86
    assert 0.86 <= (staff.nationality == 826).mean() <= 0.89


def test_care_workers_are_paid_near_and_never_below_the_national_living_wage(full):
    nlw = national_living_wage(AS_OF)
    assert nlw == 12.71
    care_workers = full.staff.hourly_rate[full.staff.main_job_role == 8]
    assert care_workers.min() >= nlw
    assert nlw < np.median(care_workers) < nlw * 1.15


def test_every_location_is_at_a_real_current_postcode_in_its_own_district_and_has_a_registered_manager(full):
    postcodes = current_postcodes_by_district()
    places = full.workplaces
    assert all(pc in postcodes[d] for pc, d in zip(places.postcode, places.district_code, strict=True))
    managers = np.bincount(full.staff.workplace[full.staff.main_job_role == 4], minlength=len(places))
    assert (managers[places.cqc_regulated] >= 1).all()
    # ASC-WDS refuses a registered manager where CQC regulates none of the services (day care, outreach)
    assert not managers[~places.cqc_regulated].any()
    assert (~places.cqc_regulated).any()
    assert all(not places.cqc_location_id[i] for i in np.flatnonzero(~places.cqc_regulated))


def test_staff_records_are_ones_the_ascwds_rules_accept(full):
    staff = full.staff
    start_year = staff.start_date.astype("datetime64[Y]").astype(np.int64) + 1970
    assert (staff.start_year_in_sector <= start_year).all()
    nurses, social_workers = staff.main_job_role == 16, staff.main_job_role == 6
    assert (staff.nmc_registration[nurses] > 0).all() and (staff.nmc_registration[~nurses] == -1).all()
    amhp = staff.approved_mental_health_professional
    assert np.isin(amhp[social_workers], (1, 2)).all() and (amhp[~social_workers] == -1).all()


def test_leavers_left_after_they_started_and_within_the_history_window(full):
    leavers = full.leavers
    assert (leavers.start_date < leavers.left_on).all()
    assert (leavers.left_on <= np.datetime64(AS_OF, "D")).all()
    assert (leavers.leaving_reason > 0).all()


def test_a_few_workplaces_state_a_staff_total_that_does_not_match_their_records():
    region = generate("small", seed=3, as_of=AS_OF)
    totals = stated_totals(region)
    records = np.bincount(region.staff.workplace, minlength=len(region.workplaces))  # every record, as ASC-WDS counts
    mismatched = (totals != records).mean()
    assert 0 < mismatched < 0.15


def test_the_region_says_its_people_are_synthetic():
    assert "synthetic" in SYNTHETIC_NOTICE
    with pytest.raises(ValueError, match="size must be one of"):
        generate("huge")
