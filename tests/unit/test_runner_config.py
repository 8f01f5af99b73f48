"""The server's run settings as Streamlit itself reads them from the repository's config.toml (a
subprocess in the repository, as `make run` starts it), not as the file is spelt: a key Streamlit
does not know would be ignored without a word."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _options(*names: str) -> dict:
    code = ("import json, sys; from streamlit import config; "
            "print(json.dumps({n: config.get_option(n) for n in sys.argv[1:]}))")
    done = subprocess.run([sys.executable, "-c", code, *names], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_no_full_garbage_collection_after_every_run():
    """Streamlit's default collects all three generations after every run, fragment runs included:
    170 ms a time with this app loaded on a busy 2-core machine, holding the GIL, so four live
    browsers' runs kept the event loop from sending anything for seconds (issue 13)."""
    assert _options("runner.postScriptGC", "runner.magicEnabled") == {"runner.postScriptGC": False,
                                                                      "runner.magicEnabled": False}
