"""Every entry of the left navigation leads to a page that exists."""

from django.urls import NoReverseMatch, reverse

from govcloud.web.navigation import NAVIGATION


def test_every_navigation_entry_reverses():
    failing = []
    for url_name, _label, _roles in NAVIGATION:
        try:
            reverse(url_name)
        except NoReverseMatch:
            failing.append(url_name)

    assert failing == [], "navigation entries without a page: %s" % ", ".join(failing)


def test_every_entry_opens_for_its_roles(client, users, orgs):
    """Each role reaches every page its menu shows (status 200), so no menu entry leads to a refusal."""
    from govcloud.accounts.models import Role
    from tests.factories import UserFactory

    people = {user.role: user for user in users.values()}
    people[Role.AUDITOR] = UserFactory(username="auditor", role=Role.AUDITOR, organisation=orgs["management"])
    failing = []
    for url_name, _label, roles in NAVIGATION:
        for role in roles:
            if role not in people:
                continue
            client.force_login(people[role])
            status = client.get(reverse(url_name)).status_code
            if status != 200:
                failing.append("%s as %s: %s" % (url_name, role, status))

    assert failing == []
