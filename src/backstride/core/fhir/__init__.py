"""Outcomes as a FHIR R4 Bundle, built as plain dicts (no Django, no FHIR library).

The tests validate every resource with the `fhir.resources` models from its `R4B` subpackage:
fhir.resources 7 and 8 default to R5 and ship no plain R4 package, and R4B's Bundle, Patient,
Observation, Questionnaire and QuestionnaireResponse have the same elements as R4's for all
that is written here.
"""

from .bundle import Answered, Measured, Person, outcomes_bundle

__all__ = ["Answered", "Measured", "Person", "outcomes_bundle"]
