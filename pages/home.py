"""Home: what the app teaches, the notation, and a card per page."""

import streamlit as st

from softmax_ui import formulas
from softmax_ui.formulas import side_by_side
from softmax_ui.frame import finish_page, start_page
from softmax_ui.i18n import tr

start_page("home.title")
st.markdown(tr("home.intro"))

st.subheader(tr("home.notation"))
st.markdown(tr("home.notation_body"))
st.latex(
    side_by_side(
        r"t = e^{z^{[L]}}",
        r"a^{[L]} = \hat y = \frac{t}{\sum_{j=1}^{C} t_j}",
        formulas.LOSS,
    )
)
st.latex(
    side_by_side(
        formulas.COST,
        r"dz^{[L]} = \hat y - y \quad (dZ^{[L]} = \hat Y - Y,\ C \times m)",
    )
)

st.subheader(tr("home.pages"))
lecture_card = ("pages/lecture.py", "lecture", ":material/co_present:")
cards = [
    ("pages/explorer.py", "explorer", ":material/bar_chart:"),
    ("pages/loss.py", "loss", ":material/trending_down:"),
    ("pages/logistic.py", "logistic", ":material/compare:"),
    ("pages/training.py", "training", ":material/model_training:"),
]


def card(path: str, name: str, icon: str) -> None:
    with st.container(border=True):
        st.page_link(path, label=tr(f"{name}.nav"), icon=icon)
        st.markdown(tr(f"home.card_{name}"))


# The guided lecture first, across the page; then the pages two by two.
card(*lecture_card)
columns = st.columns(2)
for k, entry in enumerate(cards):
    with columns[k % 2]:
        card(*entry)

finish_page()
