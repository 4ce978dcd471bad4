"""The demo scenario: every state present, every page opens for every demo account, loading twice adds nothing."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from govcloud.accounts.models import Role, User
from govcloud.applications.models import Application, ApplicationStatus
from govcloud.deadlines.models import Obligation
from govcloud.resources.models import CloudResource, ResourceStatus
from govcloud.web.navigation import NAVIGATION

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", verbosity=0)


def test_demo_has_applications_in_every_state(demo):
    states = set(Application.objects.values_list("status", flat=True))

    assert states == set(ApplicationStatus.values)


def test_demo_has_an_account_for_every_role(demo):
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)


def test_demo_has_deadlines_and_billing(demo):
    from django.utils import timezone

    today = timezone.localdate()

    assert Obligation.objects.overdue_on(today).exists()
    assert Obligation.objects.filter(met_on__isnull=False).exists()
    # The metering demo reclaims two of the nine delivered resources (an exit and a zombie system).
    billed = CloudResource.objects.filter(billing_starts_on__isnull=False)
    assert billed.count() >= 9
    assert billed.filter(status=ResourceStatus.IN_SERVICE).count() >= 7


def test_loading_again_if_empty_keeps_everything(demo):
    before = (User.objects.count(), Application.objects.count())

    call_command("load_demo", "--if-empty", verbosity=0)
    call_command("load_reference_data", verbosity=0)

    assert (User.objects.count(), Application.objects.count()) == before


def test_every_menu_page_answers_for_every_demo_account(demo, client):
    for user in User.objects.all():
        client.force_login(user)
        for url_name, _label, roles in NAVIGATION:
            if user.role in roles:
                response = client.get(reverse(url_name))
                assert response.status_code == 200, "%s as %s gave %s" % (url_name, user.username,
                                                                           response.status_code)
