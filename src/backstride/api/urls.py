"""The JSON API (django-ninja), mounted by web/urls.py at /api/v1; its OpenAPI document is /api/v1/openapi.json."""

from ninja import NinjaAPI

from . import errors
from .auth import AUTH
from .routes import account, clinic, exercises, fhir, history, logs, program, recorded


class BackstrideAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        """The view's own name (`log_session`), so generated clients get readable method names."""
        return operation.view_func.__name__


api = BackstrideAPI(
    title="backstride API",
    version="1",
    urls_namespace="api",
    auth=AUTH,
    description=(
        "The 8-week rehab program for runners with low back pain, as JSON. Send a personal API token as "
        "`Authorization: Bearer <token>`, or use the browser session (with its CSRF token for writes). "
        "backstride guides and screens; it does not diagnose and does not replace a clinician."
    ),
)
errors.install(api)
for module in (account, exercises, program, logs, recorded, history, clinic, fhir):
    api.add_router("", module.router)
