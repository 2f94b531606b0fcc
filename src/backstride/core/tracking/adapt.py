"""Pain-guided adaptation: replay what the runner reported, day by day.

Replaying the whole history is deterministic and cheap (a year of logs takes
milliseconds), so the state never drifts from the logs, and a late log simply
changes the story from its date on. Rules: CLINICAL.md sections 4, 7 and 8.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import statistics
from collections import defaultdict
from dataclasses import dataclass, fields, replace
from operator import attrgetter

from ..i18n import _, gettext_noop
from ..kept import Kept
from ..planner.running import RUNS_PER_STAGE, WALK_RUN_STAGES
from ..screening.red_flags import REFER_EMERGENCY, REFER_URGENT
from . import safety
from .decisions import (
    ADJUSTED,
    ALLOWED,
    FLARE_OVER,
    FLARE_UP,
    HOLD,
    NUDGE,
    PAUSE,
    PROGRESS,
    RECURRENCE,
    REMOVED,
    RESUME,
    REVIEW,
    STEP_BACK,
    Decision,
    Episode,
    Nudge,
    day_name,
    dose_words,
)
from .events import CheckInReport, ExerciseResult, History, RunReport, SessionReport
from .resolve import Program
from .state import LEG_SYMPTOMS, PAIN_NOT_SETTLING, RED_FLAG, ProgramState, Referral
from .thresholds import DEFAULT, Thresholds

FULL_DAY_NAMES = {  # marked where they are shown
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
BASELINE_WINDOW = 7  # check-ins used for the rolling morning baseline
BASELINE_MIN_CHECKINS = 3
ONE_DAY = dt.timedelta(days=1)
# How far past the plan's start the replay walks. The program is 8 weeks, then one core session a
# week for good, so a runner may keep using it for years; a decade of days still replays in tens of
# milliseconds, while a date centuries away would walk millions of days. Callers bound their dates
# well inside this; `run` refuses anything past it.
REPLAY_HORIZON_DAYS = 10 * 366
# How a decision words a move; translated when one is made (only the one it needs).
MOVE_VERBS = {
    PROGRESS: gettext_noop("moves up to"),
    HOLD: gettext_noop("held at"),
    STEP_BACK: gettext_noop("steps back to"),
}


class Replay:
    def __init__(self, program: Program, history: History, thresholds: Thresholds = DEFAULT):
        self.p = program
        self.h = history
        self.t = thresholds
        self.sessions = defaultdict(list)
        for s in history.sessions:
            self.sessions[s.date].append(s)
        self.checkins: dict[dt.date, CheckInReport] = {c.date: c for c in history.checkins}
        self.runs = defaultdict(list)
        for r in history.runs:
            self.runs[r.date].append(r)
        self.clearances = {c.date: c for c in history.clearances}
        self.recent_mornings: list[int] = []
        self.ready: dict[str, bool] = {}  # the progress criteria held at the latest evaluation
        self.last_reason: dict[str, str] = {}  # why a slot is not ready, in the runner's words
        self.pending: list[tuple[SessionReport, dict]] = []
        self.pending_runs: list[RunReport] = []
        self.state: ProgramState | None = None
        self.run_week: dict = {"worst": None, "morning_up": False}  # this plan week's runs, as judged
        self.leg_days: list[dt.date] = []  # mornings with leg symptoms since the last clearance
        self.walked_comfortably = history.walk_30_min_comfortable
        self.kept: Checkpoint | None = None  # the working state at the end of the day asked for, if any
        self._near: tuple[tuple, dict | None] = ((), None)  # the last planned session looked up, by what it read
        self._plain: tuple = (None, None, None, {})  # the last plain log's outcomes, by what they came from

    # -- helpers -------------------------------------------------------------------------
    def decide(self, day, target, kind, reason, **details) -> None:
        self.state.decisions.append(Decision(day, target, kind, reason, details))

    def baseline(self) -> float:
        if len(self.recent_mornings) >= BASELINE_MIN_CHECKINS:
            return float(statistics.median(self.recent_mornings[-BASELINE_WINDOW:]))
        return float(self.h.baseline_pain)

    def name(self, slot: str, pos: int) -> tuple[str, dict]:
        rung = self.p.ladders[slot][pos]
        ex = self.p.library[rung.slug]
        return ex.name, ex.dosage.steps[min(rung.step, len(ex.dosage.steps) - 1)].values()

    def _move(self, day: dt.date, slot: str, new: int, kind: str, why: str) -> None:
        s = self.state
        old = s.positions.get(slot, self.p.first_planned(slot))
        s.positions[slot] = new
        name, dose = self.name(slot, new)
        verb = _("stays at its easiest step,") if kind == STEP_BACK and new == old else _(MOVE_VERBS[kind])
        self.decide(
            day,
            slot,
            kind,
            _("{value} {verb} {dose}: {why}").format(value=name, verb=verb, dose=dose_words(dose), why=why),
            slot=slot,
            from_pos=old,
            to_pos=new,
            slug=self.p.ladders[slot][new].slug,
        )

    def step_back_all(self, day: dt.date, why: str) -> None:
        for slot in list(self.p.ladders):
            pos = self.state.positions.get(slot, self.p.first_planned(slot))
            current = min(pos, self.p.ceiling(slot, day))
            if current > 0:
                self.state.positions[slot] = current - 1
            self.state.good_streak[slot] = 0
        self.decide(day, "program", STEP_BACK, _("Every exercise steps back one step: {why}").format(why=why))
        self.step_back_running(day, why)

    def step_back_running(self, day: dt.date, why: str) -> None:
        s = self.state
        if self.walk_run_mode(day):
            if s.run_stage > 0:
                s.run_stage -= 1
            s.runs_at_stage = 0
            self.decide(
                day,
                "running",
                STEP_BACK,
                _("Walk-run back to stage {run_stage_number}: {why}").format(run_stage_number=s.run_stage + 1, why=why),
            )
        else:
            s.run_pos = min(s.run_pos, max(self.p.week_of(day) - 1, 0)) - 1
            self.decide(day, "running", STEP_BACK, _("Running volume steps back a week: {why}").format(why=why))

    def walk_run_mode(self, day: dt.date) -> bool:
        """The plan returns to running through walking and walk-run (stopped, or running above the limit)."""
        return self.p.walk_run

    # -- the replay ----------------------------------------------------------------------
    def run(self, today: dt.date, resume: Checkpoint | None = None, keep: dt.date | None = None) -> ProgramState:
        """Walk every day up to `today`, or every day after `resume`'s; keep a checkpoint at the end of `keep`."""
        if (today - self.p.start).days > REPLAY_HORIZON_DAYS:
            raise ValueError(f"{today.isoformat()} is more than {REPLAY_HORIZON_DAYS} days after the plan's start")
        if resume is None:
            self.state = ProgramState(as_of=today, baseline=float(self.h.baseline_pain))
            self.walk_run_readiness(self.p.start - ONE_DAY)  # what the return to running needs, before any log
            day = self.p.start
        else:
            for name, value in pickle.loads(resume.data).items():
                setattr(self, name, value)
            self.state.decisions = list(_decided(resume))
            self.state.as_of = today
            day = resume.day + ONE_DAY
        while day <= today:
            self.morning(day)
            for report in self.sessions.get(day, []):
                self.session(day, report)
            for run in self.runs.get(day, []):
                self.run_report(day, run)
            if (day - self.p.start).days % 7 == 6:
                self.week_end(day)
            if day == keep:
                s = self.state
                digest = inputs_digest(self.p, self.h, day, self.t)
                self.kept = Checkpoint(
                    day,
                    digest,
                    self._working_state(),
                    len(s.decisions),
                    len(s.nudges),
                    tuple(s.episodes),
                    pickle.dumps(tuple(s.decisions), protocol=pickle.HIGHEST_PROTOCOL),
                )
            day += ONE_DAY
        self.state.baseline = self.baseline()
        return self.state

    def _working_state(self) -> bytes:
        """Everything the replay carries from one day to the next (not the program or the history), but
        the decisions made so far: the checkpoint keeps those apart (see _decided)."""
        carried = {name: getattr(self, name) for name in CARRIED} | {"state": replace(self.state, decisions=[])}
        return pickle.dumps(carried, protocol=pickle.HIGHEST_PROTOCOL)

    def adjustments_on(self, day: dt.date) -> None:
        for a in self.p.adjustments:
            if a.date != day:
                continue
            if a.kind in ("swap", "dosage"):
                self.state.removed.pop(a.slot, None)  # a clinician's choice for the slot brings it back
                ex = self.p.library[a.slug]
                dose = dose_words(ex.dosage.steps[min(a.dosage_step, len(ex.dosage.steps) - 1)].values())
                what = _("{ex} at {dose}").format(ex=ex.name, dose=dose)
                verb = _("swapped in") if a.kind == "swap" else _("set the dose to")
                self.decide(
                    day,
                    a.slot,
                    ADJUSTED,
                    _("{author} {verb} {what}: {note}").format(
                        author=_first_upper(a.author), verb=verb, what=what, note=a.note
                    ),
                    slug=a.slug,
                    dosage_step=a.dosage_step,
                )
            else:
                verb = (
                    _("holds this phase for another week")
                    if a.kind == "hold_phase"
                    else _("moves you on to the next phase")
                )
                self.decide(
                    day,
                    "program",
                    ADJUSTED,
                    _("{author} {verb}: {note}").format(author=_first_upper(a.author), verb=verb, note=a.note),
                )

    def morning(self, day: dt.date) -> None:
        self.adjustments_on(day)
        s = self.state
        checkin = self.checkins.get(day)
        baseline = self.baseline()
        if checkin is not None and checkin.red_flag_status and checkin.red_flag_status != "clear":
            self.pause(day, checkin.red_flag_status, checkin.red_flag_message, list(checkin.red_flag_reasons))
        if checkin is not None and (checkin.leg_symptoms or checkin.leg_weakness):
            self.leg_symptoms(day, checkin)
        # A clearance comes after the warning sign it answers, even when both fall on one day.
        if day in self.clearances and s.paused:
            clearance = self.clearances[day]
            who = clearance.by or _("A clinician")
            self.resume(day, _("{who} cleared the referral: {note}").format(who=who, note=clearance.note).rstrip(": "))
            self.leg_days.clear()
        settled = checkin is not None and checkin.pain <= baseline + self.t.flare_settled_margin
        if s.paused and s.paused.cause == PAIN_NOT_SETTLING and settled:
            self.resume(
                day,
                _("morning pain {pain}/10 is back near your usual {baseline:g}/10: the program resumes").format(
                    pain=checkin.pain, baseline=baseline
                ),
            )
        if s.paused:
            self.pending.clear()
            self.pending_runs.clear()
            return
        self.evaluate_pending(day, checkin, baseline)
        self.bring_back(day)
        if day > self.p.start and (day - self.p.start).days % 7 == 0 and not s.in_flare(day):
            self.new_week(day)
        if checkin is None:
            return
        if self.recurrence(day, checkin):
            return
        if s.flare_start is None:
            self.flare_check(day, checkin, baseline)
        else:
            days_in = (day - s.flare_start).days
            settled = checkin.pain <= baseline + self.t.flare_settled_margin
            if days_in >= self.t.flare_min_days and settled:
                self.end_flare(
                    day,
                    _("morning pain {pain}/10 is back near your usual {baseline:g}/10").format(
                        pain=checkin.pain, baseline=baseline
                    ),
                )
            elif days_in >= self.t.flare_max_days:
                self.not_settling(day, checkin, days_in)
                return
        if s.flare_start is None:
            self.recent_mornings.append(checkin.pain)
            self.sustained_rise(day)
            self.walk_run_readiness(day)

    def resume(self, day: dt.date, why: str) -> None:
        s = self.state
        self.decide(day, "program", RESUME, why)
        s.paused = None
        s.episodes = [
            Episode(e.kind, e.start, day, e.reason, e.details) if e.kind == "referral" and e.end is None else e
            for e in s.episodes
        ]

    def leg_symptoms(self, day: dt.date, checkin: CheckInReport) -> None:
        """New leg symptoms pause trunk progression and running at once, whatever else is going on."""
        t = self.t
        self.leg_days = [d for d in self.leg_days if (day - d).days < t.leg_symptom_window_days] + [day]
        reasons = [_(safety.LEG_REASON)]
        if checkin.leg_weakness:
            reasons.append(_(safety.LEG_WEAKNESS_REASON))
        if len(self.leg_days) >= t.leg_symptom_mornings_to_escalate:
            reasons.append(_(safety.LEG_REPEAT_REASON).format(count=len(self.leg_days), days=t.leg_symptom_window_days))
        if checkin.leg_weakness or len(self.leg_days) >= t.leg_symptom_mornings_to_escalate:
            self.pause(day, REFER_EMERGENCY, _(safety.LEG_SYMPTOMS_EMERGENCY), reasons, LEG_SYMPTOMS)
        else:
            self.pause(day, REFER_URGENT, _(safety.LEG_SYMPTOMS_URGENT), reasons, LEG_SYMPTOMS)

    def not_settling(self, day: dt.date, checkin: CheckInReport, days_in: int) -> None:
        """The longest settle-down block is over and mornings have not settled: refer, do not resume."""
        self.close_flare(day)
        reason = _(safety.NOT_SETTLING_REASON).format(pain=checkin.pain, days=days_in)
        self.pause(day, REFER_URGENT, _(safety.PAIN_NOT_SETTLING), [reason], PAIN_NOT_SETTLING)
        self.decide(
            day,
            "program",
            REVIEW,
            _("Pain has stayed up for a week: please ask a physiotherapist or doctor to review it."),
        )

    def new_week(self, day: dt.date) -> None:
        """The plan moves on: follow it where the criteria held, and say why where they did not."""
        s = self.state
        if self.p.week_of(day) > self.p.weeks:
            return  # in maintenance the doses stay where the runner reached
        logged = any(self.sessions.get(day - dt.timedelta(days=d)) for d in range(1, 8))
        if not logged:
            self.decide(day, "program", HOLD, "No session logged last week: your doses wait for you where they were.")
        week = self.p.week_of(day)
        for slot in self.p.ladders:
            if not self.p.planned_in(slot, week):
                continue
            ceiling = self.p.ceiling(slot, day)
            pos = min(s.positions.get(slot, self.p.first_planned(slot)), self.p.ceiling(slot, day - ONE_DAY))
            if pos >= ceiling:
                continue
            s.positions[slot] = pos
            if self.ready.get(slot) and s.pain_rise_since is None:
                nxt = self.p.next_planned_above(slot, pos)
                if nxt is not None and nxt <= ceiling:
                    self._move(
                        day,
                        slot,
                        nxt,
                        PROGRESS,
                        _("pain {safe_pain}/10 or less in your last two sessions and settled mornings").format(
                            safe_pain=self.t.safe_pain
                        ),
                    )
            elif logged and slot in self.last_reason:
                self._move(day, slot, pos, HOLD, self.last_reason[slot])

    def pause(
        self, day: dt.date, status: str, message: str, reasons: list[str] | None = None, cause: str = RED_FLAG
    ) -> None:
        """Pause everything until a clinician clears it; a more serious tier replaces a milder one."""
        s = self.state
        if s.paused and (s.paused.status == REFER_EMERGENCY or status != REFER_EMERGENCY):
            return
        escalated = s.paused is not None
        if s.flare_start is not None:
            self.close_flare(day)
        s.paused = Referral(day, status, message, list(reasons or []), cause)
        if escalated:
            s.episodes = [
                Episode(e.kind, e.start, e.end, message, {"status": status, "cause": cause})
                if e.kind == "referral" and e.end is None
                else e
                for e in s.episodes
            ]
        else:
            s.episodes.append(Episode("referral", day, None, message, {"status": status, "cause": cause}))
        self.decide(
            day,
            "program",
            PAUSE,
            _("Program paused: {message}").format(message=message),
            status=status,
            cause=cause,
            reasons=list(reasons or []),
        )

    def close_flare(self, day: dt.date) -> None:
        """The settle-down block ends: whatever comes next starts one step lower, trunk and running."""
        s = self.state
        s.flare_start = None
        s.episodes = [
            e if not (e.kind == "flare_up" and e.end is None) else Episode(e.kind, e.start, day - ONE_DAY, e.reason)
            for e in s.episodes
        ]
        for slot in self.p.ladders:
            pos = min(s.positions.get(slot, self.p.first_planned(slot)), self.p.ceiling(slot, day))
            s.positions[slot] = max(pos - 1, 0)
            s.good_streak[slot] = 0
            self.ready[slot] = False
            self.last_reason[slot] = _("starting again one step lower after the flare-up")
        if self.walk_run_mode(day):
            s.run_stage, s.runs_at_stage = max(s.run_stage - 1, 0), 0
        else:
            s.run_pos = min(s.run_pos, max(self.p.week_of(day) - 1, 0)) - 1

    def flare_check(self, day: dt.date, checkin: CheckInReport, baseline: float) -> None:
        high = checkin.pain >= baseline + self.t.flare_rise
        yesterday = self.checkins.get(day - ONE_DAY)
        two_days = high and yesterday is not None and yesterday.pain >= baseline + self.t.flare_rise
        if checkin.pain >= self.t.flare_any_pain:
            self.start_flare(day, _("morning pain {pain}/10").format(pain=checkin.pain))
        elif two_days:
            self.start_flare(
                day,
                _("morning pain {pain}/10 and {pain2}/10, two days above your usual {baseline:g}/10").format(
                    pain=yesterday.pain, pain2=checkin.pain, baseline=baseline
                ),
            )

    def start_flare(self, day: dt.date, why: str) -> None:
        s = self.state
        if s.flare_start is not None or s.paused:
            return
        s.flare_start, s.flare_reason = day, why
        s.episodes.append(Episode("flare_up", day, None, why))
        self.pending.clear()
        self.decide(
            day,
            "program",
            FLARE_UP,
            _(
                "Flare-up: {why}. Switching to a settle-down block of gentle movement and walking for "
                "{flare_min_days} to {flare_max_days} days."
            ).format(why=why, flare_min_days=self.t.flare_min_days, flare_max_days=self.t.flare_max_days),
        )

    def end_flare(self, day: dt.date, why: str) -> None:
        start = self.state.flare_start
        self.close_flare(day)
        self.decide(
            day,
            "program",
            FLARE_OVER,
            _("Flare-up over ({why}); resuming one step below where you were before {start}.").format(
                why=why, start=start.isoformat()
            ),
        )

    def recurrence(self, day: dt.date, checkin: CheckInReport) -> bool:
        s, t = self.state, self.t
        if checkin.pain <= t.pain_free_max:
            if s.pain_free_since is None:
                s.pain_free_since = day
            return False
        yesterday = self.checkins.get(day - ONE_DAY)
        since = s.pain_free_since
        s_pain_free_days = (day - ONE_DAY - since).days if since else 0
        if (
            checkin.pain >= t.recurrence_pain
            and yesterday is not None
            and yesterday.pain >= t.recurrence_pain
            and since is not None
            and s_pain_free_days >= t.pain_free_days_before_recurrence
            and not s.in_reentry(day)
        ):
            s.pain_free_since = None
            s.reentry_start = day + ONE_DAY
            s.reentry_end = day + dt.timedelta(weeks=t.reentry_weeks)
            for slot in self.p.ladders:  # re-entry starts one step below the level reached
                pos = min(s.positions.get(slot, self.p.first_planned(slot)), self.p.ceiling(slot, day))
                s.positions[slot] = max(pos - 1, 0)
                s.good_streak[slot] = 0
                self.ready[slot] = False
            why = _(
                "pain {pain}/10 and {pain2}/10 on two mornings in a row after {s_pain_free_days} pain-free days"
            ).format(pain=yesterday.pain, pain2=checkin.pain, s_pain_free_days=s_pain_free_days)
            s.episodes.append(Episode("recurrence", day - ONE_DAY, None, why))
            self.decide(
                day,
                "program",
                RECURRENCE,
                _(
                    "Recurrence: {why}. A {reentry_weeks}-week re-entry block (the stabilise phase, one step below "
                    "the level you reached) starts {reentry_start}."
                ).format(why=why, reentry_weeks=t.reentry_weeks, reentry_start=s.reentry_start.isoformat()),
            )
            return True
        if checkin.pain > t.pain_free_max and (yesterday is None or yesterday.pain > t.pain_free_max):
            s.pain_free_since = None
        return False

    # -- sessions ------------------------------------------------------------------------
    def session(self, day: dt.date, report: SessionReport) -> None:
        s, t = self.state, self.t
        if s.paused:
            return
        worst = max(report.pain_during, report.pain_after, *(e.pain or 0 for e in report.exercises))
        if worst >= t.flare_any_pain and not s.in_flare(day):
            self.start_flare(
                day + ONE_DAY, _("pain {worst}/10 in {day}'s session").format(worst=worst, day=day_name(day))
            )
            return
        planned = self.planned_near(day)
        if planned is None or planned["kind"] in ("settle_down", "light"):
            return
        # The session's worst pain belongs to an exercise only when the runner said which one;
        # otherwise it holds every exercise rather than stepping each one back (CLINICAL.md s4).
        attributed = any(e.pain is not None and e.pain >= report.pain_during for e in report.exercises)
        session_hold = ""
        if report.pain_after > t.pain_after_limit:
            session_hold = _("pain {pain}/10 after {day}'s session").format(pain=report.pain_after, day=day_name(day))
        elif report.pain_during > t.acceptable_pain and not attributed:
            session_hold = _(
                "pain {pain}/10 during {day}'s session; log each exercise's pain so that only the one that hurt "
                "steps back"
            ).format(pain=report.pain_during, day=day_name(day))
        if not report.exercises:
            # done as planned, no exercise reported on its own (most logs): every planned exercise done,
            # at the session's pain capped at the acceptable level, as _outcomes would find. A day's
            # later logs like it share the outcomes worked out for the first (they are only read).
            pain = min(report.pain_during, t.acceptable_pain)
            last_planned, last_pain, last_hold, outcomes = self._plain
            if last_planned is not planned or last_pain != pain or last_hold != session_hold:
                ladders = self.p.ladders
                outcomes = {e["slot"]: (pain, True, session_hold) for e in planned["exercises"] if e["slot"] in ladders}
                self._plain = (planned, pain, session_hold, outcomes)
        else:
            outcomes = self._outcomes(day, planned, report, session_hold)
        if session_hold:
            self.decide(day, "program", HOLD, _("Nothing moves up after this session: {why}").format(why=session_hold))
        self.pending.append((report, outcomes))

    def _outcomes(self, day: dt.date, planned: dict, report: SessionReport, session_hold: str) -> dict:
        """Each planned exercise's (pain, completed, hold reason) from a log that reports exercises."""
        s, t = self.state, self.t
        results = {e.slug: e for e in report.exercises}
        outcomes = {}
        for e in planned["exercises"]:
            slot = e["slot"]
            if slot not in self.p.ladders:
                continue
            result = results.get(e["slug"])
            if result is None and not report.as_planned and report.exercises:
                continue  # not done this time: no evidence either way
            completed = result is None or self._completed(result, e)
            # Without its own pain, an exercise is never stepped back for the session's worst.
            own = result.pain if result is not None and result.pain is not None else None
            pain = own if own is not None else min(report.pain_during, t.acceptable_pain)
            if pain > t.acceptable_pain:
                s.good_streak[slot] = 0
                self.too_painful(day, slot, pain)
                continue
            outcomes[slot] = (pain, completed, session_hold)
        return outcomes

    def planned_near(self, day: dt.date) -> dict | None:
        """The session a log on this day stands for (read only). A day's second and later logs find it
        again without working it out, unless something it depends on changed in between."""
        s = self.state
        key = (
            day,
            s.paused is None,
            s.flare_start,
            s.reentry_start,
            s.reentry_end,
            tuple(s.positions.items()),
            tuple(s.removed),
        )
        if self._near[0] != key:
            self._near = (key, self.p.session_near(day, s))
        return self._near[1]

    def bring_back(self, day: dt.date) -> None:
        """An exercise left out comes back at its easiest step when the next phase starts."""
        for slot, removed in list(self.state.removed.items()):
            if day >= dt.date.fromisoformat(removed["until"]):
                del self.state.removed[slot]
                name, _dose = self.name(slot, 0)
                self.decide(
                    day,
                    slot,
                    ALLOWED,
                    _("{name} comes back at its easiest step with the new phase.").format(name=name),
                    slot=slot,
                )

    def too_painful(self, day: dt.date, slot: str, pain: int) -> None:
        """Pain above 5/10 on an exercise: one step back, or out of the sessions if it is already easiest."""
        s = self.state
        pos = min(s.positions.get(slot, self.p.first_planned(slot)), self.p.ceiling(slot, day))
        why = _("pain {pain}/10 during {day}'s session").format(pain=pain, day=day_name(day))
        if pos > 0:
            self._move(day, slot, pos - 1, STEP_BACK, why)
            return
        name, _dose = self.name(slot, pos)
        until = self.p.next_phase_start(day)
        s.removed[slot] = {"date": day.isoformat(), "until": until.isoformat(), "reason": why}
        self.decide(
            day,
            slot,
            REMOVED,
            _(
                "{name} is left out of your sessions for the rest of this phase: {why}, and it is already at its "
                "easiest step. If it hurts like that again when it comes back, ask a physiotherapist about it."
            ).format(name=name, why=why),
            slot=slot,
            slug=self.p.ladders[slot][pos].slug,
        )

    @staticmethod
    def _completed(result, prescribed: dict) -> bool:
        if not result.completed:
            return False
        for key in ("sets", "reps", "hold_seconds"):
            done = getattr(result, key)
            if done is not None and key in prescribed and done < prescribed[key]:
                return False
        return True

    def evaluate_pending(self, day: dt.date, checkin: CheckInReport | None, baseline: float) -> None:
        s, t = self.state, self.t
        for report, outcomes in self.pending:
            when = _("{date}'s session").format(date=day_name(report.date))
            morning_up = checkin is not None and checkin.pain > baseline
            stiff_up = (
                checkin is not None
                and checkin.stiffness is not None
                and self.h.baseline_stiffness is not None
                and checkin.stiffness > self.h.baseline_stiffness
            )
            for slot, (pain, completed, hold_reason) in outcomes.items():
                pos = min(s.positions.get(slot, self.p.first_planned(slot)), self.p.ceiling(slot, report.date))
                s.positions[slot] = pos
                ceiling = self.p.ceiling(slot, day)
                self.ready[slot] = False
                if morning_up or stiff_up:
                    s.good_streak[slot] = 0
                    what = (
                        _("morning pain {pain}/10 after {when}, above your usual {baseline:g}/10").format(
                            pain=checkin.pain, when=when, baseline=baseline
                        )
                        if morning_up
                        else _("morning stiffness {stiffness}/10 after {when} was up").format(
                            stiffness=checkin.stiffness, when=when
                        )
                    )
                    self._move(day, slot, max(pos - 1, 0), STEP_BACK, what)
                    self.last_reason[slot] = what
                elif hold_reason or s.pain_rise_since is not None:
                    s.good_streak[slot] = 0
                    self.last_reason[slot] = hold_reason or self.rise_reason()
                elif pain > t.safe_pain:
                    s.good_streak[slot] = 0
                    self.last_reason[slot] = _("pain {pain}/10 during {when}").format(pain=pain, when=when)
                    if pos < ceiling:
                        self._move(day, slot, pos, HOLD, self.last_reason[slot])
                elif not completed or (report.effort is not None and report.effort > t.max_effort_to_progress):
                    s.good_streak[slot] = 0
                    if pos < ceiling:
                        why = (
                            _("effort {effort}/10 in {when}").format(effort=report.effort, when=when)
                            if completed
                            else _("the full dose was not completed in {when}").format(when=when)
                        )
                        self._move(day, slot, pos, HOLD, why)
                    self.last_reason[slot] = (
                        _("effort {effort}/10 in {when}").format(effort=report.effort, when=when)
                        if completed
                        else _("the full dose was not completed in {when}").format(when=when)
                    )
                elif checkin is None:
                    self.last_reason[slot] = _("no morning check-in after {when} to confirm it settled").format(
                        when=when
                    )
                    if pos < ceiling:
                        self._move(day, slot, pos, HOLD, self.last_reason[slot])
                else:
                    s.good_streak[slot] = s.good_streak.get(slot, 0) + 1
                    self.last_reason[slot] = "one good session so far; moving up takes two in a row"
                    if s.good_streak[slot] >= t.good_sessions_to_progress:
                        self.ready[slot] = True
                        nxt = self.p.next_planned_above(slot, pos)
                        if nxt is not None and nxt <= ceiling:
                            self._move(
                                day,
                                slot,
                                nxt,
                                PROGRESS,
                                _(
                                    "pain {safe_pain}/10 or less in your last two sessions and a settled next morning"
                                ).format(safe_pain=t.safe_pain),
                            )
        self.pending.clear()
        for run in self.pending_runs:
            self.evaluate_run(day, run, checkin, baseline)
        self.pending_runs.clear()

    # -- running -------------------------------------------------------------------------
    def run_report(self, day: dt.date, run: RunReport) -> None:
        if self.state.paused or run.pain_during is None:
            # a recorded run the runner has not rated yet moves nothing that pain guides; it is judged
            # when they rate it (the replay takes it from its own day then)
            return
        worst = max(run.pain_during, run.pain_after or 0)
        what = _("{day}'s walk") if run.walk else _("{day}'s run")
        if worst >= self.t.flare_any_pain:
            self.start_flare(
                day + ONE_DAY, _("pain {worst}/10 on {what}").format(worst=worst, what=what.format(day=day_name(day)))
            )
            return
        if run.walk:
            if run.minutes >= self.t.return_walk_minutes and run.pain_during <= self.t.safe_pain:
                self.walked_comfortably = True
            return
        if self.walk_run_mode(day) and self.state.walk_run_from is None:
            self.decide(
                day,
                "running",
                HOLD,
                _("{what} does not count towards walk-run stages yet: walk-run starts once {missing}.").format(
                    what=_first_upper(what.format(day=day_name(day))),
                    missing=_(" and ").join(self.state.walk_run_missing) or _("the next morning check-in confirms it"),
                ),
            )
            return
        self.pending_runs.append(run)

    def evaluate_run(self, day, run: RunReport, checkin, baseline) -> None:
        s, t = self.state, self.t
        if not self.walk_run_mode(day):
            # volume is judged once a week, in week_end, from what each run showed at the time
            week = self.run_week
            week["worst"] = max(week["worst"] or 0, run.pain_during)
            week["morning_up"] |= checkin is not None and checkin.pain > baseline and not s.in_flare(day)
            return
        when = _("{date}'s run").format(date=day_name(run.date))
        stage = WALK_RUN_STAGES[s.run_stage]
        if run.pain_during > t.acceptable_pain or (checkin is not None and checkin.pain > baseline):
            why = (
                _("pain {pain_during}/10 during {when}").format(pain_during=run.pain_during, when=when)
                if run.pain_during > t.acceptable_pain
                else _("morning pain {pain}/10 after {when}").format(pain=checkin.pain, when=when)
            )
            self.step_back_running(day, why)
        elif run.pain_during > t.safe_pain or checkin is None:
            s.runs_at_stage = 0
            why = (
                _("pain {pain_during}/10 during {when}").format(pain_during=run.pain_during, when=when)
                if checkin
                else _("no morning check-in after {when}").format(when=when)
            )
            self.decide(
                day,
                "running",
                HOLD,
                _("Walk-run stays at stage {run_stage_number}: {why}").format(
                    run_stage_number=s.run_stage + 1, why=why
                ),
            )
        else:
            s.runs_at_stage += 1
            if s.runs_at_stage >= RUNS_PER_STAGE and s.run_stage < len(WALK_RUN_STAGES) - 1:
                s.run_stage += 1
                s.runs_at_stage = 0
                run_min, walk_min, reps = WALK_RUN_STAGES[s.run_stage]
                self.decide(
                    day,
                    "running",
                    PROGRESS,
                    _(
                        "Walk-run moves up to stage {run_stage_number} (run {run_min} min, walk {walk_min} min, {reps} "
                        "times): {RUNS_PER_STAGE} runs at stage {run_stage} with pain {safe_pain}/10 or less"
                    ).format(
                        run_stage_number=s.run_stage + 1,
                        run_min=run_min,
                        walk_min=walk_min,
                        reps=reps,
                        RUNS_PER_STAGE=RUNS_PER_STAGE,
                        run_stage=s.run_stage,
                        safe_pain=t.safe_pain,
                    ),
                    from_stage=s.run_stage,
                    stage_minutes=stage[0],
                )

    def week_end(self, day: dt.date) -> None:
        s, t = self.state, self.t
        if s.paused:
            return
        week = self.p.week_of(day)
        self.weekly_pain_trend(day)
        judged, self.run_week = self.run_week, {"worst": None, "morning_up": False}
        flared = any(e.kind == "flare_up" and (day - e.start).days < 7 for e in s.episodes)
        if not self.walk_run_mode(day) and not flared and judged["worst"] is not None:
            worst = judged["worst"]
            if worst > t.acceptable_pain or judged["morning_up"]:
                self.step_back_running(
                    day,
                    _("pain up to {worst}/10 on this week's runs").format(worst=worst)
                    if worst > t.acceptable_pain
                    else "a morning after a run was worse",
                )
            elif worst > t.safe_pain:
                self.decide(
                    day,
                    "running",
                    HOLD,
                    _("Running volume held: pain up to {worst}/10 on this week's runs").format(worst=worst),
                )
            else:
                s.run_pos = min(s.run_pos + 1, week)
        if week > self.p.weeks:
            self.maintenance_week(day)

    def rise_reason(self) -> str:
        return _(
            "morning pain has stayed {rise:g} points or more above your settled {settled:g}/10: nothing moves up "
            "until it settles"
        ).format(rise=self.t.sustained_rise, settled=self.state.settled_baseline)

    def sustained_rise(self, day: dt.date) -> None:
        """Slowly rising mornings, judged against the level they had settled at, not a median that drifts."""
        s, t = self.state, self.t
        if len(self.recent_mornings) >= BASELINE_MIN_CHECKINS:
            level = float(statistics.median(self.recent_mornings[-BASELINE_WINDOW:]))
            if s.settled_baseline is None or (level < s.settled_baseline and s.pain_rise_since is None):
                s.settled_baseline = level
        if s.settled_baseline is None:
            return
        week = [c.pain for d in range(t.sustained_rise_days) if (c := self.checkins.get(day - dt.timedelta(days=d)))]
        if len(week) < t.min_checkins_for_weekly_trend:
            return
        mean = sum(week) / len(week)  # plain arithmetic: statistics.mean is exact but slow, and runs each morning
        high = mean >= s.settled_baseline + t.sustained_rise
        if high and s.pain_rise_since is None:
            s.pain_rise_since = day
            for slot in self.p.ladders:
                self.ready[slot] = False
            self.step_back_all(
                day,
                _(
                    "morning pain averaged {mean:.1f}/10 over the last week, {rise:g} or more above your settled "
                    "{settled:g}/10"
                ).format(mean=mean, rise=t.sustained_rise, settled=s.settled_baseline),
            )
            self.decide(
                day,
                "program",
                REVIEW,
                _(
                    "Your morning pain has risen and stayed up for a week. Please ask a physiotherapist or doctor "
                    "to review it; until it settles, nothing in your plan moves up."
                ),
            )
        elif not high and s.pain_rise_since is not None:
            s.pain_rise_since = None
            self.decide(
                day,
                "program",
                ALLOWED,
                _("Morning pain averaged {mean:.1f}/10 over the last week: exercises may move up again.").format(
                    mean=mean
                ),
            )

    def walk_run_readiness(self, day: dt.date) -> None:
        """Walk-run starts when the runner's own logs meet the return-to-running rule (CLINICAL.md s7)."""
        s, t = self.state, self.t
        if not self.walk_run_mode(day) or s.walk_run_from is not None:
            return
        recent = [c.pain for c in self.history_checkins_until(day)][-t.return_checkins :]
        missing = []
        if not self.walked_comfortably:
            missing.append(
                _("a {minutes}-minute walk with pain {safe}/10 or less (log it as a walk)").format(
                    minutes=t.return_walk_minutes, safe=t.safe_pain
                )
            )
        if len(recent) < t.return_checkins or max(recent) > t.return_max_morning_pain:
            shown = ", ".join(f"{p}/10" for p in recent) or _("none yet")
            missing.append(
                _("morning pain {limit}/10 or less on your last {count} check-ins (so far: {shown})").format(
                    limit=t.return_max_morning_pain, count=t.return_checkins, shown=shown
                )
            )
        s.walk_run_missing = missing
        if not missing:
            s.walk_run_from = day
            self.decide(
                day,
                "running",
                ALLOWED,
                _(
                    "Walk-run can start: 30 minutes' walking is comfortable and your last {count} mornings were "
                    "{limit}/10 or less. Begin at stage 1."
                ).format(count=t.return_checkins, limit=t.return_max_morning_pain),
            )

    def history_checkins_until(self, day: dt.date) -> list[CheckInReport]:
        return [c for c in self.h.checkins if c.date <= day]

    def weekly_pain_trend(self, day: dt.date) -> None:
        t = self.t
        this = [c.pain for d in range(7) if (c := self.checkins.get(day - dt.timedelta(days=d)))]
        last = [c.pain for d in range(7, 14) if (c := self.checkins.get(day - dt.timedelta(days=d)))]
        if min(len(this), len(last)) < t.min_checkins_for_weekly_trend or self.state.in_flare(day):
            return
        if any(e.kind == "flare_up" and (day - e.start).days < 14 for e in self.state.episodes):
            return  # a flare-up in these two weeks was handled already; its mornings would count twice
        if self.state.pain_rise_since == day:
            return  # the sustained rise stepped everything back today already
        now, before = statistics.mean(this), statistics.mean(last)
        if now - before >= t.weekly_rise:
            self.step_back_all(
                day,
                _("morning pain averaged {now:.1f}/10 this week against {before:.1f}/10 the week before").format(
                    now=now, before=before
                ),
            )

    def maintenance_week(self, day: dt.date) -> None:
        s = self.state
        done = sum(len(self.sessions.get(day - dt.timedelta(days=d), [])) for d in range(7))
        if done == 0 and not s.in_flare(day):
            week = self.p.week_of(day)
            message = _(
                "No core session in week {week}. One session a week keeps the protection going: your next one "
                "is on {maintenance_day}."
            ).format(week=week, maintenance_day=_(FULL_DAY_NAMES[self.p.maintenance_day]))
            s.nudges.append(Nudge(day, "missed_core_week", message))
            self.decide(day, "program", NUDGE, message, week=week)


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def replay(program: Program, history: History, today: dt.date, thresholds: Thresholds = DEFAULT) -> ProgramState:
    return Replay(program, history, thresholds).run(today)


