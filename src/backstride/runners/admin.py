"""Staff views of the stored program: runners, assessments, plans, logs and what the adaptation decided.

Every list and record shown is recorded in the audit trail (clinic.admin_reads).
"""

from django.contrib import admin
from django.db import transaction
from django.db.models import F

from backstride.clinic.admin_reads import AuditedReads

from . import models as m
from . import services


@admin.register(m.Runner)
class RunnerAdmin(AuditedReads, admin.ModelAdmin):
    audited_runner = ""
    list_display = ("name", "age", "sex", "user", "state_as_of", "created_at")
    search_fields = ("name", "user__username", "user__email")
    list_filter = ("sex", "units")
    readonly_fields = ("created_at", "state", "state_as_of", "version", "fingerprint", "rewritten")
    raw_id_fields = ("user",)


@admin.register(m.Assessment)
class AssessmentAdmin(AuditedReads, admin.ModelAdmin):
    list_display = ("runner", "screening_status", "created_at")
    list_filter = ("screening_status",)
    search_fields = ("runner__name",)
    readonly_fields = ("runner", "created_at", "intake", "screening_status", "result")
    list_select_related = ("runner",)


class PlannedSessionInline(admin.TabularInline):
    model = m.PlannedSession
    fields = ("date", "week", "phase", "kind", "minutes", "hard")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(m.Plan)
class PlanAdmin(AuditedReads, admin.ModelAdmin):
    list_display = ("runner", "start_date", "end_date", "active", "created_at")
    list_filter = ("active",)
    search_fields = ("runner__name",)
    readonly_fields = ("runner", "assessment", "created_at", "start_date", "end_date", "data")
    list_select_related = ("runner",)
    inlines = (PlannedSessionInline,)


class PrescribedExerciseInline(admin.TabularInline):
    model = m.PrescribedExercise
    fields = ("order", "slot", "slug", "sets", "reps", "hold_seconds", "minutes", "metres", "per_side", "dosage_step")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(m.PlannedSession)
class PlannedSessionAdmin(AuditedReads, admin.ModelAdmin):
    audited_runner = "plan.runner"
    list_display = ("plan", "date", "week", "phase", "kind", "minutes", "hard")
    list_filter = ("phase", "kind")
    search_fields = ("plan__runner__name",)
    date_hierarchy = "date"
    list_select_related = ("plan__runner",)
    inlines = (PrescribedExerciseInline,)


class ReadOnlyLogs:
    """A runner's logs and a clinician's changes are changed only where the program is worked out again
    and the change kept in the trail (the runner's history, the clinic's adjust page), and what the
    program decided only by that working out; the admin shows them. Deleting stays allowed, as deleting
    a person deletes their records with them."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def delete_model(self, request, obj) -> None:
        self.delete_queryset(request, type(obj).objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset) -> None:
        """A record deleted here is gone from the runner's history: the program is worked out again
        in the same transaction, as after any other change, so the stored state (and the copies of
        the history kept for the next write, which follow the runner's version) never keep it."""
        runners = set(queryset.values_list("runner_id", flat=True))
        with transaction.atomic():
            super().delete_queryset(request, queryset)
            for runner in m.Runner.objects.filter(pk__in=runners):
                if runner.current_plan is not None:
                    services.recompute(runner, runner.state_as_of or services.today())
                else:
                    m.Runner.objects.filter(pk=runner.pk).update(version=F("version") + 1, rewritten=F("version") + 1)


class ExerciseLogInline(ReadOnlyLogs, admin.TabularInline):
    model = m.ExerciseLog
    extra = 0


@admin.register(m.SessionLog)
class SessionLogAdmin(ReadOnlyLogs, AuditedReads, admin.ModelAdmin):
    list_display = ("runner", "date", "pain_before", "pain_during", "pain_after", "effort", "as_planned")
    search_fields = ("runner__name", "note")
    date_hierarchy = "date"
    list_select_related = ("runner",)
    inlines = (ExerciseLogInline,)


@admin.register(m.CheckIn)
class CheckInAdmin(ReadOnlyLogs, AuditedReads, admin.ModelAdmin):
    list_display = ("runner", "date", "pain", "stiffness", "leg_symptoms", "red_flag_status")
    list_filter = ("leg_symptoms", "red_flag_status")
    search_fields = ("runner__name",)
    date_hierarchy = "date"
    list_select_related = ("runner",)


@admin.register(m.RunLog)
class RunLogAdmin(ReadOnlyLogs, AuditedReads, admin.ModelAdmin):
    list_display = ("runner", "date", "km", "minutes", "pain_during", "pain_after")
    search_fields = ("runner__name",)
    date_hierarchy = "date"
    list_select_related = ("runner",)


@admin.register(m.OutcomeMeasure)
class OutcomeMeasureAdmin(ReadOnlyLogs, AuditedReads, admin.ModelAdmin):
    list_display = ("runner", "date", "kind", "value")
    list_filter = ("kind",)
    search_fields = ("runner__name",)
    list_select_related = ("runner",)


@admin.register(m.Clearance)
class ClearanceAdmin(ReadOnlyLogs, AuditedReads, admin.ModelAdmin):
    list_display = ("runner", "date", "cleared_by", "note", "created_at")
    search_fields = ("runner__name", "note")
    list_select_related = ("runner",)


@admin.register(m.Decision)
class DecisionAdmin(ReadOnlyLogs, AuditedReads, admin.ModelAdmin):
    list_display = ("runner", "date", "target", "kind", "reason")
    list_filter = ("kind", "target")
    search_fields = ("runner__name", "reason")
    date_hierarchy = "date"
    list_select_related = ("runner",)
    readonly_fields = ("runner", "date", "target", "kind", "reason", "details", "created_at")


@admin.register(m.Episode)
class EpisodeAdmin(ReadOnlyLogs, AuditedReads, admin.ModelAdmin):
    list_display = ("runner", "kind", "start", "end", "reason")
    list_filter = ("kind",)
    search_fields = ("runner__name", "reason")
    list_select_related = ("runner",)


@admin.register(m.Nudge)
class NudgeAdmin(AuditedReads, admin.ModelAdmin):
    list_display = ("runner", "date", "kind", "message", "dismissed")
    list_filter = ("kind", "dismissed")
    search_fields = ("runner__name", "message")
    list_select_related = ("runner",)


@admin.register(m.Adjustment)
class AdjustmentAdmin(ReadOnlyLogs, AuditedReads, admin.ModelAdmin):
    list_display = ("runner", "date", "kind", "slot", "slug", "dosage_step", "author", "note")
    list_filter = ("kind",)
    search_fields = ("runner__name", "note", "author__username", "slug")
    date_hierarchy = "date"
    list_select_related = ("runner", "author")
    raw_id_fields = ("runner", "author")
    readonly_fields = ("created_at",)
