from django.apps import AppConfig

from backstride.core.kept import Kept


class RunnersConfig(AppConfig):
    name = "backstride.runners"
    label = "runners"
    verbose_name = "Runners"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The pure core marks its words with its own _(); here they go through Django's
        # translations, in the language of the request being served.
        from django.utils.translation import ngettext

        from backstride.core import i18n

        i18n.install(_translated, ngettext)


def _translated(message: str) -> str:
    """Django's gettext of message in the active language, looked up once per process and language.

    A replay words its decisions as it goes, a few hundred messages a write; Django's gettext costs
    several times the lookup of the active language alone. The catalogs do not change while a process
    runs, and the core's messages are its own literals, a few hundred in all.
    """
    from django.utils.translation import get_language, gettext

    key = (get_language(), message)
    found = _TRANSLATED.get(key)
    if found is None:
        found = _TRANSLATED[key] = gettext(message)
    return found


_TRANSLATED = Kept(4096)
