"""Pain-guided adaptation: replay what the runner reported, day by day.

Replaying the whole history is deterministic and cheap (a year of logs takes
milliseconds), so the state never drifts from the logs, and a late log simply
changes the story from its date on. Rules: CLINICAL.md sections 4, 7 and 8.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict

from ..i18n import _
from ..planner.running import RUNS_PER_STAGE, WALK_RUN_STAGES
from .decisions import (
    ADJUSTED,
    FLARE_OVER,
    FLARE_UP,
    HOLD,
    NUDGE,
    PAUSE,
    PROGRESS,
    RECURRENCE,
    RESUME,
    REVIEW,
    STEP_BACK,
    Decision,
    Episode,
    Nudge,
    day_name,
    dose_words,
)
from .events import CheckInReport, History, RunReport, SessionReport
from .resolve import Program
from .state import ProgramState, Referral
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
        verb = {PROGRESS: _("moves up to"), HOLD: _("held at"), STEP_BACK: _("steps back to")}[kind]
        if kind == STEP_BACK and new == old:
            verb = _("stays at its easiest step,")
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
        return self.p.plan["weeks"][0]["running"]["status"] == "stopped_due_to_pain"

    # -- the replay ----------------------------------------------------------------------
    def run(self, today: dt.date) -> ProgramState:
        self.state = ProgramState(as_of=today, baseline=float(self.h.baseline_pain))
        day = self.p.start
        while day <= today:
            self.morning(day)
            for report in self.sessions.get(day, []):
                self.session(day, report)
            for run in self.runs.get(day, []):
                self.run_report(day, run)
            if (day - self.p.start).days % 7 == 6:
                self.week_end(day)
            day += ONE_DAY
        self.state.baseline = self.baseline()
        return self.state

    def adjustments_on(self, day: dt.date) -> None:
        for a in self.p.adjustments:
            if a.date != day:
                continue
            if a.kind in ("swap", "dosage"):
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
            self.pause(day, checkin.red_flag_status, checkin.red_flag_message)
        # A clearance comes after the warning sign it answers, even when both fall on one day.
        if day in self.clearances and s.paused:
            note = self.clearances[day].note
            self.decide(
                day, "program", RESUME, _("A clinician cleared the referral: {note}").format(note=note).rstrip(": ")
            )
            s.paused = None
            s.episodes = [
                Episode(e.kind, e.start, day, e.reason, e.details) if e.kind == "referral" and e.end is None else e
                for e in s.episodes
            ]
        if s.paused:
            self.pending.clear()
            self.pending_runs.clear()
            return
        self.evaluate_pending(day, checkin, baseline)
        if day > self.p.start and (day - self.p.start).days % 7 == 0 and not s.in_flare(day):
            self.new_week(day)
        if checkin is None:
            if s.flare_start and (day - s.flare_start).days >= self.t.flare_max_days:
                self.end_flare(day, "the settle-down block has reached its longest length")
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
                self.end_flare(day, "the settle-down block has reached its longest length")
                self.decide(
                    day,
                    "program",
                    REVIEW,
                    "Pain has stayed up for a week: please ask a physiotherapist or doctor to review it.",
                )
        if s.flare_start is None:
            self.recent_mornings.append(checkin.pain)

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
            if self.ready.get(slot):
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

    def pause(self, day: dt.date, status: str, message: str) -> None:
        s = self.state
        if s.paused:
            return
        s.paused = Referral(day, status, message)
        s.flare_start = None
        s.episodes.append(Episode("referral", day, None, message, {"status": status}))
        self.decide(day, "program", PAUSE, _("Program paused: {message}").format(message=message), status=status)

    def flare_check(self, day: dt.date, checkin: CheckInReport, baseline: float) -> None:
        high = checkin.pain >= baseline + self.t.flare_rise
        yesterday = self.checkins.get(day - ONE_DAY)
        two_days = high and yesterday is not None and yesterday.pain >= baseline + self.t.flare_rise
        if checkin.pain >= self.t.flare_any_pain:
            self.start_flare(day, _("morning pain {pain}/10").format(pain=checkin.pain), checkin.leg_symptoms)
        elif two_days:
            self.start_flare(
                day,
                _("morning pain {pain}/10 and {pain2}/10, two days above your usual {baseline:g}/10").format(
                    pain=yesterday.pain, pain2=checkin.pain, baseline=baseline
                ),
                checkin.leg_symptoms,
            )

    def start_flare(self, day: dt.date, why: str, leg_symptoms: bool = False) -> None:
        s = self.state
        if s.flare_start is not None or s.paused:
            return
        if leg_symptoms:
            self.pause(
                day,
                "refer_urgent",
                "A flare-up with leg symptoms needs a clinician's review within a few "
                "days. The program is paused until then.",
            )
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
        s = self.state
        start = s.flare_start
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
            self.last_reason[slot] = "starting again one step lower after the flare-up"
        if self.walk_run_mode(day):
            s.run_stage, s.runs_at_stage = max(s.run_stage - 1, 0), 0
        else:
            s.run_pos = min(s.run_pos, max(self.p.week_of(day) - 1, 0)) - 1
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
            why = _(
                "pain {pain}/10 and {pain2}/10 on two mornings in a row after {s_pain_free_days} pain-free days"
            ).format(pain=yesterday.pain, pain2=checkin.pain, s_pain_free_days=s_pain_free_days)
            s.episodes.append(Episode("recurrence", day - ONE_DAY, None, why))
            self.decide(
                day,
                "program",
                RECURRENCE,
                _(
                    "Recurrence: {why}. A {reentry_weeks}-week re-entry block (the stabilise phase at the level you "
                    "reached) starts {reentry_start}."
                ).format(why=why, reentry_weeks=t.reentry_weeks, reentry_start=s.reentry_start.isoformat()),
            )
            return True
        if checkin.pain > t.pain_free_max and (yesterday is None or yesterday.pain > t.pain_free_max):
            s.pain_free_since = None
        return False

    # -- sessions ------------------------------------------------------------------------
    def session(self, day: dt.date, report: SessionReport) -> None:
        s = self.state
        if s.paused:
            return
        worst = max(report.pain_during, report.pain_after, *(e.pain or 0 for e in report.exercises))
        if worst >= self.t.flare_any_pain and not s.in_flare(day):
            self.start_flare(
                day + ONE_DAY, _("pain {worst}/10 in {day}'s session").format(worst=worst, day=day_name(day))
            )
            return
        planned = self.p.session_near(day, s)
        if planned is None or planned["kind"] in ("settle_down", "light"):
            return
        results = {e.slug: e for e in report.exercises}
        outcomes = {}
        for e in planned["exercises"]:
            slot = e["slot"]
            if slot not in self.p.ladders:
                continue
            result = results.get(e["slug"])
            if result is None and not report.as_planned and report.exercises:
                continue  # not done this time: no evidence either way
            pain = result.pain if result and result.pain is not None else report.pain_during
            completed = result is None or self._completed(result, e)
            if pain > self.t.acceptable_pain:
                pos = min(s.positions.get(slot, self.p.first_planned(slot)), self.p.ceiling(slot, day))
                s.good_streak[slot] = 0
                self._move(
                    day,
                    slot,
                    max(pos - 1, 0),
                    STEP_BACK,
                    _("pain {pain}/10 during {day}'s session").format(pain=pain, day=day_name(day)),
                )
                continue
            outcomes[slot] = (pain, completed)
        self.pending.append((report, outcomes))

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
            for slot, (pain, completed) in outcomes.items():
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
        if self.state.paused:
            return
        worst = max(run.pain_during, run.pain_after or 0)
        if worst >= self.t.flare_any_pain:
            self.start_flare(day + ONE_DAY, _("pain {worst}/10 on {day}'s run").format(worst=worst, day=day_name(day)))
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

    def weekly_pain_trend(self, day: dt.date) -> None:
        t = self.t
        this = [c.pain for d in range(7) if (c := self.checkins.get(day - dt.timedelta(days=d)))]
        last = [c.pain for d in range(7, 14) if (c := self.checkins.get(day - dt.timedelta(days=d)))]
        if min(len(this), len(last)) < t.min_checkins_for_weekly_trend or self.state.in_flare(day):
            return
        if any(e.kind == "flare_up" and (day - e.start).days < 14 for e in self.state.episodes):
            return  # a flare-up in these two weeks was handled already; its mornings would count twice
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
