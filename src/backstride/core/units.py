"""Distances in the runner's units. Everything is stored and computed in kilometres."""

from __future__ import annotations

from .i18n import _

KM_PER_MILE = 1.609344


def in_units(km: float, units: str) -> float:
    return km / KM_PER_MILE if units == "mi" else km


def distance(km: float, units: str = "km") -> str:
    """'12.0 km' or '7.5 mi', one decimal."""
    if units == "mi":
        return _("{value:.1f} mi").format(value=in_units(km, units))
    return _("{value:.1f} km").format(value=km)
