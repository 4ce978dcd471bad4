from django.urls import path

from govcloud.metering import views

app_name = "metering"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("flags/", views.flag_list, name="flags"),
    path("resources/<int:pk>/", views.resource_utilization, name="resource"),
    path("systems/<int:pk>/", views.system_utilization, name="system"),
]
