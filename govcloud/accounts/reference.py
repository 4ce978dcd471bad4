"""Loading the city's organisations from the reference CSV shipped with the project.

The file lists the authority, the management unit and finance named in 第五条 and 第六条,
the municipal departments and the county and district governments (see data/README.md).
Loading is idempotent: a row that is already present with the same values changes nothing.
"""

import csv
import logging
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from govcloud.accounts.models import Organisation, OrganisationKind

logger = logging.getLogger(__name__)

ORGANISATIONS_CSV = Path(__file__).resolve().parent / "data" / "changzhi-organisations.csv"
ORGANISATION_COLUMNS = ("code", "name", "kind", "note")

# Only the bodies the city itself lists; providers and third parties come from procurement (第二十七条).
REFERENCE_KINDS = {
    OrganisationKind.AUTHORITY,
    OrganisationKind.MANAGEMENT,
    OrganisationKind.FINANCE,
    OrganisationKind.DEPARTMENT,
    OrganisationKind.COUNTY,
}


class ReferenceDataError(ValueError):
    """A reference file is missing, has the wrong columns or holds an invalid row."""


def read_rows(path, columns):
    """Return the rows of a UTF-8 CSV file as dicts with line numbers, checking its header."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = tuple(reader.fieldnames or ())
            missing = [column for column in columns if column not in header]
            if missing:
                raise ReferenceDataError(
                    _("{file}: missing columns {columns}.").format(file=path.name, columns=", ".join(missing))
                )
            rows = []
            for row in reader:
                if None in row:
                    raise ReferenceDataError(
                        _("{file} line {line}: more fields than columns.").format(file=path.name, line=reader.line_num)
                    )
                rows.append((reader.line_num, {key: (value or "").strip() for key, value in row.items()}))
            return rows
    except FileNotFoundError as error:
        raise ReferenceDataError(_("Reference file not found: {file}.").format(file=path)) from error
    except UnicodeDecodeError as error:
        raise ReferenceDataError(_("{file} is not UTF-8 text.").format(file=path.name)) from error


def require_fields(path, line, row, fields):
    for field in fields:
        if not row.get(field):
            raise ReferenceDataError(
                _("{file} line {line}: the field “{field}” is empty.").format(file=Path(path).name, line=line, field=field)
            )


def _validated_organisation(path, line, row):
    require_fields(path, line, row, ("code", "name", "kind"))
    if row["kind"] not in REFERENCE_KINDS:
        raise ReferenceDataError(
            _("{file} line {line}: unknown organisation kind “{kind}”.").format(
                file=Path(path).name, line=line, kind=row["kind"]
            )
        )
    return {"name": row["name"], "kind": row["kind"], "note": row.get("note", "")}


def _check_names_free(path, wanted):
    """Raise ReferenceDataError when a name in the file belongs to an organisation with another code."""
    names = {values["name"]: code for code, values in wanted.items()}
    taken = Organisation.objects.filter(name__in=names).exclude(code__in=wanted).values_list("name", "code")
    for name, code in taken:
        raise ReferenceDataError(
            _("{file}: the name “{name}” already belongs to the organisation with code “{code}”.").format(
                file=Path(path).name, name=name, code=code
            )
        )


@transaction.atomic
def load_organisations(path=ORGANISATIONS_CSV):
    """Create or update every organisation in the file; return (created, updated) counts.

    The whole file is checked before anything is written, so a bad row loads nothing.
    """
    rows = read_rows(path, ORGANISATION_COLUMNS)
    wanted = {}
    for line, row in rows:
        if row["code"] in wanted:
            raise ReferenceDataError(
                _("{file} line {line}: the code “{code}” appears twice.").format(
                    file=Path(path).name, line=line, code=row["code"]
                )
            )
        wanted[row["code"]] = _validated_organisation(path, line, row)

    _check_names_free(path, wanted)
    existing = {organisation.code: organisation for organisation in Organisation.objects.filter(code__in=wanted)}
    created = updated = 0
    for code, values in wanted.items():
        organisation = existing.get(code)
        if organisation is None:
            Organisation.objects.create(code=code, **values)
            created += 1
            continue
        changed = [field for field, value in values.items() if getattr(organisation, field) != value]
        if changed:
            for field in changed:
                setattr(organisation, field, values[field])
            organisation.save(update_fields=changed)
            updated += 1

    logger.info("organisations loaded from %s: %s created, %s updated", path, created, updated)
    return created, updated
