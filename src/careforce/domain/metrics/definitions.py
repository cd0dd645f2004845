"""Every workforce-intelligence measure, defined once: id, title, definition, unit, sentence and the
function that computes it for each group of a :class:`~careforce.domain.metrics.snapshot.Snapshot`.

Definitions follow Skills for Care's ASC-WDS benchmarks (research/ascwds.md §9): rates are summed
numerators over summed denominators, never averages of workplace rates; turnover and vacancy rates
leave out workplaces whose permanent and temporary staff records do not match their stated total.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from careforce.domain.metrics import aggregates as agg
from careforce.domain.metrics import categories as cat
from careforce.domain.metrics.facts import Bool, Float, Int
from careforce.domain.metrics.snapshot import Groups, Snapshot

#: Hours in a full-time week, for FTE. ASSUMPTION: the NHS Agenda for Change standard week (37.5 hours);
#: Skills for Care's own FTE convention was not found in the sources read. Change it here only.
FULL_TIME_HOURS = 37.5
#: Weeks in a year, to turn an annual salary into an hourly rate: 365 / 7.
WEEKS_PER_YEAR = 365 / 7
#: Age from which a worker counts towards "aged 55 and over" (retirement risk).
OLDER_WORKER_AGE = 55


class Kind(enum.Enum):
    COUNT = "count"
    AMOUNT = "amount"
    RATIO = "ratio"
    AVERAGE = "average"
    DISTRIBUTION = "distribution"


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    definition: str
    unit: str
    kind: Kind
    headings: tuple[str, ...]
    sentence: str  # placeholders: {area} {value} {period}; distributions also {category}; pay also {gap}
    compute: Callable[[Snapshot, Groups], agg.Aggregate]
    over_year: bool = False  # True: "in the 12 months to <date>"; False: "on <date>"
    decimals: int = 1
    categories: tuple[str, ...] = ()
    comparator_metrics: tuple[tuple[str, str], ...] = ()  # (workforce_estimates.csv metric, heading)
    #: a published figure stands beside the area's only if its financial year began at most this many
    #: years before the one the area's figures are for (ADR 0093)
    comparator_max_age_years: int = 3
    benchmark_exclusion: bool = False
    headline: str | None = None  # distributions: the category the sentence reports (None: the largest)
    noun: str = ""  # how a sentence names the measure; default: the title in lower case
    #: ratios: the numerator's people are among the denominator's (vacancies within posts); not so for
    #: turnover (leavers are not among the staff on the date)
    numerator_within_denominator: bool = True

    @property
    def name_in_sentence(self) -> str:
        return self.noun or self.title.lower()

    @property
    def value_heading(self) -> str:
        return self.headings[-1]


# ---- derived per-record values -----------------------------------------------------------------------
def fte(snap: Snapshot) -> Float:
    """Full-time equivalent of each record: contracted hours for permanent and temporary staff not on
    zero hours, average hours for everyone else (falling back to the other figure when one is missing),
    divided by :data:`FULL_TIME_HOURS` and capped at 1. NaN when neither is known."""
    w = snap.facts.workers
    contracted_first = snap.perm_temp & (w.zero_hours != 1)
    first = np.where(contracted_first, w.contracted_hours, w.average_hours)
    second = np.where(contracted_first, w.average_hours, w.contracted_hours)
    hours = np.where(np.isfinite(first), first, second)
    out: Float = np.minimum(hours / FULL_TIME_HOURS, 1.0)
    return out


def hourly_pay(snap: Snapshot) -> Float:
    """Hourly pay of each record: the hourly rate when given, otherwise the annual salary divided by
    (:data:`WEEKS_PER_YEAR` × contracted hours) when contracted hours are known and above zero."""
    w = snap.facts.workers
    hours = np.where(np.isfinite(w.contracted_hours) & (w.contracted_hours > 0), w.contracted_hours, np.nan)
    with np.errstate(invalid="ignore"):
        from_salary = w.annual_salary / (WEEKS_PER_YEAR * hours)
    out: Float = np.where(np.isfinite(w.hourly_rate), w.hourly_rate, from_salary)
    return out


def _is(codes: NDArray[np.integer[Any]], allowed: frozenset[int]) -> Bool:
    out: Bool = np.isin(codes, np.fromiter(allowed, np.int64))
    return out


# ---- compute functions ---------------------------------------------------------------------------------
def _filled_posts(s: Snapshot, g: Groups) -> agg.Aggregate:
    return agg.Count(agg.count(g.workers, s.staff, g.size))


def _headcount(s: Snapshot, g: Groups) -> agg.Aggregate:
    return agg.Count(agg.count_distinct(g.workers, s.staff, g.size, s.facts.workers.person_id))


def _fte(s: Snapshot, g: Groups) -> agg.Aggregate:
    f = fte(s)
    known = s.staff & np.isfinite(f)
    return agg.Amount(agg.count(g.workers, known, g.size), agg.count(g.workers, known, g.size, weights=f))


def _unless_no_workplace(included: Bool, ratio: agg.Ratio) -> agg.Ratio:
    """Not known (NaN) rather than zero when no workplace in the area passes the benchmark rules."""
    if included.any():
        return ratio
    return agg.Ratio(np.full_like(ratio.numerator, np.nan), np.full_like(ratio.denominator, np.nan))


def _vacancy_rate(s: Snapshot, g: Groups) -> agg.Aggregate:
    staff = agg.count(g.workers, s.current & s.perm_temp & s.in_vacancy_benchmark, g.size)
    vacancies = agg.count(g.vacancies, s.vacancy_usable, g.size, weights=s.facts.vacancies.vacancies.astype(np.float64))
    included = s.workplace_in_area & s.workplace_vacancies_usable
    return _unless_no_workplace(included, agg.Ratio(vacancies, staff + vacancies))


def _turnover_rate(s: Snapshot, g: Groups) -> agg.Aggregate:
    within = s.in_turnover_benchmark
    staff = agg.count(g.workers, s.current & s.perm_temp & within, g.size)
    leavers = agg.count(g.workers, s.left_in_year & s.perm_temp & within, g.size)
    included = s.workplace_in_area & s.workplace_matches_total & s.workplace_returned_year_before
    return _unless_no_workplace(included, agg.Ratio(leavers, staff))


def _starters_from_sector(s: Snapshot, g: Groups) -> agg.Aggregate:
    source = s.facts.workers.recruitment_source
    starters = s.started_in_year & s.perm_temp & ~_is(source, cat.UNKNOWN_SOURCES)
    within = starters & _is(source, cat.WITHIN_SECTOR_SOURCES)
    return agg.Ratio(agg.count(g.workers, within, g.size), agg.count(g.workers, starters, g.size))


def _median_pay(s: Snapshot, g: Groups) -> agg.Aggregate:
    n, med = agg.median(g.workers, s.staff, g.size, hourly_pay(s))
    return agg.Average(n, med)


def _zero_hours(s: Snapshot, g: Groups) -> agg.Aggregate:
    z = s.facts.workers.zero_hours
    answered = s.staff & ((z == 1) | (z == 2))
    return agg.Ratio(agg.count(g.workers, answered & (z == 1), g.size), agg.count(g.workers, answered, g.size))


def _aged_55_plus(s: Snapshot, g: Groups) -> agg.Aggregate:
    age = s.age
    known = s.staff & np.isfinite(age)
    older = known & (np.nan_to_num(age) >= OLDER_WORKER_AGE)
    return agg.Ratio(agg.count(g.workers, older, g.size), agg.count(g.workers, known, g.size))


def _qualified_level_2(s: Snapshot, g: Groups) -> agg.Aggregate:
    w = s.facts.workers
    level = w.social_care_qualification_level
    caring = s.staff & _is(w.job_role, cat.care_providing_roles())
    held_known = (w.social_care_qualification == 1) & (level >= 0) & (level <= 8)
    answered = caring & (held_known | (w.social_care_qualification == 2))
    qualified = answered & held_known & (level >= 2)
    return agg.Ratio(agg.count(g.workers, qualified, g.size), agg.count(g.workers, answered, g.size))


def _sickness(s: Snapshot, g: Groups) -> agg.Aggregate:
    n, avg = agg.mean(g.workers, s.staff, g.size, s.facts.workers.days_sick)
    return agg.Average(n, avg)


def qualification_category(s: Snapshot) -> Int:
    w = s.facts.workers
    level = w.social_care_qualification_level
    held = w.social_care_qualification == 1
    by_level = np.select([level <= 1, level == 2, level == 3, level <= 8], [1, 2, 3, 4], default=5)
    out: Int = np.select([w.social_care_qualification == 2, held & (level >= 0)], [0, by_level], default=6)
    out = np.where(held & (level < 0), 5, out)
    return out.astype(np.int64)


def age_category(s: Snapshot) -> Int:
    age = s.age
    band = np.digitize(np.nan_to_num(age), cat.AGE_BAND_EDGES)
    out: Int = np.where(np.isfinite(age), band, len(cat.AGE_BANDS) - 1).astype(np.int64)
    return out


def _distribution(
    category: Callable[[Snapshot], Int], n_categories: int
) -> Callable[[Snapshot, Groups], agg.Aggregate]:
    def compute(s: Snapshot, g: Groups) -> agg.Aggregate:
        return agg.Distribution(agg.crosstab(g.workers, s.staff, g.size, category(s), n_categories))

    return compute


def _coded(grouping: Callable[[], cat.Grouping], field: str) -> Callable[[Snapshot], Int]:
    def category(s: Snapshot) -> Int:
        codes: Int = getattr(s.facts.workers, field)
        return grouping().index(codes)

    return category


WORKFORCE = "staff (all contracts except agency) working on the date"
STAFF = WORKFORCE[0].upper() + WORKFORCE[1:]
SHARES = " Shares are of all of them, including those whose answer is not known."

MEASURES: tuple[Measure, ...] = (
    Measure(
        "filled_posts",
        "Filled posts",
        f"The number of staff records of {WORKFORCE}. One person with two jobs fills two posts.",
        "posts",
        Kind.COUNT,
        ("Filled posts",),
        "In {area}, there were {value} filled posts {period}.",
        _filled_posts,
        decimals=0,
        comparator_metrics=(("filled_posts", "Filled posts"),),
    ),
    Measure(
        "headcount",
        "Headcount",
        f"The number of different people among the {WORKFORCE}. Records of the same person (same person "
        "identifier) count once; records without one count as separate people.",
        "people",
        Kind.COUNT,
        ("People",),
        "In {area}, {value} people held filled posts {period}.",
        _headcount,
        decimals=0,
        comparator_metrics=(("people", "People"),),
    ),
    Measure(
        "fte",
        "Full-time equivalent (FTE)",
        f"The sum over {WORKFORCE} of contracted hours (average hours for zero-hours, bank, pool and other "
        f"staff) divided by {FULL_TIME_HOURS:g}, each record capped at 1. Records with no hours are left out.",
        "FTE",
        Kind.AMOUNT,
        ("Staff records with hours", "Full-time equivalent"),
        "In {area}, filled posts came to {value} full-time equivalents {period}.",
        _fte,
        noun="full-time equivalent",
        comparator_metrics=(("fte_jobs", "Full-time equivalent"),),
    ),
    Measure(
        "vacancy_rate",
        "Vacancy rate",
        "Vacancies divided by (permanent and temporary staff records plus vacancies), as stated in each "
        "workplace's latest return. Workplaces whose staff records do not match their stated total, or "
        "whose vacancies are not known, are left out (the ASC-WDS benchmark rule).",
        "%",
        Kind.RATIO,
        ("Vacancies", "Posts (staff plus vacancies)", "Vacancy rate (%)"),
        "In {area}, {value} of posts were vacant {period}.",
        _vacancy_rate,
        benchmark_exclusion=True,
        comparator_metrics=(("vacancy_rate", "Vacancy rate (%)"),),
    ),
    Measure(
        "turnover_rate",
        "Staff turnover rate",
        "Permanent and temporary staff who left in the 12 months, divided by permanent and temporary staff "
        "on the date. Workplaces whose staff records do not match their stated total are left out (the "
        "ASC-WDS benchmark rule), and so are workplaces that had made no return by the start of the 12 "
        "months, since their leavers over the whole 12 months are not on record.",
        "%",
        Kind.RATIO,
        ("Leavers in the 12 months", "Permanent and temporary staff", "Turnover rate (%)"),
        "In {area}, {value} of staff left {period}.",
        _turnover_rate,
        over_year=True,
        numerator_within_denominator=False,
        benchmark_exclusion=True,
        comparator_metrics=(("staff_turnover_rate", "Turnover rate (%)"),),
    ),
    Measure(
        "starters_from_sector",
        "Starters recruited from within adult social care",
        "Permanent and temporary staff who started in the 12 months and came from an adult social care job "
        "(local authority, private or voluntary) or by internal promotion or transfer, divided by those "
        "starters whose previous job is known.",
        "%",
        Kind.RATIO,
        ("Starters from within the sector", "Starters with previous job known", "From within the sector (%)"),
        "In {area}, {value} of new starters came from within adult social care {period}.",
        _starters_from_sector,
        over_year=True,
        comparator_metrics=(("share_of_recruitment_from_within_sector", "From within the sector (%)"),),
    ),
    Measure(
        "median_hourly_pay",
        "Median hourly pay",
        f"The middle hourly pay of {WORKFORCE} whose pay is recorded. Annual salaries are divided by "
        f"{WEEKS_PER_YEAR:.3f} weeks times contracted hours. Compared with the National Living Wage in "
        "force on the date.",
        "£ per hour",
        Kind.AVERAGE,
        ("Staff with pay recorded", "Median hourly pay (£)", "Difference from National Living Wage (£)"),
        "In {area}, median hourly pay was {value} {period}, {gap} the National Living Wage.",
        _median_pay,
        decimals=2,
        comparator_metrics=(("care_worker_average_hourly_pay", "Median hourly pay (£)"),),
        comparator_max_age_years=1,  # pay moves with the National Living Wage every April
    ),
    Measure(
        "zero_hours_share",
        "Zero-hours contracts",
        f"The share of {WORKFORCE} whose zero-hours answer is recorded who are on a zero-hours contract.",
        "%",
        Kind.RATIO,
        ("On zero-hours contracts", "Staff with answer recorded", "Zero-hours (%)"),
        "In {area}, {value} of staff were on zero-hours contracts {period}.",
        _zero_hours,
        comparator_metrics=(("share_zero_hours_contracts", "Zero-hours (%)"),),
    ),
    Measure(
        "aged_55_plus",
        "Staff aged 55 and over (retirement risk)",
        f"The share of {WORKFORCE} whose date of birth is recorded who are aged {OLDER_WORKER_AGE} or over.",
        "%",
        Kind.RATIO,
        (f"Aged {OLDER_WORKER_AGE} and over", "Staff with age recorded", f"Aged {OLDER_WORKER_AGE} and over (%)"),
        "In {area}, {value} of staff were aged 55 or over {period}.",
        _aged_55_plus,
        comparator_metrics=(
            ("share_aged_over_55", "Aged 55 and over (%)"),
            ("share_aged_55_plus", "Aged 55 and over (%)"),
        ),
    ),
    Measure(
        "qualified_level_2",
        "Care-providing staff qualified to level 2 or above",
        "Care-providing staff holding a relevant social care qualification at level 2 or above, divided by "
        "care-providing staff whose answer is yes (with a known level) or no (the ASC-WDS benchmark).",
        "%",
        Kind.RATIO,
        ("Qualified to level 2 or above", "Care-providing staff with answer recorded", "Level 2 or above (%)"),
        "In {area}, {value} of care-providing staff held a social care qualification at level 2 or above {period}.",
        _qualified_level_2,
        comparator_metrics=(("share_with_relevant_social_care_qualification", "Level 2 or above (%)"),),
    ),
    Measure(
        "sickness_days",
        "Days lost to sickness",
        f"The mean number of days sick in the last 12 months over {WORKFORCE} whose sickness is recorded.",
        "days per worker",
        Kind.AVERAGE,
        ("Staff with sickness recorded", "Mean days sick"),
        "In {area}, staff had on average {value} days off sick in a year, as recorded {period}.",
        _sickness,
        comparator_metrics=(("sickness_days_mean", "Mean days sick"),),
    ),
    Measure(
        "care_certificate",
        "Care Certificate",
        f"{STAFF} by whether they have completed, started or not started the Care Certificate.{SHARES}",
        "%",
        Kind.DISTRIBUTION,
        (),
        "In {area}, {value} of staff had completed the Care Certificate {period}.",
        _distribution(_coded(cat.care_certificate, "care_certificate"), 4),
        categories=cat.care_certificate().labels,
        headline="Completed",
        noun="the Care Certificate",
    ),
    Measure(
        "qualification_level",
        "Highest social care qualification",
        f"{STAFF} by the level of their highest relevant social care qualification.{SHARES}",
        "%",
        Kind.DISTRIBUTION,
        (),
        "In {area}, the most common highest qualification was {category_lower}: {value} of staff {period}.",
        _distribution(qualification_category, len(cat.QUALIFICATION_LEVELS)),
        categories=cat.QUALIFICATION_LEVELS,
    ),
    Measure(
        "gender",
        "Gender",
        f"{STAFF} by gender.{SHARES}",
        "%",
        Kind.DISTRIBUTION,
        (),
        "In {area}, {value} of staff were {category_lower} {period}.",
        _distribution(_coded(cat.genders, "gender"), 4),
        categories=cat.genders().labels,
        comparator_metrics=(("share_female", "Female (%)"),),
    ),
    Measure(
        "age_band",
        "Age",
        f"{STAFF} by age on the date.{SHARES}",
        "%",
        Kind.DISTRIBUTION,
        (),
        "In {area}, the largest age group was {category_lower}: {value} of staff {period}.",
        _distribution(age_category, len(cat.AGE_BANDS)),
        categories=cat.AGE_BANDS,
    ),
    Measure(
        "ethnicity",
        "Ethnic group",
        f"{STAFF} by ethnic group (the ONS 2011 groups).{SHARES}",
        "%",
        Kind.DISTRIBUTION,
        (),
        "In {area}, {value} of staff were in the {category} group {period}.",
        _distribution(_coded(cat.ethnic_groups, "ethnicity"), len(cat.ethnic_groups().labels)),
        categories=cat.ethnic_groups().labels,
        comparator_metrics=(("share_white", "White (%)"),),
    ),
    Measure(
        "nationality",
        "Nationality",
        f"{STAFF} by nationality: British, another EU-27 nationality, or any other.{SHARES}",
        "%",
        Kind.DISTRIBUTION,
        (),
        "In {area}, {value} of staff were {category} nationals {period}.",
        _distribution(_coded(cat.nationality_groups, "nationality"), 4),
        categories=cat.nationality_groups().labels,
        comparator_metrics=(
            ("share_british", "British (%)"),
            ("share_EU_nationality", "EU (%)"),
            ("share_non_EU_nationality", "Non-EU (%)"),
        ),
    ),
    Measure(
        "disability",
        "Disability",
        f"{STAFF} by whether they have told their employer they are disabled.{SHARES}",
        "%",
        Kind.DISTRIBUTION,
        (),
        "In {area}, {value} of staff had told their employer they were disabled {period}.",
        _distribution(_coded(cat.disabilities, "disability"), 4),
        categories=cat.disabilities().labels,
        headline="Disabled",
    ),
)

BY_ID = {m.id: m for m in MEASURES}


def measure(measure_id: str) -> Measure:
    try:
        return BY_ID[measure_id]
    except KeyError:
        raise KeyError(f"no measure called {measure_id!r}") from None
