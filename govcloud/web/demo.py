"""The demo scenario: example providers, people, systems and applications in every state.

The scenario lives in demo_data/scenario.json; this module walks each application through
the real services, with dates counted back from the day the demo is loaded, so the demo
shows what the platform would have recorded had people done these things on those days.
"""

import dataclasses
import datetime
import json
import logging
from pathlib import Path

from django.utils import timezone

from govcloud.accounts.models import Organisation, Role, User
from govcloud.accounts.services import create_account
from govcloud.applications import services as application_services
from govcloud.applications.demo import attach_materials
from govcloud.applications.dossier_models import MaterialKind
from govcloud.catalog.models import CatalogItem
from govcloud.resources import services as resource_services
from govcloud.systems.models import InformationSystem

logger = logging.getLogger(__name__)

SCENARIO_PATH = Path(__file__).parent / "demo_data" / "scenario.json"
# Steps of the application's life, in order. A scenario's "state" names the step where its walk stops.
STEPS = ("draft", "submitted", "decided", "provisioned", "delivery_submitted", "delivered")
STOP_AFTER = {
    "draft": "draft", "submitted": "submitted", "withdrawn": "submitted", "returned": "decided",
    "rejected": "decided", "approved": "decided", "provisioned": "provisioned",
    "delivery_submitted": "delivery_submitted", "delivered": "delivered",
}


@dataclasses.dataclass
class DemoContext:
    """Shared input of the demo builders: the load date, the scenario and the records made so far."""

    today: datetime.date
    scenario: dict
    users: dict = dataclasses.field(default_factory=dict)
    organisations: dict = dataclasses.field(default_factory=dict)
    systems: dict = dataclasses.field(default_factory=dict)
    applications: list = dataclasses.field(default_factory=list)

    def day(self, days_ago):
        return self.today - datetime.timedelta(days=days_ago)

    def moment(self, days_ago, hour=10):
        """Return a local time on a day some days back, never later than now."""
        day = self.day(days_ago)
        return min(timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour)), timezone.now())


def load_scenario():
    with SCENARIO_PATH.open(encoding="utf-8") as handle:
        return json.load(handle)


def _organisations(context):
    for spec in context.scenario["organisations"]:
        Organisation.objects.get_or_create(code=spec["code"], defaults={
            "name": spec["name"], "kind": spec["kind"], "note": spec.get("note", "")})
    context.organisations = {organisation.code: organisation for organisation in Organisation.objects.all()}


def _users(context):
    for spec in context.scenario["users"]:
        user = User.objects.filter(username=spec["username"]).first() or create_account(
            actor=None, username=spec["username"], full_name=spec["full_name"], role=spec["role"],
            organisation=context.organisations[spec["organisation"]], password=context.scenario["password"],
        )
        context.users[spec["username"]] = user


def _systems(context):
    fields = ("name", "description", "kind", "mlps_level", "cloud_status", "exemption_basis",
              "shares_data_exchange", "contact_name", "contact_phone", "builder")
    for spec in context.scenario["systems"]:
        department = context.organisations[spec["department"]]
        system, _created = InformationSystem.objects.get_or_create(
            department=department, name=spec["name"],
            defaults={name: spec[name] for name in fields if name in spec},
        )
        context.systems[spec["key"]] = system


def _draft(context, spec):
    items = {item.code: item for item in CatalogItem.objects.all()}
    form = {"contact_name": context.systems[spec["system"]].contact_name,
            "contact_phone": context.systems[spec["system"]].contact_phone,
            "reason": spec["reason"], "period_months": 12}
    lines = [(items[code], quantity, purpose) for code, quantity, purpose in spec["lines"]]
    return application_services.create_application(
        actor=context.users[spec["user"]], system=context.systems[spec["system"]], form=form, lines=lines,
        now=context.moment(spec["created"], 9),
    )


