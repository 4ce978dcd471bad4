"""Pages for exporting the catalog to Excel and importing items from Excel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.applications.dossier_models import FileType
from govcloud.applications.uploads import check_upload
from govcloud.catalog.excel import CatalogImportError, import_catalog


@login_required
def export(request):
    return redirect("documents:catalog", fmt="xlsx")


def _checked_workbook(request):
    uploaded = request.FILES.get("workbook")
    if uploaded is None:
        raise ValidationError(_("Choose the Excel workbook to import."))
    checked = check_upload(uploaded)
    if checked.file_type != FileType.XLSX:
        raise ValidationError(_("The file is not an Excel workbook (.xlsx)."))
    return uploaded


@login_required
def import_items(request):
    if not request.user.has_role(Role.MANAGER):
        raise PermissionDenied
    errors = []
    if request.method == "POST":
        try:
            result = import_catalog(_checked_workbook(request), actor=request.user)
        except CatalogImportError as error:
            errors = error.row_errors
        except ValidationError as error:
            errors = [{"row": "", "message": message} for message in error.messages]
        else:
            messages.success(request, _("Catalog imported: {created} items added, {updated} items updated.").format(
                created=result.created, updated=result.updated))
            return redirect("catalog_excel:import")
    return render(request, "catalog/excel_import.html", {"errors": errors})
