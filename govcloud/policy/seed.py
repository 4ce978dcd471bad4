"""The values the rules themselves fix, in force from the day the rules took effect.

The rules (《长治市政务云管理实施细则》) were published on 2021-12-11 and took effect 30 days later.
Both the seed migration and `load_reference_data` insert them where they are missing.
"""

import datetime
from decimal import Decimal

RULES_EFFECTIVE_FROM = datetime.date(2022, 1, 10)

# (parameter, value, source)
RULE_VALUES = (
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
    ("due_soon_workdays", "1", "平台提醒设置（实施细则未规定）"),
)


def seed_rule_values(policy_value_model):
    """Insert the rules' values that are missing; pass the model class (the migration passes its historical one)."""
    created = 0
    for parameter, value, source in RULE_VALUES:
        _row, was_created = policy_value_model.objects.get_or_create(
            parameter=parameter,
            effective_from=RULES_EFFECTIVE_FROM,
            defaults={"value": Decimal(value), "source": source},
        )
        created += was_created
    return created
