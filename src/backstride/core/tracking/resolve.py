"""What a runner does on a given day, from the plan and the adaptation's state."""

from __future__ import annotations

import datetime as dt

from ..calendar import DAYS
from ..i18n import _
from ..library import Library
from ..planner.dosage import exercise_seconds, prescription, session_minutes
from ..planner.templates import PHASES
from .ladder import Rung, index_of, main_session_exercises, planned_rungs

SETTLE_SLOTS = ("relief_mobility", "rotation_mobility", "brace")
WALK_RUN_MODES = frozenset({"walk", "walk_run"})
SETTLE_WALK = "brisk-walk"
REENTRY_PHASE = "stabilise"


class Program:
    """A plan plus its ladders: answers 'which rung does this slot use on this day'."""

    def __init__(self, plan: dict, ladders: dict[str, list[Rung]], library: Library, adjustments=()):
        self.plan = plan
        self.ladders = ladders
        self.library = library
        self.start = dt.date.fromisoformat(plan["start_date"])
        self.end = dt.date.fromisoformat(plan["end_date"])
        self.weeks = len(plan["weeks"])
        self.sessions_by_date = {s["date"]: s for w in plan["weeks"] for s in w["sessions"]}
        self._planned = {n: planned_rungs(plan, n) for n in range(1, self.weeks + 1)}
        self.planned_seq = {
            slot: sorted({index_of(ladder, r[slot]) for r in self._planned.values() if slot in r})
            for slot, ladder in ladders.items()
        }
        self.maintenance_slots = [e["slot"] for e in plan["maintenance"]["exercises"]]
        self.maintenance_day = plan["maintenance"]["day"]
        self.session_days = plan["session_days"]
        reentry_week = next((w for w in plan["weeks"] if w["phase"] == REENTRY_PHASE), plan["weeks"][0])
        priority = [slot for phase in PHASES if phase.name == REENTRY_PHASE for slot, _level in phase.slots]
        self.reentry_slots = sorted(
            (e["slot"] for e in main_session_exercises(reentry_week)),
            key=lambda slot: priority.index(slot) if slot in priority else len(priority),
        )
        self.settle = [e for e in main_session_exercises(plan["weeks"][0]) if e["slot"] in SETTLE_SLOTS]
        # the return to running goes through walking and walk-run stages rather than weekly volume
        self.walk_run = plan["weeks"][0]["running"]["mode"] in WALK_RUN_MODES
        # re-entry sessions fit the time the runner gave: the longest main session the plan made for it
        self.session_budget = max(
            (s["minutes"] for w in plan["weeks"] for s in w["sessions"] if s["kind"] == "trunk_strength"), default=0
        )
        self._ceilings = self._ceiling_table()
        self._doses: dict[Rung, tuple[dict, float]] = {}
        self.adjustments = tuple(sorted(adjustments, key=lambda a: a.date))
        self.overrides: dict[str, list[tuple[dt.date, Rung]]] = {}
        self.shifts: list[tuple[dt.date, int]] = []
        for a in self.adjustments:
            if a.kind in ("swap", "dosage"):
                self.overrides.setdefault(a.slot, []).append((a.date, Rung(a.slug, a.dosage_step)))
            elif a.kind in ("hold_phase", "advance_phase"):
                self._add_shift(a)

    def _add_shift(self, a) -> None:
        """Hold: the current week is done once more. Advance: next week starts the next phase."""
        start_next = self.start + dt.timedelta(weeks=(a.date - self.start).days // 7 + 1)
        week = self.week_of(a.date)
        if a.kind == "hold_phase":
            self.shifts.append((start_next, -1))
            return
        phases = [w["phase"] for w in self.plan["weeks"]]
        current = phases[min(max(week, 1), self.weeks) - 1]
        later = [n for n in range(week + 1, self.weeks + 1) if phases[n - 1] != current]
        if later:
            self.shifts.append((start_next, later[0] - (week + 1)))

    def effective(self, day: dt.date) -> dt.date:
        """The plan date a calendar day stands for, once held or advanced weeks are counted."""
        weeks = sum(delta for start, delta in self.shifts if start <= day)
        return day + dt.timedelta(weeks=weeks)

    def week_of(self, day: dt.date) -> int:
        """1-based program week of a date (0 before the start, past 8 in maintenance)."""
        plan_day = self.effective(day) if self.shifts else day
        return (plan_day - self.start).days // 7 + 1

    def phase_of(self, day: dt.date) -> str:
        """The plan's phase for a day ("maintenance" after the 8 weeks)."""
        week = self.week_of(day)
        if week > self.weeks:
            return "maintenance"
        return self.plan["weeks"][max(week, 1) - 1]["phase"]

    def next_phase_start(self, day: dt.date, maintenance_weeks: int = 4) -> dt.date:
        """The first day of the next phase after this day's (in maintenance, a few weeks on)."""
        phase = self.phase_of(day)
        week_start = self.start + dt.timedelta(weeks=(day - self.start).days // 7)
        probe = week_start
        for _week in range(self.weeks + 1):
            probe += dt.timedelta(weeks=1)
            if self.phase_of(probe) != phase:
                return probe
        return week_start + dt.timedelta(weeks=maintenance_weeks)

    def ceiling(self, slot: str, day: dt.date) -> int:
        """The plan's rung for this slot in the week of the day (the last one after the program)."""
        week = min(max(self.week_of(day), 1), self.weeks)
        return self._ceilings[slot][week]

    def _ceiling_table(self) -> dict[str, dict[int, int]]:
        """For each slot and week, the ladder index of the latest rung planned up to that week."""
        table: dict[str, dict[int, int]] = {}
        for slot, ladder in self.ladders.items():
            weeks_with = [n for n in range(1, self.weeks + 1) if slot in self._planned[n]]
            first = index_of(ladder, self._planned[weeks_with[0]][slot]) if weeks_with else 0
            current, row = first, {}
            for n in range(1, self.weeks + 1):
                if slot in self._planned[n]:
                    current = index_of(ladder, self._planned[n][slot])
                row[n] = current
            table[slot] = row
        return table

    def planned_in(self, slot: str, week: int) -> bool:
        return slot in self._planned.get(week, {})

    def first_planned(self, slot: str) -> int:
        return self.planned_seq[slot][0] if self.planned_seq.get(slot) else 0

    def next_planned_above(self, slot: str, pos: int) -> int | None:
        return next((p for p in self.planned_seq.get(slot, []) if p > pos), None)

    def rung_for(self, slot: str, day: dt.date, positions: dict[str, int]) -> Rung:
        override = [rung for start, rung in self.overrides.get(slot, ()) if start <= day]
        if override:
            return override[-1]
        pos = positions.get(slot, self.first_planned(slot))
        return self.ladders[slot][min(pos, self.ceiling(slot, day))]

    def _dose(self, rung: Rung) -> tuple[dict, float]:
        """A rung's prescription and its whole time, worked out once per program (a replay asks often)."""
        found = self._doses.get(rung)
        if found is None:
            ex = self.library[rung.slug]
            step = min(rung.step, len(ex.dosage.steps) - 1)
            found = self._doses[rung] = (prescription(ex, step), exercise_seconds(ex, step))
        return found

    def _minutes(self, items: list[tuple[str, Rung]]) -> int:
        return session_minutes(sum(self._dose(rung)[1] for _slot, rung in items))

    def _build(self, day: dt.date, kind: str, items: list[tuple[str, Rung]], note: str = "") -> dict:
        exercises, seconds = [], 0.0
        for slot, rung in items:
            dose, whole = self._dose(rung)
            seconds += whole
            exercises.append(dose | {"slot": slot})  # a copy: the prescription's values are all plain scalars
        return {
            "date": day.isoformat(),
            "day": DAYS[day.weekday()],
            "kind": kind,
            "minutes": session_minutes(seconds) if exercises else 0,
            "exercises": exercises,
            "note": note,
        }

    def session_near(self, day: dt.date, state, reach: int = 3) -> dict | None:
        """The session a log on this day stands for: that day's, else the nearest within a few days."""
        for offset in sorted(range(-reach, reach + 1), key=lambda o: (abs(o), o)):
            other = day + dt.timedelta(days=offset)
            if self.week_of(other) != self.week_of(day) and day <= self.end:
                continue
            session = self.session_for(other, state)
            if session is not None and session["kind"] != "light":
                return session
        return None

    def session_for(self, day: dt.date, state) -> dict | None:
        """The session due on this day, adapted; None on a day without one."""
        if state.paused:
            return None
        if state.in_flare(day):
            items = [(e["slot"], Rung(e["slug"], 0)) for e in self.settle]
            if SETTLE_WALK in self.library:
                items.append(("walk", Rung(SETTLE_WALK, 0)))
            return self._build(day, "settle_down", items, _("Settle-down block: gentle movement and walking only."))
        weekday = DAYS[day.weekday()]
        if state.in_reentry(day):
            if weekday not in self.session_days:
                return None
            items = [
                (s, self.ladders[s][min(state.positions.get(s, 0), len(self.ladders[s]) - 1)])
                for s in self.reentry_slots
                if s in self.ladders and s not in state.removed
            ]
            while len(items) > 1 and self._minutes(items) > self.session_budget:
                items.pop()  # the stabilise week's slots come in priority order: drop from the end
            return self._build(
                day, "reentry", items, _("Re-entry block: the stabilise phase, one step below the level you reached.")
            )
        plan_day = self.effective(day) if self.shifts else day
        if plan_day > self.end:
            if weekday != self.maintenance_day:
                return None
            items = [
                (s, self.rung_for(s, day, state.positions))
                for s in self.maintenance_slots
                if s in self.ladders and s not in state.removed
            ]
            return self._build(day, "maintenance", items, _("Your weekly core session, for good."))
        planned = self.sessions_by_date.get(plan_day.isoformat())
        if planned is None:
            return None
        if plan_day != day:
            planned = planned | {"date": day.isoformat()}
        if planned["kind"] != "trunk_strength":
            return planned | {"note": ""}
        kept = [e for e in planned["exercises"] if e["slot"] not in state.removed]
        items = [(e["slot"], self.rung_for(e["slot"], day, state.positions)) for e in kept]
        session = self._build(day, planned["kind"], items)
        if len(kept) < len(planned["exercises"]):
            session["left_out"] = [
                {"slug": e["slug"], "name": e["name"], "reason": state.removed[e["slot"]]["reason"]}
                for e in planned["exercises"]
                if e["slot"] in state.removed
            ]
        for mine, plan_e in zip(session["exercises"], kept, strict=True):
            if (mine["slug"], mine["dosage_step"]) != (plan_e["slug"], plan_e["dosage_step"]):
                mine["planned"] = {k: v for k, v in plan_e.items() if k != "slot"}
        session["hard"] = planned["hard"]
        return session
