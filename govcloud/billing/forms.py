"""Forms of the billing pages; they only parse input, the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Organisation, OrganisationKind
from govcloud.web.forms import date_input


def _providers():
    return Organisation.objects.filter(kind=OrganisationKind.PROVIDER)


class ProviderYearForm(forms.Form):
    provider = forms.ModelChoiceField(queryset=_providers(), label=_("Provider"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class AssessmentForm(ProviderYearForm):
    conclusions = forms.CharField(label=_("Conclusions"), widget=forms.Textarea(attrs={"rows": 6}), required=False)


class EvaluationScoreForm(ProviderYearForm):
    score = forms.DecimalField(label=_("Evaluation score"), min_value=0, max_value=100, decimal_places=2)
    source = forms.CharField(label=_("Source"), max_length=200,
                             help_text=_("The evaluation report the score comes from."))


class AdjustmentForm(forms.Form):
    provider = forms.ModelChoiceField(queryset=_providers(), label=_("Provider"))
    amount = forms.DecimalField(label=_("Amount (yuan)"), decimal_places=2, max_digits=14,
                                help_text=_("Negative when the provider was overpaid."))
    reason = forms.CharField(label=_("Reason"), max_length=300)


class ContractForm(forms.Form):
    provider = forms.ModelChoiceField(queryset=_providers(), label=_("Provider"))
    number = forms.CharField(label=_("Contract number"), max_length=60)
    procurement_basis = forms.CharField(label=_("Procurement basis"), max_length=200)
    starts_on = forms.DateField(label=_("Contract starts on"), widget=date_input())
    ends_on = forms.DateField(label=_("Contract ends on"), widget=date_input())


class RebuildForm(forms.Form):
    first_month = forms.DateField(label=_("First month"), input_formats=["%Y-%m"],
                                  widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"))
    last_month = forms.DateField(label=_("Last month"), input_formats=["%Y-%m"],
                                 widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"))
