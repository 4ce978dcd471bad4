"""The database half of the settlement benchmark: load a generated data set through the ORM, then settle
its year with the platform's own services (statements, usage assessments, evaluation scores, settlements)."""

import csv
import datetime
import time
from decimal import Decimal

from django.core.management import call_command
from django.utils import timezone

from govcloud.accounts.models import Organisation, OrganisationKind, Role, User
from govcloud.applications.models import Application, ApplicationKind, ApplicationLine, ApplicationStatus
from govcloud.billing.assessment import draft_assessment, submit_assessment
from govcloud.billing.services import rebuild_statements
from govcloud.billing.settlement import prepare_settlement, record_evaluation_score
from govcloud.catalog.models import BillingPeriod, CatalogCategory, CatalogItem, FeeStandard
from govcloud.resources.models import CloudResource, ResourceComponent, ResourceStatus
from govcloud.systems.models import InformationSystem, SystemKind

BATCH = 5000


def _organisations(histories):
    providers = sorted({history.provider for history in histories})
    departments = sorted({history.department for history in histories})
    Organisation.objects.bulk_create(
        [Organisation(code=code.lower(), name="bench-" + code, kind=OrganisationKind.PROVIDER) for code in providers]
        + [Organisation(code=code.lower(), name="bench-" + code, kind=OrganisationKind.DEPARTMENT) for code in departments]
        + [Organisation(code="bench-management", name="bench-management", kind=OrganisationKind.MANAGEMENT),
           Organisation(code="bench-finance", name="bench-finance", kind=OrganisationKind.FINANCE)],
        batch_size=BATCH)
    by_code = {organisation.code: organisation for organisation in Organisation.objects.all()}
    manager = User.objects.create(username="bench-manager", role=Role.MANAGER,
                                  organisation=by_code["bench-management"])
    return by_code, manager


def _catalog(prices):
    category = CatalogCategory.objects.create(name="bench")
    items = {}
    for price in prices:
        if price.item not in items:
            items[price.item] = CatalogItem.objects.create(code=price.item, category=category, name=price.item,
                                                           unit="unit", billing_period=BillingPeriod(price.per))
    FeeStandard.objects.bulk_create([FeeStandard(item=items[price.item], unit_price=price.unit_price,
                                                 effective_from=price.effective_from) for price in prices])
    return items


def _resources(histories, organisations, manager, items):
    systems = {code: InformationSystem(department=organisations[code.lower()], name="bench-system", contact_name="-",
                                       contact_phone="-", kind=SystemKind.BUILT, mlps_level=2)
               for code in {history.department for history in histories}}
    InformationSystem.objects.bulk_create(systems.values(), batch_size=BATCH)
    applications = [
        Application(number="BENCH-%07d" % history.id, kind=ApplicationKind.NEW, status=ApplicationStatus.DELIVERED,
                    department=organisations[history.department.lower()], system=systems[history.department],
                    provider=organisations[history.provider.lower()], contact_name="-", contact_phone="-",
                    reason="bench", created_by=manager)
        for history in histories
    ]
    Application.objects.bulk_create(applications, batch_size=BATCH)
    resources = [
        CloudResource(application=application, department=application.department, system=application.system,
                      provider=application.provider, name="vm-%d" % history.id, instance_id="i-%07d" % history.id,
                      network_zone="extranet", status=ResourceStatus.IN_SERVICE, provisioned_on=history.billing_starts_on,
                      billing_starts_on=history.billing_starts_on, billing_ends_on=history.billing_ends_on,
                      recorded_by=manager)
        for history, application in zip(histories, applications)
    ]
    CloudResource.objects.bulk_create(resources, batch_size=BATCH)
    lines = {}
    for history, application in zip(histories, applications):
        for segment in history.segments:
            lines.setdefault((application.pk, segment.item), ApplicationLine(
                application=application, item=items[segment.item], quantity=segment.quantity))
    ApplicationLine.objects.bulk_create(lines.values(), batch_size=BATCH)
    ResourceComponent.objects.bulk_create([
        ResourceComponent(resource=resource, item=items[segment.item], quantity=segment.quantity,
                          application_line=lines[(application.pk, segment.item)], effective_from=segment.start,
                          effective_to=segment.end)
        for history, application, resource in zip(histories, applications, resources) for segment in history.segments
    ], batch_size=BATCH)


def load(histories, prices):
    """Migrate the empty database and load the data set; return (manager, providers by code)."""
    call_command("migrate", verbosity=0)
    organisations, manager = _organisations(histories)
    items = _catalog(prices)
    _resources(histories, organisations, manager, items)
    return manager, {code: organisations[code.lower()] for code in sorted({h.provider for h in histories})}


def settle(manager, providers, scores, year):
    """Run the year through the services; return ({provider code: charges fen}, seconds per step)."""
    now = timezone.make_aware(datetime.datetime(year + 1, 1, 15, 10))
    timings = {}
    started = time.perf_counter()
    rebuild_statements(datetime.date(year, 1, 1), datetime.date(year, 12, 1), actor=manager, now=now)
    timings["statements"] = time.perf_counter() - started

    started = time.perf_counter()
    charges = {}
    for code, provider in providers.items():
        assessment = draft_assessment(actor=manager, provider=provider, year=year, conclusions="bench", now=now)
        submit_assessment(actor=manager, assessment=assessment, now=now)
        record_evaluation_score(actor=manager, provider=provider, year=year, score=scores[code], source="bench",
                                now=now)
        settlement = prepare_settlement(actor=manager, provider=provider, year=year, now=now)
        charges[code] = int(settlement.charges_total * 100)
    timings["assessments and settlements"] = time.perf_counter() - started
    return charges, timings


def export(directory):
    """Write the stored records (not the generated data) as the CSV files the DuckDB query reads."""
    with open(directory / "segments.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["resource", "provider", "item", "quantity", "seg_start", "seg_end", "bill_start", "bill_end"])
        rows = ResourceComponent.objects.values_list(
            "resource_id", "resource__provider__code", "item__code", "quantity", "effective_from", "effective_to",
            "resource__billing_starts_on", "resource__billing_ends_on").iterator(chunk_size=BATCH)
        for resource, provider, item, quantity, start, end, bill_start, bill_end in rows:
            writer.writerow([resource, provider.upper(), item, quantity, start, end or "", bill_start, bill_end or ""])
    with open(directory / "prices.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["item", "price_fen", "per", "effective_from"])
        for item, price, per, effective_from in FeeStandard.objects.values_list(
                "item__code", "unit_price", "item__billing_period", "effective_from"):
            writer.writerow([item, int(Decimal(price) * 100), per, effective_from])
