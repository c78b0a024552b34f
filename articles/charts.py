"""Server-rendered bar charts of monthly counts, as geometry a template draws as SVG.

Pure Python (no Django): the view passes counts keyed by month, `month_bar_chart`
returns every bar's position and the axis labels; `templates/includes/_chart.html`
turns that into an `<svg role="img">` plus a data table, escaped by the template
engine. Months without data are drawn as empty slots so the x axis stays linear.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

# viewBox size; the SVG scales to its container width.
WIDTH = 640
HEIGHT = 220
_PAD_LEFT = 40
_PAD_RIGHT = 30
_PAD_TOP = 12
_PAD_BOTTOM = 30
_MAX_GROUP_WIDTH = 48.0
_MAX_X_LABELS = 8
# Phones (#14): a second, narrower drawing of the latest months with text at full size,
# instead of a wide chart that scrolls sideways and hides the latest months.
NARROW_WIDTH = 360
NARROW_MONTHS = 12
_NARROW_X_LABELS = 4


@dataclass(frozen=True)
class Series:
    """One set of bars, e.g. `Series("Quotes", {date(2016, 11, 1): 3})`."""

    name: str
    counts: Mapping[date, int]


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    month: date
    label: str
    series: int


@dataclass(frozen=True)
class AxisLabel:
    position: float
    text: str


@dataclass(frozen=True)
class TableRow:
    month: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class MonthChart:
    chart_id: str
    title: str
    series_names: tuple[str, ...]
    months: tuple[date, ...]
    bars: tuple[Bar, ...] = ()
    x_labels: tuple[AxisLabel, ...] = ()
    y_ticks: tuple[AxisLabel, ...] = ()
    rows: tuple[TableRow, ...] = ()
    totals: tuple[int, ...] = ()
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: float = _PAD_LEFT
    plot_right: float = WIDTH - _PAD_RIGHT
    plot_top: float = _PAD_TOP
    plot_bottom: float = HEIGHT - _PAD_BOTTOM
    narrow: MonthChart | None = None  # the phone drawing: the latest NARROW_MONTHS months
    cut: bool = False  # True when this drawing leaves earlier months out

    @property
    def tick_label_x(self) -> float:
        return self.plot_left - 6

    @property
    def x_label_y(self) -> float:
        return self.plot_bottom + 18

    @property
    def is_empty(self) -> bool:
        return not any(self.totals)

    @property
    def summary(self) -> str:
        """One sentence for `aria-label`/`<desc>`: 'Quotes: 12 from Nov 2016 to Mar 2017.'"""
        if self.is_empty:
            return f"{self.title}: no dated data."
        span = f"from {_month_label(self.months[0])} to {_month_label(self.months[-1])}"
        parts = ", ".join(
            f"{name} {total}" for name, total in zip(self.series_names, self.totals, strict=True)
        )
        return f"{self.title}: {parts}, {span}."


def month_range(first: date, last: date) -> list[date]:
    """Every first-of-month from `first` to `last`: (2016-11-14, 2017-01-02) -> Nov, Dec, Jan."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def nice_ceiling(value: int) -> tuple[int, int]:
    """Axis top and tick step for a maximum: 37 -> (40, 10), 3 -> (3, 1), 0 -> (1, 1)."""
    if value <= 0:
        return 1, 1
    if value <= 5:
        return value, 1
    raw_step = value / 4
    magnitude = 10 ** math.floor(math.log10(raw_step))
    multiples = (1, 2, 2.5, 5, 10) if magnitude >= 10 else (1, 2, 5, 10)
    step = max(int(next(m * magnitude for m in multiples if m * magnitude >= raw_step)), 1)
    return step * math.ceil(value / step), step


