import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from backstride.accounts.models import Clinician

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PASSWORD = "a-long-passphrase-42"


def make_runner(username: str, **intake_changes):
    from backstride.runners.services import start_runner

    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    intake = json.loads((EXAMPLES / "intake-sam.json").read_text())
    intake["runner"]["name"] = username.title()
    intake.update(intake_changes)
    runner, _result = start_runner(intake)
    runner.user = user
    runner.save(update_fields=["user"])
    return user, runner


@pytest.fixture
def sam(db):
    return make_runner("sam")


@pytest.fixture
def other(db):
    return make_runner("robin")


@pytest.fixture
def clinician(db):
    user = User.objects.create_user("morgan", "morgan@example.org", PASSWORD)
    Clinician.objects.create(user=user)
    return user


def client_for(user=None, **kwargs) -> Client:
    client = Client(HTTP_HOST="127.0.0.1", **kwargs)
    if user is not None:
        client.force_login(user)
    return client
