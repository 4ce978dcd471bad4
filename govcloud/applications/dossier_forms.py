from django import forms
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Role, User
from govcloud.applications.dossier_models import ExpertConclusion, MaterialKind
from govcloud.applications.forms import ApplicationForm
from govcloud.systems.models import InformationSystem


class MaterialUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Material"), choices=MaterialKind.choices)
    file = forms.FileField(label=_("File"), help_text=_("PDF, Word, Excel, OFD, PNG, JPEG or TIFF."))


class ExpertInviteForm(forms.Form):
    expert = forms.ModelChoiceField(label=_("Expert"), queryset=User.objects.none())

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        invited = application.expert_invitations.values("expert")
        self.fields["expert"].queryset = (
            User.objects.filter(role=Role.EXPERT, is_active=True).exclude(pk__in=invited).order_by("full_name", "pk")
        )


class ExpertOpinionForm(forms.Form):
    conclusion = forms.ChoiceField(label=_("Conclusion"), choices=ExpertConclusion.choices, widget=forms.RadioSelect)
    opinion = forms.CharField(label=_("Opinion"), widget=forms.Textarea(attrs={"rows": 5}), max_length=4000)


class OfflineApplicationForm(ApplicationForm):
    """The application form the management unit fills in from a department's paper application."""

    letter = forms.FileField(label=_("Scanned application letter"),
                             help_text=_("The signed and sealed letter, scanned as PDF, OFD or an image."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, department=None, **kwargs)
        self.fields["system"].queryset = InformationSystem.objects.select_related("department").order_by(
            "department__name", "name")
        self.fields["system"].label_from_instance = lambda system: "%s · %s" % (system.department, system.name)
