"""Inviting experts to judge an application's resource needs, and recording their opinions (第十一条)."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_role
from govcloud.applications.dossier_models import ExpertConclusion, ExpertInvitation, InvitationStatus
from govcloud.applications.models import REVIEW_STATES, Application
from govcloud.audit.services import record_event

logger = logging.getLogger(__name__)


@transaction.atomic
def invite_expert(application, *, actor, expert, now=None):
    """Invite one expert to give an opinion on an application under review."""
    require_role(actor, Role.MANAGER)
    # Read the state under a row lock: a decision taken meanwhile must not be followed by an invitation.
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in REVIEW_STATES:
        raise ValidationError(_("Experts can only be invited while the application awaits review."), code="state")
    if expert.role != Role.EXPERT or not expert.is_active:
        raise ValidationError(_("Only an active expert account can be invited."), code="not_expert")
    if ExpertInvitation.objects.filter(application=application, expert=expert).exists():
        raise ValidationError(
            _("{expert} has already been invited to this application.").format(expert=expert), code="duplicate"
        )

    invitation = ExpertInvitation.objects.create(
        application=application, expert=expert, invited_by=actor, invited_at=now or timezone.now()
    )
    record_event("application.expert_invited", application, actor=actor,
                 details={"invitation": invitation.pk, "expert": expert.pk, "expert_name": str(expert)})
    logger.info("expert %s invited to application %s", expert.pk, application.pk)
    return invitation


@transaction.atomic
def record_expert_opinion(invitation, *, actor, conclusion, opinion, now=None):
    """Record the invited expert's conclusion and written opinion; an opinion given is never edited."""
    require_role(actor, Role.EXPERT)
    if invitation.expert_id != actor.pk:
        raise PermissionDenied(_("This invitation is addressed to another expert."))
    # Lock the invitation so a double submission cannot record two opinions.
    invitation = ExpertInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.INVITED:
        raise ValidationError(_("You have already given your opinion on this application."), code="answered")
    if invitation.application.status not in REVIEW_STATES:
        raise ValidationError(_("The review of this application has ended."), code="state")
    if conclusion not in ExpertConclusion.values:
        raise ValidationError(_("Choose agree, agree with changes or disagree."), code="conclusion")
    if not (opinion or "").strip():
        raise ValidationError(_("Write the reasons for your conclusion."), code="opinion")

    invitation.conclusion = conclusion
    invitation.opinion = opinion.strip()
    invitation.status = InvitationStatus.ANSWERED
    invitation.answered_at = now or timezone.now()
    invitation.save(update_fields=["conclusion", "opinion", "status", "answered_at"])
    record_event("application.expert_opinion", invitation.application, actor=actor,
                 before=InvitationStatus.INVITED, after=InvitationStatus.ANSWERED,
                 details={"invitation": invitation.pk, "conclusion": conclusion})
    logger.info("expert %s gave opinion %s on application %s", actor.pk, conclusion, invitation.application_id)
    return invitation
