"""Text from outside (typed, imported, in a link) made safe to keep, show and compare.

Two kinds of character are handled differently:

- refused, with the field named: lone surrogates (no encoder can write them: PostgreSQL, UTF-8
  and Streamlit's protocol all fail on them), control characters other than tab and line breaks (C0 and C1)
  (NUL ends a C string; Excel's XML refuses most of them) and Unicode non-characters;
- removed without a word: format characters (category Cf): zero-width spaces and joiners, the
  byte-order mark, soft hyphens and every bidi control (U+202A–U+202E, U+2066–U+2069, LRM/RLM).
  They are invisible, and a right-to-left override turns the rest of a line around.

What is kept is NFC-normalised (the same characters, composed one way). It is not NFKC-rewritten:
that would turn a Japanese user's full-width （） and ： into ASCII. Names are compared by
`name_key`: NFKC (so Ｂｏｂ is Bob and ｶ is カ), white space folded, and Greek and Cyrillic
letters drawn exactly like Latin ones folded: `Bob`, `Bo\\u200bb`, `Ｂｏｂ` and `Βob` are one name."""
from __future__ import annotations

import functools
import unicodedata

_ALLOWED_CONTROLS = frozenset("\t\n\r\x85")  # tab and line breaks (U+0085 is NEL)


def bad_character(text: str) -> str | None:
    """The first character that cannot be kept, as U+XXXX, or None."""
    for ch in text:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return f"U+{code:04X}"
        if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS:
            return f"U+{code:04X}"
        if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
            return f"U+{code:04X}"
    return None


def _drop_invisible(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def clean(text: str) -> str:
    """`text` without invisible and bidi characters, NFC-normalised. Call bad_character first:
    this does not refuse anything. Idempotent: clean(clean(x)) == clean(x)."""
    return _fold(text, "NFC")


def _fold(text: str, form: str) -> str:
    out = unicodedata.normalize(form, _drop_invisible(text))
    # Normalising can (rarely) produce a format character, and removing one can make a new composition.
    while True:
        again = unicodedata.normalize(form, _drop_invisible(out))
        if again == out:
            return out
        out = again


# Letters of other scripts drawn exactly like a Latin letter in common fonts.
_LOOKALIKES = str.maketrans({
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧορ", "ABEZHIKMNOPTYXop")),  # Greek
    **dict(zip("АВЕКМНОРСТХЅІЈаеорсухѕіјһԁԛԝ", "ABEKMHOPCTXSIJaeopcyxsijhdqw")),  # Cyrillic
})


@functools.lru_cache(maxsize=4096)  # a ratings CSV asks for the same few names on every row
def name_key(name: str) -> str:
    """What two names are compared by: cleaned, white space folded, look-alike letters folded."""
    return " ".join(_fold(name, "NFKC").split()).translate(_LOOKALIKES)


def printable(value: object, limit: int = 80) -> str:
    """A value as a message quotes it: never longer than `limit`, invisible and unwritable
    characters shown as \\uXXXX, so the quote can always be drawn and shows what is there."""
    text = value if isinstance(value, str) else repr(value)
    out = []
    for ch in text[: limit + 1]:
        code = ord(ch)
        if bad_character(ch) or unicodedata.category(ch) == "Cf" or ch in _ALLOWED_CONTROLS:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(ch)
    shown = "".join(out)
    return shown if len(text) <= limit and len(shown) <= limit else shown[: limit - 1] + "…"
