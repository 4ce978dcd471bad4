from django import forms
from django.utils.translation import gettext_lazy as _

from govcloud.policy.models import Parameter
from govcloud.web.forms import BootstrapFormMixin, date_input


class PolicyValueForm(BootstrapFormMixin, forms.Form):
    parameter = forms.ChoiceField(label=_("parameter"), choices=Parameter.choices)
    value = forms.DecimalField(label=_("value"), max_digits=10, decimal_places=2, min_value=0)
    effective_from = forms.DateField(label=_("effective from"), widget=date_input())
    source = forms.CharField(label=_("source"), max_length=200,
                             help_text=_("The article or decision the value comes from."))
