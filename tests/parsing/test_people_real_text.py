"""People on real news text (issue 10), in our own words with fictional people."""

from __future__ import annotations

from articles.parsing.people import find_people


def _names(*paragraphs: str) -> list[str]:
    return [p.name for p in find_people("", list(paragraphs))]


def test_people_named_once_in_full_are_found() -> None:
    assert _names("Helen Holt met Peter Lund in Kelby on Tuesday to discuss the ferry.") == [
        "Helen Holt",
        "Peter Lund",
    ]


def test_a_given_name_after_a_place_preposition_is_no_evidence() -> None:
    assert _names("We drove to Alice Springs and back before dinner.") == []


def test_a_title_fused_to_an_institution_does_not_hide_the_name() -> None:
    text = "Deputy Leader of Kelby City Council Peter Lund said the slip would reopen in May."
    assert _names(text) == ["Peter Lund"]


def test_a_short_capitalised_rank_before_a_name_is_evidence() -> None:
    text = "The police spokesman, DSP Ama Oduya, gave the advice on Thursday."
    assert _names(text) == ["Ama Oduya"]


def test_the_state_as_a_common_noun_does_not_make_a_surname() -> None:
    assert (
        _names(
            "The Kelby State Police Command says no raid is planned.",
            "This was to let people enjoy the night life provided by the State.",
        )
        == []
    )


def test_one_person_spelt_two_ways_in_one_article_is_one_person() -> None:
    names = _names(
        "Abdou Darwel, who was reached by telephone, told reporters the town was held.",
        "The remarks by Abou Darwel were the first made by the group.",
    )
    assert names == ["Abdou Darwel"]


def test_transcript_speaker_labels_name_people_in_either_case() -> None:
    names = _names(
        "Tonight, the ferry board on the slip closure.",
        "MIRA COLE, HOST, HARBOUR HOUR: Good evening and welcome.",
        "Tomas Weir: Thanks for having me on tonight.",
    )
    assert names == ["Mira Cole", "Tomas Weir"]


def test_page_labels_with_a_colon_are_not_speakers() -> None:
    assert (
        _names("Tonight on the radio.", "Next Up:", "SERVICE ALERT: Our transmitter is down.") == []
    )


def test_a_month_word_after_a_title_is_a_given_name_and_chief_is_a_title() -> None:
    assert _names("Gov. Jan Orme finally gave her endorsement this morning.") == ["Jan Orme"]
    assert _names("After the releases, Chief Dorsey approached the mayor.") == ["Dorsey"]


def test_a_headline_closing_on_its_speaker_after_a_dash_names_a_person() -> None:
    names = [
        p.name
        for p in find_people("Hard times but no crisis – Boateng-Ofori", ["The president spoke."])
    ]
    assert names == ["Boateng-Ofori"]


def test_a_department_after_a_title_is_not_part_of_the_name() -> None:
    text = "Among them were Minister of Education Amara Oduya and Secretary of State Tom Reyes."
    assert _names(text) == ["Amara Oduya", "Tom Reyes"]


def test_an_appositive_opened_by_now_is_evidence() -> None:
    assert _names("The trio included Mangold Ferris, now a senior member of the party.") == [
        "Mangold Ferris"
    ]


# -- surnames that are also words, lone surnames in headings, authors in the story ---------


def test_a_surname_that_is_a_common_word_after_a_given_name_with_a_title() -> None:
    assert _names("Harbour Chief Nora Best said the slip stays shut.") == ["Nora Best"]


def test_a_surname_that_is_a_party_word_used_alone_as_a_subject_elsewhere() -> None:
    assert _names(
        "The latest poll: Peter Tory leads with 36 per cent, Lund trails.",
        "Tory is still comfortably ahead in the west of the town.",
    ) == ["Peter Tory"]


def test_a_given_name_before_a_place_word_is_no_person() -> None:
    assert _names("We met at Victoria Church and walked to Grace Hall for tea.") == []
    assert _names("The Green Party met in Kelby. Its new logo was unveiled.") == []


def test_a_given_name_that_is_also_an_institution_word_after_a_role() -> None:
    assert _names("Criminal defence lawyer Bill Ostrander is critical of the plan.") == [
        "Bill Ostrander"
    ]
    assert _names("The Bill Ostrander Trust passed the bill on Monday.") == []


def test_a_title_case_headline_names_only_people_a_title_introduces() -> None:
    title = "Reply To: Harbour Mayor Nora Best Just Resigned Over Ferry Row"
    assert [p.name for p in find_people(title, [])] == ["Nora Best"]
    assert [p.name for p in find_people("Kelby Ferry Opens New Harbour Route", [])] == []


def test_a_lone_surname_in_a_sentence_case_heading_is_a_person() -> None:
    body = [
        "Ferry fares will rise in spring, the council said on Monday.",
        "Secret polls led Brannock to quit",
    ]
    assert [p.name for p in find_people("Fares up again", body)] == ["Brannock"]


def test_a_lone_capitalised_word_used_as_a_place_elsewhere_is_no_person() -> None:
    body = [
        "Storms led Westerby to close its harbour, officials in Westerby said on Monday.",
        "Floods hit Westerby again",
    ]
    assert [p.name for p in find_people("Harbour shut", body)] == []


def test_a_family_named_by_its_plural_is_no_person() -> None:
    assert [p.name for p in find_people("Minister accused of informing Brannockas", [])] == []
