"""Expert review (第十一条): the reviewer invites experts, each sees only their applications and gives an opinion."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from govcloud.accounts.models import Role
from govcloud.applications.dossier_models import ExpertConclusion, ExpertInvitation, InvitationStatus
from govcloud.applications.experts import invite_expert, record_expert_opinion
from govcloud.applications.models import Application, ApplicationStatus
from govcloud.audit.models import AuditEvent
from tests.dossier_factories import make_application
from tests.factories import TEST_PASSWORD, UserFactory


@pytest.fixture
def submitted(users, orgs, system, priced_items):
    return make_application(users=users, orgs=orgs, system=system, priced_items=priced_items,
                            status=ApplicationStatus.SUBMITTED)


@pytest.fixture
def second_expert(orgs):
    return UserFactory(username="expert2", role=Role.EXPERT, organisation=orgs["experts"], full_name="王专家")


def test_expert_sees_only_invited_applications_article_11(submitted, users, orgs, system, priced_items):
    other = make_application(users=users, orgs=orgs, system=system, priced_items=priced_items,
                             number="ZWY-2026-0002", status=ApplicationStatus.SUBMITTED)
    assert not Application.objects.visible_to(users["expert"]).exists()

    invite_expert(submitted, actor=users["reviewer"], expert=users["expert"])

    assert list(Application.objects.visible_to(users["expert"])) == [submitted]
    assert other not in Application.objects.visible_to(users["expert"])


def test_reviewer_sees_every_opinion_article_11(client, submitted, users, second_expert):
    first = invite_expert(submitted, actor=users["reviewer"], expert=users["expert"])
    invite_expert(submitted, actor=users["reviewer"], expert=second_expert)
    record_expert_opinion(first, actor=users["expert"], conclusion=ExpertConclusion.AGREE_WITH_CHANGES,
                          opinion="内存按峰值核减至8GB")
    client.login(username="reviewer", password=TEST_PASSWORD)

    page = client.get(reverse("dossier:experts", args=[submitted.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans")

    body = page.content.decode()
    assert "内存按峰值核减至8GB" in body
    assert "修改后同意" in body
    assert "王专家" in body
    assert "待提出意见" in body


def test_opinion_recorded_once(submitted, users):
    invitation = invite_expert(submitted, actor=users["reviewer"], expert=users["expert"])

    record_expert_opinion(invitation, actor=users["expert"], conclusion=ExpertConclusion.DISAGREE,
                          opinion="需求依据不足")

    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ANSWERED
    assert invitation.conclusion == ExpertConclusion.DISAGREE
    assert AuditEvent.objects.filter(action="application.expert_opinion").count() == 1
    with pytest.raises(ValidationError):
        record_expert_opinion(invitation, actor=users["expert"], conclusion=ExpertConclusion.AGREE, opinion="改")


def test_other_expert_cannot_answer(submitted, users, second_expert):
    invitation = invite_expert(submitted, actor=users["reviewer"], expert=users["expert"])

    with pytest.raises(PermissionDenied):
        record_expert_opinion(invitation, actor=second_expert, conclusion=ExpertConclusion.AGREE, opinion="同意")


def test_opinion_needs_text(submitted, users):
    invitation = invite_expert(submitted, actor=users["reviewer"], expert=users["expert"])

    with pytest.raises(ValidationError):
        record_expert_opinion(invitation, actor=users["expert"], conclusion=ExpertConclusion.AGREE, opinion="  ")


def test_only_manager_invites_only_experts(submitted, users):
    with pytest.raises(PermissionDenied):
        invite_expert(submitted, actor=users["applicant"], expert=users["expert"])
    with pytest.raises(ValidationError):
        invite_expert(submitted, actor=users["reviewer"], expert=users["finance"])


def test_invitation_only_under_review(users, orgs, system, priced_items):
    draft = make_application(users=users, orgs=orgs, system=system, priced_items=priced_items)

    with pytest.raises(ValidationError):
        invite_expert(draft, actor=users["reviewer"], expert=users["expert"])


def test_duplicate_invitation_rejected(submitted, users):
    invite_expert(submitted, actor=users["reviewer"], expert=users["expert"])

    with pytest.raises(ValidationError):
        invite_expert(submitted, actor=users["reviewer"], expert=users["expert"])
    assert ExpertInvitation.objects.count() == 1


def test_expert_opinion_page_flow(client, submitted, users):
    invitation = invite_expert(submitted, actor=users["reviewer"], expert=users["expert"])
    client.login(username="expert", password=TEST_PASSWORD)

    inbox = client.get(reverse("dossier:expert_inbox"))
    response = client.post(reverse("dossier:expert_opinion", args=[invitation.pk]),
                           {"conclusion": ExpertConclusion.AGREE, "opinion": "资源配置合理"})

    assert submitted.number in inbox.content.decode()
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.opinion == "资源配置合理"


def test_uninvited_expert_gets_404(client, submitted, users, second_expert):
    invitation = invite_expert(submitted, actor=users["reviewer"], expert=users["expert"])
    client.login(username="expert2", password=TEST_PASSWORD)

    assert client.get(reverse("dossier:expert_opinion", args=[invitation.pk])).status_code == 404
    assert client.get(reverse("dossier:materials", args=[submitted.pk])).status_code == 404
    form_url = reverse("documents:application_form", kwargs={"pk": submitted.pk, "fmt": "docx"})
    assert client.get(form_url).status_code == 404


def test_invited_expert_downloads_forms(client, submitted, users):
    invite_expert(submitted, actor=users["reviewer"], expert=users["expert"])
    client.login(username="expert", password=TEST_PASSWORD)

    form_url = reverse("documents:requirements_form", kwargs={"pk": submitted.pk, "fmt": "docx"})
    assert client.get(form_url).status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_expert_inbox_queries_flat(client, users, orgs, system, priced_items, django_assert_max_num_queries, count):
    """The inbox reads its page in a fixed number of queries however many invitations there are."""
    for index in range(count):
        application = make_application(users=users, orgs=orgs, system=system, priced_items=priced_items,
                                       number="ZWY-Q-%03d" % index, status=ApplicationStatus.SUBMITTED)
        invite_expert(application, actor=users["reviewer"], expert=users["expert"])
    client.login(username="expert", password=TEST_PASSWORD)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("dossier:expert_inbox"))

    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_materials_page_queries_flat(client, submitted, users, django_assert_max_num_queries, count):
    from govcloud.applications.dossier_models import Material, MaterialKind

    for index in range(count):
        Material.objects.create(application=submitted, kind=MaterialKind.OTHER, file="materials/x%d.pdf" % index,
                                original_name="x%d.pdf" % index, file_type="pdf", size=10, sha256="0" * 64,
                                uploaded_by=users["applicant"], uploaded_at=submitted.created_at)
    client.login(username="applicant", password=TEST_PASSWORD)

    with django_assert_max_num_queries(20):
        response = client.get(reverse("dossier:materials", args=[submitted.pk]))

    assert response.status_code == 200


def test_expert_home_counts_awaited_opinions(client, submitted, users):
    invite_expert(submitted, actor=users["reviewer"], expert=users["expert"])
    client.login(username="expert", password=TEST_PASSWORD)

    body = client.get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert "待提出专家意见的申请" in body
    assert reverse("dossier:expert_inbox") in body
