from django.db import migrations

from govcloud.billing.bands import seed_default_bands


def seed(apps, schema_editor):
    seed_default_bands(apps.get_model("billing", "ScoreBand"))


class Migration(migrations.Migration):
    dependencies = [("billing", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
