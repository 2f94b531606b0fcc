"""Every layer's words are marked for translation: the English catalog holds them all."""

from pathlib import Path

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


def test_the_core_speaks_through_djangos_translations_in_the_web_app(db):
    from backstride.core import i18n

    assert i18n._translate.__module__.startswith("django.utils.translation")
