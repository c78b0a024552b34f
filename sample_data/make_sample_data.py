"""Regenerate the demo dumps in `sample_data/dumps/` and their labels.

The articles below are fiction written for this project (see README.md for the cast).
Each one is held as plain data and rendered into one of the two page layouts of the
real seeds, so the labels in `sample_data/labels/labels.json` say exactly what a
perfect extraction would find:

    python sample_data/make_sample_data.py

Stdlib only; deterministic (comment selection uses a fixed seed).
"""

# ruff: noqa: E501  (the articles are prose held as data; wrapping them would not help)

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent

OUTLETS = [
    {
        "name": "Northwind Herald",
        "domains": ["northwind-herald.com"],
        "time_zone": "Europe/London",
        "signatures": [],
    },
    {
        "name": "Harbour Chronicle",
        "domains": ["harbour-chronicle.com"],
        "time_zone": "America/Halifax",
        "signatures": [],
    },
    {
        "name": "The Morning Lantern",
        "domains": ["morninglantern.ae"],
        "time_zone": "Asia/Dubai",
        "signatures": [
            "Lantern Notice: Dear reader, advertising keeps the Lantern free to read."
            " Please consider switching off your ad blocker for morninglantern.ae",
            "Lantern Notice: Dear reader, your browser is out of date."
            " Update it for a smoother Lantern reading experience",
        ],
    },
]
_DOMAIN = {o["name"]: o["domains"][0] for o in OUTLETS}
_ZONE = {o["name"]: ZoneInfo(o["time_zone"]) for o in OUTLETS}


@dataclass
class Article:
    """One fictional article; `body` mixes paragraphs (str) and page furniture (tuples)."""

    file: str
    outlet: str
    headline: str
    published: tuple[int, int, int, int, int]
    body: list
    persons: list[str]
    quotes: list[tuple[str, str]]  # (speaker, quote text as printed, paragraphs joined by " ")
    standfirst: str = ""
    authors: list[str] = field(default_factory=list)
    updated_after: int | None = None  # minutes after publication
    path: str = ""
    tags: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    comments: int = 0  # Lantern only: how many reader comments
    special_comments: list[tuple[str | None, str]] = field(default_factory=list)


CAP = "caption"
PULL = "pull"
VIDEO = "video"
DATE = "date"
RELATED = "related"

N, H, L = "Northwind Herald", "Harbour Chronicle", "The Morning Lantern"

