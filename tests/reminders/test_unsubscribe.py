"""The unsubscribe link: a confirming page on GET, one-click on POST, and a changed link refused."""

from django.test import Client

from backstride.reminders.models import ReminderSettings
from backstride.reminders.unsubscribe import read_token, token_for


def test_opening_the_link_asks_first_and_changes_nothing(sam):
    user, _runner = sam
    response = Client().get(f"/reminders/unsubscribe/{token_for(user.pk, 'email')}/")
    assert response.status_code == 200 and b"Stop reminder emails" in response.content
    assert ReminderSettings.objects.get(user=user).email is True


def test_a_one_click_post_turns_that_channel_off(sam):
    user, _runner = sam
    ReminderSettings.objects.filter(user=user).update(push=True)
    token = token_for(user.pk, "email")
    response = Client(enforce_csrf_checks=True).post(
        f"/reminders/unsubscribe/{token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    prefs = ReminderSettings.objects.get(user=user)
    assert prefs.email is False and prefs.push is True


def test_a_changed_link_is_refused_and_changes_nothing(sam):
    user, _runner = sam
    token = token_for(user.pk, "email")
    other_user = token_for(user.pk + 1, "email")
    tampered = other_user.split(":")[0] + ":" + token.split(":", 1)[1]
    assert read_token(tampered) is None
    for bad in (tampered, token[:-2] + "xx", "nonsense"):
        assert Client().post(f"/reminders/unsubscribe/{bad}/").status_code == 400
        assert Client().get(f"/reminders/unsubscribe/{bad}/").status_code == 400
    assert ReminderSettings.objects.get(user=user).email is True
