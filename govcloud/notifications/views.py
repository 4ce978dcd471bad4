from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from govcloud.notifications.models import Message
from govcloud.notifications.services import mark_read
from govcloud.web.decorators import post_only
from govcloud.web.paging import paginate


@login_required
def message_list(request):
    messages = Message.objects.visible_to(request.user).order_by("-sent_at", "-pk")
    page = paginate(request, messages)
    return render(request, "notifications/message_list.html", {"page_obj": page})


@login_required
@post_only
def message_read(request, pk):
    message = get_object_or_404(Message.objects.visible_to(request.user), pk=pk)
    mark_read(message, actor=request.user)
    if message.link and url_has_allowed_host_and_scheme(message.link, allowed_hosts={request.get_host()}):
        return redirect(message.link)
    return redirect("notifications:list")
