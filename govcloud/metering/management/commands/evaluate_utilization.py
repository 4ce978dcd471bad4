"""Raise and clear utilization flags (第十四条) and, with --assess, run the rationality assessment (第二十六条)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from govcloud.metering.flags import evaluate_utilization
from govcloud.metering.lifecycle import draft_change_for_flags
from govcloud.metering.rationality import run_assessment
from govcloud.web.clock import local_today


class Command(BaseCommand):
    help = "Flag resources outside the utilization thresholds and optionally assess idle and zombie resources."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, help="evaluate as of this date (YYYY-MM-DD)")
        parser.add_argument("--assess", action="store_true", help="also run the idle and zombie assessment")

    def handle(self, *args, **options):
        today = options["today"] or local_today()
        raised, cleared = evaluate_utilization(today, draft_change=draft_change_for_flags)
        self.stdout.write(_("{raised} flag(s) raised, {cleared} cleared.").format(raised=len(raised), cleared=cleared))
        if options["assess"]:
            assessment = run_assessment(today)
            self.stdout.write(_("Assessment: {count} new finding(s).").format(count=assessment.findings.count()))
