"""The counts the facets and outlet pages read are kept right by every write (#13).

After imports, re-imports and each curator write (merges, "not a person", hiding
comments, an article moved to another outlet or month, deletes, statements writing
several rows at once) the kept tables equal a fresh count of the archive:
`archive_counts.differences()` is empty. Runs on SQLite and PostgreSQL (their triggers
differ: AFTER vs BEFORE row triggers).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles import archive_counts
from articles.models import Article, Mention, OutletMonthCount, PersonOutletCount, Quote
from articles.services import person_mark_not_a_person, person_merge
from comments.models import Comment
from comments.services import comment_set_hidden
from tests import factories
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db


def _month(outlet, month: str) -> tuple[int, int]:
    row = OutletMonthCount.objects.filter(outlet_id=outlet.pk, month=month).first()
    return (row.articles, row.comments) if row else (0, 0)


def _pair(person, outlet) -> int:
    row = PersonOutletCount.objects.filter(person_id=person.pk, outlet_id=outlet.pk).first()
    return row.articles if row else 0


def _now() -> str:
    return timezone.now().strftime("%Y-%m")


def test_a_new_article_counts_in_its_outlet_and_month(harbour_article, gazette, amelia, ben):
    assert _month(gazette, "2016-11") == (1, 0)
    assert _month(gazette, _now()) == (0, 2)  # posted now; the spammer's is hidden
    assert _pair(amelia, gazette) == 1  # mentioned and quoted: one article
    assert _pair(ben, gazette) == 1
    assert archive_counts.differences() == []


def test_comments_count_in_the_month_they_were_posted(gazette):
    article = factories.make_article(outlet=gazette, published=datetime(2016, 11, 30, tzinfo=UTC))
    factories.make_comment(article, "late", posted=datetime(2016, 12, 2, tzinfo=UTC))
    factories.make_comment(article, "undated", posted=None)
    assert _month(gazette, "2016-11") == (1, 0)
    assert _month(gazette, "2016-12") == (0, 1)
    assert _month(gazette, "") == (0, 1)
    assert archive_counts.differences() == []


def test_import_and_reimport_keep_counts(tmp_path):
    call_command("import_articles", str(FIXTURES / "dumps" / "import"), stdout=io.StringIO())
    assert PersonOutletCount.objects.exists()
    assert archive_counts.differences() == []
    call_command("import_articles", str(FIXTURES / "dumps" / "import"), stdout=io.StringIO())
    assert archive_counts.differences() == []


def test_hiding_and_showing_comments_moves_the_counts(harbour_article, gazette):
    comment_set_hidden(comments=harbour_article.comments.filter(hidden=False), hidden=True)
    assert _month(gazette, _now())[1] == 0
    comment_set_hidden(comments=harbour_article.comments.all(), hidden=False)
    assert _month(gazette, _now())[1] == 3
    assert archive_counts.differences() == []


def test_article_moved_to_another_outlet_and_month(harbour_article, gazette, courier, amelia):
    harbour_article.outlet = courier
    harbour_article.published = datetime(2017, 2, 1, tzinfo=UTC)
    harbour_article.save()
    assert _month(gazette, "2016-11") == (0, 0)
    assert _month(courier, "2017-02")[0] == 1
    assert _pair(amelia, gazette) == 0
    assert _pair(amelia, courier) == 1
    assert archive_counts.differences() == []


def test_merge_counts_an_article_once(gazette, amelia, ben, clara):
    both = factories.make_article("Both", outlet=gazette, people={amelia: 1, ben: 1})
    factories.make_quote(both, "one", ben)
    factories.make_quote(both, "two", ben)
    only_ben = factories.make_article("Ben only", outlet=gazette)
    factories.make_quote(only_ben, "three", ben)
    factories.make_quote(only_ben, "four", ben)
    assert _pair(ben, gazette) == 2
    person_merge(keep=amelia, absorb=ben)
    assert _pair(amelia, gazette) == 2
    assert _pair(ben, gazette) == 0
    assert archive_counts.differences() == []
    person_mark_not_a_person(person=amelia)
    assert _pair(amelia, gazette) == 0
    assert archive_counts.differences() == []


def test_statements_writing_several_rows_count_each_pair_once(gazette, amelia, ben):
    article = factories.make_article("Many quotes", outlet=gazette)
    Quote.objects.bulk_create(
        [Quote(article=article, text=f"q{i}", speaker=amelia, position=i) for i in range(3)]
    )
    assert _pair(amelia, gazette) == 1
    Quote.objects.filter(article=article).update(speaker=ben)
    assert (_pair(amelia, gazette), _pair(ben, gazette)) == (0, 1)
    Mention.objects.bulk_create([Mention(article=article, person=ben, count=1)])
    Quote.objects.filter(article=article).delete()
    assert _pair(ben, gazette) == 1  # still mentioned
    Mention.objects.filter(article=article).delete()
    assert _pair(ben, gazette) == 0
    assert archive_counts.differences() == []


def test_deleting_articles_and_comments(harbour_article, gazette, amelia):
    Comment.objects.filter(article=harbour_article, author="Dana").delete()
    assert archive_counts.differences() == []
    Article.objects.filter(pk=harbour_article.pk).delete()
    assert _month(gazette, "2016-11") == (0, 0)
    assert _pair(amelia, gazette) == 0
    assert archive_counts.differences() == []


def test_rebuild_command_recounts(harbour_article, gazette):
    OutletMonthCount.objects.all().delete()
    assert archive_counts.differences() != []
    call_command("rebuild_archive_counts", stdout=io.StringIO())
    assert archive_counts.differences() == []
    assert _month(gazette, "2016-11")[0] == 1


def test_list_totals_come_from_the_kept_counts_when_they_know_them(
    client, archive, gazette, courier
):
    """The article and comment lists' counts under outlet (and, for articles, month)
    filters are the kept counts: right after writes, and read without a COUNT(*)."""
    from django.urls import reverse

    articles, comments = reverse("articles:article_list"), reverse("comments:comment_list")
    cases = [
        (articles, {}, Article.objects.count()),
        (articles, {"outlet": "valley-courier"}, Article.objects.filter(outlet=courier).count()),
        (
            articles,
            {"outlet": "harbour-gazette", "month": "2016-11"},
            Article.objects.filter(
                outlet=gazette, published__year=2016, published__month=11
            ).count(),
        ),
        (comments, {}, Comment.objects.filter(hidden=False).count()),
        (
            comments,
            {"outlet": "harbour-gazette"},
            Comment.objects.filter(hidden=False, article__outlet=gazette).count(),
        ),
    ]
    for url, params, expected in cases:
        assert client.get(url, params).context["page"].paginator.count == expected, params
    OutletMonthCount.objects.filter(outlet_id=courier.pk).update(articles=100, comments=200)
    assert client.get(articles, {"outlet": "valley-courier"}).context["page"].count >= 100
    assert client.get(comments, {"outlet": "valley-courier"}).context["page"].count >= 200
    # a filter the kept counts do not know is counted as before
    people = client.get(articles, {"outlet": "valley-courier", "q": "ferry"})
    assert people.context["page"].count < 100


def test_one_persons_list_total_is_the_kept_count(client, harbour_article, gazette, courier, clara):
    """`?person=x` (in outlets): the person's articles per outlet, kept by the triggers."""
    from django.urls import reverse

    url = reverse("articles:article_list")
    quoted = factories.make_article("Quoted only", outlet=courier)
    factories.make_quote(quoted, "Rates will rise", clara)
    factories.make_article("Mentioned and quoted", outlet=gazette, people={clara: 2})
    factories.make_quote(Article.objects.get(title="Mentioned and quoted"), "No.", clara)
    listed = client.get(url, {"person": clara.slug}).context["page"]
    assert listed.count == len(listed.object_list) == 2  # an article doing both counts once
    in_courier = client.get(url, {"person": clara.slug, "outlet": courier.slug})
    assert in_courier.context["page"].count == 1
    PersonOutletCount.objects.filter(person_id=clara.pk, outlet_id=courier.pk).update(articles=40)
    assert client.get(url, {"person": clara.slug}).context["page"].count == 41  # read, not counted


