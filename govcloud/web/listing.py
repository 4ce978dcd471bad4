"""List pages: one FilterSet applied to a queryset, then one page of the result."""

from django.core.exceptions import PermissionDenied

from govcloud.web.paging import paginate


def filtered_page(request, filterset_class, queryset, **filterset_kwargs):
    """Return the context of a filtered, paged list: filter, page_obj and the rows of the page."""
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request, **filterset_kwargs)
    rows = filterset.qs if filterset.is_bound and filterset.is_valid() else queryset
    page_obj = paginate(request, rows)
    return {"filter": filterset, "page_obj": page_obj, "rows": page_obj.object_list}


def require_page_role(user, *roles):
    """Raise PermissionDenied (403) unless the signed-in user has one of the roles."""
    if not user.has_role(*roles):
        raise PermissionDenied
