"""Paper applications (第十条 线下): the management unit records one for a department, with the scanned letter."""

import logging

from django.db import transaction
from django.utils import timezone

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_role
from govcloud.applications.dossier_models import MaterialKind
from govcloud.applications.materials import upload_material
from govcloud.applications.services import new_application
from govcloud.audit.services import record_event

logger = logging.getLogger(__name__)


@transaction.atomic
def record_offline_application(*, actor, system, form, lines, scanned_letter, now=None):
    """Record a department's paper application as a draft marked offline, its scanned letter attached.

    The management unit then adds the other scanned materials and submits it; a
    rejected letter file raises ValidationError and records nothing.
    """
    require_role(actor, Role.MANAGER)
    now = now or timezone.now()

    application = new_application(actor=actor, system=system, form=form, lines=lines, now=now, is_offline=True)
    upload_material(application, actor=actor, kind=MaterialKind.APPLICATION_LETTER, uploaded_file=scanned_letter,
                    now=now)

    record_event("application.recorded_offline", application, actor=actor, after=application.status, now=now,
                 details={"department": application.department.code})
    logger.info("paper application %s recorded for department %s by %s",
                application.number, application.department.code, actor.username)
    return application
