from django.urls import path

from govcloud.catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.item_list, name="list"),
    path("new/", views.item_create, name="create"),
    path("<int:pk>/", views.item_detail, name="detail"),
    path("<int:pk>/edit/", views.item_edit, name="edit"),
    path("<int:pk>/retire/", views.item_retire, name="retire"),
    path("<int:pk>/reinstate/", views.item_reinstate, name="reinstate"),
    path("<int:pk>/delete/", views.item_delete, name="delete"),
    path("<int:pk>/fee-standards/new/", views.fee_standard_create, name="fee_standard"),
]
