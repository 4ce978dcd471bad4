from django.urls import path

from govcloud.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.message_list, name="list"),
    path("<int:pk>/read/", views.message_read, name="read"),
]
