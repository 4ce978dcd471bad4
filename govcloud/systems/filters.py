import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import USER_DEPARTMENT_KINDS, Organisation
from govcloud.systems.models import CloudStatus, InformationSystem, MlpsLevel, SystemKind
from govcloud.web.forms import style_filter_form


class InformationSystemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("System name"), method="filter_text")
    cloud_status = django_filters.ChoiceFilter(label=_("Cloud status"), choices=CloudStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=SystemKind.choices)
    mlps_level = django_filters.ChoiceFilter(label=_("MLPS level"), choices=MlpsLevel.choices)
    department = django_filters.ModelChoiceFilter(
        label=_("Department"), queryset=Organisation.objects.filter(kind__in=USER_DEPARTMENT_KINDS)
    )

    class Meta:
        model = InformationSystem
        fields = ["q", "cloud_status", "kind", "mlps_level", "department"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        # A department sees only its own systems, so choosing a department means nothing to it.
        if user is None or not user.sees_whole_city:
            del self.filters["department"]
        style_filter_form(self.form)

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(builder__icontains=value))