def _decide(context, application, spec):
    reviewer = context.users["manager"]
    now = context.moment(spec["decided"], 15)
    if spec["state"] == "returned":
        application_services.return_application(application, actor=reviewer, opinion=spec["opinion"], now=now)
    elif spec["state"] == "rejected":
        application_services.reject_application(application, actor=reviewer, opinion=spec["opinion"], now=now)
    else:
        lines = {line.item.code: line for line in application.lines.select_related("item")}
        adjustments = {lines[code].pk: tuple(value) for code, value in spec.get("adjust", {}).items()}
        application_services.approve_application(
            application, actor=reviewer, opinion=spec.get("opinion", context.scenario["default_opinion"]),
            provider=context.organisations[spec["provider"]], adjustments=adjustments, now=now,
        )


def _provision(context, application, spec):
    engineer = _provider_user(context, spec["provider"])
    lines = {line.item.code: line for line in application.lines.select_related("item")}
    for instance in spec["instances"]:
        resource_services.record_provisioned_resource(
            application, actor=engineer,
            details={"name": instance["name"], "instance_id": instance["instance_id"],
                     "ip_address": instance["ip"], "operating_system": instance["os"]},
            quantities={lines[code].pk: quantity for code, quantity in instance["share"].items()},
            provisioned_on=context.day(spec["provisioned"]), now=context.moment(spec["provisioned"], 11),
        )
    resource_services.complete_provisioning(application, actor=engineer, completed_on=context.day(spec["provisioned"]),
                                            now=context.moment(spec["provisioned"], 12))
    agreement_spec = spec.get("agreement")
    if agreement_spec:
        agreement = resource_services.record_service_agreement(
            application, actor=engineer, number=agreement_spec["number"],
            signed_on=context.day(agreement_spec["signed"]), today=context.day(agreement_spec["signed"]),
            now=context.moment(agreement_spec["signed"], 14),
        )
        if "filed" in agreement_spec:
            resource_services.file_service_agreement(agreement, actor=engineer,
                                                     filed_on=context.day(agreement_spec["filed"]),
                                                     now=context.moment(agreement_spec["filed"], 14))


def _provider_user(context, provider_code):
    return next(user for user in context.users.values() if user.organisation.code == provider_code
                and user.role == Role.PROVIDER)


def _deliver(context, application, spec, stop):
    engineer = _provider_user(context, spec["provider"])
    confirmation = resource_services.submit_delivery_confirmation(
        application, actor=engineer, credential_handover=context.scenario["credential_handover"],
        now=context.moment(spec["delivery_submitted"], 11),
    )
    if stop == "delivered":
        resource_services.confirm_delivery(confirmation, actor=context.users["manager"],
                                           confirmed_on=context.day(spec["confirmed"]),
                                           now=context.moment(spec["confirmed"], 16))


def _application(context, spec):
    stop = STOP_AFTER[spec["state"]]
    application = _draft(context, spec)
    # 第十条: a submission needs the whole dossier; the draft keeps only its letter, so its checklist shows gaps.
    attach_materials(context, application, context.users[spec["user"]],
                     kinds=[MaterialKind.APPLICATION_LETTER] if stop == "draft" else None)
    if stop != "draft":
        application_services.submit_application(application, actor=context.users[spec["user"]],
                                                now=context.moment(spec["submitted"], 9))
    if spec["state"] == "withdrawn":
        application_services.withdraw_application(application, actor=context.users[spec["user"]],
                                                  now=context.moment(spec["submitted"] - 1, 9))
    if STEPS.index(stop) >= STEPS.index("decided"):
        _decide(context, application, spec)
    if STEPS.index(stop) >= STEPS.index("provisioned"):
        _provision(context, application, spec)
    if STEPS.index(stop) >= STEPS.index("delivery_submitted"):
        _deliver(context, application, spec, stop)
    application.refresh_from_db()
    context.applications.append(application)
    logger.info("demo application %s built in state %s", application.number, application.status)


def build(context):
    """Add the core demo: organisations, accounts, systems and applications in every state."""
    _organisations(context)
    _users(context)
    _systems(context)
    for spec in context.scenario["applications"]:
        _application(context, spec)
