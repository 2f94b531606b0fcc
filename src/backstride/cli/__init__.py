"""The `backstride` command: Django management commands behind one console script."""
