from django import forms

from govcloud.systems.models import InformationSystem
from govcloud.systems.services import SYSTEM_FIELDS
from govcloud.web.forms import BootstrapFormMixin, date_input


class InformationSystemForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = InformationSystem
        fields = list(SYSTEM_FIELDS)
        widgets = {
            "construction_period_end": date_input(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
