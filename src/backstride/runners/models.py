"""The database shape of the tracking loop. Domain rules live in backstride.core."""

from __future__ import annotations

import datetime as dt
import marshal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.utils import timezone

from backstride.core.kept import Kept

PAIN = [MinValueValidator(0), MaxValueValidator(10)]


def default_time_zone() -> str:
    return settings.TIME_ZONE


class Runner(models.Model):
    # Deleting the person deletes their runner data with them (every row below cascades from the runner);
    # a runner made by the command line has no account.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="runner"
    )
    name = models.CharField(max_length=120)
    # Unknown (None) only for a runner stored from the safety questions alone, before the rest of the intake.
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=24)
    units = models.CharField(max_length=2, default="km")
    # Where the runner lives (an IANA name): recorded start times and reminders are read in it.
    time_zone = models.CharField(max_length=64, default=default_time_zone)
    created_at = models.DateTimeField(auto_now_add=True)
    # The adaptation's latest state, refreshed in the same transaction as each log, so
    # reading pages never has to write.
    state = models.JSONField(null=True, blank=True)
    state_as_of = models.DateField(null=True, blank=True)
    # Bumped by every write that changes the program, so views derived from it can be cached.
    version = models.PositiveIntegerField(default=0)
    # The replay checkpoint's fingerprint of the history at this version, as "version:day:digest",
    # stored with the version by the write that made it: the next write, in any process, need not
    # work it out from the whole history again. Trusted only while its version is the runner's.
    fingerprint = models.CharField(max_length=80, blank=True, default="")
    # The version written by the last write that changed the history other than by adding a session
    # log the quick way (a check-in, a run, an edit, a replay under the lock). A process holding the
    # history of a version at or after it reads only the sessions added since (program.kept_history).
    rewritten = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.name

    @property
    def current_plan(self) -> Plan | None:
        """The active plan with its assessment, looked up once per loaded runner (a write reloads the runner)."""
        if "_current_plan" not in self.__dict__:
            found = _active_plan(self.pk)
            self.__dict__["_current_plan"] = _with_contents(found) if found is not None else None
        return self.__dict__["_current_plan"]

    @property
    def has_plan(self) -> bool:
        """An active plan exists: every plan is replayed once when stored, which sets state_as_of,
        and a refusal that retires the plan clears it (no query needed on every page)."""
        return self.state_as_of is not None

    def forget_plan(self) -> None:
        self.__dict__.pop("_current_plan", None)


class Assessment(models.Model):
    """An intake and its results; kept as history, never overwritten."""

    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="assessments")
    created_at = models.DateTimeField(auto_now_add=True)
    intake = models.JSONField()
    screening_status = models.CharField(max_length=24)
    result = models.JSONField()

    class Meta:
        ordering = ["-created_at", "-id"]


class Plan(models.Model):
    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="plans")
    # a plan goes with its assessment: both are the runner's, and both go when the runner is deleted
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="plans")
    created_at = models.DateTimeField(auto_now_add=True)
    start_date = models.DateField()
    end_date = models.DateField()
    active = models.BooleanField(default=True)
    data = models.JSONField()  # the plan as built: what was planned stays visible

    class Meta:
        ordering = ["-created_at", "-id"]

    def refresh_from_db(self, using=None, fields=None, from_queryset=None) -> None:
        """Reading `data` on a plan loaded without it decodes the process's copy when it has one."""
        if fields is not None and list(fields) == ["data"] and "_kept_data" in self.__dict__:
            self.data = marshal.loads(self.__dict__.pop("_kept_data"))
            return
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)


# Every page and write asks for the active plan: one plain query for the row (an ORM query costs more
# to build than to run). The plan and its assessment never change once stored, so their large JSON
# parts are kept per process, marshalled: each use gets its own copy, several times faster than
# decoding the JSON again. The plan's data (most of it) is decoded only when first read: a write
# whose program is already built never reads it.
ACTIVE_PLAN = (
    "SELECT id, runner_id, assessment_id, created_at, start_date, end_date, active FROM runners_plan "
    "WHERE runner_id = %s AND active ORDER BY created_at DESC, id DESC LIMIT 1"
)
ACTIVE_PLAN_FIELDS = ("id", "runner_id", "assessment_id", "created_at", "start_date", "end_date", "active")
_CONTENTS = Kept(1024)  # (plan, created, runner, assessment): (data, intake and result, assessment's row)


