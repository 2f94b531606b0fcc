"""Staff views of clinicians and API tokens. A token's hash never leaves the database."""

from django.contrib import admin

from .models import ApiToken, Clinician


@admin.register(Clinician)
class ClinicianAdmin(admin.ModelAdmin):
    list_display = ("__str__", "user", "created_at")
    search_fields = ("user__username", "user__first_name", "user__last_name", "user__email")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    readonly_fields = ("created_at",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued by their owner (the key is shown to them once); staff may only see and revoke them."""

    list_display = ("name", "prefix", "user", "created_at", "expires_at", "last_used_at")
    search_fields = ("name", "prefix", "user__username")
    list_select_related = ("user",)
    fields = ("name", "prefix", "user", "created_at", "expires_at", "last_used_at")  # never key_hash
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
