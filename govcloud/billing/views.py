"""Statement pages: the list, one statement with its lines, the days behind a line, and finance's forecast."""

from decimal import Decimal
from fractions import Fraction

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from govcloud.accounts.models import Organisation, Role
from govcloud.billing.engine import day_charges
from govcloud.billing.filters import StatementFilter
from govcloud.billing.forms import RebuildForm
from govcloud.billing.models import Charge, Statement, StatementRun
from govcloud.billing.records import history_of, load_price_book
from govcloud.billing.services import forecast_next_year, rebuild_statements
from govcloud.web.clock import local_today
from govcloud.web.decorators import post_only
from govcloud.web.listing import filtered_page, require_page_role
from govcloud.web.paging import paginate

STATEMENT_ROLES = (Role.DEPARTMENT, Role.PROVIDER, Role.MANAGER, Role.FINANCE, Role.AUTHORITY)
REBUILD_ROLES = (Role.MANAGER, Role.FINANCE)
FORECAST_ROLES = (Role.FINANCE, Role.MANAGER, Role.AUTHORITY)
# Six places show the exact daily charge of a monthly price (1,000.00 ÷ 31 = 32.258065) before the line rounds.
DAY_PLACES = Decimal("0.000001")


@login_required
def statement_list(request):
    require_page_role(request.user, *STATEMENT_ROLES)
    visible = Statement.objects.visible_to(request.user).select_related("department", "provider").order_by(
        "-month", "department__code", "provider__code")
    context = filtered_page(request, StatementFilter, visible)
    rows = context["page_obj"].paginator.object_list
    context["total"] = rows.aggregate(total=Sum("total"))["total"] or Decimal("0.00")
    if request.user.has_role(*REBUILD_ROLES):
        context["rebuild_form"] = RebuildForm()
        context["last_run"] = StatementRun.objects.select_related("ran_by").first()
    return render(request, "billing/statement_list.html", context)


@login_required
@post_only
def statement_rebuild(request):
    """Recompute the statements of a period from the records (management unit or finance)."""
    form = RebuildForm(request.POST)
    if not form.is_valid() or form.cleaned_data["last_month"] < form.cleaned_data["first_month"]:
        messages.error(request, _("Choose a first and a last month, the last not before the first."))
        return redirect("billing:statements")
    report = rebuild_statements(form.cleaned_data["first_month"], form.cleaned_data["last_month"], actor=request.user)
    messages.success(request, _("Statements recomputed: {count} line(s) differed from what was stored.").format(
        count=len(report.differences)))
    for resource_id, message in report.errors:
        messages.error(request, _("Left out, cannot be billed: {message}").format(message=message))
    for settlement, signed_total, computed in report.settlement_differences:
        messages.warning(request, _(
            "Signed settlement {settlement} stays at {signed}; the records now give {computed}: "
            "record the difference as an adjustment."
        ).format(settlement=settlement, signed=signed_total, computed=computed))
    return redirect("billing:statements")


def visible_statement(user, pk):
    require_page_role(user, *STATEMENT_ROLES)
    return get_object_or_404(Statement.objects.visible_to(user).select_related("department", "provider"), pk=pk)


@login_required
def statement_detail(request, pk):
    statement = visible_statement(request.user, pk)
    charges = statement.charges.select_related("resource", "item", "fee_standard").order_by(
        "resource__name", "first_day", "item__code")
    return render(request, "billing/statement_detail.html", {
        "statement": statement, "page_obj": paginate(request, charges),
    })


@login_required
def charge_days(request, charge_pk):
    """Show the days behind one statement line, each at its exact daily charge, recomputed from the records."""
    require_page_role(request.user, *STATEMENT_ROLES)
    charge = get_object_or_404(
        Charge.objects.select_related("resource", "item", "fee_standard", "statement__department",
                                      "statement__provider"),
        pk=charge_pk, statement__in=Statement.objects.visible_to(request.user))
    statement = charge.statement
    days = []
    total_fen = Fraction(0)
    history = history_of(charge.resource)
    if history is not None:
        for day in day_charges(history, load_price_book(), charge.first_day, charge.last_day):
            if day.item == charge.item.code and day.quantity == charge.quantity:
                days.append({"day": day.day, "quantity": day.quantity, "price": day.price,
                             "amount": _yuan(day.exact_fen).quantize(DAY_PLACES)})
                total_fen += day.exact_fen
    # Sum the exact fractions, not the displayed six-place amounts, so the total shows no rounding residue.
    exact_total = _yuan(total_fen).quantize(DAY_PLACES)
    return render(request, "billing/charge_days.html", {
        "statement": statement, "charge": charge, "days": days, "exact_total": exact_total,
        "records_changed": len(days) != charge.days or exact_total.quantize(Decimal("0.01")) != charge.amount,
    })


def _yuan(fen):
    return Decimal(fen.numerator) / Decimal(fen.denominator) / 100


@login_required
def forecast(request):
    """第六条: next year's cost per department if today's resources run all year at today's prices."""
    require_page_role(request.user, *FORECAST_ROLES)
    today = local_today()
    errors = []
    rows = forecast_next_year(today, errors=errors)
    names = dict(Organisation.objects.filter(pk__in=[row[0] for row in rows]).values_list("pk", "name"))
    entries = [{"department": names.get(department, department), "amount": amount} for department, amount in rows]
    return render(request, "billing/forecast.html", {
        "today": today, "year": today.year + 1, "page_obj": paginate(request, entries),
        "total": sum((entry["amount"] for entry in entries), Decimal("0.00")),
        "errors": [message for _resource, message in errors],
    })
