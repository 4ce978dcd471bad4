from django.urls import path

from govcloud.billing import export_views, settlement_views, views

app_name = "billing"

urlpatterns = [
    path("statements/", views.statement_list, name="statements"),
    path("statements/rebuild/", views.statement_rebuild, name="statement_rebuild"),
    path("statements/<int:pk>/", views.statement_detail, name="statement"),
    path("statements/lines/<int:charge_pk>/", views.charge_days, name="charge_days"),
    path("statements/<int:pk>/export.xlsx", export_views.statement_export, {"fmt": "xlsx"}, name="statement_xlsx"),
    path("statements/<int:pk>/export.docx", export_views.statement_export, {"fmt": "docx"}, name="statement_docx"),
    path("statements/<int:pk>/export.pdf", export_views.statement_export, {"fmt": "pdf"}, name="statement_pdf"),
    path("forecast/", views.forecast, name="forecast"),
    path("settlements/", settlement_views.settlement_list, name="settlements"),
    path("settlements/prepare/", settlement_views.settlement_prepare, name="settlement_prepare"),
    path("settlements/scores/", settlement_views.score_record, name="score_record"),
    path("settlements/adjustments/", settlement_views.adjustment_record, name="adjustment_record"),
    path("settlements/contracts/", settlement_views.contract_record, name="contract_record"),
    path("settlements/<int:pk>/", settlement_views.settlement_detail, name="settlement"),
    path("settlements/<int:pk>/sign/", settlement_views.settlement_sign, name="settlement_sign"),
    path("settlements/<int:pk>/export.xlsx", export_views.settlement_export, {"fmt": "xlsx"}, name="settlement_xlsx"),
    path("settlements/<int:pk>/export.docx", export_views.settlement_export, {"fmt": "docx"}, name="settlement_docx"),
    path("settlements/<int:pk>/export.pdf", export_views.settlement_export, {"fmt": "pdf"}, name="settlement_pdf"),
    path("assessments/", settlement_views.assessment_list, name="assessments"),
    path("assessments/save/", settlement_views.assessment_save, name="assessment_save"),
    path("assessments/<int:pk>/", settlement_views.assessment_detail, name="assessment"),
]