def test_person_page_total_is_the_kept_count(client, harbour_article, courier, clara):
    article = factories.make_article("Quoted only", outlet=courier)
    factories.make_quote(article, "Rates will rise", clara)
    factories.make_article("Mentioned", outlet=courier, people={clara: 2})
    page = client.get(clara.get_absolute_url())
    assert page.context["article_total"] == 2
    PersonOutletCount.objects.filter(person_id=clara.pk).update(articles=40)
    assert client.get(clara.get_absolute_url()).context["article_total"] == 40


def _named(person, outlet) -> tuple[int, int]:
    row = PersonOutletCount.objects.filter(person_id=person.pk, outlet_id=outlet.pk).first()
    return (row.mentions, row.quotes) if row else (0, 0)


def _outlet_quotes(outlet) -> int:
    return sum(r.quotes for r in OutletMonthCount.objects.filter(outlet_id=outlet.pk))


def test_times_named_and_quotes_follow_every_write(harbour_article, gazette, courier, amelia, ben):
    """Mentions (`Mention.count` summed) and quotes per person and outlet, and each outlet's
    quotes (`Article.quote_count`), through a count change, a new speaker, a moved article,
    a curator's quote total and deletes."""
    named = _named(amelia, gazette)
    article = factories.make_article("Named", outlet=gazette, people={amelia: 3})
    factories.make_quote(article, "said once", amelia)
    assert _named(amelia, gazette) == (named[0] + 3, named[1] + 1)

    Mention.objects.filter(article=article, person=amelia).update(count=5)
    assert _named(amelia, gazette)[0] == named[0] + 5
    Quote.objects.filter(article=article).update(speaker=ben)
    assert _named(amelia, gazette)[1] == named[1]
    assert _named(ben, gazette)[1] >= 1

    Article.objects.filter(pk=article.pk).update(quote_count=7)
    before = _outlet_quotes(courier)
    article.refresh_from_db()
    article.outlet = courier
    article.save()
    assert _outlet_quotes(courier) == before + 7
    assert _named(amelia, courier) == (5, 0)
    assert archive_counts.differences() == []

    Article.objects.filter(pk=article.pk).delete()
    assert _named(amelia, courier) == (0, 0)
    assert _outlet_quotes(courier) == before
    assert archive_counts.differences() == []


