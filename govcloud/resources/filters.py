import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import USER_DEPARTMENT_KINDS, Organisation, OrganisationKind
from govcloud.resources.models import CloudResource, ResourceStatus
from govcloud.web.forms import style_filter_form


class ResourceFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ResourceStatus.choices)
    department = django_filters.ModelChoiceFilter(
        label=_("Department"), queryset=Organisation.objects.filter(kind__in=USER_DEPARTMENT_KINDS)
    )
    provider = django_filters.ModelChoiceFilter(
        label=_("Provider"), queryset=Organisation.objects.filter(kind=OrganisationKind.PROVIDER)
    )
    search = django_filters.CharFilter(label=_("Name, instance id or system"), method="filter_search")

    class Meta:
        model = CloudResource
        fields = ["status", "department", "provider"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.request.user.sees_whole_city:
            del self.filters["department"]
            del self.filters["provider"]
        style_filter_form(self.form)

    def filter_search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(instance_id__icontains=value) | Q(system__name__icontains=value)
        )
