"""The plan page: each session's exercises and doses, how each went, this week open, a link per day."""

import datetime as dt
from html.parser import HTMLParser

import pytest

from .conftest import client_for

pytestmark = pytest.mark.django_db

START = dt.date(2026, 12, 7)  # a Monday: sam's plan starts here, sessions on Mondays, Wednesdays and Fridays
PAINS = {"pain_before": "2", "pain_during": "2", "pain_after": "2", "effort": "5"}


class PlanPage(HTMLParser):
    """The plan page's days (by date), weeks (by id), the links and the assessment summary, as text."""

    def __init__(self, html: str):
        super().__init__()
        self.days: dict[str, dict] = {}
        self.weeks: dict[str, dict] = {}
        self.links: list[str] = []
        self.summary = ""
        self._day = None
        self._dose = None
        self._in_summary = 0
        self._in_name = False
        self._stack: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in ("br", "img", "input", "meta", "link"):
            self._stack.append(tag)
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
            if self._day is not None and "date" in (a.get("class") or "").split():
                self._day["link"] = a["href"]
        if tag == "details" and "week" in (a.get("class") or "").split():
            self.weeks[a["id"]] = {"open": "open" in a}
        if tag == "li" and "data-date" in a:
            self._day = self.days[a["data-date"]] = {
                "classes": a["class"].split(),
                "text": "",
                "doses": [],
                "status": None,
                "link": None,
            }
        elif tag == "li" and self._day is not None:
            self._dose = {"text": "", "name": "", "skipped": "skipped" in (a.get("class") or "")}
            self._day["doses"].append(self._dose)
        self._in_name = tag == "span" and self._dose is not None and a.get("class") == "name"
        if tag == "span" and self._day is not None and "data-status" in a:
            self._day["status"] = a["data-status"]
        if tag == "section" and "data-summary" in a:
            self._in_summary = len(self._stack)

    def handle_endtag(self, tag):
        depth = len(self._stack)
        self._in_name = False
        if self._stack:
            self._stack.pop()
        if tag == "li":
            if self._dose is not None:
                self._dose = None
            else:
                self._day = None
        if tag == "section" and self._in_summary == depth:
            self._in_summary = 0

    def handle_data(self, data):
        text = " ".join(data.split())
        if not text:
            return
        if self._dose is not None and self._in_name:
            self._dose["name"] += text
        if self._dose is not None:
            self._dose["text"] = f"{self._dose['text']} {text}".strip()
        if self._day is not None:
            self._day["text"] = f"{self._day['text']} {text}".strip()
        if self._in_summary:
            self.summary = f"{self.summary} {text}".strip()


def plan_page(user, day: dt.date) -> PlanPage:
    response = client_for(user).get(f"/plan/?date={day.isoformat()}")
    assert response.status_code == 200
    return PlanPage(response.content.decode())


def planned(runner, day: dt.date) -> dict:
    return next(s for w in runner.current_plan.data["weeks"] for s in w["sessions"] if s["date"] == day.isoformat())


def log_session(user, day: dt.date, exercises=None) -> None:
    """Log a session as the today page does; `exercises` is [(slug, sets prescribed, sets ticked)]."""
    form = {"date": day.isoformat(), **PAINS, "next": "/plan/"}
    for i, (slug, sets, ticked) in enumerate(exercises or []):
        form |= {f"slug_{i}": slug, f"sets_{i}": str(sets), f"set_{i}": [str(n) for n in range(ticked)]}
    form["count"] = str(len(exercises or []))
    response = client_for(user).post("/today/log/", form)
    assert response.status_code == 302, response.content.decode()[:500]


def test_a_session_day_lists_every_exercise_with_its_dose(sam):
    user, runner = sam
    page = plan_page(user, START)
    session = planned(runner, START)
    day = page.days[START.isoformat()]
    names = [dose["name"] for dose in day["doses"]]
    assert names == [e["name"] for e in session["exercises"]]
    doses = {dose["text"] for dose in day["doses"]}
    assert "Prone Lying 1 hold of 30 s" in doses
    assert "Knee Rocks 1 set of 8 reps, each side" in doses
    assert "Abdominal Brace 1 set of 5 reps, 6 s holds" in doses
    # a rest day lists none
    assert page.days[(START + dt.timedelta(days=1)).isoformat()]["doses"] == []


