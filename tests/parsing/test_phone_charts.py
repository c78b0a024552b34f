"""Charts readable at 390 px (#14, item 7): a narrow drawing of the latest months with
text at full size, so a phone never scrolls sideways to find the latest month."""

from __future__ import annotations

from datetime import date

from articles.charts import NARROW_MONTHS, NARROW_WIDTH, Series, month_bar_chart


def _chart(months: int):
    counts = {date(2010 + m // 12, m % 12 + 1, 1): m + 1 for m in range(months)}
    return month_bar_chart([Series("Mentions", counts)], title="Mentions", chart_id="c")


def test_a_long_chart_has_a_narrow_drawing_of_its_latest_months():
    chart = _chart(40)
    narrow = chart.narrow
    assert narrow.width == NARROW_WIDTH
    assert narrow.months[-1] == chart.months[-1] == date(2013, 4, 1)
    assert len(narrow.months) == NARROW_MONTHS and narrow.cut
    assert all(bar.x + bar.width <= NARROW_WIDTH for bar in narrow.bars)
    assert len(narrow.x_labels) <= 4  # labels of ~60 px each fit 360 px
    assert narrow.narrow is None and not chart.cut


def test_a_short_chart_keeps_every_month_in_its_narrow_drawing():
    chart = _chart(5)
    assert chart.narrow.months == chart.months
    assert not chart.narrow.cut
    # the tallest bar still reaches the top of the plot
    assert min(bar.y for bar in chart.narrow.bars) == chart.narrow.plot_top
