"""List pages: one FilterSet applied to a queryset, then one page of the result."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator


def filtered_page(request, filterset_class, queryset, **filterset_kwargs):
    """Return the context of a filtered, paged list: filter, page_obj and the rows of the page."""
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request, **filterset_kwargs)
    rows = filterset.qs if filterset.is_bound and filterset.is_valid() else queryset
    page_obj = Paginator(rows, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return {"filter": filterset, "page_obj": page_obj, "rows": page_obj.object_list}


def require_page_role(user, *roles):
    """Raise PermissionDenied (403) unless the signed-in user holds one of the roles."""
    if not user.has_role(*roles):
        raise PermissionDenied
