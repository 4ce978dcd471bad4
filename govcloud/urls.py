from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("govcloud.accounts.urls")),
    path("applications/", include("govcloud.applications.urls")),
    path("dossier/", include("govcloud.applications.dossier_urls")),
    path("documents/", include("govcloud.documents.urls")),
    path("resources/", include("govcloud.resources.urls")),
    path("deadlines/", include("govcloud.deadlines.urls")),
    path("catalog/excel/", include("govcloud.catalog.excel_urls")),
    path("catalog/", include("govcloud.catalog.urls")),
    path("systems/", include("govcloud.systems.urls")),
    path("policy/", include("govcloud.policy.urls")),
    path("workdays/", include("govcloud.workdays.urls")),
    path("audit/", include("govcloud.audit.urls")),
    path("metering/", include("govcloud.metering.urls")),
    path("messages/", include("govcloud.notifications.urls")),
    path("billing/", include("govcloud.billing.urls")),
    path("", include("govcloud.web.urls")),
]
