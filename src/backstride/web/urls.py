"""URL routes of the web application."""

from django.contrib import admin
from django.urls import include, path

from backstride.api.urls import api
from backstride.pages import urls as pages_urls

urlpatterns = [
    path("", include(pages_urls)),
    path("", include("backstride.offline.urls")),
    path("accounts/", include("backstride.accounts.urls")),
    path("clinic/", include(("backstride.clinic.urls", "clinic"))),
    path("api/v1/", api.urls),
    path("reminders/", include("backstride.reminders.urls")),
    path("admin/", admin.site.urls),
]
