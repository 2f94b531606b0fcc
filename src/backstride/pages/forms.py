"""Forms of the runner pages. Choices come from the core's vocabulary; validation from the core too."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from backstride.core.calendar import DAYS
from backstride.core.inputs import hidden_character

DAY_CHOICES = [
    (d, label)
    for d, label in zip(DAYS, [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")], strict=True)
]
PAIN = {"min_value": 0, "max_value": 10}
EQUIPMENT_CHOICES = [
    ("mat", _("exercise mat")),
    ("wall", _("a clear wall")),
    ("chair", _("sturdy chair")),
    ("step", _("step or stair")),
    ("band", _("long resistance band")),
    ("loop_band", _("mini loop band")),
    ("dumbbells", _("dumbbells")),
    ("kettlebell", _("kettlebell")),
    ("stability_ball", _("stability ball")),
    ("foam_roller", _("foam roller")),
    ("bench", _("bench")),
]
RED_FLAG_QUESTIONS = [
    ("saddle_numbness", _("Numbness around your back passage, genitals or inner thighs?")),
    ("bladder_or_bowel_change", _("New trouble starting or controlling urine, or with your bowels?")),
    ("new_sexual_dysfunction", _("A new change in sexual function?")),
    ("both_legs_symptoms", _("Pain, numbness or pins and needles in both legs?")),
    ("leg_weakness_worsening", _("Leg weakness that is severe or getting worse?")),
    ("fever_or_unwell", _("Fever or chills?")),
    ("unwell_without_fever", _("Feeling generally unwell, without a fever?")),
    ("history_of_cancer", _("Have you ever had cancer?")),
    ("unexplained_weight_loss", _("Weight loss you cannot explain?")),
    ("recent_significant_trauma", _("A significant fall or accident recently?")),
    ("long_term_steroids", _("Do you take steroid medicine long-term?")),
    ("osteoporosis", _("Do you have thinning of the bones (osteoporosis)?")),
    ("night_pain_not_eased_by_position", _("Night pain that changing position does not ease?")),
    ("immunosuppressed", _("Is your immune system weakened (by illness or medicine)?")),
    ("walking_changed", _("Has the way you walk changed?")),
]
YES_NO = [("no", _("No")), ("yes", _("Yes"))]


def plain_text(value: str) -> None:
    """A field validator: refuse characters that hide or disguise what a name or note says (core.inputs)."""
    problem = hidden_character(value)
    if problem:
        raise forms.ValidationError(problem)


class RedFlagForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, question in RED_FLAG_QUESTIONS:
            self.fields[key] = forms.ChoiceField(label=question, choices=YES_NO, widget=forms.RadioSelect)

    def answers(self) -> dict:
        return {key: self.cleaned_data[key] == "yes" for key, _q in RED_FLAG_QUESTIONS}


class CheckInForm(forms.Form):
    pain = forms.IntegerField(
        label=_("Back pain this morning (0-10)"),
        error_messages={"required": _("Choose your back pain this morning, from 0 to 10.")},
        **PAIN,
    )
    stiffness = forms.IntegerField(label=_("Stiffness this morning (0-10)"), required=False, **PAIN)
    leg_symptoms = forms.BooleanField(
        label=_("New numbness, pins and needles or weakness, or leg pain getting worse"), required=False
    )
    leg_weakness = forms.BooleanField(label=_("A leg feels weak"), required=False)


class RunForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    km = forms.FloatField(label=_("Distance (km)"), min_value=0, max_value=300)
    minutes = forms.FloatField(label=_("Duration (minutes)"), min_value=0.5, max_value=1800)
    pain_during = forms.IntegerField(
        label=_("Worst pain during (0-10)"),
        error_messages={"required": _("Choose your worst pain during the run, from 0 to 10.")},
        **PAIN,
    )
    pain_after = forms.IntegerField(label=_("Pain after (0-10)"), required=False, **PAIN)
    effort = forms.IntegerField(label=_("How hard it felt (0 rest, 10 maximal)"), required=False, **PAIN)
    walk = forms.BooleanField(label=_("This was a walk, not a run"), required=False)

    def __init__(self, *args, days: tuple | None = None, **kwargs):
        """`days`: the first and last date the runner may log a run for."""
        super().__init__(*args, **kwargs)
        self.days = days

    def clean_date(self):
        day = self.cleaned_data["date"]
        if self.days is not None and not self.days[0] <= day <= self.days[1]:
            first, last = (d.isoformat() for d in self.days)
            raise forms.ValidationError(
                _("Choose a date from %(first)s to %(last)s."), params={"first": first, "last": last}
            )
        return day


class RunRatingForm(forms.Form):
    """How a recorded run felt. Nothing is filled in for the runner: an untouched field is not a 0."""

    pain_during = forms.IntegerField(
        label=_("Worst pain during (0-10)"),
        error_messages={"required": _("Choose your worst pain during the run, from 0 to 10.")},
        **PAIN,
    )
    pain_after = forms.IntegerField(label=_("Pain after (0-10)"), required=False, **PAIN)
    effort = forms.IntegerField(label=_("How hard it felt (0 rest, 10 maximal)"), required=False, **PAIN)


class SettingsForm(forms.Form):
    units = forms.ChoiceField(label=_("Units"), choices=[("km", _("kilometres")), ("mi", _("miles"))])
    days = forms.MultipleChoiceField(
        label=_("Days you can train"), choices=DAY_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    minutes_per_session = forms.IntegerField(label=_("Minutes per session"), min_value=10, max_value=120)
    sessions_per_week = forms.TypedChoiceField(
        label=_("Core sessions a week"),
        choices=[("", _("as the program suggests")), ("2", "2"), ("3", "3"), ("4", "4")],
        coerce=int,
        empty_value=None,
        required=False,
    )
    equipment = forms.MultipleChoiceField(
        label=_("Equipment at home"), choices=EQUIPMENT_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    run_days = forms.MultipleChoiceField(
        label=_("Days you run"), choices=DAY_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    long_run_day = forms.ChoiceField(label=_("Long-run day"), choices=[("", _("none")), *DAY_CHOICES], required=False)
    workout_days = forms.MultipleChoiceField(
        label=_("Workout days (intervals, tempo, hills)"),
        choices=DAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("No hard core session is planned the day before a long run or a workout."),
    )

    def clean(self):
        data = super().clean()
        long_run, runs = data.get("long_run_day"), data.get("run_days") or []
        if long_run and runs and long_run not in runs:
            self.add_error("long_run_day", _("Choose one of the days you run, or none."))
        return data


ODI_SECTIONS = [
    ("pain_intensity", _("How strong your pain is")),
    ("personal_care", _("Washing and dressing yourself")),
    ("lifting", _("Lifting")),
    ("walking", _("Walking")),
    ("sitting", _("Sitting")),
    ("standing", _("Standing")),
    ("sleeping", _("Sleeping")),
    ("sex_life", _("Sex life (skip if you prefer)")),
    ("social_life", _("Social life")),
    ("travelling", _("Travelling")),
]
ODI_LEVELS = [
    ("0", _("0 · no trouble at all")),
    ("1", _("1 · a little trouble")),
    ("2", _("2 · moderate trouble")),
    ("3", _("3 · a lot of trouble")),
    ("4", _("4 · severe: I only just manage")),
    ("5", _("5 · I cannot manage it at all because of pain")),
]


class OdiForm(forms.Form):
    """Worded by this project; based on the Oswestry Disability Index v2.1a (its scoring: 0-5 per section)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in ODI_SECTIONS:
            self.fields[key] = forms.ChoiceField(
                label=label, choices=ODI_LEVELS, required=key == "pain_intensity", widget=forms.RadioSelect
            )

    def answers(self) -> dict:
        return {k: int(v) if v not in (None, "") else None for k, v in self.cleaned_data.items()}


class EnduranceForm(forms.Form):
    variant = forms.ChoiceField(
        label=_("Which tests?"),
        choices=[
            ("home", _("Home version: front plank and face-down back hold")),
            ("mcgill", _("Standard: flexor hold and back extension over a bench")),
        ],
    )
    flexor_seconds = forms.FloatField(label=_("Front hold (seconds)"), min_value=1, max_value=600)
    extensor_seconds = forms.FloatField(label=_("Back hold (seconds)"), min_value=1, max_value=600)
    side_right_seconds = forms.FloatField(label=_("Right side plank (seconds)"), min_value=1, max_value=600)
    side_left_seconds = forms.FloatField(label=_("Left side plank (seconds)"), min_value=1, max_value=600)
