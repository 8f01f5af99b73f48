"""Shared words and colours for role statuses and skill levels, in one place."""
import re
import string

from assessment.core.model import LEVELS, STATUSES

from components.charts.table_cells import Badge
from components.session.i18n import tr

# Colours as the document draws them (outsourced = yellow); gap red; not applicable grey.
STATUS_COLOURS = {"in_house": "#1F6FB2", "outsourced": "#F2C500", "gap": "#D62728", "not_applicable": "#9A9A9A"}
EMPTY_CELL = "—"  # a table's or grid's empty cell (Streamlit's own text for it is an English "None")
BADGE_COLOURS = {"in_house": "blue", "outsourced": "yellow", "gap": "red", "not_applicable": "gray"}


def status_label(status: str) -> str:
    return tr(f"status.{status}")


def status_short_label(status: str) -> str:
    """「自組織」「委託」「未配置」「対象外」: short enough for a radar's axis or three boxes in a row."""
    return tr(f"status.short.{status}")


def status_badge(status: str) -> Badge:
    """A coloured badge (a static table's cell) that also names the status, so it reads without colour."""
    return Badge(status_label(status), BADGE_COLOURS[status])


def status_options() -> tuple[str, ...]:
    return STATUSES


def level_label(level: int | None) -> str:
    """「3 独力でできる」, or 未評価 / Not rated: a state of its own, never "None" or a level."""
    return tr("trust.not_rated") if level is None else f"{level} {tr(f'level.{level}')}"


def level_labels() -> list[str]:
    return [level_label(l) for l in LEVELS]


def percent(x: float | None) -> str:
    return "—" if x is None else f"{round(x * 100)}%"


# Every ASCII punctuation character (CommonMark lets a backslash escape any of them): Markdown and
# HTML syntax, entities (&amp;), Streamlit's :colour[…] and :material/…: directives.
_MD_SPECIAL = frozenset(string.punctuation)
# GFM's literal autolinks (http://…, www.…, a@b.example) are found in the text after escapes are
# resolved, so escaping cannot stop them: an invisible word joiner inside the pattern does.
_AUTOLINK = re.compile(r"(?i)(?<=https)(?=\\?:\\?/\\?/)|(?<=http)(?=\\?:\\?/\\?/)|(?<=www)(?=\\?\.)|(?<=@)")  # escaped or not
_JOINER = "\u2060"


def md(text: str) -> str:
    """User text made inert inside Markdown: every Markdown or HTML character is escaped and
    autolinks are broken, so a name like `<script>`, `[x](javascript:…)` or `www.example.com` is
    shown as typed and never becomes a link."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in break_autolinks(text))


def break_autolinks(text: str) -> str:
    """`text` with GFM's literal autolinks broken (by an invisible word joiner); explicit
    Markdown links are untouched (md escapes those)."""
    return _AUTOLINK.sub(_JOINER, text)


# The workshop's two raters and the rule choosing the rating scores use.
def rater_name(rater: str) -> str:
    return {"lead": tr("workshop.rater.lead"), "self": tr("workshop.rater.self")}[rater]


def rule_name(rule: str) -> str:
    return {"lead": tr("workshop.rule.lead"), "self": tr("workshop.rule.self"),
            "lower": tr("workshop.rule.lower"), "higher": tr("workshop.rule.higher")}[rule]


def rule_statement(rule: str) -> str:
    return {"lead": tr("workshop.rule_statement.lead"), "self": tr("workshop.rule_statement.self"),
            "lower": tr("workshop.rule_statement.lower"), "higher": tr("workshop.rule_statement.higher")}[rule]
