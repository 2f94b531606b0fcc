"""Staff views of care links, invites and the audit trail (which staff can read but never rewrite).

Which clinician follows which runner is private, so reading the care links is recorded like runner data.
"""

from django.contrib import admin

from .admin_reads import AuditedReads
from .models import AuditEvent, CareLink, Invite


@admin.register(CareLink)
class CareLinkAdmin(AuditedReads, admin.ModelAdmin):
    list_display = ("clinician", "runner", "created_at")
    search_fields = ("clinician__user__username", "runner__name")
    list_select_related = ("clinician__user", "runner")
    raw_id_fields = ("clinician", "runner")


@admin.register(Invite)
class InviteAdmin(admin.ModelAdmin):
    list_display = ("code", "clinician", "created_at", "used_by", "used_at")
    list_filter = (("used_at", admin.EmptyFieldListFilter),)
    search_fields = ("code", "clinician__user__username", "used_by__name")
    list_select_related = ("clinician__user", "used_by")
    raw_id_fields = ("clinician", "used_by")
    readonly_fields = ("code", "created_at", "used_by", "used_at")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "actor", "runner", "action")
    list_filter = ("action",)
    search_fields = ("actor__username", "runner__name", "action")
    date_hierarchy = "at"
    list_select_related = ("actor", "runner")
    fields = ("at", "actor", "runner", "action", "detail")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
