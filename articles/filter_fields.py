"""Form fields, widgets and filters the list FilterSets share (month, person picker, sort)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django_filters.fields import ModelMultipleChoiceField

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value: str) -> date | None:
    """ "2016-11" -> date(2016, 11, 1); anything else (``2016-13``, ``nov``) -> None."""
    match = _MONTH.match((value or "").strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        return None
    return date(year, month, 1)


def next_month(first: date) -> date:
    """date(2016, 12, 1) -> date(2017, 1, 1)."""
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def day_start(day: date) -> datetime:
    """date(2016, 11, 1) -> 2016-11-01 00:00 in the site's zone (UTC), an aware datetime."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def day_range(first: date | None, last: date | None) -> dict[str, datetime]:
    """Lookups for `first`..`last` inclusive as a half-open datetime range, so the
    `published` index is used (a `__date` cast would not be):
    (date(2016, 11, 1), date(2016, 11, 30)) -> {"gte": 2016-11-01 00:00, "lt": 2016-12-01 00:00}.
    """
    lookups: dict[str, datetime] = {}
    if first is not None:
        lookups["gte"] = day_start(first)
    if last is not None and last < date.max:
        lookups["lt"] = day_start(last + timedelta(days=1))
    return lookups


class MonthField(forms.CharField):
    """A calendar month typed as YYYY-MM (an `<input type=month>` where browsers have one)."""

    widget = forms.TextInput(
        attrs={"type": "month", "placeholder": "YYYY-MM", "pattern": r"\d{4}-\d{2}"}
    )

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        month = parse_month(text)
        if month is None:
            raise ValidationError("Enter a month as YYYY-MM, e.g. 2016-11.", code="invalid")
        return month


class MonthFilter(django_filters.Filter):
    """`month=2016-11` keeps rows whose `field_name` falls in that month (UTC)."""

    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        last = (
            next_month(value) - timedelta(days=1) if value.year < 9999 or value.month < 12 else None
        )
        lookups = day_range(value, last)
        return qs.filter(**{f"{self.field_name}__{k}": v for k, v in lookups.items()})


class DayFilter(django_filters.DateFilter):
    """`published_from=2016-11-01` (`bound="from"`) or `published_to=2016-11-30` (`bound="to"`),
    whole days in the site's zone, as an index-friendly datetime range."""

    def __init__(self, *args, bound: str = "from", **kwargs):
        self.bound = bound
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        lookups = day_range(value, None) if self.bound == "from" else day_range(None, value)
        return qs.filter(**{f"{self.field_name}__{k}": v for k, v in lookups.items()})


class PickerWidget(forms.SelectMultiple):
    """Several choices without a ctrl-click list: the chosen ones as ticked boxes
    (untick to remove) and one drop-down to add another. Works without JavaScript.
    """

    use_fieldset = True

    def value_from_datadict(self, data, files, name):
        return [v for v in super().value_from_datadict(data, files, name) or [] if v]

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in (value or [])}
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.get("id") or f"id_{name}"
        options = [(str(v), str(label)) for v, label in self.choices if str(v)]
        ticked = [(v, label) for v, label in options if v in chosen]
        boxes = format_html_join(
            "",
            '<label class="pick"><input type="checkbox" name="{}" value="{}" checked> {}</label>',
            ((name, v, label) for v, label in ticked),
        )
        menu = format_html_join(
            "",
            '<option value="{}">{}</option>',
            ((v, label) for v, label in options if v not in chosen),
        )
        add_label = "Add another" if ticked else "Choose"
        return format_html(
            '<div class="picker">{}<select name="{}" id="{}" aria-label="{} {}">'
            '<option value="">{}…</option>{}</select></div>',
            boxes,
            name,
            base_id,
            add_label,
            attrs.get("data-noun", name),
            add_label,
            menu,
        )

    def id_for_label(self, id_):
        return id_


class PeopleChoiceField(ModelMultipleChoiceField):
    """People by slug, reading a merged person's old slug as the person kept (#12) and a
    typed name that fits one person as that person (#14: the picker without JavaScript).

    After cleaning, `moved` maps each such value to its slug, so the view can answer with
    the rewritten URL (`moved_people_redirect`). Costs queries only when a value is not a
    current slug.
    """

    moved: dict[str, str] = {}

    def _check_values(self, value):
        self.moved = {}
        try:
            return super()._check_values(value)
        except ValidationError as error:
            if error.code != "invalid_choice":
                raise
            from articles.models import Person, PersonRedirect

            given = [str(v) for v in value]
            if any("\x00" in v for v in given):  # PostgreSQL refuses NUL
                raise
            known = set(Person.objects.filter(slug__in=given).values_list("slug", flat=True))
            unknown = [v for v in given if v not in known]
            moved = dict(
                PersonRedirect.objects.filter(old_slug__in=unknown).values_list(
                    "old_slug", "person__slug"
                )
            )
            for typed in unknown:
                if typed in moved:
                    continue
                found = Person.objects.named_like(typed).values_list("slug", flat=True)[:2]
                if len(found) != 1:
                    raise ValidationError(
                        "“%(value)s” matches several people: tick the one you mean."
                        if found
                        else "No one in the archive is called “%(value)s”.",
                        code="invalid_choice",
                        params={"value": typed},
                    ) from error
                moved[typed] = found[0]
            self.moved = moved
            return super()._check_values([moved.get(v, v) for v in given])


