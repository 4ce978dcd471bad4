"""Each user's to-do list: what they owe, what is due soon or overdue, and what waits for their action."""

import dataclasses

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Role
from govcloud.applications.dossier_models import ExpertInvitation, InvitationStatus
from govcloud.applications.models import (
    EDITABLE_STATES,
    RESOURCE_KINDS,
    Application,
    ApplicationKind,
    ApplicationStatus,
    Filing,
)
from govcloud.deadlines.models import Obligation
from govcloud.metering.models import FlagStatus, UtilizationFlag
from govcloud.notifications.models import Message
from govcloud.policy.models import Parameter
from govcloud.policy.services import int_value_on
from govcloud.resources.models import ConfirmationStatus, DeliveryConfirmation
from govcloud.workdays.calendar import WorkdayCalendar


@dataclasses.dataclass
class Action:
    label: str
    count: int
    url: str


@dataclasses.dataclass
class Todo:
    overdue: list
    due_soon: list
    upcoming: list
    actions: list
    soon_until: object


def _obligation_sections(user, today):
    soon_days = int_value_on(Parameter.DUE_SOON_WORKDAYS, today)
    soon_until = WorkdayCalendar().add_workdays(today, soon_days).date if soon_days else today
    open_obligations = list(
        Obligation.objects.visible_to(user).open().select_related("owed_by", "department")
        .prefetch_related("subject").order_by("due_on", "pk")[:200]
    )
    overdue = [o for o in open_obligations if o.due_on < today]
    due_soon = [o for o in open_obligations if today <= o.due_on <= soon_until]
    upcoming = [o for o in open_obligations if o.due_on > soon_until]
    return overdue, due_soon, upcoming, soon_until


def _list_url(name, **filters):
    url = reverse(name)
    if filters:
        url += "?" + "&".join("%s=%s" % (key, value) for key, value in filters.items())
    return url


def _actions(user):
    applications = Application.objects.visible_to(user)
    actions = []
    if user.role == Role.DEPARTMENT:
        actions.append(Action(_("Applications to complete or resubmit"),
                              applications.filter(status__in=EDITABLE_STATES).count(),
                              _list_url("applications:list", status=ApplicationStatus.RETURNED)))
    if user.role in (Role.DEPARTMENT, Role.PROVIDER):
        actions.append(Action(_("Provisioned applications awaiting a delivery confirmation"),
                              applications.filter(status=ApplicationStatus.PROVISIONED, delivery__isnull=True).count(),
                              _list_url("applications:list", status=ApplicationStatus.PROVISIONED)))
    if user.role == Role.PROVIDER:
        actions.append(Action(_("Approved applications to provision"),
                              applications.filter(status=ApplicationStatus.APPROVED, kind=ApplicationKind.NEW).count(),
                              _list_url("applications:list", status=ApplicationStatus.APPROVED)))
        # 第十四条 and 第十五条: approved changes and exits are carried out on their own page.
        actions.append(Action(_("Approved changes and exits to carry out"),
                              applications.filter(status=ApplicationStatus.APPROVED,
                                                  kind__in=RESOURCE_KINDS).count(),
                              _list_url("metering:work")))
    if user.role == Role.MANAGER:
        actions.append(Action(_("Applications awaiting review"),
                              applications.filter(status=ApplicationStatus.SUBMITTED).count(),
                              _list_url("applications:list", status=ApplicationStatus.SUBMITTED)))
        actions.append(Action(_("Delivery confirmations to confirm"),
                              DeliveryConfirmation.objects.filter(status=ConfirmationStatus.SUBMITTED).count(),
                              _list_url("applications:list", status=ApplicationStatus.PROVISIONED)))
    if user.role == Role.EXPERT:
        actions.append(Action(_("Applications awaiting your expert opinion"),
                              ExpertInvitation.objects.filter(expert=user, status=InvitationStatus.INVITED).count(),
                              reverse("dossier:expert_inbox")))
    if user.role == Role.DEPARTMENT:
        # 第十四条: a flagged resource obliges the department to file a change application.
        actions.append(Action(_("Utilization flags awaiting a change application"),
                              UtilizationFlag.objects.visible_to(user).filter(status=FlagStatus.OPEN).count(),
                              _list_url("metering:flags", status=FlagStatus.OPEN)))
    actions.append(Action(_("Unread messages"), Message.objects.visible_to(user).unread().count(),
                          _list_url("notifications:list")))
    if user.role in (Role.FINANCE, Role.AUTHORITY):
        actions.append(Action(_("Unread filings"),
                              Filing.objects.visible_to(user).filter(read_at__isnull=True).count(),
                              _list_url("applications:filings", unread="true")))
    return actions


def todo_for(user, today):
    overdue, due_soon, upcoming, soon_until = _obligation_sections(user, today)
    return Todo(overdue=overdue, due_soon=due_soon, upcoming=upcoming, actions=_actions(user), soon_until=soon_until)
