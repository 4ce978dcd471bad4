import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import USER_DEPARTMENT_KINDS, Organisation
from govcloud.applications.models import Application, ApplicationKind, ApplicationStatus, Filing
from govcloud.web.forms import style_filter_form


class ApplicationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ApplicationStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ApplicationKind.choices)
    department = django_filters.ModelChoiceFilter(
        label=_("Department"), queryset=Organisation.objects.filter(kind__in=USER_DEPARTMENT_KINDS)
    )
    search = django_filters.CharFilter(label=_("Number or system"), method="filter_search")

    class Meta:
        model = Application
        fields = ["status", "kind", "department"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.request.user.sees_whole_city:
            del self.filters["department"]
        style_filter_form(self.form)

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(number__icontains=value) | Q(system__name__icontains=value))


class FilingFilter(django_filters.FilterSet):
    unread = django_filters.ChoiceFilter(label=_("Read"), choices=[("true", _("Unread only"))],
                                         method="filter_unread")

    class Meta:
        model = Filing
        fields = ["unread"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_filter_form(self.form)

    def filter_unread(self, queryset, name, value):
        return queryset.filter(read_at__isnull=True) if value else queryset