class PersonPickerWidget(forms.Widget):
    """The chosen people as ticked boxes (untick to remove) and a text field to add one.

    Without JavaScript the text field is a search: a name that fits one person picks them,
    several matches come back as boxes to tick. `static/js/picker.js` turns it into a
    combobox with suggestions from `/people/suggest.json`. Renders with one query (the
    chosen people's names), plus one per unknown value (at most three).
    """

    use_fieldset = True
    MAX_UNKNOWN = 3
    SUGGESTIONS = 8

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        return [v.strip() for v in values if v and v.strip()]

    def render(self, name, value, attrs=None, renderer=None):
        from django.urls import reverse

        from articles.models import Person

        values = [str(getattr(v, "slug", v)) for v in (value or []) if v]
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.get("id") or f"id_{name}"
        clean = [v for v in values if "\x00" not in v]
        names = dict(
            Person.objects.filter(slug__in=clean).values_list("slug", "name") if clean else []
        )
        box = '<label class="pick"><input type="checkbox" name="{}" value="{}"{}> {}</label>'
        chosen = format_html_join(
            "", box, ((name, slug, " checked", names[slug]) for slug in values if slug in names)
        )
        guesses = []
        for typed in [v for v in clean if v not in names][: self.MAX_UNKNOWN]:
            people = Person.objects.named_like(typed).values_list("slug", "name")
            options = format_html_join(
                "", box, ((name, slug, "", label) for slug, label in people[: self.SUGGESTIONS])
            )
            if options:
                guesses.append(
                    format_html(
                        '<div class="picker__guesses"><p class="help">People matching “{}”:</p>{}'
                        "</div>",
                        typed,
                        options,
                    )
                )
        return format_html(
            '<div class="picker picker--people">{}{}'
            '<label class="picker__add" for="{}">{}</label>'
            '<input type="text" name="{}" id="{}" class="picker__input" autocomplete="off"'
            ' spellcheck="false" placeholder="Type part of a name" data-suggest-url="{}"'
            "{}></div>",
            chosen,
            format_html_join("", "{}", ((g,) for g in guesses)),
            base_id,
            "Add another person" if names else "Add a person",
            name,
            base_id,
            reverse("articles:person_suggest"),
            format_html(' aria-describedby="{}"', attrs["aria-describedby"])
            if attrs.get("aria-describedby")
            else "",
        )

    def id_for_label(self, id_):
        return id_


class PeopleFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = PeopleChoiceField


def people_filter(*, method: str, label: str = "People", **kwargs):
    """A multi-choice filter over people by slug: `?person=amelia-stone&person=ben-okafor`,
    picked by typing a name (`PersonPickerWidget`), never from a list of everyone (#14)."""
    from articles.models import Person

    return PeopleFilter(
        queryset=Person.objects.only("name", "slug"),
        to_field_name="slug",
        widget=PersonPickerWidget(),
        method=method,
        label=label,
        **kwargs,
    )


def moved_people_redirect(request, filterset) -> HttpResponsePermanentRedirect | None:
    """A 301 to the same URL with merged people's old slugs replaced, or None (#12).

    `/?person=benjamin-okafor&month=2016-11` -> `/?person=ben-okafor&month=2016-11`.
    """
    if not filterset.is_valid():
        return None
    params = request.GET.copy()
    rewritten = False
    for name, field in filterset.form.fields.items():
        moved = getattr(field, "moved", None)
        if moved:
            typed = [v.strip() for v in params.getlist(name) if v.strip()]
            values = [moved.get(v, v) for v in typed]
            params.setlist(name, list(dict.fromkeys(values)))
            rewritten = True
    if not rewritten:
        return None
    return HttpResponsePermanentRedirect(f"{request.path}?{params.urlencode()}")


def outlets_filter(*, method: str, label: str = "Outlets", **kwargs):
    """A multi-choice filter over outlets by slug: `?outlet=harbour-gazette`."""
    from articles.models import Outlet

    return _slug_picker(Outlet, "outlet", method=method, label=label, **kwargs)


def _slug_picker(
    model, noun: str, filter_class=django_filters.ModelMultipleChoiceFilter, **kwargs
) -> django_filters.ModelMultipleChoiceFilter:
    return filter_class(
        queryset=model.objects.only("name", "slug"),
        to_field_name="slug",
        widget=PickerWidget(attrs={"data-noun": noun}),
        **kwargs,
    )