def test_people_and_outlet_indexes_show_the_archives_own_totals(client, archive, courier):
    """The indexes read the kept counts: each total equals a count of the archive, in each
    sort the people index offers."""
    from django.db.models import Count, Sum

    from articles.models import Outlet, Person

    extra = factories.make_article("More", outlet=courier, people={Person.objects.first(): 4})
    factories.make_quote(extra, "again", Person.objects.first())
    mentions = dict(Person.objects.annotate(n=Sum("mentions__count")).values_list("slug", "n"))
    quotes = dict(Person.objects.annotate(n=Count("quotes")).values_list("slug", "n"))
    live = {slug: (mentions[slug] or 0, quotes[slug]) for slug in mentions}
    for sort in ("articles", "mentions", "quotes", "name"):
        rows = client.get("/people/", {"sort": sort}).context["page"]
        assert {p.slug: (p.mention_total, p.quote_total) for p in rows} == live
    outlets = {o.slug: o for o in client.get("/outlets/").context["page"]}
    for outlet in Outlet.objects.all():
        articles = Article.objects.filter(outlet=outlet)
        shown = outlets.get(outlet.slug)
        if shown is None:
            assert not articles.exists()
            continue
        assert shown.article_total == articles.count()
        assert shown.quote_total == sum(a.quote_count for a in articles)
