from tests.web.conftest import clinician, other, sam

__all__ = ["clinician", "other", "sam"]  # the web tests' runners and clinician, as fixtures here too
