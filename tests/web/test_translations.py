"""Every layer's words are marked for translation: the English catalog holds them all."""

from pathlib import Path
from unittest import mock

import pytest

CATALOG = Path(__file__).resolve().parents[2] / "src" / "backstride" / "locale" / "en" / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize(
    "message",
    [
        "moves up to",  # the adaptation's reasons (pure core)
        "Settle and activate",  # the planner's phases
        "numbness around the back passage, genitals or inner thighs",  # screening
        "Save session",  # runner pages
        "Swap an exercise",  # clinician pages
        "Create an account",  # accounts
        "Morning pain, weekly average (0-10)",  # charts
    ],
)
def test_the_catalog_holds_the_words_of_every_layer(message):
    assert f'"{message}"' in CATALOG.read_text(encoding="utf-8")


def test_the_core_speaks_through_djangos_translations_in_the_web_app_once_per_message_and_language(db):
    from django.utils import translation

    from backstride.core import i18n

    message = "a message only this test uses"
    with mock.patch("django.utils.translation.gettext", side_effect=str.upper) as gettext:
        assert i18n._(message) == i18n._(message) == message.upper()
        with translation.override("fr"):
            assert i18n._(message) == message.upper()
    assert gettext.call_count == 2  # once in English, once in French
