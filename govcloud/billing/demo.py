"""Demo records of billing: contracts, statements, usage assessments, scores, settlements and adjustments.

The platform's load_demo calls build(context) after the resources of the demo exist, so
every billing page shows records in each of its states.
"""

import datetime
import json
import logging
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from govcloud.accounts.models import Organisation, OrganisationKind, Role, User
from govcloud.billing.assessment import draft_assessment, submit_assessment
from govcloud.billing.bands import seed_default_bands
from govcloud.billing.models import ProviderContract, ScoreBand, Settlement, UsageAssessment
from govcloud.billing.services import rebuild_statements
from govcloud.billing.settlement import (
    prepare_settlement,
    record_adjustment,
    record_contract,
    record_evaluation_score,
    sign_settlement,
)
from govcloud.web.clock import local_today

logger = logging.getLogger(__name__)

# The demo's Chinese texts live in a data file, since the code carries no Chinese literals.
TEXTS = json.loads((Path(__file__).resolve().parent / "data" / "demo.json").read_text(encoding="utf-8"))
# Scores of the demo providers: one in the top band, one in the 80–<90 band.
DEMO_SCORES = (Decimal("92.50"), Decimal("86.00"))


def _first_user(role):
    return User.objects.filter(role=role, is_active=True).order_by("pk").first()


def _contracts(manager, providers, year, now):
    for number, provider in enumerate(providers, start=1):
        if not ProviderContract.objects.filter(provider=provider).exists():
            record_contract(actor=manager, provider=provider, number=TEXTS["contract_number"].format(year=year - 1, number=number),
                            procurement_basis=TEXTS["procurement_basis"].format(year=year - 2, number=100 + number),
                            starts_on=datetime.date(year - 1, 1, 1), ends_on=datetime.date(year + 1, 12, 31), now=now)


def _settle_last_year(manager, finance, providers, year, now):
    """Settle last year: the first provider's settlement is signed, the second's waits for finance."""
    for index, provider in enumerate(providers[:2]):
        if Settlement.objects.filter(provider=provider, year=year).exists():
            continue
        assessment = draft_assessment(actor=manager, provider=provider, year=year,
                                      conclusions=TEXTS["conclusions_signed"], now=now)
        submit_assessment(actor=manager, assessment=assessment, now=now)
        record_evaluation_score(actor=manager, provider=provider, year=year, score=DEMO_SCORES[index],
                                source=TEXTS["score_source"].format(year=year), now=now)
        settlement = prepare_settlement(actor=manager, provider=provider, year=year, now=now)
        if index == 0 and finance is not None:
            signed = sign_settlement(actor=finance, settlement=settlement, now=now)
            record_adjustment(actor=finance, provider=provider, amount=Decimal("-120.00"),
                              reason=TEXTS["adjustment_reason"].format(year=year), corrects=signed, now=now)


def build(context=None):
    """Add the billing demo records: statements of the last twelve months, contracts, assessments and settlements.

    context is load_demo's DemoContext; only its load date (today) is read.
    """
    today = getattr(context, "today", None) or local_today()
    now = timezone.now()
    manager, finance = _first_user(Role.MANAGER), _first_user(Role.FINANCE)
    providers = list(Organisation.objects.filter(kind=OrganisationKind.PROVIDER).order_by("code"))
    if manager is None or not providers:
        logger.warning("billing demo skipped: it needs a management unit user and a provider")
        return

    # A test database flushed after a transactional test has lost the bands its migration seeded.
    if not ScoreBand.objects.exists():
        seed_default_bands(ScoreBand)
    first_month = (today.replace(day=1) - datetime.timedelta(days=335)).replace(day=1)
    rebuild_statements(first_month, today.replace(day=1), actor=manager, now=now)
    _contracts(manager, providers, today.year, now)
    _settle_last_year(manager, finance, providers, today.year - 1, now)

    # A draft assessment of the current year, still open for the assessor's conclusions.
    author = _first_user(Role.ASSESSOR) or manager
    if not UsageAssessment.objects.filter(provider=providers[-1], year=today.year).exists():
        draft_assessment(actor=author, provider=providers[-1], year=today.year,
                         conclusions=TEXTS["conclusions_draft"], now=now)
    logger.info("billing demo built for %s providers", len(providers))
