from django import forms
from django.utils.translation import gettext_lazy as _

from govcloud.catalog.models import CatalogItem
from govcloud.catalog.pricing import clean_unit_price
from govcloud.web.forms import BootstrapFormMixin, date_input


class CatalogItemForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = CatalogItem
        fields = ["code", "category", "name", "spec", "unit", "billing_period", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Bills and applications quote the code, so it stays as first entered.
            self.fields["code"].disabled = True


class FeeStandardForm(BootstrapFormMixin, forms.Form):
    unit_price = forms.CharField(label=_("unit price (yuan)"), max_length=20)
    effective_from = forms.DateField(label=_("effective from"), widget=date_input())
    basis = forms.CharField(
        label=_("basis"), max_length=200, help_text=_("The finance document or price source.")
    )

    def clean_unit_price(self):
        return clean_unit_price(self.cleaned_data["unit_price"])
