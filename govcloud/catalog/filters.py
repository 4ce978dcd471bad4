import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govcloud.catalog.models import CatalogCategory, CatalogItem, ItemStatus


class PricedChoice:
    PRICED = "priced"
    UNPRICED = "unpriced"
    CHOICES = [(PRICED, _("Has a fee standard in force")), (UNPRICED, _("No fee standard yet"))]


class CatalogItemFilter(django_filters.FilterSet):
    """Filters of the catalog page; the queryset must carry the price_in_force annotation."""

    q = django_filters.CharFilter(label=_("Code or name"), method="filter_text")
    category = django_filters.ModelChoiceFilter(label=_("Category"), queryset=CatalogCategory.objects.all())
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ItemStatus.choices, method="filter_status")
    priced = django_filters.ChoiceFilter(label=_("Fee standard"), choices=PricedChoice.CHOICES, method="filter_priced")

    class Meta:
        model = CatalogItem
        fields = ["q", "category", "status", "priced"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(code__icontains=value) | Q(name__icontains=value))

    def filter_status(self, queryset, name, value):
        return queryset.filter(retired_on__isnull=value == ItemStatus.OFFERED)

    def filter_priced(self, queryset, name, value):
        return queryset.filter(price_in_force__isnull=value == PricedChoice.UNPRICED)
