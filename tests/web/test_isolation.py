"""A department never reaches another department's data, on any page or download.

Every URL that takes an object id must be listed here, either with the department-owned objects
it serves or as not department-scoped; a new page that is in neither list fails the first test.
"""

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from govcloud.accounts.models import User
from govcloud.applications.dossier_models import ExpertInvitation, Material
from govcloud.applications.models import Application, Filing, Review
from govcloud.billing.models import Charge, Statement
from govcloud.metering.models import HandoverRecord, RationalityFinding
from govcloud.notifications.models import Message
from govcloud.resources.models import CloudResource, DeliveryConfirmation, ServiceAgreement
from govcloud.systems.models import InformationSystem

VICTIM = "jyj"
OUTSIDER = "hrss"

# URL name → (URL keyword, the victim department's objects it serves).
DEPARTMENT_SCOPED = {
    "applications:detail": ("pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "applications:edit": ("pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "applications:submit": ("pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "applications:withdraw": ("pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "applications:review": ("pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "applications:filing_read": ("pk", lambda: Filing.objects.filter(review__application__department__code=VICTIM)),
    "resources:detail": ("pk", lambda: CloudResource.objects.filter(department__code=VICTIM)),
    "resources:provision": ("application_pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "resources:complete_provisioning": ("application_pk",
                                        lambda: Application.objects.filter(department__code=VICTIM)),
    "resources:record_agreement": ("application_pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "resources:file_agreement": ("pk", lambda: ServiceAgreement.objects.filter(department__code=VICTIM)),
    "resources:submit_delivery": ("application_pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "resources:confirm_delivery": ("pk", lambda: DeliveryConfirmation.objects.filter(department__code=VICTIM)),
    "systems:detail": ("pk", lambda: InformationSystem.objects.filter(department__code=VICTIM)),
    "systems:edit": ("pk", lambda: InformationSystem.objects.filter(department__code=VICTIM)),
    "dossier:materials": ("pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "dossier:versions": ("pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "dossier:experts": ("pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "dossier:material_download": ("pk", lambda: Material.objects.filter(application__department__code=VICTIM)),
    "dossier:material_withdraw": ("pk", lambda: Material.objects.filter(application__department__code=VICTIM)),
    "dossier:expert_opinion": ("pk", lambda: ExpertInvitation.objects.filter(application__department__code=VICTIM)),
    "documents:application_form": ("pk", lambda: Application.objects.filter(department__code=VICTIM), {"fmt": "pdf"}),
    "documents:requirements_form": ("pk", lambda: Application.objects.filter(department__code=VICTIM),
                                    {"fmt": "docx"}),
    "documents:delivery_confirmation": ("pk", lambda: DeliveryConfirmation.objects.filter(department__code=VICTIM),
                                        {"fmt": "docx"}),
    "documents:review_opinion": ("pk", lambda: Review.objects.filter(application__department__code=VICTIM),
                                 {"fmt": "docx"}),
    "metering:resource": ("pk", lambda: CloudResource.objects.filter(department__code=VICTIM)),
    "metering:system": ("pk", lambda: InformationSystem.objects.filter(department__code=VICTIM)),
    "metering:apply_change": ("pk", lambda: CloudResource.objects.filter(department__code=VICTIM)),
    "metering:apply_exit": ("pk", lambda: CloudResource.objects.filter(department__code=VICTIM)),
    "metering:complete": ("pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "metering:handover_new": ("pk", lambda: Application.objects.filter(department__code=VICTIM)),
    "metering:handover_confirm": ("pk", lambda: HandoverRecord.objects.filter(department__code=VICTIM)),
    "metering:finding_decide": ("pk", lambda: RationalityFinding.objects.filter(department__code=VICTIM)),
    "metering:finding_rectified": ("pk", lambda: RationalityFinding.objects.filter(department__code=VICTIM)),
    "notifications:read": ("pk", lambda: Message.objects.filter(recipient__code=VICTIM)),
    "metering:record_misuse": ("pk", lambda: CloudResource.objects.filter(department__code=VICTIM)),
    "billing:statement": ("pk", lambda: Statement.objects.filter(department__code=VICTIM)),
    "billing:statement_xlsx": ("pk", lambda: Statement.objects.filter(department__code=VICTIM)),
    "billing:statement_docx": ("pk", lambda: Statement.objects.filter(department__code=VICTIM)),
    "billing:statement_pdf": ("pk", lambda: Statement.objects.filter(department__code=VICTIM)),
    "billing:charge_days": ("charge_pk", lambda: Charge.objects.filter(statement__department__code=VICTIM)),
}

# URLs with an id whose objects belong to no department: accounts (system administrator only) and the catalog.
NOT_DEPARTMENT_SCOPED = {
    "metering:source_edit", "metering:source_pull",
    "accounts:set_active",
    "catalog:detail", "catalog:edit", "catalog:retire", "catalog:reinstate", "catalog:delete", "catalog:fee_standard",
    "documents:catalog",
    # Settlements and usage assessments are per provider; department users get 403 on every billing page of them.
    "billing:settlement", "billing:settlement_sign", "billing:settlement_xlsx", "billing:settlement_docx",
    "billing:settlement_pdf", "billing:assessment",
}

# List pages and what of the victim's must not appear on them.
LIST_PAGES = ["web:home", "applications:list", "resources:list", "systems:list", "deadlines:list",
              "metering:overview", "metering:flags", "metering:findings", "metering:work", "metering:handovers",
              "notifications:list", "billing:statements"]


def _named_patterns_with_arguments(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + pattern.namespace + ":" if pattern.namespace else namespace
            yield from _named_patterns_with_arguments(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name and pattern.pattern.converters:
            yield namespace + pattern.name


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", verbosity=0)


def _post_only(client, name, keyword, extra):
    """A POST-only action returns 405 to GET for any id, existing or not, so 405 reveals nothing."""
    return client.get(reverse(name, kwargs={keyword: 10**9, **extra})).status_code == 405


def test_every_url_with_an_id_is_classified():
    unclassified = sorted(
        name for name in _named_patterns_with_arguments()
        if name not in DEPARTMENT_SCOPED and name not in NOT_DEPARTMENT_SCOPED
        and not name.startswith("admin:")
    )

    assert unclassified == []


def test_outsider_denied_department_pages(demo, client):
    client.force_login(User.objects.get(username=OUTSIDER))
    checked = 0

    for name, (keyword, objects, *extra) in DEPARTMENT_SCOPED.items():
        extra = extra[0] if extra else {}
        for obj in objects():
            url = reverse(name, kwargs={keyword: obj.pk, **extra})
            for method in (client.get, client.post):
                response = method(url)
                allowed = {403, 404}
                if method.__name__ == "get" and _post_only(client, name, keyword, extra):
                    allowed.add(405)
                assert response.status_code in allowed, "%s %s gave %s" % (method.__name__, url,
                                                                            response.status_code)
                checked += 1

    assert checked > 50


def test_victim_data_never_appears_on_outsider_lists(demo, client):
    client.force_login(User.objects.get(username=OUTSIDER))
    victim_words = set(Application.objects.filter(department__code=VICTIM).values_list("number", flat=True))
    victim_words |= set(InformationSystem.objects.filter(department__code=VICTIM).values_list("name", flat=True))
    victim_words |= set(CloudResource.objects.filter(department__code=VICTIM).values_list("instance_id", flat=True))
    assert victim_words

    for name in LIST_PAGES:
        for query in ("", "?department=%d" % User.objects.get(username="edu").organisation_id):
            html = client.get(reverse(name) + query).content.decode()
            leaked = sorted(word for word in victim_words if word in html)
            assert leaked == [], "%s%s shows %s" % (name, query, leaked)


def test_other_provider_cannot_act_on_assigned_work(demo, client):
    """A provider reads and acts on only the applications assigned to it."""
    client.force_login(User.objects.get(username="cloud-b"))
    for application in Application.objects.filter(provider__code="demo-cloud-a"):
        assert client.get(reverse("applications:detail", args=[application.pk])).status_code == 404
        assert client.post(reverse("resources:complete_provisioning", args=[application.pk])).status_code == 404
