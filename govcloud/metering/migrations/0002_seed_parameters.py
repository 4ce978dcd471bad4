"""Seed the metering parameters (see govcloud.metering.seed)."""

from django.db import migrations

from govcloud.metering.seed import seed_metering_values


def seed(apps, schema_editor):
    seed_metering_values(apps.get_model("policy", "PolicyValue"))


class Migration(migrations.Migration):
    dependencies = [("metering", "0001_initial"), ("policy", "0002_seed_rule_values")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
