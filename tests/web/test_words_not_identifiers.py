"""The runner's pages speak in words: no category, equipment item, phase or session kind shows as an identifier,
dates are written one way for each kind, and every exercise card says its category, equipment and level."""

import re
from html.parser import HTMLParser

import pytest

from backstride.core import labels
from backstride.core.library.vocabulary import Category, Equipment

from .conftest import client_for

MONDAY = "2026-12-07"  # Sam's first session
MAINTENANCE_DAY = "2027-02-03"  # week 9, after the 8 weeks (the pages go a week past the plan)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# every identifier with an underscore a page could let through, from the tables the pages should use instead
IDENTIFIERS = sorted(
    {str(getattr(k, "value", k)) for table in labels.TABLES.values() for k in table if "_" in str(k)},
    key=len,
    reverse=True,
)


class VisibleText(HTMLParser):
    """The text a reader sees: no tags, attributes, scripts or styles."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style", "template")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "template")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def identifiers_in(text: str) -> list[str]:
    return [i for i in IDENTIFIERS if re.search(rf"\b{re.escape(i)}\b", text)]


def page(user, url: str) -> str:
    response = client_for(user).get(url)
    assert response.status_code == 200, url
    return response.content.decode()


RUNNER_PAGES = [
    f"/today/?date={MONDAY}",
    f"/today/?date={MAINTENANCE_DAY}",
    f"/today/play/?date={MONDAY}",
    "/plan/",
    "/progress/",
    "/exercises/",
    "/exercises/?category=anti_extension",
    "/exercises/bird-dog/",
    "/exercises/side-plank/",
    "/exercises/pallof-press/",
    f"/checkin/?date={MONDAY}",
    "/outcomes/",
    "/learn/",
]


@pytest.mark.parametrize("url", RUNNER_PAGES)
def test_a_runners_page_shows_no_identifier_and_no_iso_date(sam, url):
    user, _runner = sam
    text = visible(page(user, url))
    assert identifiers_in(text) == []
    assert ISO_DATE.findall(text) == []


def test_todays_page_writes_its_day_with_the_weekday_and_names_the_phase_in_words(sam):
    user, _runner = sam
    text = visible(page(user, f"/today/?date={MONDAY}"))
    assert "Monday 7 December · Settle and activate" in text
    assert "Maintenance" in visible(page(user, f"/today/?date={MAINTENANCE_DAY}"))


def test_the_plan_writes_its_span_as_full_dates_and_its_weeks_as_short_dates(sam):
    user, _runner = sam
    text = visible(page(user, "/plan/"))
    assert "7 December 2026 – 31 January 2027" in text
    assert "7 Dec – 13 Dec" in text
    assert "Core session · " in text


def test_every_exercise_card_on_today_says_its_category_equipment_and_level(sam, library):
    user, _runner = sam
    html = page(user, f"/today/?date={MONDAY}")
    card = r'<li class="card exercise" id="exercise-\d+">(.*?)</li>\s*(?=<li class="card exercise"|</ol>)'
    cards = re.findall(card, html, re.S)
    assert cards
    for card in cards:
        slug = re.search(r'name="slug_\d+" value="([^"]+)"', card).group(1)
        exercise = library[slug]
        text = visible(card)
        assert labels.label("category", exercise.category) in text, slug
        assert f"Level {exercise.level} of 5" in text, slug
        for item in exercise.equipment:
            assert labels.label("equipment", item) in text.lower(), slug
        if not exercise.equipment:
            assert "No equipment" in text, slug


def test_the_exercise_page_says_its_category_equipment_and_level_in_words(sam):
    user, _runner = sam
    text = visible(page(user, "/exercises/pallof-press/"))
    assert "Resisting twisting" in text and "Long resistance band" in text and "Level" in text


def test_the_library_is_grouped_under_a_heading_per_category_in_the_librarys_order(sam, library):
    user, _runner = sam
    html = page(user, "/exercises/")
    headings = re.findall(r'<h2 id="category-([a-z_]+)">([^<]+)<', html)
    assert [h[0] for h in headings] == [c.value for c in Category if any(e.category == c for e in library)]
    assert [h[1].strip() for h in headings] == [labels.label("category", h[0]) for h in headings]
    assert html.count("<h3><a href=") == len(list(library))


def test_the_library_filters_read_as_words_and_keep_the_identifier_in_the_address(sam):
    user, _runner = sam
    html = page(user, "/exercises/")
    options = dict(re.findall(r'<option value="([a-z_]+)"\s*>([^<]+)</option>', html))
    assert options["anti_extension"] == "Resisting arching"
    assert options["loop_band"] == "Mini loop band"
    assert all("_" not in words for words in options.values())
    assert set(options) >= {c.value for c in Category} | {e.value for e in Equipment}


def test_the_library_filters_answer_htmx_with_the_grouped_results_only(sam):
    user, _runner = sam
    response = client_for(user).get("/exercises/", {"category": "anti_rotation"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert re.findall(r'<h2 id="category-([a-z_]+)"', html) == ["anti_rotation"]
    assert "Resisting twisting" in html


def test_searching_the_library_finds_a_category_by_its_words(sam):
    user, _runner = sam
    html = page(user, "/exercises/?q=twisting")
    assert 'id="category-anti_rotation"' in html
