"""URL routes of the web application."""

urlpatterns: list = []
