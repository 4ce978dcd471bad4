from django.urls import path

from govcloud.catalog import excel_views

app_name = "catalog_excel"

urlpatterns = [
    path("export/", excel_views.export, name="export"),
    path("import/", excel_views.import_items, name="import"),
]
