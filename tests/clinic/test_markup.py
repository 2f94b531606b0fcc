"""Every clinician page keeps to the content security policy and stays usable with a keyboard and a screen reader."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from .conftest import START, client_for, morning, red_flag_checkin

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.forms: list[dict] = []
        self.in_table = 0
        self.table_ths: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "form":
            self.forms.append({"method": (attrs.get("method") or "get").lower(), "inputs": []})
        if tag == "input" and self.forms:
            self.forms[-1]["inputs"].append(attrs)
        if tag == "table":
            self.in_table += 1
        if tag == "th" and self.in_table:
            self.table_ths.append(attrs)

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_table -= 1


def pages(runner) -> list[str]:
    return [
        reverse("clinic:roster"),
        reverse("clinic:roster") + "?flag=red_flag&sort=name",
        reverse("clinic:invite"),
        reverse("clinic:audit"),
        reverse("clinic:runner", args=[runner.pk]),
        reverse("clinic:adjust", args=[runner.pk]),
        reverse("clinic:clear", args=[runner.pk]),
    ]


@pytest.fixture
def busy(runner, clinician, today):
    """A runner with logs and a pause, and a clinician with an invite and audit events: every section shows."""
    morning(runner, START, 3)
    red_flag_checkin(runner, START + dt.timedelta(days=1))
    today.day = START + dt.timedelta(days=3)
    client_for(clinician.user).post(reverse("clinic:invite"))
    return runner


def rendered(clinician, runner):
    client = client_for(clinician.user)
    for url in pages(runner):
        response = client.get(url)
        assert response.status_code == 200, url
        yield url, response.content.decode()
    # and the pages that show errors
    bad = client.post(reverse("clinic:adjust", args=[runner.pk]), {"kind": "swap", "swap-step": "x"})
    yield "adjust with errors", bad.content.decode()
    bad = client.post(reverse("clinic:clear", args=[runner.pk]), {"clear-note": ""})
    yield "clear with errors", bad.content.decode()


def test_no_page_has_inline_scripts_styles_or_event_handlers(busy, clinician):
    for url, html in rendered(clinician, busy):
        page = Page(html)
        for tag, attrs in page.tags:
            assert tag != "style", url
            assert "style" not in attrs, (url, tag, attrs)
            assert not [a for a in attrs if a.startswith("on")], (url, tag, attrs)
            if tag == "script":
                assert attrs.get("src"), (url, "inline script")


def test_every_post_form_carries_the_csrf_token(busy, clinician):
    for url, html in rendered(clinician, busy):
        for form in Page(html).forms:
            if form["method"] == "post":
                assert any(i.get("name") == "csrfmiddlewaretoken" for i in form["inputs"]), url


def test_every_field_has_a_label_and_every_table_header_a_scope(busy, clinician):
    for url, html in rendered(clinician, busy):
        page = Page(html)
        labelled = {attrs.get("for") for tag, attrs in page.tags if tag == "label"}
        for tag, attrs in page.tags:
            if tag in ("select", "textarea") or (tag == "input" and attrs.get("type") not in ("hidden", "submit")):
                assert attrs.get("id") in labelled, (url, tag, attrs)
            if tag == "img":
                assert attrs.get("alt"), (url, attrs)
        assert (page.table_ths and all(th.get("scope") in ("col", "row", "rowgroup") for th in page.table_ths)) or (
            "<table" not in html
        ), url
        assert sum(1 for tag, _ in page.tags if tag == "h1") == 1, url


def test_fields_with_errors_are_marked_invalid_and_point_to_the_message(busy, clinician):
    response = client_for(clinician.user).post(
        reverse("clinic:adjust", args=[busy.pk]), {"kind": "dosage", "dosage-slot": "brace", "dosage-step": "0"}
    )
    page = Page(response.content.decode())
    step = next(attrs for tag, attrs in page.tags if attrs.get("name") == "dosage-step")
    assert step["aria-invalid"] == "true" and "id_dosage-step_error" in step["aria-describedby"].split()
    assert any(attrs.get("id") == "id_dosage-step_error" for _, attrs in page.tags)
