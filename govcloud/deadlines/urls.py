from django.urls import path

from govcloud.deadlines import views

app_name = "deadlines"

urlpatterns = [
    path("", views.obligation_list, name="list"),
]
