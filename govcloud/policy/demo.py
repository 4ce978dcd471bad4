"""Demo records of the policy parameters: one value announced for next year, so the page shows a
value not yet in force beside the values of the rules."""

import datetime
from decimal import Decimal

from govcloud.accounts.models import Role, User
from govcloud.policy.models import Parameter, PolicyValue
from govcloud.policy.services import record_policy_value


def build(context):
    """Record a two-working-day reminder from 1 January of next year (a platform setting, beyond the rules)."""
    manager = context.users.get("manager") or User.objects.filter(role=Role.MANAGER, is_active=True).first()
    next_year = datetime.date(context.today.year + 1, 1, 1)
    if not PolicyValue.objects.filter(parameter=Parameter.DUE_SOON_WORKDAYS, effective_from=next_year).exists():
        record_policy_value(actor=manager, parameter=Parameter.DUE_SOON_WORKDAYS, value=Decimal("2"),
                            effective_from=next_year, source="演示数据：管理单位决定提前两个工作日提醒",
                            today=context.today)
