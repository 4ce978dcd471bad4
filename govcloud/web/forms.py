"""Form helpers shared by every app."""

from django import forms


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
    """Give the fields of a list page's filter form the small Bootstrap classes."""
    for field in form.fields.values():
        if isinstance(field.widget, forms.Select):
            field.widget.attrs.setdefault("class", "form-select form-select-sm")
        else:
            field.widget.attrs.setdefault("class", "form-control form-control-sm")
