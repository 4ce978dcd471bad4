from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from govcloud.deadlines.todo import todo_for
from govcloud.web.clock import local_today


@login_required
def home(request):
    today = local_today()
    return render(request, "web/home.html", {"todo": todo_for(request.user, today), "today": today})
