"""The manager's long lists stay right after being made quick on the full region (ADR 0130): the staff count
of each workplace, the workplaces counted without reading their staff, and training due counted once."""

import re
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careforce.accounts.models import User
from careforce.workforce import queries
from careforce.workforce.models import Worker, Workplace

pytestmark = pytest.mark.django_db
MANAGER = "manager@demo.careforce.test"


def _rows(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return page, [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in page.select("table tbody tr")]


def test_each_workplace_shows_its_current_staff_leavers_left_out_and_none_as_0(as_manager):  # type: ignore[no-untyped-def]
    own = Workplace.objects.filter(organisation__users__username=MANAGER).order_by("name", "pk")
    empty, with_leaver = own[0], own[1]
    Worker.objects.filter(workplace=empty).update(left_on=date(2026, 1, 31))
    leaver = Worker.objects.filter(workplace=with_leaver).first()
    leaver.left_on = date(2026, 2, 28)
    leaver.save()
    _page, rows = _rows(as_manager.get("/provider/workplaces?sort=staff&order=asc"))
    shown = {r[0]: int(r[4].replace(",", "")) for r in rows}
    assert shown[empty.name] == 0
    for workplace in own:
        if workplace.name in shown:
            expected = Worker.objects.filter(workplace=workplace, left_on__isnull=True).count()
            assert shown[workplace.name] == expected, workplace.name


def test_the_workplaces_are_counted_and_offered_as_filters_without_reading_their_staff(as_manager):  # type: ignore[no-untyped-def]
    as_manager.get("/provider/workplaces")
    with CaptureQueriesContext(connection) as captured:
        as_manager.get("/provider/workplaces")
        as_manager.get("/provider/training-due")
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    workplace_count = next(sql for sql in counts if '"workforce_trainingrecord"' not in sql)
    assert '"workforce_worker"' not in workplace_count
    options = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].lstrip().startswith('SELECT "workforce_workplace"."id" AS "pk", "workforce_workplace"."name"')
    ]
    assert options and all('"workforce_worker"' not in sql for sql in options)
    training_counts = [sql for sql in counts if '"workforce_trainingrecord"' in sql]
    assert len(training_counts) == 1  # the expired and total counts, which the page numbers reuse


def test_training_due_says_how_many_records_there_are_as_the_database_counts_them(as_manager):  # type: ignore[no-untyped-def]
    page, rows = _rows(as_manager.get("/provider/training-due"))
    caption = page.select_one("table caption").get_text(strip=True)
    total = int(re.search(r"of ([\d,]+) training records", caption).group(1).replace(",", ""))
    assert total == queries.training_expiring_for(User.objects.get(username=MANAGER)).count()
    last = -(-total // 50)
    _end, last_rows = _rows(as_manager.get(f"/provider/training-due?page={last}"))
    assert len(last_rows) == total - 50 * (last - 1) and len(rows) == 50
