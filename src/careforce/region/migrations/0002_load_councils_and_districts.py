from django.db import migrations


def load(apps, schema_editor):
    from careforce.region.loading import sync_region

    sync_region(apps.get_model("region", "Council"), apps.get_model("region", "District"))


class Migration(migrations.Migration):
    dependencies = [("region", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
