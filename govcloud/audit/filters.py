import django_filters
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import User
from govcloud.audit.labels import ACTION_LABELS, object_type_label
from govcloud.audit.models import AuditEvent
from govcloud.web.forms import date_input, style_filter_form


def object_type_choices():
    """Return (label, verbose name) for every kind of record the log has events about."""
    choices = []
    for label in AuditEvent.objects.order_by("object_type").values_list("object_type", flat=True).distinct():
        choices.append((label, object_type_label(label)))
    return choices


def action_choices():
    """Return (code, readable name) for every action the platform records, sorted by name."""
    return sorted(((code, str(label)) for code, label in ACTION_LABELS.items()), key=lambda choice: choice[1])


class AuditEventFilter(django_filters.FilterSet):
    action = django_filters.ChoiceFilter(label=_("action"), choices=action_choices, empty_label=_("All"))
    object_type = django_filters.ChoiceFilter(label=_("object type"), choices=object_type_choices,
                                              empty_label=_("All"))
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_filter_form(self.form)
