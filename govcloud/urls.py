from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("documents/", include("govcloud.documents.urls")),
    path("catalog/excel/", include("govcloud.catalog.excel_urls")),
    path("dossier/", include("govcloud.applications.dossier_urls")),
    path("", include("govcloud.web.urls")),
]
