"""Every threshold of the pain monitoring model, named, with its source.

The model comes from Silbernagel et al., Am J Sports Med 2007 (Achilles tendon);
using it for the back is an extrapolation, so each value is a setting a clinician
may change (CLINICAL.md section 4). Recurrence follows CLINICAL.md section 8; leg
symptoms section 1; the meaningful change in pain section 3; return to running
section 7. docs/clinical-rules.md lists every rule with the tests that pin it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Thresholds:
    safe_pain: int = 2  # during exercise or running: up to 2/10 is safe
    acceptable_pain: int = 5  # 3-5/10 acceptable; above this, stop and step back
    max_effort_to_progress: int = 6  # Borg CR10 at most "moderate-hard" (soft)
    good_sessions_to_progress: int = 2  # the criteria held two sessions in a row (soft)
    flare_rise: int = 2  # morning pain 2+ above baseline ...
    flare_days_in_a_row: int = 2  # ... on two days in a row (soft)
    flare_any_pain: int = 7  # or 7/10 or more at any time (soft)
    flare_min_days: int = 3  # settle-down block lasts 3 to 7 days
    flare_max_days: int = 7
    flare_settled_margin: int = 1  # the block ends once morning pain is within 1 of baseline
    # After the block's longest length with mornings still at the flare level, the program and
    # running stay paused and a clinician is asked to review: no resume-and-re-flare loop.
    weekly_rise: float = 1.0  # weekly mean morning pain up by a point or more: step back (soft)
    min_checkins_for_weekly_trend: int = 3
    # A rise over the settled baseline (the lowest weekly level the mornings settled at) by the pain
    # scale's meaningful change, 2 points (Ostelo et al. 2008; Farrar 2001), held over a week's
    # check-ins: everything steps back, a review is asked for and nothing moves up while it holds.
    sustained_rise: float = 2.0
    sustained_rise_days: int = 7
    # New leg symptoms (numbness, pins and needles, weakness, leg pain getting worse) prompt a
    # clinician review within days (CLINICAL.md s1, "caution"); a second such morning within this
    # many days, or weakness, is a worsening neurological sign: the emergency tier.
    leg_symptom_mornings_to_escalate: int = 2
    leg_symptom_window_days: int = 7
    pain_after_limit: int = 5  # pain after a session may be up to 5/10 (CLINICAL.md s4); above: step back
    pain_free_max: int = 0  # "pain-free" morning pain (some studies accept 1/10)
    pain_free_days_before_recurrence: int = 30  # Stanton et al. 2011
    recurrence_pain: int = 2  # 2/10 or more ...
    recurrence_days_in_a_row: int = 2  # ... on two check-ins in a row (lasting 24 h)
    reentry_weeks: int = 2
    running_step_back_factor: float = 0.8  # below week 1's volume, each step back takes 20 % off (soft)
    # Return to running (CLINICAL.md s7, soft): walk-run starts once 30 minutes' walking is comfortable
    # and morning pain is 2/10 or less on the last three check-ins.
    return_walk_minutes: int = 30
    return_max_morning_pain: int = 2
    return_checkins: int = 3

    def with_overrides(self, **changes) -> Thresholds:
        return replace(self, **changes)


DEFAULT = Thresholds()
