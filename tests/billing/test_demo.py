"""The billing demo builder leaves every billing page with records in each state."""

import datetime

import time_machine

from govcloud.billing import demo
from govcloud.billing.models import (
    Adjustment,
    AssessmentStatus,
    ProviderContract,
    Settlement,
    SettlementStatus,
    Statement,
    UsageAssessment,
)

D = datetime.date


@time_machine.travel(datetime.datetime(2027, 2, 10, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_demo_covers_every_state(ecs_items, make_resource, users):
    make_resource([(ecs_items["small"], 1, D(2026, 3, 10), None)], starts=D(2026, 3, 10))

    demo.build(None)
    demo.build(None)  # a second run adds nothing twice

    assert Statement.objects.filter(month=D(2026, 12, 1)).exists()
    assert ProviderContract.objects.count() == 2
    assert set(Settlement.objects.values_list("status", flat=True)) == {SettlementStatus.DRAFT, SettlementStatus.SIGNED}
    assert set(UsageAssessment.objects.values_list("status", flat=True)) == {AssessmentStatus.DRAFT,
                                                                            AssessmentStatus.SUBMITTED}
    assert Adjustment.objects.filter(settlement__isnull=True).count() == 1
