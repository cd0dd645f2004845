import pytest

from careforce.workforce import demo_loading
from careforce.workforce.models import DemoLoad, Organisation, Worker

pytestmark = pytest.mark.django_db


def test_loading_the_demo_region_again_says_it_is_loaded_and_changes_nothing():
    before = Worker.objects.count()
    outcome = demo_loading.load_demo_region("small", seed=2019)
    assert not outcome.loaded
    assert "already loaded" in outcome.message
    assert Worker.objects.count() == before


def test_a_failed_rebuild_leaves_the_previous_region_untouched(monkeypatch):
    before = (Organisation.objects.count(), Worker.objects.count(), DemoLoad.objects.get().seed)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo_loading, "_insert_vacancies", broken)
    with pytest.raises(RuntimeError):
        demo_loading.load_demo_region("small", seed=99, rebuild=True)
    assert (Organisation.objects.count(), Worker.objects.count(), DemoLoad.objects.get().seed) == before


def test_rebuild_replaces_the_demo_region_with_a_new_seed():
    outcome = demo_loading.load_demo_region("small", seed=5, rebuild=True)
    assert outcome.loaded
    assert DemoLoad.objects.get().seed == 5
    assert Worker.objects.filter(left_on__isnull=True).count() == 3200
    assert Organisation.objects.filter(is_synthetic=False).count() == 0
