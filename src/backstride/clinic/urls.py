from django.urls import path

from . import outcomes_csv, program_pdf, views

app_name = "clinic"
urlpatterns = [
    path("", views.roster, name="roster"),
    path("invite/", views.invite, name="invite"),
    path("audit/", views.audit, name="audit"),
    path("outcomes.csv", outcomes_csv.outcomes_csv, name="outcomes_csv"),
    path("runners/<int:runner_id>/", views.runner, name="runner"),
    path("runners/<int:runner_id>/pdf/", program_pdf.runner_pdf, name="runner_pdf"),
    path("runners/<int:runner_id>/adjust/", views.adjust, name="adjust"),
    path("runners/<int:runner_id>/clear/", views.clear, name="clear"),
    path("runners/<int:runner_id>/messages/", views.message, name="message"),
    # last: the record's sections (logs, plan, changes, audit) take whatever name the paths above did not
    path("runners/<int:runner_id>/<slug:section>/", views.runner, name="runner_section"),
]
