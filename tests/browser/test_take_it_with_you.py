"""A runner in a real browser downloads their program as a PDF and all their data as a zip, then deletes the account."""

import io
import json
import re
import zipfile

import pytest
from pypdf import PdfReader

from .test_runner_journey import onboard, sign_up

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_a_runner_downloads_the_pdf_and_the_export_then_deletes_the_account(live_server, desktop, screenshots):
    from django.contrib.auth.models import User

    from backstride.runners.models import Runner

    page = desktop
    sign_up(page, live_server.url, "leaving")
    onboard(page)

    page.goto(f"{live_server.url}/plan/")
    # the PDF opens in the browser's viewer: fetch the link's address with the page's own session
    link = page.get_by_role("link", name="Print or save as PDF").get_attribute("href")
    response = page.request.get(live_server.url + link)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.body()))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Sam" in text and "does not replace a clinician" in text

    page.goto(f"{live_server.url}/settings/")
    with page.expect_download() as zip_download:
        page.get_by_role("link", name=re.compile("Download all your data")).click()
    with zipfile.ZipFile(zip_download.value.path()) as archive:
        doc = json.loads(archive.read("backstride-export.json"))
    assert doc["format"] == "backstride.export/1" and doc["runner"]["name"] == "Sam"

    page.get_by_role("link", name="Delete your account and all your data").click()
    page.get_by_label("Your password, to confirm it is you").fill("a-long-passphrase-42")
    page.screenshot(path=str(screenshots / "60-delete-account.png"), full_page=True)
    page.get_by_role("button", name=re.compile("Delete")).click()
    page.wait_for_load_state()
    assert not User.objects.filter(first_name="leaving").exists()
    assert not Runner.objects.filter(name="Sam").exists()
