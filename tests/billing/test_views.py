"""Billing pages: each department and provider sees only its own statements, the drill-down to days,
finance's sign-off and forecast, the downloads, and flat query counts."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from govcloud.billing.assessment import draft_assessment, submit_assessment
from govcloud.billing.models import SettlementStatus, Statement
from govcloud.billing.services import rebuild_statements
from govcloud.billing.settlement import prepare_settlement, record_evaluation_score
from tests.factories import SystemFactory

D = datetime.date
NOW = datetime.datetime(2027, 1, 20, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def statements(ecs_items, make_resource, orgs):
    """The applicant's VM with provider A and the outsider's VM with provider B, both in March 2026."""
    make_resource([(ecs_items["small"], 1, D(2026, 3, 10), None)], starts=D(2026, 3, 10))
    make_resource([(ecs_items["large"], 1, D(2026, 3, 1), None)], starts=D(2026, 3, 1), department=orgs["outsider"],
                  provider=orgs["other_provider"], resource_system=SystemFactory(department=orgs["outsider"]))
    rebuild_statements(D(2026, 3, 1), D(2026, 3, 1))
    return {
        "own": Statement.objects.get(department=orgs["applicant"]),
        "other": Statement.objects.get(department=orgs["outsider"]),
    }


def login(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("user, visible", [("applicant", ["709.68"]), ("engineer", ["709.68"]),
                                           ("other_engineer", ["2000.00"]), ("finance", ["2000.00", "709.68"])])
def test_statement_list_scoped(client, users, statements, user, visible):
    """A department sees only its own statements and a provider only those it serves."""
    response = login(client, users[user]).get(reverse("billing:statements"))

    assert response.status_code == 200
    assert sorted(str(statement.total) for statement in response.context["page_obj"]) == visible


@pytest.mark.parametrize("name", ["billing:statement", "billing:statement_xlsx", "billing:statement_pdf"])
def test_other_departments_statement_is_404(client, users, statements, name):
    response = login(client, users["applicant"]).get(reverse(name, args=[statements["other"].pk]))

    assert response.status_code == 404


def test_other_departments_line_days_are_404(client, users, statements):
    charge = statements["other"].charges.get()

    assert login(client, users["applicant"]).get(reverse("billing:charge_days", args=[charge.pk])).status_code == 404
    assert login(client, users["engineer"]).get(reverse("billing:charge_days", args=[charge.pk])).status_code == 404


def test_drill_down_shows_each_day(client, users, statements):
    """第十三条: March's 709.68 is 22 days of 1,000.00 ÷ 31 = 32.258065 each, rounded once."""
    charge = statements["own"].charges.get()

    response = login(client, users["applicant"]).get(
        reverse("billing:charge_days", args=[charge.pk]))

    days = response.context["days"]
    assert [entry["day"] for entry in days][:2] == [D(2026, 3, 10), D(2026, 3, 11)]
    assert len(days) == 22
    assert days[0]["amount"] == Decimal("32.258065")
    assert response.context["records_changed"] is False


def test_statement_list_query_count_flat(client, users, ecs_items, make_resource, orgs):
    make_resource([(ecs_items["small"], 1, D(2026, 1, 1), None)], starts=D(2026, 1, 1))
    rebuild_statements(D(2026, 1, 1), D(2026, 3, 1))
    login(client, users["finance"])
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("billing:statements"))

    for _number in range(10):
        make_resource([(ecs_items["small"], 1, D(2026, 1, 1), None)], starts=D(2026, 1, 1),
                      provider=orgs["other_provider"])
    rebuild_statements(D(2026, 1, 1), D(2026, 12, 1))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("billing:statements"))

    assert len(many) == len(few)


