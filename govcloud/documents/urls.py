from django.urls import path

from govcloud.documents import views

app_name = "documents"

# One URL name per document, so each can be checked for scoping on its own; the format is the extension.
urlpatterns = [
    path("catalog.<slug:fmt>", views.download, {"kind": "catalog"}, name="catalog"),
    path("application-form/<int:pk>.<slug:fmt>", views.download, {"kind": "application-form"},
         name="application_form"),
    path("requirements-form/<int:pk>.<slug:fmt>", views.download, {"kind": "requirements-form"},
         name="requirements_form"),
    path("delivery-confirmation/<int:pk>.<slug:fmt>", views.download, {"kind": "delivery-confirmation"},
         name="delivery_confirmation"),
    path("review-opinion/<int:pk>.<slug:fmt>", views.download, {"kind": "review-opinion"}, name="review_opinion"),
]
