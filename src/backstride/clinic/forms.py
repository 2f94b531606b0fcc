"""Forms for a clinician's changes; each checks its input against the runner's plan and the library."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backstride.core.library import load_library
from backstride.pages.forms import plain_text

from .planning import Position, Slot, exercise_choices, slot_label

NOTE_MAX = 500


def note_field() -> forms.CharField:
    return forms.CharField(
        label=gettext_lazy("Note for the runner"),
        max_length=NOTE_MAX,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Why you made this change. The runner sees it next to the change."),
        error_messages={"required": gettext_lazy("Write a short note: the runner sees why their plan changed.")},
    )


def step_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=gettext_lazy("Dosage step"),
        min_value=1,
        max_value=99,
        help_text=gettext_lazy("1 is the easiest dose on the exercise's ladder."),
        error_messages={"required": gettext_lazy("Choose a dosage step.")},
    )


class Described(forms.Form):
    """Links each field to its help text and errors, for screen readers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self.auto_id % self.add_prefix(name)}_help"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                error_id = f"{self.auto_id % self.add_prefix(name)}_error"
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = " ".join(filter(None, [attrs.get("aria-describedby"), error_id]))


class SlotForm(Described):
    def __init__(self, *args, slots: list[Slot], **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = {s.slot: s for s in slots}
        self.fields["slot"].choices = [("", _("Choose a slot"))] + [(s.slot, s.label) for s in slots]

    def current(self) -> Slot | None:
        return self.slots.get(self.cleaned_data.get("slot", ""))


class SwapForm(SlotForm):
    kind = "swap"
    title = gettext_lazy("Swap an exercise")
    slot = forms.ChoiceField(label=gettext_lazy("Slot in the session"))
    exercise = forms.ChoiceField(
        label=gettext_lazy("New exercise"),
        help_text=gettext_lazy(
            "Only exercises that fit the slot, the runner's equipment and the direction their back is sensitive to."
        ),
        error_messages={"invalid_choice": gettext_lazy("Choose one of the exercises offered for this runner.")},
    )
    step = step_field()
    note = note_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exercise"].choices = [("", _("Choose an exercise")), *exercise_choices(list(self.slots.values()))]

    def clean(self):
        data = super().clean()
        slug, step, slot = data.get("exercise"), data.get("step"), self.current()
        if slot is not None and slug and slug not in dict(slot.choices):
            # the list shows each slot's exercises; one posted under another slot is refused, nothing stored
            self.add_error(
                "exercise",
                _("%(name)s does not fit the %(slot)s slot for this runner: choose one listed for that slot.")
                % {"name": load_library()[slug].name, "slot": slot_label(slot.slot)},
            )
            return data
        if not slug or step is None:
            return data
        ex = load_library()[slug]
        steps = len(ex.dosage.steps)
        if step > steps:
            message = _("%(name)s has %(n)d dosage steps: choose 1 to %(n)d.") % {"name": ex.name, "n": steps}
            self.add_error("step", message)
        elif slot is not None and (slot.slug, slot.step) == (slug, step - 1):
            self.add_error("exercise", _("That is already the exercise and dose in this slot."))
        return data

    def adjustment(self) -> dict:
        d = self.cleaned_data
        return {"slot": d["slot"], "slug": d["exercise"], "dosage_step": d["step"] - 1, "note": d["note"]}


class DosageForm(SlotForm):
    kind = "dosage"
    title = gettext_lazy("Change a dosage")
    slot = forms.ChoiceField(label=gettext_lazy("Slot in the session"))
    step = forms.TypedChoiceField(
        label=gettext_lazy("New dose"),
        coerce=int,
        help_text=gettext_lazy("Each slot's doses, easiest first: choose one under the slot you chose above."),
        error_messages={
            "required": gettext_lazy("Choose a dose."),
            "invalid_choice": gettext_lazy("Choose one of the doses listed."),
        },
    )
    note = note_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [("", _("Choose a dose")), *dose_choices(list(self.slots.values()))]

    def clean(self):
        data = super().clean()
        slot, step = self.current(), data.get("step")
        if slot is None or step is None:
            return data
        if step > len(slot.doses):
            self.add_error(
                "step",
                _("%(name)s has %(n)d dosage steps: choose 1 to %(n)d.") % {"name": slot.name, "n": len(slot.doses)},
            )
        elif step - 1 == slot.step:
            self.add_error("step", _("That is already the dose in this slot."))
        return data

    def adjustment(self) -> dict:
        d = self.cleaned_data
        return {"slot": d["slot"], "slug": self.current().slug, "dosage_step": d["step"] - 1, "note": d["note"]}


class PhaseForm(Described):
    note = note_field()

    def __init__(self, *args, position: Position | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.position = position

    def adjustment(self) -> dict:
        return {"note": self.cleaned_data["note"]}


class HoldForm(PhaseForm):
    kind = "hold_phase"
    title = gettext_lazy("Hold the phase a week")

    def clean(self):
        data = super().clean()
        p = self.position
        if p is not None and p.week > p.weeks:
            self.add_error(None, _("The %(n)d program weeks are over: there is no phase to hold.") % {"n": p.weeks})
        return data


class AdvanceForm(PhaseForm):
    kind = "advance_phase"
    title = gettext_lazy("Advance to the next phase")

    def clean(self):
        data = super().clean()
        p = self.position
        if p is not None and p.next_phase is None:
            self.add_error(None, _("This is the last phase: there is no next phase to move on to."))
        return data


def dose_choices(slots: list[Slot]) -> list[tuple[str, list[tuple[int, str]]]]:
    """Each slot's dosage ladder in words ("Step 2: 2 × 8 reps, 8 s holds"), the current dose marked."""
    groups = []
    for s in slots:
        options = []
        for number, dose in enumerate(s.doses, start=1):
            words = _("Step %(n)d: %(dose)s") % {"n": number, "dose": dose}
            options.append((number, _("%(dose)s (now)") % {"dose": words} if number - 1 == s.step else words))
        groups.append((_("For %(slot)s") % {"slot": slot_label(s.slot)}, options))
    return groups


ADJUST_FORMS = {f.kind: f for f in (SwapForm, DosageForm, HoldForm, AdvanceForm)}


class ClearForm(Described):
    note = forms.CharField(
        label=gettext_lazy("Who cleared it, and when"),
        max_length=NOTE_MAX,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "For example: Seen by Dr Okafor on 14 December, no concerns. The runner sees this, with your name."
        ),
        error_messages={"required": gettext_lazy("Say who cleared the referral and when.")},
    )