def test_sessions_are_marked_done_partly_done_or_missed_after_logging(sam):
    user, runner = sam
    monday, wednesday, friday = START, START + dt.timedelta(days=2), START + dt.timedelta(days=4)
    log_session(user, monday)  # logged without a list of exercises: the session as planned
    exercises = planned(runner, wednesday)["exercises"]
    skipped = exercises[1]
    log_session(
        user,
        wednesday,
        [(e["slug"], e["sets"], 0 if e is skipped else e["sets"]) for e in exercises],
    )

    page = plan_page(user, START + dt.timedelta(days=7))

    assert page.days[monday.isoformat()]["status"] == "done"
    assert "done" in page.days[monday.isoformat()]["classes"]
    wed = page.days[wednesday.isoformat()]
    assert wed["status"] == "partly_done" and "partly done" in wed["text"]
    assert [d["text"] for d in wed["doses"] if d["skipped"]] == [
        f"{skipped['name']} 1 set of {skipped['reps']} reps, each side not done"
    ]
    fri = page.days[friday.isoformat()]
    assert fri["status"] == "missed" and "missed" in fri["text"]
    # today's session, not yet logged, is neither missed nor done
    assert page.days[(START + dt.timedelta(days=7)).isoformat()]["status"] is None


def test_a_session_logged_with_fewer_exercises_is_partly_done(sam):
    user, runner = sam
    exercises = planned(runner, START)["exercises"][:3]
    log_session(user, START, [(e["slug"], e["sets"], e["sets"]) for e in exercises])
    page = plan_page(user, START + dt.timedelta(days=1))
    day = page.days[START.isoformat()]
    assert day["status"] == "partly_done"
    assert [d["name"] for d in day["doses"]] == [e["name"] for e in exercises]


def test_the_current_week_is_open_and_linked_from_the_top(sam):
    user, _runner = sam
    page = plan_page(user, START + dt.timedelta(days=16))  # a Wednesday in week 3
    assert page.weeks["week-3"]["open"]
    assert [w for w, week in page.weeks.items() if week["open"]] == ["week-3"]
    assert sorted(page.weeks) == sorted(f"week-{n}" for n in range(1, 9))
    assert "#week-3" in page.links


def test_each_day_links_to_that_days_session(sam):
    user, runner = sam
    page = plan_page(user, START)
    assert len(page.days) == 56
    for date, day in page.days.items():
        assert day["link"] == f"/today/?date={date}"
    wednesday = (START + dt.timedelta(days=9)).isoformat()
    response = client_for(user).get(page.days[wednesday]["link"])
    assert response.status_code == 200
    assert planned(runner, START + dt.timedelta(days=9))["exercises"][0]["name"] in response.content.decode()


def test_a_new_runner_sees_their_assessment_and_when_the_first_session_is(sam):
    user, _runner = sam
    page = plan_page(user, START - dt.timedelta(days=3))
    assert "Your answers showed no warning signs" in page.summary
    # sam's pain comes on with sitting and bending: flexion sensitive
    assert "Bending forward (sitting, bending, lifting) brings your pain on" in page.summary
    assert "You are running, but it hurts." in page.summary
    assert "Your first session is on Monday 7 December, about 18 minutes." in page.summary
    assert f"/today/?date={START.isoformat()}" in page.links
    # before the start, week 1 is the one open
    assert page.weeks["week-1"]["open"]


def test_the_summary_goes_once_the_runner_has_logged_something(sam):
    user, _runner = sam
    log_session(user, START)
    assert plan_page(user, START).summary == ""


def test_an_exercise_logged_that_the_plan_did_not_have_is_listed_as_done(sam):
    user, runner = sam
    first = planned(runner, START)["exercises"][0]
    log_session(user, START, [(first["slug"], first["sets"], first["sets"]), ("bird-dog", 1, 1)])
    day = plan_page(user, START + dt.timedelta(days=1)).days[START.isoformat()]
    assert [d["name"] for d in day["doses"]] == [first["name"], "Bird Dog"]
    assert not any(d["skipped"] for d in day["doses"])
