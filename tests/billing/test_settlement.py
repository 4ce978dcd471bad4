"""The usage assessment (第二十八条) and the settlement finance signs (第二十九条)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from govcloud.billing.assessment import draft_assessment, submit_assessment
from govcloud.billing.models import AssessmentStatus, SettlementStatus
from govcloud.billing.services import rebuild_statements
from govcloud.billing.settlement import (
    band_for,
    prepare_settlement,
    record_adjustment,
    record_contract,
    record_evaluation_score,
    sign_settlement,
)
from govcloud.resources.models import ResourceComponent
from tests.factories import FeeStandardFactory

D = datetime.date
NOW = datetime.datetime(2027, 1, 20, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def year_of_service(ecs_items, make_resource):
    """ECS-4C8G at 1,000.00/month from 2026-03-10: 709.68 for March + 9 × 1,000.00 = 9,709.68 in 2026."""
    return make_resource([(ecs_items["small"], 1, D(2026, 3, 10), None)], starts=D(2026, 3, 10))


def ready_to_settle(users, orgs, year, score, now=NOW):
    assessment = draft_assessment(actor=users["reviewer"], provider=orgs["provider"], year=year,
                                  conclusions="资源使用基本合理。", now=now)
    submit_assessment(actor=users["reviewer"], assessment=assessment, now=now)
    record_evaluation_score(actor=users["reviewer"], provider=orgs["provider"], year=year, score=Decimal(score),
                            source="2026年度政务云服务考评报告", now=now)


@pytest.mark.parametrize("score, percent", [("90", "100"), ("89.99", "97"), ("80", "97"), ("79.5", "93"),
                                            ("60", "85"), ("59.99", "80"), ("0", "80")])
def test_default_score_bands(db, score, percent):
    """第二十九条: the seeded default bands turn the evaluation score into the payment share."""
    assert band_for(Decimal(score), D(2026, 12, 31)).payment_percent == Decimal(percent)


def test_assessment_frozen_once_submitted(year_of_service, users, orgs):
    """第二十八条: the submitted report keeps its charges by department and category and cannot be rewritten."""
    assessment = draft_assessment(actor=users["reviewer"], provider=orgs["provider"], year=2026,
                                  conclusions="结论", now=NOW)
    submit_assessment(actor=users["reviewer"], assessment=assessment, now=NOW)

    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED
    assert assessment.content["charges"]["total"] == "9709.68"
    assert assessment.content["resources"]["count"] == 1
    assert assessment.content["utilization"]["recorded"] is False
    with pytest.raises(ValidationError):
        draft_assessment(actor=users["reviewer"], provider=orgs["provider"], year=2026, conclusions="改写", now=NOW)


def test_settlement_applies_score_band(year_of_service, users, orgs):
    """第二十九条: 9,709.68 of charges at a score of 85 (band 80–<90 pays 97 %) settle at 9,418.39."""
    ready_to_settle(users, orgs, 2026, "85")

    settlement = prepare_settlement(actor=users["reviewer"], provider=orgs["provider"], year=2026, now=NOW)

    assert settlement.charges_total == Decimal("9709.68")
    assert settlement.payment_percent == Decimal("97")
    assert settlement.after_evaluation == Decimal("9418.39")
    assert settlement.payable == Decimal("9418.39")
    assert [(line.department, line.amount) for line in settlement.lines.all()] == [
        (orgs["applicant"], Decimal("9709.68"))]


def test_only_finance_signs(year_of_service, users, orgs):
    ready_to_settle(users, orgs, 2026, "85")
    settlement = prepare_settlement(actor=users["reviewer"], provider=orgs["provider"], year=2026, now=NOW)

    with pytest.raises(PermissionDenied):
        sign_settlement(actor=users["reviewer"], settlement=settlement, now=NOW)
    sign_settlement(actor=users["finance"], settlement=settlement, now=NOW)
    with pytest.raises(ValidationError):
        sign_settlement(actor=users["finance"], settlement=settlement, now=NOW)


def test_signed_settlement_unchanged_correction_goes_to_next(year_of_service, ecs_items, users, orgs):
    """第二十九条: after signing, a later price, a change and a correction leave the signed settlement as it
    was; the correction is an adjustment paid on the next settlement."""
    ready_to_settle(users, orgs, 2026, "85")
    signed = sign_settlement(actor=users["finance"], now=NOW, settlement=prepare_settlement(
        actor=users["reviewer"], provider=orgs["provider"], year=2026, now=NOW))
    frozen = (signed.charges_total, signed.payable, list(signed.lines.values_list("amount", flat=True)))

    FeeStandardFactory(item=ecs_items["small"], unit_price=Decimal("1200.00"), effective_from=D(2026, 7, 1))
    ResourceComponent.objects.filter(resource=year_of_service).update(quantity=2)
    with pytest.raises(ValidationError):
        prepare_settlement(actor=users["reviewer"], provider=orgs["provider"], year=2026, now=NOW)
    report = rebuild_statements(D(2026, 1, 1), D(2026, 12, 1))
    adjustment = record_adjustment(actor=users["finance"], provider=orgs["provider"], amount=Decimal("-150.00"),
                                   reason="2026年3月资源计费起始日更正", corrects=signed, now=NOW)

    signed.refresh_from_db()
    assert (signed.charges_total, signed.payable, list(signed.lines.values_list("amount", flat=True))) == frozen
    assert signed.status == SettlementStatus.SIGNED
    assert [(entry[0].pk, entry[1]) for entry in report.settlement_differences] == [(signed.pk, Decimal("9709.68"))]

    a_year_later = NOW.replace(year=2028)
    ready_to_settle(users, orgs, 2027, "92", now=a_year_later)
    following = prepare_settlement(actor=users["reviewer"], provider=orgs["provider"], year=2027, now=a_year_later)
    # 2027 at 1,200.00 × 2 a month = 28,800.00, 100 % at 92, less the 150.00 correction.
    assert following.charges_total == Decimal("28800.00")
    assert list(following.adjustments.all()) == [adjustment]
    assert following.adjustments_total == Decimal("-150.00")
    assert following.payable == Decimal("28650.00")


def test_adjustment_needs_reason(orgs, users):
    with pytest.raises(ValidationError):
        record_adjustment(actor=users["finance"], provider=orgs["provider"], amount=Decimal("10"), reason=" ",
                          now=NOW)


def test_settlement_needs_submitted_assessment(year_of_service, users, orgs):
    record_evaluation_score(actor=users["reviewer"], provider=orgs["provider"], year=2026, score=Decimal("95"),
                            source="考评报告", now=NOW)

    with pytest.raises(ValidationError):
        prepare_settlement(actor=users["reviewer"], provider=orgs["provider"], year=2026, now=NOW)


def test_provider_contract_recorded_with_basis(orgs, users):
    """第二十七条: the management unit records how a provider was procured and its contract period."""
    contract = record_contract(actor=users["reviewer"], provider=orgs["provider"], number="CZZWY-2026-01",
                               procurement_basis="公开招标 CZZB-2025-118", starts_on=D(2026, 1, 1),
                               ends_on=D(2028, 12, 31), now=NOW)

    assert (contract.provider, contract.starts_on, contract.ends_on) == (orgs["provider"], D(2026, 1, 1),
                                                                       D(2028, 12, 31))
    with pytest.raises(ValidationError):
        record_contract(actor=users["reviewer"], provider=orgs["applicant"], number="X-1", procurement_basis="招标",
                        starts_on=D(2026, 1, 1), ends_on=D(2026, 12, 31), now=NOW)
    with pytest.raises(PermissionDenied):
        record_contract(actor=users["finance"], provider=orgs["provider"], number="X-2", procurement_basis="招标",
                        starts_on=D(2026, 1, 1), ends_on=D(2026, 12, 31), now=NOW)


def test_current_year_not_settled(year_of_service, users, orgs):
    """第二十九条 据实结算: a year is settled only after its last day has passed."""
    ready_to_settle(users, orgs, 2026, "95", now=datetime.datetime(2026, 12, 4, 10, 0, tzinfo=datetime.UTC))

    with pytest.raises(ValidationError):
        prepare_settlement(actor=users["reviewer"], provider=orgs["provider"], year=2026,
                           now=datetime.datetime(2026, 12, 31, 10, 0, tzinfo=datetime.UTC))


def test_assessor_writes_assessment_others_cannot_rewrite(year_of_service, users, orgs):
    """第二十八条: a commissioned third-party assessor writes the report; another organisation may not rewrite it."""
    from govcloud.accounts.models import OrganisationKind, Role
    from tests.factories import OrganisationFactory, UserFactory

    firm = OrganisationFactory(code="assessor-firm", name="某评估机构", kind=OrganisationKind.ASSESSOR)
    assessor = UserFactory(username="assessor", role=Role.ASSESSOR, organisation=firm)
    assessment = draft_assessment(actor=assessor, provider=orgs["provider"], year=2026, conclusions="初稿", now=NOW)

    with pytest.raises(PermissionDenied):
        draft_assessment(actor=users["reviewer"], provider=orgs["provider"], year=2026, conclusions="改写", now=NOW)
    with pytest.raises(PermissionDenied):
        draft_assessment(actor=users["finance"], provider=orgs["provider"], year=2026, conclusions="改写", now=NOW)
    assessment.refresh_from_db()
    assert assessment.conclusions == "初稿"
