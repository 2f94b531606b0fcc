"""The files that make the app installable and usable offline: the manifest, the worker and the runner's list."""

import datetime as dt
import io
import json
import re

import pytest
from PIL import Image

from backstride.core.library import load_library
from backstride.pages.figures import figure_url
from backstride.runners.reports import today_view
from tests.web.conftest import client_for, make_runner


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def worker_config(text: str) -> dict:
    return json.loads(re.search(r"^const CONFIG = (.*);$", text, flags=re.M).group(1))


def test_the_manifest_names_the_app_its_start_page_colours_and_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert (manifest["name"], manifest["short_name"]) == ("backstride", "backstride")
    assert (manifest["start_url"], manifest["display"]) == ("/today/", "standalone")
    assert (manifest["theme_color"], manifest["background_color"]) == ("#1d2733", "#f6f8fa")
    icons = {(icon["sizes"], icon["purpose"]): icon for icon in manifest["icons"]}
    assert set(icons) == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for (sizes, _purpose), icon in icons.items():
        served = client.get(icon["src"])
        assert served.status_code == 200 and served["Content-Type"] == "image/png"
        image = Image.open(io.BytesIO(body(served)))
        assert f"{image.width}x{image.height}" == sizes


def test_the_colours_in_the_manifest_are_those_of_the_stylesheet(client):
    css = body(client.get("/static/backstride/app.css")).decode()
    assert "--ink: #1d2733" in css and "--bg: #f6f8fa" in css


def test_every_page_links_the_manifest_and_the_offline_script(client):
    page = client.get("/accounts/login/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert '<meta name="theme-color" content="#1d2733">' in page
    assert "/static/backstride/offline.js" in page
    assert "Waiting to be sent: {count}" in page


def test_the_worker_is_served_from_the_root_uncached_with_the_push_handlers(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    text = response.content.decode()
    assert 'addEventListener("push"' in text and "showNotification" in text
    assert 'addEventListener("notificationclick"' in text


def test_the_worker_keeps_the_app_shell_and_every_file_of_it_is_served(client):
    config = worker_config(client.get("/sw.js").content.decode())
    shell = config["shell"]
    for name in ("app.css", "app.js", "offline.js", "icons/icon-192.png", "favicon.svg"):
        assert f"/static/backstride/{name}" in shell
    assert any(re.search(r"/static/django_htmx/htmx-2(\.min)?\.js$", url) for url in shell)
    for url in [*shell, config["offline"]]:
        assert client.get(url).status_code == 200, url
    assert re.fullmatch(r"[0-9a-f]{12}", config["version"])


def test_the_old_push_worker_is_gone_and_settings_registers_the_one_at_the_root(sam):
    user, _runner = sam
    client = client_for(user)
    assert client.get("/static/backstride/push-sw.js").status_code == 404
    assert 'data-worker-url="/sw.js"' in client.get("/settings/").content.decode()


def test_the_offline_list_names_the_week_ahead_every_exercise_page_and_every_figure(sam):
    user, _runner = sam
    client = client_for(user)
    response = client.get("/offline/manifest.json")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    listed = response.json()
    assert listed["pages"][0] == "/today/"
    assert len([p for p in listed["pages"] if p.startswith("/today/?date=")]) == 6
    assert {"/checkin/", "/runs/new/"} <= set(listed["pages"])
    library = load_library()
    assert set(listed["library"]) == {"/exercises/"} | {f"/exercises/{e.slug}/" for e in library}
    drawn = {figure_url(e.slug) for e in library} | {figure_url(e.slug, mirrored=True) for e in library}
    assert set(listed["files"]) == drawn and len(drawn) == 2 * len(library)
    for url in listed["pages"] + listed["library"] + listed["files"]:
        assert client.get(url).status_code == 200, url


def test_the_offline_list_is_for_signed_in_runners_only(client, clinician):
    assert client.get("/offline/manifest.json").status_code == 302
    assert client_for(clinician).get("/offline/manifest.json").status_code == 403


def test_the_page_shown_without_a_connection_needs_no_account(client):
    page = client.get("/offline/")
    assert page.status_code == 200 and "No connection" in page.content.decode()


@pytest.fixture
def fresh_shell():
    """The shell and its version are worked out once per process: forgotten before and after the test."""
    from django.contrib.staticfiles import finders

    from backstride.offline import shell

    def forget():
        finders.get_finder.cache_clear()
        shell._shell_files.cache_clear()
        shell.cache_version.cache_clear()

    forget()
    yield shell
    forget()


def test_a_changed_static_file_gives_the_worker_a_new_cache_version(settings, tmp_path, fresh_shell):
    script = tmp_path / "backstride" / "added.js"
    script.parent.mkdir()
    script.write_text("one")
    settings.STATICFILES_DIRS = [tmp_path]
    before = fresh_shell.cache_version()
    assert "/static/backstride/added.js" in fresh_shell.shell_urls()
    script.write_text("two")
    fresh_shell.cache_version.cache_clear()
    assert fresh_shell.cache_version() != before


def test_the_offline_list_names_the_guided_session_only_on_days_that_have_one(db):
    user, runner = make_runner("kim", start_date=dt.date.today().isoformat())  # a plan starting today
    listed = client_for(user).get("/offline/manifest.json").json()
    played = [p.removeprefix("/today/play/?date=") for p in listed["pages"] if p.startswith("/today/play/")]
    week = [dt.date.today() + dt.timedelta(days=n) for n in range(7)]
    with_session = [day.isoformat() for day in week if today_view(runner, day)["session"]]
    assert played == with_session and 0 < len(with_session) < 7
