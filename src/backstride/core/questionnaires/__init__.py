"""Questionnaires and self-tests, each a small pure module with its source."""
