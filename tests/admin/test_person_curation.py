"""Curators merge people, add aliases and mark names as not a person; relink applies it."""

from __future__ import annotations

from io import StringIO

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, IgnoredName, Mention, Person, Quote
from tests.importing.conftest import IMPORT_DUMPS


def _second_bridge_article(tmp_path, name: str):
    text = (IMPORT_DUMPS / "valley_bridge.txt").read_text(encoding="utf-8")
    text = text.replace("bridge-vote", "bridge-vote-follow-up").replace(
        "Mayor Ben Okafor", f"Mayor {name}"
    )
    path = tmp_path / "follow_up.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _relink() -> str:
    out = StringIO()
    call_command("relink_people", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_merging_people_in_the_admin_moves_quotes_and_mentions(staff_client, courier, tmp_path):
    call_command("import_articles", str(IMPORT_DUMPS / "valley_bridge.txt"), stdout=StringIO())
    call_command(
        "import_articles",
        str(_second_bridge_article(tmp_path, "Benjamin Okafor")),
        stdout=StringIO(),
    )
    ben = Person.objects.get(name="Ben Okafor")
    benjamin = Person.objects.get(name="Benjamin Okafor")
    url = reverse("admin:articles_person_changelist")
    selection = {ACTION_CHECKBOX_NAME: [ben.pk, benjamin.pk], "action": "merge_people"}

    confirm_page = staff_client.post(url, selection)
    assert "Choose the person to keep" in confirm_page.content.decode()
    done = staff_client.post(url, {**selection, "keep": ben.pk, "confirm": "Merge"})

    assert done.status_code == 302
    assert not Person.objects.filter(pk=benjamin.pk).exists()
    ben.refresh_from_db()
    assert ben.aliases == ["Benjamin Okafor"]
    assert Mention.objects.filter(person=ben).count() == 2
    assert Quote.objects.filter(speaker=ben).count() == 4


def test_an_alias_added_in_the_admin_is_applied_by_relink_people(staff_client, courier, tmp_path):
    call_command("import_articles", str(IMPORT_DUMPS / "valley_bridge.txt"), stdout=StringIO())
    call_command(
        "import_articles", str(_second_bridge_article(tmp_path, "B. Okafor")), stdout=StringIO()
    )
    follow_up = Article.objects.get(url__endswith="follow-up")
    ben = Person.objects.get(name="Ben Okafor")
    change = reverse("admin:articles_person_change", args=[ben.pk])
    response = staff_client.post(
        change, {"name": "Ben Okafor", "slug": ben.slug, "aliases": "B. Okafor\nMayor Okafor"}
    )
    assert response.status_code == 302
    assert Person.objects.get(pk=ben.pk).aliases == ["B. Okafor", "Mayor Okafor"]

    first = _relink()
    second = _relink()

    assert Mention.objects.filter(article=follow_up, person=ben).exists()
    assert "2 articles checked" in first
    assert second.strip() == "2 articles checked: 0 relinked, 2 unchanged."


def test_a_name_marked_not_a_person_is_unlinked_and_stays_out(staff_client, courier, tmp_path):
    call_command(
        "import_articles",
        str(IMPORT_DUMPS / "courier_market.txt"),
        "--outlet",
        "Valley Courier",
        stdout=StringIO(),
    )
    rosa = Person.objects.get(name="Rosa Lind")
    staff_client.post(
        reverse("admin:articles_person_changelist"),
        {ACTION_CHECKBOX_NAME: [rosa.pk], "action": "mark_not_a_person"},
    )

    assert IgnoredName.objects.filter(name="Rosa Lind").exists()
    assert not Person.objects.filter(name="Rosa Lind").exists()
    assert Quote.objects.get().speaker is None
    _relink()
    assert not Person.objects.filter(name="Rosa Lind").exists()
    assert Quote.objects.get().speaker is None