def _active_plan(runner_id: int) -> Plan | None:
    with connection.cursor() as cursor:
        cursor.execute(ACTIVE_PLAN, [runner_id])
        row = cursor.fetchone()
    if row is None:
        return None
    pk, runner, assessment, created, start, end, active = row
    if timezone.is_naive(created):  # SQLite gives the stored UTC time without its zone, as the ORM reads it
        created = created.replace(tzinfo=dt.UTC)
    values = (pk, runner, assessment, created, start, end, bool(active))
    return Plan.from_db(connection.alias, ACTIVE_PLAN_FIELDS, values)


def _with_contents(plan: Plan) -> Plan:
    """The plan with its assessment, and its data to decode on first read, from the process's copy."""
    # a new database (as in tests) hands out the same ids again: the times tell the rows apart
    key = (plan.pk, plan.created_at.timestamp(), plan.runner_id, plan.assessment_id)
    kept = _CONTENTS.get(key)
    if kept is None:
        stored = Plan.objects.select_related("assessment").get(pk=plan.pk)
        a = stored.assessment
        kept = (marshal.dumps(stored.data), marshal.dumps((a.intake, a.result)), (a.created_at, a.screening_status))
        _CONTENTS[key] = kept
    plan._kept_data = kept[0]
    intake, result = marshal.loads(kept[1])
    created_at, status = kept[2]
    plan.assessment = Assessment(  # a plan and its assessment are the same runner's
        pk=plan.assessment_id,
        runner_id=plan.runner_id,
        created_at=created_at,
        intake=intake,
        screening_status=status,
        result=result,
    )
    return plan


class PlannedSession(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField()
    week = models.PositiveSmallIntegerField()
    phase = models.CharField(max_length=24)
    kind = models.CharField(max_length=24)
    minutes = models.PositiveSmallIntegerField()
    hard = models.BooleanField(default=False)

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["plan", "date"])]


class PrescribedExercise(models.Model):
    session = models.ForeignKey(PlannedSession, on_delete=models.CASCADE, related_name="exercises")
    order = models.PositiveSmallIntegerField()
    slot = models.CharField(max_length=32)
    slug = models.SlugField(max_length=80)
    sets = models.PositiveSmallIntegerField()
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    minutes = models.FloatField(null=True, blank=True)
    metres = models.PositiveIntegerField(null=True, blank=True)
    per_side = models.BooleanField(default=False)
    dosage_step = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["session", "order"]


class SessionLog(models.Model):
    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="session_logs")
    date = models.DateField()
    pain_before = models.PositiveSmallIntegerField(validators=PAIN)
    pain_during = models.PositiveSmallIntegerField(validators=PAIN)
    pain_after = models.PositiveSmallIntegerField(validators=PAIN)
    effort = models.PositiveSmallIntegerField(null=True, blank=True, validators=PAIN)
    as_planned = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["runner", "date"])]


class ExerciseLog(models.Model):
    session_log = models.ForeignKey(SessionLog, on_delete=models.CASCADE, related_name="exercises")
    slug = models.SlugField(max_length=80)
    completed = models.BooleanField(default=True)
    sets = models.PositiveSmallIntegerField(null=True, blank=True)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    pain = models.PositiveSmallIntegerField(null=True, blank=True, validators=PAIN)


class CheckIn(models.Model):
    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="checkins")
    date = models.DateField()
    pain = models.PositiveSmallIntegerField(validators=PAIN)
    stiffness = models.PositiveSmallIntegerField(null=True, blank=True, validators=PAIN)
    leg_symptoms = models.BooleanField(default=False)
    leg_weakness = models.BooleanField(default=False)  # weakness in a leg among the leg symptoms
    red_flags = models.JSONField(null=True, blank=True)  # the answers, when they were asked
    red_flag_status = models.CharField(max_length=24, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["runner", "date"], name="one_checkin_a_day")]


