"""Chart style shared by every figure: large Japanese-capable type for a projector."""
import re
import itertools
import textwrap

import plotly.graph_objects as go

FONT = "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Meiryo, sans-serif"
TRACE_COLOURS = {"prerequisite": "#1F3A68", "additional": "#2CA58D", "target": "#E4572E", "other": "#8E6C8A"}
PLOT_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"],
               "toImageButtonOptions": {"format": "png", "scale": 2}}


def layout(title: str, height: int = 520, /, **more) -> dict:
    """The shared layout as a plain dict; `more` adds or replaces top-level parts (a `margin` given
    is merged into the default one)."""
    out = {
        "title": {"text": title, "font": {"size": 20}},
        "font": {"family": FONT, "size": 15, "color": "#111"},
        "height": height, "margin": {"l": 60, "r": 60, "t": 70, "b": 40},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.06, "x": 0.5, "xanchor": "center"},
        "paper_bgcolor": "white", "plot_bgcolor": "white",
        "hoverlabel": {"font": {"family": FONT, "size": 14}},
    }
    if "margin" in more:
        out["margin"] = out["margin"] | more.pop("margin")
    return out | more


def figure(data: list, title: str, height: int = 520, /, **more) -> go.Figure:
    """A figure built in one go: plotly validates the whole figure once, where a chain of
    update_layout calls validates it again on each (3–4× slower to build; figures are rebuilt after
    every change of the work)."""
    return go.Figure(data, layout=layout(title, height, **more))


def base_layout(fig: go.Figure, title: str, height: int = 520) -> go.Figure:
    return fig.update_layout(layout(title, height))


def short(text: str, n: int = 14) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def axis_label(text: str, lang: str, width: int | None = None) -> str:
    """An axis label on short lines, so that it fits beside a half-width chart: the radars' own width
    by default, else two lines of `width` characters (numbered skill sentences, Executive's bars)."""
    if lang == "ja":
        # Natural breaks for the radars' own width; a caller's width is a plain cut (numbered sentences).
        return _ja_lines(text, width or _JA_LINE, natural=not width)
    width, most = (width, 2) if width else (_EN_LINE, _EN_LINES)
    lines = textwrap.wrap(text, width)
    if len(lines) > most:
        return "<br>".join(lines[:most - 1] + [short(" ".join(lines[most - 1:]), width)])
    return "<br>".join(_even(lines))


def _even(lines: list[str]) -> list[str]:
    """The same words on as many lines, as even as they go ("Asset / management / and education",
    not "… / and / education"): the split whose longest line is shortest. The plain wrap is tried
    first and fits the line's width, so the one chosen fits too, and a tie keeps the plain wrap."""
    words = " ".join(lines).split(" ")
    splits = itertools.combinations(range(1, len(words)), len(lines) - 1)
    tries = itertools.chain([lines], ([" ".join(words[i:j]) for i, j in zip((0, *cut), (*cut, len(words)))]
                                      for cut in splits))
    return min(tries, key=lambda ls: max(map(len, ls)))


# Seven characters of 15 px fit in a half-width radar's 110 px margin at 1280 wide; eight were cut.
_JA_LINE = 7
# In English 13 (Latin letters are narrower than the 0.6 em text_width allows; 16 were cut by a few
# pixels); the radars have the height for four such lines.
_EN_LINE, _EN_LINES = 13, 4


def _script(ch: str) -> str:
    # 「・」 is in the katakana block, but it ends a word rather than belonging to one.
    if ch == "・":
        return "dot"
    return "kana" if "\u30a0" <= ch <= "\u30ff" else "kanji" if "\u4e00" <= ch <= "\u9fff" else "other"


def _ja_lines(text: str, width: int, natural: bool) -> str:
    """A Japanese label on at most two lines of `width` characters. `natural`: broken where a reader
    would, after 「・」 or where a katakana word meets kanji (インシデント / 対応), when that fits."""
    if len(text) <= width:
        return text
    cuts = [i for i in range(1, len(text)) if text[i] != "・" and
            (text[i - 1] == "・" or _script(text[i - 1]) != _script(text[i]))] if natural else []
    cut = min(cuts, key=lambda i: max(i, len(text) - i), default=None)
    if cut is None or max(cut, len(text) - cut) > width:
        return text[:width] + "<br>" + short(text[width:], width)
    return text[:cut] + "<br>" + text[cut:]


def text_width(text: str, font: int) -> float:
    """Pixels the widest line of a label (lines split by <br>, tags ignored) takes: a Japanese
    character is about one em, a Latin one about 0.6 em. An estimate, enough to tell whether two
    labels would touch."""
    lines = [re.sub(r"<[^>]+>", "", line) for line in text.split("<br>")]
    return max(sum(1.0 if ord(ch) > 0x2E7F else 0.6 for ch in line) for line in lines) * font
