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


EN_NAMES = sorted({f.name.en for f in CAT.functions} | {g.short.en for g in CAT.groups})


@pytest.mark.parametrize("name", EN_NAMES)
def test_an_english_axis_label_fits_and_keeps_the_whole_name(name):
    """English at 15 px is about 8 px a character: 13 fit the 110 px margin. A line of 16 was cut by
    a few pixels at 1280 × 720 ("collection and …" on Results' function radar), and a name of five
    words lost its end ("Security strategy and pr…")."""
    lines = axis_label(name, "en").split("<br>")
    assert len(lines) <= 4
    assert all(len(line) <= 13 for line in lines), lines
    assert " ".join(lines) == name


def test_an_english_name_too_long_for_four_lines_is_shortened_visibly():
    lines = axis_label("word " * 12, "en").split("<br>")
    assert len(lines) == 4 and all(len(line) <= 13 for line in lines) and lines[-1].endswith("…")


def test_english_lines_are_even_and_a_tie_keeps_the_plain_wrap():
    assert axis_label("Asset management and education", "en") == "Asset<br>management<br>and education"
    assert axis_label("Liaison and overall command", "en") == "Liaison and<br>overall<br>command"


def test_an_explicit_english_width_is_two_lines_of_it():
    assert axis_label("Assess the level of the team", "en", 18) == "Assess the level<br>of the team"
