"""Accounts for API tests: Sam (a runner), another runner, a linked and an unlinked clinician."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from backstride.accounts.models import ApiToken, Clinician
from backstride.clinic.models import CareLink
from backstride.runners.models import Runner
from backstride.runners.services import start_runner

PREFIX = "/api/v1"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@dataclass
class Caller:
    """Someone calling the API with their personal token (or with none)."""

    client: Client
    token: str | None = None
    user: object = None
    runner: Runner | None = None

    def _headers(self) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def get(self, path: str, **params):
        return self.client.get(PREFIX + path, params, **self._headers())

    def post(self, path: str, body: object):
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return self.client.post(PREFIX + path, data, content_type="application/json", **self._headers())


def account(username: str) -> tuple[object, str]:
    user = get_user_model().objects.create_user(username, password="a long enough password")
    _, key = ApiToken.issue(user, "tests")
    return user, key


def runner_account(username: str, intake: dict) -> Caller:
    user, key = account(username)
    runner, _ = start_runner(intake)
    runner.user = user
    runner.save(update_fields=["user"])
    return Caller(Client(), key, user, runner)


def clinician_account(username: str, *linked: Runner) -> Caller:
    user, key = account(username)
    clinician = Clinician.objects.create(user=user)
    for runner in linked:
        CareLink.objects.create(clinician=clinician, runner=runner)
    return Caller(Client(), key, user)


@pytest.fixture
def sam_caller(sam) -> Caller:
    return runner_account("sam", sam)


@pytest.fixture
def alex_caller(sam) -> Caller:
    """Another runner with the same kind of plan, so every route answers them too."""
    alex = copy.deepcopy(sam)
    alex["runner"]["name"] = "Alex Moreno"
    return runner_account("alex", alex)


@pytest.fixture
def linked_clinician(sam_caller) -> Caller:
    return clinician_account("dr-okafor", sam_caller.runner)


@pytest.fixture
def unlinked_clinician(alex_caller) -> Caller:
    return clinician_account("dr-lind", alex_caller.runner)


@pytest.fixture
def anonymous() -> Caller:
    return Caller(Client())


@pytest.fixture
def newcomer() -> Caller:
    """Signed up, but has not done the intake yet: no runner record."""
    user, key = account("newcomer")
    return Caller(Client(), key, user)


@pytest.fixture
def referred_caller() -> Caller:
    """A runner whose screening found a warning sign: stored, but with no plan."""
    return runner_account("casey", json.loads((EXAMPLES / "intake-emergency.json").read_text()))
