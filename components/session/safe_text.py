"""Values from outside (a link, a file, a name) placed in a message: quoted as inert text.

A message is Markdown; an `?a=` value or a file's field quoted raw would be rendered: a live link,
an image the browser fetches (a tracking pixel), a 20,000-character wall. `quote` makes a value
text (labels.md escapes every Markdown and HTML character, autolinks included) and cuts it to a
length a message can carry; `error_text` does that to every value an error quotes."""
from __future__ import annotations

from assessment.core.messages import msg
from assessment.core.text import printable

from components.session.i18n import lang
from components.session.labels import md

QUOTE_LIMIT = 80


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """`value` as inert Markdown text, at most `limit` characters (then …), invisible and
    unwritable characters shown as \\uXXXX."""
    return md(printable(value, limit))


def error_text(error) -> str:
    """The sentence for a keyed error (ImportProblem, StoreError…) in the user's language, every
    value it quotes made inert."""
    args = {k: quote(v) for k, v in getattr(error, "args_", {}).items()}
    return msg(error.key, lang(), **args)
