from django.urls import path

from govcloud.resources import views

app_name = "resources"

urlpatterns = [
    path("", views.resource_list, name="list"),
    path("<int:pk>/", views.resource_detail, name="detail"),
    path("provision/<int:application_pk>/", views.provision, name="provision"),
    path("provision/<int:application_pk>/complete/", views.complete_provisioning, name="complete_provisioning"),
    path("agreements/new/<int:application_pk>/", views.record_agreement, name="record_agreement"),
    path("agreements/<int:pk>/file/", views.file_agreement, name="file_agreement"),
    path("deliveries/new/<int:application_pk>/", views.submit_delivery, name="submit_delivery"),
    path("deliveries/<int:pk>/confirm/", views.confirm_delivery, name="confirm_delivery"),
]