# -- resuming from a checkpoint ------------------------------------------------------------
# A day's decisions depend only on the program and on what was reported up to that day, so the
# replay's working state at the end of a day can be kept and a later replay can carry on from it.
# Logs are nearly always for the last few days: a checkpoint kept a week behind the day replayed
# lets a write replay a week or two instead of the whole history.
CHECKPOINT_LAG_DAYS = 7
CHECKPOINT_FORMAT = 3  # raised whenever the replay's working state or the digest changes shape
# The replay's attributes that carry from one day to the next; the rest is the program and the history.
CARRIED = (
    "state",
    "recent_mornings",
    "ready",
    "last_reason",
    "pending",
    "pending_runs",
    "run_week",
    "leg_days",
    "walked_comfortably",
)


@dataclass(frozen=True)
class Checkpoint:
    day: dt.date  # the last day replayed into it
    digest: str  # of everything the replay read up to that day (inputs_digest)
    data: bytes  # the replay's working state at the end of that day
    decisions: int  # how many decisions had been made by then (they are only ever appended)
    nudges: int  # the same for nudges
    episodes: tuple  # the episodes as they stood (an open one may still end later)
    decided: bytes = b""  # the decisions made by then (read once per process: see _decided)


# A checkpoint's decisions are most of its size and never change (a decision is frozen, and only
# ever appended after them): each process decodes them once per checkpoint, and every replay that
# carries on from it starts its own list with the same decisions.
_DECIDED = Kept(256)


