"""A runner's record in sections (summary, logs, plan, changes, audit), each at its own address, each building
only what it shows, each read audited as the record was."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from backstride.clinic.models import AuditEvent
from backstride.clinic.services import audit
from backstride.runners.models import OutcomeMeasure

from .conftest import START, client_for, morning, red_flag_checkin

pytestmark = pytest.mark.django_db

SECTIONS = ["logs", "plan", "changes", "audit"]


def url(runner, section: str = "summary") -> str:
    if section == "summary":
        return reverse("clinic:runner", args=[runner.pk])
    return reverse("clinic:runner_section", args=[runner.pk, section])


def page(clinician, runner, section: str = "summary") -> str:
    response = client_for(clinician.user).get(url(runner, section))
    assert response.status_code == 200, section
    return response.content.decode()


def fails(name: str):
    def builder(*args, **kwargs):
        raise AssertionError(f"{name} built for a section that does not show it")

    return builder


def test_each_section_has_its_own_address_and_is_marked_current_in_the_navigation(runner, clinician, today):
    for section in ["summary", *SECTIONS]:
        html = page(clinician, runner, section)
        nav = html.split('class="record-tabs"', 1)[1].split("</nav>", 1)[0]
        current = re.findall(r'<a href="([^"]+)" aria-current="page">', nav)
        assert current == [url(runner, section)], section
        assert all(f'href="{url(runner, other)}"' in nav for other in ["summary", *SECTIONS])


def test_the_summary_says_who_why_the_program_is_paused_and_what_comes_next(runner, clinician, today):
    red_flag_checkin(runner, START + dt.timedelta(days=1))
    html = page(clinician, runner)
    assert runner.name in html and "Reminders off" in html
    assert "The program is paused" in html and "Paused after a yes to a warning-sign question" in html
    assert "None while the program is paused" in html
    assert "Write to the runner" in html  # the messages


def test_the_summary_shows_today_the_running_line_the_next_days_and_the_latest_outcomes(runner, clinician, today):
    for n, value in enumerate([40.0, 30.0, 20.0, 10.0]):
        OutcomeMeasure.objects.create(
            runner=runner, date=START + dt.timedelta(days=n), kind="odi", value=value, data={}
        )
    html = page(clinician, runner)
    assert 'id="today-heading"' in html and "Running:" in html
    assert 'id="upcoming-heading"' in html
    latest = html.split('id="latest-outcomes-heading"', 1)[1].split("</section>", 1)[0]
    assert latest.count("Oswestry questionnaire") == 3 and "10" in latest and ", 40" not in latest
    # the long parts live in their own sections
    assert 'id="plan-heading"' not in html and 'id="changes-heading"' not in html and 'id="logs-heading"' not in html


def test_the_summary_builds_neither_the_progress_nor_its_charts(runner, clinician, today, monkeypatch):
    monkeypatch.setattr("backstride.clinic.detail.progress_view", fails("progress"))
    monkeypatch.setattr("backstride.clinic.detail.charts_for", fails("charts"))
    page(clinician, runner)


def test_the_plan_and_changes_sections_build_neither_today_nor_the_progress(runner, clinician, today, monkeypatch):
    monkeypatch.setattr("backstride.clinic.detail.today_view", fails("today"))
    monkeypatch.setattr("backstride.clinic.detail.progress_view", fails("progress"))
    assert "Settle and activate" in page(clinician, runner, "plan")
    assert "What changed and why" in page(clinician, runner, "changes")


def test_the_logs_and_audit_sections_build_neither_today_nor_the_plan(runner, clinician, today, monkeypatch):
    morning(runner, START, 4)
    monkeypatch.setattr("backstride.clinic.detail.today_view", fails("today"))
    monkeypatch.setattr("backstride.clinic.detail.plan_view", fails("plan"))
    assert 'id="checkins-heading"' in page(clinician, runner, "logs")
    monkeypatch.setattr("backstride.clinic.detail.progress_view", fails("progress"))
    assert "Audit trail of this record" in page(clinician, runner, "audit")


def test_the_plan_marks_the_week_that_holds_today(runner, clinician, today):
    today.day = START + dt.timedelta(days=9)
    html = page(clinician, runner, "plan")
    assert re.findall(r'<tr aria-current="true">\s*<th scope="row">(\d+)</th>', html) == ["2"]


def test_each_section_read_is_audited_once_per_window_under_its_own_name(runner, clinician, today):
    client = client_for(clinician.user)
    for _ in range(3):
        for section in ["summary", *SECTIONS]:
            client.get(url(runner, section))
    details = [e.detail for e in AuditEvent.objects.filter(action="runner_viewed").order_by("id")]
    assert details == [{}, {"page": "logs"}, {"page": "plan"}, {"page": "changes"}, {"page": "audit"}]


def test_the_audit_page_names_the_section_that_was_read(runner, clinician, today):
    client = client_for(clinician.user)
    client.get(url(runner, "logs"))
    assert "the record&#x27;s logs" in client.get(reverse("clinic:audit")).content.decode()


def test_the_audit_section_lists_this_runners_rows_only_newest_first(runner, make_runner, clinician, today):
    other = make_runner("Other Person")
    audit(clinician.user, other, "plan_adjusted", kind="hold_phase", note="About someone else")
    audit(clinician.user, runner, "plan_adjusted", kind="hold_phase", note="First note")
    audit(clinician.user, runner, "plan_adjusted", kind="hold_phase", note="Second note")
    html = page(clinician, runner, "audit")
    assert "About someone else" not in html
    assert html.index("Viewed the runner") < html.index("Second note") < html.index("First note")


def test_an_unknown_section_is_not_found(runner, clinician, today):
    assert client_for(clinician.user).get(f"/clinic/runners/{runner.pk}/everything/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in_and_a_runner_is_refused_every_section(runner, today):
    for section in SECTIONS:
        response = client_for().get(url(runner, section))
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        assert client_for(runner.user).get(url(runner, section)).status_code == 403
    assert not AuditEvent.objects.exists()


def test_another_clinicians_runner_has_no_sections_and_leaves_no_record_of_a_look(runner, stranger, today):
    for section in SECTIONS:
        assert client_for(stranger.user).get(url(runner, section)).status_code == 404
    assert not AuditEvent.objects.exists()


def test_a_runner_without_a_plan_has_every_section_saying_so(make_runner, clinician, today, sam):
    from backstride.clinic.services import link

    referred = make_runner("Ina Intake", red_flags=sam["red_flags"] | {"saddle_numbness": True})
    link(clinician, referred)
    assert "No plan yet" in page(clinician, referred)
    for section in ["plan", "changes"]:
        assert "No plan yet" in page(clinician, referred, section)
    assert "No sessions logged yet" in page(clinician, referred, "logs")
