"""Coverage by role (issue 15): outsourced, not applicable and not rated never look like a gap or
a zero; full coverage is a full bar; a gap's 0 is marked. Every number is also in the table."""
import dataclasses
import json

from assessment.core.demos import demo_assessment
from assessment.core.edit import set_role_status
from assessment.scores.scoring import score_roles, summarise
from components.charts.chart_tables import role_table
from components.charts.role_bars import role_coverage_bars, role_rows
from components.session.i18n import fixed_lang
from csirt_data import load_catalogue

cat = load_catalogue()


def _half_rated():
    """Model A's sample with one in-house role not rated yet, one not applicable, one gap."""
    a = demo_assessment("A", cat)
    set_role_status(a, "legal_advisor", "not_applicable")
    set_role_status(a, "educator", "gap")
    scores = score_roles(a, cat)
    # A role with holders and no ratings yet: coverage None (未評価), as the scoring may report it.
    scores["notification"] = dataclasses.replace(scores["notification"], prerequisite=None, additional=None,
                                                 total=None)
    return a, scores, set(summarise(a, cat, scores).gaps)


def test_every_role_says_what_it_is():
    a, scores, gaps = _half_rated()
    rows = {r: st for _, r, st in role_rows(cat, scores, gaps)}
    assert rows["notification"] == "not_rated"
    assert rows["legal_advisor"] == "not_applicable"
    assert rows["educator"] == "gap"
    assert rows["researcher"] == "outsourced"
    assert rows["commander"] == "in_house"
    with fixed_lang("ja"):
        fig = json.loads(role_coverage_bars(cat, scores, gaps, "ja").to_json())
    pre = next(t for t in fig["data"] if t["name"] == "任用前提スキル")
    bar = dict(zip(pre["y"], pre["x"]))
    assert bar["ノーティフィケーション担当 (未評価)"] is None  # not rated: no bar, not a zero
    assert bar["リーガルアドバイザー (対象外)"] is None
    assert bar["リサーチャー (委託)"] is None
    assert bar["教育担当 (未配置)"] == 0
    assert bar["コマンダー"] == round(scores["commander"].prerequisite * 100)
    words = next(t for t in fig["data"] if t["name"] == "states")
    said = dict(zip(words["y"], words["text"]))
    assert said == {"ノーティフィケーション担当 (未評価)": "未評価（評価がまだない）",
                    "リーガルアドバイザー (対象外)": "対象外（この組織では行わない）",
                    **{k: "アウトソーシング（委託先が担う）" for k in bar if k.endswith("(委託)")}}
    gap = next(t for t in fig["data"] if t["name"] == "未配置（担い手なし：0%）")
    assert gap["y"] == ["教育担当 (未配置)"] and gap["x"] == [0]
    # Within a function the weakest comes first: a gap above a covered role.
    ids = [r for _, r, _ in role_rows(cat, scores, gaps)]
    assert ids.index("commander") < ids.index("incident_manager")  # in-house before outsourced


def test_full_coverage_is_a_full_bar():
    a = demo_assessment("C", cat)
    scores = score_roles(a, cat)
    full = [r for r, s in scores.items() if s.prerequisite == 1 and cat.role_links(r)]
    assert full, "the model C sample has roles at target"
    with fixed_lang("en"):
        fig = json.loads(role_coverage_bars(cat, scores, set(), "en").to_json())
    pre = next(t for t in fig["data"] if t["name"] == "Prerequisite skills")
    bar = dict(zip(pre["y"], pre["x"]))
    assert all(bar[cat.role(r).name.en] == 100 for r in full)


def test_the_table_has_the_same_numbers():
    a, scores, gaps = _half_rated()
    with fixed_lang("en"):
        table = role_table(cat, scores, gaps, "en")
        fig = json.loads(role_coverage_bars(cat, scores, gaps, "en").to_json())
    pre = next(t for t in fig["data"] if t["name"] == "Prerequisite skills")
    drawn = [v for v in pre["x"] if v is not None]
    listed = [int(v[:-1]) for v in table["Prerequisite skills"] if v]
    assert listed == drawn
    rows = dict(zip(table["Role"], table["Status"]))
    assert rows["Notification"] == "not rated" and rows["Educator"] == "not staffed"
