"""Render one official document to a file, for operators who print in batches."""

import pathlib

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from govcloud.documents.registry import DOCUMENT_KINDS
from govcloud.documents.services import DocumentNotFound, render_for_operator
from govcloud.web.clock import local_today


class Command(BaseCommand):
    help = "Render an official document (annexes 1 to 4, review opinion) as Word, PDF or Excel to a file."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(DOCUMENT_KINDS), help="Which document to render.")
        parser.add_argument("id", nargs="?", type=int, help="The record id: application, delivery or review.")
        parser.add_argument("--format", required=True, choices=("docx", "pdf", "xlsx"), dest="fmt",
                            help="The output format.")
        parser.add_argument("--output", required=True, help="The file to write.")

    def handle(self, *args, kind, id, fmt, output, **options):
        allowed = DOCUMENT_KINDS[kind].formats
        if fmt not in allowed:
            raise CommandError("%s is issued as %s, not %s" % (kind, " or ".join(allowed), fmt))
        try:
            rendered = render_for_operator(kind, id, fmt, today=local_today())
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        except DocumentNotFound:
            raise CommandError("%s has no record with id %s" % (kind, id)) from None

        path = pathlib.Path(output)
        path.write_bytes(rendered.content)
        self.stdout.write("%s: %s bytes written to %s" % (rendered.filename, len(rendered.content), path))
