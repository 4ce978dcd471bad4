"""Running a service from a view: a rejected action becomes a message, never a lost page."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def error_text(error):
    return " ".join(error.messages)


def run_service(request, service, *args, success=None, **kwargs):
    """Call service(*args, **kwargs); on ValidationError show its Chinese message and return None."""
    try:
        result = service(*args, **kwargs)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return None
    if success:
        messages.success(request, success)
    return result
