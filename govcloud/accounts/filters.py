import django_filters
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Organisation, Role, User
from govcloud.web.forms import style_filter_form


class AccountFilter(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices)
    organisation = django_filters.ModelChoiceFilter(label=_("Organisation"), queryset=Organisation.objects.all())
    is_active = django_filters.ChoiceFilter(label=_("State"), method="filter_active",
                                            choices=[("yes", _("Active")), ("no", _("Deactivated"))])
    search = django_filters.CharFilter(label=_("User name or name"), method="filter_search")

    class Meta:
        model = User
        fields = ["role", "organisation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_filter_form(self.form)

    def filter_active(self, queryset, name, value):
        return queryset.filter(is_active=value == "yes") if value else queryset

    def filter_search(self, queryset, name, value):
        return queryset.filter(username__icontains=value) | queryset.filter(full_name__icontains=value)
