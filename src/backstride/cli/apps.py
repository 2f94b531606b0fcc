from django.apps import AppConfig


class CliConfig(AppConfig):
    name = "backstride.cli"
    label = "backstride_cli"
    verbose_name = "backstride command line"
