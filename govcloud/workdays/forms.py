from django import forms
from django.utils.translation import gettext_lazy as _

from govcloud.web.forms import BootstrapFormMixin, date_input
from govcloud.workdays.models import DayKind


class CalendarDayForm(BootstrapFormMixin, forms.Form):
    date = forms.DateField(label=_("date"), widget=date_input())
    kind = forms.ChoiceField(label=_("kind"), choices=DayKind.choices)
    name = forms.CharField(label=_("name"), max_length=60, help_text=_("The name in the holiday notice, for example the festival."))


class CalendarYearForm(BootstrapFormMixin, forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=2004, max_value=2100)
    source = forms.CharField(label=_("source"), max_length=200, help_text=_("The notice the days were taken from."))
