"""The annual settlement of a provider (第二十九条): charges, the payment share of its evaluation score,
adjustments, and finance's sign-off after which nothing in it changes."""

import datetime
import logging
from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from govcloud.accounts.models import OrganisationKind, Role
from govcloud.accounts.permissions import require_role
from govcloud.audit.services import record_event
from govcloud.billing.engine import BillingDataError
from govcloud.billing.models import (
    Adjustment,
    AssessmentStatus,
    EvaluationScore,
    ProviderContract,
    ScoreBand,
    Settlement,
    SettlementLine,
    SettlementStatus,
    UsageAssessment,
)
from govcloud.billing.proration import fen_to_yuan, quantize_yuan
from govcloud.billing.services import period_lines
from govcloud.catalog.models import CatalogItem
from govcloud.resources.models import CloudResource

logger = logging.getLogger(__name__)


def bands_on(day):
    """Return the score bands in force on day, highest minimum score first."""
    latest = ScoreBand.objects.filter(effective_from__lte=day).order_by("-effective_from").values_list(
        "effective_from", flat=True).first()
    if latest is None:
        return []
    return list(ScoreBand.objects.filter(effective_from=latest).order_by("-min_score"))


def band_for(score, day):
    """Return the band a score falls in on day; raise ValidationError when no bands are in force."""
    for band in bands_on(day):
        if score >= band.min_score:
            return band
    raise ValidationError(_("No score band is in force on {date} for the score {score}.").format(
        date=day.isoformat(), score=score))


@transaction.atomic
def record_evaluation_score(*, actor, provider, year, score, source, now):
    """Record (or, before its settlement is signed, correct) a provider's evaluation score for a year."""
    require_role(actor, Role.MANAGER)
    if not source.strip():
        raise ValidationError(_("Name the evaluation report the score comes from."))
    if not Decimal(0) <= Decimal(score) <= Decimal(100):
        raise ValidationError(_("A score lies between 0 and 100."))
    if Settlement.objects.filter(provider=provider, year=year, status=SettlementStatus.SIGNED).exists():
        raise ValidationError(_("The settlement of this year is signed; its score can no longer change."))

    existing = EvaluationScore.objects.filter(provider=provider, year=year).first()
    before = str(existing.score) if existing else ""
    entry, _created = EvaluationScore.objects.update_or_create(
        provider=provider, year=year,
        defaults={"score": score, "source": source, "entered_by": actor, "entered_at": now},
    )
    record_event("billing.evaluation_score_recorded", entry, actor=actor, before=before, after=str(score),
                 details={"source": source}, now=now)
    return entry


def charges_by_department_and_category(provider, year):
    """Return ({(department id, category name): fen}, total fen) of the provider's year from the records."""
    try:
        lines = period_lines(datetime.date(year, 1, 1), datetime.date(year, 12, 31),
                             CloudResource.objects.filter(provider=provider))
    except BillingDataError as error:
        # A settlement never leaves a resource out: the records must be corrected first.
        raise ValidationError(str(error)) from error
    categories = dict(CatalogItem.objects.values_list("code", "category__name"))
    totals = defaultdict(int)
    for line in lines:
        totals[(line.department, categories.get(line.item, ""))] += line.amount_fen
    return dict(totals), sum(totals.values())


def _lock_draft(provider, year):
    """Lock and return the provider's settlement of the year, refusing a signed one (it never changes)."""
    settlement = Settlement.objects.select_for_update().filter(provider=provider, year=year).first()
    if settlement is not None and settlement.is_signed:
        raise ValidationError(_("The settlement of {year} is signed and never changes; record an adjustment.").format(
            year=year))
    return settlement


