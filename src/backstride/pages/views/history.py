"""The runner's own history: every record by day, newest first, each with Edit and Delete."""

from __future__ import annotations

from itertools import groupby

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from backstride.accounts.roles import runner_required
from backstride.core.errors import InputError
from backstride.core.units import distance
from backstride.pages.templatetags.labels import record_date
from backstride.runners import history as service

from ..forms import PAIN, CheckInForm, EnduranceForm, RunRatingForm, plain_text

LEGS = ("leg_symptoms", "leg_weakness")  # on a check-in that reported them, only a clinician clears them


class SessionEditForm(forms.Form):
    pain_before = forms.IntegerField(label=gettext_lazy("Pain before (0-10)"), **PAIN)
    pain_during = forms.IntegerField(label=gettext_lazy("Worst pain during (0-10)"), **PAIN)
    pain_after = forms.IntegerField(label=gettext_lazy("Pain after (0-10)"), **PAIN)
    effort = forms.IntegerField(label=gettext_lazy("How hard it felt (0 rest, 10 maximal)"), required=False, **PAIN)
    as_planned = forms.BooleanField(label=gettext_lazy("Done as planned"), required=False)
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, max_length=2000, widget=forms.Textarea, validators=[plain_text]
    )


class TypedRunEditForm(RunRatingForm):
    km = forms.FloatField(label=gettext_lazy("Distance (km)"), min_value=0, max_value=300)
    minutes = forms.FloatField(label=gettext_lazy("Duration (minutes)"), min_value=0.5, max_value=1800)
    walk = forms.BooleanField(label=gettext_lazy("This was a walk, not a run"), required=False)

    field_order = ("km", "minutes", "pain_during", "pain_after", "effort", "walk")


