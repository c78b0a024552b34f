"""Monthly bar charts are plain geometry: no database, no Django."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from articles.charts import Series, month_bar_chart, month_range, nice_ceiling


def test_month_range_crosses_the_year_end():
    assert month_range(date(2016, 11, 14), date(2017, 1, 2)) == [
        date(2016, 11, 1),
        date(2016, 12, 1),
        date(2017, 1, 1),
    ]


@pytest.mark.parametrize(
    ("maximum", "expected"),
    [(0, (1, 1)), (1, (1, 1)), (3, (3, 1)), (7, (8, 2)), (37, (40, 10)), (950, (1000, 250))],
)
def test_nice_ceiling_gives_a_round_axis_top_and_step(maximum, expected):
    assert nice_ceiling(maximum) == expected


def test_months_without_data_become_empty_slots_on_a_linear_axis():
    chart = month_bar_chart(
        [Series("Articles", {date(2016, 11, 1): 4, date(2017, 2, 1): 2})],
        title="Articles per month",
        chart_id="c",
    )
    assert [b.month for b in chart.bars] == month_range(date(2016, 11, 1), date(2017, 2, 1))
    assert [b.value for b in chart.bars] == [4, 0, 0, 2]
    assert chart.bars[1].height == 0
    xs = [b.x for b in chart.bars]
    assert xs == sorted(xs)


def test_bar_heights_are_proportional_and_the_tallest_fills_the_plot():
    chart = month_bar_chart(
        [Series("Quotes", {date(2020, 1, 1): 4, date(2020, 2, 1): 2})], title="t", chart_id="c"
    )
    tall, short = chart.bars
    assert tall.height == pytest.approx(chart.plot_bottom - chart.plot_top)
    assert short.height == pytest.approx(tall.height / 2)
    assert tall.y + tall.height == pytest.approx(chart.plot_bottom)


def test_two_series_sit_side_by_side_within_each_month():
    chart = month_bar_chart(
        [
            Series("Mentions", {date(2020, 1, 1): 3}),
            Series("Quotes", {date(2020, 1, 1): 1}),
        ],
        title="Mentions and quotes per month",
        chart_id="c",
    )
    mention, quote = chart.bars
    assert (mention.series, quote.series) == (0, 1)
    assert quote.x == pytest.approx(mention.x + mention.width)
    assert chart.rows[0].month == "Jan 2020"
    assert chart.rows[0].values == (3, 1)
    assert chart.totals == (3, 1)
    assert "Mentions 3, Quotes 1" in chart.summary


def test_datetimes_and_mid_month_dates_are_grouped_by_month():
    chart = month_bar_chart(
        [Series("Comments", {datetime(2021, 5, 3, 10, 0): 2, date(2021, 5, 20): 1})],
        title="t",
        chart_id="c",
    )
    assert [(b.month, b.value) for b in chart.bars] == [(date(2021, 5, 1), 3)]


@pytest.mark.parametrize("counts", [{}, {date(2020, 1, 1): 0}])
def test_a_chart_without_data_is_empty_and_says_so(counts):
    chart = month_bar_chart([Series("Quotes", counts)], title="Quotes per month", chart_id="c")
    assert chart.is_empty
    assert chart.bars == ()
    assert chart.summary == "Quotes per month: no dated data."


@pytest.mark.parametrize(
    ("first", "last", "expected_first_labels"),
    [
        (date(2020, 1, 1), date(2020, 3, 1), ["Jan 2020", "Feb 2020", "Mar 2020"]),
        (date(2020, 1, 1), date(2020, 12, 1), ["Jan 2020", "Mar 2020", "May 2020"]),
        (date(2015, 6, 1), date(2020, 12, 1), ["2015", "2016", "2017"]),
    ],
)
def test_x_axis_labels_stay_few_whatever_the_span(first, last, expected_first_labels):
    chart = month_bar_chart([Series("Articles", {first: 1, last: 1})], title="t", chart_id="c")
    texts = [label.text for label in chart.x_labels]
    assert texts[: len(expected_first_labels)] == expected_first_labels
    assert len(texts) <= 8
    assert all(chart.plot_left <= label.position <= chart.plot_right for label in chart.x_labels)


def test_y_ticks_run_from_zero_at_the_bottom_to_the_top_value():
    chart = month_bar_chart([Series("Articles", {date(2020, 1, 1): 37})], title="t", chart_id="c")
    assert [t.text for t in chart.y_ticks] == ["0", "10", "20", "30", "40"]
    assert chart.y_ticks[0].position == chart.plot_bottom
    assert chart.y_ticks[-1].position == chart.plot_top


def test_many_months_keep_bars_inside_the_plot():
    counts = {m: i % 5 + 1 for i, m in enumerate(month_range(date(2000, 1, 1), date(2020, 12, 1)))}
    chart = month_bar_chart([Series("Articles", counts)], title="t", chart_id="c")
    assert len(chart.months) == 252
    assert all(b.width > 0 for b in chart.bars)
    assert chart.bars[-1].x + chart.bars[-1].width <= chart.plot_right


def test_the_data_table_lists_only_months_with_data():
    chart = month_bar_chart(
        [Series("Articles", {date(2016, 11, 1): 4, date(2017, 2, 1): 2})], title="t", chart_id="c"
    )
    assert [(row.month, row.values) for row in chart.rows] == [
        ("Nov 2016", (4,)),
        ("Feb 2017", (2,)),
    ]
