"""The printable program: the PDF is read back with pypdf, as a runner's PDF viewer would read it."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from backstride.accounts.models import ApiToken
from backstride.clinic.models import AuditEvent, CareLink
from backstride.runners.models import Runner

from .conftest import client_for

A4 = (595, 842)  # points, rounded
LETTER = (612, 792)


def read(response) -> PdfReader:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def text_of(pdf: PdfReader) -> str:
    """All the text, with line breaks and runs of spaces as single spaces (a long name may wrap)."""
    return " ".join(" ".join(page.extract_text() for page in pdf.pages).split())


def plan_of(runner) -> dict:
    return Runner.objects.get(pk=runner.pk).current_plan.data


def exercise_names(plan: dict) -> set[str]:
    names = {e["name"] for w in plan["weeks"] for s in w["sessions"] for e in s["exercises"]}
    names |= {e["name"] for w in plan["weeks"] for e in (w.get("daily_mobility") or {}).get("exercises", [])}
    return names | {e["name"] for e in plan["maintenance"]["exercises"]}


def short(day: str) -> str:
    d = dt.date.fromisoformat(day)
    return f"{d.day} {d:%b %Y}"


def size_of(pdf: PdfReader) -> tuple[int, int]:
    box = pdf.pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def font_files(pdf: PdfReader) -> list[bool]:
    """For each font used, whether its program is embedded in the file."""
    found = []
    for page in pdf.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object()
            found.append(any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")))
    return found


def test_the_pdf_names_every_exercise_of_the_plan_and_every_weeks_dates(sam):
    user, runner = sam

    text = text_of(read(client_for(user).get("/plan/pdf/")))

    plan = plan_of(runner)
    missing = [name for name in exercise_names(plan) if name not in text]
    assert missing == []
    for week in plan["weeks"]:
        assert f"{short(week['start_date'])} – {short(week['end_date'])}" in text
        for session in week["sessions"]:
            assert dt.date.fromisoformat(session["date"]).strftime("%a %-d %b") in text


def test_the_pdf_has_a_sane_page_count_embedded_fonts_figure_boxes_and_the_safety_note(sam):
    user, _runner = sam

    pdf = read(client_for(user).get("/plan/pdf/"))

    assert 5 <= len(pdf.pages) <= 60
    embedded = font_files(pdf)
    assert embedded and all(embedded)
    text = text_of(pdf)
    assert "Figure to come" not in text
    assert "it does not diagnose and does not replace a clinician" in text
    assert "Where you are starting from" in text and "STarT Back" in text and "Oswestry" in text


def test_every_exercise_card_carries_its_figure_where_it_starts_and_where_it_goes(sam):
    import base64
    import re
    import xml.etree.ElementTree as ET

    from django.template import Context

    from backstride.pages.program_pdf import TEMPLATES, program_context

    _user, runner = sam
    context = program_context(runner, runner.current_plan.start_date)
    html = TEMPLATES.get_template("pages/print/program.html").render(Context(context))
    stills = re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert len(context["cards"]) >= 5 and len(stills) == 2 * len(context["cards"])
    for encoded in stills:
        drawing = ET.fromstring(base64.b64decode(encoded))
        assert drawing.tag.endswith("svg") and not any(e.tag.endswith("animate") for e in drawing.iter())


def test_a4_and_us_letter_pages_have_their_own_sizes(sam):
    user, _runner = sam
    client = client_for(user)

    assert size_of(read(client.get("/plan/pdf/?size=a4"))) == A4
    assert size_of(read(client.get("/plan/pdf/?size=letter"))) == LETTER


def test_an_unknown_paper_size_is_refused(sam):
    user, _runner = sam
    assert client_for(user).get("/plan/pdf/?size=a3").status_code == 400


def test_the_plan_page_links_to_the_pdf(sam):
    user, _runner = sam
    page = client_for(user).get("/plan/").content.decode()
    assert 'href="/plan/pdf/?size=a4"' in page and 'href="/plan/pdf/?size=letter"' in page


def test_a_runner_gets_their_own_program_and_cannot_fetch_anothers(sam, other):
    user, runner = sam
    _other_user, robin = other
    client = client_for(user)

    text = text_of(read(client.get("/plan/pdf/")))

    assert runner.name in text and robin.name not in text
    # the clinician's address for Robin is not for runners
    assert client.get(f"/clinic/runners/{robin.id}/pdf/").status_code in (403, 404)


def test_a_linked_clinician_gets_the_runners_pdf_and_the_read_is_audited(sam, clinician):
    _user, runner = sam
    CareLink.objects.create(clinician=clinician.clinician, runner=runner)

    pdf = read(client_for(clinician).get(f"/clinic/runners/{runner.id}/pdf/?size=letter"))

    assert runner.name in text_of(pdf) and size_of(pdf) == LETTER
    event = AuditEvent.objects.get(actor=clinician, runner=runner)
    assert event.detail == {"page": "pdf", "size": "letter"}
    record = client_for(clinician).get(f"/clinic/runners/{runner.id}/").content.decode()
    assert f'href="/clinic/runners/{runner.id}/pdf/?size=a4"' in record


def test_an_unlinked_clinician_gets_not_found(sam, clinician):
    _user, runner = sam

    response = client_for(clinician).get(f"/clinic/runners/{runner.id}/pdf/")

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(runner=runner).exists()


@pytest.mark.parametrize("size, expected", [("a4", A4), ("letter", LETTER)])
def test_the_api_returns_the_token_runners_program_as_a_pdf(sam, other, size, expected):
    user, runner = sam
    _token, key = ApiToken.issue(user, "tests")

    response = client_for().get(f"/api/v1/plan/pdf?size={size}", HTTP_AUTHORIZATION=f"Bearer {key}")

    pdf = read(response)
    assert size_of(pdf) == expected
    assert runner.name in text_of(pdf) and other[1].name not in text_of(pdf)


def test_the_api_refuses_an_unknown_paper_size(sam):
    user, _runner = sam
    _token, key = ApiToken.issue(user, "tests")
    response = client_for().get("/api/v1/plan/pdf?size=a3", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 422
