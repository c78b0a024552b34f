"""Layout and quote scanning stay linear on pages shaped to make them quadratic (issue 11)."""

from __future__ import annotations

from tests.fuzz.guard import timed_extract
from tests.fuzz.test_hostile_inputs import SUITE_BUDGET as BUDGET


def test_a_page_of_thousands_of_distinct_paragraphs_parses_in_time() -> None:
    # 8.3 s before (pull quotes searched the whole article, repeats found in a list)
    paragraphs = [
        f"Paragraph {n} tells of the harbour board meeting number {n} and what it decided."
        for n in range(9000)
    ]
    record, seconds = timed_extract("Harbour diary\n\n" + "\n\n".join(paragraphs))
    assert record is not None
    assert seconds < BUDGET, f"took {seconds:.2f} s"


def test_a_long_sentence_of_capitalised_words_with_names_parses_in_time() -> None:
    # 5-8 s before at 65-140 KB: every name looked back over the whole sentence
    run = " ".join(["Harbour Board Minister Kelby Quay Tomas Weir"] * 2500)
    text = (
        f"Ferry row\n\nBy Ada Finch\n\nMr Tomas Weir met {run} on Monday, and "
        "“we will reopen the slip before the winter storms,” he said.\n"
    )
    record, seconds = timed_extract(text)
    assert seconds < BUDGET, f"took {seconds:.2f} s"
