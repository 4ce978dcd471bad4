from django.urls import path

from govcloud.workdays import views

app_name = "workdays"

urlpatterns = [
    path("", views.calendar_overview, name="list"),
]
