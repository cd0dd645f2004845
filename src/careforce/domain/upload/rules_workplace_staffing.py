"""Workplace-file rules for staffing, delegated healthcare, pay and pensions and the care workforce pathway."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from careforce.domain.reference import HEAD_OFFICE, REGISTERED_MANAGER, code_list
from careforce.domain.upload.cells import INVALID, code_table, list_codes, parse_code, parse_decimal, split_list
from careforce.domain.upload.layouts import Layout
from careforce.domain.upload.messages import Message, ascwds
from careforce.domain.upload.records import DONT_KNOW, RoleCounts
from careforce.domain.upload.rules_common import Sink, text_cell

F = "workplace"
OTHER_REASON = 10
DIFFERENT_TRAVEL_RATE = 3

M_TOTAL_MISSING = ascwds(F, "TOTALPERMTEMP", "missing")
# ASC-WDS adds "if this is correct call support on <their number>": not our service's support line
M_TOTAL = ascwds(F, "TOTALPERMTEMP", "must be a number").with_text("TOTALPERMTEMP must be a number from 0 to 999")
M_TOTAL_ZERO = ascwds(F, "TOTALPERMTEMP", "cannot be 0")
M_ROLES_BLANK = ascwds(F, "ALLJOBROLES", "cannot be blank")
M_ROLES_NUMBERS = ascwds(F, "ALLJOBROLES", "whole numbers")
M_ROLES = ascwds(F, "ALLJOBROLES", "incorrect")
COUNT_RULES: tuple[tuple[str, str, Message, Message, Message], ...] = (
    (
        "STARTERS",
        "starters",
        ascwds(F, "STARTERS", "same number"),
        ascwds(F, "STARTERS", "whole numbers"),
        ascwds(F, "STARTERS", "expected range"),
    ),
    (
        "LEAVERS",
        "leavers",
        ascwds(F, "LEAVERS", "same number"),
        ascwds(F, "LEAVERS", "whole numbers"),
        ascwds(F, "LEAVERS", "expected range"),
    ),
    (
        "VACANCIES",
        "vacancies",
        ascwds(F, "VACANCIES", "same number"),
        ascwds(F, "VACANCIES", "whole numbers"),
        ascwds(F, "VACANCIES", "expected range"),
    ),
)
M_RM_VACANCY = ascwds(F, "VACANCY", "Registered Manager")
M_REASONS = ascwds(F, "REASONS", "incorrect code")
M_REASONS_COUNTS = ascwds(F, "REASONS", "same number")
M_REASON_NUMBERS = ascwds(F, "REASONNOS", "whole numbers")
M_REASON_TOTAL = ascwds(F, "REASONNOS", "does not equal")
M_DHA = ascwds(F, "DHA", "incorrect")
M_DHA_SERVICE = ascwds(F, "DHA", "main service cannot")
M_DHA_ACTIVITIES_IGNORED = ascwds(F, "DHAACTIVITIES", "not set to 1")
M_DHA_ACTIVITIES_ALL = ascwds(F, "DHAACTIVITIES", "are invalid")
M_DHA_ACTIVITIES_SOME = ascwds(F, "DHAACTIVITIES", "Some codes")
M_REPEAT = ascwds(F, "REPEATTRAINING", "incorrect")
M_CWP_AWARE = ascwds(F, "CWPAWARE", "incorrect")
M_CWP_USE = ascwds(F, "CWPUSE", "CWPUSE is incorrect")
M_CWP_REASON = ascwds(F, "CWPUSE", "reason")
M_CWP_DESC_LONG = ascwds(F, "CWPUSEDESC", "longer than")
M_CWP_DESC_IGNORED = ascwds(F, "CWPUSEDESC", "not selected")
M_SICK = ascwds(F, "SICKPAY", "incorrect")
M_PENSION = ascwds(F, "PENSION", "incorrect")
M_CONTRIBUTION = ascwds(F, "ACTUALCONT", "higher than 3")
M_CONTRIBUTION_IGNORED = ascwds(F, "ACTUALCONT", "PENSION is not")
M_OPT_OUT = ascwds(F, "OPTOUTPEN", "incorrect")
M_HOLIDAY = ascwds(F, "HOLIDAY", "incorrect")
M_SLEEP = ascwds(F, "SLEEPINS", "incorrect")
M_SLEEP_SERVICE = ascwds(F, "SLEEPINS", "main service")
M_SLEEP_PAY = ascwds(F, "SLEEPINPAY", "incorrect")
M_SLEEP_PAY_IGNORED = ascwds(F, "SLEEPINPAY", "not set to 1")
M_SLEEP_PAY_SERVICE = ascwds(F, "SLEEPINPAY", "main service")
M_TRAVEL = ascwds(F, "TRAVELTIME", "incorrect")
M_TRAVEL_SERVICE = ascwds(F, "TRAVELTIME", "main service")
M_RATE = ascwds(F, "TTDIFFRATE", "between")
M_RATE_IGNORED = ascwds(F, "TTDIFFRATE", "is not 3")
M_RATE_SERVICE = ascwds(F, "TTDIFFRATE", "main service")

YES_NO_DONT_KNOW = code_table((1, 2, DONT_KNOW))
SICK_PAY_PENSION = {"0": "0", "1": "1", "unknown": "unknown"}


class StaffingRules:
    def __init__(self, layout: Layout, sink: Sink) -> None:
        self.ix = layout.index
        self.sink = sink
        self.roles = code_table(list_codes("job_roles"))
        services = code_list("main_services")
        self.services_without_dha = frozenset(
            c.code for c in services if c.extra.get("can_do_delegated_healthcare_activities") == "no"
        )
        self.sleep_in_services = frozenset(
            c.code for c in services if c.extra.get("pay_and_pensions_group") in ("1", "2")
        )
        self.travel_services = frozenset(c.code for c in services if c.extra.get("pay_and_pensions_group") == "1")
        self.dha_activities = code_table(list_codes("delegated_healthcare_activities"))
        self.repeat_training = code_table(list_codes("repeat_training"))
        self.cwp_awareness = code_table(list_codes("cwp_awareness"))
        self.cwp_reasons = code_table(list_codes("cwp_use_reasons"))
        self.travel = code_table(list_codes("travel_time_pay"))

    def cell(self, cells: list[str], column: str) -> str:
        return cells[self.ix[column]]

    def code(self, cells: list[str], column: str, table: dict[str, int], bad: Message) -> int | None:
        cell = self.cell(cells, column)
        found = parse_code(table, cell)
        if found is INVALID:
            self.sink.add(bad, column, cell)
            return None
        return found

    def check(self, cells: list[str], values: dict[str, Any]) -> None:
        self._total(cells, values)
        self._jobs(cells, values)
        self._delegated_healthcare(cells, values)
        self._pathway(cells, values)
        self._pay_and_pensions(cells, values)

    def _total(self, cells: list[str], values: dict[str, Any]) -> None:
        cell = self.cell(cells, "TOTALPERMTEMP").strip()
        if not cell:
            self.sink.add(M_TOTAL_MISSING, "TOTALPERMTEMP")
        elif not (cell.isdigit() and int(cell) <= 999):
            self.sink.add(M_TOTAL, "TOTALPERMTEMP", cell)
        elif int(cell) == 0 and values.get("main_service") != HEAD_OFFICE:
            self.sink.add(M_TOTAL_ZERO, "TOTALPERMTEMP", cell)
        else:
            values["total_perm_temp"] = int(cell)

    def _jobs(self, cells: list[str], values: dict[str, Any]) -> None:
        sink = self.sink
        roles_cell = self.cell(cells, "ALLJOBROLES")
        roles: list[int] = []
        for item in split_list(roles_cell):
            if not item.isdigit():
                sink.add(M_ROLES_NUMBERS, "ALLJOBROLES", roles_cell)
                return
            if item not in self.roles:
                sink.add(M_ROLES, "ALLJOBROLES", roles_cell)
                return
            roles.append(self.roles[item])
        values["job_roles"] = tuple(roles)
        total = values.get("total_perm_temp")
        for column, name, mismatch, bad, out_of_range in COUNT_RULES:
            cell = self.cell(cells, column)
            items = split_list(cell)
            counts: RoleCounts = None
            if items == [str(DONT_KNOW)]:
                counts = "dont_know"
            elif items:
                if not all(i.isdigit() and int(i) < DONT_KNOW for i in items):
                    sink.add(bad, column, cell)
                    continue
                if not roles and any(int(i) for i in items):
                    sink.add(M_ROLES_BLANK, "ALLJOBROLES", roles_cell)
                    continue
                if len(items) != len(roles):
                    sink.add(mismatch, column, cell)
                    continue
                counts = {role: int(i) for role, i in zip(roles, items, strict=True)}
                if name == "vacancies" and counts.get(REGISTERED_MANAGER) and not values.get("cqc_regulated"):
                    sink.add(M_RM_VACANCY, column, cell)
                    counts[REGISTERED_MANAGER] = 0
                added = sum(counts.values())
                if total is not None and added and (added > total if name == "starters" else added >= total):
                    sink.add(out_of_range, column, cell)
            values[name] = counts
        leavers = values.get("leavers")
        if isinstance(leavers, dict) and sum(leavers.values()) > 0:
            self._reasons(cells, values, sum(leavers.values()))

    def _reasons(self, cells: list[str], values: dict[str, Any], leavers: int) -> None:
        sink = self.sink
        reasons_cell, numbers_cell = self.cell(cells, "REASONS"), self.cell(cells, "REASONNOS")
        reasons, numbers = split_list(reasons_cell), split_list(numbers_cell)
        if not reasons and not numbers:
            return
        if len(reasons) != len(numbers):
            sink.add(M_REASONS_COUNTS, "REASONS", reasons_cell)
        elif not all(r.isdigit() and int(r) > 0 for r in reasons):
            sink.add(M_REASONS, "REASONS", reasons_cell)
        elif not all(n.isdigit() for n in numbers):
            sink.add(M_REASON_NUMBERS, "REASONNOS", numbers_cell)
        elif sum(int(n) for n in numbers) != leavers:
            sink.add(M_REASON_TOTAL, "REASONNOS", numbers_cell)
        else:
            values["reasons_for_leaving"] = {int(r): int(n) for r, n in zip(reasons, numbers, strict=True)}

    def _delegated_healthcare(self, cells: list[str], values: dict[str, Any]) -> None:
        sink = self.sink
        dha = self.code(cells, "DHA", YES_NO_DONT_KNOW, M_DHA)
        if dha is not None and values.get("main_service") in self.services_without_dha:
            sink.add(M_DHA_SERVICE, "DHA", self.cell(cells, "DHA"))
            dha = None
        values["staff_do_delegated_healthcare_activities"] = dha
        cell = self.cell(cells, "DHAACTIVITIES")
        items = split_list(cell)
        if not items:
            return
        if dha != 1:
            sink.add(M_DHA_ACTIVITIES_IGNORED, "DHAACTIVITIES", cell)
            return
        known = [
            self.dha_activities[i] if i in self.dha_activities else DONT_KNOW
            for i in items
            if i in self.dha_activities or i == str(DONT_KNOW)
        ]
        if not known:
            sink.add(M_DHA_ACTIVITIES_ALL, "DHAACTIVITIES", cell)
        elif len(known) < len(items):
            sink.add(M_DHA_ACTIVITIES_SOME, "DHAACTIVITIES", cell)
        values["delegated_healthcare_activities"] = tuple(known)

    def _pathway(self, cells: list[str], values: dict[str, Any]) -> None:
        sink = self.sink
        values["repeat_training"] = self.code(cells, "REPEATTRAINING", self.repeat_training, M_REPEAT)
        values["cwp_awareness"] = self.code(cells, "CWPAWARE", self.cwp_awareness, M_CWP_AWARE)
        cell = self.cell(cells, "CWPUSE")
        items = split_list(cell)
        use = YES_NO_DONT_KNOW.get(items[0]) if items else None
        reasons: list[int] = []
        if items and (use is None or (use != 1 and len(items) > 1)):
            sink.add(M_CWP_USE, "CWPUSE", cell)
            use = None
        elif use == 1:
            reasons = [self.cwp_reasons[r] for r in items[1:] if r in self.cwp_reasons]
            if len(reasons) < len(items) - 1:
                sink.add(M_CWP_REASON, "CWPUSE", cell)
        values["cwp_use"], values["cwp_use_reasons"] = use, tuple(reasons)
        description = text_cell(sink, "CWPUSEDESC", self.cell(cells, "CWPUSEDESC"))
        if description is INVALID or not description:
            return
        if len(description) > 120:
            sink.add(M_CWP_DESC_LONG, "CWPUSEDESC", description)
        elif OTHER_REASON not in reasons:
            sink.add(M_CWP_DESC_IGNORED, "CWPUSEDESC", description)
        else:
            values["cwp_use_description"] = description

    def _yes_no_unknown(self, cells: list[str], column: str, bad: Message) -> str | None:
        cell = self.cell(cells, column).strip()
        if not cell:
            return None
        if cell.lower() not in SICK_PAY_PENSION:
            self.sink.add(bad, column, cell)
            return None
        return SICK_PAY_PENSION[cell.lower()]

    def _pay_and_pensions(self, cells: list[str], values: dict[str, Any]) -> None:
        sink = self.sink
        main = values.get("main_service")
        values["sick_pay"] = self._yes_no_unknown(cells, "SICKPAY", M_SICK)
        pension = values["pension"] = self._yes_no_unknown(cells, "PENSION", M_PENSION)
        cell = self.cell(cells, "ACTUALCONT").strip()
        if cell:
            contribution = parse_decimal(cell, max_places=2)
            if pension != "1":
                sink.add(M_CONTRIBUTION_IGNORED, "ACTUALCONT", cell)
            elif contribution is INVALID or contribution is None or not Decimal(3) < contribution <= 100:
                sink.add(M_CONTRIBUTION, "ACTUALCONT", cell)
            else:
                values["pension_contribution_percent"] = contribution
        values["pension_opt_out"] = self.code(cells, "OPTOUTPEN", YES_NO_DONT_KNOW, M_OPT_OUT)
        cell = self.cell(cells, "HOLIDAY").strip()
        if cell and not cell.isdigit():
            sink.add(M_HOLIDAY, "HOLIDAY", cell)
        elif cell:
            values["holiday_days"] = int(cell)
        sleep_ins = self.code(cells, "SLEEPINS", YES_NO_DONT_KNOW, M_SLEEP)
        sleep_pay = self.code(cells, "SLEEPINPAY", YES_NO_DONT_KNOW, M_SLEEP_PAY)
        if sleep_ins is not None and main not in self.sleep_in_services:
            sink.add(M_SLEEP_SERVICE, "SLEEPINS", self.cell(cells, "SLEEPINS"))
            sleep_ins = None
        if sleep_pay is not None and main not in self.sleep_in_services:
            sink.add(M_SLEEP_PAY_SERVICE, "SLEEPINPAY", self.cell(cells, "SLEEPINPAY"))
            sleep_pay = None
        elif sleep_pay is not None and sleep_ins != 1:
            sink.add(M_SLEEP_PAY_IGNORED, "SLEEPINPAY", self.cell(cells, "SLEEPINPAY"))
            sleep_pay = None
        values["sleep_ins"], values["sleep_in_pay"] = sleep_ins, sleep_pay
        travel = self.code(cells, "TRAVELTIME", self.travel, M_TRAVEL)
        if travel is not None and main not in self.travel_services:
            sink.add(M_TRAVEL_SERVICE, "TRAVELTIME", self.cell(cells, "TRAVELTIME"))
            travel = None
        values["travel_time_pay"] = travel
        cell = self.cell(cells, "TTDIFFRATE").strip()
        if cell:
            rate = parse_decimal(cell, max_places=2)
            if main not in self.travel_services:
                sink.add(M_RATE_SERVICE, "TTDIFFRATE", cell)
            elif travel != DIFFERENT_TRAVEL_RATE:
                sink.add(M_RATE_IGNORED, "TTDIFFRATE", cell)
            elif rate is INVALID or rate is None or not Decimal("2.5") <= rate <= 200:
                sink.add(M_RATE, "TTDIFFRATE", cell)
            else:
                values["travel_time_rate"] = rate