def _decided(checkpoint: Checkpoint) -> tuple:
    found = _DECIDED.get(checkpoint.decided)
    if found is None:
        found = _DECIDED[checkpoint.decided] = pickle.loads(checkpoint.decided)
    return found


@dataclass(frozen=True)
class Resumed:
    state: ProgramState
    checkpoint: Checkpoint | None  # the one to keep for the next replay (None: none yet)
    resumed_from: Checkpoint | None  # the one this replay carried on from (None: replayed from the start)


def _values(kind: type, leave: str = ""):
    """Reads a report's fields as a tuple, in declaration order: a new field counts without a change here."""
    return attrgetter(*(f.name for f in fields(kind) if f.name != leave))


_SESSION, _EXERCISE = _values(SessionReport, leave="exercises"), _values(ExerciseResult)
_CHECKIN, _RUN = _values(CheckInReport), _values(RunReport)


def inputs_digest(program: Program, history: History, day: dt.date, thresholds: Thresholds = DEFAULT) -> str:
    """A fingerprint of what a replay reads up to `day`.

    Clinician adjustments and clearances are few and may reach back, so all of them count; reports
    count up to the day, each as the tuple of its fields (built-in values print several times faster
    than dataclasses). The plan and its ladders are the caller's to tell apart (they never change
    for a stored plan).
    """
    h = hashlib.blake2b(digest_size=16)
    fixed = (
        CHECKPOINT_FORMAT,
        thresholds,
        history.baseline_pain,
        history.baseline_stiffness,
        history.walk_30_min_comfortable,
        history.clearances,
        program.adjustments,
    )
    h.update(repr(fixed).encode())
    sessions = [(_SESSION(s), tuple(map(_EXERCISE, s.exercises))) for s in history.sessions if s.date <= day]
    h.update(repr(sessions).encode())
    for reports, values in ((history.checkins, _CHECKIN), (history.runs, _RUN)):
        h.update(repr([values(r) for r in reports if r.date <= day]).encode())
    return h.hexdigest()


