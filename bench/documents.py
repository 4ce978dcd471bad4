"""Time each official document against a reference render measured in the same run.

Run after `make demo-reset` (it reads the demo's delivered application):
    .venv/bin/python -m bench.documents
The reference is a one-line PDF in the same font, so the ratio shows how much a
document costs beyond WeasyPrint's fixed start-up, whatever the machine's speed.
"""

import os
import statistics
import time

import django


def _time(function, repeat=5):
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcloud.settings")
    django.setup()
    from django.conf import settings
    from weasyprint import HTML

    from govcloud.documents.registry import DOCUMENT_KINDS
    from govcloud.documents.services import render_document
    from govcloud.resources.models import ConfirmationStatus, DeliveryConfirmation
    from govcloud.web.clock import local_today

    delivery = DeliveryConfirmation.objects.filter(status=ConfirmationStatus.CONFIRMED).first()
    if delivery is None:
        raise SystemExit("no confirmed delivery: run `make demo-reset` first")
    review = delivery.application.reviews.first()
    records = {"catalog": None, "application-form": delivery.application, "requirements-form": delivery.application,
               "delivery-confirmation": delivery, "review-opinion": review}

    html = '<p style="font-family: \'%s\'">reference</p>' % settings.DOCUMENTS_PDF_FONT_FAMILY
    HTML(string=html).write_pdf()
    reference = _time(lambda: HTML(string=html).write_pdf())
    print("reference one-line PDF: %.3f s" % reference)
    for code, record in records.items():
        kind = DOCUMENT_KINDS[code]
        for fmt in kind.formats:
            seconds = _time(lambda: render_document(kind, record, fmt, today=local_today()))
            print("%-22s %-4s %.3f s  %.1f x reference" % (code, fmt, seconds, seconds / reference))


if __name__ == "__main__":
    main()
