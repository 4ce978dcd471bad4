"""Give the seeded reminder setting a Chinese source, like every other seeded value."""

from django.db import migrations

OLD_SOURCE = "platform reminder, beyond the rules"
NEW_SOURCE = "平台提醒设置（实施细则未规定）"


def forwards(apps, schema_editor):
    PolicyValue = apps.get_model("policy", "PolicyValue")
    PolicyValue.objects.filter(source=OLD_SOURCE).update(source=NEW_SOURCE)


def backwards(apps, schema_editor):
    PolicyValue = apps.get_model("policy", "PolicyValue")
    PolicyValue.objects.filter(source=NEW_SOURCE).update(source=OLD_SOURCE)


class Migration(migrations.Migration):
    dependencies = [("policy", "0002_seed_rule_values")]
    operations = [migrations.RunPython(forwards, backwards)]
