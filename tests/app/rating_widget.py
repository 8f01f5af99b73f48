"""AppTest helpers for the rating widget (components/rating). AppTest cannot run its JavaScript:
it shows the component as an element whose proto carries the data sent to the browser, and a test
plays the browser by setting the widget's state (its outbox) the way rating.js does."""
from __future__ import annotations

import json

from components.rating.widget import KEY
from tests.app.helpers import custom_component, still_queued

TOKEN = "0123456789abcdef" * 2
RATING_COMPONENT = "csirt_self_check.rating"


def widget_data(at) -> dict:
    """The data the Skills page sent to the widget on its last run."""
    return json.loads(custom_component(at, RATING_COMPONENT).proto.json)  # not the live watcher


def rate(at, levels: dict[int, int | None], *, token: str = TOKEN):
    """Rates rows (by position in the widget's list) as the browser would: each rating joins the
    outbox, which is sent whole, with increasing seq numbers, until the server acknowledges it."""
    data = widget_data(at)
    sent = at.session_state[KEY]["outbox"]["items"] if _has_outbox(at) else []
    items, seq = still_queued(sent, data["acked"], token)
    for i, level in levels.items():
        seq += 1
        items.append({"seq": seq, "person": data["person"], "rater": data["rater"],
                      "skill": data["rows"][i]["skill"], "level": level})
    at.session_state[KEY] = {"outbox": {"token": token, "items": items}}
    return at.run()


def _has_outbox(at) -> bool:
    try:
        state = at.session_state[KEY]
    except KeyError:
        return False
    return isinstance(state, dict) and isinstance(state.get("outbox"), dict)
