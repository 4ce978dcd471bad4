"""Default metering parameters: the flag window and the idle and zombie definitions (第十四条, 第二十六条).

The rules give 50 % and 85 % but no window and no definition of idle or zombie, so these are defaults
for the management unit to confirm, kept as policy values that change with effective dates. Both the
metering seed migration and `load_reference_data` insert them where they are missing.
"""

from decimal import Decimal

from govcloud.policy.seed import RULES_EFFECTIVE_FROM

# (parameter, value, source)
METERING_VALUES = (
    ("utilization_window_days", "7", "第十四条, window set by the management unit (default)"),
    ("utilization_min_days", "5", "第十四条, data coverage set by the management unit (default)"),
    ("idle_window_days", "14", "第二十六条, set by the management unit (default)"),
    ("idle_cpu_p95_percent", "5", "第二十六条, set by the management unit (default)"),
    ("zombie_network_kbps", "1", "第二十六条, set by the management unit (default)"),
    ("rectification_workdays", "10", "第二十六条, set by the management unit (default)"),
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
