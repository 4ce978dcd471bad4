"""Template helpers of the audit log page."""

from django import template

from govcloud.audit.labels import state_label

register = template.Library()


@register.simple_tag
def event_state(event, which):
    """Return the label of an event's state before or after, which is "before" or "after"."""
    value = event.state_before if which == "before" else event.state_after
    return state_label(event.object_type, value)
