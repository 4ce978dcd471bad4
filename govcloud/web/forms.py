"""Form helpers shared by every app."""

from django import forms
from django.utils.translation import gettext_lazy as _


class BootstrapFormMixin:
    """Give every widget the Bootstrap class that fits it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-control")


def style_filter_form(form):
    """Give the fields of a list page's filter form the small Bootstrap classes and an “all” choice."""
    for field in form.fields.values():
        # Model and django-filter choice fields draw their empty choice from empty_label when rendered.
        if hasattr(field, "empty_label"):
            field.empty_label = _("All")
            if not isinstance(field, forms.ModelChoiceField):
                # django-filter's widget keeps an iterator bound to the declared field, so hand it the choices again.
                field.widget.choices = list(field.choices)
        if isinstance(field.widget, forms.Select):
            field.widget.attrs.setdefault("class", "form-select form-select-sm")
        else:
            field.widget.attrs.setdefault("class", "form-control form-control-sm")


def date_input():
    """Return a browser date picker; it needs ISO dates whatever the page's language formats dates as."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
