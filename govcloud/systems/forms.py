from django import forms

from govcloud.systems.models import InformationSystem
from govcloud.systems.services import SYSTEM_FIELDS


class InformationSystemForm(forms.ModelForm):
    class Meta:
        model = InformationSystem
        fields = list(SYSTEM_FIELDS)
        widgets = {
            "construction_period_end": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
