"""Every curator write is recorded with who and when, and shown on the object (#12)."""

from __future__ import annotations

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from articles.models import IgnoredName
from tests import factories
from tests.admin.browser_form import press_save


def _history_on(staff_client, url: str) -> str:
    page = staff_client.get(url).content.decode()
    assert "Curator history" in page
    return page[page.index("Curator history") :]


def test_a_title_fix_is_shown_on_the_article(staff_client, harbour_article):
    url = reverse("admin:articles_article_change", args=[harbour_article.pk])
    press_save(staff_client, url, title="Stone backs the harbour plan")

    history = _history_on(staff_client, url)

    assert "curator" in history and "Changed Title" in history


def test_a_merge_is_recorded_on_the_kept_person(staff_client, ben, harbour_article):
    benjamin = factories.make_person("Benjamin Okafor")
    staff_client.post(
        reverse("admin:articles_person_changelist"),
        {
            ACTION_CHECKBOX_NAME: [ben.pk, benjamin.pk],
            "action": "merge_people",
            "keep": ben.pk,
            "confirm": "Merge",
        },
    )

    history = _history_on(staff_client, reverse("admin:articles_person_change", args=[ben.pk]))

    assert "curator" in history and "Merged Benjamin Okafor (benjamin-okafor)" in history


def test_an_alias_is_recorded_on_the_person(staff_client, amelia):
    url = reverse("admin:articles_person_change", args=[amelia.pk])
    press_save(staff_client, url, aliases="A. Stone")

    assert "Changed Aliases" in _history_on(staff_client, url)


def test_hiding_a_comment_is_recorded_on_the_comment_and_its_article(staff_client, harbour_article):
    dana = harbour_article.comments.get(author="Dana")
    staff_client.post(
        reverse("admin:comments_comment_changelist"),
        {ACTION_CHECKBOX_NAME: [dana.pk], "action": "hide_comments"},
    )

    on_comment = _history_on(staff_client, reverse("admin:comments_comment_change", args=[dana.pk]))
    on_article = _history_on(
        staff_client, reverse("admin:articles_article_change", args=[harbour_article.pk])
    )

    assert "curator" in on_comment and "Hidden" in on_comment
    assert "Hid comment #0 by Dana" in on_article


def test_marking_not_a_person_is_recorded_on_the_ignored_name(staff_client, amelia):
    staff_client.post(
        reverse("admin:articles_person_changelist"),
        {ACTION_CHECKBOX_NAME: [amelia.pk], "action": "mark_not_a_person"},
    )
    ignored = IgnoredName.objects.get(name="Amelia Stone")

    history = _history_on(
        staff_client, reverse("admin:articles_ignoredname_change", args=[ignored.pk])
    )

    assert "curator" in history and "Marked not a person" in history
    assert LogEntry.objects.filter(object_id=str(ignored.pk)).exists()
