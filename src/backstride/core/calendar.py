"""Days of the week as the intake writes them, Monday first (matching date.weekday())."""

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
