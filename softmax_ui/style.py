"""Colours, sizes and the plotly layout shared by every figure.

The class palette is Okabe & Ito's, chosen to stay distinct for the common
kinds of colour blindness and on a washed-out projector; class k has the same
colour on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

# Okabe–Ito, reordered so the first four (the lecture's classes) are the most
# distinct, then two dark extras for C up to 10.
CLASS_COLOURS = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
    "#7F7F7F",  # grey
    "#8C510A",  # brown
)
HIGHLIGHT = "#D55E00"
MUTED = "#9AA5B1"
NEGATIVE = "#D55E00"
POSITIVE = "#0072B2"
SOFTMAX_COLOUR = "#0072B2"
HARDMAX_COLOUR = "#E69F00"
TEST_COLOUR = "#CC79A7"  # the held-out test set's curves on the training page
# ColorBrewer's "Blues" (as plotly.py spells it out) for heatmap cells: written
# here in full, since plotly.js's own "Blues" is a different scale.
CELL_SCALE = [
    [0.0, "rgb(247,251,255)"], [0.125, "rgb(222,235,247)"],
    [0.25, "rgb(198,219,239)"], [0.375, "rgb(158,202,225)"],
    [0.5, "rgb(107,174,214)"], [0.625, "rgb(66,146,198)"],
    [0.75, "rgb(33,113,181)"], [0.875, "rgb(8,81,156)"], [1.0, "rgb(8,48,107)"],
]
FONT_FAMILY = (
    '"Source Sans Pro", "Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei",'
    ' "PingFang TC", sans-serif'
)


def class_colour(k: int) -> str:
    """The colour of class k, the same on every page."""
    return CLASS_COLOURS[k % len(CLASS_COLOURS)]


# The gaps st.columns leaves between columns, in rem (the root's font size).
_COLUMN_GAPS = {"small": 1, "medium": 2, "large": 4}


@dataclass(frozen=True)
class Sizes:
    """Type and line sizes for one display mode, and the width a figure has.

    ``width`` starts as the page's width on the screen the mode is laid out
    for, and :meth:`column` narrows it to a column's: a builder that wraps a
    long title reads it to know whether the title fits on one line.
    """

    font: int
    title: int
    bar_text: int
    line: float
    marker: int
    height: int
    tick: int  # axis tick labels: smaller than the text on a laptop, not projected
    width: int  # in pixels
    # The page's root font size in pixels, the unit of column gaps: the
    # theme's baseFontSize (.streamlit/config.toml), or presenter mode's.
    rem: int

    def column(
        self, spec: int | Sequence[float], index: int = 0, gap: str = "small"
    ) -> Sizes:
        """These sizes in column ``index`` of ``st.columns(spec, gap=gap)``.

        Parameters
        ----------
        spec : int or sequence of float
            As given to ``st.columns``: a number of equal columns, or their
            relative widths.
        index : int
            Which of the columns the figure is drawn in.
        gap : {"small", "medium", "large"}
            As given to ``st.columns``.

        Returns
        -------
        Sizes
            The same sizes with ``width`` the column's.

        Notes
        -----
        Streamlit gives each column its share of the row less an equal part
        of the gaps between the columns.
        """
        shares = [1.0] * spec if isinstance(spec, int) else [float(s) for s in spec]
        gaps = (len(shares) - 1) * _COLUMN_GAPS[gap] * self.rem
        share = shares[index] / sum(shares)
        return replace(self, width=int(self.width * share - gaps / len(shares)))


# The widths are the main column's as laid out: on a laptop's 1280×720 window
# with the sidebar open, what its 338 px and the page's padding of 5 rem each
# side leave; on a 1920×1080 projector, presenter mode closes the sidebar and
# pads the page by 40 px each side (softmax_ui/presenter.css). A wider window only
# gives a figure more room; presenter mode on a narrower screen gives less than
# this says, and a title that fits here could reach past its chart's edge.
NORMAL = Sizes(
    font=16, title=20, bar_text=18, line=3, marker=12, height=420, tick=14,
    width=762, rem=18,
)
PRESENTER = Sizes(
    font=26, title=34, bar_text=36, line=6, marker=20, height=560, tick=24,
    width=1840, rem=26,
)


def sizes(presenter: bool) -> Sizes:
    """Sizes for presenter mode (projected) or the laptop."""
    return PRESENTER if presenter else NORMAL
