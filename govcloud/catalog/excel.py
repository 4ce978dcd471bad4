"""The service catalog (附件1) as an Excel workbook: export with fee standards, and import of items.

An import is all or nothing: every row is checked first and a file with any bad
row imports nothing, returning each error with its row number. Prices are exported
for reference but never imported, because only finance sets fee standards (第六条).
"""

import dataclasses
import io
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_role
from govcloud.audit.services import record_event
from govcloud.catalog.models import BillingPeriod, CatalogCategory, CatalogItem

logger = logging.getLogger(__name__)

# (field, header, column width); the first six columns are imported, the last two only exported.
COLUMNS = (
    ("code", gettext_lazy("Catalog code"), 16),
    ("category", gettext_lazy("Category"), 14),
    ("name", gettext_lazy("Service item"), 24),
    ("spec", gettext_lazy("Specification"), 36),
    ("unit", gettext_lazy("Unit"), 10),
    ("billing_period", gettext_lazy("Billing period"), 10),
    ("unit_price", gettext_lazy("Unit price (yuan)"), 14),
    ("effective_from", gettext_lazy("Price effective from"), 14),
)
IMPORTED_FIELDS = ("code", "category", "name", "spec", "unit", "billing_period")
REQUIRED_FIELDS = ("code", "category", "name", "unit", "billing_period")
MAX_LENGTHS = {"code": 40, "category": 40, "name": 80, "spec": 200, "unit": 20}
MAX_IMPORT_ROWS = 5000
_HEADER_SEARCH_ROWS = 10
_LANGUAGES = ("zh-hans", "en")


def export_catalog(today):
    """Return the offered catalog with the fee standards in force on today, as .xlsx bytes."""
    from govcloud.documents.contexts import catalog_rows

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Service catalog"))[:31]
    sheet.append([str(_("Annex 1 Government cloud service catalog"))])
    sheet.append([_("Fee standards in force on {date}; an empty price has not been set by finance yet.").format(
        date=today.isoformat())])
    sheet.append([str(header) for _field, header, _width in COLUMNS])
    for row in catalog_rows(today):
        sheet.append([
            row["code"], row["category"], row["name"], row["spec"], row["unit"], row["billing_period"],
            float(row["unit_price"]) if row["unit_price"] else None, row["effective_from"],
        ])
    _style_catalog_sheet(sheet)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _style_catalog_sheet(sheet):
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    for index, (_field, _header, width) in enumerate(COLUMNS, 1):
        letter = sheet.cell(row=3, column=index).column_letter
        sheet.column_dimensions[letter].width = width
        header = sheet.cell(row=3, column=index)
        header.font = Font(bold=True)
        header.fill = PatternFill("solid", fgColor="DDDDDD")
    for row in sheet.iter_rows(min_row=3, max_row=sheet.max_row, max_col=len(COLUMNS)):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in sheet["G"][3:]:
        cell.number_format = "0.00"
    for cell in sheet["H"][3:]:
        cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A4"


@dataclasses.dataclass
class RowError:
    row: int
    message: str


class CatalogImportError(ValidationError):
    """A catalog workbook with bad rows; nothing of it was imported."""

    def __init__(self, errors):
        self.row_errors = errors
        super().__init__([
            _("Row {row}: {message}").format(row=error.row, message=error.message) for error in errors
        ])


@dataclasses.dataclass
class ImportResult:
    created: int
    updated: int


def _header_labels():
    """Return {header text in any platform language: field}."""
    labels = {}
    for language in _LANGUAGES:
        with translation.override(language):
            for field, header, _width in COLUMNS:
                labels[str(header).strip()] = field
    return labels


def _billing_periods():
    periods = {}
    for language in _LANGUAGES:
        with translation.override(language):
            for period in BillingPeriod:
                periods[str(period.label)] = period.value
    periods.update({period.value: period.value for period in BillingPeriod})
    return periods


def _find_header(rows):
    labels = _header_labels()
    for number, row in enumerate(rows[:_HEADER_SEARCH_ROWS], 1):
        columns = {}
        for index, value in enumerate(row):
            field = labels.get(str(value).strip()) if value is not None else None
            if field:
                columns[field] = index
        if all(field in columns for field in REQUIRED_FIELDS):
            return number, columns
    raise CatalogImportError([RowError(1, _(
        "No header row with the columns {columns} was found; export the catalog and fill in that workbook."
    ).format(columns=pgettext("list separator", ", ").join(
        str(header) for field, header, _w in COLUMNS if field in IMPORTED_FIELDS)))])


