"""A half-width radar's axis labels fit beside it at 1280 × 720 (issue 13's projector): a Japanese
line of more than 7 characters was cut at the figure's edge (「インシデント対応」 lost its イ and
its 応 in Results' radars). Lines break where a reader would, and no word of the name is lost."""
import pytest

from components.charts.chart_style import axis_label
from csirt_data import load_catalogue

CAT = load_catalogue()
NAMES = sorted({f.name.ja for f in CAT.functions} | {g.short.ja for g in CAT.groups})


@pytest.mark.parametrize("name", NAMES)
def test_a_japanese_axis_label_fits_and_keeps_the_whole_name(name):
    lines = axis_label(name, "ja").split("<br>")
    assert len(lines) <= 2
    assert all(len(line) <= 7 for line in lines), lines
    assert "".join(lines) == name
    assert not any(line.startswith("・") for line in lines)


def test_lines_break_between_words():
    assert axis_label("インシデント対応", "ja") == "インシデント<br>対応"
    assert axis_label("セキュリティ戦略・製品評価", "ja") == "セキュリティ<br>戦略・製品評価"
    assert axis_label("情報収集・分析", "ja") == "情報収集・分析"  # 7 characters fit on one line


def test_a_name_too_long_for_two_lines_is_shortened_visibly():
    lines = axis_label("あ" * 20, "ja").split("<br>")
    assert len(lines) == 2 and all(len(line) <= 7 for line in lines) and lines[1].endswith("…")


def test_an_explicit_width_is_kept():
    # The rater comparison's numbered skill sentences, on a radar of their own width.
    assert axis_label("あ" * 12, "ja", 10) == "あ" * 10 + "<br>" + "ああ"