@transaction.atomic
def prepare_settlement(*, actor, provider, year, now):
    """Compute (or recompute) the provider's draft settlement of a year from its submitted usage assessment,
    the fee standards and its evaluation score, and attach the adjustments not yet settled (第二十九条)."""
    require_role(actor, Role.MANAGER)
    # 据实结算: only days that have passed are settled, so the year must be over.
    if datetime.date(year, 12, 31) >= timezone.localdate(now):
        raise ValidationError(_("The year {year} is not over yet; only a past year is settled.").format(year=year))
    assessment = UsageAssessment.objects.filter(provider=provider, year=year,
                                                status=AssessmentStatus.SUBMITTED).first()
    if assessment is None:
        raise ValidationError(_("Submit the usage assessment of {year} before the settlement.").format(year=year))
    evaluation = EvaluationScore.objects.filter(provider=provider, year=year).first()
    if evaluation is None:
        raise ValidationError(_("Record the evaluation score of {year} before the settlement.").format(year=year))

    settlement = _lock_draft(provider, year)
    settled_on = datetime.date(year, 12, 31)
    band = band_for(evaluation.score, settled_on)
    totals, total_fen = charges_by_department_and_category(provider, year)
    charges_total = fen_to_yuan(total_fen)
    # The payment share applies to the year's charges once, rounded half-up to the fen.
    after_evaluation = quantize_yuan(charges_total * band.payment_percent / 100)

    values = {
        "assessment": assessment, "score": evaluation.score, "score_source": evaluation.source,
        "payment_percent": band.payment_percent, "bands_effective_from": band.effective_from,
        "charges_total": charges_total, "after_evaluation": after_evaluation, "adjustments_total": Decimal("0.00"),
        "payable": after_evaluation, "prepared_by": actor, "prepared_at": now,
    }
    if settlement is None:
        settlement = Settlement.objects.create(provider=provider, year=year, **values)
    else:
        for field, value in values.items():
            setattr(settlement, field, value)
        settlement.lines.all().delete()

    SettlementLine.objects.bulk_create([
        SettlementLine(settlement=settlement, department_id=department, category=category, amount=fen_to_yuan(fen))
        for (department, category), fen in sorted(totals.items(), key=lambda entry: (entry[0][0], entry[0][1]))
    ])
    # Corrections recorded since the last signed settlement are paid on this one, at their full amount.
    # Limitation: an adjustment is not multiplied by this year's payment share; it is entered as the sum to pay.
    Adjustment.objects.filter(provider=provider, settlement__isnull=True).update(settlement=settlement)
    adjustments = settlement.adjustments.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
    settlement.adjustments_total = adjustments
    settlement.payable = after_evaluation + adjustments
    settlement.save()

    record_event("billing.settlement_prepared", settlement, actor=actor, after=str(settlement.payable),
                 details={"charges": charges_total, "percent": band.payment_percent, "adjustments": adjustments},
                 now=now)
    logger.info("settlement %s of provider %s for %s prepared: payable %s", settlement.pk, provider.pk, year,
                settlement.payable)
    return settlement


@transaction.atomic
def sign_settlement(*, actor, settlement, now):
    """Finance signs a draft settlement off; from then on it never changes (第二十九条)."""
    require_role(actor, Role.FINANCE)
    # A conditional update on the draft status, so of two finance officers signing at once only one succeeds.
    updated = Settlement.objects.filter(pk=settlement.pk, status=SettlementStatus.DRAFT).update(
        status=SettlementStatus.SIGNED, signed_by=actor, signed_at=now
    )
    if updated != 1:
        raise ValidationError(_("This settlement is already signed."))
    settlement.refresh_from_db()
    record_event("billing.settlement_signed", settlement, actor=actor, before=SettlementStatus.DRAFT,
                 after=SettlementStatus.SIGNED, details={"payable": settlement.payable}, now=now)
    logger.info("settlement %s signed by %s", settlement.pk, actor.pk)
    return settlement


@transaction.atomic
def record_adjustment(*, actor, provider, amount, reason, now, corrects=None):
    """Record a correction of what was settled; it is paid on the provider's next settlement."""
    require_role(actor, Role.MANAGER, Role.FINANCE)
    if not reason or not reason.strip():
        raise ValidationError(_("An adjustment needs a reason."))
    amount = quantize_yuan(amount)
    if amount == 0:
        raise ValidationError(_("An adjustment of zero changes nothing."))
    if corrects is not None and corrects.provider_id != provider.pk:
        raise ValidationError(_("The corrected settlement belongs to another provider."))

    adjustment = Adjustment.objects.create(provider=provider, amount=amount, reason=reason.strip(),
                                           corrects=corrects, recorded_by=actor, recorded_at=now)
    record_event("billing.adjustment_recorded", adjustment, actor=actor, after=str(amount),
                 details={"reason": adjustment.reason, "corrects": corrects.pk if corrects else None}, now=now)
    return adjustment


@transaction.atomic
def record_contract(*, actor, provider, number, procurement_basis, starts_on, ends_on, now):
    """Record how a provider was procured and for which contract period (第二十七条)."""
    require_role(actor, Role.MANAGER)
    if provider.kind != OrganisationKind.PROVIDER:
        raise ValidationError(_("Only a cloud service provider has a provider contract."))
    if ends_on < starts_on:
        raise ValidationError(_("The contract ends before it starts."))
    if not procurement_basis.strip():
        raise ValidationError(_("Name the procurement basis of the contract."))
    if ProviderContract.objects.filter(number=number).exists():
        raise ValidationError(_("A contract with this number is already recorded."))

    contract = ProviderContract.objects.create(provider=provider, number=number, procurement_basis=procurement_basis,
                                               starts_on=starts_on, ends_on=ends_on, recorded_by=actor)
    record_event("billing.contract_recorded", contract, actor=actor, after=number,
                 details={"starts_on": starts_on, "ends_on": ends_on, "basis": procurement_basis}, now=now)
    return contract
