from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from govcloud.notifications.models import Message
from govcloud.notifications.services import mark_read


@login_required
def message_list(request):
    messages = Message.objects.visible_to(request.user).order_by("-sent_at", "-pk")
    page = Paginator(messages, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/message_list.html", {"page_obj": page})


@login_required
@require_POST
def message_read(request, pk):
    message = get_object_or_404(Message.objects.visible_to(request.user), pk=pk)
    mark_read(message, actor=request.user)
    if message.link and url_has_allowed_host_and_scheme(message.link, allowed_hosts={request.get_host()}):
        return redirect(message.link)
    return redirect("notifications:list")
