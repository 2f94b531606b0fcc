"""Which reminders are due for a runner or a clinician, worked out from plain values (no Django)."""

from .clock import local_now, past_send_time
from .due import Due, Preferences, RunnerDay, clinician_digest_due, due_for_runner, missed_maintenance_weeks

__all__ = [
    "Due",
    "Preferences",
    "RunnerDay",
    "clinician_digest_due",
    "due_for_runner",
    "local_now",
    "missed_maintenance_weeks",
    "past_send_time",
]
