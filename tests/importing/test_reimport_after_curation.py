"""A changed dump re-imported after each kind of curator edit leaves the edit in place (#12).

Every edit is made through the admin, as a curator makes it; then the page changes
("nine to four" becomes "ten to three") and is imported again.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from articles.models import Article, Mention, Outlet, Person, Quote
from comments.models import Comment
from tests.admin.browser_form import press_save


@pytest.fixture
def bridge(run_import, scratch, courier):
    """The Valley Courier bridge story, imported; `bridge.reimport()` imports it changed."""
    page = scratch / "valley_bridge.txt"
    assert run_import(str(page)).exit_code == 0

    class Bridge:
        path = page
        article = Article.objects.get()
        change_url = reverse("admin:articles_article_change", args=[article.pk])

        def edit(self, old: str, new: str) -> None:
            text = page.read_text(encoding="utf-8")
            assert old in text
            page.write_text(text.replace(old, new), encoding="utf-8")

        def reimport(self) -> Article:
            self.edit("nine to four", "ten to three")
            run = run_import(str(page))
            assert "0 new, 1 updated" in run.out, run.out + run.err
            return Article.objects.get(pk=self.article.pk)

    return Bridge()


def _follow_up(run_import, scratch, name: str) -> Article:
    text = (scratch / "valley_bridge.txt").read_text(encoding="utf-8")
    path = scratch / "follow_up.txt"
    path.write_text(
        text.replace("bridge-vote", "bridge-vote-follow-up").replace("Mayor Ben Okafor", name),
        encoding="utf-8",
    )
    assert run_import(str(path)).exit_code == 0
    return Article.objects.get(url__endswith="follow-up")


def _reimport_follow_up(run_import, scratch) -> None:
    path = scratch / "follow_up.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("nine to four", "ten to three"), encoding="utf-8"
    )
    assert "1 updated" in run_import(str(path)).out


def _action(staff_client, changelist: str, action: str, ids: list[int], **extra) -> None:
    response = staff_client.post(
        reverse(changelist), {ACTION_CHECKBOX_NAME: ids, "action": action, **extra}
    )
    assert response.status_code == 302


def test_a_title_fix_survives_a_reimport(staff_client, bridge):
    press_save(staff_client, bridge.change_url, title="Council approves Alder river bridge")

    article = bridge.reimport()

    assert article.title == "Council approves Alder river bridge"
    assert "ten to three" in article.standfirst
    assert article.curated_fields == ["title"]


def test_a_body_edit_survives_a_reimport(staff_client, bridge):
    press_save(staff_client, bridge.change_url, body="A curator's body.\n\nIn two paragraphs.")

    article = bridge.reimport()

    assert article.paragraphs == ["A curator's body.", "In two paragraphs."]
    assert "ten to three" in article.standfirst


def test_authors_and_tags_edits_survive_a_reimport(staff_client, bridge):
    press_save(staff_client, bridge.change_url, authors="Nadia Ferreira\nOmar Vale", tags="Bridge")

    article = bridge.reimport()

    assert article.authors == ["Nadia Ferreira", "Omar Vale"]
    assert article.tags == ["Bridge"]


def test_a_date_fix_survives_a_reimport(staff_client, bridge):
    press_save(staff_client, bridge.change_url, published_0="2016-11-15", published_1="10:00:00")

    article = bridge.reimport()

    assert article.published == datetime(2016, 11, 15, 10, 0, tzinfo=UTC)


def test_a_quote_speaker_fix_survives_a_reimport(staff_client, bridge):
    quote = bridge.article.quotes.get(position=0)
    stone = Person.objects.get(name="Amelia Stone")
    press_save(
        staff_client, reverse("admin:articles_quote_change", args=[quote.pk]), speaker=str(stone.pk)
    )

    article = bridge.reimport()

    assert article.quotes.get(pk=quote.pk).speaker == stone
    assert article.quotes.count() == 3


def test_a_merge_survives_a_reimport(staff_client, run_import, scratch, bridge):
    _follow_up(run_import, scratch, "Mayor Benjamin Okafor")
    ben, benjamin = (
        Person.objects.get(name="Ben Okafor"),
        Person.objects.get(name="Benjamin Okafor"),
    )
    _action(
        staff_client,
        "admin:articles_person_changelist",
        "merge_people",
        [ben.pk, benjamin.pk],
        keep=ben.pk,
        confirm="Merge",
    )

    _reimport_follow_up(run_import, scratch)
    bridge.reimport()

    assert list(Person.objects.filter(name__contains="Okafor").values_list("name", flat=True)) == [
        "Ben Okafor"
    ]
    assert Mention.objects.filter(person__name="Ben Okafor").count() == 2


def test_an_alias_survives_a_reimport(staff_client, run_import, scratch, bridge):
    ben = Person.objects.get(name="Ben Okafor")
    press_save(
        staff_client,
        reverse("admin:articles_person_change", args=[ben.pk]),
        aliases="Benjamin Okafor",
    )

    follow_up = _follow_up(run_import, scratch, "Mayor Benjamin Okafor")
    bridge.reimport()

    ben.refresh_from_db()
    assert (ben.name, ben.aliases) == ("Ben Okafor", ["Benjamin Okafor"])
    assert Mention.objects.filter(article=follow_up, person=ben).exists()


def test_a_curators_name_for_a_person_survives_a_reimport(
    staff_client, run_import, scratch, bridge
):
    ben = Person.objects.get(name="Ben Okafor")
    press_save(
        staff_client, reverse("admin:articles_person_change", args=[ben.pk]), name="Ben A. Okafor"
    )

    follow_up = _follow_up(run_import, scratch, "Mayor Ben Adebayo Okafor")
    bridge.reimport()

    assert Person.objects.get(pk=ben.pk).name == "Ben A. Okafor"
    assert Mention.objects.filter(article=follow_up, person=ben).exists()


def test_not_a_person_survives_a_reimport(staff_client, bridge):
    stone = Person.objects.get(name="Amelia Stone")
    _action(staff_client, "admin:articles_person_changelist", "mark_not_a_person", [stone.pk])

    article = bridge.reimport()

    assert not Person.objects.filter(name__contains="Stone").exists()
    assert not Quote.objects.filter(article=article, speaker__name__contains="Stone").exists()


def test_hiding_a_comment_survives_a_reimport(staff_client, bridge):
    priya = Comment.objects.get(author="Priya Raman")
    _action(staff_client, "admin:comments_comment_changelist", "hide_comments", [priya.pk])
    bridge.edit("Stone is right", "Stone is quite right")

    article = bridge.reimport()

    assert list(article.comments.filter(author="Priya Raman").values_list("pk", "hidden")) == [
        (priya.pk, True)
    ]
    assert article.comment_count == 2


def test_showing_a_hidden_comment_survives_a_reimport(staff_client, bridge):
    priya = Comment.objects.get(author="Priya Raman")
    _action(staff_client, "admin:comments_comment_changelist", "hide_comments", [priya.pk])
    _action(staff_client, "admin:comments_comment_changelist", "show_comments", [priya.pk])

    article = bridge.reimport()

    assert article.comments.get(pk=priya.pk).hidden is False
    assert article.comment_count == 3


def test_an_outlet_edit_survives_a_reimport(staff_client, bridge):
    outlet = bridge.article.outlet
    press_save(
        staff_client,
        reverse("admin:articles_outlet_change", args=[outlet.pk]),
        time_zone="America/Chicago",
    )

    article = bridge.reimport()

    assert article.outlet_id == outlet.pk
    assert Outlet.objects.get(pk=outlet.pk).time_zone == "America/Chicago"


def test_releasing_curated_fields_lets_the_next_import_update_them(staff_client, bridge):
    press_save(staff_client, bridge.change_url, title="Council approves Alder river bridge")
    _action(
        staff_client, "admin:articles_article_changelist", "forget_curation", [bridge.article.pk]
    )

    article = bridge.reimport()

    assert article.curated_fields == []
    assert article.title == "Council backs new river bridge after heated debate"
