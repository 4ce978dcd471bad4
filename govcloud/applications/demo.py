"""Demo dossiers: materials for the demo applications, expert opinions, a resubmission, a paper application
and filings partly read, so every dossier page has something to show.

web/demo.py calls attach_materials before it submits each demo application; load_demo then
runs build() after the core scenario.
"""

import json
import logging
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from govcloud.accounts.models import Role, User
from govcloud.accounts.services import create_account
from govcloud.applications import experts, services
from govcloud.applications.dossier_models import MaterialKind
from govcloud.applications.materials import missing_kinds, upload_material
from govcloud.applications.models import Application, ApplicationStatus, Filing
from govcloud.applications.offline import record_offline_application
from govcloud.catalog.models import CatalogItem

logger = logging.getLogger(__name__)

DOSSIER_PATH = Path(__file__).parent / "demo_data" / "dossier.json"


def stand_in_pdf(title):
    """Return a valid one-page PDF showing title (ASCII), standing in for a scanned paper."""
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(output)


def _material_file(application, kind):
    # Stand-in scans keep the demo fast; the platform renders the real forms on the documents box.
    title = "%s %s (demo scan)" % (application.number, kind)
    return SimpleUploadedFile("%s-%s.pdf" % (application.number, kind), stand_in_pdf(title))


def attach_materials(context, application, actor, kinds=None):
    """Upload a file for each missing material 第十条 requires (or only for kinds, when given)."""
    for kind in kinds or missing_kinds(application):
        upload_material(application, actor=actor, kind=kind, uploaded_file=_material_file(application, kind))


def _lines(spec):
    items = {item.code: item for item in CatalogItem.objects.all()}
    return [(items[code], quantity, purpose) for code, quantity, purpose in spec]


def _experts(context, dossier):
    for spec in dossier["experts"]:
        user = User.objects.filter(username=spec["username"]).first() or create_account(
            actor=None, username=spec["username"], full_name=spec["full_name"], role=Role.EXPERT,
            organisation=context.organisations[spec["organisation"]], password=context.scenario["password"],
        )
        context.users[spec["username"]] = user


def _resubmitted(context, spec):
    """Build an application returned for supplement and resubmitted, so it has two versions under expert review."""
    department_user, reviewer = context.users[spec["user"]], context.users["manager"]
    system = context.systems[spec["system"]]
    form = {"contact_name": system.contact_name, "contact_phone": system.contact_phone, "reason": spec["reason"],
            "period_months": 12}
    application = services.create_application(actor=department_user, system=system, form=form,
                                              lines=_lines(spec["lines"]), now=context.moment(spec["created"], 9))
    attach_materials(context, application, department_user)
    services.submit_application(application, actor=department_user, now=context.moment(spec["submitted"], 9))
    services.return_application(application, actor=reviewer, opinion=spec["return_opinion"],
                                now=context.moment(spec["returned"], 15))

    application.refresh_from_db()
    services.update_application(application, actor=department_user, form={"reason": spec["revised_reason"]},
                                lines=_lines(spec["revised_lines"]))
    attach_materials(context, application, department_user, kinds=[MaterialKind.MIGRATION_PLAN])
    services.submit_application(application, actor=department_user, now=context.moment(spec["resubmitted"], 9))

    for opinion in spec["opinions"]:
        invitation = experts.invite_expert(application, actor=reviewer, expert=context.users[opinion["expert"]],
                                           now=context.moment(spec["resubmitted"], 11))
        experts.record_expert_opinion(invitation, actor=context.users[opinion["expert"]],
                                      conclusion=opinion["conclusion"], opinion=opinion["opinion"],
                                      now=context.moment(spec["resubmitted"] - 1, 10))
    for username in spec["pending_experts"]:
        experts.invite_expert(application, actor=reviewer, expert=context.users[username],
                              now=context.moment(spec["resubmitted"], 11))
    context.applications.append(application)


def _opinion_on_submitted(context, spec):
    application = Application.objects.filter(status=ApplicationStatus.SUBMITTED, is_offline=False).exclude(
        expert_invitations__isnull=False).order_by("submitted_at").first()
    if application is None:
        return
    invitation = experts.invite_expert(application, actor=context.users["manager"], expert=context.users[spec["expert"]])
    experts.record_expert_opinion(invitation, actor=context.users[spec["expert"]], conclusion=spec["conclusion"],
                                  opinion=spec["opinion"])


def _offline(context, spec):
    manager, system = context.users["manager"], context.systems[spec["system"]]
    form = {"contact_name": spec["contact_name"], "contact_phone": spec["contact_phone"], "reason": spec["reason"],
            "period_months": 12}
    application = record_offline_application(
        actor=manager, system=system, form=form, lines=_lines(spec["lines"]),
        scanned_letter=SimpleUploadedFile("letter.pdf", stand_in_pdf("Scanned application letter")),
        now=context.moment(spec["recorded"], 10),
    )
    attach_materials(context, application, manager)
    services.submit_application(application, actor=manager, now=context.moment(spec["recorded"], 11))
    context.applications.append(application)


def _read_filings(context, spec):
    """Mark the oldest filings read by finance and the authority, leaving the newer ones unread."""
    for username, count in spec.items():
        reader = context.users[username]
        filings = Filing.objects.filter(recipient=reader.organisation, read_at__isnull=True).order_by("filed_at")
        for filing in filings[:count]:
            services.mark_filing_read(filing, actor=reader, now=filing.filed_at)


def build(context):
    """Add the dossier demo on top of the core scenario built by govcloud.web.demo.build."""
    with DOSSIER_PATH.open(encoding="utf-8") as handle:
        dossier = json.load(handle)
    _experts(context, dossier)
    _resubmitted(context, dossier["resubmitted"])
    _opinion_on_submitted(context, dossier["submitted_opinion"])
    _offline(context, dossier["offline"])
    _read_filings(context, dossier["filings_read"])
    logger.info("demo dossiers built: %s materials", sum(a.materials.count() for a in context.applications))
