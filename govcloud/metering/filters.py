import django_filters
from django.utils.translation import gettext_lazy as _

from govcloud.metering.models import (
    FindingKind,
    FindingStatus,
    FlagDirection,
    FlagStatus,
    Metric,
    RationalityFinding,
    UtilizationFlag,
)


class FlagFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=FlagStatus.choices, label=_("status"))
    direction = django_filters.ChoiceFilter(choices=FlagDirection.choices, label=_("direction"))
    metric = django_filters.ChoiceFilter(choices=Metric.choices, label=_("metric"))

    class Meta:
        model = UtilizationFlag
        fields = ["status", "direction", "metric"]


class FindingFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=FindingStatus.choices, label=_("status"))
    kind = django_filters.ChoiceFilter(choices=FindingKind.choices, label=_("kind"))

    class Meta:
        model = RationalityFinding
        fields = ["status", "kind"]
