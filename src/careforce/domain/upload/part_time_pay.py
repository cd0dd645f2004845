"""Warning 1260: a part-time worker on the same annual salary as a full-time worker in the same main job role.

ASC-WDS (``validatePartTimeSalaryNotEqualToFTE.js``, ``validatePartTimeSalaryNotEqualToFTE``) warns on a NEW or
UPDATE staff record paid annually (SALARYINT 1) with a SALARY and fewer than 37 contracted hours when another
such record anywhere in the file has the same SALARY and MAINJOBROLE and more than 36 contracted hours: the
provider may have entered full-time equivalent pay. It compares every worker with every other; here each
record is counted once into its (role, salary) group and the part-time ones are looked up at the end of the
file, so the time grows with the file, not with its square.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from careforce.domain.upload.columnar import ChunkSink
from careforce.domain.upload.messages import ascwds
from careforce.domain.upload.records import Status

FULL_TIME_FROM = Decimal(36)
"""More than this many contracted hours is full time; fewer than 37 is part time (ASC-WDS's own bounds)."""
PART_TIME_BELOW = Decimal(37)
SAME_SALARY = ascwds("staff", "SALARY", "same as other staff on different hours")
SAVED = (Status.NEW, Status.UPDATE)

AnnualPay = tuple[int, int, Decimal, Decimal]
"""One record paid annually: its index in the chunk, main job role, SALARY and CONTHOURS."""


def annual_pay(
    status: Sequence[Status | None], role: Sequence[int | None], salary: Sequence[Any], hours: Sequence[Decimal | None]
) -> list[AnnualPay]:
    """The records of a chunk that the check compares: NEW or UPDATE, with a role, an annual SALARY kept and CONTHOURS."""
    if salary.count(None) == len(salary):  # the usual chunk: nobody paid annually
        return []
    return [
        (i, role[i], pay, hours[i])  # type: ignore[misc]
        for i, pay in enumerate(salary)
        if pay is not None and hours[i] is not None and role[i] is not None and status[i] in SAVED
    ]


class PartTimePay:
    """Collects the annually paid records of a staff file, a chunk at a time, then warns once per record."""

    def __init__(self) -> None:
        self.full_time: Counter[tuple[int, Decimal]] = Counter()
        self.part_time: list[tuple[int, tuple[int, Decimal], bool, Decimal]] = []

    def add(self, rows: Sequence[int], annual: Sequence[AnnualPay]) -> None:
        full_time, part_time = self.full_time, self.part_time
        for i, role, salary, hours in annual:
            group = (role, salary)
            full = hours > FULL_TIME_FROM
            if full:
                full_time[group] += 1
            if hours < PART_TIME_BELOW:
                part_time.append((rows[i], group, full, salary))

    def finish(self, sink: ChunkSink) -> None:
        """Warn on each part-time record whose group has a full-time record other than itself.

        A record of 36.5 hours is both; ASC-WDS compares it with itself and warns, careforce does not (ADR 0060).
        """
        full_time = self.full_time
        for row, group, full, salary in self.part_time:
            if full_time[group] > full:
                sink.add_at(row, "SALARY", SAME_SALARY, f"{salary:f}")