ARTICLES: list[Article] = [
    Article(
        file="001_northwind_budget_warning.txt",
        outlet=N,
        path="news/politics/48213/Tomas-Brandt-budget-deficit-hard-winter-Arlendia",
        headline="BUDGET SHOCK: Brandt warns of 'hard winter' as Arlendia deficit widens",
        standfirst="FINANCE Minister Tomas Brandt has warned that Arlendia faces a hard winter after"
        " official figures showed the budget deficit widening for a third straight quarter.",
        authors=["Clara Whitcombe"],
        published=(2016, 9, 5, 8, 40),
        updated_after=22,
        body=[
            (CAP, "Finance Minister Tomas Brandt arrives at the treasury in Kestrel Bay"),
            "The figures, published by the national statistics office on Sunday evening, showed"
            " the gap between spending and tax receipts growing to 4.1 per cent of output.",
            (
                PULL,
                "We have spent two years pretending the bill would never arrive",
                "Tomas Brandt at the treasury",
            ),
            'Mr Brandt said: "We have spent two years pretending the bill would never arrive.'
            ' It has arrived, and it is larger than anyone in this building expected."',
            "President Helena Varga backed her minister, telling a party meeting in the capital"
            " that the government would not borrow its way out of trouble.",
            '"Every family in this country knows you cannot spend next year\'s wages today,"'
            " Mrs Varga said.",
            (
                VIDEO,
                "Helena Varga addressing party members in Kestrel Bay",
                ["Brandt: no new taxes before the spring, promises min..."],
            ),
            'Opposition leader Ruth Kessler called the warning "a confession" and demanded an'
            " emergency debate in parliament.",
            '"The minister has known about this hole since the spring, and he chose to say'
            ' nothing until the holidays were over," said Ms Kessler.',
            (DATE, "Thu, September 1, 2016"),
            (
                RELATED,
                [
                    "Varga promises 'no return to austerity' in summer speech",
                    "ARLENDIA DEBT: What the numbers really mean for your sav...",
                ],
            ),
            "Central bank governor Priya Nandakumar declined to comment on the figures on Monday.",
        ],
        related=[
            "Brandt faces grilling from committee over spending plans",
            "<u>Caldera Energy shares slide as deficit fears grow</u>",
        ],
        tags=["Tomas Brandt", "Helena Varga", "Arlendia economy"],
        persons=["Tomas Brandt", "Helena Varga", "Ruth Kessler", "Priya Nandakumar"],
        quotes=[
            (
                "Tomas Brandt",
                "We have spent two years pretending the bill would never arrive. It has arrived, and it is larger than anyone in this building expected.",
            ),
            (
                "Helena Varga",
                "Every family in this country knows you cannot spend next year's wages today,",
            ),
            (
                "Ruth Kessler",
                "The minister has known about this hole since the spring, and he chose to say nothing until the holidays were over,",
            ),
        ],
    ),
    Article(
        file="002_lantern_port_strike_vote.txt",
        outlet=L,
        headline="Kestrel Bay dock workers vote to strike over night-shift cuts",
        published=(2016, 9, 9, 10, 5),
        body=[
            "Dock workers at Kestrel Bay voted on Thursday to walk out for three days later this"
            " month, after the port authority announced it would cut night-shift pay.",
            "Union leader Dmitri Sorensen told members at a rally outside the container terminal:"
            ' "Nobody in this yard wants to stop the cranes. But nobody in this yard will work'
            ' through the night for less than they earned last year."',
            "The port handles almost two thirds of the country's imports, and shipping agents"
            " warned that a long stoppage would empty supermarket shelves within a fortnight.",
            "Mayor Grace Okafor offered to host talks at city hall.",
            '"The port is the beating heart of this city, and I will not watch it stop while'
            ' both sides shout at each other from opposite ends of the quay," Okafor said.',
        ],
        persons=["Dmitri Sorensen", "Grace Okafor"],
        quotes=[
            (
                "Dmitri Sorensen",
                "Nobody in this yard wants to stop the cranes. But nobody in this yard will work through the night for less than they earned last year.",
            ),
            (
                "Grace Okafor",
                "The port is the beating heart of this city, and I will not watch it stop while both sides shout at each other from opposite ends of the quay,",
            ),
        ],
        comments=14,
    ),
    Article(
        file="003_harbour_caldera_pipeline.txt",
        outlet=H,
        path="business/energy/20160914/caldera-energy-kessler-pipeline-approval",
        headline="PIPELINE GAMBLE: Caldera Energy boss Kessler bets the company on northern route",
        standfirst="CALDERA Energy chief executive Martin Kessler has asked regulators to approve a"
        " 600-kilometre gas pipeline across the northern hills, the biggest project in the"
        " company's history.",
        authors=["Samuel Achterberg"],
        published=(2016, 9, 14, 18, 30),
        body=[
            (CAP, "Caldera Energy chief executive Martin Kessler at the company's annual meeting"),
            "The application, filed with the national energy regulator on Wednesday, puts the cost"
            " of the line at roughly 3.2 billion dollars.",
            '"This pipeline will pay for itself in eleven years and it will heat a million homes'
            ' for the next fifty," Mr Kessler said.',
            "Environmental groups said the route crosses two protected valleys and promised to"
            " fight the plan in the courts.",
            "Opposition leader Ruth Kessler, who is not related to the chief executive, said her"
            " party would demand a full public inquiry.",
            '"A project of this size cannot be waved through by a regulator that meets twice a'
            ' year in a hotel conference room," said Ruth Kessler.',
            (
                VIDEO,
                "Gas storage tanks at the Caldera terminal",
                ["Caldera profits jump as winter prices climb ahead of the c..."],
            ),
            "Finance Minister Tomas Brandt welcomed the investment but said the government would"
            " not guarantee any of the company's borrowing.",
        ],
        related=[
            "Caldera Energy names new chairman after boardroom row",
            "<u>Gas prices: what the pipeline means for your winter bills</u>",
        ],
        tags=["Caldera Energy", "Martin Kessler", "Energy"],
        persons=["Martin Kessler", "Ruth Kessler", "Tomas Brandt"],
        quotes=[
            (
                "Martin Kessler",
                "This pipeline will pay for itself in eleven years and it will heat a million homes for the next fifty,",
            ),
            (
                "Ruth Kessler",
                "A project of this size cannot be waved through by a regulator that meets twice a year in a hotel conference room,",
            ),
        ],
    ),
    Article(
        file="004_lantern_central_bank_holds.txt",
        outlet=L,
        headline="Central bank holds rates, Nandakumar signals patience on inflation",
        published=(2016, 9, 21, 14, 2),
        body=[
            "The Bank of Arlendia left its main interest rate unchanged at 2.5 per cent on"
            " Wednesday, despite inflation climbing above its target for the first time in two years.",
            "Governor Priya Nandakumar said the rise was driven by fuel prices and would fade by the spring.",
            '"We are not going to chase a number that we expect to fall on its own. Raising rates'
            ' now would punish borrowers for the price of oil," she said at a press conference.',
            "Finance Minister Tomas Brandt, who had urged the bank to hold, welcomed the decision.",
            "Several economists said the bank was taking a risk.",
        ],
        persons=["Priya Nandakumar", "Tomas Brandt"],
        quotes=[
            (
                "Priya Nandakumar",
                "We are not going to chase a number that we expect to fall on its own. Raising rates now would punish borrowers for the price of oil,",
            ),
        ],
        comments=3,
    ),
    Article(
        file="005_northwind_halloran_vostria_talks.txt",
        outlet=N,
        path="news/world/48877/Idris-Halloran-Vostria-trade-talks-Anton-Lebed",
        headline="Halloran heads to Vostria as trade talks resume after two-year freeze",
        standfirst="FOREIGN Minister Idris Halloran flies to Vostria today for the first formal trade"
        " talks between the two neighbours since the border dispute of 2014.",
        authors=["Owen Pritchard"],
        published=(2016, 9, 27, 7, 15),
        updated_after=95,
        body=[
            (CAP, "Foreign Minister Idris Halloran boards a government plane in Kestrel Bay"),
            "Mr Halloran will meet Vostrian Prime Minister Anton Lebed in the capital, Drovsk, on"
            " Wednesday morning.",
            "Officials said tariffs on grain and timber would top the agenda.",
            'Before leaving, Mr Halloran told reporters: "We are not going to Drovsk to sign'
            " anything this week. We are going to find out whether there is something worth"
            ' signing next year."',
            'In a statement, Mr Lebed\'s office said Vostria was ready for a "sensible" agreement.',
            (
                RELATED,
                [
                    "Border crossings reopen after two years of closure",
                    "VOSTRIA: Lebed's hardline budget angers farmers across the...",
                ],
            ),
            "President Helena Varga is expected to travel to Vostria herself if the talks go well.",
            '"A handshake between neighbours is worth more than a hundred speeches about them,"'
            " said Mrs Varga.",
        ],
        related=[
            "Varga: 'We will talk to anyone who talks straight'",
            "<u>What a trade deal with Vostria would mean for farmers</u>",
        ],
        tags=["Idris Halloran", "Vostria", "Trade"],
        persons=["Idris Halloran", "Anton Lebed", "Helena Varga"],
        quotes=[
            (
                "Idris Halloran",
                "We are not going to Drovsk to sign anything this week. We are going to find out whether there is something worth signing next year.",
            ),
            (
                "Helena Varga",
                "A handshake between neighbours is worth more than a hundred speeches about them,",
            ),
        ],
    ),
    Article(
        file="006_lantern_okafor_housing_plan.txt",
        outlet=L,
        headline="Mayor Okafor unveils plan for 12,000 homes on old rail yards",
        published=(2016, 10, 3, 9, 30),
        body=[
            "Kestrel Bay's mayor, Grace Okafor, on Monday unveiled plans to build 12,000 homes on"
            " disused rail yards east of the city centre.",
            "The plan sets aside a third of the flats for rent at below market prices.",
            "“For ten years we have talked about the rail yards as if they were a problem. They"
            " are the answer,” Okafor told the city council.",
            "“Young families are leaving this city because they cannot afford a kitchen with a"
            " window. That ends now.”",
            "Finance Minister Tomas Brandt said the treasury would look at the request for"
            " national funding “in the normal way.”",
            "Opposition leader Ruth Kessler praised the plan.",
        ],
        persons=["Grace Okafor", "Tomas Brandt", "Ruth Kessler"],
        quotes=[
            (
                "Grace Okafor",
                "For ten years we have talked about the rail yards as if they were a problem. They are the answer,",
            ),
            (
                "Grace Okafor",
                "Young families are leaving this city because they cannot afford a kitchen with a window. That ends now.",
            ),
        ],
        comments=22,
        special_comments=[
            (None, "First time in years a mayor has mentioned rent without being asked.")
        ],
    ),
    Article(
        file="007_harbour_strike_begins.txt",
        outlet=H,
        path="news/local/20161010/kestrel-bay-port-strike-sorensen-okafor-talks",
        headline="PORT STANDSTILL: Cranes fall silent as Kestrel Bay strike begins",
        standfirst="THE port of Kestrel Bay came to a halt at midnight as more than 3,000 dock workers"
        " began a three-day strike over night-shift pay.",
        authors=["Lucy Tran"],
        published=(2016, 10, 10, 6, 55),
        updated_after=180,
        body=[
            (CAP, "Idle cranes at the Kestrel Bay container terminal"),
            "Ships queued in the outer harbour on Monday morning, and the port authority said at"
            " least 40 vessels would be delayed.",
            "Dmitri Sorensen, the dockers' union leader, said: \"We gave them a month. They spent"
            ' it printing leaflets telling us how lucky we are."',
            (PULL, "We gave them a month", "Dmitri Sorensen at the picket line"),
            "Talks hosted by Mayor Grace Okafor broke up on Sunday night without agreement.",
            '"I asked both sides to stay in the room for one more hour. One side left,"'
            " Ms Okafor said, without naming which.",
            (
                VIDEO,
                "Dock workers gather at the main gate",
                ["Strike: what happens to your parcels now", "Sorensen: the man who sh..."],
            ),
            "The port authority said its offer remained on the table.",
            (DATE, "Fri, October 7, 2016"),
            "President Helena Varga urged both sides to return to talks.",
        ],
        related=[
            "Supermarkets warn of empty shelves within days",
            "<u>Who is Dmitri Sorensen?</u>",
        ],
        tags=["Kestrel Bay", "Dmitri Sorensen", "Strikes"],
        persons=["Dmitri Sorensen", "Grace Okafor", "Helena Varga"],
        quotes=[
            (
                "Dmitri Sorensen",
                "We gave them a month. They spent it printing leaflets telling us how lucky we are.",
            ),
            (
                "Grace Okafor",
                "I asked both sides to stay in the room for one more hour. One side left,",
            ),
        ],
    ),
    Article(
        file="008_lantern_strike_ends.txt",
        outlet=L,
        headline="Dock strike ends after all-night talks at city hall",
        published=(2016, 10, 13, 7, 48),
        body=[
            "The Kestrel Bay dock strike ended early on Thursday after union and port managers"
            " agreed a deal in talks that ran through the night at city hall.",
            "Under the agreement night-shift pay will be frozen, not cut, for two years.",
            "“It is not everything we wanted, but it is a lot more than they offered,” union"
            " leader Dmitri Sorensen said on the steps of city hall.",
            "Mayor Grace Okafor, who chaired the talks, looked exhausted.",
            "“I am going home to sleep, and then I am going to buy everyone in that room a very"
            " large breakfast,” she said.",
        ],
        persons=["Dmitri Sorensen", "Grace Okafor"],
        quotes=[
            (
                "Dmitri Sorensen",
                "It is not everything we wanted, but it is a lot more than they offered,",
            ),
            (
                "Grace Okafor",
                "I am going home to sleep, and then I am going to buy everyone in that room a very large breakfast,",
            ),
        ],
        comments=0,
    ),
    Article(
        file="009_northwind_varga_party_conference.txt",
        outlet=N,
        path="news/politics/49410/Helena-Varga-party-conference-speech-election",
        headline="'WE ARE NOT FINISHED' Varga rallies party faithful a year before election",
        standfirst="PRESIDENT Helena Varga told her party conference that the government had"
        ' "unfinished business" as she set out her case for a second term.',
        authors=["Clara Whitcombe"],
        published=(2016, 10, 19, 16, 20),
        updated_after=45,
        body=[
            (CAP, "Helena Varga on stage at the conference centre in Kestrel Bay"),
            "Mrs Varga spoke for nearly an hour, promising to keep income tax frozen and to"
            " finish the northern railway before the end of her term.",
            'She said: "Four years ago people told us we would last six months. We are still'
            " here, the trains are still running, and the lights are still on.",
            (
                PULL,
                "We are not finished, and we are not going anywhere",
                "Helena Varga at her party conference",
            ),
            '"We are not finished, and we are not going anywhere."',
            "Finance Minister Tomas Brandt, sitting in the front row, was among the first to his feet.",
            (
                VIDEO,
                "Delegates wave flags in the main hall",
                ["Varga's speech in full: the key lines", "Brandt tipped for le..."],
            ),
            "Opposition leader Ruth Kessler dismissed the speech.",
            '"An hour of speech and not one word about rents or wages," Ms Kessler said.',
        ],
        related=[
            "Who will run against Varga? The contenders",
            "<u>Poll: Varga's lead narrows to four points</u>",
        ],
        tags=["Helena Varga", "Party conference", "Election"],
        persons=["Helena Varga", "Tomas Brandt", "Ruth Kessler"],
        quotes=[
            (
                "Helena Varga",
                "Four years ago people told us we would last six months. We are still here, the trains are still running, and the lights are still on. We are not finished, and we are not going anywhere.",
            ),
            ("Ruth Kessler", "An hour of speech and not one word about rents or wages,"),
        ],
    ),
    Article(
        file="010_lantern_floods_east_district.txt",
        outlet=L,
        headline="Floods swamp eastern Kestrel Bay, hundreds move to shelters",
        published=(2016, 10, 26, 11, 40),
        body=[
            "Hundreds of families in the eastern districts of Kestrel Bay spent Tuesday night in"
            " school halls after two days of heavy rain sent the Marrow river over its banks.",
            "Mayor Grace Okafor visited a shelter at dawn and said the city had opened six more.",
            "“Nobody should be sleeping in a wet house tonight. If you need a bed, come to us,”"
            " Okafor said.",
            "President Helena Varga announced emergency funding for repairs.",
            "“The money will be there before the water has gone,” said Varga.",
            "Residents said the river defences promised after the last flood were never built.",
        ],
        persons=["Grace Okafor", "Helena Varga"],
        quotes=[
            (
                "Grace Okafor",
                "Nobody should be sleeping in a wet house tonight. If you need a bed, come to us,",
            ),
            ("Helena Varga", "The money will be there before the water has gone,"),
        ],
        comments=18,
    ),
    Article(
        file="011_harbour_caldera_profits.txt",
        outlet=H,
        path="business/20161102/caldera-energy-profits-winter-prices-kessler",
        headline="Caldera profits jump 40 per cent as households brace for winter bills",
        standfirst="CALDERA Energy reported a 40 per cent rise in quarterly profit, prompting fresh"
        " calls for a windfall tax as households face higher heating bills.",
        authors=["Samuel Achterberg"],
        published=(2016, 11, 2, 12, 10),
        body=[
            (CAP, "The Caldera Energy tower in the financial district"),
            "The company made 410 million dollars in the three months to September, up from 292"
            " million a year earlier.",
            "Chief executive Martin Kessler said the profits would be spent on the northern pipeline."
            ' "Every dollar we earn this winter goes into the ground, into steel and into jobs,"'
            " he said.",
            "Opposition leader Ruth Kessler said the figures made the case for a windfall tax.",
            '"When a company makes this much money from people turning on their radiators, some'
            ' of it should come back to the people," said Ruth Kessler.',
            (
                RELATED,
                [
                    "Winter bills: how to cut your heating costs",
                    "Energy regulator to review price caps in Jan...",
                ],
            ),
            "Finance Minister Tomas Brandt has so far ruled out new taxes before the election.",
        ],
        related=[
            "Pipeline hearings delayed until the new year",
            "<u>Caldera shares at record high</u>",
        ],
        tags=["Caldera Energy", "Ruth Kessler", "Martin Kessler"],
        persons=["Martin Kessler", "Ruth Kessler", "Tomas Brandt"],
        quotes=[
            (
                "Martin Kessler",
                "Every dollar we earn this winter goes into the ground, into steel and into jobs,",
            ),
            (
                "Ruth Kessler",
                "When a company makes this much money from people turning on their radiators, some of it should come back to the people,",
            ),
        ],
    ),
    Article(
        file="012_lantern_halloran_lebed_deal.txt",
        outlet=L,
        headline="Arlendia and Vostria agree first step towards trade deal",
        published=(2016, 11, 8, 17, 25),
        body=[
            "Foreign Minister Idris Halloran and Vostrian Prime Minister Anton Lebed signed a"
            " framework agreement in Drovsk on Tuesday, cutting tariffs on grain and timber.",
            "The deal still needs the approval of both parliaments.",
            "Halloran said the agreement was modest but important.",
            "“Two years ago we were not even answering each other’s phone calls. Today we have"
            " a signed piece of paper, and next year we will have a trade deal.”",
            "Lebed told Vostrian television the agreement was “a good start.”",
        ],
        persons=["Idris Halloran", "Anton Lebed"],
        quotes=[
            (
                "Idris Halloran",
                "Two years ago we were not even answering each other's phone calls. Today we have a signed piece of paper, and next year we will have a trade deal.",
            ),
        ],
        comments=11,
    ),
    Article(
        file="013_northwind_rate_rise.txt",
        outlet=N,
        path="finance/economy/50102/Priya-Nandakumar-interest-rates-rise-mortgages",
        headline="RATE RISE: Mortgage misery as Nandakumar finally moves on inflation",
        standfirst="MILLIONS of homeowners face higher repayments after the Bank of Arlendia raised"
        " interest rates for the first time in five years.",
        authors=["Nadia Feld"],
        published=(2016, 11, 16, 13, 0),
        updated_after=30,
        body=[
            (CAP, "Bank of Arlendia governor Priya Nandakumar at the bank's headquarters"),
            "The bank raised its main rate from 2.5 to 2.75 per cent after inflation rose for a"
            " third month.",
            "Governor Priya Nandakumar said the bank could no longer wait.",
            '"In September we said we would be patient. We have been patient, and prices have'
            ' kept rising, so patience is over," said Ms Nandakumar.',
            (
                VIDEO,
                "Homes for sale in the Kestrel Bay suburbs",
                [
                    "Mortgage calculator: what the rise means for you",
                    "House prices fall for the first time sin...",
                ],
            ),
            "Finance Minister Tomas Brandt said the decision was a matter for the bank.",
            "Opposition leader Ruth Kessler accused the government of leaving homeowners to pay"
            " for its mistakes.",
            (DATE, "Wed, November 9, 2016"),
        ],
        related=[
            "Savers finally get a reward as rates rise",
            "<u>Nandakumar: 'I would rather be unpopular than wrong'</u>",
        ],
        tags=["Priya Nandakumar", "Interest rates", "Mortgages"],
        persons=["Priya Nandakumar", "Tomas Brandt", "Ruth Kessler"],
        quotes=[
            (
                "Priya Nandakumar",
                "In September we said we would be patient. We have been patient, and prices have kept rising, so patience is over,",
            ),
        ],
    ),
    Article(
        file="014_lantern_bridge_closure.txt",
        outlet=L,
        headline="Old harbour bridge closed after inspectors find cracked supports",
        published=(2016, 11, 22, 8, 15),
        body=[
            "The old harbour bridge in Kestrel Bay was closed to traffic on Tuesday after"
            " engineers found cracks in two of its steel supports.",
            "Around 40,000 vehicles cross the bridge every day.",
            "Mayor Grace Okafor said the closure could last until the spring.",
            "“I would rather have a traffic jam than a tragedy. The bridge stays shut until the"
            " engineers tell me, in writing, that it is safe,” said Okafor.",
            "She said the city would run extra ferries across the harbour from Thursday.",
        ],
        persons=["Grace Okafor"],
        quotes=[
            (
                "Grace Okafor",
                "I would rather have a traffic jam than a tragedy. The bridge stays shut until the engineers tell me, in writing, that it is safe,",
            ),
        ],
        comments=25,
    ),
    Article(
        file="015_harbour_sorensen_profile.txt",
        outlet=H,
        path="news/people/20161129/dmitri-sorensen-union-leader-interview",
        headline="'I NEVER WANTED TO BE FAMOUS' Union leader Sorensen on the strike that made his name",
        standfirst="SIX weeks after he shut down the country's biggest port, dockers' leader Dmitri"
        " Sorensen says he would do it all again.",
        authors=["Lucy Tran"],
        published=(2016, 11, 29, 20, 45),
        body=[
            (CAP, "Dmitri Sorensen in the union's office overlooking the docks"),
            "Mr Sorensen, 52, has worked at the port since he was seventeen.",
            'He said: "I drove a forklift for twenty years before anyone asked my opinion about'
            " anything.",
            (PULL, "I drove a forklift for twenty years", "Dmitri Sorensen"),
            '"Now people stop me in the supermarket to shake my hand, and some of them stop me'
            ' to tell me I cost them their holiday."',
            "He praised Mayor Grace Okafor for keeping the talks going.",
            '"Without her we would still be standing at that gate," said Sorensen.',
            (
                RELATED,
                [
                    "Port strike cost the economy 90 million, says report",
                    "Dockers' pay deal: the small print exp...",
                ],
            ),
            "He refused to say whether he would stand for parliament.",
        ],
        related=[
            "Kestrel Bay port reports record month after strike",
            "<u>Okafor's popularity soars after strike deal</u>",
        ],
        tags=["Dmitri Sorensen", "Unions", "Kestrel Bay"],
        persons=["Dmitri Sorensen", "Grace Okafor"],
        quotes=[
            (
                "Dmitri Sorensen",
                "I drove a forklift for twenty years before anyone asked my opinion about anything. Now people stop me in the supermarket to shake my hand, and some of them stop me to tell me I cost them their holiday.",
            ),
            ("Dmitri Sorensen", "Without her we would still be standing at that gate,"),
        ],
    ),
    Article(
        file="016_northwind_winter_fuel.txt",
        outlet=N,
        path="news/politics/50877/Varga-winter-fuel-payments-pensioners-Brandt",
        headline="Varga U-TURN: Winter fuel help for pensioners after cold snap",
        standfirst="PRESIDENT Helena Varga has ordered emergency heating payments for pensioners,"
        " reversing a decision made only a month ago.",
        authors=["Owen Pritchard"],
        published=(2016, 12, 6, 10, 5),
        updated_after=60,
        body=[
            (CAP, "Snow on the roofs of the old town in Kestrel Bay"),
            "Every pensioner will receive a one-off payment of 150 dollars before Christmas.",
            "Finance Minister Tomas Brandt, who had argued against the payments in November, said"
            " the cold snap had changed the picture.",
            '"When the facts change, you change the plan. The facts changed on Sunday night when'
            ' it hit minus eighteen," Mr Brandt said.',
            (
                VIDEO,
                "Pensioners queue at a post office",
                ["Cold snap: the coldest December night in thirty...", "How to claim the payment"],
            ),
            "Caldera Energy chief executive Martin Kessler said the company would not disconnect"
            " any household in arrears until March.",
            'Ruth Kessler, the opposition leader, said the payment was "too little" and came "far'
            ' too late".',
        ],
        related=[
            "Weather warning: more snow expected this weekend",
            "<u>Caldera: no disconnections this winter</u>",
        ],
        tags=["Helena Varga", "Tomas Brandt", "Winter"],
        persons=["Helena Varga", "Tomas Brandt", "Martin Kessler", "Ruth Kessler"],
        quotes=[
            (
                "Tomas Brandt",
                "When the facts change, you change the plan. The facts changed on Sunday night when it hit minus eighteen,",
            ),
        ],
    ),
    Article(
        file="017_lantern_caldera_disconnections.txt",
        outlet=L,
        headline="Caldera pledges no winter disconnections as cold snap bites",
        published=(2016, 12, 7, 19, 50),
        body=[
            "Caldera Energy will not cut off the gas or electricity of any household behind on"
            " its bills until the end of March, the company said on Wednesday.",
            "Chief executive Martin Kessler announced the pledge in a short video message.",
            "“Nobody in this country should be cold this winter because of a letter from us,”"
            " Kessler said.",
            "Opposition leader Ruth Kessler said the promise should be written into law.",
            "Charities said about 60,000 households were behind on their energy bills.",
        ],
        persons=["Martin Kessler", "Ruth Kessler"],
        quotes=[
            (
                "Martin Kessler",
                "Nobody in this country should be cold this winter because of a letter from us,",
            ),
        ],
        comments=6,
    ),
    Article(
        file="018_harbour_lebed_visit.txt",
        outlet=H,
        path="news/world/20161214/anton-lebed-kestrel-bay-visit-varga",
        headline="Lebed in Kestrel Bay: First visit by a Vostrian leader in a decade",
        standfirst="VOSTRIAN Prime Minister Anton Lebed arrived in Kestrel Bay for a two-day visit,"
        " the first by a Vostrian leader in ten years.",
        authors=["Samuel Achterberg"],
        published=(2016, 12, 14, 15, 35),
        updated_after=120,
        body=[
            (CAP, "Anton Lebed is greeted by Helena Varga at the presidential palace"),
            "Mr Lebed was met at the airport by Foreign Minister Idris Halloran and later held"
            " talks with President Helena Varga.",
            'At a joint press conference, Mr Lebed said: "Our grandparents traded across this'
            " border for a hundred years without asking permission from anyone.",
            '"Our grandchildren should be able to do the same."',
            "Mrs Varga said the two countries would sign a full trade agreement by the summer.",
            '"We have wasted enough time being suspicious of each other," said Varga.',
            (DATE, "Mon, December 12, 2016"),
            (
                RELATED,
                [
                    "What Vostrians think of us: a survey",
                    "Halloran: the quiet diplomat behind the Vos...",
                ],
            ),
        ],
        related=[
            "Protesters gather outside the palace during Lebed visit",
            "<u>Trade deal timeline: what happens next</u>",
        ],
        tags=["Anton Lebed", "Vostria", "Helena Varga"],
        persons=["Anton Lebed", "Idris Halloran", "Helena Varga"],
        quotes=[
            (
                "Anton Lebed",
                "Our grandparents traded across this border for a hundred years without asking permission from anyone. Our grandchildren should be able to do the same.",
            ),
            ("Helena Varga", "We have wasted enough time being suspicious of each other,"),
        ],
    ),
    Article(
        file="019_lantern_bridge_repair_funding.txt",
        outlet=L,
        headline="Treasury agrees to pay half the cost of harbour bridge repairs",
        published=(2016, 12, 20, 12, 30),
        body=[
            "The national government will pay half of the 80 million dollar bill to repair the"
            " old harbour bridge in Kestrel Bay, the treasury said on Tuesday.",
            "Finance Minister Tomas Brandt said the bridge was a national asset, not only a city one.",
            "“Half the lorries on that bridge are carrying goods to the rest of the country, so"
            " the rest of the country should pay its share,” Brandt said.",
            "Mayor Grace Okafor welcomed the decision.",
            "“It took a month of phone calls, but it was worth every one of them,” she said.",
        ],
        persons=["Tomas Brandt", "Grace Okafor"],
        quotes=[
            (
                "Tomas Brandt",
                "Half the lorries on that bridge are carrying goods to the rest of the country, so the rest of the country should pay its share,",
            ),
            ("Grace Okafor", "It took a month of phone calls, but it was worth every one of them,"),
        ],
        comments=10,
    ),
    Article(
        file="020_northwind_new_year_address.txt",
        outlet=N,
        path="news/politics/51530/Helena-Varga-new-year-address-2017",
        headline="Varga's New Year message: '2017 will be the year we finish what we started'",
        standfirst="PRESIDENT Helena Varga used her New Year address to promise the northern railway"
        " would open before the election.",
        authors=["Clara Whitcombe"],
        published=(2016, 12, 31, 19, 0),
        body=[
            (CAP, "Helena Varga recording her address at the presidential palace"),
            "In a ten-minute broadcast, Mrs Varga thanked the emergency services for their work"
            " during the autumn floods.",
            'She said: "This year the river came into our homes and the snow came early, and'
            ' every time, our neighbours came first."',
            (PULL, "every time, our neighbours came first", "Helena Varga"),
            "She also praised Mayor Grace Okafor and the dockers' leader Dmitri Sorensen for"
            " ending the port strike.",
            (
                VIDEO,
                "Fireworks over the harbour last year",
                ["New Year's Eve: where to watch the fireworks", "Road closures in the city ce..."],
            ),
            'Opposition leader Ruth Kessler said in her own message: "Next year, people will'
            ' judge this government by their bills, not by its speeches."',
        ],
        related=[
            "2016 in pictures: the year in Arlendia",
            "<u>Railway opening date slips again</u>",
        ],
        tags=["Helena Varga", "New Year"],
        persons=["Helena Varga", "Grace Okafor", "Dmitri Sorensen", "Ruth Kessler"],
        quotes=[
            (
                "Helena Varga",
                "This year the river came into our homes and the snow came early, and every time, our neighbours came first.",
            ),
            (
                "Ruth Kessler",
                "Next year, people will judge this government by their bills, not by its speeches.",
            ),
        ],
    ),
    Article(
        file="021_lantern_kessler_windfall_bill.txt",
        outlet=L,
        headline="Opposition tables windfall tax bill on energy companies",
        published=(2017, 1, 10, 16, 45),
        body=[
            "Opposition leader Ruth Kessler on Tuesday put forward a bill to tax the profits"
            " energy companies made from this winter’s high prices.",
            "The bill would raise an estimated 300 million dollars a year.",
            "“This is not about punishing success. It is about sharing a windfall that nobody"
            " earned,” Ruth Kessler told parliament.",
            "Caldera Energy chief executive Martin Kessler said the tax would put the northern"
            " pipeline at risk.",
            "“If you tax the profits, you lose the pipeline. It really is that simple,” said"
            " Martin Kessler.",
            "Finance Minister Tomas Brandt said the government would vote against the bill.",
        ],
        persons=["Ruth Kessler", "Martin Kessler", "Tomas Brandt"],
        quotes=[
            (
                "Ruth Kessler",
                "This is not about punishing success. It is about sharing a windfall that nobody earned,",
            ),
            (
                "Martin Kessler",
                "If you tax the profits, you lose the pipeline. It really is that simple,",
            ),
        ],
        comments=20,
        special_comments=[
            (
                "Marisol Teague",
                "Two Kesslers, one bill, and a lot of hot air.\n\nI read the"
                " whole bill last night. It taxes profits above the five-year average, not all"
                " profits, so the claim that the pipeline dies is an exaggeration.\n\nWhat the bill"
                " does not say is who collects the money and how it is spent. That is the part"
                " worth arguing about.",
            ),
        ],
    ),
    Article(
        file="022_harbour_railway_delay.txt",
        outlet=H,
        path="news/transport/20170117/northern-railway-delay-brandt-varga",
        headline="NORTHERN RAILWAY DELAYED: Opening slips to 2018 despite Varga promise",
        standfirst="THE northern railway will not open before 2018, the transport agency admitted,"
        " two weeks after President Helena Varga promised it would.",
        authors=["Lucy Tran"],
        published=(2017, 1, 17, 9, 25),
        updated_after=240,
        body=[
            (CAP, "Unfinished track near the northern hills"),
            "The agency blamed flooding in October and a shortage of steel.",
            "Finance Minister Tomas Brandt said no extra money would be found to speed up the work.",
            '"Throwing money at a tunnel does not make the rock any softer," said Mr Brandt.',
            (
                VIDEO,
                "Construction crews on the railway",
                ["Railway costs: a timeline of overspending", "Steel shortage hits buil..."],
            ),
            'Ruth Kessler, the opposition leader, said: "The president promised this railway on'
            " New Year's Eve. She should explain why her promise lasted sixteen days.\"",
            "The president's office declined to comment.",
        ],
        related=[
            "Steel prices hit a six-year high",
            "<u>Commuters: 'We will believe it when we see it'</u>",
        ],
        tags=["Northern railway", "Tomas Brandt", "Transport"],
        persons=["Helena Varga", "Tomas Brandt", "Ruth Kessler"],
        quotes=[
            ("Tomas Brandt", "Throwing money at a tunnel does not make the rock any softer,"),
            (
                "Ruth Kessler",
                "The president promised this railway on New Year's Eve. She should explain why her promise lasted sixteen days.",
            ),
        ],
    ),
    Article(
        file="023_lantern_nandakumar_second_rise.txt",
        outlet=L,
        headline="Central bank raises rates again as inflation hits four per cent",
        published=(2017, 1, 25, 14, 5),
        body=[
            "The Bank of Arlendia raised its main interest rate to 3 per cent on Wednesday, the"
            " second rise in three months.",
            "Governor Priya Nandakumar said the bank would do “whatever is needed.”",
            "“Inflation is a tax on everyone who saves and everyone who earns a wage. We will"
            " bring it down,” Nandakumar said.",
            "Finance Minister Tomas Brandt said he respected the bank’s independence.",
        ],
        persons=["Priya Nandakumar", "Tomas Brandt"],
        quotes=[
            (
                "Priya Nandakumar",
                "Inflation is a tax on everyone who saves and everyone who earns a wage. We will bring it down,",
            ),
        ],
        comments=2,
    ),
    Article(
        file="024_northwind_halloran_resigns_rumour.txt",
        outlet=N,
        path="news/politics/52004/Idris-Halloran-resignation-rumours-Varga-cabinet",
        headline="HALLORAN DENIES QUIT RUMOURS: Foreign minister 'going nowhere'",
        standfirst="FOREIGN Minister Idris Halloran has denied reports that he plans to resign over"
        " a row with the president about the Vostria trade deal.",
        authors=["Owen Pritchard"],
        published=(2017, 2, 1, 22, 10),
        updated_after=15,
        body=[
            (CAP, "Idris Halloran leaves a cabinet meeting"),
            "Reports in the Vostrian press claimed Mr Halloran had clashed with President Helena"
            " Varga over farm subsidies.",
            '"I read that I had resigned this morning, which came as a surprise to me and an even'
            ' bigger surprise to my wife," Mr Halloran told reporters.',
            (
                RELATED,
                [
                    "Trade deal: farmers fear cheap Vostrian grain",
                    "Cabinet reshuffle: who is in and who is o...",
                ],
            ),
            "Mrs Varga's office said the president had full confidence in her foreign minister.",
            'Vostrian Prime Minister Anton Lebed said he expected to sign the deal "with Idris".',
        ],
        related=[
            "Halloran profile: the diplomat who never raises his voice",
            "<u>Varga cabinet: the full list</u>",
        ],
        tags=["Idris Halloran", "Helena Varga", "Vostria"],
        persons=["Idris Halloran", "Helena Varga", "Anton Lebed"],
        quotes=[
            (
                "Idris Halloran",
                "I read that I had resigned this morning, which came as a surprise to me and an even bigger surprise to my wife,",
            ),
        ],
    ),
    Article(
        file="025_lantern_bridge_reopens.txt",
        outlet=L,
        headline="Harbour bridge reopens to cars, lorries must wait until April",
        published=(2017, 2, 6, 7, 30),
        body=[
            "The old harbour bridge in Kestrel Bay reopened to cars on Monday morning after ten"
            " weeks of repairs.",
            "Lorries will stay banned until a second round of work is finished in April.",
            "Mayor Grace Okafor was in the first car across.",
            "“Ten weeks ago I promised nobody would cross this bridge until it was safe. It is"
            " safe, so let us cross it,” Okafor said.",
            "The extra ferry services will end on Friday.",
        ],
        persons=["Grace Okafor"],
        quotes=[
            (
                "Grace Okafor",
                "Ten weeks ago I promised nobody would cross this bridge until it was safe. It is safe, so let us cross it,",
            ),
        ],
        comments=12,
    ),
    Article(
        file="026_harbour_pipeline_hearing.txt",
        outlet=H,
        path="business/energy/20170209/caldera-pipeline-hearing-regulator-kessler",
        headline="Caldera pipeline hearing opens amid protests in the northern hills",
        standfirst="PUBLIC hearings into Caldera Energy's northern pipeline opened with hundreds of"
        " protesters outside the regulator's offices.",
        authors=["Samuel Achterberg"],
        published=(2017, 2, 9, 11, 0),
        body=[
            (CAP, "Protesters outside the energy regulator's building"),
            "Chief executive Martin Kessler was the first witness.",
            'He told the panel: "We have changed the route four times to avoid the valleys. I am'
            " not sure what else we can do short of building the pipeline in the air.",
            '"We will keep listening, but at some point we have to start digging."',
            (PULL, "at some point we have to start digging", "Martin Kessler at the hearing"),
            "Opposition leader Ruth Kessler, who attended the first morning, said the hearing"
            " was rushed.",
            '"Three weeks to examine a project that will last fifty years is not a hearing, it is'
            ' a formality," said Ruth Kessler.',
            (DATE, "Tue, February 7, 2017"),
        ],
        related=[
            "Pipeline protest camp grows to 500 people",
            "<u>The valleys at the centre of the pipeline row</u>",
        ],
        tags=["Caldera Energy", "Pipeline", "Martin Kessler"],
        persons=["Martin Kessler", "Ruth Kessler"],
        quotes=[
            (
                "Martin Kessler",
                "We have changed the route four times to avoid the valleys. I am not sure what else we can do short of building the pipeline in the air. We will keep listening, but at some point we have to start digging.",
            ),
            (
                "Ruth Kessler",
                "Three weeks to examine a project that will last fifty years is not a hearing, it is a formality,",
            ),
        ],
    ),
    Article(
        file="027_lantern_sorensen_parliament.txt",
        outlet=L,
        headline="Dockers’ leader Sorensen to stand for parliament",
        published=(2017, 2, 14, 18, 20),
        body=[
            "Dmitri Sorensen, who led last autumn’s dock strike, said on Tuesday he would stand"
            " for parliament in Kestrel Bay East at the next election.",
            "He will run as an independent.",
            "Sorensen said the strike had taught him that decisions about workers were being"
            " made by people who had never met one.",
            "“I am not joining a party. I am joining a queue of people who are tired of being"
            " talked about instead of talked to.”",
            "Opposition leader Ruth Kessler said her party would not stand a candidate against him.",
        ],
        persons=["Dmitri Sorensen", "Ruth Kessler"],
        quotes=[
            (
                "Dmitri Sorensen",
                "I am not joining a party. I am joining a queue of people who are tired of being talked about instead of talked to.",
            ),
        ],
        comments=16,
    ),
    Article(
        file="028_northwind_budget_2017.txt",
        outlet=N,
        path="news/politics/52488/Tomas-Brandt-budget-2017-tax-freeze",
        headline="BRANDT BUDGET: Tax freeze kept but spending cuts hit councils",
        standfirst="FINANCE Minister Tomas Brandt kept his promise to freeze income tax but cut"
        " grants to local councils by six per cent.",
        authors=["Nadia Feld"],
        published=(2017, 2, 21, 14, 30),
        updated_after=75,
        body=[
            (CAP, "Tomas Brandt holds up the budget papers outside the treasury"),
            "The budget cuts the deficit to 3.4 per cent of output, Mr Brandt told parliament.",
            '"This is not a budget for headlines. It is a budget for the next ten years," said'
            " Mr Brandt.",
            (
                VIDEO,
                "Tomas Brandt delivers his budget speech",
                ["Budget 2017: everything you need to know", "Councils warn of library closu..."],
            ),
            "Mayor Grace Okafor said the cut would cost Kestrel Bay 14 million dollars.",
            '"The minister has balanced his books by unbalancing mine," she said.',
            'Bank of Arlendia governor Priya Nandakumar said the budget was "broadly sensible".',
            (
                RELATED,
                [
                    "Budget calculator: are you better or worse off?",
                    "Brandt's budget: the winners and the los...",
                ],
            ),
        ],
        related=["Councils: 'We cannot cut any deeper'", "<u>Budget 2017 in numbers</u>"],
        tags=["Budget 2017", "Tomas Brandt", "Councils"],
        persons=["Tomas Brandt", "Grace Okafor", "Priya Nandakumar"],
        quotes=[
            (
                "Tomas Brandt",
                "This is not a budget for headlines. It is a budget for the next ten years,",
            ),
            ("Grace Okafor", "The minister has balanced his books by unbalancing mine,"),
        ],
    ),
    Article(
        file="029_lantern_okafor_council_cuts.txt",
        outlet=L,
        headline="Okafor warns of library closures after budget cut",
        published=(2017, 2, 22, 10, 10),
        body=[
            "Mayor Grace Okafor warned on Wednesday that three of Kestrel Bay’s public libraries"
            " could close after the national budget cut the city’s grant.",
            "“I will fight for every library, but I cannot print money,” Okafor told the city"
            " council.",
            "Finance Minister Tomas Brandt said councils had reserves they could use.",
            "“Kestrel Bay has 60 million dollars in the bank. The mayor should look there before"
            " she looks at the libraries,” Brandt said.",
            "The council will vote on its own budget next month.",
        ],
        persons=["Grace Okafor", "Tomas Brandt"],
        quotes=[
            ("Grace Okafor", "I will fight for every library, but I cannot print money,"),
            (
                "Tomas Brandt",
                "Kestrel Bay has 60 million dollars in the bank. The mayor should look there before she looks at the libraries,",
            ),
        ],
        comments=8,
    ),
    Article(
        file="030_harbour_varga_poll.txt",
        outlet=H,
        path="news/politics/20170227/varga-kessler-poll-election-lead",
        headline="POLL SHOCK: Kessler draws level with Varga for the first time",
        standfirst="OPPOSITION leader Ruth Kessler has drawn level with President Helena Varga in a"
        " poll for the first time since the last election.",
        authors=["Lucy Tran"],
        published=(2017, 2, 27, 21, 5),
        body=[
            (CAP, "Ruth Kessler speaks to supporters in Kestrel Bay"),
            "Both leaders were on 38 per cent in the survey of 2,000 voters.",
            '"Polls come and polls go. The railway and the budget will still be here in a year,"'
            " Mrs Varga said on a visit to the northern hills.",
            "Ms Kessler said the poll showed voters were tired of promises.",
            'She said: "People are not angry with the president. They are disappointed, and'
            ' disappointment is harder to fix."',
            (
                VIDEO,
                "Helena Varga visits the northern railway works",
                ["Poll tracker: every survey since the election", "Who is Ruth Kess..."],
            ),
            (DATE, "Sat, February 25, 2017"),
        ],
        related=[
            "Sorensen effect: how the docker could swing Kestrel Bay East",
            "<u>Election 2017: the key seats</u>",
        ],
        tags=["Helena Varga", "Ruth Kessler", "Polls"],
        persons=["Ruth Kessler", "Helena Varga"],
        quotes=[
            (
                "Helena Varga",
                "Polls come and polls go. The railway and the budget will still be here in a year,",
            ),
            (
                "Ruth Kessler",
                "People are not angry with the president. They are disappointed, and disappointment is harder to fix.",
            ),
        ],
    ),
]

