from django import forms
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Organisation, OrganisationKind
from govcloud.applications.models import Application, Decision
from govcloud.applications.services import FORM_FIELDS
from govcloud.catalog.models import CatalogItem
from govcloud.systems.models import CloudStatus, InformationSystem
from govcloud.web.forms import BootstrapFormMixin, date_input


class ApplicationForm(BootstrapFormMixin, forms.ModelForm):
    """The application form (附件2) fields a department fills in."""

    class Meta:
        model = Application
        fields = ("system",) + FORM_FIELDS
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 3}),
            "wanted_on": date_input(),
        }

    def __init__(self, *args, department, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["system"].queryset = InformationSystem.objects.filter(department=department).exclude(
            cloud_status=CloudStatus.EXEMPT
        )
        if self.instance.pk:
            self.fields["system"].disabled = True


class LineForm(BootstrapFormMixin, forms.Form):
    """One row of the requirements form (附件3): a catalog item, its quantity and purpose."""

    item = forms.ModelChoiceField(label=_("Catalog item"), queryset=CatalogItem.objects.none(), required=False)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, required=False)
    purpose = forms.CharField(label=_("Purpose"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = CatalogItem.objects.offered().select_related("category")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("item") and not cleaned.get("quantity") and "quantity" not in self.errors:
            self.add_error("quantity", _("Enter the quantity."))
        if cleaned.get("quantity") and not cleaned.get("item"):
            self.add_error("item", _("Choose the catalog item."))
        return cleaned


LineFormSet = forms.formset_factory(LineForm, extra=3, max_num=30)


def lines_from(formset):
    return [
        (form.cleaned_data["item"], form.cleaned_data["quantity"], form.cleaned_data.get("purpose", ""))
        for form in formset
        if form.cleaned_data.get("item")
    ]


class ReviewForm(BootstrapFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(Decision.APPROVE, Decision.APPROVE.label), (Decision.RETURN, Decision.RETURN.label),
                 (Decision.REJECT, Decision.REJECT.label)],
        help_text=_("Changing an approved quantity above makes it an approval with adjusted quantities."),
    )
    opinion = forms.CharField(label=_("Review opinion"), widget=forms.Textarea(attrs={"rows": 4}))
    provider = forms.ModelChoiceField(
        label=_("Provider"), queryset=Organisation.objects.filter(kind=OrganisationKind.PROVIDER), required=False
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = list(application.lines.select_related("item"))
        for line in self.lines:
            self.fields["approved_%d" % line.pk] = forms.IntegerField(
                label=line.item.name, min_value=0, initial=line.quantity, required=False,
                widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
            )
            self.fields["reason_%d" % line.pk] = forms.CharField(
                label=_("Reason"), max_length=200, required=False,
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            )
        providers = self.fields["provider"].queryset
        if providers.count() == 1:
            self.fields["provider"].initial = providers.first()

    def line_rows(self):
        return [(line, self["approved_%d" % line.pk], self["reason_%d" % line.pk]) for line in self.lines]

    def adjustments(self):
        result = {}
        for line in self.lines:
            quantity = self.cleaned_data.get("approved_%d" % line.pk)
            if quantity is not None and quantity != line.quantity:
                result[line.pk] = (quantity, self.cleaned_data.get("reason_%d" % line.pk, ""))
        return result
