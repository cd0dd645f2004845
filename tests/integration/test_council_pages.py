import pytest
from bs4 import BeautifulSoup
from django.db.models import Count

from careforce.workforce.models import Worker, Workplace

pytestmark = pytest.mark.django_db
COVENTRY = "E08000026"


def _cells(response):  # type: ignore[no-untyped-def]
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        row.select_one("th").get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")]
        for row in soup.select_one("table").select("tbody tr")
    }


def test_council_analyst_sees_counts_of_providers_locations_and_staff_in_their_area(as_analyst):
    cells = _cells(as_analyst.get("/intelligence/area"))
    places = Workplace.objects.filter(council_id=COVENTRY)
    assert cells["Care providers"] == [f"{places.values('organisation').distinct().count():,}"]
    assert cells["Locations"] == [f"{places.count():,}"]
    staff = Worker.objects.filter(workplace__council_id=COVENTRY, left_on__isnull=True).count()
    assert cells["Current staff"] == [f"{staff:,}"]


def test_council_analyst_cannot_see_another_council_or_any_worker_record(as_analyst):
    assert as_analyst.get("/intelligence/councils/E08000025").status_code == 404
    worker = Worker.objects.filter(workplace__council_id=COVENTRY).first()
    assert as_analyst.get(f"/provider/workers/{worker.pk}").status_code == 403
    assert as_analyst.get(f"/provider/workplaces/{worker.workplace_id}/staff").status_code == 403


def test_regional_lead_sees_every_council_side_by_side_and_the_region_total(as_lead):
    cells = _cells(as_lead.get("/intelligence/region"))
    assert len(cells) == 15 and "West Midlands" in cells
    staff = Worker.objects.filter(left_on__isnull=True).count()
    assert cells["West Midlands"][2] == f"{staff:,}"
    assert as_lead.get(f"/intelligence/councils/{COVENTRY}").status_code == 200


def test_region_page_gives_the_headline_new_jobs_beside_the_2019_figure_and_recruits_needed(as_lead):
    text = BeautifulSoup(as_lead.get("/intelligence/region").content, "html.parser").get_text(" ", strip=True)
    assert "New care jobs in the West Midlands" in text
    assert "45,000" in text and "All recruits needed" in text
    assert "People new to care recruited" in text and "Moves within the sector" in text


def _region_cell(client, column):  # type: ignore[no-untyped-def]
    cells = _cells(client.get("/intelligence/region"))
    return {name: int(values[column].replace(",", "")) for name, values in cells.items()}


def test_the_region_counts_each_care_provider_once_and_says_so(as_lead):
    providers = _region_cell(as_lead, 0)
    assert providers["West Midlands"] == Workplace.objects.values("organisation").distinct().count()
    councils = sum(n for name, n in providers.items() if name != "West Midlands")
    assert councils > providers["West Midlands"]  # the demo has providers in several councils
    text = BeautifulSoup(as_lead.get("/intelligence/region").content, "html.parser").get_text(" ", strip=True)
    assert f"add up to more than the region's ({councils - providers['West Midlands']:,} more)" in text


def test_a_provider_opening_a_location_in_a_second_council_counts_once_more_there_and_not_in_the_region(as_lead):
    from careforce.region.models import District

    only_in_one = (
        Workplace.objects.values("organisation")
        .annotate(n=Count("council", distinct=True))
        .filter(n=1)
        .order_by("organisation")
        .first()
    )
    place = Workplace.objects.filter(organisation=only_in_one["organisation"]).first()
    elsewhere = District.objects.exclude(council_id=place.council_id).select_related("council").first()
    before = _region_cell(as_lead, 0)
    place.pk = None
    place.local_identifier = "second-council"
    place.council, place.district = elsewhere.council, elsewhere
    place.save()
    after = _region_cell(as_lead, 0)
    assert after[elsewhere.council.name] == before[elsewhere.council.name] + 1
    assert after["West Midlands"] == before["West Midlands"]
    locations = _region_cell(as_lead, 1)
    assert locations["West Midlands"] == sum(n for name, n in locations.items() if name != "West Midlands")


def test_councils_staff_and_locations_add_up_to_the_region(as_lead):
    for column in (1, 2):
        cells = _region_cell(as_lead, column)
        assert cells["West Midlands"] == sum(n for name, n in cells.items() if name != "West Midlands")