def test_statement_downloads(client, users, statements):
    """第二十九条: Excel, Word and PDF of a statement, in Chinese."""
    login(client, users["applicant"])
    url = lambda fmt: reverse("billing:statement_" + fmt, args=[statements["own"].pk])  # noqa: E731

    workbook = load_workbook(io.BytesIO(client.get(url("xlsx")).content))
    values = [cell for row in workbook.active.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "月度账单" in values[0]
    assert 709.68 in [float(value) for value in values if isinstance(value, (int, float, Decimal))]

    word = zipfile.ZipFile(io.BytesIO(client.get(url("docx")).content)).read("word/document.xml").decode()
    assert "政务云服务费用月度账单" in word
    assert "709.68" in word

    pdf = client.get(url("pdf")).content
    assert pdf.startswith(b"%PDF")


def test_finance_signs_on_page(client, users, orgs, statements):
    """第二十九条: finance signs a prepared settlement off from its page."""
    assessment = draft_assessment(actor=users["reviewer"], provider=orgs["provider"], year=2026, conclusions="合理",
                                  now=NOW)
    submit_assessment(actor=users["reviewer"], assessment=assessment, now=NOW)
    record_evaluation_score(actor=users["reviewer"], provider=orgs["provider"], year=2026, score=Decimal("91"),
                            source="考评报告", now=NOW)
    settlement = prepare_settlement(actor=users["reviewer"], provider=orgs["provider"], year=2026, now=NOW)
    page = login(client, users["finance"]).get(reverse("billing:settlement", args=[settlement.pk]))
    assert page.context["can_sign"] is True

    client.post(reverse("billing:settlement_sign", args=[settlement.pk]))

    settlement.refresh_from_db()
    assert settlement.status == SettlementStatus.SIGNED
    assert settlement.signed_by == users["finance"]


def test_department_cannot_open_settlements_or_forecast(client, users):
    login(client, users["applicant"])

    assert client.get(reverse("billing:settlements")).status_code == 403
    assert client.get(reverse("billing:forecast")).status_code == 403


def test_forecast_page_total(client, users, statements):
    """第六条: 1,000.00 and 2,000.00 a month running all next year forecast 36,000.00."""
    response = login(client, users["finance"]).get(reverse("billing:forecast"))

    assert response.context["total"] == Decimal("36000.00")


def _settlements(orgs, users, years):
    from govcloud.billing.models import Settlement, UsageAssessment

    for year in years:
        assessment = UsageAssessment.objects.create(provider=orgs["provider"], year=year, written_by=users["reviewer"],
                                                    written_at=NOW)
        Settlement.objects.create(
            provider=orgs["provider"], year=year, assessment=assessment, score=Decimal("90"), score_source="报告",
            payment_percent=Decimal("100"), bands_effective_from=D(2021, 1, 1), charges_total=Decimal("1.00"),
            after_evaluation=Decimal("1.00"), adjustments_total=Decimal("0.00"), payable=Decimal("1.00"),
            prepared_by=users["reviewer"], prepared_at=NOW)


@pytest.mark.parametrize("page", ["billing:settlements", "billing:assessments"])
def test_settlement_pages_query_count_flat(client, users, orgs, page):
    login(client, users["reviewer"])
    _settlements(orgs, users, range(2001, 2004))
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(page)).status_code == 200

    _settlements(orgs, users, range(2004, 2034))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse(page))

    assert len(many) == len(few)


def test_statement_detail_query_count_flat(client, users, ecs_items, make_resource, orgs):
    make_resource([(ecs_items["small"], 1, D(2026, 3, 1), None)], starts=D(2026, 3, 1))
    rebuild_statements(D(2026, 3, 1), D(2026, 3, 1))
    statement = Statement.objects.get()
    login(client, users["applicant"])
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("billing:statement", args=[statement.pk]))

    for _number in range(10):
        make_resource([(ecs_items["small"], 1, D(2026, 3, 1), None)], starts=D(2026, 3, 1))
    rebuild_statements(D(2026, 3, 1), D(2026, 3, 1))
    statement = Statement.objects.get()
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("billing:statement", args=[statement.pk]))

    assert len(response.context["page_obj"]) == 11
    assert len(many) == len(few)


def test_manager_recomputes_statements_from_page(client, users, ecs_items, make_resource):
    """第二十九条 据实结算: the management unit recomputes a period; a department may not."""
    make_resource([(ecs_items["small"], 1, D(2026, 3, 10), None)], starts=D(2026, 3, 10))

    assert login(client, users["applicant"]).post(reverse("billing:statement_rebuild"), {
        "first_month": "2026-03", "last_month": "2026-04"}).status_code == 403
    login(client, users["reviewer"]).post(reverse("billing:statement_rebuild"), {
        "first_month": "2026-03", "last_month": "2026-04"})

    assert sorted(Statement.objects.values_list("total", flat=True)) == [Decimal("709.68"), Decimal("1000.00")]


def test_statement_list_filters_by_year(client, users, ecs_items, make_resource, orgs):
    """第二十九条: a settlement line drills down to the department's statements of that year."""
    make_resource([(ecs_items["small"], 1, D(2026, 11, 1), None)], starts=D(2026, 11, 1))
    rebuild_statements(D(2026, 11, 1), D(2027, 1, 1), now=NOW.replace(month=2))

    response = login(client, users["finance"]).get(reverse("billing:statements"), {
        "year": 2026, "department": orgs["applicant"].pk, "provider": orgs["provider"].pk})

    assert [statement.month for statement in response.context["page_obj"]] == [D(2026, 12, 1), D(2026, 11, 1)]
    assert response.context["total"] == Decimal("2000.00")


def test_assessment_page_shows_frozen_findings(client, users, orgs, statements):
    """第二十八条: the report page shows its resources and says when no utilization data is recorded."""
    assessment = draft_assessment(actor=users["reviewer"], provider=orgs["provider"], year=2026, conclusions="合理",
                                  now=NOW)

    response = login(client, users["engineer"]).get(reverse("billing:assessment", args=[assessment.pk]))

    assert [row["name"] for row in response.context["page_obj"]] == [
        statements["own"].charges.get().resource.name]
    assert b'data-testid="no-utilization"' in response.content
    assert login(client, users["other_engineer"]).get(
        reverse("billing:assessment", args=[assessment.pk])).status_code == 404


def test_settlement_page_marks_default_bands(client, users):
    """第二十九条: the score bands in force are shown, marked as a default to be confirmed."""
    response = login(client, users["finance"]).get(reverse("billing:settlements"))

    assert [band.payment_percent for band in response.context["bands"]] == [
        Decimal("100"), Decimal("97"), Decimal("93"), Decimal("85"), Decimal("80")]
    assert "默认值，待确认" in response.content.decode()
