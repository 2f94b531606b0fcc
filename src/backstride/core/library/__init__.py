"""The exercise library: one YAML file per exercise, validated on load."""

from .library import Library, LibraryError, load_library
from .model import Dosage, DosageStep, Exercise

__all__ = ["Dosage", "DosageStep", "Exercise", "Library", "LibraryError", "load_library"]
