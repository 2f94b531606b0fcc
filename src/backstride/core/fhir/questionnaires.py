"""The Oswestry, STarT Back and PSFS as FHIR Questionnaires, and a runner's answers as QuestionnaireResponses.

Item texts are this project's own short descriptions of each section, not the published questionnaires'
wording. The linkIds are the names the app stores the answers under, so a response maps back one to one.
"""

from __future__ import annotations

# Project-owned identifiers, not addresses to resolve: .example is reserved (RFC 2606), so no one else's
# domain is claimed. They must stay the same across installs, so they do not follow BACKSTRIDE_SITE_URL.
BASE = "https://backstride.example/fhir"
VERSION = "1"
BOTHERSOMENESS_SYSTEM = f"{BASE}/CodeSystem/startback-bothersomeness"

# Keys are oswestry.SECTIONS and startback's items and BOTHERSOMENESS (tests/api/test_fhir.py checks).
ODI_SECTIONS = {
    "pain_intensity": "Pain intensity",
    "personal_care": "Personal care (washing, dressing)",
    "lifting": "Lifting",
    "walking": "Walking",
    "sitting": "Sitting",
    "standing": "Standing",
    "sleeping": "Sleeping",
    "sex_life": "Sex life",
    "social_life": "Social life",
    "travelling": "Travelling",
}
STARTBACK_ITEMS = {
    "leg_pain": "Back pain spread down a leg in the last two weeks",
    "neck_or_shoulder_pain": "Neck or shoulder pain in the last two weeks",
    "walked_short_distances_only": "Walked only short distances because of the back",
    "dressed_more_slowly": "Dressed more slowly because of the back",
    "unsafe_to_be_active": "Feels it is unsafe to be physically active",
    "worrying_thoughts": "Worrying thoughts much of the time",
    "never_get_better": "Feels the pain will never get better",
    "not_enjoyed_things": "Has not enjoyed things as before",
}
BOTHERSOMENESS = {
    "not_at_all": "not at all",
    "slightly": "slightly",
    "moderately": "moderately",
    "very_much": "very much",
    "extremely": "extremely",
}


def _item(link_id: str, text: str, kind: str, **more) -> dict:
    return {"linkId": link_id, "text": text, "type": kind} | more


def _score(link_id: str, text: str, kind: str) -> dict:
    """A score the app works out from the answers: shown, never asked."""
    return _item(link_id, text, kind, readOnly=True)


def _questionnaire(slug: str, name: str, title: str, description: str, items: list[dict]) -> dict:
    return {
        "resourceType": "Questionnaire",
        "id": slug,
        "url": canonical(slug),
        "version": VERSION,
        "name": name,
        "title": title,
        "status": "active",
        "subjectType": ["Patient"],
        "description": description,
        "item": items,
    }


def canonical(slug: str) -> str:
    return f"{BASE}/Questionnaire/{slug}"


def _bother_coding(code: str) -> dict:
    return {"system": BOTHERSOMENESS_SYSTEM, "code": code, "display": BOTHERSOMENESS[code]}


QUESTIONNAIRES = {
    "odi": _questionnaire(
        "odi",
        "BackstrideOswestry",
        "Oswestry Disability Index 2.1a (backstride wording)",
        "Ten sections each scored 0 (no difficulty) to 5 (most); the score is the percent of the answered maximum.",
        [_item(key, f"{text} (0-5)", "integer") for key, text in ODI_SECTIONS.items()]
        + [_score("percent", "Disability, percent", "integer"), _score("band", "Disability band", "string")],
    ),
    "startback": _questionnaire(
        "startback",
        "BackstrideStartBack",
        "STarT Back Screening Tool (backstride wording)",
        "Nine items about the last two weeks; the total and psychosocial subscale give low, medium or high risk.",
        [_item(key, text, "boolean", required=True) for key, text in STARTBACK_ITEMS.items()]
        + [
            _item(
                "bothersomeness",
                "How bothersome the back pain has been",
                "choice",
                required=True,
                answerOption=[{"valueCoding": _bother_coding(code)} for code in BOTHERSOMENESS],
            ),
            _score("total", "Total score (0-9)", "integer"),
            _score("psychosocial", "Psychosocial subscale (0-5)", "integer"),
            _score("risk", "Risk group", "string"),
        ],
    ),
    "psfs": _questionnaire(
        "psfs",
        "BackstridePsfs",
        "Patient-Specific Functional Scale (backstride wording)",
        "Up to five activities the runner chose, each rated 0 (unable) to 10 (as before); the score is the mean.",
        [
            _item(
                "activity",
                "An activity the runner chose",
                "group",
                repeats=True,
                item=[
                    _item("activity-name", "Activity", "string", required=True),
                    _item("activity-rating", "Ability now (0-10)", "integer", required=True),
                ],
            ),
            _score("mean", "Mean rating (0-10)", "decimal"),
        ],
    ),
}


def _answer(link_id: str, text: str, value_key: str, value) -> dict:
    return {"linkId": link_id, "text": text, "answer": [{value_key: value}]}


def odi_items(answers: dict, score: dict) -> list[dict]:
    """Answered sections only: a skipped section stays out, as in the app's scoring."""
    items = [
        _answer(key, ODI_SECTIONS[key], "valueInteger", answers[key])
        for key in ODI_SECTIONS
        if isinstance(answers.get(key), int) and not isinstance(answers.get(key), bool)
    ]
    if score.get("percent") is not None:
        items.append(_answer("percent", "Disability, percent", "valueInteger", round(score["percent"])))
    if score.get("band"):
        items.append(_answer("band", "Disability band", "valueString", score["band"]))
    return items


def startback_items(answers: dict, score: dict) -> list[dict]:
    items = [
        _answer(key, text, "valueBoolean", answers[key])
        for key, text in STARTBACK_ITEMS.items()
        if isinstance(answers.get(key), bool)
    ]
    if answers.get("bothersomeness") in BOTHERSOMENESS:
        coding = _bother_coding(answers["bothersomeness"])
        items.append(_answer("bothersomeness", "How bothersome the back pain has been", "valueCoding", coding))
    items.append(_answer("total", "Total score (0-9)", "valueInteger", score["total"]))
    items.append(_answer("psychosocial", "Psychosocial subscale (0-5)", "valueInteger", score["psychosocial"]))
    items.append(_answer("risk", "Risk group", "valueString", score["risk"]))
    return items


def psfs_items(ratings: dict, score: dict) -> list[dict]:
    items = [
        {
            "linkId": "activity",
            "item": [
                _answer("activity-name", "Activity", "valueString", name),
                _answer("activity-rating", "Ability now (0-10)", "valueInteger", rating),
            ],
        }
        for name, rating in ratings.items()
    ]
    items.append(_answer("mean", "Mean rating (0-10)", "valueDecimal", score["mean"]))
    return items


ITEMS = {"odi": odi_items, "startback": startback_items, "psfs": psfs_items}
