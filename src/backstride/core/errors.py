"""Errors a user's input can cause; each names the field at fault."""


class InputError(ValueError):
    """Bad input from a user: the field at fault and what is allowed there."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
