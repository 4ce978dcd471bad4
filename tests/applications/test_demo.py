"""The demo gives every dossier page something to show: materials, versions, opinions, a paper application."""

import pytest
from django.core.management import call_command

from govcloud.applications.dossier_models import ApplicationVersion, ExpertInvitation, InvitationStatus, Material
from govcloud.applications.materials import missing_kinds
from govcloud.applications.models import Application, ApplicationKind, ApplicationStatus, Filing


@pytest.fixture
def demo(db):
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", verbosity=0)


def test_demo_dossiers(demo):
    submitted = Application.objects.filter(kind=ApplicationKind.NEW).exclude(status=ApplicationStatus.DRAFT)
    draft = Application.objects.get(kind=ApplicationKind.NEW, status=ApplicationStatus.DRAFT)

    assert all(missing_kinds(application) == [] for application in submitted)
    assert missing_kinds(draft)
    assert Material.objects.filter(application=draft).count() == 1
    assert ApplicationVersion.objects.filter(number=2).exists()
    assert set(ExpertInvitation.objects.values_list("status", flat=True)) == {
        InvitationStatus.INVITED, InvitationStatus.ANSWERED}
    assert Application.objects.filter(is_offline=True, status=ApplicationStatus.SUBMITTED).count() == 1
    read = Filing.objects.filter(read_at__isnull=False).count()
    assert 0 < read < Filing.objects.count()
