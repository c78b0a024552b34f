"""The person picker in Chromium at phone width, keyboard only (#14): type part of a name,
arrow to a suggestion, Enter picks it, Enter again applies; the list is filtered.

Screenshots land in test-artifacts/screenshots/picker-*.png.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests import factories
from tests.browser.conftest import VIEWPORTS


@pytest.fixture
def archive(transactional_db, harbour_article, gazette, courier, amelia, ben, clara):
    """The cast plus 40 people named alike, so suggestions have something to choose from,
    and 18 months of Ben's articles for the phone chart."""
    for i in range(40):
        factories.make_person(f"Bernard Example {i:02d}")
    start = datetime(2015, 6, 3, 9, tzinfo=UTC)
    for i in range(18):
        article = factories.make_article(
            f"Mayor Okafor on the ferry, part {i + 1}",
            outlet=courier if i % 2 else gazette,
            published=start + timedelta(days=31 * i),
            people={ben: 1 + i % 3},
        )
        factories.make_quote(article, f"The ferry comes first, time {i + 1}", ben)
    return harbour_article


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def _tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until `selector` has focus, opening a closed filter panel on the way."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        if page.evaluate("document.activeElement.tagName") == "SUMMARY" and not page.evaluate(
            "document.activeElement.parentElement.open"
        ):
            page.keyboard.press("Enter")
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_at_phone_width_type_pick_a_suggestion_and_see_the_list(
    live_server, phone, archive, screenshot_dir
):
    page = phone
    page.goto(live_server.url + "/")
    _tab_to(page, "#id_person")
    page.keyboard.type("okaf", delay=40)
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    assert page.get_attribute("#id_person", "aria-expanded") == "true"
    page.screenshot(path=str(screenshot_dir / "picker-suggestions-phone.png"), full_page=False)

    page.keyboard.press("ArrowDown")
    active = page.get_attribute("#id_person", "aria-activedescendant")
    assert page.locator(f"#{active}").inner_text().startswith("Ben Okafor")
    page.keyboard.press("Enter")  # picks; does not submit
    assert page.url.rstrip("/") == live_server.url
    assert page.locator("input[name=person][value=ben-okafor]").is_checked()
    assert page.evaluate("document.activeElement.id") == "id_person"
    page.screenshot(path=str(screenshot_dir / "picker-picked-phone.png"), full_page=False)

    page.keyboard.press("Enter")  # empty field, no suggestion open: submits the form
    page.wait_for_url("**person=ben-okafor**")
    titles = page.locator(".card__title").all_inner_texts()
    assert len(titles) == 19 and all("Okafor" in t or "harbour" in t for t in titles[:25])
    assert "Person: Ben Okafor" in page.locator(".active-filters").inner_text()
    # nothing scrolls sideways at 390 px
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    page.screenshot(path=str(screenshot_dir / "picker-filtered-phone.png"), full_page=True)


def test_arrowing_through_a_drop_down_never_reloads_the_page(live_server, phone, archive):
    page = phone
    page.goto(live_server.url + "/")
    _tab_to(page, "#id_outlet")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(500)
    assert page.url.rstrip("/") == live_server.url  # no submit on change (#14, item 4)
    assert page.evaluate("document.activeElement.id") == "id_outlet"


def test_phone_person_page_chart_fits_and_shows_the_latest_month(
    live_server, phone, archive, screenshot_dir
):
    page = phone
    page.goto(live_server.url + "/people/ben-okafor/")
    narrow = page.locator(".chart-frame--narrow svg")
    assert narrow.is_visible()
    assert not page.locator(".chart-frame--wide").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    labels = narrow.locator(".chart-months text").all_text_contents()
    assert labels and labels[-1].endswith("2016")  # the latest months are in view
    page.locator("#person-activity").screenshot(
        path=str(screenshot_dir / "picker-person-chart-phone.png")
    )


def test_people_index_and_show_all_pages_at_phone_width(
    live_server, phone, archive, screenshot_dir
):
    page = phone
    page.goto(live_server.url + "/people/?q=bern&sort=name")
    assert page.locator(".index-table tbody tr").count() == 40
    page.screenshot(path=str(screenshot_dir / "picker-people-index-phone.png"), full_page=False)
    page.goto(live_server.url + "/facets/person/")
    assert page.locator(".facet-columns li").count() == 2  # Ben and Amelia have articles
    page.screenshot(path=str(screenshot_dir / "picker-all-people-phone.png"), full_page=False)


def test_desktop_facets_group_months_by_year_and_count_what_they_list(
    live_server, desktop, archive, screenshot_dir
):
    page = desktop
    page.goto(live_server.url + "/?person=ben-okafor&person=amelia-stone")
    assert "Any of the 2 people" in page.locator("#match-note").inner_text()
    years = page.locator(".facet__year summary").all_inner_texts()
    assert [y.split()[0] for y in years] == ["2016", "2015"]
    page.screenshot(path=str(screenshot_dir / "picker-facets-desktop.png"), full_page=True)
    # follow one month: the page lists exactly the facet's count
    link = page.locator(".facet__year a").first
    count = int(link.locator(".facet__count").text_content().split()[0])
    link.click()
    page.wait_for_url("**month=**")
    assert page.locator(".card").count() == count
