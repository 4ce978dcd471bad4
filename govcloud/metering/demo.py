"""Metering demo: real utilization (the Bitbrains trace, moved to end yesterday) for the demo's resources,
then the flags, change and exit, reclaim and rationality findings it leads to, in every state.

load_demo calls build(context) after govcloud.web.demo.build, which has delivered the resources.
"""

import datetime
import json
import logging
from pathlib import Path

from govcloud.accounts.models import Role, User
from govcloud.applications import services as application_services
from govcloud.applications.models import ApplicationStatus
from govcloud.metering import lifecycle, rationality
from govcloud.metering.flags import evaluate_utilization
from govcloud.metering.models import FindingKind, FlagStatus, PrometheusSource, UtilizationFlag
from govcloud.metering.services import import_file
from govcloud.resources.models import CloudResource, ResourceStatus

logger = logging.getLogger(__name__)

DATA = Path(__file__).parent / "demo_data" / "demo.json"
TRACE_DIR = Path(__file__).parent / "data" / "bitbrains-gwa-t-12-rnd" / "2013-8"


def _user(role, organisation):
    return User.objects.filter(role=role, organisation=organisation, is_active=True).order_by("pk").first()


def _import_trace(context, texts, resources):
    yesterday = context.today - datetime.timedelta(days=1)
    for resource, vm in zip(resources, texts["trace_vms"]):
        outcome = import_file(TRACE_DIR / ("%s.csv.gz" % vm), "bitbrains", instance=resource.instance_id,
                              provider=resource.provider, shift_to=yesterday)
        if not outcome.succeeded:
            raise RuntimeError("demo trace %s was rejected: %s" % (vm, outcome.run.problems[:3]))


def _walk_change(context, texts, flags):
    """Take the first flagged resource's draft change through review to completion today."""
    draft = next((flag.change_application for flag in flags if flag.change_application), None)
    if draft is None:
        return
    department_user = _user(Role.DEPARTMENT, draft.department)
    manager = User.objects.filter(role=Role.MANAGER, is_active=True).order_by("pk").first()
    draft.reason = "%s\n%s" % (draft.reason, texts["change_reason_edit"])
    draft.save(update_fields=["reason"])
    application_services.submit_application(draft, actor=department_user)
    application_services.approve_application(draft, actor=manager, opinion=texts["change_opinion"],
                                             provider=draft.target_resource.provider)
    draft.refresh_from_db()
    lifecycle.complete_change(draft, actor=_user(Role.PROVIDER, draft.provider), completed_on=context.today)


def _walk_exit(context, texts, resource, *, finish):
    department_user = _user(Role.DEPARTMENT, resource.department)
    exit_application = lifecycle.create_exit_application(actor=department_user, resource=resource,
                                                         reason=texts["exit_reason"], today=context.today)
    application_services.submit_application(exit_application, actor=department_user)
    if not finish:
        return
    manager = User.objects.filter(role=Role.MANAGER, is_active=True).order_by("pk").first()
    application_services.approve_application(exit_application, actor=manager, opinion=texts["exit_opinion"],
                                             provider=resource.provider)
    exit_application.refresh_from_db()
    engineer = _user(Role.PROVIDER, resource.provider)
    lifecycle.reclaim_for_exit(exit_application, actor=engineer, reclaimed_on=context.today)
    record = lifecycle.record_handover(exit_application, actor=engineer, data_handover=texts["handover"]["data"],
                                       documents_handover=texts["handover"]["documents"],
                                       clearing=texts["handover"]["clearing"], cleared_on=context.today)
    lifecycle.confirm_handover(record, actor=department_user, confirmed_on=context.today)


