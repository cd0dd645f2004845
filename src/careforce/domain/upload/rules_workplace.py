"""Row rules for the workplace file: keys, status, name and address, type, CQC regulation, services.

Staffing (job roles, starters, leavers, vacancies), pay and pensions and the care workforce pathway
columns are checked in :mod:`rules_workplace_staffing`.
"""

from __future__ import annotations

import re
from typing import Any

from careforce.domain.reference import HEAD_OFFICE, code_list
from careforce.domain.upload.cells import INVALID, code_table, list_codes, parse_code, parse_int, split_list
from careforce.domain.upload.layouts import Layout
from careforce.domain.upload.messages import Message, ascwds
from careforce.domain.upload.records import Status, WorkplaceRecord, WorkplaceRow
from careforce.domain.upload.rules_common import STATUSES, Sink, identifier, text_cell
from careforce.domain.upload.rules_workplace_staffing import StaffingRules

F = "workplace"
ID_LIMIT = 49
OTHER_TYPE = 8
CQC_ID = re.compile(r"\d-\d{8,12}")
POSTCODE = re.compile(r"[A-Za-z]{1,2}[0-9][0-9A-Za-z]?\s*[0-9][A-Za-z]{2}")

M_LOCAL_MISSING = ascwds(F, "LOCALESTID", "not been supplied")
M_LOCAL_LONG = ascwds(F, "LOCALESTID", "longer than")
M_STATUS_BLANK = ascwds(F, "STATUS", "is blank")
M_STATUS = ascwds(F, "STATUS", "incorrect")
TEXT_RULES: tuple[tuple[str, str, int, bool, Message, Message | None], ...] = (
    ("ESTNAME", "name", 120, True, ascwds(F, "ESTNAME", "longer"), ascwds(F, "ESTNAME", "not been supplied")),
    ("ADDRESS1", "address_line_1", 40, True, ascwds(F, "ADDRESS1", "longer"), ascwds(F, "ADDRESS1", "blank")),
    ("ADDRESS2", "address_line_2", 40, False, ascwds(F, "ADDRESS2", "longer"), None),
    ("ADDRESS3", "address_line_3", 40, False, ascwds(F, "ADDRESS3", "longer"), None),
    ("POSTTOWN", "post_town", 40, False, ascwds(F, "POSTTOWN", "longer"), None),
)
M_POSTCODE_MISSING = ascwds(F, "POSTCODE", "not been supplied")
M_POSTCODE_LONG = ascwds(F, "POSTCODE", "longer than")
M_POSTCODE = ascwds(F, "POSTCODE", "incorrectly formatted")
M_TYPE_MISSING = ascwds(F, "ESTTYPE", "not been supplied")
M_TYPE = ascwds(F, "ESTTYPE", "incorrect")
M_OTHER_MISSING = ascwds(F, "OTHERTYPE", "not been supplied")
M_OTHER_LONG = ascwds(F, "OTHERTYPE", "longer than")
M_OTHER_IGNORED = ascwds(F, "OTHERTYPE", "ignored")
M_PERMCQC = ascwds(F, "PERMCQC", "incorrect")
M_PERMLA = ascwds(F, "PERMLA", "incorrect")
M_REG_MISSING = ascwds(F, "REGTYPE", "not been supplied")
M_REG = ascwds(F, "REGTYPE", "incorrect")
M_REG_NOT_CQC = ascwds(F, "REGTYPE", "no CQC regulated services")
M_REG_CQC = ascwds(F, "REGTYPE", "(Non-CQC)")
M_PROV_MISSING = ascwds(F, "PROVNUM", "not been supplied")
M_PROV = ascwds(F, "PROVNUM", "incorrectly formatted")
M_PROV_IGNORED = ascwds(F, "PROVNUM", "ignored")
M_LOCATION_MISSING = ascwds(F, "LOCATIONID", "not been supplied")
M_LOCATION = ascwds(F, "LOCATIONID", "incorrectly formatted")
M_LOCATION_IGNORED = ascwds(F, "LOCATIONID", "ignored")
M_MAIN_MISSING = ascwds(F, "MAINSERVICE", "not been supplied")
M_MAIN = ascwds(F, "MAINSERVICE", "incorrect")
M_ALL_EMPTY = ascwds(F, "ALLSERVICES", "empty element")
M_ALL_UNKNOWN = ascwds(F, "ALLSERVICES", "is unknown")
M_ALL_NO_MAIN = ascwds(F, "ALLSERVICES", "MAINSERVICE is not included")
M_ALL_NONE = ascwds(F, "ALLSERVICES", "is 0 (none)")
M_ALL_COUNTS = ascwds(F, "ALLSERVICES", "same number of items")
M_ALL_COUNTS_COLUMNS = "ALLSERVICES/CAPACITY/UTILISATION/SERVICEDESC"
M_CAPACITY_COUNTS = ascwds(F, "CAPACITY/UTILISATION", "must equal the number of all services")
M_DESC_LONG = ascwds(F, "SERVICEDESC", "longer than 120")
M_CAPACITY = ascwds(F, "CAPACITY", "must be whole numbers")
M_UTILISATION = ascwds(F, "UTILISATION", "must be whole numbers")
M_CAPACITY_UNEXPECTED = ascwds(F, "CAPACITY", "unexpected capacity")
M_UTILISATION_UNEXPECTED = ascwds(F, "UTILISATION", "not required for this service")
M_USERS_IGNORED = ascwds(F, "SERVICEUSERS", "${thisService}")
M_USERS_COUNTS = ascwds(F, "SERVICEUSERS", "same number of items")
M_USER_DESC_MISSING = ascwds(F, "OTHERUSERDESC", "not been supplied")
M_USER_DESC_LONG = ascwds(F, "OTHERUSERDESC", "must not be greater")

