"""Drop derived returns dated before the demo's records begin (ADR 0093).

Derived returns (``derived_from_records``) are made only for the synthetic demo region. Earlier loads
derived them for 5 year ends, but the demo's records hold leavers for only ``history_years`` (3), so
the older ones stated a staff total with no leavers behind it and the turnover for those years read 0.0%.
"""

from datetime import date

from django.db import migrations

HISTORY_YEARS = 3  # careforce/domain/demo/parameters.toml [turnover] history_years when this was written


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:
        return d.replace(year=d.year - years, day=28)


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    returns = apps.get_model("intelligence", "WorkplaceReturn")
    latest = returns.objects.filter(derived_from_records=False).order_by("-as_of").values_list("as_of", flat=True)
    newest = latest.first()
    if newest is None:
        return
    oldest = _years_before(newest, HISTORY_YEARS)
    returns.objects.filter(derived_from_records=True, as_of__lt=oldest).delete()


class Migration(migrations.Migration):
    dependencies = [("intelligence", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
