from django import forms
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Organisation, OrganisationKind
from govcloud.metering.models import PrometheusSource
from govcloud.web.forms import date_input


class FindingDecisionForm(forms.Form):
    DECISIONS = [("rectify", _("Order rectification")), ("reclaim", _("Order reclaim")), ("dismiss", _("Dismiss"))]

    decision = forms.ChoiceField(label=_("decision"), choices=DECISIONS)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RectifiedForm(forms.Form):
    note = forms.CharField(label=_("what was rectified"), widget=forms.Textarea(attrs={"rows": 2}))



class ExitForm(forms.Form):
    reason = forms.CharField(label=_("reason for the exit"), widget=forms.Textarea(attrs={"rows": 2}))


class ChangeForm(forms.Form):
    """One quantity field per component of the resource in force, prefilled with today's size."""

    reason = forms.CharField(label=_("reason for the change"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, components=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {}
        for component in components:
            name = "item_%d" % component.item_id
            self.items[name] = component.item
            self.fields[name] = forms.IntegerField(label=str(component.item), min_value=0,
                                                   initial=component.quantity)

    def quantities(self):
        return {item: self.cleaned_data[name] for name, item in self.items.items()}


class CompletionForm(forms.Form):
    day = forms.DateField(label=_("completed on"), widget=date_input())


class HandoverForm(forms.Form):
    data_handover = forms.CharField(label=_("data handed over"), widget=forms.Textarea(attrs={"rows": 2}))
    documents_handover = forms.CharField(label=_("documents handed over"), required=False,
                                         widget=forms.Textarea(attrs={"rows": 2}))
    clearing = forms.CharField(label=_("clearing"), widget=forms.Textarea(attrs={"rows": 2}))
    cleared_on = forms.DateField(label=_("cleared on"), widget=date_input())


class PrometheusSourceForm(forms.ModelForm):
    class Meta:
        model = PrometheusSource
        fields = ["provider", "name", "base_url", "instance_label", "cpu_query", "memory_query", "disk_query",
                  "disk_io_query", "network_query", "timeout_seconds", "is_enabled"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Organisation.objects.filter(kind=OrganisationKind.PROVIDER)


class MisuseForm(forms.Form):
    note = forms.CharField(label=_("how the resource is used other than as applied"),
                           widget=forms.Textarea(attrs={"rows": 2}))