def month_bar_chart(
    series: Sequence[Series],
    *,
    title: str,
    chart_id: str,
    width: int = WIDTH,
    latest: int | None = None,
    max_labels: int = _MAX_X_LABELS,
    with_narrow: bool = True,
) -> MonthChart:
    """Bars for `series` side by side per month, e.g. mentions and quotes of one person.

    `month_bar_chart([Series("Articles", {date(2016, 11, 1): 4})], title="Articles per month",
    chart_id="outlet-articles")` gives one bar filling the plot height. `latest` keeps only
    the last N months of the range; `narrow` holds the phone drawing (NARROW_WIDTH wide).
    """
    names = tuple(s.name for s in series)
    dated = [_first_of_month(m) for s in series for m, n in s.counts.items() if n]
    totals = tuple(sum(s.counts.values()) for s in series)
    if not dated:
        return MonthChart(
            chart_id=chart_id, title=title, series_names=names, months=(), totals=totals
        )
    months = month_range(min(dated), max(dated))
    cut = latest is not None and len(months) > latest
    if cut:
        months = months[-latest:]
    shown = set(months)
    per_series = [{m: n for m, n in _by_month(s.counts).items() if m in shown} for s in series]
    top, step = nice_ceiling(max(max(c.values(), default=0) for c in per_series))

    plot_left, plot_right = float(_PAD_LEFT), float(width - _PAD_RIGHT)
    plot_top, plot_bottom = float(_PAD_TOP), float(HEIGHT - _PAD_BOTTOM)
    slot = (plot_right - plot_left) / len(months)
    group = min(slot * 0.8, _MAX_GROUP_WIDTH)
    bar_width = group / max(len(series), 1)

    bars = []
    for i, month in enumerate(months):
        group_left = plot_left + i * slot + (slot - group) / 2
        for s_index, counts in enumerate(per_series):
            value = counts.get(month, 0)
            height = (plot_bottom - plot_top) * value / top
            bars.append(
                Bar(
                    x=_r(group_left + s_index * bar_width),
                    y=_r(plot_bottom - height),
                    width=_r(bar_width),
                    height=_r(height),
                    value=value,
                    month=month,
                    label=f"{_month_label(month)}: {value} {names[s_index].lower()}",
                    series=s_index,
                )
            )

    return MonthChart(
        chart_id=chart_id,
        title=title,
        series_names=names,
        months=tuple(months),
        bars=tuple(bars),
        x_labels=_x_labels(months, plot_left, slot, max_labels),
        y_ticks=tuple(
            AxisLabel(_r(plot_bottom - (plot_bottom - plot_top) * v / top), str(v))
            for v in range(0, top + 1, step)
        ),
        # The text alternative lists only months with something in them.
        rows=tuple(
            TableRow(_month_label(m), tuple(c.get(m, 0) for c in per_series))
            for m in months
            if any(c.get(m, 0) for c in per_series)
        ),
        totals=totals,
        width=width,
        plot_right=plot_right,
        cut=cut,
        narrow=month_bar_chart(
            series,
            title=title,
            chart_id=f"{chart_id}-narrow",
            width=NARROW_WIDTH,
            latest=NARROW_MONTHS,
            max_labels=_NARROW_X_LABELS,
            with_narrow=False,
        )
        if with_narrow
        else None,
    )


def _x_labels(
    months: list[date], left: float, slot: float, most: int = _MAX_X_LABELS
) -> tuple[AxisLabel, ...]:
    """At most `most` labels; over a year, only Januaries (or every n-th year)."""
    if len(months) <= most:
        picked = [(i, _month_label(m)) for i, m in enumerate(months)]
    elif len(months) <= 24:
        every = math.ceil(len(months) / most)
        picked = [(i, _month_label(m)) for i, m in enumerate(months) if i % every == 0]
    else:
        years = [(i, m) for i, m in enumerate(months) if m.month == 1 or i == 0]
        every = math.ceil(len(years) / most)
        picked = [(i, str(m.year)) for n, (i, m) in enumerate(years) if n % every == 0]
    return tuple(AxisLabel(_r(left + (i + 0.5) * slot), text) for i, text in picked)


def _by_month(counts: Mapping[date, int]) -> dict[date, int]:
    merged: dict[date, int] = {}
    for month, n in counts.items():
        key = _first_of_month(month)
        merged[key] = merged.get(key, 0) + n
    return merged


def _first_of_month(value: date) -> date:
    return date(value.year, value.month, 1)


def _month_label(month: date) -> str:
    return f"{_MONTHS[month.month - 1]} {month.year}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _r(value: float) -> float:
    return round(value, 2)
