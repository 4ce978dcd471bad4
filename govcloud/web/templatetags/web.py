"""Template helpers shared by every page: status badges and paging links that keep the filters."""

from django import template
from django.utils.html import format_html

from govcloud.audit.labels import action_label, object_type_label

register = template.Library()

# Bootstrap colour per status value; statuses not listed show grey.
BADGE_COLOURS = {
    "draft": "secondary",
    "submitted": "primary",
    "returned": "warning",
    "withdrawn": "dark",
    "rejected": "danger",
    "approved": "info",
    "provisioned": "info",
    "delivered": "success",
    "in_service": "success",
    "reclaimed": "dark",
    "signed": "warning",
    "filed": "success",
    "confirmed": "success",
    "open": "primary",
    "met": "success",
    "cancelled": "secondary",
    "overdue": "danger",
    "due_soon": "warning",
    "offered": "success",
    "retired": "dark",
    "on_cloud": "success",
    "to_migrate": "warning",
    "exempt": "secondary",
    "package": "success",
    "entered": "info",
    "assumed": "warning",
}


@register.simple_tag
def status_badge(value, label):
    colour = BADGE_COLOURS.get(str(value), "secondary")
    return format_html('<span class="badge text-bg-{}" data-status="{}">{}</span>', colour, value, label)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """Return the current query string with some parameters replaced (for paging links)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def audit_object_type(object_type):
    return object_type_label(object_type)


@register.filter
def audit_action(action):
    return action_label(action)


@register.filter
def overdue_on(obligation, today):
    """Return True when an open obligation's due date has passed."""
    return obligation.is_overdue(today)
