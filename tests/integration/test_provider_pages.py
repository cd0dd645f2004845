import pytest
from bs4 import BeautifulSoup

from careforce.accounts.models import User
from careforce.workforce.models import Worker, Workplace

pytestmark = pytest.mark.django_db


def _manager():  # type: ignore[no-untyped-def]
    return User.objects.get(username="manager@demo.careforce.test")


def test_manager_sees_all_and_only_their_organisations_workplaces(as_manager):
    soup = BeautifulSoup(as_manager.get("/provider/workplaces").content, "html.parser")
    shown = {a.get_text(strip=True) for a in soup.select("tbody a")}
    own = set(Workplace.objects.filter(organisation=_manager().organisation).values_list("name", flat=True))
    assert shown == own and len(own) >= 1


def test_manager_sees_the_current_staff_list_of_their_workplace(as_manager):
    workplace = Workplace.objects.filter(organisation=_manager().organisation).first()
    soup = BeautifulSoup(as_manager.get(f"/provider/workplaces/{workplace.pk}/staff").content, "html.parser")
    current = Worker.objects.filter(workplace=workplace, left_on__isnull=True).count()
    assert soup.select_one("caption").get_text(strip=True) == f"{current:,} current staff"
    shown = [a.get_text(strip=True) for a in soup.select("tbody a")]
    assert len(shown) == min(current, 50)
    assert all(not ref.startswith("L") for ref in shown)  # leavers are not in the current staff list


def test_manager_cannot_open_another_providers_workplace_or_worker_by_changing_the_url(as_manager):
    other_workplace = Workplace.objects.exclude(organisation=_manager().organisation).first()
    other_worker = Worker.objects.filter(workplace=other_workplace).first()
    assert as_manager.get(f"/provider/workplaces/{other_workplace.pk}/staff").status_code == 404
    assert as_manager.get(f"/provider/workers/{other_worker.pk}").status_code == 404


def test_manager_sees_a_worker_record_with_labels_from_the_code_lists(as_manager):
    worker = Worker.objects.filter(workplace__organisation=_manager().organisation, main_job_role=8).first()
    text = BeautifulSoup(as_manager.get(f"/provider/workers/{worker.pk}").content, "html.parser").get_text()
    assert "Care worker" in text and worker.local_identifier in text


def test_staff_member_sees_their_own_record_and_no_one_elses(as_staff):
    me = User.objects.get(username="staff@demo.careforce.test").worker
    text = BeautifulSoup(as_staff.get("/provider/my-record").content, "html.parser").get_text()
    assert me.local_identifier in text
    colleague = Worker.objects.filter(workplace=me.workplace).exclude(pk=me.pk).first()
    assert as_staff.get(f"/provider/workers/{colleague.pk}").status_code == 403
    assert as_staff.get(f"/provider/workplaces/{me.workplace_id}/staff").status_code == 403
