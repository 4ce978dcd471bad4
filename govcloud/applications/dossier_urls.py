from django.urls import path

from govcloud.applications import dossier_views

app_name = "dossier"

urlpatterns = [
    path("<int:pk>/materials/", dossier_views.material_list, name="materials"),
    path("<int:pk>/versions/", dossier_views.version_compare, name="versions"),
    path("<int:pk>/experts/", dossier_views.expert_panel, name="experts"),
    path("material/<int:pk>/", dossier_views.material_download, name="material_download"),
    path("material/<int:pk>/withdraw/", dossier_views.material_withdraw, name="material_withdraw"),
    path("offline/new/", dossier_views.offline_create, name="offline_create"),
    path("invitations/", dossier_views.expert_inbox, name="expert_inbox"),
    path("invitations/<int:pk>/", dossier_views.expert_opinion, name="expert_opinion"),
]
