from django.urls import path

from . import views

urlpatterns = [
    path("manifest.webmanifest", views.web_manifest, name="web_manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline_page, name="offline_page"),
    path("offline/manifest.json", views.offline_list, name="offline_list"),
]
