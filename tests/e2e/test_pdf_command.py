"""`backstride pdf --out FILE`: a real process writes the program as a PDF that pypdf reads back."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # starts processes


def backstride(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "backstride", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def text_of(pdf: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text() for page in pdf.pages).split())


def test_the_pdf_command_writes_the_whole_program_on_letter_paper(tmp_path):
    db = str(tmp_path / "db.sqlite3")
    assert backstride("start", "--answers", "examples/intake-sam.json", "--db", db).returncode == 0
    out = tmp_path / "program.pdf"

    result = backstride("pdf", "--out", str(out), "--size", "letter", "--db", db)

    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    pdf = PdfReader(out)
    assert 5 <= len(pdf.pages) <= 60
    assert (round(float(pdf.pages[0].mediabox.width)), round(float(pdf.pages[0].mediabox.height))) == (612, 792)
    text = text_of(pdf)
    plan = json.loads(backstride("plan", "--json", "--db", db).stdout)
    names = {e["name"] for w in plan["weeks"] for s in w["sessions"] for e in s["planned"]["exercises"]}
    names |= {e["name"] for e in plan["maintenance"]["exercises"]}
    assert [n for n in names if n not in text] == []
    for week in plan["weeks"]:
        start, end = (dt.date.fromisoformat(week[k]) for k in ("start_date", "end_date"))
        assert f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}" in text


def test_the_pdf_command_says_what_it_wrote_as_json_and_is_a4_by_default(tmp_path):
    db = str(tmp_path / "db.sqlite3")
    assert backstride("start", "--answers", "examples/intake-sam.json", "--db", db).returncode == 0
    out = tmp_path / "program.pdf"

    result = backstride("pdf", "--out", str(out), "--json", "--db", db)

    assert result.returncode == 0, result.stderr
    said = json.loads(result.stdout)
    assert said["size"] == "a4" and said["out"] == str(out) and said["bytes"] == out.stat().st_size
    assert round(float(PdfReader(out).pages[0].mediabox.height)) == 842


def test_the_pdf_command_needs_somewhere_to_write_and_a_known_size(tmp_path):
    db = str(tmp_path / "db.sqlite3")
    missing = backstride("pdf", "--db", db)
    assert missing.returncode != 0
    assert "--out" in missing.stderr and "Traceback" not in missing.stderr
    wrong = backstride("pdf", "--out", str(tmp_path / "x.pdf"), "--size", "a3", "--db", db)
    assert wrong.returncode != 0
    assert "a3" in wrong.stderr and "Traceback" not in wrong.stderr
