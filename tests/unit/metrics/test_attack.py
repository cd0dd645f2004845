"""The attacker over a measure's published tables: what it recovers from tables protected one by one."""

from __future__ import annotations

from datetime import date

from careforce.domain.metrics import Split, build_table, measure
from careforce.domain.metrics.attack import attack, truth_of
from careforce.domain.metrics.tables import lay_out

from .builders import COVENTRY, area

REF = date(2026, 3, 31)
SPLITS = (Split.NONE, Split.JOB_ROLE, Split.JOB_ROLE_GROUP)


def many(n: int, **fields: object) -> list[dict[str, object]]:
    return [dict(fields) for _ in range(n)]


def coventry() -> object:
    # Senior management 3 and Middle management 15 (managerial), Social worker 10 (professional),
    # Care worker 20 (care providing)
    return area(many(3, job_role=1) + many(15, job_role=2) + many(10, job_role=6) + many(20, job_role=8))


def test_a_small_role_hidden_in_its_own_table_is_recovered_from_its_job_role_group() -> None:
    facts = coventry()
    m = measure("filled_posts")
    published = {(COVENTRY, s): build_table(m, facts, COVENTRY, s, REF) for s in SPLITS}  # type: ignore[arg-type]
    by_role = published[(COVENTRY, Split.JOB_ROLE)]
    assert by_role.suppressed_cells == 2  # senior management and its complement, social worker
    truth = truth_of({(COVENTRY, s): lay_out(m, facts, COVENTRY, s, REF) for s in SPLITS})  # type: ignore[arg-type]
    result = attack(m, published, truth=truth)
    found = {r.key: (r.low, r.high) for r in result.recovered}
    # managerial 18 minus middle management 15: senior management is 3
    assert found[(COVENTRY, "job_role", "Senior management", "Filled posts")] == (3, 3)
    assert result.recovered_exactly == 2


def test_without_the_group_table_the_two_hidden_roles_are_not_recovered() -> None:
    facts = coventry()
    m = measure("filled_posts")
    published = {(COVENTRY, s): build_table(m, facts, COVENTRY, s, REF) for s in (Split.NONE, Split.JOB_ROLE)}  # type: ignore[arg-type]
    result = attack(m, published)
    assert result.suppressed == 2
    assert result.recovered == ()