def _cell_text(row, index):
    if index is None or index >= len(row) or row[index] is None:
        return ""
    return str(row[index]).strip()


def _check_row(number, values, periods, seen_codes, categories):
    errors = []
    for field in REQUIRED_FIELDS:
        if not values[field]:
            errors.append(RowError(number, _("“{column}” is empty.").format(column=dict(
                (f, h) for f, h, _w in COLUMNS)[field])))
    for field, limit in MAX_LENGTHS.items():
        if len(values[field]) > limit:
            errors.append(RowError(number, _("“{value}” is longer than {limit} characters.").format(
                value=values[field][:20], limit=limit)))
    if values["billing_period"] and values["billing_period"] not in periods:
        errors.append(RowError(number, _("Billing period “{value}” is not one of {choices}.").format(
            value=values["billing_period"],
            choices=pgettext("list separator", ", ").join(str(p.label) for p in BillingPeriod))))
    if values["category"] and values["category"] not in categories:
        # A misspelt category would otherwise become a new group of the official catalog.
        errors.append(RowError(number, _("Category “{value}” is not one of {choices}.").format(
            value=values["category"], choices=pgettext("list separator", ", ").join(categories))))
    if values["code"] in seen_codes:
        errors.append(RowError(number, _("Code {code} already appears in row {row}.").format(
            code=values["code"], row=seen_codes[values["code"]])))
    return errors


def read_catalog_rows(workbook_file):
    """Return (rows as dicts with their row numbers, errors) from an uploaded catalog workbook."""
    try:
        workbook = load_workbook(workbook_file, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        logger.info("catalog import: unreadable workbook: %s", error)
        raise CatalogImportError([RowError(1, _("The file is not a readable Excel workbook (.xlsx)."))]) from None
    sheet = workbook.worksheets[0]
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True, max_row=MAX_IMPORT_ROWS + _HEADER_SEARCH_ROWS)]
    workbook.close()
    header_number, columns = _find_header(rows)

    periods, seen_codes, parsed, errors = _billing_periods(), {}, [], []
    categories = list(CatalogCategory.objects.order_by("position", "name").values_list("name", flat=True))
    for number, row in enumerate(rows[header_number:], header_number + 1):
        values = {field: _cell_text(row, columns.get(field)) for field in IMPORTED_FIELDS}
        if not any(values.values()):
            continue
        row_errors = _check_row(number, values, periods, seen_codes, categories)
        errors.extend(row_errors)
        seen_codes.setdefault(values["code"], number)
        if not row_errors:
            values["billing_period"] = periods[values["billing_period"]]
            parsed.append((number, values))
    if not parsed and not errors:
        errors.append(RowError(header_number + 1, _("The workbook has no catalog rows under the header.")))
    return parsed, errors


def _category(name, cache):
    # Rows were checked against the existing categories, so the name is one of them.
    if name not in cache:
        cache[name] = CatalogCategory.objects.get(name=name)
    return cache[name]


@transaction.atomic
def import_catalog(workbook_file, *, actor):
    """Create or update catalog items from a workbook; raise CatalogImportError and import nothing on any bad row."""
    require_role(actor, Role.MANAGER)
    parsed, errors = read_catalog_rows(workbook_file)
    if errors:
        raise CatalogImportError(errors)

    categories, created, updated = {}, 0, 0
    for position, (_number, values) in enumerate(parsed, 1):
        defaults = {
            "category": _category(values["category"], categories),
            "name": values["name"],
            "spec": values["spec"],
            "unit": values["unit"],
            "billing_period": values["billing_period"],
            "position": position,
        }
        _item, was_created = CatalogItem.objects.update_or_create(code=values["code"], defaults=defaults)
        created += was_created
        updated += not was_created

    record_event("catalog.imported", ContentType.objects.get_for_model(CatalogItem), actor=actor,
                 details={"created": created, "updated": updated})
    logger.info("catalog import by user %s: %s created, %s updated", actor.pk, created, updated)
    return ImportResult(created=created, updated=updated)