# A replay carrying on from a checkpoint walks the days after it and looks back from each at most two
# weeks (mornings, sessions), or to its last few morning check-ins (the return to running); attention
# looks back over the last running weeks. A history from this many days before the checkpoint is
# enough for it, as long as no new checkpoint is to be kept (a checkpoint's fingerprint counts every
# report) and the days before the checkpoint hold those last check-ins.
LOOKBACK_DAYS = 42


def reads_from(start: dt.date, checkpoint: Checkpoint, today: dt.date) -> dt.date | None:
    """The first day a replay carrying on from `checkpoint` up to `today` reads, for a program that
    starts on `start` (None: it reads all)."""
    if not start <= checkpoint.day < today or (today - checkpoint.day).days >= 2 * CHECKPOINT_LAG_DAYS:
        return None  # replayed from the start, or a new checkpoint is kept on the way
    return checkpoint.day - dt.timedelta(days=LOOKBACK_DAYS)


def holds_enough(history: History, checkpoint: Checkpoint, thresholds: Thresholds = DEFAULT) -> bool:
    """A history read from `reads_from` holds the last morning check-ins up to the checkpoint's day
    that the days after it may look back to (otherwise read it all)."""
    before = sum(1 for c in history.checkins if c.date <= checkpoint.day)
    return before >= thresholds.return_checkins


