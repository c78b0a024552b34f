"""Write N synthetic article dumps in the two layouts of the real seeds, for benchmarks.

    python bench/generate_dumps.py bench/out/dumps -n 10000 --seed 1

Half the files (at random) use the Express-like layout (URL on line 1, `## ` headline,
standfirst, `By <u>NAME</u> PUBLISHED: 21:16, Fri, Dec 23, 2016 | UPDATED: …`, captions,
pull quotes, related noise, tags run together on the last line) and half the Dawn-like
layout (notice lines, headline, `Published Nov 21, 2016 09:17am`, share-form lines,
curly quotes, `Comments (N) Closed` and N comments of 0–300, most pages having few).
Outlets are fictional; their profiles are in `bench/outlets.json` (the no-URL outlets
are recognised by their `signatures`). Dates fall in 2015–2018.

Stdlib only. Deterministic: file i depends only on (seed, i). Files are written one at
a time, so memory stays flat whatever N is.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

OUTLETS_FILE = Path(__file__).resolve().parent / "outlets.json"

FIRST = [
    "Adaeze",
    "Amir",
    "Anika",
    "Bram",
    "Camila",
    "Cyrus",
    "Dalia",
    "Elif",
    "Emeka",
    "Farah",
    "Gideon",
    "Hana",
    "Ingrid",
    "Jonas",
    "Kaveh",
    "Leila",
    "Lorcan",
    "Maren",
    "Mateo",
    "Nadia",
    "Niamh",
    "Omar",
    "Petra",
    "Quentin",
    "Rosa",
    "Saoirse",
    "Selim",
    "Tamsin",
    "Teodor",
    "Ulla",
    "Viktor",
    "Wanjiru",
    "Xavier",
    "Yara",
    "Zoltan",
    "Beatrix",
    "Caspian",
    "Delphine",
    "Eamon",
    "Femi",
]
LAST = [
    "Abernethy",
    "Baptiste",
    "Castellanos",
    "Delacroix",
    "Eriksen",
    "Fairbanks",
    "Gallagher",
    "Haddad",
    "Ilunga",
    "Jovanovic",
    "Kowalczyk",
    "Lindqvist",
    "Mbeki",
    "Novak",
    "Okonkwo",
    "Petrakis",
    "Quaresma",
    "Rahimi",
    "Sandoval",
    "Takahashi",
    "Ulrich",
    "Varela",
    "Whitlock",
    "Xiong",
    "Yilmaz",
    "Zielinski",
    "Achebe",
    "Brennan",
    "Cordova",
    "Drummond",
    "Esposito",
    "Falk",
]
ROLES = [
    "President",
    "Prime Minister",
    "Finance Minister",
    "Interior Minister",
    "Health Minister",
    "Mayor",
    "Governor",
    "opposition leader",
    "chief executive",
    "union leader",
    "central bank governor",
    "police chief",
    "senator",
    "party chairman",
    "Foreign Minister",
    "judge",
]
PLACES = [
    "Port Averly",
    "Caldmoor",
    "Brisk Harbour",
    "Lowen",
    "Santa Irene",
    "Vell",
    "the northern provinces",
    "the capital",
]
SUBJECTS = [
    "The government",
    "Officials",
    "Residents",
    "The city council",
    "Analysts",
    "The company",
    "Police",
    "Opposition parties",
    "Local businesses",
    "The ministry",
    "Campaigners",
    "Economists",
    "Investors",
    "Doctors",
    "Teachers' unions",
    "The regulator",
    "Shop owners",
    "Farmers",
]
VERBS = [
    "said on Monday that",
    "warned that",
    "announced that",
    "confirmed that",
    "argued that",
    "insisted that",
    "expected that",
    "feared that",
    "claimed that",
    "admitted that",
    "hoped that",
]
NOUNS = [
    "the new budget",
    "the road project",
    "fuel prices",
    "the harbour expansion",
    "the trade agreement",
    "the housing plan",
    "the rail strike",
    "the water shortage",
    "the tax reform",
    "the hospital merger",
    "the pension changes",
    "the election timetable",
    "the power cuts",
    "the border talks",
    "school funding",
]
OUTCOMES = [
    "would cost more than planned",
    "could be delayed until next year",
    "was finally on track",
    "would hit poorer families hardest",
    "needed another review",
    "had been badly managed",
    "would create thousands of jobs",
    "might be challenged in court",
    "was overdue",
    "had divided the cabinet",
    "would be put to a vote next month",
    "was unlikely to survive",
]
TAILS = [
    "",
    ", according to figures released this week",
    " after months of argument",
    " despite strong objections",
    "",
    " in a statement issued late at night",
    " as pressure grew on ministers",
    " following a string of complaints",
]
QUOTE_SENTENCES = [
    "We will not accept a deal that leaves ordinary people worse off",
    "This is the most important decision we will take this year",
    "Nobody should pretend that this will be easy or cheap",
    "I have said from the start that we need more time",
    "People are tired of promises and they want to see results",
    "We have listened carefully and we have changed the plan",
    "There is no money left, and everyone in this room knows it",
    "I am confident that we can finish the work before the winter",
    "The figures speak for themselves and they are not good",
    "Our doors remain open and we are ready to talk at any time",
    "This country has faced harder choices and it has always found a way",
    "If we do nothing now, we will pay twice as much later",
]
COMMENT_SENTENCES = [
    "Same story every year",
    "I will believe it when I see it",
    "Good decision, finally",
    "Who pays for all this? We do",
    "The article misses the real point",
    "Well said",
    "This is why nobody trusts politicians any more",
    "Excellent reporting as always",
    "Not convinced at all",
    "Let us wait and see what happens",
    "They should resign",
    "My family has lived here for forty years and nothing ever changes",
    "Read the last paragraph again, it says the opposite of the headline",
    "Prices are already up, whatever they decide",
    "A small step in the right direction",
]
HANDLE_WORDS = [
    "river",
    "falcon",
    "northstar",
    "kappa",
    "blue",
    "desert",
    "lion",
    "quiet",
    "patriot",
    "truth",
    "owl",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

START = datetime(2015, 1, 1)
SPAN_MINUTES = 4 * 365 * 24 * 60


def load_outlets(path: Path = OUTLETS_FILE) -> tuple[list[dict], list[dict]]:
    """Split the bench outlets into (with domain URLs, recognised by signatures)."""
    outlets = json.loads(path.read_text(encoding="utf-8"))
    return [o for o in outlets if not o["signatures"]], [o for o in outlets if o["signatures"]]


def generate(out_dir: Path, n: int, *, seed: int = 1) -> tuple[int, int]:
    """Write `n` dumps into `out_dir`; returns (files, bytes). File i depends on (seed, i)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    url_outlets, signed_outlets = load_outlets()
    total = 0
    for index in range(n):
        rng = random.Random(f"{seed}:{index}")
        if rng.random() < 0.5:
            text = _express_page(rng, rng.choice(url_outlets))
        else:
            text = _dawn_page(rng, rng.choice(signed_outlets))
        data = _encode(rng, text)
        path = out_dir / f"{index:06d}_{rng.getrandbits(64):016x}.txt"
        path.write_bytes(data)
        total += len(data)
    return n, total


