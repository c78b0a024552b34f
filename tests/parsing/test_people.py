"""Finding the people an article names (articles/parsing/people.py). Fictional cast."""

from __future__ import annotations

import pytest

from articles.parsing.people import MentionFinder, find_people


def _names(title: str, body: list[str], **kwargs: object) -> list[str]:
    return [p.name for p in find_people(title, body, **kwargs)]  # type: ignore[arg-type]


def _counts(title: str, body: list[str], **kwargs: object) -> dict[str, int]:
    return {p.name: p.mentions for p in find_people(title, body, **kwargs)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Mayor Tilda Brannock opened the bridge on Monday.",
        "Prime Minister Tilda Brannock opened the bridge.",
        "Former mayor Tilda Brannock opened the bridge.",
        "TRANSPORT Secretary Tilda Brannock opened the bridge.",
        "Tilda Brannock said the bridge was finished.",
        "Tilda Brannock, 58, opened the bridge.",
        "The bridge was opened by Tilda Brannock, who chairs the trust.",
        "“It is finished,” said Tilda Brannock.",
    ],
)
def test_a_full_name_with_any_cue_is_a_person(paragraph: str) -> None:
    assert _names("Bridge opens", [paragraph]) == ["Tilda Brannock"]


@pytest.mark.parametrize(
    "later",
    [
        "Mrs Brannock cut the ribbon.",
        "Brannock's speech was short.",
        "Brannock’s speech was short.",
        "Ms Brannock said little.",
        "The crowd cheered when Brannock arrived.",
        "TILDA BRANNOCK waved.",
        'The plaque reads "T. Brannock".',
    ],
)
def test_every_form_of_a_name_counts_for_one_person(later: str) -> None:
    counts = _counts("Bridge opens", ["Mayor Tilda Brannock opened the bridge.", later])
    assert counts == {"Tilda Brannock": 2}


def test_title_mentions_are_counted_with_the_body() -> None:
    counts = _counts(
        "Brannock opens bridge", ["Mayor Tilda Brannock opened it.", "Mrs Brannock smiled."]
    )
    assert counts == {"Tilda Brannock": 3}


def test_a_surname_only_person_keeps_the_surname_as_name() -> None:
    assert _names("Row", ["Mr Okonkwo said the plan was late.", "Okonkwo left early."]) == [
        "Okonkwo"
    ]


def test_a_surname_without_a_cue_is_not_a_person() -> None:
    assert _names("Row", ["Okonkwo said the plan was late."]) == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "The Harwick Trust said the harbour at Port Elsmere would close.",
        "Talks between the European Union and Norway ended on Friday in Brussels.",
        "Shares in Castor Metals fell after the Daily Lantern reported the loss.",
        "Last December the White House and Downing Street issued statements.",
        "Reuters said the Calder Valley Council had met in May.",
        "Earlier analysts had predicted a slowdown. Nobody believed it.",
        "Russian and American officials met at the United Nations on Tuesday.",
        "The Social Democrats said the Labour Party had lost its way.",
    ],
)
def test_places_organisations_outlets_and_calendar_words_are_not_people(paragraph: str) -> None:
    assert _names("Talks end", [paragraph]) == []


def test_namesakes_sharing_a_surname_stay_two_people() -> None:
    body = [
        "Chairman Victor Hale said the search had begun.",
        "His son, Mark Hale, the assistant coach, will take charge.",
        "Hale said the team was ready.",
    ]
    assert _names("Club news", body) == ["Victor Hale", "Mark Hale"]


def test_honorific_gender_picks_between_namesakes() -> None:
    body = [
        "Board chair Rukhsana Baig said the rise was needed. Mrs Baig spoke for an hour.",
        "Her deputy, Kamran Baig, told reporters the accounts would be published.",
        "Mrs Baig said the board had consulted residents.",
    ]
    assert _counts("Tariff", body) == {"Rukhsana Baig": 3, "Kamran Baig": 1}


def test_authors_and_curator_marked_names_are_excluded() -> None:
    body = ["Columnist Ruth Ember met Mayor Tilda Brannock and Senator Ivo Lark."]
    assert _names("Meeting", body, exclude=("RUTH EMBER",), not_people=("Ivo Lark",)) == [
        "Tilda Brannock"
    ]


def test_aliases_map_a_curated_form_to_the_canonical_name() -> None:
    body = ["Mayor Tilda Brannock opened it.", "The plaque reads T-Bran, her nickname."]
    people = find_people("Bridge", body, aliases={"T-Bran": "Tilda Brannock"})
    assert [(p.name, p.mentions) for p in people] == [("Tilda Brannock", 2)]