def _decide_findings(context, texts, assessment):
    """Leave findings in every state: reclaimed, reclaim ordered, rectified, rectification ordered, dismissed, open."""
    manager = User.objects.filter(role=Role.MANAGER, is_active=True).order_by("pk").first()
    findings = list(assessment.findings.select_related("resource", "provider").order_by("pk"))
    zombies = [finding for finding in findings if finding.kind == FindingKind.ZOMBIE]
    idle = [finding for finding in findings if finding.kind == FindingKind.IDLE]
    if zombies:
        rationality.order_reclaim(zombies[0], actor=manager, today=context.today, note=texts["reclaim_note"])
        lifecycle.reclaim_resource(zombies[0].resource, actor=_user(Role.PROVIDER, zombies[0].provider),
                                   reclaimed_on=context.today)
    if idle:
        rationality.order_reclaim(idle[0], actor=manager, today=context.today, note=texts["reclaim_note"])
    busy = list(CloudResource.objects.filter(status=ResourceStatus.IN_SERVICE, rationality_findings__isnull=True)
                .select_related("department").order_by("pk")[:4])
    misuse = [rationality.record_misuse(resource, actor=manager, note=texts["misuse_note"], today=context.today)
              for resource in busy]
    if len(misuse) > 1:
        rationality.order_rectification(misuse[0], actor=manager, today=context.today,
                                        note=texts["rectification_note"])
        rationality.report_rectified(misuse[0], actor=_user(Role.DEPARTMENT, misuse[0].department),
                                     today=context.today, note=texts["change_reason_edit"])
        rationality.order_rectification(misuse[1], actor=manager, today=context.today,
                                        note=texts["rectification_note"])
    if len(misuse) > 2:
        rationality.dismiss_finding(misuse[2], actor=manager, today=context.today, note=texts["dismiss_note"])


def _submit_one_draft():
    """Submit one more platform draft so that a flag shows its change application filed."""
    flag = (UtilizationFlag.objects.filter(status=FlagStatus.OPEN, change_application__status=ApplicationStatus.DRAFT,
                                           resource__status=ResourceStatus.IN_SERVICE)
            .select_related("change_application__department").order_by("-pk").first())
    if flag is not None:
        draft = flag.change_application
        application_services.submit_application(draft, actor=_user(Role.DEPARTMENT, draft.department))


def build(context):
    texts = json.loads(DATA.read_text(encoding="utf-8"))
    resources = list(CloudResource.objects.filter(status=ResourceStatus.IN_SERVICE)
                     .select_related("provider", "department", "system").order_by("pk"))
    if not resources:
        logger.warning("metering demo skipped: no resource in service")
        return
    PrometheusSource.objects.get_or_create(
        provider=resources[0].provider, name=texts["prometheus_source"]["name"],
        defaults={"base_url": texts["prometheus_source"]["base_url"], "cpu_query": "vm_cpu_usage_percent",
                  "memory_query": "vm_memory_usage_percent", "is_enabled": False})
    _import_trace(context, texts, resources)
    # An evaluation twelve days ago raised flags that today's evaluation clears where utilization recovered.
    earlier, _cleared = evaluate_utilization(context.day(12), draft_change=lifecycle.draft_change_for_flags)
    raised, _cleared = evaluate_utilization(context.today, draft_change=lifecycle.draft_change_for_flags)
    _walk_change(context, texts, raised + earlier)
    assessment = rationality.run_assessment(context.today)
    _decide_findings(context, texts, assessment)
    # Exits for two resources that no change or reclaim touched: one reclaimed with its handover, one submitted.
    untouched = (CloudResource.objects.filter(status=ResourceStatus.IN_SERVICE, rationality_findings__isnull=True)
                 .exclude(resource_applications__status__in=(
                     ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.RETURNED,
                     ApplicationStatus.APPROVED, ApplicationStatus.COMPLETED))
                 .order_by("-pk")[:2])
    for resource, finish in zip(list(untouched), (True, False)):
        _walk_exit(context, texts, resource, finish=finish)
    _submit_one_draft()
    evaluate_utilization(context.today, draft_change=lifecycle.draft_change_for_flags)
    logger.info("metering demo: %s resources with utilization, %s flags", len(resources), len(raised))
