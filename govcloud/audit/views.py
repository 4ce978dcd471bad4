"""The audit log page: every recorded event with filters, and whether the digest chain is intact."""

import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from govcloud.accounts.models import Role
from govcloud.audit.filters import AuditEventFilter
from govcloud.audit.models import AuditEvent
from govcloud.audit.services import chain_status
from govcloud.web.listing import filtered_page, require_page_role


@login_required
@require_safe
def event_list(request):
    """Read-only for everyone, the auditor included: the log is appended to only by services."""
    require_page_role(request.user, Role.AUDITOR, Role.MANAGER, Role.AUTHORITY)
    context = filtered_page(request, AuditEventFilter, AuditEvent.objects.order_by("-occurred_at", "-pk"))
    broken, check = chain_status(datetime.timedelta(seconds=settings.AUDIT_CHAIN_CHECK_SECONDS))
    context.update(broken_at=broken, chain_check=check)
    return render(request, "audit/event_list.html", context)
