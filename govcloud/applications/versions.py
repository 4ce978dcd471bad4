"""Frozen versions of an application at each submission, and their side-by-side comparison."""

import dataclasses
import logging

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcloud.applications.dossier_models import ApplicationVersion, MaterialKind
from govcloud.applications.models import Application

logger = logging.getLogger(__name__)

# The form fields a version keeps, with the labels the comparison shows.
FORM_FIELDS = (
    "contact_name", "contact_phone", "contact_email", "reason", "funding_basis", "network_zone",
    "public_facing", "wanted_on", "period_months", "is_offline",
)


def _field_value(application, name):
    value = getattr(application, name)
    if isinstance(value, bool):
        return value
    return "" if value is None else str(value)


def snapshot_of(application):
    """Return a JSON-ready copy of the form, its lines and its current materials."""
    lines = application.lines.select_related("item").order_by("item__code")
    materials = application.materials.current().order_by("kind", "pk")
    return {
        "form": {name: _field_value(application, name) for name in FORM_FIELDS},
        "lines": [
            {"code": line.item.code, "name": line.item.name, "unit": line.item.unit,
             "quantity": line.quantity, "purpose": line.purpose}
            for line in lines
        ],
        "materials": [
            {"id": material.pk, "kind": material.kind, "name": material.original_name,
             "sha256": material.sha256, "size": material.size}
            for material in materials
        ],
    }


@transaction.atomic
def record_version(application, *, actor, event, now=None):
    """Freeze the application as it is now as its next version; called by every submission."""
    # Lock the application row so two submissions cannot take the same version number.
    Application.objects.select_for_update().filter(pk=application.pk).first()
    latest = application.versions.aggregate(latest=Max("number"))["latest"] or 0
    version = ApplicationVersion.objects.create(
        application=application,
        number=latest + 1,
        event=event,
        snapshot=snapshot_of(application),
        created_by=actor,
        created_at=now or timezone.now(),
    )
    logger.info("application %s version %s recorded (%s)", application.pk, version.number, event)
    return version


@dataclasses.dataclass
class ChangedRow:
    label: str
    before: object
    after: object
    material_id: int = None

    @property
    def changed(self):
        return self.before != self.after


def _form_label(name):
    return Application._meta.get_field(name).verbose_name


def _display(name, value):
    field = Application._meta.get_field(name)
    if field.choices and value not in ("", None):
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return value


def compare_versions(older, newer):
    """Return (form rows, line rows, material rows) with each row's value in both versions."""
    before, after = older.snapshot, newer.snapshot
    form_rows = [
        ChangedRow(_form_label(name), _display(name, before["form"].get(name, "")),
                   _display(name, after["form"].get(name, "")))
        for name in FORM_FIELDS
    ]

    lines_before = {line["code"]: line for line in before["lines"]}
    lines_after = {line["code"]: line for line in after["lines"]}
    line_rows = []
    for code in sorted(set(lines_before) | set(lines_after)):
        old, new = lines_before.get(code), lines_after.get(code)
        label = "%s %s" % (code, (new or old)["name"])
        line_rows.append(ChangedRow(label, old["quantity"] if old else None, new["quantity"] if new else None))

    materials_before = {material["id"]: material for material in before["materials"]}
    materials_after = {material["id"]: material for material in after["materials"]}
    material_rows = []
    for material_id in sorted(set(materials_before) | set(materials_after)):
        material = materials_after.get(material_id) or materials_before[material_id]
        label = "%s: %s" % (MaterialKind(material["kind"]).label, material["name"])
        material_rows.append(ChangedRow(label, material_id in materials_before, material_id in materials_after,
                                        material_id=material_id))
    return form_rows, line_rows, material_rows