def replay_resuming(
    program: Program,
    history: History,
    today: dt.date,
    checkpoint: Checkpoint | None = None,
    thresholds: Thresholds = DEFAULT,
    digests: dict[dt.date, str] | None = None,
) -> Resumed:
    """The same state as `replay`, carrying on from `checkpoint` when it still matches the history.

    A checkpoint that no longer matches (a log changed on or before its day, a clinician's change)
    is ignored and the replay starts from the plan's start. A new checkpoint is kept
    CHECKPOINT_LAG_DAYS behind `today` once the one given is twice that far behind.

    `digests` holds fingerprints of this very program, history and thresholds already worked out,
    by day: one found there is not worked out again, and the ones worked out here are added.
    """
    known = {} if digests is None else digests
    usable = False
    if checkpoint is not None and program.start <= checkpoint.day < today:
        if checkpoint.day not in known:
            known[checkpoint.day] = inputs_digest(program, history, checkpoint.day, thresholds)
        usable = checkpoint.digest == known[checkpoint.day]
    start = checkpoint if usable else None
    wanted = today - dt.timedelta(days=CHECKPOINT_LAG_DAYS)
    floor = start.day if start else program.start - ONE_DAY
    keep = wanted if (wanted - floor).days >= CHECKPOINT_LAG_DAYS and wanted >= program.start else None
    r = Replay(program, history, thresholds)
    state = r.run(today, resume=start, keep=keep)
    if r.kept is not None:
        known[r.kept.day] = r.kept.digest
    return Resumed(state, r.kept or start, start)
