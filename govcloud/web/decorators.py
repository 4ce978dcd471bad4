"""View decorators shared by every app."""

import functools

from django.shortcuts import render


def post_only(view):
    """Reject anything but POST with a Chinese 405 page; action URLs change data and are never opened by GET."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            response = render(request, "web/error.html", {"status": 405}, status=405)
            response["Allow"] = "POST"
            return response
        return view(request, *args, **kwargs)

    return wrapper
