"""AppTest helpers: run the real app.py router, find widgets whose keys carry the assessment version."""
from pathlib import Path

import lxml.html
import pandas as pd
from streamlit.testing.v1 import AppTest

from components.session.lazy import open_key
from tests.app_pages_table import app_page_rows

ROOT = Path(__file__).resolve().parents[2]
PAGES = [path for _file, path, _title, _icon in app_page_rows()]


def app(*, demo: str | None = None, lang: str | None = None, page: str = "start") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if demo:
        at.query_params["demo"] = demo
    if lang:
        at.query_params["lang"] = lang
    at.run()
    if page != "start":
        goto(at, page)
    return at


def goto(at: AppTest, page: str) -> AppTest:
    return at.switch_page(f"app_pages/{page}.py").run()


def by_key(elements, prefix: str):
    """The one widget whose key starts with `prefix@` (keys end with the assessment version)."""
    hits = [e for e in elements if e.key and e.key.split("@")[0] == prefix]
    assert len(hits) == 1, f"{prefix}: {[e.key for e in elements]}"
    return hits[0]


def assessment(at: AppTest):
    return at.session_state["assessment"]


def no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def open_lazy(at: AppTest, key: str) -> AppTest:
    """Opens the lazy expander `key` (components/session/lazy.py) and reruns."""
    at.session_state[open_key(key)] = True
    return at.run()


def whole_page(at: AppTest) -> AppTest:
    """A full run after a click that reran only a fragment: the browser keeps the rest of the page,
    but AppTest's tree holds only what the last run drew."""
    return at.run()


def custom_component(at: AppTest, name: str):
    """The one custom component (st.components.v2) named `*name` in the main area: AppTest shows it
    as an element whose proto carries the data sent to the browser (proto.json) and its id."""
    found = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            if (type(child).__name__ == "UnknownElement" and getattr(child, "type", "") == "bidi_component"
                    and child.proto.component_name.endswith(name)):
                found.append(child)
            walk(child)

    walk(at.main)
    assert len(found) == 1, f"{len(found)} × {name}"
    return found[0]


def still_queued(sent: list[dict], acked: dict, token: str) -> tuple[list[dict], int]:
    """A widget's outbox as the browser keeps it (components/session/outbox.js): the items the
    server has not acknowledged yet, and the last seq used (the next item gets the one after)."""
    last = acked.get("seq", 0) if acked.get("token") == token else 0
    return [it for it in sent if it["seq"] > last], max([last, *(it["seq"] for it in sent)])


def static_table_html(at: AppTest, name: str) -> str | None:
    """The HTML of the static table `name` (components/charts/static_table.py), None when not drawn."""
    bodies = [h.proto.body for h in at.get("html") if f"csc-t-{name}" in h.proto.body]
    assert len(bodies) <= 1, f"{name}: drawn {len(bodies)} times"
    return bodies[0] if bodies else None


def static_table(at: AppTest, name: str, *, index: bool = False) -> pd.DataFrame:
    """The static table `name` read back as the browser shows it: each cell's text, as strings."""
    body = static_table_html(at, name)
    assert body is not None, f"no table {name}"
    [table] = lxml.html.fromstring(body).xpath(f'//table[contains(@class, "csc-t-{name}")]')
    [header, *rows] = [[c.text_content() for c in tr.xpath("./th|./td")] for tr in table.xpath(".//tr")]
    df = pd.DataFrame(rows, columns=header)
    return df.set_index(header[0]).rename_axis(None) if index else df
