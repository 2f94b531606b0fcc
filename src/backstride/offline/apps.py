from django.apps import AppConfig


class OfflineConfig(AppConfig):
    name = "backstride.offline"
    label = "offline"
    verbose_name = "Offline use"
    default_auto_field = "django.db.models.BigAutoField"
