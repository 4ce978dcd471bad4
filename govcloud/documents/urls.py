from django.urls import path

from govcloud.documents import views

app_name = "documents"

urlpatterns = [
    path("<slug:kind>.<slug:fmt>", views.download, name="download"),
    path("<slug:kind>/<int:pk>.<slug:fmt>", views.download, name="download_record"),
]
