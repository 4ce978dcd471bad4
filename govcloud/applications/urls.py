from django.urls import path

from govcloud.applications import views

app_name = "applications"

urlpatterns = [
    path("", views.application_list, name="list"),
    path("new/", views.application_create, name="create"),
    path("<int:pk>/", views.application_detail, name="detail"),
    path("<int:pk>/edit/", views.application_edit, name="edit"),
    path("<int:pk>/submit/", views.application_submit, name="submit"),
    path("<int:pk>/withdraw/", views.application_withdraw, name="withdraw"),
    path("<int:pk>/review/", views.application_review, name="review"),
    path("filings/", views.filing_list, name="filings"),
    path("filings/<int:pk>/read/", views.filing_read, name="filing_read"),
]
