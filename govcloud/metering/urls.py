from django.urls import path

from govcloud.metering import lifecycle_views, source_views, views

app_name = "metering"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("flags/", views.flag_list, name="flags"),
    path("findings/", views.finding_list, name="findings"),
    path("sources/", source_views.source_list, name="sources"),
    path("sources/new/", source_views.source_edit, name="source_new"),
    path("sources/<int:pk>/", source_views.source_edit, name="source_edit"),
    path("sources/<int:pk>/pull/", source_views.source_pull, name="source_pull"),
    path("resources/<int:pk>/misuse/", source_views.record_misuse, name="record_misuse"),
    path("findings/assess/", views.assessment_run, name="assess"),
    path("findings/<int:pk>/decide/", views.finding_decide, name="finding_decide"),
    path("findings/<int:pk>/rectified/", views.finding_rectified, name="finding_rectified"),
    path("resources/<int:pk>/", views.resource_utilization, name="resource"),
    path("systems/<int:pk>/", views.system_utilization, name="system"),
    path("resources/<int:pk>/change/", lifecycle_views.apply_change, name="apply_change"),
    path("resources/<int:pk>/exit/", lifecycle_views.apply_exit, name="apply_exit"),
    path("changes/", lifecycle_views.work_list, name="work"),
    path("changes/<int:pk>/complete/", lifecycle_views.complete, name="complete"),
    path("changes/<int:pk>/handover/", lifecycle_views.handover_new, name="handover_new"),
    path("handovers/", lifecycle_views.handover_list, name="handovers"),
    path("handovers/<int:pk>/confirm/", lifecycle_views.handover_confirm, name="handover_confirm"),
]
