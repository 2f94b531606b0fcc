from django.urls import path

from .views import clinicians, home, learn, library, logs, onboarding, outcomes, overview, settings, today

urlpatterns = [
    path("", home.home, name="home"),
    path("ping/", home.ping, name="ping"),
    path("onboarding/", onboarding.onboarding, name="onboarding"),
    path("today/", today.today, name="today"),
    path("today/log/", today.log_session, name="log_session"),
    path("checkin/", logs.checkin, name="checkin"),
    path("runs/new/", logs.log_run, name="log_run"),
    path("outcomes/", outcomes.outcomes, name="outcomes"),
    path("progress/", overview.progress, name="progress"),
    path("plan/", overview.plan, name="plan"),
    path("exercises/", library.library, name="library"),
    path("exercises/<slug:slug>/", library.exercise, name="exercise"),
    path("learn/", learn.lessons, name="lessons"),
    path("learn/<slug:slug>/", learn.lesson, name="lesson"),
    path("settings/", settings.settings_page, name="settings"),
    path("settings/clinicians/", clinicians.clinicians, name="my_clinicians"),
    path("settings/clinicians/<int:clinician_id>/end/", clinicians.end_access, name="end_access"),
]