def _encode(rng: random.Random, text: str) -> bytes:
    """Mostly UTF-8; a few pages with a BOM or in Windows-1252, as scrapers save them."""
    roll = rng.random()
    if roll < 0.03:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if roll < 0.05:
        try:
            return text.encode("cp1252")
        except UnicodeEncodeError:
            pass
    return text.encode("utf-8")


def _cast(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(first, last, role) triples, distinct surnames."""
    lasts = rng.sample(LAST, count)
    return [(rng.choice(FIRST), last, rng.choice(ROLES)) for last in lasts]


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(NOUNS)}"
        f" {rng.choice(OUTCOMES)}{rng.choice(TAILS)}."
    )


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 4))))


def _quote(rng: random.Random) -> str:
    sentences = rng.sample(QUOTE_SENTENCES, rng.choice((1, 1, 2, 3)))
    return ". ".join(sentences)


def _title(person: tuple[str, str, str]) -> str:
    return "Mr" if person[0] in FIRST[::2] else "Ms"


def _quote_paragraphs(rng: random.Random, person: tuple[str, str, str], first: bool) -> list[str]:
    """One attributed quote in a shape seen in real pages, as straight-quoted paragraphs."""
    first_name, last, role = person
    full = f"{first_name} {last}"
    short = f"{_title(person)} {last}"
    text = _quote(rng)
    shape = rng.randrange(6)
    if shape == 0:
        return [f'{short if not first else role + " " + full} said: "{text}."']
    if shape == 1:
        return [f'"{text}," {short if not first else full} said.']
    if shape == 2:
        return [f'"{text}," said {role} {full}.']
    if shape == 3:
        return [f'{full} told reporters: "{text}."']
    if shape == 4:
        return [f'{short} said: "{text}.', f'"{_quote(rng)}."']
    return [
        f"{_upper_first(role)} {full} {rng.choice(VERBS).replace(' that', '')} the plan.",
        f'"{text}."',
    ]


def _body(rng: random.Random) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Article paragraphs (straight quotes) and the people they name."""
    people = _cast(rng, rng.choice((1, 2, 2, 3, 3, 4)))
    paragraphs = []
    introduced: set[str] = set()
    for _ in range(rng.randint(4, 18)):
        if rng.random() < 0.3:
            person = rng.choice(people)
            paragraphs += _quote_paragraphs(rng, person, person[1] not in introduced)
            introduced.add(person[1])
        elif rng.random() < 0.2:
            person = rng.choice(people)
            name = f"{person[2]} {person[0]} {person[1]}"
            paragraphs.append(
                f'{_paragraph(rng)[:-1]}, {name} said, calling it "{rng.choice(OUTCOMES)}".'
            )
        else:
            paragraphs.append(_paragraph(rng))
    return paragraphs, people


def _headline(rng: random.Random, people: list[tuple[str, str, str]]) -> str:
    who = people[0][1]
    return f"{who} {rng.choice(VERBS).split(' ')[0]} {rng.choice(NOUNS)} {rng.choice(OUTCOMES)}"


def _moment(rng: random.Random, zone: str) -> datetime:
    naive = START + timedelta(minutes=rng.randrange(SPAN_MINUTES))
    return naive.replace(tzinfo=ZoneInfo(zone))


def _express_page(rng: random.Random, outlet: dict) -> str:
    paragraphs, people = _body(rng)
    published = _moment(rng, outlet["time_zone"])
    headline = _headline(rng, people)
    if rng.random() < 0.4:
        headline = f"{rng.choice(NOUNS).split(' ')[-1].upper()} ROW: {headline}"
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}".upper()
    stamp = published.strftime("%H:%M, %a, %b ") + f"{published.day}, {published.year}"
    byline = f"By <u>{author}</u> PUBLISHED: {stamp}"
    if rng.random() < 0.6:
        later = published + timedelta(minutes=rng.randint(5, 600))
        byline += " | UPDATED: " + later.strftime("%H:%M, %a, %b ") + f"{later.day}, {later.year}"
    standfirst = _paragraph(rng).split(". ")[0].rstrip(".") + "."
    first, _, rest = standfirst.partition(" ")
    slug = "-".join(headline.split()[:8]).replace("'", "").replace(":", "")
    url = f"https://www.{outlet['domains'][0]}/news/{rng.randrange(10**5, 10**6)}/{slug}"
    out = [url, "", "", "", f"## {headline}", "", f"{first.upper()} {rest}", "", byline]
    out += [""] * 7 + [_caption(rng, people), ""]
    for paragraph in paragraphs:
        roll = rng.random()
        if roll < 0.05 and '"' in paragraph:
            out += [
                f"## {paragraph.split(chr(34))[1].split('.')[0]}",
                "",
                _caption(rng, people),
                "",
            ]
        elif roll < 0.1:
            out += ["", "", f"{_caption(rng, people)} RELATED VIDEOS", "", "", ""]
            out += [f"{_headline(rng, people)[:60]}...", "", "•", "", "", ""]
        elif roll < 0.14:
            day = published - timedelta(days=rng.randint(1, 20))
            out += [day.strftime("%a, %B ") + f"{day.day}, {day.year}", "", "", "", "•", ""]
            out += ["RELATED ARTICLES", "", "", "", _headline(rng, people), "", "", ""]
        elif roll < 0.2:
            out += [_caption(rng, people), ""]
        out += [paragraph, ""]
    out += ["## **Related articles**", ""]
    out += [f"- {_headline(rng, people)}", f"- <u>{_headline(rng, people)}</u>", "", ""]
    tags = [f"{p[0]} {p[1]}" for p in people] + [rng.choice(PLACES).replace("the ", "").title()]
    return "\n".join(out) + "".join(tags)


