from django import forms
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Organisation, Role
from govcloud.web.forms import BootstrapFormMixin


class AccountForm(BootstrapFormMixin, forms.Form):
    username = forms.SlugField(label=_("User name"), max_length=150)
    full_name = forms.CharField(label=_("Full name"), max_length=60)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.order_by("kind", "code"))
    password = forms.CharField(label=_("Initial password"), widget=forms.PasswordInput(render_value=False),
                               help_text=_("At least 10 characters, not only digits; the user changes it after signing in."))
