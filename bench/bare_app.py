"""The floor: a bare Streamlit app with the same kinds of widgets the benchmark clicks in the app.

Two pages under st.navigation (so a deep link goes through the same router machinery), a sidebar
segmented control (like the language switch), a selectbox (like a role's status), a segmented
control (like the flow diagram's 平常時/インシデント対応時) and a small st.data_editor with a
selectbox column (like the rating grid). Each shows its value as text, so a click has a visible
result that only the server's rerun can produce. A third page, /chart, draws one Plotly chart of the
size of the Results page's first chart (19 roles, grouped horizontal bars, 852 px high): the floor
of a charting page's load."""
import pandas as pd
import streamlit as st

LEVELS = ["0 なし", "1 知識がある", "2 支援があればできる", "3 独力でできる", "4 指導できる"]

with st.sidebar:
    lang = st.segmented_control("Language", ["日本語", "English"], default="日本語", required=True, key="lang")


def start():
    st.title("こんにちは" if lang == "日本語" else "Hello")
    st.write("A bare Streamlit page.")
    if st.button("Click", key="button"):
        st.session_state["clicks"] = st.session_state.get("clicks", 0) + 1
    st.write(f"clicks: {st.session_state.get('clicks', 0)}")


def widgets():
    st.title("ウィジェット" if lang == "日本語" else "Widgets")
    status = st.selectbox("Status", ["自組織保有", "アウトソーシング", "未配置", "対象外"], key="status")
    st.markdown(f"status: **{status}**")
    time = st.segmented_control("Time", ["平常時", "インシデント対応時"], default="平常時", required=True, key="time")
    st.markdown(f"time: **{time}**")
    df = pd.DataFrame({"skill": [f"skill {i}" for i in range(8)], "level": [LEVELS[i % 5] for i in range(8)]})
    edited = st.data_editor(df, key="grid", hide_index=True, column_config={
        "skill": st.column_config.TextColumn("skill", disabled=True, width="large"),
        "level": st.column_config.SelectboxColumn("level", options=LEVELS, width="medium")})
    st.markdown(f"level of skill 0: **{edited['level'][0]}**")


def chart():
    import plotly.graph_objects as go

    st.title("グラフ" if lang == "日本語" else "Chart")
    roles = [f"role {i}" for i in range(19)]
    fig = go.Figure([go.Bar(y=roles, x=[(i * 37 % 100) / 100 for i in range(19)], orientation="h", name="a"),
                     go.Bar(y=roles, x=[(i * 53 % 100) / 100 for i in range(19)], orientation="h", name="b")],
                    layout={"title": {"text": "coverage"}, "height": 130 + 38 * 19, "barmode": "group"})
    st.plotly_chart(fig, key="chart")


nav = st.navigation([st.Page(start, url_path="start", title="Start", default=True),
                     st.Page(widgets, url_path="widgets", title="Widgets"),
                     st.Page(chart, url_path="chart", title="Chart")])
nav.run()
