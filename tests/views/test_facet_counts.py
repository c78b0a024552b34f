"""Facet counts are exactly what their links list (#14, item 1), on SQLite and PostgreSQL.

A seeded random archive with many people per article (mentioned, quoted, both), several
outlets and months; for each of many random filter combinations, every facet value on the
page (and on the "show all" pages) is followed and its count compared with the result count.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.facets import SIDEBAR_LIMIT, counted
from tests import factories

URL = reverse("articles:article_list")


@pytest.fixture
def archive(db):
    rng = random.Random(14)
    outlets = [factories.make_outlet(f"Outlet {c}", time_zone="UTC") for c in "ABCD"]
    people = [factories.make_person(f"Person {i:02d}") for i in range(24)]
    words = ["harbour", "budget", "ferry", "school", "bridge"]
    for n in range(60):
        mentioned = rng.sample(people, rng.randint(0, 7))
        article = factories.make_article(
            f"Story {n} about the {rng.choice(words)}",
            outlet=rng.choice(outlets),
            published=datetime(2015 + rng.randint(0, 2), rng.randint(1, 12), 15, 12, tzinfo=UTC),
            body=f"The {rng.choice(words)} and the {rng.choice(words)}.",
            people={p: rng.randint(1, 3) for p in mentioned},
        )
        # some speakers quoted without a mention row, some both
        for position, speaker in enumerate(rng.sample(people, rng.randint(0, 3))):
            factories.make_quote(article, f"Words {n}-{position}", speaker, position=position)
        if n % 7 == 0:
            factories.make_comment(article, "A reader writes.")
    return {"people": people, "outlets": outlets, "rng": rng}


def _random_filters(archive, rng) -> dict:
    params: dict = {}
    if rng.random() < 0.7:
        params["person"] = [p.slug for p in rng.sample(archive["people"], rng.randint(1, 3))]
        params["match"] = rng.choice(["any", "all", ""])
    if rng.random() < 0.5:
        params["outlet"] = [o.slug for o in rng.sample(archive["outlets"], rng.randint(1, 2))]
    roll = rng.random()
    if roll < 0.3:
        params["month"] = f"{2015 + rng.randint(0, 2)}-{rng.randint(1, 12):02d}"
    elif roll < 0.5:
        params["published_from"] = f"{2015 + rng.randint(0, 1)}-0{rng.randint(1, 9)}-01"
        params["published_to"] = "2017-06-30"
    if rng.random() < 0.2:
        params["q"] = rng.choice(["harbour", "ferry"])
    if rng.random() < 0.2:
        params["has_comments"] = "on"
    return {k: v for k, v in params.items() if v}


def _count(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    assert not response.context["filter"].errors, (url, response.context["filter"].errors)
    return response.context["page"].paginator.count


def test_every_facet_count_equals_the_results_of_its_link(client, archive):
    rng = random.Random(1414)
    followed = 0
    for _ in range(12):
        params = _random_filters(archive, rng)
        response = client.get(URL, params, follow=False)
        assert response.status_code == 200
        for facet in response.context["facets"]:
            for value in facet.values:
                if value.count is None:  # chosen: its link removes it, no count shown
                    assert value.selected
                    continue
                assert _count(client, URL + value.url) == value.count, (params, value)
                followed += 1
    assert followed > 100  # the test really followed links, with every kind of facet


def test_show_all_pages_count_what_their_links_list_too(client, archive):
    params = {"person": archive["people"][0].slug, "outlet": archive["outlets"][0].slug}
    for name in ("person", "outlet"):
        page = client.get(reverse("articles:facet_values", args=[name]), params)
        assert page.status_code == 200
        values = list(page.context["page"].object_list)
        assert values
        for value in values[:12]:
            assert value.url.startswith(URL + "?")
            assert _count(client, value.url) == value.count


def test_people_facet_shows_the_top_values_and_links_to_all_of_them(client, archive):
    response = client.get(URL)
    people = {f.name: f for f in response.context["facets"]}["person"]
    assert len(people.values) == SIDEBAR_LIMIT
    assert people.more_url.startswith(reverse("articles:facet_values", args=["person"]))
    everyone = client.get(people.more_url).context["page"].paginator.count
    assert everyone == len(archive["people"])
    assert "Show all people" in response.content.decode()


def test_a_chosen_person_and_any_match_counts_the_widened_list(client, archive):
    """The report in #14: with `person=a`, adding b lists a-or-b, so b's count is that."""
    a, b = archive["people"][:2]
    response = client.get(URL, {"person": a.slug})
    people = {v.value: v for v in {f.name: f for f in response.context["facets"]}["person"].values}
    assert people[a.slug].count is None and people[a.slug].selected
    if b.slug in people:
        both = _count(client, f"{URL}?person={a.slug}&person={b.slug}")
        assert people[b.slug].count == both


