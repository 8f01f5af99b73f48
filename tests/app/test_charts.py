"""The Results charts as the browser receives them (the Plotly specs), after changes in the app."""
import json

from csirt_data import load_catalogue
from tests.app.helpers import app, assessment, by_key, goto, no_errors, static_table
from tests.app.role_board import set_status

CAT = load_catalogue()


def charts(at) -> dict[str, dict]:
    """Rendered Plotly figures by title."""
    out = {}
    for el in at.get("plotly_chart"):
        spec = json.loads(el.proto.spec)
        out[spec["layout"]["title"]["text"]] = spec
    return out


def open_tab(at, label: str = "関連図（情報の流れ）"):
    """Results computes only the open tab."""
    at.session_state["results_tab"] = label
    return at.run()


def flow(at, time_label: str = "平常時") -> dict:
    if "results_tab" in at.session_state and at.session_state["results_tab"] != "関連図（情報の流れ）":
        open_tab(at)
    return charts(at)[f"CSIRTの役割と業務内容の関連図（{time_label}）"]


def nodes_by_status(fig) -> dict[str, set[str]]:
    return {t["meta"]["status"]: set(t.get("customdata") or []) for t in fig["data"]
            if isinstance(t.get("meta"), dict) and "status" in t["meta"]}


def edges(fig, state: str) -> int:
    return sum(sum(1 for x in t["x"] if x is None) for t in fig["data"]
               if isinstance(t.get("meta"), dict) and t["meta"].get("state") == state)


def test_flow_diagram_follows_the_model_defaults():
    at = app(demo="B", page="results")
    no_errors(at)
    status = nodes_by_status(flow(at))
    assert status["outsourced"] == {"researcher", "curator", "vulnerability_assessor", "forensics"}
    assert status["gap"] == {"investigator"}  # the model B sample leaves the investigator unstaffed
    assert "csirt_operations_manager" not in set().union(*status.values())  # not drawn (document note)
    assert len(status["party"]) == 13
    fig = flow(at)
    total = sum(edges(fig, s) for s in ("ok", "broken", "inactive"))
    assert total == 24  # normal-time arrows in the catalogue
    assert edges(fig, "broken") == 0  # the investigator's only arrow is an incident-time one


def test_incident_time_and_a_gap_break_arrows():
    at = open_tab(app(demo="B", page="results"))  # both times' diagrams are drawn (two tabs)
    fig = flow(at, "インシデント対応時")
    assert sum(edges(fig, s) for s in ("ok", "broken", "inactive")) == 26
    assert edges(fig, "broken") == 1  # investigator ↔ police


def test_flipping_a_role_updates_radar_and_diagram():
    at = app(demo="B", page="roles")
    set_status(at, "incident_handler", "outsourced")
    set_status(at, "incident_manager", "gap")
    goto(at, "results")
    no_errors(at)
    fig = flow(at)
    status = nodes_by_status(fig)
    assert "incident_handler" in status["outsourced"] and "incident_manager" in status["gap"]
    assert edges(fig, "broken") == 3  # researcher→IM, curator→IM, IM→commander at normal time
    bars = charts(open_tab(at, "充足度のグラフ"))["役割別の充足度"]
    pre = next(t for t in bars["data"] if t["name"] == "任用前提スキル")
    values = dict(zip(pre["y"], pre["x"]))
    assert values["インシデントハンドラー (委託)"] is None  # no bar: words instead
    assert values["インシデントマネージャー (未配置)"] == 0
    assert "インシデントハンドラー" not in values
    words = next(t for t in bars["data"] if t["name"] == "states")
    assert dict(zip(words["y"], words["text"]))["インシデントハンドラー (委託)"] == "アウトソーシング（委託先が担う）"
    gap = next(t for t in bars["data"] if t["name"] == "未配置（担い手なし：0%）")
    # The sample's investigator was a gap already; the manager joins it.
    assert gap["y"] == ["インシデントマネージャー (未配置)", "インベスティゲーター (未配置)"]
    assert set(gap["text"]) == {"0%：担い手なし"}


