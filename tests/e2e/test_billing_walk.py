"""Billing in a real browser: a department drills a statement down to its days, finance signs a settlement."""

import pytest

from govcloud.billing.models import Settlement, SettlementStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_department_drills_statement_to_days(demo, sign_in):
    """第十三条: every amount on a statement opens the days it was charged for."""
    edu = sign_in("edu")
    page = edu.go("/billing/statements/")
    assert "月度账单" in page.inner_text("h1")

    page.locator("[data-testid=statements] tbody a").first.click()
    assert "月度账单" in page.inner_text("h1")
    page.locator("[data-testid=statement-lines] tbody td.text-end a").first.click()
    assert "逐日费用" in page.inner_text("h1")
    assert page.locator("[data-testid=charge-days] tbody tr").count() >= 1
    edu.shot("billing-01-department-line-days")


def test_finance_signs_settlement(demo, sign_in):
    """第二十九条: finance signs the draft settlement off, after which it shows as signed."""
    draft = Settlement.objects.get(status=SettlementStatus.DRAFT)
    finance = sign_in("finance")
    page = finance.go("/billing/settlements/%d/" % draft.pk)

    page.click("text=签认结算单")

    assert "结算单已签认" in page.inner_text("main")
    assert page.locator("h1 [data-status=signed]").count() == 1
    finance.shot("billing-02-finance-signed-settlement")
    draft.refresh_from_db()
    assert draft.status == SettlementStatus.SIGNED
