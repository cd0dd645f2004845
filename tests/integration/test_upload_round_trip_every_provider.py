"""Round trip for every provider of the small region: the download, uploaded again, gives no error and
no warning, and saving it changes nothing (issue 10)."""

import pytest
from django.utils import timezone

from careforce.uploads.round_trip import every_organisation
from careforce.workforce.models import Organisation

pytestmark = pytest.mark.django_db


def test_every_organisations_download_uploaded_again_changes_nothing_and_says_nothing() -> None:
    trips = list(every_organisation(timezone.localdate()))
    assert len(trips) == Organisation.objects.count() > 10
    assert sum(t.staff_rows for t in trips) > 1000
    problems = {
        t.name: [(p.file, p.row, p.column, p.code, p.message) for p in t.problems[:3]] for t in trips if t.problems
    }
    assert problems == {}
    assert [t.name for t in trips if t.changes] == []
