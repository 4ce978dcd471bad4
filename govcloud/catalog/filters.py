import django_filters
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govcloud.catalog.models import CatalogCategory, CatalogItem, ItemStatus
from govcloud.web.forms import style_filter_form


class PriceState(models.TextChoices):
    """Whether an item has a fee standard in force today; derived, not stored."""

    PRICED = "priced", _("Has a fee standard in force")
    UNPRICED = "unpriced", _("No fee standard yet")


class CatalogItemFilter(django_filters.FilterSet):
    """Filters of the catalog page; the queryset must carry the price_in_force annotation."""

    q = django_filters.CharFilter(label=_("Code or name"), method="filter_text")
    category = django_filters.ModelChoiceFilter(label=_("Category"), queryset=CatalogCategory.objects.all())
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ItemStatus.choices, method="filter_status")
    priced = django_filters.ChoiceFilter(label=_("Fee standard"), choices=PriceState.choices, method="filter_priced")

    class Meta:
        model = CatalogItem
        fields = ["q", "category", "status", "priced"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_filter_form(self.form)

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(code__icontains=value) | Q(name__icontains=value))

    def filter_status(self, queryset, name, value):
        return queryset.filter(retired_on__isnull=value == ItemStatus.OFFERED)

    def filter_priced(self, queryset, name, value):
        return queryset.filter(price_in_force__isnull=value == PriceState.UNPRICED)
