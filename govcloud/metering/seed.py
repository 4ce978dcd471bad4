"""Default metering parameters: the flag window and the idle and zombie definitions (第十四条, 第二十六条).

The rules give 50 % and 85 % but no window and no definition of idle or zombie, so these are defaults
for the management unit to confirm, kept as policy values that change with effective dates. Both the
metering seed migration and `load_reference_data` insert them where they are missing.
"""

from decimal import Decimal

from govcloud.policy.seed import RULES_EFFECTIVE_FROM

# (parameter, value, source)
METERING_VALUES = (
    ("utilization_window_days", "7", "第十四条；评估期由管理单位确定（默认值，待确认）"),
    ("utilization_min_days", "5", "第十四条；数据覆盖天数由管理单位确定（默认值，待确认）"),
    ("idle_window_days", "14", "第二十六条；由管理单位确定（默认值，待确认）"),
    ("idle_cpu_p95_percent", "5", "第二十六条；由管理单位确定（默认值，待确认）"),
    ("zombie_network_kbps", "1", "第二十六条；由管理单位确定（默认值，待确认）"),
    ("rectification_workdays", "10", "第二十六条；由管理单位确定（默认值，待确认）"),
)


def seed_metering_values(policy_value_model):
    """Insert the metering defaults that are missing; the migration passes its historical model class."""
    created = 0
    for parameter, value, source in METERING_VALUES:
        _row, was_created = policy_value_model.objects.get_or_create(
            parameter=parameter, effective_from=RULES_EFFECTIVE_FROM,
            defaults={"value": Decimal(value), "source": source},
        )
        created += was_created
    return created
