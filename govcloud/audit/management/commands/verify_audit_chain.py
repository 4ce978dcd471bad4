"""Verify the whole audit chain and store the result; run it from cron or a scheduler."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from govcloud.audit.services import check_chain


class Command(BaseCommand):
    help = "Verify every audit event's digest and link; exit with status 1 when the chain is broken."

    def handle(self, *args, **options):
        check = check_chain()
        if check.broken_event_id is not None:
            raise CommandError(_("The audit chain is broken at event {number}.").format(number=check.broken_event_id))
        self.stdout.write(_("The audit chain is intact ({count} events checked).").format(count=check.events_checked))
