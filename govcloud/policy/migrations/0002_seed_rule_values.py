from django.db import migrations

from govcloud.policy.seed import seed_rule_values


def seed(apps, schema_editor):
    seed_rule_values(apps.get_model("policy", "PolicyValue"))


class Migration(migrations.Migration):
    dependencies = [("policy", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
