"""The reminder rules as data: what each kind is about, and the numbers behind when it goes out."""

from __future__ import annotations

import datetime as dt

SESSION_DAY = "session_day"
MISSED_SESSION = "missed_session"
MAINTENANCE = "maintenance"
MAINTENANCE_NUDGE = "maintenance_nudge"
MAINTENANCE_WHY = "maintenance_why"
OUTCOME_DUE = "outcome_due"
SAFETY_QUESTIONS = "safety_questions"
CLINICIAN_DIGEST = "clinician_digest"

# In the order a runner would read them; one message of each kind a day at most.
RUNNER_KINDS = (
    SESSION_DAY,
    MAINTENANCE,
    MAINTENANCE_NUDGE,
    MAINTENANCE_WHY,
    MISSED_SESSION,
    OUTCOME_DUE,
    SAFETY_QUESTIONS,
)
KINDS = (*RUNNER_KINDS, CLINICIAN_DIGEST)

# Which message the weekly maintenance day brings, by how many weeks in a row went without a session.
# One missed week is a gentle nudge; the second says why the weekly session matters (the protection
# fades when it stops: CLINICAL.md 6); past that, back to a short nudge, so it never turns into a lecture.
MAINTENANCE_BY_MISSED_WEEKS = {0: MAINTENANCE, 1: MAINTENANCE_NUDGE, 2: MAINTENANCE_WHY}
MAINTENANCE_AFTER_TABLE = MAINTENANCE_NUDGE

# Two maintenance weeks in a row without a session: the runner shows on a clinician's roster (the same
# point as the "why it matters" message, so the clinician hears of it when the runner does).
ROSTER_FLAG_MISSED_WEEKS = 2
# How far back the missed weeks are counted: enough to tell "two or more" from fewer, and to say how many.
MISSED_WEEKS_LOOKBACK = 6

# A reminder that could not go out within this long after the chosen time is dropped for the day:
# a morning "your session is today" arriving at midnight is noise, not help.
LATE_LIMIT = dt.timedelta(hours=6)

# While the program is paused for a referral nothing is sent: the runner is waiting for a clinician,
# and a "your session is today" would contradict the referral.
SEND_WHILE_PAUSED = False

# The clinicians' weekly digest goes out on this weekday (0 = Monday), at the clinician's chosen time.
DIGEST_WEEKDAY = 0

# Sending: a failed attempt is tried again after these waits (seconds), then given up and recorded.
RETRY_DELAYS = (60, 300, 900, 3600)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# An attempt still marked as sending after this long died with its worker; it is tried again (at worst
# a runner gets that one reminder twice, rather than never).
STALE_SENDING = dt.timedelta(minutes=15)


def retry_delay(attempts: int) -> int | None:
    """Seconds to wait after the `attempts`-th failed attempt; None when it is time to give up."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


def maintenance_kind(missed_weeks: int) -> str:
    return MAINTENANCE_BY_MISSED_WEEKS.get(missed_weeks, MAINTENANCE_AFTER_TABLE)
