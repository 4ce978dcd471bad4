"""The data each official document prints, read from the platform's own records.

Every builder returns plain dicts and lists so the same context fills the Word
template (docxtpl, Jinja) and the HTML template for the PDF (Django). Choice
labels are read under the Chinese locale because the documents are official
Chinese forms whatever language the requesting user reads.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from govcloud.applications.dossier_models import InvitationStatus
from govcloud.catalog.models import BillingPeriod, CatalogItem, FeeStandard

_CENT = Decimal("0.01")


def money(value):
    """Return value in yuan rounded half-up to the cent, as text; empty for no value."""
    if value is None:
        return ""
    return str(Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP))


def local_date(moment):
    if moment is None:
        return None
    if isinstance(moment, datetime.datetime):
        return timezone.localdate(moment)
    return moment


def prices_on(items, on):
    """Return {item id: FeeStandard in force on date on} for items, in one query."""
    prices = {}
    rows = FeeStandard.objects.filter(item__in=items, effective_from__lte=on).order_by("item_id", "-effective_from")
    for fee in rows:
        prices.setdefault(fee.item_id, fee)
    return prices


def _organisation(organisation):
    # Limitation: the platform keeps no head of organisation, so 附件2 leaves that cell blank for a hand entry.
    if organisation is None:
        return {"name": "", "credit_code": ""}
    return {"name": organisation.name, "credit_code": organisation.credit_code}


def _system(system):
    return {
        "name": system.name,
        "description": system.description,
        "kind": system.get_kind_display(),
        "builder": system.builder,
        "mlps_level": system.get_mlps_level_display(),
        "mlps_filing_number": system.mlps_filing_number,
        "contact_name": system.contact_name,
        "contact_phone": system.contact_phone,
    }


def _application(application):
    return {
        "number": application.number,
        "kind": application.get_kind_display(),
        "status": application.get_status_display(),
        "is_offline": application.is_offline,
        "submitted_on": local_date(application.submitted_at),
        "created_on": local_date(application.created_at),
        "wanted_on": application.wanted_on,
        "period_months": application.period_months,
        "reason": application.reason,
        "funding_basis": application.funding_basis,
        "network_zone": application.get_network_zone_display(),
        "public_facing": application.public_facing,
        "contact_name": application.contact_name,
        "contact_phone": application.contact_phone,
        "contact_email": application.contact_email,
    }


def _monthly_cost(fee, item, quantity):
    if fee is None or quantity is None or item.billing_period != BillingPeriod.MONTH:
        return None
    return fee.unit_price * quantity


def application_lines(application, on):
    """Return the requirements-form lines of an application with prices in force on date on."""
    lines = list(application.lines.select_related("item__category"))
    prices = prices_on([line.item for line in lines], on)
    rows, total, approved_total = [], Decimal("0"), Decimal("0")
    for index, line in enumerate(lines, 1):
        fee = prices.get(line.item_id)
        cost = _monthly_cost(fee, line.item, line.quantity)
        approved_cost = _monthly_cost(fee, line.item, line.approved_quantity)
        total += cost or 0
        approved_total += approved_cost or 0
        rows.append({
            "index": index,
            "category": line.item.category.name,
            "code": line.item.code,
            "name": line.item.name,
            "spec": line.item.spec,
            "unit": line.item.unit,
            "billing_period": line.item.get_billing_period_display(),
            "quantity": line.quantity,
            "approved_quantity": "" if line.approved_quantity is None else line.approved_quantity,
            "purpose": line.purpose,
            "unit_price": money(fee.unit_price) if fee else "",
            "monthly_cost": money(cost),
            "approved_monthly_cost": money(approved_cost),
        })
    return rows, money(total), money(approved_total)


def _expert_opinions(application):
    invitations = application.expert_invitations.select_related("expert").order_by("invited_at", "pk")
    return [
        {
            "name": str(invitation.expert),
            "answered": invitation.status == InvitationStatus.ANSWERED,
            "conclusion": invitation.get_conclusion_display() if invitation.conclusion else "",
            "opinion": invitation.opinion,
            "answered_on": local_date(invitation.answered_at),
        }
        for invitation in invitations
    ]


def _latest_review(application):
    review = application.reviews.select_related("reviewer").order_by("-decided_at", "-pk").first()
    if review is None:
        return None
    return {
        "decision": review.get_decision_display(),
        "opinion": review.opinion,
        "reviewer": str(review.reviewer),
        "decided_on": review.decided_on,
    }


def application_form_context(application, today):
    """附件2: who applies, for which system, under which MLPS level, network and period."""
    lines, total, approved_total = application_lines(application, today)
    return {
        "today": today,
        "application": _application(application),
        "department": _organisation(application.department),
        "provider": _organisation(application.provider),
        "system": _system(application.system),
        "service_types": sorted({line["category"] for line in lines}),
        "lines": lines,
        "monthly_total": total,
        "review": _latest_review(application),
        "experts": _expert_opinions(application),
    }


def requirements_form_context(application, today):
    """附件3: one line per catalog item asked for, priced by the fee standards in force today."""
    lines, total, approved_total = application_lines(application, today)
    return {
        "today": today,
        "application": _application(application),
        "department": _organisation(application.department),
        "system": _system(application.system),
        "lines": lines,
        "monthly_total": total,
        "approved_monthly_total": approved_total,
    }


def _resource_rows(delivery, on):
    # Limitation: resources record no subnet mask or gateway, so 附件4 lists the IP address alone.
    resources = list(
        delivery.application.resources.prefetch_related("components__item").order_by("name", "pk")
    )
    items = {component.item for resource in resources for component in resource.components.all()}
    prices = prices_on(items, on)
    rows = []
    for index, resource in enumerate(resources, 1):
        components = [c for c in resource.components.all() if c.effective_to is None or c.effective_to > on]
        monthly = sum((_monthly_cost(prices.get(c.item_id), c.item, c.quantity) or 0 for c in components), Decimal(0))
        rows.append({
            "index": index,
            "name": resource.name,
            "instance_id": resource.instance_id,
            "spec": " + ".join("%s %s %s" % (c.item.name, c.quantity, c.item.unit) for c in components),
            "network_zone": resource.get_network_zone_display(),
            "ip_address": resource.ip_address or "",
            "operating_system": resource.operating_system,
            "monthly_cost": money(monthly),
        })
    return rows


def delivery_confirmation_context(delivery, today):
    """附件4: what was delivered to whom, how credentials were handed over, and the billing start date."""
    on = delivery.confirmed_on or today
    application = delivery.application
    resources = _resource_rows(delivery, on)
    return {
        "today": today,
        "delivery": {
            "number": delivery.number,
            "status": delivery.get_status_display(),
            "credential_handover": delivery.credential_handover,
            "submitted_on": local_date(delivery.submitted_at),
            "confirmed_on": delivery.confirmed_on,
        },
        "application": _application(application),
        "department": _organisation(delivery.department),
        "provider": _organisation(delivery.provider),
        "system": _system(application.system),
        "resources": resources,
        "monthly_total": money(sum((Decimal(row["monthly_cost"]) for row in resources), Decimal(0))),
    }


def review_opinion_context(review, today):
    """Build the review opinion: what was asked, what is approved line by line and why, experts, filings."""
    application = review.application
    approved = {row.line_id: row for row in review.lines.all()}
    lines = []
    for index, line in enumerate(application.lines.select_related("item"), 1):
        row = approved.get(line.pk)
        approved_quantity = row.approved_quantity if row else None
        lines.append({
            "index": index,
            "code": line.item.code,
            "name": line.item.name,
            "unit": line.item.unit,
            "quantity": line.quantity,
            "approved_quantity": "" if approved_quantity is None else approved_quantity,
            "reason": row.reason if row else "",
            "changed": approved_quantity is not None and approved_quantity != line.quantity,
        })
    filings = review.filings.select_related("recipient").order_by("recipient__kind", "pk")
    return {
        "today": today,
        "review": {
            "decision": review.get_decision_display(),
            "opinion": review.opinion,
            "reviewer": str(review.reviewer),
            "decided_on": review.decided_on,
        },
        "application": _application(application),
        "department": _organisation(application.department),
        "system": _system(application.system),
        "lines": lines,
        "experts": _expert_opinions(application),
        "filings": [
            {"recipient": filing.recipient.name, "filed_on": local_date(filing.filed_at),
             "read_on": local_date(filing.read_at)}
            for filing in filings
        ],
    }


def catalog_rows(on):
    """Return the offered catalog items with the fee standard in force on date on (附件1)."""
    items = list(CatalogItem.objects.offered().select_related("category"))
    prices = prices_on(items, on)
    rows = []
    for index, item in enumerate(items, 1):
        fee = prices.get(item.pk)
        rows.append({
            "index": index,
            "category": item.category.name,
            "code": item.code,
            "name": item.name,
            "spec": item.spec,
            "unit": item.unit,
            "billing_period": item.get_billing_period_display(),
            "unit_price": money(fee.unit_price) if fee else "",
            "effective_from": fee.effective_from if fee else None,
        })
    return rows


def catalog_context(today):
    return {"today": today, "items": catalog_rows(today)}
