"""The article page: local times, highlighted quotes, people, comment threads, slugs."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from articles.display import (
    QuoteMark,
    comment_threads,
    highlighted_body,
    local_datetime,
    plural_count,
    time_element,
)
from tests import factories


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response, response.content.decode()


def test_article_page_shows_title_outlet_link_authors_and_tags(client, harbour_article):
    _, html = page(client, harbour_article)
    assert '<h1 id="article-title">Stone backs harbour plan</h1>' in html
    assert 'href="/outlets/harbour-gazette/"' in html
    assert "Rosa Lind" in html
    assert '<li class="tag">Harbour</li>' in html


def test_dates_are_in_the_outlets_zone_with_utc_on_hover(client, courier):
    article = factories.make_article(
        "Courier story", outlet=courier, published=datetime(2016, 11, 14, 9, 30, tzinfo=UTC)
    )
    _, html = page(client, article)
    assert (
        '<time datetime="2016-11-14T09:30:00+00:00" title="14 Nov 2016, 09:30 UTC">'
        "14 Nov 2016, 04:30 EST</time>"
    ) in html


def test_quote_in_the_body_is_highlighted_and_links_to_the_speaker(client, harbour_article):
    _, html = page(client, harbour_article)
    assert (
        '&quot;<mark class="quote"><a href="/people/amelia-stone/" title="Quote by Amelia Stone">'
        "This harbour will carry the region,</a></mark>&quot; Stone said."
    ) in html
    assert 'id="quote-0"' in html


def test_people_mentioned_show_as_chips_with_counts(client, harbour_article):
    _, html = page(client, harbour_article)
    assert (
        'href="/people/amelia-stone/">Amelia Stone <span class="chip__count" title="mentions">×2'
        in html
    )
    assert 'href="/people/ben-okafor/">Ben Okafor' in html


def test_reply_is_nested_under_the_comment_it_answers(client, harbour_article):
    response, html = page(client, harbour_article)
    dana, eli = response.context["threads"][0], response.context["threads"][0].replies[0]
    assert (dana.comment.author, eli.comment.author) == ("Dana", "Eli")
    dana_at = html.index('id="comment-0"')
    replies_at = html.index('aria-label="Replies to Dana"')
    eli_at = html.index('id="comment-1"')
    assert dana_at < replies_at < eli_at
    assert 'href="#comment-1"' in html  # permalink


def test_hidden_comment_is_never_shown(client, harbour_article):
    response, html = page(client, harbour_article)
    assert "BUY CHEAP WATCHES" not in html
    assert "Spammer" not in html
    assert 'Reader comments <span class="badge">2</span>' in html


def test_reply_to_a_hidden_comment_is_shown_at_top_level_with_a_note(client, harbour_article):
    # Decision (issue 6): the reply stays readable, attached at the top level and marked
    # "Reply to a comment hidden by moderators"; the hidden text never appears.
    spam = harbour_article.comments.get(hidden=True)
    factories.make_comment(harbour_article, "Do not click that.", author="Fay", reply_to=spam)
    response, html = page(client, harbour_article)
    roots = [n.comment.author for n in response.context["threads"]]
    assert roots == ["Dana", "Fay"]
    assert "Reply to a comment hidden by moderators." in html
    assert "BUY CHEAP WATCHES" not in html


def test_anonymous_comment_says_anonymous(client, harbour_article):
    factories.make_comment(harbour_article, "No name given.", author=None)
    _, html = page(client, harbour_article)
    assert 'class="comment__author is-anonymous">Anonymous</span>' in html


@pytest.mark.parametrize(
    "field", ["title", "comment", "quote", "author", "tag", "standfirst", "body"]
)
def test_imported_markup_is_shown_escaped(client, gazette, amelia, field):
    evil = "<script>alert(1)</script>"
    article = factories.make_article(
        evil if field == "title" else "Plain",
        outlet=gazette,
        body=f"He said {evil} loudly." if field in ("body", "quote") else "Body.",
        standfirst=evil if field == "standfirst" else "",
        tags=[evil] if field == "tag" else [],
        authors=[evil] if field == "author" else [],
    )
    if field == "quote":
        factories.make_quote(article, evil, amelia, paragraph=0)
    if field == "comment":
        factories.make_comment(article, evil, author=evil)
    for url in (article.get_absolute_url(), reverse("articles:article_list")):
        html = client.get(url).content.decode()
        assert evil not in html
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;"
        in client.get(article.get_absolute_url()).content.decode()
    )


def test_wrong_slug_redirects_to_the_canonical_url(client, harbour_article):
    response = client.get(f"/articles/{harbour_article.pk}/old-headline/")
    assert response.status_code == 301
    assert response["Location"] == f"/articles/{harbour_article.pk}/stone-backs-harbour-plan/"
    short = client.get(f"/articles/{harbour_article.pk}/")
    assert short.status_code == 301


def test_unknown_article_is_404(client, db):
    assert client.get("/articles/999999/anything/").status_code == 404


def test_detail_queries_do_not_grow_with_comments(
    client, gazette, amelia, ben, django_assert_max_num_queries
):
    article = factories.make_article(
        "Busy thread", outlet=gazette, people={amelia: 3, ben: 1}, body="A.\n\nB."
    )
    factories.make_quote(article, "A.", amelia, paragraph=0)
    parent = factories.make_comment(article, "First")
    with django_assert_max_num_queries(5):
        page(client, article)
    for i in range(100):
        parent = factories.make_comment(article, f"Reply {i}", reply_to=parent if i % 3 else None)
    # article, mentions, quotes, the comments' outline, one page of comments
    with django_assert_max_num_queries(5):
        response, _ = page(client, article)
    assert response.context["comments"].total == 101


# --- the formatting helpers behind the page (no database) ---


def test_local_datetime_uses_the_zone_and_its_abbreviation():
    moment = datetime(2016, 7, 1, 12, 0, tzinfo=UTC)
    assert local_datetime(moment, "Europe/London") == "1 Jul 2016, 13:00 BST"
    assert local_datetime(moment, "Asia/Karachi") == "1 Jul 2016, 17:00 PKT"


def test_missing_date_says_undated():
    assert "undated" in time_element(None, "UTC")


@pytest.mark.parametrize(
    ("count", "noun", "text"),
    [(1, "quote", "1 quote"), (0, "comment", "0 comments"), (3, "reply,replies", "3 replies")],
)
def test_plural_count(count, noun, text):
    assert plural_count(count, noun) == text


def _mark(text, paragraph=None, url="/people/a/"):
    return QuoteMark(text=text, paragraph=paragraph, speaker="A", url=url)


@pytest.mark.parametrize(
    ("paragraphs", "quote", "expected"),
    [
        # quote in its recorded paragraph
        (["Intro.", '"We build," she said.'], _mark("We build,", 1), 1),
        # paragraph unknown: found anywhere
        (["Intro.", "She said we build ports."], _mark("we build ports"), 1),
        # the recorded paragraph is wrong: still found elsewhere
        (["She said: we build ports.", "Other."], _mark("we build ports", 1), 0),
        # closing punctuation dropped in the page
        (["Intro", "She said we build ports"], _mark("we build ports."), 1),
    ],
)
def test_quote_is_found_in_the_right_paragraph(paragraphs, quote, expected):
    html = highlighted_body(paragraphs, [quote])
    assert '<mark class="quote">' in html[expected]
    assert all("<mark" not in p for i, p in enumerate(html) if i != expected)


def test_quote_over_two_paragraphs_is_marked_in_both():
    paragraphs = ['"We will build.', 'And we will finish," she said.']
    html = highlighted_body(paragraphs, [_mark("We will build.\n\nAnd we will finish,", 0)])
    assert all("<mark" in p for p in html)


def test_unattributed_quote_is_marked_without_a_link():
    html = highlighted_body(["They said no way."], [_mark("no way", url=None)])
    assert html[0] == 'They said <mark class="quote" title="Unattributed quote">no way</mark>.'


def test_quote_that_is_not_in_the_body_changes_nothing():
    assert highlighted_body(["A & B."], [_mark("missing words")]) == ["A &amp; B."]


def test_overlapping_quotes_mark_the_first_only():
    html = highlighted_body(
        ["one two three four"], [_mark("one two three"), _mark("two three four")]
    )
    assert html[0].count("<mark") == 1


def _c(pk, position, reply_to=None):
    return SimpleNamespace(pk=pk, position=position, reply_to_id=reply_to)


def test_threads_nest_replies_in_page_order():
    roots = comment_threads([_c(1, 0), _c(2, 1, 1), _c(3, 2), _c(4, 3, 2), _c(5, 4, 1)])
    assert [n.comment.pk for n in roots] == [1, 3]
    assert [n.comment.pk for n in roots[0].replies] == [2, 5]
    assert [n.comment.pk for n in roots[0].replies[0].replies] == [4]


def test_deep_threads_continue_flat_and_name_the_parent():
    chain = [_c(i, i, i - 1 if i else None) for i in range(10)]
    roots = comment_threads(chain, max_depth=4)
    level3 = roots[0].replies[0].replies[0]
    assert [n.comment.pk for n in level3.replies] == [3, 4, 5, 6, 7, 8, 9]
    assert not level3.replies[0].show_parent and level3.replies[1].show_parent


def test_reply_cycle_in_bad_data_still_shows_every_comment():
    roots = comment_threads([_c(1, 0, 2), _c(2, 1, 1)])
    shown = [n.comment.pk for r in roots for n in [r, *r.descendants()]]
    assert sorted(shown) == [1, 2]


def test_a_standfirst_that_opens_the_body_is_shown_once(client, gazette):
    from tests import factories

    article = factories.make_article(
        "Ferry fares frozen",
        outlet=gazette,
        standfirst="Fares will not rise this winter.",
        body="Fares will not rise this winter.\n\nThe operator confirmed the freeze on Monday.",
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count("Fares will not rise this winter.") == 1
    assert "The operator confirmed the freeze on Monday." in page
