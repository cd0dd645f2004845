"""Linked suppression: one measure's tables protected together, and the audit that proves them safe."""

from __future__ import annotations

from datetime import date

import numpy as np

from careforce.domain.metrics import Split, audit, build_table, measure
from careforce.domain.metrics.attack import attack, truth_of
from careforce.domain.metrics.linked import link

from .builders import COVENTRY, area

REF = date(2026, 3, 31)
SPLITS = (Split.NONE, Split.JOB_ROLE, Split.JOB_ROLE_GROUP)


def many(n: int, **fields: object) -> list[dict[str, object]]:
    return [dict(fields) for _ in range(n)]


def coventry() -> object:
    # Senior management 3 and Middle management 15 (managerial), Social worker 10 (professional),
    # Care worker 20 (care providing): by role alone, senior management and social worker are hidden,
    # and managerial 18 minus middle management 15 gives senior management away
    return area(many(3, job_role=1) + many(15, job_role=2) + many(10, job_role=6) + many(20, job_role=8))


def test_tables_linked_together_leave_the_attacker_nothing_it_recovered_from_them_one_by_one() -> None:
    facts = coventry()
    m = measure("filled_posts")
    one_by_one = {(COVENTRY, s): build_table(m, facts, COVENTRY, s, REF) for s in SPLITS}  # type: ignore[arg-type]
    linked = link(m, {COVENTRY: facts}, {COVENTRY: SPLITS}, REF)  # type: ignore[dict-item]
    published = {(COVENTRY, s): linked.table(COVENTRY, s) for s in SPLITS}
    truth = truth_of(linked.laid)
    assert attack(m, one_by_one, truth=truth).recovered_exactly == 2
    result = attack(m, published, truth=truth)
    assert result.suppressed > 0
    assert result.recovered == ()
    assert linked.exposed == ()


def test_the_linked_set_hides_the_small_role_in_every_table_that_shows_it() -> None:
    facts = coventry()
    linked = link(measure("filled_posts"), {COVENTRY: facts}, {COVENTRY: SPLITS}, REF)  # type: ignore[dict-item]
    by_role = linked.table(COVENTRY, Split.JOB_ROLE)
    senior = next(row for row in by_role.rows if row[0] == "Senior management")
    assert str(senior[1]) == "[c]"
    assert by_role.suppressed_cells >= 2


def test_the_audit_from_true_values_finds_the_same_exposed_cells_as_solving_every_range() -> None:
    rng = np.random.default_rng(7)
    for _ in range(20):
        inner = rng.integers(0, 9, size=(3, 3)).astype(float)
        grid = np.zeros((4, 4))
        grid[:3, :3] = inner
        grid[:3, 3] = inner.sum(axis=1)
        grid[3, :] = grid[:3, :].sum(axis=0)
        flat = grid.ravel()
        relations = [audit.sums_to(r * 4 + 3, (r * 4, r * 4 + 1, r * 4 + 2)) for r in range(4)]
        relations += [audit.sums_to(12 + c, (c, 4 + c, 8 + c)) for c in range(4)]
        hidden = rng.random(16) < 0.4
        full = audit.ranges(flat, hidden, relations)
        fast = audit.exposed(flat, hidden, relations)
        assert fast.cells.tolist() == full.exposed(hidden).tolist()
        assert np.array_equal(fast.low[fast.cells], full.low[fast.cells])
        assert np.array_equal(fast.high[fast.cells], full.high[fast.cells])


def test_true_values_that_break_a_relation_are_reported() -> None:
    values = np.array([3.0, 10.0, 99.0])
    hidden = np.array([True, False, False])
    try:
        audit.exposed(values, hidden, [audit.sums_to(2, (0, 1))])
    except audit.Inconsistent:
        return
    raise AssertionError("true values breaking a relation were accepted")
