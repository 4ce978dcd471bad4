import django_filters
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import User
from govcloud.audit.models import AuditEvent
from govcloud.web.forms import date_input


class AuditEventFilter(django_filters.FilterSet):
    action = django_filters.CharFilter(label=_("action"), lookup_expr="startswith")
    object_type = django_filters.CharFilter(label=_("object type"))
    actor = django_filters.ModelChoiceFilter(label=_("actor"), queryset=User.objects.order_by("username"))
    occurred_from = django_filters.DateFilter(
        label=_("from"), field_name="occurred_at", lookup_expr="date__gte",
        widget=date_input(),
    )
    occurred_to = django_filters.DateFilter(
        label=_("to"), field_name="occurred_at", lookup_expr="date__lte",
        widget=date_input(),
    )

    class Meta:
        model = AuditEvent
        fields = ["action", "object_type", "actor", "occurred_from", "occurred_to"]
