"""Long comment threads come a page at a time, threads kept whole (#11)."""

from __future__ import annotations

from django.utils import timezone

from articles.comment_pages import COMMENTS_PER_PAGE, comment_page, plan_pages, thread_of
from comments.models import Comment
from tests import factories

# --- planning pages (no database) ---


def test_a_reply_goes_to_its_threads_page_wherever_it_sits():
    outline = [(1, 0, None), (2, 1, None), (3, 2, 1), (4, 3, None), (5, 4, 2)]
    assert plan_pages(outline, per_page=2) == [[1, 3], [2, 5], [4]]


def test_threads_are_not_split_to_fill_a_page():
    outline = [(1, 0, None), (2, 1, 1), (3, 2, 1), (4, 3, None)]
    assert plan_pages(outline, per_page=2) == [[1, 2, 3], [4]]


def test_a_thread_too_long_for_any_page_gets_pages_of_its_own():
    outline = [(0, 0, None)] + [(n, n, 0) for n in range(1, 7)] + [(7, 7, None)]
    assert plan_pages(outline, per_page=3, max_thread=4) == [[0, 1, 2], [3, 4, 5], [6], [7]]


def test_a_reply_to_a_hidden_comment_starts_its_own_thread_and_cycles_end():
    # 9 is hidden (not in the outline); 5 and 6 answer each other (bad data).
    outline = [(1, 0, 9), (5, 1, 6), (6, 2, 5)]
    top = thread_of(outline)
    assert top[1] == 1
    assert top[5] == top[6]


def test_no_comments_is_one_empty_page():
    assert plan_pages([]) == []


# --- the article page ---


def _busy_article(gazette, threads: int, replies: int):
    """`threads` top-level comments, each answered `replies` times, the replies posted
    after all the top-level ones (so a thread's rows are far apart in page order)."""
    article = factories.make_article("Busy harbour", outlet=gazette, body="Text.")
    now = timezone.now()
    roots = Comment.objects.bulk_create(
        Comment(article=article, author=f"Root {n}", text=f"Top {n}", position=n, posted=now)
        for n in range(threads)
    )
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author=f"Replier {n}",
            text=f"Answer {n} to top {n % threads}",
            position=threads + n,
            reply_to=roots[n % threads],
            posted=now,
        )
        for n in range(threads * replies)
    )
    total = threads * (1 + replies)
    type(article).objects.filter(pk=article.pk).update(comment_count=total)
    return article


def test_a_long_thread_list_shows_one_page_with_links_to_the_rest(
    client, gazette, django_assert_max_num_queries
):
    article = _busy_article(gazette, threads=500, replies=3)  # 2,000 comments

    with django_assert_max_num_queries(5):
        first = client.get(article.get_absolute_url())
    with django_assert_max_num_queries(5):
        later = client.get(article.get_absolute_url(), {"comments": "7"})

    html = first.content.decode()
    shown = first.context["comments"]
    # Whole threads of four fill a page of up to 50: twelve threads, 48 comments.
    per_page = COMMENTS_PER_PAGE // 4 * 4
    assert shown.total == 2000 and shown.num_pages == -(-2000 // per_page)
    assert sum(1 + len(n.replies) for n in shown.threads) == per_page
    # Each thread whole: top comment 0 with its three replies, though they sit far below.
    assert [r.comment.text for r in shown.threads[0].replies] == [
        "Answer 0 to top 0",
        "Answer 500 to top 0",
        "Answer 1000 to top 0",
    ]
    assert 'href="?comments=2#comments"' in html
    assert "Top 20" not in html
    assert later.context["comments"].number == 7
    assert "Top 72" in later.content.decode()
    assert len(html) < 200_000


def test_junk_or_out_of_range_comment_pages_are_clamped(client, gazette):
    article = _busy_article(gazette, threads=60, replies=0)
    assert (
        client.get(article.get_absolute_url(), {"comments": "abc"}).context["comments"].number == 1
    )
    last = client.get(article.get_absolute_url(), {"comments": "99999"})
    assert last.status_code == 200
    assert last.context["comments"].number == last.context["comments"].num_pages == 2


def test_a_split_thread_says_where_it_continues_from(gazette, db):
    article = _busy_article(gazette, threads=1, replies=250)

    second = comment_page(article.pk, "2")

    assert second.num_pages == 6
    first_reply = second.threads[0]
    assert first_reply.continues_from == (1, 0)
    assert not first_reply.orphaned


def test_the_continuation_note_links_to_the_earlier_page(client, gazette):
    article = _busy_article(gazette, threads=1, replies=250)
    html = client.get(article.get_absolute_url(), {"comments": "2"}).content.decode()
    assert 'Continues a thread from <a href="?comments=1#comment-0">comments page 1</a>' in html


def test_the_comment_list_and_export_of_a_huge_thread_stay_bounded(
    client, gazette, django_assert_max_num_queries
):
    _busy_article(gazette, threads=500, replies=3)

    with django_assert_max_num_queries(5):
        listing = client.get("/comments/")
    with django_assert_max_num_queries(2):
        export = client.get("/export/comments.csv")
        assert export.streaming  # rows go out as they are read, never built in memory
        lines = b"".join(export.streaming_content).decode().splitlines()

    assert len(listing.context["page"].object_list) == 25
    assert len(lines) == 1 + 2000
