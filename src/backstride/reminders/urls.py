from django.urls import path

from . import digest_page, settings_section, views

app_name = "reminders"
urlpatterns = [
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("settings/", settings_section.save_reminders, name="settings"),
    path("digest/", digest_page.digest_settings, name="digest"),
    path("push/key/", views.push_key, name="push_key"),
    path("push/subscribe/", views.push_subscribe, name="push_subscribe"),
    path("push/unsubscribe/", views.push_unsubscribe, name="push_unsubscribe"),
]
