"""第十四条 and 第二十六条 in a real browser: ECharts draws the trace, flags name their drafted change
application, and the manager reads the findings with the policy's definitions."""

import pytest

from govcloud.metering.models import FlagStatus, UtilizationFlag
from govcloud.resources.models import CloudResource

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_department_sees_charts_and_files_the_drafted_change(demo, sign_in):
    resource = CloudResource.objects.get(instance_id="ecs-edu-0001")
    edu = sign_in("edu")

    page = edu.go("/metering/resources/%d/" % resource.pk)
    page.wait_for_selector("#chart-cpu canvas")
    assert page.locator("#chart-memory canvas").count() == 1
    assert "第十四条" in page.inner_text("main")
    edu.shot("metering-01-resource-charts")

    page = edu.go("/metering/flags/")
    draft_number = UtilizationFlag.objects.filter(resource=resource, status=FlagStatus.OPEN).exclude(
        change_application=None).first().change_application.number
    assert draft_number in page.inner_text("[data-testid=flag-table]")
    page = edu.go("/metering/")
    page.wait_for_selector("#chart-overview canvas")
    assert "闲置" in page.inner_text("[data-testid=overview-table]")
    edu.shot("metering-02-overview")


def test_manager_sees_findings_with_definitions(demo, sign_in):
    manager = sign_in("manager")

    page = manager.go("/metering/findings/")

    assert "僵尸系统" in page.inner_text("[data-testid=finding-table]")
    assert "14天" in page.inner_text("[data-testid=definitions]")
    manager.shot("metering-03-findings")
