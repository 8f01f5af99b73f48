"""The Files page builds its chart images on click, on a worker thread without session state:
the figures come out in the language the page was shown in, from the snapshot of the work."""
import threading

import pytest

from assessment.core.demos import demo_assessment
from components.work.files_view import _build
from csirt_data import load_catalogue

CAT = load_catalogue()


@pytest.mark.parametrize("which", ["roles", "functions", "normal", "incident"])
def test_figures_built_off_the_script_thread_are_in_the_given_language(which):
    a = demo_assessment("B")
    out = {}
    for L in ("ja", "en"):
        worker = threading.Thread(target=lambda L=L: out.__setitem__(L, _build(CAT, a, L, which)))
        worker.start()
        worker.join()
    ja, en = out["ja"].layout.title.text, out["en"].layout.title.text
    assert ja != en
    assert any("\u3040" <= ch <= "\u9fff" for ch in ja)
    assert en.isascii(), en