ZERO_ONE = code_table((0, 1))
REGTYPES = code_table((0, 2))


def aligned_items(cell: str, services: list[str]) -> list[str]:
    """The items of CAPACITY, UTILISATION or SERVICEDESC as ASC-WDS counts them against ALLSERVICES.

    Split on ``;`` (a blank cell is one blank item). With one service, or "none" (``0``) and two items,
    only numbers count (at least one blank item remains), and a ``0`` placed under the "none" is dropped
    (workplaceCSVValidator.js, ``_prepArray``, ``_ignoreZerosIfNo``, ``_checkForTrailingSemiColon``).
    """
    parts = [part.strip() for part in cell.split(";")]
    has_none = "0" in services
    if has_none and len(parts) == 2 and len(services) == 2:
        at = services.index("0")
        parts[at] = "" if parts[at] == "0" else parts[at]
    if (has_none and len(parts) == 2) or len(services) == 1:
        numbers = [part for part in parts if part.lstrip("-").isdigit()]
        return numbers or [""]
    return parts


class WorkplaceRules:
    """Checks workplace-file rows and turns them into :class:`WorkplaceRow`."""

    def __init__(self, layout: Layout, sink: Sink) -> None:
        self.sink = sink
        self.ix = layout.index
        services = code_list("main_services")
        self.services = code_table(c.code for c in services)
        self.main_services = code_table(c.code for c in services if c.extra.get("can_be_main_service") == "yes")
        self.regulated_main = frozenset(
            c.code for c in services if c.extra.get("counts_as_cqc_regulated_main_service_for_regtype") == "yes"
        )
        self.with_capacity = frozenset(c.code for c in services if c.extra.get("capacity_question"))
        self.with_utilisation = frozenset(c.code for c in services if c.extra.get("utilisation_question"))
        self.with_description = frozenset(c.code for c in services if c.extra.get("other_description_allowed") == "yes")
        self.types = code_table(list_codes("establishment_type"))
        users = code_list("service_users")
        self.users = code_table(c.code for c in users)
        self.users_with_description = frozenset(
            c.code for c in users if c.extra.get("other_description_allowed") == "yes"
        )
        self.staffing = StaffingRules(layout, sink)

    def cell(self, cells: list[str], column: str) -> str:
        return cells[self.ix[column]]

    def check(self, row: int, cells: list[str]) -> WorkplaceRow | None:
        sink = self.sink
        sink.row, sink.row_has_error = row, False
        local = identifier(sink, "LOCALESTID", self.cell(cells, "LOCALESTID"), M_LOCAL_MISSING, M_LOCAL_LONG, ID_LIMIT)
        status_cell = self.cell(cells, "STATUS").strip()
        status = STATUSES.get(status_cell.upper())
        if status is None:
            sink.add(M_STATUS if status_cell else M_STATUS_BLANK, "STATUS", status_cell)
        if local is None or status is None:
            return None
        if status in (Status.DELETE, Status.NOCHANGE):
            return WorkplaceRow(row, status, local, None)
        values: dict[str, Any] = {"local_identifier": local}
        self._name_and_address(cells, values)
        self._type_and_regulation(cells, values)
        self._services(cells, values)
        self._service_users(cells, values)
        self.staffing.check(cells, values)
        if sink.row_has_error:
            return None
        return WorkplaceRow(row, status, local, WorkplaceRecord(**values))

    def _name_and_address(self, cells: list[str], values: dict[str, Any]) -> None:
        sink = self.sink
        for column, name, limit, required, too_long, missing in TEXT_RULES:
            text = text_cell(sink, column, self.cell(cells, column))
            if text is INVALID:
                continue
            if not text and required and missing is not None:
                sink.add(missing, column)
            elif len(text) > limit:
                sink.add(too_long, column, text)
            values[name] = text
        postcode = self.cell(cells, "POSTCODE").strip()
        if not postcode:
            sink.add(M_POSTCODE_MISSING, "POSTCODE")
        elif len(postcode) > 10:
            sink.add(M_POSTCODE_LONG, "POSTCODE", postcode)
        elif not POSTCODE.fullmatch(postcode):
            sink.add(M_POSTCODE, "POSTCODE", postcode)
        values["postcode"] = postcode.upper()

    def code(self, cells: list[str], column: str, table: dict[str, int], bad: Message) -> int | None:
        cell = self.cell(cells, column)
        found = parse_code(table, cell)
        if found is INVALID:
            self.sink.add(bad, column, cell)
            return None
        return found

    def _type_and_regulation(self, cells: list[str], values: dict[str, Any]) -> None:
        sink = self.sink
        if not self.cell(cells, "ESTTYPE").strip():
            sink.add(M_TYPE_MISSING, "ESTTYPE")
        kind = self.code(cells, "ESTTYPE", self.types, M_TYPE)
        values["establishment_type"] = kind
        other = text_cell(sink, "OTHERTYPE", self.cell(cells, "OTHERTYPE"))
        if other is not INVALID:
            if kind == OTHER_TYPE and not other:
                sink.add(M_OTHER_MISSING, "OTHERTYPE")
            elif len(other) > 240:
                sink.add(M_OTHER_LONG, "OTHERTYPE", other)
            elif other and kind != OTHER_TYPE:
                sink.add(M_OTHER_IGNORED, "OTHERTYPE", other)
            else:
                values["establishment_type_other"] = other
        values["share_with_cqc"] = self.code(cells, "PERMCQC", ZERO_ONE, M_PERMCQC)
        values["share_with_local_authority"] = self.code(cells, "PERMLA", ZERO_ONE, M_PERMLA)
        if not self.cell(cells, "REGTYPE").strip():
            sink.add(M_REG_MISSING, "REGTYPE")
        regtype = self.code(cells, "REGTYPE", REGTYPES, M_REG)
        values["cqc_regulated"] = regtype == 2
        main_cell = self.cell(cells, "MAINSERVICE")
        if not main_cell.strip():
            sink.add(M_MAIN_MISSING, "MAINSERVICE")
        main = self.code(cells, "MAINSERVICE", self.main_services, M_MAIN)
        values["main_service"] = main
        if regtype == 2 and main is not None and main not in self.regulated_main and main != HEAD_OFFICE:
            sink.add(M_REG_NOT_CQC, "REGTYPE", self.cell(cells, "REGTYPE"))
        elif regtype == 0 and main in self.regulated_main:
            sink.add(M_REG_CQC, "REGTYPE", self.cell(cells, "REGTYPE"))
        for column, name, missing, bad, ignored in (
            ("PROVNUM", "cqc_provider_id", M_PROV_MISSING, M_PROV, M_PROV_IGNORED),
            ("LOCATIONID", "cqc_location_id", M_LOCATION_MISSING, M_LOCATION, M_LOCATION_IGNORED),
        ):
            cqc_id = self.cell(cells, column).strip()
            if regtype != 2:
                if cqc_id:
                    sink.add(ignored, column, cqc_id)
            elif not cqc_id:
                if column == "PROVNUM" or main != HEAD_OFFICE:
                    sink.add(missing, column)
            elif not CQC_ID.fullmatch(cqc_id):
                sink.add(bad, column, cqc_id)
            else:
                values[name] = cqc_id

    def _services(self, cells: list[str], values: dict[str, Any]) -> None:
        sink = self.sink
        main = values.get("main_service")
        cell = self.cell(cells, "ALLSERVICES")
        items = split_list(cell)
        services: list[int] = []
        for item in items:
            if not item:
                sink.add(M_ALL_EMPTY, "ALLSERVICES", cell)
                return
            code = 0 if item == "0" else self.services.get(item)
            if code is None:
                sink.add(M_ALL_UNKNOWN, "ALLSERVICES", cell, item)
                return
            services.append(code)
        if main is not None and main not in services:
            sink.add(M_ALL_NO_MAIN, "ALLSERVICES", cell)
            return
        if 0 in services and any(s not in (0, main) for s in services):
            sink.add(M_ALL_NONE, "ALLSERVICES", cell)
            return
        values["other_services"] = tuple(s for s in services if s not in (0, main))
        counted = {c: aligned_items(self.cell(cells, c), items) for c in ("CAPACITY", "UTILISATION", "SERVICEDESC")}
        provided = len([s for s in services if s != 0])
        if len(counted["SERVICEDESC"]) != provided:
            sink.add(M_ALL_COUNTS, M_ALL_COUNTS_COLUMNS, self.cell(cells, "SERVICEDESC"))
            return
        if any(len(counted[c]) != provided for c in ("CAPACITY", "UTILISATION")):
            sink.add(M_CAPACITY_COUNTS, "CAPACITY/UTILISATION", f"{self.cell(cells, 'CAPACITY')} - {cell}")
            return
        # values are read by position in ALLSERVICES, the "none" included
        aligned = {c: [part.strip() for part in self.cell(cells, c).split(";")] for c in counted}
        for column, name, allowed, bad, unexpected in (
            ("CAPACITY", "capacity", self.with_capacity, M_CAPACITY, M_CAPACITY_UNEXPECTED),
            ("UTILISATION", "utilisation", self.with_utilisation, M_UTILISATION, M_UTILISATION_UNEXPECTED),
        ):
            counts: dict[int, int] = {}
            for service, part in zip(services, aligned[column], strict=False):
                if not part:
                    continue
                number = parse_int(part)
                if number is None or number is INVALID or number >= 9999:
                    sink.add(bad, column, self.cell(cells, column))
                elif service not in allowed:
                    sink.add(unexpected, column, self.cell(cells, column), service)
                else:
                    counts[service] = number
            values[name] = counts
        descriptions: dict[int, str] = {}
        for service, part in zip(services, aligned["SERVICEDESC"], strict=False):
            text = text_cell(sink, "SERVICEDESC", part)
            if text is INVALID or not text:
                continue
            if len(text) > 120:
                sink.add(M_DESC_LONG, "SERVICEDESC", text)
            elif service in self.with_description:
                descriptions[service] = text
        values["service_descriptions"] = descriptions

    def _service_users(self, cells: list[str], values: dict[str, Any]) -> None:
        sink = self.sink
        cell = self.cell(cells, "SERVICEUSERS")
        items = split_list(cell)
        descriptions_cell = self.cell(cells, "OTHERUSERDESC")
        descriptions = [part.strip() for part in descriptions_cell.split(";")]
        # ASC-WDS counts the items of both, a blank OTHERUSERDESC being one blank item, once every code is a
        # number (workplaceCSVValidator.js, _validateServiceUsers)
        if items and all(item.isdigit() for item in items) and len(descriptions) != len(items):
            sink.add(M_USERS_COUNTS, "SERVICEUSERS/OTHERUSERDESC", f"{cell} - {descriptions_cell}")
            return
        users: list[int] = []
        described: dict[int, str] = {}
        for position, item in enumerate(items):
            code = self.users.get(item)
            if code is None:
                sink.add(M_USERS_IGNORED, "SERVICEUSERS", cell, item)
                continue
            users.append(code)
            if code in self.users_with_description:
                text = text_cell(sink, "OTHERUSERDESC", descriptions[position] if descriptions else "")
                if text is INVALID:
                    continue
                if not text:
                    sink.add(
                        M_USER_DESC_MISSING.with_text(M_USER_DESC_MISSING.text.replace("(n)", f"({position + 1})")),
                        "OTHERUSERDESC",
                        descriptions_cell,
                    )
                elif len(text) > 120:
                    sink.add(M_USER_DESC_LONG, "OTHERUSERDESC", text)
                else:
                    described[code] = text
        values["service_users"] = tuple(users)
        values["service_user_descriptions"] = described
