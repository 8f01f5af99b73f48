"""A broken catalogue file fails loudly, naming the file, the item and the problem."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from csirt_data import CATALOGUE_DIR, CatalogueError, load_catalogue

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def broken(tmp_path):
    """A copy of the catalogue with one text replacement applied to one file."""
    shutil.copytree(CATALOGUE_DIR, tmp_path / "cat")

    def make(file: str, old: str, new: str) -> Path:
        path = tmp_path / "cat" / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture: {old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return tmp_path / "cat"

    return make


CASES = [
    # (file, old, new, words the message must contain)
    ("roles.yaml", "name: {ja: リーガルアドバイザー, en: Legal advisor}", "name: {ja: リーガルアドバイザー}",
     ["roles.yaml", "legal_advisor", "name.en", "required"]),
    ("skills.yaml", "    en: Negotiation skills\n", "    en: ''\n",
     ["skills.yaml", "negotiation", "en"]),
    ("skill_links.yaml", "prerequisite: [basic_security,", "prerequisite: [basic_securty,",
     ["skill_links.yaml", "4.4", "unknown skill 'basic_securty'"]),
    ("roles.yaml", "  - id: poc_internal\n", "  - id: poc_external\n",
     ["roles.yaml", "poc_external", "duplicate"]),
    ("roles.yaml", "function: internal_education", "function: internal_educaton",
     ["roles.yaml", "educator", "unknown function"]),
    ("groups.yaml", "{role: educator, cell: named}", "{role: educatr, cell: named}",
     ["groups.yaml", "educatr", "unknown role"]),
    ("models.yaml", "outsourced: [researcher, curator, vulnerability_assessor, forensics]",
     "outsourced: [researcher, curator, vulnerability_assessor, forensic]",
     ["models.yaml", "B", "unknown role 'forensic'"]),
    ("flows.yaml", "{from: educator, to: employees,", "{from: educator, to: employes,",
     ["flows.yaml", "educator -> employes", "unknown"]),
    ("flows.yaml", "sentence: 自組織の一般の役職員に対してセキュリティ教育を行う。",
     "sentence: 自組織の役職員に対してセキュリティ教育を行う。",
     ["flows.yaml", "educator -> employees", "not a duty sentence"]),
    ("flows.yaml", "{from: educator, to: employees,", "{from: csirt_operations_manager, to: employees,",
     ["flows.yaml", "csirt_operations_manager", "undrawn"]),
    ("functions.yaml", "  - id: executive\n", "  - id: executive\n    colour: red\n",
     ["functions.yaml", "executive", "colour", "Extra inputs"]),
    ("roles.yaml", "roles:\n  - id: poc_external", "roles:\n  - id: [poc_external",
     ["roles.yaml", "not valid YAML"]),
]


@pytest.mark.parametrize("file,old,new,words", CASES, ids=[c[3][-1] for c in CASES])
def test_broken_file_is_reported(broken, file, old, new, words):
    folder = broken(file, old, new)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(folder)
    for w in words:
        assert w in str(err.value), str(err.value)


def test_missing_file(broken, tmp_path):
    folder = broken("glossary.yaml", "standards:", "standards:")
    (folder / "glossary.yaml").unlink()
    with pytest.raises(CatalogueError, match=r"glossary.yaml: \(file\): the file is missing"):
        load_catalogue(folder)


def test_catalogue_is_loaded_once():
    assert load_catalogue() is load_catalogue()


def test_cli_summary_and_json(tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "csirt_data", *a], cwd=ROOT,  # noqa: E731
                                    capture_output=True, text=True, check=True).stdout
    summary = run()
    assert "53 prerequisite + 60 additional" in summary
    assert re.search(r"モデルB: 4 ", summary)
    assert "インシデント対応時:" in summary
    full = run("--full", "--lang", "en")
    assert "Knowledge of digital forensics" in full
    out = tmp_path / "catalogue.json"
    run("--json", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["roles"]) == 19 and len(data["skills"]) == 81
    assert data["roles"][0]["prerequisite"] == ["communicate_accurately", "itss_level2_literacy", "judge_information"]
    assert all("from" in a and "evidence" in a for a in data["flows"]["arrows"])


def test_cli_reports_a_broken_catalogue(broken):
    folder = broken("roles.yaml", "function: internal_education", "function: nowhere")
    res = subprocess.run([sys.executable, "-m", "csirt_data", "--dir", str(folder)], cwd=ROOT,
                         capture_output=True, text=True)
    assert res.returncode == 1
    assert "catalogue error: roles.yaml: educator: unknown function 'nowhere'" in res.stderr
    assert "Traceback" not in res.stderr
