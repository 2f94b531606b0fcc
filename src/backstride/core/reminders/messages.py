"""The reminders' words: kind and short, in plain language, and with no health details in a subject.

A subject line and a push notification can be read on a locked phone by anyone nearby, so they say
only that something is due; no pain scores, no warning signs, nothing a runner logged.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import _
from . import rules


@dataclass(frozen=True)
class Message:
    subject: str  # also the push notification's title
    text: str  # the email's body; its first sentence is the push notification's body
    path: str  # where in the app it leads

    @property
    def push_body(self) -> str:
        return self.text.split("\n")[0]


def _minutes(detail: dict) -> str:
    minutes = detail.get("minutes")
    return _("It takes about {minutes} minutes.").format(minutes=minutes) if minutes else ""


def runner_message(kind: str, detail: dict) -> Message:
    if kind == rules.SESSION_DAY and detail.get("settling"):
        return Message(
            _("Gentle movement today"),
            _("Today's page has gentle movement and walking for today.")
            + "\n"
            + _(
                "While your back settles they stand in for the full session; your morning check-ins tell the "
                "program when to bring the session back."
            ),
            "/today/",
        )
    if kind == rules.SESSION_DAY:
        return Message(
            _("Your back session is today"),
            _("Today is a session day. {minutes} Today's page has each exercise, one at a time.").format(
                minutes=_minutes(detail)
            ),
            "/today/",
        )
    if kind == rules.MISSED_SESSION:
        return Message(
            _("Pick up where you left off"),
            _(
                "Yesterday's session was not logged. That is fine: if you did it, log it; if not, simply carry "
                "on with the next one. Finishing the eight weeks, even once the pain has gone, is what keeps it away."
            ),
            "/today/",
        )
    if kind == rules.MAINTENANCE:
        return Message(
            _("Your weekly core session is today"),
            _("One session a week keeps your back's protection going. {minutes}").format(minutes=_minutes(detail)),
            "/today/",
        )
    if kind == rules.MAINTENANCE_NUDGE:
        return Message(
            _("A short core session today?"),
            _("Last week went by without a core session. No harm done: today's session picks it straight back up."),
            "/today/",
        )
    if kind == rules.MAINTENANCE_WHY:
        return Message(
            _("Why the weekly session matters"),
            _(
                "Two weeks have gone by without a core session, so here is why it is worth coming back to.\n\n"
                "Once back pain settles it often returns, for many people within a year. Keeping up exercise "
                "after an episode roughly halves that chance, and the protection fades when the exercise stops. "
                "That is why the program asks for one core session a week for good, not only while it hurts.\n\n"
                "{minutes} Today is a good day to start again."
            ).format(minutes=_minutes(detail)),
            "/today/",
        )
    if kind == rules.OUTCOME_DUE:
        return Message(
            _("A short questionnaire is due"),
            _("It takes a few quiet minutes and shows how far you have come. You will find it on the Outcomes page."),
            "/outcomes/",
        )
    if kind == rules.SAFETY_QUESTIONS:
        return Message(
            _("Your weekly check-in"),
            _(
                "This week's morning check-in includes the short safety questions. They take a minute and make "
                "sure the program is still right for you."
            ),
            "/checkin/",
        )
    raise ValueError(f"no runner message for {kind!r}")


def digest_message(names: list[str], total: int) -> Message:
    """The clinicians' weekly digest: who to look at, never why (the roster shows that once signed in)."""
    if not total:
        text = _("None of your runners needs attention this week.")
    else:
        lines = "\n".join(f"- {name}" for name in names)
        more = total - len(names)
        text = _("{total} of your runners may need a look this week:").format(total=total) + "\n" + lines
        if more > 0:
            text += "\n" + _("and {more} more.").format(more=more)
        text += "\n\n" + _("The roster shows what each one is about.")
    return Message(_("Your weekly runner summary"), text, "/clinic/")
