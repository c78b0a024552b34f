"""Generators of hostile dump pages, one per input shape of issue 11 (no Django, stdlib only).

Each generator takes a target size in bytes and returns a whole dump page (URL, headline,
byline, date, body) of about that size, so `extract_text` sees it the way an import would.
Used by the regression tests in this folder and by `bench/parse_per_kb.py`.

>>> len(SHAPES["many_quotes"](10_000).encode()) // 1000
10
"""

from __future__ import annotations

from collections.abc import Callable

_HEAD = (
    "https://www.harbour-gazette.example/news/2017/03/16/hostile-page\n\n"
    "Harbour board votes on the new ferry timetable\n\n"
    "By Jane Doe\n\n"
    "Published 16 March 2017\n\n"
    "Harbour master Agnes Whitlow said the board had met on Thursday to settle the winter "
    "timetable, after months of complaints from islanders who cannot get home from work.\n\n"
)


def _repeat(unit: str, size: int, *, head: str = _HEAD, sep: str = "", tail: str = "") -> str:
    """`head` + `unit` repeated (joined by `sep`) until the page is about `size` bytes.

    `{i}` in `unit` becomes the repeat's number, so repeats are not duplicates (a page
    repeating one line is furniture, and a repeated quote is a pull quote).
    """
    out, used = [head], len(head.encode()) + len(tail.encode())
    i = 0
    while used < size or i == 0:
        piece = (sep if i else "") + unit.replace("{i}", str(i))
        out.append(piece)
        used += len(piece.encode())
        i += 1
    out.append(tail)
    return "".join(out)


def pronoun_paragraph(size: int) -> str:
    """One long paragraph of pronoun-attributed quotes (issue 11: 76 KB took 22 s)."""
    unit = (
        'Mr Peter Marsh spoke on Monday. "We will keep ferry {i} running all winter long," '
        'he said. She said "the timetable {i} is not good enough for the island." '
    )
    return _repeat(unit, size)


def dots_in_quote(size: int) -> str:
    """A run of dots glued to a word in a quote paragraph (issue 11: 16 KB took 4.5 s)."""
    head = _HEAD + "Agnes Whitlow spoke"
    tail = 'x "The crossing was cancelled again and nobody told us why," she said.\n'
    return head + "." * max(1, size - len(head) - len(tail)) + tail


def one_sentence_quotes(size: int) -> str:
    """Many quotes in one paragraph with no sentence end: every lookup scans to the end."""
    unit = 'Marsh told them "we will keep ferry {i} running all winter long" and '
    return _repeat(unit, size, tail="that was all.\n")


