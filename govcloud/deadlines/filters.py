import django_filters
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Organisation
from govcloud.deadlines.models import Obligation, ObligationKind, ObligationStatus
from govcloud.web.forms import style_filter_form


class ObligationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ObligationStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Deadline"), choices=ObligationKind.choices)
    owed_by = django_filters.ModelChoiceFilter(label=_("Owed by"), queryset=Organisation.objects.all())
    overdue = django_filters.ChoiceFilter(label=_("Overdue"), choices=[("yes", _("Overdue only"))],
                                          method="filter_overdue")

    class Meta:
        model = Obligation
        fields = ["status", "kind", "owed_by"]

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        if not self.request.user.sees_whole_city:
            del self.filters["owed_by"]
        style_filter_form(self.form)

    def filter_overdue(self, queryset, name, value):
        if value:
            return queryset.overdue_on(self.today)
        return queryset
