from django import forms
from django.utils.translation import gettext_lazy as _

from govcloud.applications.models import NetworkZone
from govcloud.web.forms import BootstrapFormMixin, date_input


class ProvisionForm(BootstrapFormMixin, forms.Form):
    """One provisioned instance and how much of each approved line it provides."""

    name = forms.CharField(label=_("Instance name"), max_length=80)
    instance_id = forms.CharField(label=_("Instance id"), max_length=80)
    network_zone = forms.ChoiceField(label=_("Network zone"), choices=NetworkZone.choices)
    ip_address = forms.GenericIPAddressField(label=_("IP address"), required=False)
    operating_system = forms.CharField(label=_("Operating system"), max_length=60, required=False)
    provisioned_on = forms.DateField(label=_("Provisioned on"), widget=date_input())

    def __init__(self, *args, remaining, **kwargs):
        super().__init__(*args, **kwargs)
        self.remaining = remaining
        for line, left in remaining.items():
            self.fields["line_%d" % line.pk] = forms.IntegerField(
                label="%s (%s)" % (line.item.name, line.item.unit), min_value=0, max_value=max(left, 0),
                initial=left, required=False, widget=forms.NumberInput(attrs={"class": "form-control"}),
            )

    def details(self):
        return {name: self.cleaned_data[name] for name in
                ("name", "instance_id", "network_zone", "ip_address", "operating_system")}

    def quantities(self):
        return {line.pk: self.cleaned_data.get("line_%d" % line.pk) or 0 for line in self.remaining}

    def line_fields(self):
        return [(line, left, self["line_%d" % line.pk]) for line, left in self.remaining.items()]


class AgreementForm(BootstrapFormMixin, forms.Form):
    number = forms.CharField(label=_("Agreement number"), max_length=60)
    signed_on = forms.DateField(label=_("Signed on"), widget=date_input())


class DeliveryForm(BootstrapFormMixin, forms.Form):
    credential_handover = forms.CharField(
        label=_("How the initial credentials were handed over"), max_length=200,
        help_text=_("Describe the handover; never enter the credentials themselves."),
    )
