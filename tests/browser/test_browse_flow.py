"""End to end in Chromium: filter the articles, read a thread, visit a speaker, export CSV.

Data comes from the factories (a small fictional archive), never from the seeds.
Screenshots of each page at phone and desktop widths land in test-artifacts/screenshots/.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests import factories
from tests.browser.conftest import VIEWPORTS


@pytest.fixture
def archive(transactional_db, harbour_article, gazette, courier, amelia, ben, clara):
    """The conftest cast plus a dozen fictional stories over three months and two outlets."""
    start = datetime(2016, 10, 3, 7, 15, tzinfo=UTC)
    topics = ["ferry timetable", "school budget", "bridge repairs", "market hall", "tram line"]
    for i in range(12):
        outlet = gazette if i % 2 else courier
        people = {amelia: 1 + i % 3} if i % 3 else {ben: 1, clara: 2}
        topic = topics[i % len(topics)]
        article = factories.make_article(
            f"Council weighs {topic} plan, part {i + 1}",
            outlet=outlet,
            published=start + timedelta(days=7 * i, hours=i),
            people=people,
            authors=["Rosa Lind", "Tom Hale"][: 1 + i % 2],
            standfirst=f"Councillors met on Tuesday to discuss the {topic}, "
            "with a decision expected before the end of the month.",
            body=f"The {topic} has divided the town.\n\n"
            f'"We cannot wait another year for the {topic}," Ben Okafor said.',
        )
        factories.make_quote(
            article, f"We cannot wait another year for the {topic},", ben, paragraph=1
        )
        for j in range(i % 4):
            factories.make_comment(
                article, f"Reader view number {j} on the {topic}.", author=f"Reader {j}"
            )
    # a deeper thread: replies beyond the fourth level continue flat; an anonymous reader
    parent = harbour_article.comments.get(author="Eli")
    for n, who in enumerate(["Gus", None, "Hana", "Ivo", "Jun"]):
        parent = factories.make_comment(
            harbour_article,
            f"Point {n + 1} in a long back-and-forth about the harbour budget and its timetable.",
            author=who,
            reply_to=parent,
        )
    return harbour_article


def _shoot(chromium, url: str, name: str, folder) -> None:
    for label, size in VIEWPORTS.items():
        context = chromium.new_context(viewport=size)
        page = context.new_page()
        page.goto(url)
        page.screenshot(path=str(folder / f"{name}-{label}.png"), full_page=True)
        context.close()


def test_reader_filters_opens_article_reads_reply_visits_speaker_and_exports(
    live_server, desktop, archive, screenshot_dir
):
    page = desktop
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Articles"

    # the person picker suggests as you type (#14); nothing submits until the button
    page.locator("#id_person").press_sequentially("Amel")
    page.get_by_role("option", name="Amelia Stone").click()
    page.select_option("#id_outlet", "harbour-gazette")
    page.fill("#id_published_from", "2016-11-01")
    page.fill("#id_published_to", "2016-11-30")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**published_to=2016-11-30**")
    assert "person=amelia-stone" in page.url and "outlet=harbour-gazette" in page.url
    active = page.locator(".active-filters").inner_text()
    assert "Amelia Stone" in active and "Harbour Gazette" in active
    titles = page.locator(".card__title").all_inner_texts()
    assert "Stone backs harbour plan" in titles
    assert all("Courier" not in t for t in titles)
    list_url = page.url

    page.get_by_role("link", name="Stone backs harbour plan").click()
    page.wait_for_url("**/articles/**")
    reply = page.locator("#comment-0 .thread--replies #comment-1")
    assert "agreed, long overdue" in reply.inner_text()
    assert "BUY CHEAP WATCHES" not in page.content()
    article_url = page.url

    page.locator("mark.quote a").first.click()
    page.wait_for_url("**/people/amelia-stone/")
    assert "Amelia Stone" in page.locator("h1").inner_text()
    person_url = page.url

    page.goto(list_url)
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV", exact=True).click()
    csv_text = Path(info.value.path()).read_text(encoding="utf-8")
    assert "Stone backs harbour plan" in csv_text
    assert "Valley Courier" not in csv_text

    for url, name in [
        (live_server.url + "/", "articles"),
        (list_url, "articles-filtered"),
        (article_url, "article"),
        (person_url, "person"),
        (
            live_server.url
            + "/?"
            + urlencode({"person": "clara-stone", "outlet": "harbour-gazette", "month": "2016-11"}),
            "no-results",
        ),
        (live_server.url + "/?published_from=2016-02-31&person=ghost", "bad-query"),
    ]:
        _shoot(page.context.browser, url, name, screenshot_dir)


def test_filters_work_without_javascript(live_server, chromium, archive):
    context = chromium.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    # rendered open, so usable without JS; the phone layout stacks it above the results
    assert page.locator("details.disclosure").get_attribute("open") is not None
    # without JavaScript the person field is a search: a name that fits one person picks them
    page.fill("#id_person", "Ben Okafor")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**person=ben-okafor**")
    assert page.locator(".card").count() > 0
    page.locator(".pagination a[rel=next]").click() if page.locator(".pagination").count() else None
    context.close()


def test_phone_starts_with_filters_collapsed_and_keyboard_can_skip_to_content(
    live_server, chromium, archive
):
    context = chromium.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.locator("details.disclosure").get_attribute("open") is None
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()
