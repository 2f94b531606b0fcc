"""Reminders that reach runners (and clinicians) outside the app: email and Web Push, sent once each."""
