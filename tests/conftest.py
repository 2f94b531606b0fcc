import copy
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def sam() -> dict:
    """The reference intake, as a fresh dict a test may change."""
    return copy.deepcopy(json.loads((EXAMPLES / "intake-sam.json").read_text()))


@pytest.fixture(scope="session")
def library():
    from backstride.core.library import load_library

    return load_library()
