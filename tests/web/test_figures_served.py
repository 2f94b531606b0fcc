"""Exercise figures on the pages: an <img> per exercise, served as SVG under a name that changes with the drawing."""

import re
import xml.etree.ElementTree as ET

import pytest

from backstride.pages.figures import FOREVER

from .conftest import client_for

pytestmark = pytest.mark.django_db


def figure_src(html: str) -> str:
    (src,) = re.findall(r'<img class="picture figure" src="([^"]+)"', html)
    return src


def test_the_exercise_page_shows_the_moving_figure_served_for_good(sam):
    user, _runner = sam
    client = client_for(user)
    page = client.get("/exercises/bird-dog/").content.decode()
    src = figure_src(page)
    assert re.fullmatch(r"/figures/bird-dog\.[0-9a-f]{12}\.svg", src)
    response = client.get(src)
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response["Cache-Control"] == FOREVER
    drawing = ET.fromstring(response.content)
    assert drawing.find("{http://www.w3.org/2000/svg}title").text == "Bird Dog"
    assert not any(e.tag.endswith("script") for e in drawing.iter())  # it must work inside <img>


def test_an_old_or_unknown_figure_name_is_not_found(sam):
    user, _runner = sam
    client = client_for(user)
    assert client.get("/figures/bird-dog.000000000000.svg").status_code == 404
    assert client.get("/figures/no-such-exercise.000000000000.svg").status_code == 404


def test_every_card_of_todays_session_and_the_library_shows_a_figure(sam):
    user, _runner = sam
    client = client_for(user)
    today = client.get("/today/", {"date": "2026-12-07"}).content.decode()
    cards = today.count('class="card exercise"')
    assert cards and today.count('class="picture figure"') == cards
    library = client.get("/exercises/").content.decode()
    assert library.count('class="thumb figure"') == library.count('<li class="card">')
