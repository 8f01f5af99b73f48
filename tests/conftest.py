"""Shared fixtures. The source document lives in ../shared/seeds (beside the checkout, and beside
CI's clone); the catalogue tests read it to prove the transcription verbatim."""
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _find_source() -> Path | None:
    if os.environ.get("CSIRT_SOURCE_TEXT"):
        return Path(os.environ["CSIRT_SOURCE_TEXT"])
    hits = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    return hits[0] if hits else None


@pytest.fixture(scope="session")
def source_text() -> str:
    path = _find_source()
    if path is None or not path.exists():
        if os.environ.get("CI"):
            pytest.fail("the source document ../shared/seeds/*.txt is missing in CI")
        pytest.skip("source document not found: set CSIRT_SOURCE_TEXT or place it in ../shared/seeds/")
    return path.read_text(encoding="utf-8")


def squash(text: str) -> str:
    """Whitespace is the only thing the comparison ignores (the PDF's text wraps lines anywhere)."""
    return re.sub(r"\s+", "", text)


# Tests never touch the user's own saved work: one throwaway data folder per test session (the
# browser tests' server inherits it).
os.environ.setdefault("CSIRT_SELFCHECK_DATA_DIR", __import__("tempfile").mkdtemp(prefix="selfcheck-test-"))
