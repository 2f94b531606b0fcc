"""The planner: an intake and profile in, a dated 8-week plan and maintenance out."""


def build_plan(*args, **kwargs):
    from .plan import build_plan as build

    return build(*args, **kwargs)


__all__ = ["build_plan"]
