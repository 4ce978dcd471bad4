from django.contrib.auth.decorators import login_required
from django.db.models import Case, Count, F, Q, When
from django.shortcuts import render

from govcloud.deadlines.filters import ObligationFilter
from govcloud.deadlines.models import Obligation, ObligationStatus
from govcloud.web.clock import local_today
from govcloud.web.listing import filtered_page


@login_required
def obligation_list(request):
    today = local_today()
    visible = Obligation.objects.visible_to(request.user)
    # Open obligations first, soonest due first; met and cancelled ones after them.
    ordered = visible.select_related("owed_by", "department").prefetch_related("subject").order_by(
        Case(When(status=ObligationStatus.OPEN, then=0), default=1), "due_on", "pk"
    )
    context = filtered_page(request, ObligationFilter, ordered, today=today)
    # F2: overdue work counted per party, for the management unit's overview.
    per_party = (
        visible.values("owed_by__name")
        .annotate(
            open=Count("pk", filter=Q(status=ObligationStatus.OPEN)),
            overdue=Count("pk", filter=Q(status=ObligationStatus.OPEN, due_on__lt=today)),
            met_late=Count("pk", filter=Q(status=ObligationStatus.MET, met_on__gt=F("due_on"))),
        )
        .order_by("-overdue", "owed_by__name")
    ) if request.user.sees_whole_city else None
    return render(request, "deadlines/list.html", dict(context, today=today, per_party=per_party))
