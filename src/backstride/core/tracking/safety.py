"""What the runner is told when the replay pauses the program for their safety.

Leg symptoms that appear during the program are not a red flag on their own but a
caution that asks for a clinician's review (CLINICAL.md section 1); when they come
back or come with weakness they are a worsening neurological sign, the emergency tier
of the same section. Pain that has not settled after the longest settle-down block
is referred rather than trained through (CLINICAL.md section 4: "refer instead").
None of this is a diagnosis, and every message says so.
"""

from __future__ import annotations

from ..i18n import gettext_noop

LEG_SYMPTOMS_URGENT = gettext_noop(
    "New leg symptoms (numbness, pins and needles, weakness, or leg pain getting worse) need a "
    "clinician's review within the next few days, and within two weeks at the latest. Trunk "
    "progression and running are paused until a clinician clears you; gentle walking within comfort "
    "is fine. Go to an emergency department today if both legs are affected, a leg becomes weak, or "
    "you notice numbness around the back passage or genitals or a change in bladder or bowel control. "
    "This is not a diagnosis."
)
LEG_SYMPTOMS_EMERGENCY = gettext_noop(
    "Leg symptoms that come back on a second morning, or weakness in a leg, can mean pressure on a "
    "nerve that needs checking the same day. Stop the program and go to an emergency department or "
    "see a doctor today. This is not a diagnosis: most people with these signs turn out to have "
    "something less serious, but only an examination can tell."
)
PAIN_NOT_SETTLING = gettext_noop(
    "Your pain has not settled after the longest settle-down block. Please see a physiotherapist or "
    "doctor within the next few days. Trunk training and running stay paused; keep moving gently "
    "within comfort. The program resumes by itself once your morning pain is back near your usual "
    "level, or when a clinician clears it. This is not a diagnosis."
)

LEG_REASON = gettext_noop("new leg symptoms at the morning check-in")
LEG_REPEAT_REASON = gettext_noop("leg symptoms on {count} mornings within {days} days")
LEG_WEAKNESS_REASON = gettext_noop("weakness in a leg")
NOT_SETTLING_REASON = gettext_noop("morning pain {pain}/10 after {days} days of the settle-down block")
