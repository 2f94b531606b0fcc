from django.apps import AppConfig


class RunnersConfig(AppConfig):
    name = "backstride.runners"
    label = "runners"
    verbose_name = "Runners"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The pure core marks its words with its own _(); here they go through Django's
        # translations, in the language of the request being served.
        from django.utils.translation import gettext, ngettext

        from backstride.core import i18n

        i18n.install(gettext, ngettext)
