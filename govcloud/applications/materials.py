"""The materials checklist of an application (第十条) and the services that add or withdraw a material."""

import dataclasses
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_role
from govcloud.applications.dossier_models import Material, MaterialKind
from govcloud.applications.models import EDITABLE_STATES, Application, ApplicationKind
from govcloud.applications.uploads import check_upload
from govcloud.audit.services import record_event
from govcloud.systems.models import SystemKind

logger = logging.getLogger(__name__)

# 第十条 (一) and (三): the letter, both forms and the migration (deployment) plan, for every new application.
ALWAYS_REQUIRED = (
    MaterialKind.APPLICATION_LETTER,
    MaterialKind.APPLICATION_FORM,
    MaterialKind.REQUIREMENTS_FORM,
    MaterialKind.MIGRATION_PLAN,
)

# 第十条 (二): the system's own papers depend on how the system came about.
SYSTEM_REQUIRED = {
    SystemKind.BUILT: (
        MaterialKind.PROJECT_APPROVAL,
        MaterialKind.CONSTRUCTION_PLAN,
        MaterialKind.CONSTRUCTION_CONTRACT,
        MaterialKind.COMPLETION_ACCEPTANCE,
        MaterialKind.MLPS_FILING,
        MaterialKind.MLPS_ASSESSMENT,
    ),
    # A new system is filed and assessed for MLPS after it is built, so those papers come later.
    SystemKind.NEW: (
        MaterialKind.PROJECT_APPROVAL,
        MaterialKind.CONSTRUCTION_PLAN,
        MaterialKind.CONSTRUCTION_CONTRACT,
    ),
    SystemKind.PROMOTED: (MaterialKind.PROMOTION_DOCUMENT,),
}

# 第十条 lists the papers of an application for new resources. A change (第十四条) or an exit (第十五条)
# is filed from the platform's own record of the resource, so its files are optional.
OTHER_KINDS_REQUIRED = {
    ApplicationKind.CHANGE: (),
    ApplicationKind.EXIT: (),
}


@dataclasses.dataclass
class ChecklistEntry:
    kind: str
    label: str
    required: bool
    materials: list

    @property
    def is_missing(self):
        return self.required and not self.materials


def required_kinds(application):
    """Return the material kinds 第十条 requires for this application, in the article's order."""
    if application.kind != ApplicationKind.NEW:
        return OTHER_KINDS_REQUIRED.get(application.kind, ())
    system_kinds = SYSTEM_REQUIRED.get(application.system.kind, ())
    return ALWAYS_REQUIRED[:3] + tuple(system_kinds) + ALWAYS_REQUIRED[3:]


def checklist(application):
    """Return one ChecklistEntry per required kind, then one per other kind that has files."""
    by_kind = {}
    for material in application.materials.current().select_related("uploaded_by"):
        by_kind.setdefault(material.kind, []).append(material)

    required = required_kinds(application)
    entries = [ChecklistEntry(kind, MaterialKind(kind).label, True, by_kind.get(kind, [])) for kind in required]
    for kind in MaterialKind:
        if kind not in required and kind in by_kind:
            entries.append(ChecklistEntry(kind, kind.label, False, by_kind[kind]))
    return entries


def missing_kinds(application):
    return [entry.kind for entry in checklist(application) if entry.is_missing]


def ensure_dossier_complete(application):
    """Raise ValidationError naming every required material that has no file yet (第十条)."""
    missing = missing_kinds(application)
    if missing:
        names = pgettext("list separator", ", ").join(str(MaterialKind(kind).label) for kind in missing)
        raise ValidationError(
            _("The application cannot be submitted: these materials required by article 10 are missing: "
              "{names}.").format(names=names),
            code="materials_missing",
        )


def _require_may_change_materials(application, actor):
    if application.is_offline:
        # The management unit keeps a paper application's dossier for the department (第十条 线下).
        require_role(actor, Role.MANAGER)
    else:
        require_role(actor, Role.DEPARTMENT)
        if actor.organisation_id != application.department_id:
            raise PermissionDenied(_("This record belongs to another department."))
    # Materials freeze at submission, so each version keeps exactly what was reviewed.
    if application.status not in EDITABLE_STATES:
        raise ValidationError(
            _("Materials can only be changed while the application is a draft or returned for supplement."),
            code="not_editable",
        )


def stored_bytes(application):
    return application.materials.current().aggregate(total=Sum("size"))["total"] or 0


@transaction.atomic
def upload_material(application, *, actor, kind, uploaded_file, now=None):
    """Check and store one file of the dossier; a rejected file raises ValidationError and stores nothing."""
    # Lock the application so two uploads at once cannot both pass the per-application size limit.
    application = Application.objects.select_for_update().get(pk=application.pk)
    _require_may_change_materials(application, actor)
    if kind not in MaterialKind.values:
        raise ValidationError(_("Choose which material this file is."), code="kind")
    checked = check_upload(uploaded_file, already_stored_bytes=stored_bytes(application))

    material = Material(
        application=application,
        kind=kind,
        original_name=checked.clean_name,
        file_type=checked.file_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
        uploaded_at=now or timezone.now(),
    )
    uploaded_file.seek(0)
    material.file.save("upload", File(uploaded_file), save=False)
    material.save()

    record_event("material.uploaded", application, actor=actor, details={
        "material": material.pk, "kind": kind, "name": material.original_name, "sha256": material.sha256,
        "size": material.size,
    })
    logger.info("material %s (%s) uploaded to application %s", material.pk, kind, application.pk)
    return material


@transaction.atomic
def withdraw_material(material, *, actor, now=None):
    """Take a material out of the current dossier; the file stays for the versions that list it."""
    application = material.application
    _require_may_change_materials(application, actor)
    if material.withdrawn_at is not None:
        raise ValidationError(_("This material has already been withdrawn."), code="withdrawn")

    material.withdrawn_at = now or timezone.now()
    material.save(update_fields=["withdrawn_at"])
    record_event("material.withdrawn", application, actor=actor,
                 details={"material": material.pk, "kind": material.kind, "name": material.original_name})
    logger.info("material %s withdrawn from application %s", material.pk, application.pk)
    return material


def open_material_for_download(material_id, *, actor):
    """Return a material the actor may see and record its download; raise Material.DoesNotExist otherwise."""
    material = Material.objects.visible_to(actor).select_related("application").get(pk=material_id)
    with transaction.atomic():
        record_event("document.downloaded", material.application, actor=actor, details={
            "material": material.pk, "kind": material.kind, "name": material.original_name,
        })
    logger.info("material %s of application %s downloaded by user %s", material.pk, material.application_id, actor.pk)
    return material
