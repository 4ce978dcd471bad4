"""Pull utilization from every enabled Prometheus source (for cron where no Celery broker runs)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from govcloud.metering.services import pull_all_sources
from govcloud.web.clock import local_today


class Command(BaseCommand):
    help = "Pull daily utilization roll-ups from every enabled Prometheus source up to yesterday."

    def add_arguments(self, parser):
        parser.add_argument("--days-back", type=int, default=2, help="how many past days to read at most")

    def handle(self, *args, **options):
        for outcome in pull_all_sources(local_today(), days_back=options["days_back"]):
            run = outcome.run
            if outcome.succeeded:
                self.stdout.write(_("{source}: {created} added, {updated} changed, {unchanged} unchanged.").format(
                    source=run.source_name, created=run.rollups_created, updated=run.rollups_updated,
                    unchanged=run.rollups_unchanged))
            else:
                self.stderr.write(_("{source}: failed: {problems}").format(
                    source=run.source_name, problems="; ".join(run.problems)))
