"""The base of the commands that use the database: Django's BaseCommand with what every backstride command shares.

Commands that need no database are LightCommands (light.py), which share the same part without Django.
"""

from __future__ import annotations

from typing import ClassVar

from django.core.management.base import BaseCommand

from .light import USAGE_ERROR, CommandBasics

__all__ = ["USAGE_ERROR", "BackstrideCommand"]


class BackstrideCommand(CommandBasics, BaseCommand):
    requires_system_checks: ClassVar[list[str]] = []
    requires_migrations_checks = False
