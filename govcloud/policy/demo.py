"""Demo records of the policy parameters: one value announced for next year, so the page shows a
value not yet in force beside the values of the rules."""

import datetime
from decimal import Decimal

from govcloud.accounts.models import Role
from govcloud.catalog.demo import demo_actor, demo_texts
from govcloud.policy.models import PolicyValue
from govcloud.policy.services import record_policy_value


def build(context):
    """Record a two-working-day reminder from 1 January of next year (a platform setting, beyond the rules)."""
    spec = demo_texts()["policy_value"]
    manager = demo_actor(context, "manager", Role.MANAGER)
    next_year = datetime.date(context.today.year + 1, 1, 1)
    if not PolicyValue.objects.filter(parameter=spec["parameter"], effective_from=next_year).exists():
        record_policy_value(actor=manager, parameter=spec["parameter"], value=Decimal(spec["value"]),
                            effective_from=next_year, source=spec["source"], today=context.today)