# Reader comments for the Lantern: commenters and topic-neutral remarks, mixed per article
# with a fixed seed. Replies start "@Name" or "@Name:".
COMMENTERS = [
    "Farid K.",
    "Oksana_B",
    "pieter van loon",
    "Lamar Whitby",
    "RJ",
    "Hestia Moor",
    "Babajide",
    "Wen Li (Kestrel Bay)",
    "old docker",
    "T.Quill",
    "Sunita R",
    "marcusAR",
    "Greta",
    "N. Osei",
    "Yusra",
    "Alvaro M.",
    "Kit",
    "Denholm-East",
    "Ibsen77",
    "Priyanka S",
]
REMARKS = [
    "Finally some good news from this city.",
    "I will believe it when I see it.",
    "Same promises every year, same result.",
    "Good decision, although it should have come months ago.",
    "Who is going to pay for all of this? We are, as usual.",
    "The article does not say where the money comes from.",
    "My father said exactly the same thing in 1990.",
    "Well done to everyone who kept calm and kept talking.",
    "This is what happens when nobody reads the small print.",
    "Can someone explain why this takes so long every single time?",
    "Very balanced report, thank you Lantern.",
    "People in the east districts have heard all this before.",
    "Ask the people who actually live there what they think.",
    "Not perfect, but better than doing nothing at all.",
    "The opposition would have done exactly the same.",
    "Interesting that the government only acts when an election is near.",
    "Keep politics out of it and fix the problem.",
    "A sensible step. More of this please.",
    "Nothing will change until the voters change.",
    "Read the headline again. Then read the last paragraph. Not the same story.",
    "The ferries were excellent, by the way. Bring them back permanently.",
    "Prices in the shops have already gone up, whatever they decide.",
    "Let us wait for the details before we celebrate.",
    "This city deserves better planning.",
]
REPLIES = [
    "you are right, but nobody listens.",
    "that is simply not true, read the figures.",
    "agreed, well said.",
    "and who would you vote for instead?",
    "my street flooded too, it is not about politics.",
    "the details are on the council website if you look.",
]