class RunLog(models.Model):
    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="run_logs")
    date = models.DateField()
    km = models.FloatField(validators=[MinValueValidator(0)])
    minutes = models.FloatField(validators=[MinValueValidator(0)])
    # None for a recorded run the runner has not yet rated: it counts for load, not for pain-guided steps.
    pain_during = models.PositiveSmallIntegerField(null=True, blank=True, validators=PAIN)
    pain_after = models.PositiveSmallIntegerField(null=True, blank=True, validators=PAIN)
    effort = models.PositiveSmallIntegerField(null=True, blank=True, validators=PAIN)  # session RPE, 0-10
    walk = models.BooleanField(default=False)  # a walk, logged for the return to running
    # What a watch or app recorded, when the run was imported from a file
    started_at = models.DateTimeField(null=True, blank=True)
    elapsed_minutes = models.FloatField(null=True, blank=True, validators=[MinValueValidator(0)])
    ascent_m = models.FloatField(null=True, blank=True, validators=[MinValueValidator(0)])
    avg_hr = models.PositiveSmallIntegerField(null=True, blank=True)
    sport = models.CharField(max_length=32, blank=True)
    source_name = models.CharField(max_length=255, blank=True)
    source_format = models.CharField(max_length=8, blank=True)  # fit, gpx, tcx; empty when typed by hand
    source_sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["runner", "date"])]
        constraints = [
            # one run per recorded activity: a file holds several only when it is a multisport recording
            models.UniqueConstraint(
                fields=["runner", "source_sha256", "started_at"],
                condition=~models.Q(source_sha256=""),
                name="one_run_per_recorded_activity",
            )
        ]

    @property
    def awaiting_pain(self) -> bool:
        return self.pain_during is None


class OutcomeMeasure(models.Model):
    ODI, PSFS, ENDURANCE = "odi", "psfs", "endurance"
    KINDS = [
        (ODI, "Oswestry Disability Index"),
        (PSFS, "Patient-Specific Functional Scale"),
        (ENDURANCE, "Trunk endurance self-tests"),
    ]
    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="outcomes")
    date = models.DateField()
    kind = models.CharField(max_length=16, choices=KINDS)
    value = models.FloatField(null=True, blank=True)  # ODI percent, PSFS mean; None for endurance
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]


class Clearance(models.Model):
    """A clinician cleared a referral so the program can resume."""

    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="clearances")
    date = models.DateField()
    note = models.TextField()
    # The clinician's name; required for an emergency referral, optional for an urgent one.
    cleared_by = models.CharField(max_length=150, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Decision(models.Model):
    """Each change the adaptation made, with its reason; appended, never rewritten."""

    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="decisions")
    date = models.DateField()
    target = models.CharField(max_length=32)
    kind = models.CharField(max_length=24)
    reason = models.TextField()
    details = models.JSONField(default=dict)
    # Two different changes can share a day, target and kind (say, two adjustments to one slot):
    # the reason's digest keeps both, while replaying the same history stores each change once.
    digest = models.CharField(max_length=16, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["runner", "date", "target", "kind", "digest"], name="one_decision_per_reason"
            )
        ]


class Episode(models.Model):
    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="episodes")
    kind = models.CharField(max_length=24)  # flare_up, recurrence, referral
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    reason = models.TextField()
    details = models.JSONField(default=dict)

    class Meta:
        ordering = ["start", "id"]
        constraints = [models.UniqueConstraint(fields=["runner", "kind", "start"], name="one_episode_key")]


class Nudge(models.Model):
    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="nudges")
    date = models.DateField()
    kind = models.CharField(max_length=32)
    message = models.TextField()
    dismissed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [models.UniqueConstraint(fields=["runner", "date", "kind"], name="one_nudge_key")]


class Adjustment(models.Model):
    """A clinician's change to a runner's plan, honoured by the adaptation from its date on."""

    SWAP, DOSAGE, HOLD_PHASE, ADVANCE_PHASE = "swap", "dosage", "hold_phase", "advance_phase"
    KINDS = [
        (SWAP, "Swap an exercise"),
        (DOSAGE, "Change a dosage"),
        (HOLD_PHASE, "Hold the phase a week"),
        (ADVANCE_PHASE, "Advance a week"),
    ]
    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="adjustments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    date = models.DateField()
    kind = models.CharField(max_length=16, choices=KINDS)
    slot = models.CharField(max_length=32, blank=True)
    slug = models.SlugField(max_length=80, blank=True)
    dosage_step = models.PositiveSmallIntegerField(null=True, blank=True)
    note = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]


class CalendarFeed(models.Model):
    """The runner's private calendar address. Calendar apps cannot log in, so the token is the key:
    revoking clears it and renewing replaces it, and the old address stops working at once."""

    runner = models.OneToOneField(Runner, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # The time of day sessions go in the calendar at; without one they are all-day events.
    session_time = models.TimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class CalendarEvent(models.Model):
    """The last version of each event a calendar was given, so a changed event gets a higher SEQUENCE
    and one that no longer comes can be sent once more, cancelled, instead of silently disappearing."""

    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="calendar_events")
    key = models.CharField(max_length=64)
    sequence = models.PositiveIntegerField(default=0)
    digest = models.CharField(max_length=16)
    data = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["runner", "key"], name="one_calendar_event_key")]
