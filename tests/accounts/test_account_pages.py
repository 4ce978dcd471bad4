"""The system administrator manages accounts (三员: only the system administrator); everyone changes their own password."""

import pytest
from django.urls import reverse

from govcloud.accounts.models import Role, User
from govcloud.audit.models import AuditEvent
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sysadmin(orgs):
    return UserFactory(username="sysadmin", role=Role.SYSADMIN, organisation=orgs["management"])


def test_sysadmin_creates_an_account(client, sysadmin, orgs):
    client.force_login(sysadmin)

    response = client.post(reverse("accounts:create"), {
        "username": "new-edu", "full_name": "新用户", "role": Role.DEPARTMENT,
        "organisation": orgs["applicant"].pk, "password": "Strong-pass-2026",
    })

    assert response.status_code == 302
    account = User.objects.get(username="new-edu")
    assert (account.role, account.organisation) == (Role.DEPARTMENT, orgs["applicant"])
    assert AuditEvent.objects.filter(action="account.created", object_id=str(account.pk)).exists()


def test_role_must_fit_the_organisation(client, sysadmin, orgs):
    client.force_login(sysadmin)

    response = client.post(reverse("accounts:create"), {
        "username": "wrong", "full_name": "错配", "role": Role.FINANCE,
        "organisation": orgs["applicant"].pk, "password": "Strong-pass-2026",
    })

    assert response.status_code == 200
    assert "不能隶属于" in response.content.decode()
    assert not User.objects.filter(username="wrong").exists()


def test_weak_password_is_rejected_in_chinese(client, sysadmin, orgs):
    client.force_login(sysadmin)

    response = client.post(reverse("accounts:create"), {
        "username": "weak", "full_name": "弱口令", "role": Role.DEPARTMENT,
        "organisation": orgs["applicant"].pk, "password": "12345678",
    })

    assert "密码" in response.content.decode()
    assert not User.objects.filter(username="weak").exists()


def test_deactivated_account_cannot_sign_in(client, sysadmin, users):
    client.force_login(sysadmin)
    client.post(reverse("accounts:set_active", args=[users["applicant"].pk]), {"active": "0"})
    client.logout()

    assert not client.login(username="applicant", password=TEST_PASSWORD)
    assert AuditEvent.objects.filter(action="account.deactivated").count() == 1


@pytest.mark.parametrize("role", ["reviewer", "applicant", "authority"])
def test_other_roles_cannot_manage_accounts(client, users, role):
    client.force_login(users[role])

    assert client.get(reverse("accounts:list")).status_code == 403
    assert client.post(reverse("accounts:set_active", args=[users["outsider"].pk]), {"active": "0"}).status_code == 403


def test_user_changes_own_password(client, users):
    client.force_login(users["applicant"])

    response = client.post(reverse("accounts:password"), {
        "old_password": TEST_PASSWORD, "new_password1": "Another-pass-2026", "new_password2": "Another-pass-2026",
    })

    assert response.status_code == 302
    users["applicant"].refresh_from_db()
    assert users["applicant"].check_password("Another-pass-2026")
