"""Staff reading runners' data in the Django admin goes into the audit trail, as a clinician's reading does."""

from __future__ import annotations

from functools import reduce


class AuditedReads:
    """A ModelAdmin mixin: each list and each record of runner data shown to staff is recorded.

    `audited_runner` is the path from a row to its runner ("runner", "plan.runner"); empty for
    the Runner itself. The audit helper records the same read once per short window.
    """

    audited_runner = "runner"

    def runner_of(self, obj):
        return reduce(getattr, filter(None, self.audited_runner.split(".")), obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # shown on a GET and again on a refused POST: both show the stored record
        if obj is not None:
            self._record(request, self.runner_of(obj), object=str(obj.pk))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if request.method == "GET" and response.status_code == 200:
            self._record(request, None, list=True)
        return response

    def _record(self, request, runner, **detail) -> None:
        from .services import ADMIN_VIEWED, audit

        audit(request.user, runner, ADMIN_VIEWED, via="admin", model=self.model._meta.label_lower, **detail)