def main() -> None:
    """Write dumps, outlets.json and labels.json next to this script."""
    dumps = HERE / "dumps"
    dumps.mkdir(exist_ok=True)
    rng = random.Random(2016)
    labels = []
    for article in ARTICLES:
        _check(article)
        if article.outlet == L:
            text, comments = _render_lantern(article, rng)
        else:
            text, comments = _render_express(article), []
        (dumps / article.file).write_text(text, encoding="utf-8")
        labels.append(_label(article, comments))
    (HERE / "outlets.json").write_text(json.dumps(OUTLETS, indent=2, ensure_ascii=False) + "\n")
    (HERE / "labels").mkdir(exist_ok=True)
    (HERE / "labels" / "labels.json").write_text(
        json.dumps(labels, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(ARTICLES)} dumps and their labels")


def _local(article: Article, minutes: int = 0) -> datetime:
    return datetime(*article.published, tzinfo=_ZONE[article.outlet]) + timedelta(minutes=minutes)


def _paragraphs(article: Article) -> list[str]:
    return [item for item in article.body if isinstance(item, str)]


def _check(article: Article) -> None:
    """Fail loudly when a label would not match the text it describes."""
    text = _plain(" ".join([article.headline, article.standfirst, *_paragraphs(article)]))
    for person in article.persons:
        assert person in text, (article.file, person)
    for _speaker, quote in article.quotes:
        first = _plain(quote).split(". ")[0][:40]
        assert first in text, (article.file, first)


def _plain(text: str) -> str:
    return text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")


def _express_time(moment: datetime) -> str:
    return moment.strftime("%H:%M, %a, %b ") + f"{moment.day}, {moment.year}"


def _render_express(article: Article) -> str:
    """The Express-like layout: URL, `## ` headline, standfirst, byline, noise, tags."""
    published = _local(article)
    byline = f"By <u>{article.authors[0].upper()}</u> PUBLISHED: {_express_time(published)}"
    if article.updated_after is not None:
        byline += f" | UPDATED: {_express_time(_local(article, article.updated_after))}"
    out = [f"https://www.{_DOMAIN[article.outlet]}/{article.path}", "", "", ""]
    out += [f"## {article.headline}", "", article.standfirst, "", byline] + [""] * 7
    for item in article.body:
        if isinstance(item, str):
            out += [item, ""]
        elif item[0] == CAP:
            out += [item[1], ""]
        elif item[0] == PULL:
            out += [f"## {item[1]}", "", item[2], ""]
        elif item[0] == VIDEO:
            out += ["", "", f"{item[1]} RELATED VIDEOS", "", "", ""]
            for title in item[2]:
                out += [title, "", "•", "", "", ""]
        elif item[0] == DATE:
            out += [item[1], "", "", "", "", "", "", "", "•", ""]
        elif item[0] == RELATED:
            out += ["RELATED ARTICLES", "", "", ""]
            for title in item[1]:
                out += [title, "", "", ""]
    out += ["## **Related articles**", ""]
    out += [f"- {title}" for title in article.related] + ["", ""]
    return "\n".join(out) + "".join(article.tags)


def _curly(text: str) -> str:
    """Straight quotes to typographic ones, as the Lantern prints them."""
    text = re.sub(r'(^|[\s(])"', "\\1“", text)
    text = text.replace('"', "”")
    text = re.sub(r"(^|[\s(])'", "\\1‘", text)
    return text.replace("'", "’")


def _lantern_time(moment: datetime) -> str:
    stamp = moment.strftime("%b ") + f"{moment.day}, {moment.year} " + moment.strftime("%I:%M%p")
    return stamp[:-2] + stamp[-2:].lower()


def _make_comments(article: Article, rng: random.Random) -> list[dict]:
    comments: list[dict] = []
    moment = _local(article)
    specials = list(article.special_comments)
    for index in range(article.comments):
        moment += timedelta(minutes=rng.choice([1, 3, 6, 9, 14, 22, 35, 48, 70, 110]))
        if specials and index in (0, article.comments - 1):
            author, text = specials.pop(0)
            reply_to = None
        elif comments and rng.random() < 0.2:
            target = rng.choice([c for c in comments if c["author"]] or [None])
            author = rng.choice(COMMENTERS)
            if target is None or target["author"] == author:
                text, reply_to = rng.choice(REMARKS), None
            else:
                colon = ":" if rng.random() < 0.3 else ""
                text = f"@{target['author']}{colon} {rng.choice(REPLIES)}"
                reply_to = target["author"]
        else:
            author, text, reply_to = rng.choice(COMMENTERS), rng.choice(REMARKS), None
        comments.append({"author": author, "posted": moment, "text": text, "reply_to": reply_to})
    assert not specials, article.file
    return comments


def _render_lantern(article: Article, rng: random.Random) -> tuple[str, list[dict]]:
    """The Dawn-like layout: notices, headline, `Published …`, share forms, comments."""
    notice_ads, notice_browser = OUTLETS[2]["signatures"]
    share = ["Your Name:", "", "Friend's Email:", ""]
    out = [notice_ads, "", notice_browser, "", "", article.headline, ""]
    out += [f"Published {_lantern_time(_local(article))}", "", ""] + share
    for paragraph in _paragraphs(article):
        out += [_curly(paragraph), ""]
    comments = _make_comments(article, rng)
    out += [""] + share + [f"Comments ({len(comments)}) Closed", ""]
    for comment in comments:
        stamp = _lantern_time(comment["posted"])
        out += [f"{comment['author']} {stamp}" if comment["author"] else f"on {stamp}", ""]
        for paragraph in comment["text"].split("\n\n"):
            out += [paragraph, ""]
    return "\n".join(out).rstrip("\n"), comments


def _starts(text: str) -> str:
    return " ".join(_plain(text).split()[:6])


def _label(article: Article, comments: list[dict]) -> dict:
    label = {
        "file": article.file,
        "title": article.headline,
        "authors": article.authors,
        "published": _local(article).isoformat(),
        "outlet": article.outlet,
        "persons": article.persons,
        "quotes": [{"speaker": s, "starts": _starts(q)} for s, q in article.quotes],
    }
    if article.outlet == L:
        label["comments"] = [
            {
                "author": c["author"],
                "posted": c["posted"].isoformat(),
                "starts": _starts(c["text"]),
                "reply_to": c["reply_to"],
            }
            for c in comments
        ]
    return label


if __name__ == "__main__":
    main()
