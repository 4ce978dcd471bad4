"""Seed the limits, thresholds and weights fixed by the rules (in force from 2022-01-10)."""

import datetime
from decimal import Decimal

from django.db import migrations

RULES_EFFECTIVE_FROM = datetime.date(2022, 1, 10)
VALUES = [
    ("provision_workdays", "2", "第十二条"),
    ("agreement_filing_days", "7", "第十二条"),
    ("migration_workdays", "30", "第十三条"),
    ("test_report_workdays", "3", "第十三条"),
    ("change_workdays", "2", "第十四条"),
    ("reclaim_workdays", "2", "第十五条"),
    ("adjustment_notice_workdays", "3", "第十七条"),
    ("utilization_low_percent", "50", "第十四条"),
    ("utilization_high_percent", "85", "第十四条"),
    ("weight_response", "20", "第二十五条"),
    ("weight_quality", "30", "第二十五条"),
    ("weight_satisfaction", "20", "第二十五条"),
    ("weight_security", "30", "第二十五条"),
    ("due_soon_workdays", "1", "platform reminder, beyond the rules"),
]


def seed(apps, schema_editor):
    PolicyValue = apps.get_model("policy", "PolicyValue")
    for parameter, value, source in VALUES:
        PolicyValue.objects.get_or_create(
            parameter=parameter,
            effective_from=RULES_EFFECTIVE_FROM,
            defaults={"value": Decimal(value), "source": source},
        )


class Migration(migrations.Migration):
    dependencies = [("policy", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