def test_initial_plus_surname_and_middle_names_merge_with_the_full_name() -> None:
    body = [
        "Senator Ivo Marek Lark spoke first.",
        "Ivo Lark then left; I. Lark signed the motion.",
    ]
    assert _counts("Senate", body) == {"Ivo Marek Lark": 3}


def test_particle_surnames_are_kept_whole() -> None:
    body = [
        "EU commissioner Pieter van Damme rejected that account.",
        "Van Damme added that talks would resume.",
    ]
    assert _counts("Talks", body) == {"Pieter van Damme": 2}


def test_a_shouted_headline_does_not_invent_people() -> None:
    assert _names(
        "DEAL DONE? Mayor Tilda Brannock says yes to harbour plan", ["The deal is done."]
    ) == ["Tilda Brannock"]


def test_a_title_case_headline_only_counts_people_found_in_the_body() -> None:
    counts = _counts(
        "Brannock Opens Grand Harbour Bridge", ["Mayor Tilda Brannock opened the bridge."]
    )
    assert counts == {"Tilda Brannock": 2}


def test_mention_finder_reports_possessives_and_honorifics() -> None:
    finder = MentionFinder(["Tilda Brannock"])
    [mention] = finder.find("It was Mrs Brannock's idea.")
    assert (mention.name, mention.possessive, mention.honorific) == ("Tilda Brannock", True, "mrs")


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Conservator Helena Pryce, who led the work, cleaned the ceiling.", "Helena Pryce"),
        ("Curator Beatrix Allard said the looms would run. Allard smiled.", "Beatrix Allard"),
        ("Lifeguard Sonia Petrakis said the swim raised £6,000.", "Sonia Petrakis"),
        ("Harbour Master Agnes Whitlow said the ferry was full.", "Agnes Whitlow"),
        ("Keeper Stan Fenn said the trees were safe. The keeper was 71.", "Stan Fenn"),
    ],
)
def test_a_descriptor_opening_a_sentence_is_not_part_of_the_name(
    paragraph: str, expected: str
) -> None:
    assert _names("Story", [paragraph]) == [expected]


def test_a_word_that_also_opens_a_name_mid_sentence_stays_a_given_name() -> None:
    body = [
        "Mary Ellen Tate said the tours would go on.",
        "The tours are popular, said Mary Ellen Tate, who runs the taproom.",
    ]
    assert _names("Tours", body) == ["Mary Ellen Tate"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "When the harbour master, Agnes Whitlow, announced the change she spoke briefly.",
        "The ferry's operator, Agnes Whitlow, announced the change.",
        "The change was announced by its new director, Agnes Whitlow.",
    ],
)
def test_a_name_set_off_by_commas_after_a_role_noun_is_a_person(paragraph: str) -> None:
    assert _names("Ferry", [paragraph]) == ["Agnes Whitlow"]


def test_a_name_after_a_comma_and_an_ordinary_noun_is_not_a_person() -> None:
    assert _names("Walk", ["We walked along the river, Kestrel Bay, and back."]) == []


@pytest.mark.parametrize(
    ("paragraph", "gender"),
    [
        ("Her husband, Peter Marsh, spoke first.", "m"),
        ("Her husband, Councillor Peter Marsh, spoke first.", "m"),
        ("His wife Linda Marsh spoke first.", "f"),
        ("Peter Marsh spoke first.", None),
    ],
)
def test_a_describing_noun_gives_the_gender_of_a_name(paragraph: str, gender: str | None) -> None:
    (mention,) = MentionFinder(["Peter Marsh", "Linda Marsh"][: 1 if gender != "f" else 2]).find(
        paragraph
    )
    assert mention.gender == gender


def test_a_shared_surname_nothing_settles_is_marked_ambiguous() -> None:
    finder = MentionFinder(["Linda Marsh", "Peter Marsh"])
    finder.find("Linda Marsh and Peter Marsh spoke.")
    (mention,) = finder.find("Marsh said the plan was dropped.")
    assert mention.ambiguous


def test_a_shared_surname_named_once_so_far_is_not_ambiguous() -> None:
    finder = MentionFinder(["Rukhsana Baig", "Kamran Baig"])
    finder.find("Board chair Rukhsana Baig spoke.")
    (mention,) = finder.find("Mrs Baig said the rise was needed.")
    assert (mention.name, mention.ambiguous) == ("Rukhsana Baig", False)
