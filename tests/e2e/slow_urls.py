"""The app's pages and /slow/, which takes a minute to answer (see slow_settings.py)."""

import time

from django.http import HttpResponse
from django.urls import include, path


def slow(request):
    time.sleep(60)
    return HttpResponse("finished")


urlpatterns = [path("slow/", slow), path("", include("backstride.web.urls"))]