@pytest.mark.parametrize("size", ["small", "large"])
def test_list_query_count_does_not_grow_with_people_or_months(
    client, db, django_assert_max_num_queries, size
):
    outlet = factories.make_outlet("Solo", time_zone="UTC")
    n_people, n_months = (3, 2) if size == "small" else (60, 40)
    people = [factories.make_person(f"Someone {i}") for i in range(n_people)]
    for m in range(n_months):
        factories.make_article(
            f"Month {m}",
            outlet=outlet,
            published=datetime(2010 + m // 12, m % 12 + 1, 3, tzinfo=UTC),
            people={p: 1 for p in people[m % n_people :][:5]},
        )
    # filter lookups (person, outlet) + count + rows + chips + 3 facets (the person facet in
    # two: the kept counts and the people the list already has) + chosen names + outlet menu
    # (+ on PostgreSQL the planner's estimate of the listed rows, for the facets' budget)
    with django_assert_max_num_queries(12):
        response = client.get(URL, {"person": [people[0].slug, people[1].slug], "outlet": "solo"})
    assert response.status_code == 200
    months = {f.name: f for f in response.context["facets"]}["month"]
    with django_assert_max_num_queries(7):
        client.get(URL)
    with django_assert_max_num_queries(3):
        client.get(reverse("articles:facet_values", args=["person"]))
    if size == "large":
        # every month is reachable, grouped by year
        everything = {f.name: f for f in client.get(URL).context["facets"]}["month"]
        assert len(everything.values) == n_months
        years = sorted({2010 + m // 12 for m in range(40)}, reverse=True)
        assert [g.year for g in everything.years] == years
        assert months.values  # with the people filter too


# At scale (#13): facets the kept counts answer, and the time budget of the others.


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"outlet": "outlet-a"},
        {"outlet": ["outlet-a", "outlet-c"]},
        {"month": "2016-05"},
        {"outlet": "outlet-b", "month": "2015-03"},
        {"outlet": "outlet-d", "published_from": "2016-01-01"},
        {"person": "person-03"},
        {"person": "person-05", "match": "all"},
    ],
)
def test_counted_facets_equal_the_results_of_their_links(client, archive, params):
    response = client.get(URL, params)
    followed = 0
    for facet in response.context["facets"]:
        assert not facet.skipped
        if "person" in params and facet.name == "outlet":  # one person: the kept counts
            assert counted(response.context["filter"], "outlet")
        for value in facet.values:
            if value.count is not None:
                assert _count(client, URL + value.url) == value.count, (params, value)
                followed += 1
    assert followed >= 3


def test_unfiltered_and_outlet_facets_read_the_kept_counts(client, archive):
    """Proof the pages read the counts, not the archive: a count changed behind the
    triggers' back shows on the page (and `rebuild_archive_counts` puts it right)."""
    from articles.models import OutletMonthCount, PersonOutletCount

    outlet, person = archive["outlets"][0], archive["people"][0]
    OutletMonthCount.objects.filter(outlet_id=outlet.pk).update(articles=1000)
    PersonOutletCount.objects.filter(person_id=person.pk).update(articles=500)
    facets = {f.name: f for f in client.get(URL).context["facets"]}
    outlets = {v.value: v.count for v in facets["outlet"].values}
    people = {v.value: v.count for v in facets["person"].values}
    months = [v.count for v in facets["month"].values]
    assert outlets[outlet.slug] % 1000 == 0 and outlets[outlet.slug] >= 1000
    assert people[person.slug] % 500 == 0 and people[person.slug] >= 500
    assert max(months) >= 1000
    with_outlet = {f.name: f for f in client.get(URL, {"outlet": outlet.slug}).context["facets"]}
    assert {v.value: v.count for v in with_outlet["person"].values}[person.slug] == 500


def test_filtered_facets_past_the_budget_say_counts_were_skipped(client, archive, settings):
    settings.FACET_TIME_BUDGET_MS = 0  # spent before the first count
    person = archive["people"][0]
    response = client.get(URL, {"person": person.slug, "q": "harbour"})
    assert response.status_code == 200
    facets = {f.name: f for f in response.context["facets"]}
    assert all(f.skipped for f in facets.values())
    # the chosen person stays, so it can be removed; no counts are shown
    assert [v.value for v in facets["person"].values] == [person.slug]
    html = response.content.decode()
    assert html.count("Counts skipped — narrow the filters.") == 3
    assert response.context["page"].object_list is not None
    # the kept counts still answer the unfiltered and outlet views whatever the budget
    plain = client.get(URL, {"outlet": archive["outlets"][0].slug})
    assert not any(f.skipped for f in plain.context["facets"])
    assert "Counts skipped" not in plain.content.decode()


def test_facets_that_cannot_finish_in_time_are_skipped_without_counting(
    client, archive, monkeypatch
):
    """With the whole budget left, no facet count starts over more rows than the database
    reads in that time (here: as if it read none a millisecond): the rows the page counted
    say so, or on PostgreSQL the planner's estimate when the page did not count them."""
    from articles import query_budget

    monkeypatch.setattr(query_budget, "ROWS_PER_MS", 0)
    person = archive["people"][0]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"person": person.slug, "q": "harbour"})
    facets = {f.name: f for f in response.context["facets"]}
    assert all(f.skipped for f in facets.values())
    assert not any("statement_timeout" in q["sql"] for q in queries.captured_queries)
    assert "Counts skipped — narrow the filters." in response.content.decode()
    # Rows nobody counted: PostgreSQL's estimate weighs them; SQLite keeps none, so its
    # counts start and are stopped by the clock.
    from articles.models import Article

    deadline = query_budget.deadline_in(50)
    assert query_budget.surely_over(Article.objects.all(), deadline, rows=5)
    estimated = query_budget.surely_over(Article.objects.all(), deadline)
    assert estimated == (connection.vendor == "postgresql")


@pytest.mark.django_db(transaction=True)
def test_a_slow_count_is_stopped_at_the_deadline_not_waited_for():
    import time

    from django.db import connection

    from articles import query_budget

    slow = (
        "SELECT pg_sleep(5)"
        if connection.vendor == "postgresql"
        else "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1e9) "
        "SELECT COUNT(*) FROM c"
    )
    started = time.monotonic()
    with pytest.raises(query_budget.OverBudget):  # noqa: SIM117
        with query_budget.within(connection, query_budget.deadline_in(100)):
            with connection.cursor() as cursor:
                cursor.execute(slow)
    assert time.monotonic() - started < 2
    with connection.cursor() as cursor:  # the connection is usable, unbounded again
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
        if connection.vendor == "postgresql":
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone() == ("0",)
