"""List filters of the billing pages; every filtered field has an index."""

import django_filters
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import USER_DEPARTMENT_KINDS, Organisation, OrganisationKind
from govcloud.billing.models import Settlement, SettlementStatus, Statement


class StatementFilter(django_filters.FilterSet):
    # A year lookup on a date column is a range query, so the (department, month) and (provider, month) indexes serve it.
    year = django_filters.NumberFilter(field_name="month", lookup_expr="year", label=_("Year"))
    month = django_filters.DateFilter(field_name="month", label=_("Month (first day)"))
    department = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.filter(kind__in=USER_DEPARTMENT_KINDS), label=_("Department"))
    provider = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.filter(kind=OrganisationKind.PROVIDER), label=_("Provider"))

    class Meta:
        model = Statement
        fields = ["year", "month", "department", "provider"]


class SettlementFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="year", label=_("Year"))
    status = django_filters.ChoiceFilter(choices=SettlementStatus.choices, label=_("Status"))

    class Meta:
        model = Settlement
        fields = ["year", "status"]