class PsfsEditForm(forms.Form):
    """One score per activity rated that day (a new activity is a new rating, on the outcomes page)."""

    def __init__(self, *args, activities: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.activities = activities
        for i, name in enumerate(activities):
            self.fields[f"activity_{i}"] = forms.IntegerField(label=name, **PAIN)

    def changes(self) -> dict:
        return {name: self.cleaned_data[f"activity_{i}"] for i, name in enumerate(self.activities)}


def _found(request, kind: str, record_id: int):
    if kind not in service.KINDS:
        raise Http404("No such kind of record.")
    try:
        return service.record_of(request.runner, kind, record_id)
    except InputError:
        raise Http404("No such record of yours.") from None


def _summary(record: dict, units: str) -> str:
    """One line saying what the record holds, in the runner's words."""
    kind = record["kind"]
    if kind == "session":
        return _("Core session: pain %(before)s/10 before, %(during)s/10 during, %(after)s/10 after") % {
            "before": record["pain_before"],
            "during": record["pain_during"],
            "after": record["pain_after"],
        }
    if kind == "checkin":
        text = _("Morning check-in: pain %(pain)s/10") % {"pain": record["pain"]}
        if record["stiffness"] is not None:
            text += _(", stiffness %(stiffness)s/10") % {"stiffness": record["stiffness"]}
        return text
    if kind == "run":
        what = _("Walk") if record["walk"] else _("Run")
        text = _("%(what)s: %(distance)s in %(minutes)s minutes") % {
            "what": what,
            "distance": distance(record["km"], units),
            "minutes": f"{record['minutes']:g}",
        }
        if record["pain_during"] is None:
            return text + _(", not yet rated")
        return text + _(", pain %(pain)s/10 during") % {"pain": record["pain_during"]}
    if record["measure"] == "odi":
        return _("Oswestry questionnaire: %(value)s %%") % {"value": f"{record['value']:g}"}
    if record["measure"] == "psfs":
        return _("Activity ratings: mean %(value)s") % {"value": f"{record['value']:g}"}
    d = record["data"]
    return _("Endurance self-tests: front %(f)s s, back %(b)s s, right side %(r)s s, left side %(l)s s") % {
        "f": f"{d['flexor_seconds']:g}",
        "b": f"{d['extensor_seconds']:g}",
        "r": f"{d['side_right_seconds']:g}",
        "l": f"{d['side_left_seconds']:g}",
    }


@runner_required
@require_GET
def history(request):
    records = service.records(request.runner)
    for r in records:
        r["summary"] = _summary(r, request.runner.units)
        r["editable"] = not (r["kind"] == "outcome" and r["measure"] == "odi")
    days = [{"day": day, "records": list(rows)} for day, rows in groupby(records, key=lambda r: r["date"])]
    return render(request, "pages/history.html", {"days": days, "nav": "history"})


def _form_for(request, kind: str, row):
    """The edit form for this record, filled in with what is stored (or with what was sent)."""
    data = request.POST if request.method == "POST" else None
    if kind == "session":
        fields = ("pain_before", "pain_during", "pain_after", "effort", "as_planned", "note")
        return SessionEditForm(data, initial={f: getattr(row, f) for f in fields})
    if kind == "checkin":
        form = CheckInForm(data, initial={f: getattr(row, f) for f in ("pain", "stiffness", *LEGS)})
        if service.safety_locked(row):
            for f in LEGS:  # shown as reported; a clinician clears them
                form.fields[f].disabled = True
        return form
    if kind == "run":
        form_class = RunRatingForm if row.source_format else TypedRunEditForm
        return form_class(data, initial={f: getattr(row, f) for f in form_class.base_fields})
    if row.kind == "endurance":
        return EnduranceForm(data, initial=row.data)
    if row.kind == "psfs":
        activities = list(row.data)
        return PsfsEditForm(
            data, activities=activities, initial={f"activity_{i}": row.data[a] for i, a in enumerate(activities)}
        )
    return None  # the Oswestry questionnaire is taken again rather than changed


def _changes(kind: str, row, form) -> dict:
    if isinstance(form, PsfsEditForm):
        return form.changes()
    changes = {f: v for f, v in form.cleaned_data.items() if not form.fields[f].disabled}
    if kind == "outcome":  # endurance times in seconds, stored as the outcomes page stores them
        return {f: float(v) if f.endswith("_seconds") else v for f, v in changes.items()}
    return changes


@runner_required
@require_http_methods(["GET", "POST"])
def edit(request, kind: str, record_id: int):
    row = _found(request, kind, record_id)
    form = _form_for(request, kind, row)
    if form is None:
        messages.info(request, _("The Oswestry questionnaire is not changed answer by answer: take it again here."))
        return redirect("outcomes")
    if request.method == "POST" and form.is_valid():
        try:
            service.edit(request.runner, kind, row.id, _changes(kind, row, form), actor=request.user)
        except InputError as exc:
            label = form.fields[exc.field].label if exc.field in form.fields else exc.field
            form.add_error(None, f"{label}: {exc.message}")
        else:
            messages.success(request, _("Changed. Your program was worked out again from that day."))
            return redirect("history")
    context = {"form": form, "row": row, "kind": kind, "what": _what(kind, row), "nav": "history"}
    context["locked"] = kind == "checkin" and service.safety_locked(row)
    return render(request, "pages/history_edit.html", context)


@runner_required
@require_http_methods(["GET", "POST"])
def delete(request, kind: str, record_id: int):
    """A confirmation page, then (POST) the record goes and the program is worked out again."""
    row = _found(request, kind, record_id)
    locked = kind == "checkin" and service.safety_locked(row)
    problem = None
    if request.method == "POST" and not locked:
        try:
            service.delete(request.runner, kind, row.id, actor=request.user)
        except InputError as exc:
            problem = f"{exc.field}: {exc.message}"
        else:
            messages.success(request, _("Deleted. Your program was worked out again from that day."))
            return redirect("history")
    context = {"row": row, "kind": kind, "what": _what(kind, row), "locked": locked, "problem": problem}
    return render(
        request,
        "pages/history_delete.html",
        context | {"nav": "history"},
        status=409 if locked and request.method == "POST" else 200,
    )


def _what(kind: str, row) -> str:
    """The record as a heading names it: "your run of Tuesday 8 December 2026"."""
    return _("your %(record)s of %(day)s") % {
        "record": service.record_name(kind, row),
        "day": record_date(row.date),
    }
