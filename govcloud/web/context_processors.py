from govcloud.accounts.models import Role
from govcloud.web.navigation import entries_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"navigation": entries_for(user, request.path), "Role": Role}
