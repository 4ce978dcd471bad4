"""Catalog pages: everybody reads the catalog; the management unit edits items, finance sets prices."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.catalog import services
from govcloud.catalog.filters import CatalogItemFilter
from govcloud.catalog.forms import CatalogItemForm, FeeStandardForm
from govcloud.catalog.models import CatalogItem, FeeStandard
from govcloud.catalog.pricing import fee_standard_on, with_price_on
from govcloud.web.actions import run_service
from govcloud.web.clock import local_today
from govcloud.web.decorators import post_only
from govcloud.web.listing import filtered_page, require_page_role


@login_required
def item_list(request):
    today = local_today()
    items = with_price_on(CatalogItem.objects.select_related("category"), today)
    context = filtered_page(request, CatalogItemFilter, items)
    context.update(_abilities(request.user), today=today)
    return render(request, "catalog/item_list.html", context)


@login_required
def item_detail(request, pk):
    item = get_object_or_404(CatalogItem.objects.select_related("category"), pk=pk)
    today = local_today()
    context = {
        "item": item,
        "today": today,
        "in_force": fee_standard_on(item, today),
        "history": item.fee_standards.select_related("set_by").order_by("-effective_from"),
        "is_used": services.item_is_used(item),
        **_abilities(request.user),
    }
    return render(request, "catalog/item_detail.html", context)


@login_required
def item_create(request):
    require_page_role(request.user, Role.MANAGER)
    form = CatalogItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.create_item(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item has been added to the catalog."))
            return redirect("catalog:detail", pk=item.pk)
    return render(request, "catalog/item_form.html", {"form": form})


@login_required
def item_edit(request, pk):
    require_page_role(request.user, Role.MANAGER)
    item = get_object_or_404(CatalogItem, pk=pk)
    form = CatalogItemForm(request.POST or None, instance=CatalogItem.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        changes = {field: form.cleaned_data[field] for field in services.ITEM_FIELDS}
        services.update_item(item, actor=request.user, **changes)
        messages.success(request, _("The item has been saved."))
        return redirect("catalog:detail", pk=item.pk)
    return render(request, "catalog/item_form.html", {"form": form, "item": item})


@login_required
@post_only
def item_retire(request, pk):
    require_page_role(request.user, Role.MANAGER)
    item = get_object_or_404(CatalogItem, pk=pk)
    run_service(request, services.retire_item, item, actor=request.user, today=local_today(),
                success=_("The item has been retired."))
    return redirect("catalog:detail", pk=item.pk)


@login_required
@post_only
def item_reinstate(request, pk):
    require_page_role(request.user, Role.MANAGER)
    item = get_object_or_404(CatalogItem, pk=pk)
    run_service(request, services.reinstate_item, item, actor=request.user, success=_("The item is offered again."))
    return redirect("catalog:detail", pk=item.pk)


@login_required
@post_only
def item_delete(request, pk):
    require_page_role(request.user, Role.MANAGER)
    item = get_object_or_404(CatalogItem, pk=pk)
    deleted = run_service(request, _delete, item, actor=request.user, success=_("The item has been deleted."))
    if deleted:
        return redirect("catalog:list")
    return redirect("catalog:detail", pk=item.pk)


@login_required
def fee_standard_create(request, pk):
    """Finance's form for a new price version, or a correction of one not yet in force."""
    require_page_role(request.user, Role.FINANCE)
    item = get_object_or_404(CatalogItem, pk=pk)
    initial = {}
    correcting = request.GET.get("correct")
    if correcting:
        fee = get_object_or_404(FeeStandard, pk=correcting, item=item)
        initial = {"unit_price": fee.unit_price, "effective_from": fee.effective_from, "basis": fee.basis}
    form = FeeStandardForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_fee_standard(item, actor=request.user, today=local_today(), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The fee standard has been recorded."))
            return redirect("catalog:detail", pk=item.pk)
    return render(request, "catalog/fee_standard_form.html", {"form": form, "item": item})


def _abilities(user):
    return {"can_edit_items": user.has_role(Role.MANAGER), "can_set_prices": user.has_role(Role.FINANCE)}


def _delete(item, *, actor):
    services.delete_item(item, actor=actor)
    return True
