"""The planner: an intake and profile in, a dated 8-week plan and maintenance out."""

from .plan import build_plan

__all__ = ["build_plan"]
