"""The web pages for runners and clinicians (server-rendered, htmx for partial updates)."""
