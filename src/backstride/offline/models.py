"""The forms already stored, by the key the browser gave them, so a retry or a double tap stores nothing twice."""

from django.conf import settings
from django.db import models


class SentForm(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_forms")
    key = models.CharField(max_length=64)  # a random UUID the page made when the form was first submitted
    form = models.CharField(max_length=16)  # "session", "checkin" or "run": which log it stored
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_form_per_key")]

    def __str__(self) -> str:
        return f"{self.form} {self.key}"
