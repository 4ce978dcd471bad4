from django.urls import path

from govcloud.metering import views

app_name = "metering"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("flags/", views.flag_list, name="flags"),
    path("findings/", views.finding_list, name="findings"),
    path("findings/assess/", views.assessment_run, name="assess"),
    path("findings/<int:pk>/decide/", views.finding_decide, name="finding_decide"),
    path("findings/<int:pk>/rectified/", views.finding_rectified, name="finding_rectified"),
    path("resources/<int:pk>/", views.resource_utilization, name="resource"),
    path("systems/<int:pk>/", views.system_utilization, name="system"),
]
