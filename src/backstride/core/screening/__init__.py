"""Screening for warning signs before and during the program."""

from .red_flags import RedFlagAnswers, ScreeningResult, screen

__all__ = ["RedFlagAnswers", "ScreeningResult", "screen"]
