"""Seed the metering parameters: the flag window and the idle and zombie definitions (第十四条, 第二十六条)."""

import datetime
from decimal import Decimal

from django.db import migrations

RULES_EFFECTIVE_FROM = datetime.date(2022, 1, 10)
# The rules give 50 % and 85 % but no window and no definition of idle or zombie; these are defaults
# for the management unit to confirm, kept as policy values so they change with effective dates.
VALUES = [
    ("utilization_window_days", "7", "第十四条, window set by the management unit (default)"),
    ("utilization_min_days", "5", "第十四条, data coverage set by the management unit (default)"),
    ("idle_window_days", "14", "第二十六条, set by the management unit (default)"),
    ("idle_cpu_p95_percent", "5", "第二十六条, set by the management unit (default)"),
    ("zombie_network_kbps", "1", "第二十六条, set by the management unit (default)"),
    ("rectification_workdays", "10", "第二十六条, set by the management unit (default)"),
]


def seed(apps, schema_editor):
    PolicyValue = apps.get_model("policy", "PolicyValue")
    for parameter, value, source in VALUES:
        PolicyValue.objects.get_or_create(
            parameter=parameter, effective_from=RULES_EFFECTIVE_FROM,
            defaults={"value": Decimal(value), "source": source},
        )


class Migration(migrations.Migration):
    dependencies = [("metering", "0001_initial"), ("policy", "0002_seed_rule_values")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