def many_people(size: int) -> str:
    """Thousands of different people, each named once with a cue (people merging)."""
    names = [(a + b).capitalize() for a in _SYLLABLES for b in _SYLLABLES]
    units = [
        f"Mr {names[i // len(names) % len(names)]} {names[i % len(names)]}"
        f"{names[i // len(names) % len(names)].lower()}son said it was fine."
        for i in range(size // 30 + 1)
    ]
    return _fill(units, size, " ")


def capitalised_run(size: int) -> str:
    """One run of capitalised words thousands long, then a speech verb."""
    words = [(a + b).capitalize() for a in _SYLLABLES for b in _SYLLABLES]
    units = [words[i % len(words)] for i in range(size // 6 + 1)]
    return _fill(units, size, " ") + "said it.\n"


def bracket_run(size: int) -> str:
    """Names each preceded by a long run of brackets and quote marks."""
    return _repeat("(((((“((((((((‘((((( Marsh ", size)


def short_key_quotes(size: int) -> str:
    """Many quotes of five 'words' with one or two alphanumeric tokens (dedupe worst case)."""
    unit = '"- - - a{i} b{i}" Marsh said.'
    return _repeat(unit, size, sep="\n\n")


def many_quotes(size: int) -> str:
    """Thousands of short quote paragraphs (issue 11: 3,200 quotes took 11 s)."""
    units = [
        f'"The ferry number {i} will sail again on time next week," Agnes Whitlow said.'
        for i in range(size // 60 + 1)
    ]
    return _fill(units, size, "\n\n")


def repeated_quotes(size: int) -> str:
    """The same quote over and over (pull quotes): the dedupe of quotes must stay linear."""
    unit = '"We will keep the ferry running all winter long, whatever it costs," Marsh said.'
    return _repeat(unit, size, sep="\n\n")


def huge_paragraph(size: int) -> str:
    """One paragraph of ordinary prose with names, abbreviations and sentences."""
    unit = (
        "Harbour master Agnes Whitlow told Mr. Marsh of Kestrel Bay Ltd. that the U.S. ferry "
        "operator had met on Thursday, and Dr. Lena Vogel agreed. "
    )
    return _repeat(unit, size)


def many_paragraphs(size: int) -> str:
    """Many short paragraphs, each a sentence naming a person."""
    unit = "Councillor Ben Okafor said quay {i} would reopen in May."
    return _repeat(unit, size, sep="\n\n")


def many_comments(size: int) -> str:
    """A thread of many short comments after the body."""
    head = _HEAD + "The board meets again next week.\n\nComments (9999) Closed\n\n"
    unit = (
        "Imran K. Feb 4, 2017 12:15am\n\n"
        "Three years is too long. Build bridge {i} before the monsoon."
    )
    return _repeat(unit, size, head=head, sep="\n\n")


def comma_list(size: int) -> str:
    """A sentence that is one long comma-separated list of capitalised names."""
    unit = "Agnes Whitlow, Peter Marsh, Lena Vogel, "
    return _repeat(unit, size, tail=" and Ben Okafor said they would appeal.\n")


def letter_signature(size: int) -> str:
    """A letter whose signature is many comma-separated segments (issue 11: 418 bytes hung)."""
    head = (
        "https://www.northwind-herald.example/opinion/letters/ferry\n\n"
        "Letter: The ferry timetable deserves better\n\n"
        "Published 16 March 2017\n\n"
        "Sir, I have used the island ferry every week for thirty years.\n\n"
        "I urge the ferry company to restore the evening service.\n\n"
    )
    return _repeat("Margaret Hale, Lowfield", size, head=head, sep=", ")


def nested_quotes(size: int) -> str:
    """Quote marks nested deeply: “ ‘ " … " ’ ” many levels, then closed."""
    depth = max(1, (size - len(_HEAD)) // 24)
    opening = "".join("“He said ‘" if i % 2 else '"She said ' for i in range(depth // 2))
    closing = "’”" * (depth // 4) + '"' * (depth // 4)
    return _HEAD + "Marsh said: " + opening + "stop" + closing + " Marsh said.\n"


def dot_run(size: int) -> str:
    """A paragraph that is a run of dots between two sentences."""
    return _HEAD + "Marsh said it was over" + "." * max(1, size - len(_HEAD) - 40) + " Done.\n"


def quote_mark_run(size: int) -> str:
    """A paragraph that is a run of straight and curly double quote marks."""
    return _repeat('"“”" ', size, sep="")


def dash_run(size: int) -> str:
    """A paragraph that is a run of dashes, with words between some of them."""
    return _repeat("—–- -- Marsh —", size, sep=" ")


_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "ze", "pa", "di", "go", "hu", "be", "sa")


def _letters(i: int) -> str:
    """A made-up capitalised word for each number: 0 -> "Kab", 1 -> "Kac" …"""
    word = ""
    while True:
        i, r = divmod(i, 26)
        word += "abcdefghijklmnopqrstuvwxyz"[r]
        if i == 0:
            break
    return "Kab" + word


def lone_names(size: int) -> str:
    """One paragraph of thousands of lone capitalised names (each read the paragraph again)."""
    units = [f"then {_letters(i)} " for i in range(size // 8 + 1)]
    return _fill(units, size, "") + "went home."


def lone_name_headings(size: int) -> str:
    """Thousands of short headings each naming a new lone surname between paragraphs."""
    units = [
        f"The harbour board met again on day {i} to talk about the ferry fares.\n\n"
        f"Council to sue {_letters(i)}"
        for i in range(size // 80 + 1)
    ]
    return _fill(units, size, "\n\n") + "The meeting closed at ten."


def author_credits(size: int) -> str:
    """A byline, then one paragraph crediting the author thousands of times."""
    head = "## Harbour pictures\n\nBy Ada Finch\n\n"
    return _repeat("Photo by Ada Finch. ", size, head=head) + "\n"


def long_token(size: int) -> str:
    """A heading naming a lone surname, then one "word" of the whole page's length (a pattern
    with a free word before the name backtracked over it: 19 KB took 2.6 s, fuzz find)."""
    head = (
        "## Fares up again\n\nThe harbour board met on Monday to talk about the ferry fares.\n\n"
        "Council to sue Brannock\n\nThe board said the fares would rise in spring this year.\n\n"
    )
    return head + "Pdre" * max(1, (size - len(head)) // 4) + "Brannock said no.\n"


def _fill(units: list[str], size: int, sep: str) -> str:
    out, used = [_HEAD], len(_HEAD.encode())
    for unit in units:
        if used >= size:
            break
        out.append(unit + sep)
        used += len((unit + sep).encode())
    return "".join(out)


SHAPES: dict[str, Callable[[int], str]] = {
    "lone_names": lone_names,
    "author_credits": author_credits,
    "long_token": long_token,
    "lone_name_headings": lone_name_headings,
    "pronoun_paragraph": pronoun_paragraph,
    "dots_in_quote": dots_in_quote,
    "many_quotes": many_quotes,
    "one_sentence_quotes": one_sentence_quotes,
    "repeated_quotes": repeated_quotes,
    "huge_paragraph": huge_paragraph,
    "many_paragraphs": many_paragraphs,
    "many_comments": many_comments,
    "comma_list": comma_list,
    "letter_signature": letter_signature,
    "nested_quotes": nested_quotes,
    "dot_run": dot_run,
    "quote_mark_run": quote_mark_run,
    "dash_run": dash_run,
    "many_people": many_people,
    "capitalised_run": capitalised_run,
    "bracket_run": bracket_run,
    "short_key_quotes": short_key_quotes,
}
