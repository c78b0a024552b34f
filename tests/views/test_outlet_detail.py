"""The outlet page: its articles, most mentioned people, comment volume, charts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests import factories


def outlet_url(outlet) -> str:
    return reverse("articles:outlet_detail", args=[outlet.slug])


def test_unknown_outlet_slug_is_not_found(client, db):
    assert client.get("/outlets/no-such-paper/").status_code == 404


def test_outlet_page_lists_only_its_articles_newest_first(
    client, harbour_article, gazette, courier
):
    newer = factories.make_article(
        "Ferry returns", outlet=gazette, published=datetime(2017, 1, 5, tzinfo=UTC)
    )
    factories.make_article("Elsewhere", outlet=courier)
    response = client.get(outlet_url(gazette))
    assert response.status_code == 200
    assert list(response.context["page"]) == [newer, harbour_article]
    assert "Elsewhere" not in response.content.decode()


def test_most_mentioned_people_are_ranked_by_articles(
    client, harbour_article, gazette, courier, amelia, ben, clara
):
    factories.make_article("Second", outlet=gazette, people={ben: 1})
    factories.make_article("Third", outlet=gazette, people={ben: 4, clara: 1})
    factories.make_article("Not counted", outlet=courier, people={clara: 1, amelia: 1})
    top = client.get(outlet_url(gazette)).context["top_people"]
    assert [(p.name, p.article_total) for p in top] == [
        ("Ben Okafor", 3),
        ("Amelia Stone", 1),
        ("Clara Stone", 1),
    ]


def test_comment_volume_counts_only_visible_comments(client, harbour_article, gazette):
    response = client.get(outlet_url(gazette))
    assert response.context["comment_total"] == 2
    chart = response.context["comments_chart"]
    assert chart.totals == (2,)
    assert 'href="/comments/?outlet=harbour-gazette"' in response.content.decode()


def test_articles_chart_counts_articles_per_month(client, harbour_article, gazette):
    factories.make_article("December", outlet=gazette, published=datetime(2016, 12, 3, tzinfo=UTC))
    factories.make_article(
        "Also December", outlet=gazette, published=datetime(2016, 12, 9, tzinfo=UTC)
    )
    response = client.get(outlet_url(gazette))
    chart = response.context["articles_chart"]
    assert [(r.month, r.values) for r in chart.rows] == [("Nov 2016", (1,)), ("Dec 2016", (2,))]
    body = response.content.decode()
    assert 'role="img"' in body
    assert '<desc id="outlet-articles-desc">' in body


def test_an_outlet_without_articles_shows_empty_charts_not_an_error(client, courier):
    response = client.get(outlet_url(courier))
    assert response.status_code == 200
    assert "Nothing dated to chart yet." in response.content.decode()


@pytest.mark.parametrize("page", ["999999", "zero", "-1"])
def test_silly_page_numbers_show_a_real_page(client, harbour_article, gazette, page):
    response = client.get(outlet_url(gazette), {"page": page})
    assert response.status_code == 200
    assert len(response.context["page"]) == 1


def test_titles_and_names_are_escaped(client, gazette):
    villain = factories.make_person("<b>Bold</b> Person", slug="bold-person")
    factories.make_article("<script>alert('t')</script>", outlet=gazette, people={villain: 1})
    body = client.get(outlet_url(gazette)).content.decode()
    assert "<script>alert" not in body
    assert "<b>Bold</b>" not in body


@pytest.mark.parametrize("n", [3, 30])
def test_queries_do_not_grow_with_articles_people_or_comments(
    client, gazette, n, django_assert_max_num_queries
):
    people = [factories.make_person(f"Person {i}") for i in range(n)]
    for i in range(n):
        article = factories.make_article(
            f"Story {i}",
            outlet=gazette,
            published=datetime(2016 + i // 12, 1 + i % 12, 1, tzinfo=UTC),
            people={people[i]: 1, people[0]: 1},
        )
        factories.make_comment(article, f"Comment {i}")
    # outlet, its kept counts (totals and both charts), top people, the page of articles
    with django_assert_max_num_queries(4):
        response = client.get(outlet_url(gazette))
    assert len(response.context["page"]) == min(n, 25)


def test_totals_charts_and_people_come_from_the_kept_counts(client, harbour_article, gazette):
    """#13: the page reads `articles.archive_counts`, not the archive (a count changed
    behind the triggers' back shows)."""
    from articles.models import OutletMonthCount, PersonOutletCount

    OutletMonthCount.objects.filter(outlet_id=gazette.pk, month="2016-11").update(articles=7)
    PersonOutletCount.objects.filter(outlet_id=gazette.pk).update(articles=9)
    response = client.get(outlet_url(gazette))
    assert response.context["page"].paginator.count == 7
    assert [(r.month, r.values) for r in response.context["articles_chart"].rows] == [
        ("Nov 2016", (7,))
    ]
    assert {p.article_total for p in response.context["top_people"]} == {9}


def test_people_quoted_but_not_mentioned_count_too(client, gazette, clara):
    article = factories.make_article("Quoted only", outlet=gazette)
    factories.make_quote(article, "Rates will rise", clara)
    top = client.get(outlet_url(gazette)).context["top_people"]
    assert [(p.name, p.article_total) for p in top] == [("Clara Stone", 1)]


def test_charts_follow_the_site_time_zone_when_it_is_not_utc(client, gazette, settings):
    settings.TIME_ZONE = "America/New_York"
    # 1 Dec 2016 02:00 UTC is still November in New York
    factories.make_article("Late", outlet=gazette, published=datetime(2016, 12, 1, 2, tzinfo=UTC))
    response = client.get(outlet_url(gazette))
    assert [(r.month, r.values) for r in response.context["articles_chart"].rows] == [
        ("Nov 2016", (1,))
    ]
    assert response.context["page"].paginator.count == 1