def test_charts_are_translated_and_user_text_is_escaped():
    at = app(demo="A", page="people")
    next(t for t in at.text_input if t.label == "氏名（呼び名）").input("<b>X</b>")
    next(m for m in at.multiselect if m.label == "担う役割").set_value(["commander"])
    next(b for b in at.button if b.label == "追加").click().run()
    goto(at, "results")
    pid = next(p.id for p in assessment(at).people if p.name == "<b>X</b>")
    open_tab(at, "要員別")  # a person's radar has a tab of its own
    at.selectbox(key="radar_person").select(pid).run()
    titles = set(charts(at))
    open_tab(at)
    assert "&lt;b&gt;X&lt;/b&gt; のスキル" in titles
    hovers = " ".join(h for t in flow(at)["data"] for h in (t.get("hovertext") or []) if isinstance(h, str))
    assert "&lt;b&gt;X&lt;/b&gt;" in hovers and "<b>X</b>" not in hovers
    at.sidebar.segmented_control[0].set_value("English").run()
    assert "CSIRT roles and information flows (Normal times)" in set(charts(open_tab(at, "Information flows")))
    assert "Coverage by role" in set(charts(open_tab(at, "Coverage charts")))


def test_every_chart_has_a_table_with_its_numbers():
    from tests.app.helpers import open_lazy
    at = open_tab(app(demo="B", page="results"), "レーダーチャート")
    assert [e.label for e in at.expander].count("表で見る") == 1  # the role bars
    at = open_lazy(at, "role_skills")  # a role's skills: built only while its expander is open
    assert [e.label for e in at.expander].count("表で見る") == 2  # and the role's skills
    assert charts(at)  # its radar is drawn
    bars = charts(at)["役割別の充足度"]
    pre = next(t for t in bars["data"] if t["name"] == "任用前提スキル")
    at = open_lazy(at, "table_roles")
    table = next(d.value for d in at.dataframe if "任用前提スキル" in d.value.columns)
    assert [int(v[:-1]) for v in table["任用前提スキル"] if v] == [v for v in pre["x"] if v is not None]
    assert "アウトソーシング" not in set(table["状態"]) and "委託" in set(table["状態"])
    # The grouped radar's numbers stand beside it: one static table, no grid (issue 13: a grid cost a
    # load about 0.18x), one row per function with a score, as the scoring has it.
    from assessment.scores.scoring import score_functions
    grouped = static_table(at, "results_grouped")
    scores = score_functions(assessment(at))
    shown = [f for f in CAT.functions if scores.get(f.id) is not None]
    assert list(grouped["項目"]) == [f.name.ja for f in shown]
    assert list(grouped["充足度"]) == [f"{round(scores[f.id] * 100)}%" for f in shown]
    assert not any("充足度" in d.value.columns and "項目" in d.value.columns for d in at.dataframe)

    at = open_lazy(open_tab(at), "table_flow_normal")
    no_errors(at)
    arrows = next(d.value for d in at.dataframe if "矢印の始点" in d.value.columns)
    assert len(arrows) == 24
    assert ("社外PoC", "NCA", "はい") in set(zip(arrows["矢印の始点"], arrows["矢印の終点"], arrows["双方向"]))


def test_the_grouped_table_says_not_rated_and_not_scored():
    """DESIGN §3: a 兼任グループ with skills to rate and none rated yet reads 未評価, one whose roles
    are all outsourced reads —; never an empty cell, never 0 %."""
    from assessment.core.edit import set_ratings
    from assessment.scores.scoring import score_groups, score_roles
    at = open_tab(app(demo="B", page="results"), "レーダーチャート")
    a = assessment(at)
    for p in a.people:  # nobody rated yet; model B outsources 兼任グループ2 (researcher, curator, forensics)
        set_ratings(a, p.id, {k: None for k in a.ratings.get(p.id, {})}, cat=CAT)
    at.session_state["radar_by"] = "group"
    at.run()
    no_errors(at)
    values, scores = score_groups(a, CAT), score_roles(a, CAT)
    expected = ["—" if not any(scores[r].skills for r in g.role_ids) else "未評価" if values[g.id] is None
                else f"{round(values[g.id] * 100)}%" for g in CAT.groups]
    assert {"—", "未評価"} <= set(expected)
    grouped = static_table(at, "results_grouped")
    assert list(grouped["項目"]) == [g.short.ja for g in CAT.groups]
    assert list(grouped["充足度"]) == expected