def _caption(rng: random.Random, people: list[tuple[str, str, str]]) -> str:
    first, last, role = rng.choice(people)
    where = f"{rng.choice(('in', 'at', 'near'))} {rng.choice(PLACES)}"
    return f"{_upper_first(role)} {first} {last} {where}"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _curly(text: str) -> str:
    out = []
    opening = True
    for char in text:
        if char == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        else:
            out.append("\u2019" if char == "'" else char)
    return "".join(out)


def _dawn_stamp(moment: datetime) -> str:
    hour = moment.strftime("%I:%M") + moment.strftime("%p").lower()
    return f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year} {hour}"


def _comment_count(rng: random.Random) -> int:
    """Skewed: a third of pages have none, the median page a handful, a few hundreds."""
    if rng.random() < 0.33:
        return 0
    return min(300, int(rng.lognormvariate(1.8, 1.25)))


def _commenter(rng: random.Random) -> str:
    shape = rng.randrange(5)
    if shape == 0:
        return rng.choice(FIRST)
    if shape == 1:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)[0]}."
    if shape == 2:
        return f"{rng.choice(HANDLE_WORDS)}{rng.randint(1, 99)}"
    if shape == 3:
        return f"{rng.choice(FIRST)} ({rng.choice(PLACES).replace('the ', '').title()})"
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _comments(rng: random.Random, posted: datetime) -> list[str]:
    count = _comment_count(rng)
    lines = [f"Comments ({count}) Closed", ""]
    authors: list[str] = []
    moment = posted
    for _ in range(count):
        moment += timedelta(minutes=int(rng.expovariate(1 / 25)) + 1)
        author = None if rng.random() < 0.02 else _commenter(rng)
        stamp = _dawn_stamp(moment)
        lines += [f"{author} {stamp}" if author else f"on {stamp}", ""]
        text = ". ".join(rng.sample(COMMENT_SENTENCES, rng.choice((1, 1, 1, 2, 3)))) + "."
        if authors and rng.random() < 0.15:
            text = f"@{rng.choice(authors)}{rng.choice(('', ':'))} {text}"
        lines += [text, ""]
        if rng.random() < 0.05:
            lines += [_paragraph(rng), ""]
        if author:
            authors.append(author)
    return lines


def _dawn_page(rng: random.Random, outlet: dict) -> str:
    paragraphs, people = _body(rng)
    published = _moment(rng, outlet["time_zone"])
    share = ["Your Name:", "", "Recipient Email:", ""]
    out = []
    for signature in outlet["signatures"]:
        out += [signature, ""]
    out += ["", _headline(rng, people), "", f"Published {_dawn_stamp(published)}", "", ""] + share
    out += [line for p in paragraphs for line in (_curly(p), "")]
    out += [""] + share + _comments(rng, published)
    return "\n".join(out).rstrip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the dumps into (created)")
    parser.add_argument("-n", type=int, default=10000, help="how many files (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    files, size = generate(args.out_dir, args.n, seed=args.seed)
    print(f"wrote {files} files, {size} bytes ({size / 1e6:.1f} MB) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
