"""Downloads hold exactly the table the page shows, in CSV, XLSX and ODS, and nothing about a person."""

import io
import re
import zipfile

import pytest
from test_intelligence_helpers import COVENTRY, REGION, assert_same_table, csv_rows, ods_rows, page_table, xlsx_rows

from careforce.domain.metrics import MEASURES
from careforce.workforce.models import Worker

pytestmark = pytest.mark.django_db
READERS = {"csv": csv_rows, "xlsx": xlsx_rows, "ods": ods_rows}
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
@pytest.mark.parametrize(
    ("measure", "by"),
    [("gender", "main_service"), ("turnover-rate", "job_role"), ("median-hourly-pay", ""), ("vacancy-rate", "trend")],
)
def test_each_download_holds_exactly_the_table_on_the_page(as_analyst, fmt, measure, by):
    path = f"/intelligence/measures/{COVENTRY}/{measure}"
    shown = page_table(as_analyst.get(path, {"by": by}))
    response = as_analyst.get(f"{path}.{fmt}", {"by": by})
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    split = (by or "none").replace("_", "-")
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="careforce-{measure}-{COVENTRY}-{split}-2026-11-01.{fmt}"'
    )
    assert_same_table(shown, READERS[fmt](response.content))


def test_the_page_links_to_its_three_downloads_with_the_same_breakdown(as_analyst):
    from bs4 import BeautifulSoup

    response = as_analyst.get(f"/intelligence/measures/{COVENTRY}/gender", {"by": "sector"})
    links = [a["href"] for a in BeautifulSoup(response.content, "html.parser").select("main a[download]")]
    assert links == [f"/intelligence/measures/{COVENTRY}/gender.{f}?by=sector" for f in ("csv", "xlsx", "ods")]


def _text_of(fmt: str, content: bytes) -> str:
    if fmt == "csv":
        return content.decode("utf-8-sig")
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))


def test_no_download_holds_a_worker_reference_or_a_date_of_birth(as_analyst, as_lead):
    births = {
        d.isoformat()
        for d in Worker.objects.filter(date_of_birth__isnull=False).values_list("date_of_birth", flat=True)
    }
    references = re.compile(r"\b[WL]\d{6}\b")
    for client, area, splits in (
        (as_analyst, COVENTRY, ("", "job_role", "trend")),
        (as_lead, REGION, ("council", "main_service")),
    ):
        for m in MEASURES:
            for by in splits:
                for fmt in ("csv", "xlsx", "ods") if m.id in ("age_band", "headcount") else ("csv",):
                    text = _text_of(
                        fmt,
                        client.get(f"/intelligence/measures/{area}/{m.id.replace('_', '-')}.{fmt}", {"by": by}).content,
                    )
                    assert not references.search(text), (m.id, by, fmt)
                    assert not any(day in text for day in births), (m.id, by, fmt)
