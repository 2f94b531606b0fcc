"""Runners' data in the database: assessments, plans, logs, outcomes, episodes, decisions."""
