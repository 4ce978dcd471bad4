"""Turning a document context into Word (docxtpl), PDF (WeasyPrint) or Excel (openpyxl) bytes."""

import io
import logging
import pathlib

from django.conf import settings
from django.template.loader import render_to_string
from docxtpl import DocxTemplate

logger = logging.getLogger(__name__)

WORD_TEMPLATE_DIR = pathlib.Path(__file__).resolve().parent / "templates_docx"


def render_docx(template_name, context):
    """Fill the Word template templates_docx/<template_name>.docx; user text is XML-escaped."""
    template = DocxTemplate(WORD_TEMPLATE_DIR / ("%s.docx" % template_name))
    template.render(context, autoescape=True)
    output = io.BytesIO()
    template.save(output)
    return output.getvalue()


def render_pdf(template_name, context):
    """Typeset documents/<template_name>.html as a PDF in the configured CJK font."""
    # Imported here: WeasyPrint loads Pango and fontconfig, which only document downloads need.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(
        "documents/%s.html" % template_name, {**context, "font_family": settings.DOCUMENTS_PDF_FONT_FAMILY}
    )
    # The templates load nothing from outside; refusing every other scheme keeps user text from fetching URLs.
    fetcher = URLFetcher(allowed_protocols=("data",))
    return HTML(string=html, url_fetcher=fetcher).write_pdf()


def warm_up():
    """Load WeasyPrint and the CJK font once, so a server's first PDF download does not pay for them.

    Importing WeasyPrint takes most of a second (it loads Pango and fontconfig), which a
    command or a test run need not pay, so only the WSGI entry point calls this.
    """
    from weasyprint import HTML

    HTML(string="<p style=\"font-family: '%s'\">warm-up</p>" % settings.DOCUMENTS_PDF_FONT_FAMILY).write_pdf()
    logger.info("WeasyPrint loaded with font %s", settings.DOCUMENTS_PDF_FONT_FAMILY)
