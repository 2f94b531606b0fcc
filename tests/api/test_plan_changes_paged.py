"""The plan lists its latest changes; every change is read a page at a time (issue 8: a year's plan stays light)."""

import datetime as dt

import pytest

from backstride.api.schemas.reports import CHANGES_PAGE, PLAN_CHANGES
from backstride.runners.models import Decision

pytestmark = pytest.mark.django_db

DAY = "2027-01-10"


@pytest.fixture
def many_changes(sam_caller):
    """Sam's plan with 120 stored changes, one a day (as a long program gathers them)."""
    start = dt.date(2026, 9, 1)
    Decision.objects.bulk_create(
        [
            Decision(
                runner=sam_caller.runner,
                date=start + dt.timedelta(days=n),
                target="program",
                kind="hold",
                reason=f"Change number {n}",
                digest=f"d{n}",
            )
            for n in range(120)
        ]
    )
    return sam_caller


def test_the_plan_lists_only_the_latest_changes_and_says_how_many_there_are(many_changes):
    body = many_changes.get("/plan", date=DAY).json()
    assert body["changes_total"] == 120
    assert [c["reason"] for c in body["changes"]] == [f"Change number {n}" for n in range(119, 119 - PLAN_CHANGES, -1)]


def test_every_change_is_read_a_page_at_a_time_newest_first(many_changes):
    pages = [many_changes.get("/plan/changes", date=DAY, page=n).json() for n in (1, 2, 3)]
    assert [p["pages"] for p in pages] == [3, 3, 3] and all(p["total"] == 120 for p in pages)
    reasons = [c["reason"] for p in pages for c in p["changes"]]
    assert len(pages[0]["changes"]) == CHANGES_PAGE
    assert reasons == [f"Change number {n}" for n in range(119, -1, -1)]
    assert many_changes.get("/plan/changes", date=DAY, page=4).json()["changes"] == []


def test_a_page_that_is_not_a_whole_number_from_one_is_refused(many_changes):
    for page in ("0", "abc", "1.5"):
        assert many_changes.get("/plan/changes", date=DAY, page=page).status_code == 422


def test_a_linked_clinician_reads_the_same_pages_and_nobody_else_does(
    many_changes, linked_clinician, unlinked_clinician
):
    path = f"/clinic/runners/{many_changes.runner.pk}/plan/changes"
    mine = many_changes.get("/plan/changes", date=DAY, page=2).json()
    assert linked_clinician.get(path, date=DAY, page=2).json() == mine
    assert (
        linked_clinician.get(f"/clinic/runners/{many_changes.runner.pk}/plan", date=DAY).json()["changes_total"] == 120
    )
    assert unlinked_clinician.get(path, date=DAY).status_code == 404
