"""The command line logs a past day given with --date, never a future one."""

import datetime as dt
import json

import pytest

from backstride.cli.main import main

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def started(capsys, tmp_path, sam, log_today):
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(sam))
    assert main(["start", "--answers", str(path)]) == 0
    capsys.readouterr()
    log_today.day = dt.date(2026, 12, 9)


@pytest.mark.parametrize(
    "command",
    [
        ["checkin", "--pain", "3"],
        ["log", "session", "--as-planned", "--pain-during", "2"],
        ["log", "run", "--km", "5", "--minutes", "30", "--pain-during", "2"],
        ["log", "psfs", "--rating", "run 10 km=6"],
    ],
    ids=["checkin", "session", "run", "psfs"],
)
def test_a_date_after_today_is_refused_and_nothing_is_stored(capsys, started, command):
    from backstride.runners.models import Runner

    code = main([*command, "--date", "2026-12-10"])

    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == "backstride: error: date: must not be after 2026-12-09 (today)\n"
    runner = Runner.objects.get()
    assert not (runner.session_logs.exists() or runner.checkins.exists() or runner.run_logs.exists())
    assert not runner.outcomes.exists()


def test_a_past_day_and_today_are_logged(capsys, started):
    from backstride.runners.models import CheckIn

    assert main(["checkin", "--pain", "3", "--date", "2026-12-08"]) == 0
    assert main(["checkin", "--pain", "3", "--date", "2026-12-09"]) == 0
    assert list(CheckIn.objects.order_by("date").values_list("date", flat=True)) == [
        dt.date(2026, 12, 8),
        dt.date(2026, 12, 9),
    ]
