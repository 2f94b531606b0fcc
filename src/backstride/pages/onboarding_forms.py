"""The onboarding wizard's steps: the intake file's questions, worded for a person."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import DAY_CHOICES, EQUIPMENT_CHOICES, PAIN, YES_NO, OdiForm, RedFlagForm, plain_text

ACTIVITIES = [
    ("sitting", _("sitting")),
    ("bending_forward", _("bending forward")),
    ("lifting", _("lifting")),
    ("getting_up_from_sitting", _("getting up from a chair")),
    ("standing", _("standing")),
    ("walking", _("walking")),
    ("arching_back", _("arching backwards")),
    ("lying_on_front", _("lying on your front")),
    ("running", _("running")),
    ("running_downhill", _("running downhill")),
    ("twisting", _("twisting")),
]
STARTBACK = [
    ("leg_pain", _("My back pain has spread down my leg(s) at some time in the last two weeks.")),
    ("neck_or_shoulder_pain", _("I have had pain in the shoulder or neck at some time in the last two weeks.")),
    ("walked_short_distances_only", _("I have only walked short distances because of my back pain.")),
    ("dressed_more_slowly", _("In the last two weeks, I have dressed more slowly than usual because of back pain.")),
    ("unsafe_to_be_active", _("It's not really safe for a person with my back to be physically active.")),
    ("worrying_thoughts", _("Worrying thoughts have been going through my mind a lot of the time.")),
    ("never_get_better", _("I feel that my back pain is terrible and it's never going to get any better.")),
    ("not_enjoyed_things", _("In general I have not enjoyed all the things I used to enjoy.")),
]
BOTHER = [
    ("not_at_all", _("not at all")),
    ("slightly", _("slightly")),
    ("moderately", _("moderately")),
    ("very_much", _("very much")),
    ("extremely", _("extremely")),
]
AGREE = [("no", _("Disagree")), ("yes", _("Agree"))]
# The yes/no features of inflammatory back pain (NICE NG65), as the intake's `inflammatory` names them.
INFLAMMATORY_FEATURES = [
    ("wakes_second_half_of_night", _("The pain wakes me in the second half of the night")),
    ("buttock_pain", _("I have pain in one or both buttocks")),
    ("better_with_movement", _("The pain gets better when I move, not when I rest")),
    (
        "better_with_anti_inflammatories",
        _("Anti-inflammatory painkillers (such as ibuprofen) ease it a lot within two days"),
    ),
    (
        "family_history_spondyloarthritis",
        _("A parent, brother, sister or child has spondyloarthritis (such as ankylosing spondylitis)"),
    ),
    ("arthritis", _("I have, or have had, arthritis (swollen, painful joints)")),
    ("enthesitis", _("I have had painful swelling where a tendon joins a bone, such as at the heel")),
    ("psoriasis", _("I have, or have had, psoriasis")),
]


def next_monday() -> dt.date:
    today = dt.date.today()
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


class ConsentForm(forms.Form):
    """Agreement to storing health data, asked before the first health question."""

    health_data = forms.BooleanField(
        label=_(
            "I agree that backstride stores my answers about my health and everything I log, that I and the "
            "clinicians I link to my account can see them (the people who run the service only when they must, "
            "and each look is recorded), and that I can download or delete them at any time from Settings."
        ),
        error_messages={"required": _("Tick the box to go on: the program cannot work without storing your answers.")},
    )

    def answers(self) -> dict:
        return {"health_data_at": timezone.now().isoformat()}


class AboutForm(forms.Form):
    name = forms.CharField(label=_("Your first name"), max_length=120, validators=[plain_text])
    age = forms.IntegerField(label=_("Age"), min_value=10, max_value=100)
    sex = forms.ChoiceField(
        label=_("Sex"),
        # no answer chosen for the runner: an empty first option that the form refuses
        choices=[
            ("", _("Choose one")),
            ("female", _("female")),
            ("male", _("male")),
            ("other", _("other")),
            ("prefer_not_to_say", _("prefer not to say")),
        ],
    )
    units = forms.ChoiceField(label=_("Distances in"), choices=[("km", _("kilometres")), ("mi", _("miles"))])
    start_date = forms.DateField(
        label=_("Start the program on"), widget=forms.DateInput(attrs={"type": "date"}), initial=next_monday
    )
    pain_now = forms.IntegerField(label=_("Back pain right now (0 = none, 10 = worst imaginable)"), **PAIN)
    pain_worst = forms.IntegerField(label=_("Worst back pain in the last week (0-10)"), **PAIN)
    weeks_since_onset = forms.IntegerField(
        label=_("How many weeks ago did this episode start?"), min_value=0, max_value=2600
    )
    previous_episodes = forms.IntegerField(
        label=_("How many earlier episodes of back pain have you had?"), min_value=0, max_value=100
    )
    pain_below_knee = forms.ChoiceField(
        label=_("Does the pain reach below your knee?"), choices=YES_NO, widget=forms.RadioSelect
    )
    aggravated_by = forms.MultipleChoiceField(
        label=_("What makes it worse?"), choices=ACTIVITIES, required=False, widget=forms.CheckboxSelectMultiple
    )
    eased_by = forms.MultipleChoiceField(
        label=_("What eases it?"), choices=ACTIVITIES, required=False, widget=forms.CheckboxSelectMultiple
    )


class PatternForm(forms.Form):
    """Optional questions on inflammatory back pain; the screening counts them (NICE NG65)."""

    onset_age = forms.IntegerField(
        label=_("How old were you when back pain like this first began?"),
        min_value=5,
        max_value=100,
        required=False,
        help_text=_("Leave it empty if you are not sure."),
    )
    features = forms.MultipleChoiceField(
        label=_("Tick any that are true for you"),
        choices=INFLAMMATORY_FEATURES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class StartBackForm(forms.Form):
    """Worded after the STarT Back Screening Tool (Keele University); scored by the core."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, statement in STARTBACK:
            self.fields[key] = forms.ChoiceField(label=statement, choices=AGREE, widget=forms.RadioSelect)
        self.fields["bothersomeness"] = forms.ChoiceField(
            label=_("Overall, how bothersome has your back pain been in the last two weeks?"),
            choices=BOTHER,
            widget=forms.RadioSelect,
        )


class RunningForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Your running now"),
        widget=forms.RadioSelect,
        choices=[
            ("running_pain_free", _("running without pain")),
            ("running_with_pain", _("running, but it hurts")),
            ("stopped_due_to_pain", _("stopped because of the pain")),
        ],
    )
    runs_per_week = forms.IntegerField(label=_("Runs a week (now, or before you stopped)"), min_value=0, max_value=14)
    weekly_km = forms.FloatField(
        label=_("Distance a week now, in the units you chose (0 if stopped)"), min_value=0, max_value=400
    )
    long_run_km = forms.FloatField(
        label=_("Longest run of the week (same units)"), min_value=0, max_value=100, required=False
    )
    pain_during_run = forms.IntegerField(label=_("Pain while running (0-10), if you run"), required=False, **PAIN)
    run_days = forms.MultipleChoiceField(
        label=_("Days you run"), choices=DAY_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    long_run_day = forms.ChoiceField(label=_("Long run day"), choices=[("", _("none")), *DAY_CHOICES], required=False)
    workout_days = forms.MultipleChoiceField(
        label=_("Days with a hard run (intervals, tempo or hills)"),
        choices=DAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("No hard core session is planned the day before."),
    )
    walk_30_min_comfortable = forms.ChoiceField(
        label=_("Can you walk for 30 minutes comfortably?"), choices=YES_NO, widget=forms.RadioSelect
    )
    race_name = forms.CharField(
        label=_("Goal race (optional)"), max_length=120, required=False, validators=[plain_text]
    )
    race_date = forms.DateField(label=_("Race date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    race_km = forms.FloatField(label=_("Race distance (same units)"), min_value=0.1, max_value=250, required=False)


class AvailabilityForm(forms.Form):
    days = forms.MultipleChoiceField(
        label=_("Days you can do a 20-40 minute session"), choices=DAY_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    minutes_per_session = forms.IntegerField(label=_("Minutes per session"), min_value=10, max_value=120, initial=30)
    sessions_per_week = forms.ChoiceField(
        label=_("Sessions a week"), initial="3", choices=[("2", "2"), ("3", _("3 (recommended)")), ("4", "4")]
    )
    equipment = forms.MultipleChoiceField(
        label=_("Equipment at home"), choices=EQUIPMENT_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )


STEPS = [
    ("consent", _("Your health data"), ConsentForm),
    ("safety", _("Safety questions"), RedFlagForm),
    ("about", _("You and your pain"), AboutForm),
    ("pattern", _("The pattern of your pain"), PatternForm),
    ("startback", _("How the pain affects you"), StartBackForm),
    ("odi", _("Daily life"), OdiForm),
    ("running", _("Your running"), RunningForm),
    ("availability", _("Your week"), AvailabilityForm),
]
FIELD_STEP = {
    "consent": "consent",
    "red_flags": "safety",
    "runner": "about",
    "start_date": "about",
    "pain": "about",
    "inflammatory": "pattern",
    "aggravated_by": "about",
    "eased_by": "about",
    "startback": "startback",
    "odi": "odi",
    "running": "running",
    "availability": "availability",
    "equipment": "availability",
}
