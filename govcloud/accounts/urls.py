from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from govcloud.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account_list, name="list"),
    path("new/", views.account_create, name="create"),
    path("<int:pk>/active/", views.account_set_active, name="set_active"),
    path("password/", auth_views.PasswordChangeView.as_view(
        template_name="accounts/password.html", success_url=reverse_lazy("accounts:password_done")),
        name="password"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_done.html"),
         name="password_done"),
]
