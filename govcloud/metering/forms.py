from django import forms
from django.utils.translation import gettext_lazy as _


class FindingDecisionForm(forms.Form):
    DECISIONS = [("rectify", _("Order rectification")), ("reclaim", _("Order reclaim")), ("dismiss", _("Dismiss"))]

    decision = forms.ChoiceField(label=_("decision"), choices=DECISIONS)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RectifiedForm(forms.Form):
    note = forms.CharField(label=_("what was rectified"), widget=forms.Textarea(attrs={"rows": 2}))

