"""docs/clinical-rules.md stays true: its values are the code's, and the tests it names exist."""

import ast
import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "clinical-rules.md"
CODE = re.compile(r"`([^`]+)`")


def rows() -> list[dict]:
    out = []
    for line in DOC.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in ("Rule", "---"):
            continue
        out.append(dict(zip(("rule", "value", "source", "where", "tests"), cells, strict=True)))
    return out


def resolve(where: str):
    module, _, attribute = where.partition(":")
    target = importlib.import_module(module)
    for part in attribute.split("."):
        target = getattr(target, part)
    return target


def test_the_rules_table_has_a_row_for_each_rule_area():
    areas = " ".join(r["where"] for r in rows())
    for module in ("thresholds", "running", "volume", "selection", "profile", "red_flags", "startback", "oswestry"):
        assert module in areas
    assert len(rows()) >= 50


@pytest.mark.parametrize("row", rows(), ids=lambda r: r["where"].split(":")[-1].strip("`"))
def test_each_rule_in_the_table_has_the_value_the_code_uses(row):
    target = resolve(CODE.findall(row["where"])[0])
    if row["value"] == "rule":
        assert target is not None
        return
    (value,) = CODE.findall(row["value"])
    assert target == ast.literal_eval(value), f"{row['rule']}: the doc says {value}, the code has {target!r}"


@pytest.mark.parametrize("row", rows(), ids=lambda r: r["where"].split(":")[-1].strip("`"))
def test_each_rule_in_the_table_names_tests_that_exist(row):
    named = CODE.findall(row["tests"])
    assert named, f"{row['rule']}: no test pins it"
    for node in named:
        path, _, name = node.partition("::")
        source = (ROOT / path).read_text()
        assert re.search(rf"^def {re.escape(name)}\(", source, re.MULTILINE), f"{node} does not exist"
