"""The platform's one reading of the clock: business dates are local dates in Asia/Shanghai."""

from django.utils import timezone


def local_today():
    return timezone.localdate()
