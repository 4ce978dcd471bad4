"""Load the city's organisations, the service catalog and the rules' own policy values."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from govcloud.accounts.reference import ORGANISATIONS_CSV, ReferenceDataError, load_organisations
from govcloud.catalog.reference import CATALOG_CSV, load_catalog
from govcloud.metering.seed import seed_metering_values
from govcloud.policy.models import PolicyValue
from govcloud.policy.seed import seed_rule_values


class Command(BaseCommand):
    help = "Load the organisations and the service catalog; running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--organisations", default=str(ORGANISATIONS_CSV), help="Path of the organisations CSV.")
        parser.add_argument("--catalog", default=str(CATALOG_CSV), help="Path of the catalog CSV.")

    def handle(self, *args, **options):
        try:
            # One transaction for both files: a bad catalog row leaves the organisations unloaded too.
            with transaction.atomic():
                created, updated = load_organisations(options["organisations"])
                counts = load_catalog(options["catalog"])
                seed_rule_values(PolicyValue)
                seed_metering_values(PolicyValue)
        except ReferenceDataError as error:
            raise CommandError(str(error)) from error

        self.stdout.write(
            _("Organisations: {created} created, {updated} updated. Catalog: {items} items and "
              "{prices} fee standards created.").format(
                created=created, updated=updated, items=counts["items"], prices=counts["fee_standards"]
            )
        )
