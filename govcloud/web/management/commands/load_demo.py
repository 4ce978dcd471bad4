"""Load the demo scenario on top of the reference data (organisations and catalog)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from govcloud.accounts.models import User
from govcloud.web.demo import DemoContext, load_scenario

# Each app that has demo records adds its builder here; they run in this order in one transaction.
DEMO_BUILDERS = [
    "govcloud.web.demo.build",
    "govcloud.applications.demo.build",
    "govcloud.catalog.demo.build",
    "govcloud.workdays.demo.build",
    "govcloud.policy.demo.build",
    "govcloud.metering.demo.build",
    "govcloud.billing.demo.build",
]


class Command(BaseCommand):
    help = "Load the demo scenario (example providers, accounts, systems and applications in every state)."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true",
                            help="Do nothing when any account exists, so a second `make run` keeps entered data.")

    def handle(self, *args, if_empty=False, **options):
        if if_empty and User.objects.exists():
            self.stdout.write("accounts exist; demo not loaded again")
            return
        context = DemoContext(today=timezone.localdate(), scenario=load_scenario())
        with transaction.atomic():
            for path in DEMO_BUILDERS:
                import_string(path)(context)
        self.stdout.write("demo loaded: %d applications, %d accounts" % (len(context.applications), len(context.users)))
