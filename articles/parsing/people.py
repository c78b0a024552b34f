"""Find the real people an article mentions, with mention counts (issue 5).

Rule-based, pure Python. A person is a run of capitalised name words backed by
evidence: an honorific or title in front (`Mr Putin`, `US President-elect Donald
Trump`), a verb of speech after (`Putin said`), an appositive (`Jane Doe, 52,`) or
the surname reused on its own. Small general stop lists keep countries,
nationalities, institutions, outlets, places, days and months out. Every form of a
name (full, surname, initial + surname, possessive, shouted) resolves to one
canonical name; mentions are counted over title and body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .bylines import normalise_name
from .given_names import is_given_name
from .names import (
    PARTICLES,
    SUFFIXES,
    better_name,
    first_names_compatible,
    given_name,
    name_key,
    surname,
)
from .records import ParsedPerson


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HONORIFICS = _words(
    "mr mrs ms miss mx dr sir dame lord lady prof professor rev reverend baroness baron "
    "madam madame mme monsieur herr frau signor senor señor sheikh sheik"
)
FEMALE_HONORIFICS = _words("mrs ms miss dame lady baroness madam madame mme frau queen princess")
MALE_HONORIFICS = _words("mr sir lord baron monsieur herr signor senor señor king prince")
# Nouns that give a person's sex when they describe the name ("her husband, Councillor Doe").
_FEMALE_NOUNS = _words(
    "wife mother daughter sister widow aunt niece girlfriend fiancée grandmother granddaughter "
    "stepmother businesswoman chairwoman spokeswoman congresswoman actress landlady headmistress"
)
_MALE_NOUNS = _words(
    "husband father son brother widower uncle nephew boyfriend fiancé grandfather grandson "
    "stepfather businessman chairman spokesman congressman landlord headmaster"
)

# Formal titles: enough on their own to make the next capitalised word a person ("Senator Vance").
STRONG_TITLES = _words(
    "president president-elect vice-president premier chancellor minister secretary "
    "secretary-general senator sen congressman congresswoman representative rep governor gov "
    "mayor judge justice king queen prince princess pope archbishop bishop cardinal rabbi imam "
    "ayatollah emir sultan tsar general gen colonel col major maj captain capt lieutenant lt "
    "sergeant sgt admiral commander inspector detective constable ambassador speaker chairman "
    "chairwoman spokesman spokeswoman spokesperson councillor cllr mp mep msp father pastor chief"
)
# Role words: evidence that a full name is a person ("lawyer Jane Doe"), not enough for one word.
ROLE_WORDS = STRONG_TITLES | _words(
    "prime vice chief executive ceo founder boss officer deputy commissioner superintendent "
    "prosecutor attorney leader chair director coach manager envoy diplomat dictator strongman "
    "candidate nominee hopeful rival counterpart predecessor successor opponent lawyer analyst "
    "economist actor actress singer star author writer novelist journalist reporter editor "
    "presenter host campaigner activist billionaire businessman businesswoman tycoon magnate "
    "chef artist player striker midfielder defender goalkeeper skipper batsman bowler champion "
    "veteran aide adviser advisor colleague wife husband son daughter mother brother sister "
    "widow widower uncle aunt cousin fiancé fiancée boyfriend girlfriend teacher priest doctor "
    "nurse principal headteacher pilot researcher scientist historian professor "
    "foreign home finance defence defense interior shadow former late acting interim then ex "
    "owner co-owner landlord landlady tenant resident customer shopkeeper farmer grower driver "
    "worker employee student pupil parent neighbour neighbor witness victim survivor owner "
    "volunteer organiser organizer fan supporter pensioner landowner householder commuter"
)
# Verbs that introduce or follow a direct quotation (`Putin said`, `wrote Mr Doe`).
SPEECH_VERBS = _words(
    "said says say told tells added adds wrote writes insisted insists stated states explained "
    "explains declared declares claimed claims argued argues warned warns noted notes asked asks "
    "replied replies answered answers continued continues concluded concludes admitted admits "
    "announced announces remarked remarks commented comments confirmed confirms tweeted tweets "
    "posted recalled recalls suggested suggests urged urges stressed stresses conceded concedes "
    "acknowledged acknowledges revealed reveals boasted boasts joked jokes quipped responded "
    "responds countered counters shouted pleaded promised promises vowed vows pledged pledges "
    "predicted observed mused demanded reiterated emphasised emphasized maintained maintains "
    "advised advises cautions "
    "thundered blasted fumed agreed agrees complained complains alleged testified cautioned "
    "elaborated assured sighed laughed wondered described describes called calls branded "
    "labelled labeled dubbed"
)

# Capitalised words that end a name run: function words, sentence starters, calendar,
# countries and nationalities, collective nouns for groups of people.
_STOP = _words(
    """the a an and but or nor so yet for in on at to of by with from as if when while after
    before since because although though however meanwhile moreover also then there here this
    that these those it its he she they we you his her their our my your him them us me who
    whom whose what which where why how all some many most more several both each every no
    not none one two three four five six seven eight nine ten first second third last next
    earlier later yesterday today tomorrow tonight now still even just only already speaking
    asked according despite during under over about against between among without within
    instead indeed finally overall please dear thanks thank yes well oh other others another
    such nobody everyone everybody someone something nothing anything would will could should
    can might must shall do does did is was are were be been has have had let unless whether
    once until via per like unlike plus amid across along around behind beyond inside outside
    near toward towards upon through throughout following including regarding sources officials
    police analysts experts critics reports residents witnesses authorities researchers
    scientists doctors lawyers prosecutors investigators protesters voters ministers leaders
    supporters opponents officers troops soldiers workers fans people democrats republicans
    conservatives liberals tories mps staff members friends family families children parents
    of course good great new old big bad best worst top real true false serious very much
    god allah jesus christ lord internet web online email video photo photos picture pictured
    watch live update updated breaking exclusive related comments comment opinion analysis
    published share read more advertisement sponsored latest news story stories click here
    january february march july september october november december
    feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun christmas easter ramadan eid diwali hanukkah thanksgiving halloween eve
    europe asia africa america americas antarctica oceania eurasia arctic atlantic pacific
    mediterranean caribbean
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china
    colombia comoros congo croatia cuba cyprus czech czechia denmark djibouti dominica ecuador
    egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany
    ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia
    iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo
    kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania
    luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico
    micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia
    nauru nepal netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine
    panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa
    senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname sweden
    switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey
    turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam
    yemen zambia zimbabwe britain england scotland wales ulster crimea kashmir tibet gaza
    chechnya kurdistan siberia balkans caucasus scandinavia
    american british english scottish welsh irish russian chinese indian pakistani french
    german italian spanish portuguese dutch belgian swiss austrian swedish norwegian danish
    finnish polish czech slovak hungarian romanian bulgarian greek turkish ukrainian
    belarusian georgian armenian iranian iraqi syrian lebanese israeli palestinian jordanian
    saudi egyptian libyan tunisian algerian moroccan nigerian kenyan ethiopian somali
    sudanese african asian european japanese korean vietnamese thai indonesian malaysian
    filipino australian canadian mexican brazilian argentine argentinian chilean peruvian
    colombian venezuelan cuban afghan bangladeshi nepalese kashmiri kurdish arab arabic
    persian jewish muslim christian catholic hindu sikh buddhist western eastern northern
    southern soviet latin nordic baltic"""
)
# Words that make a capitalised run a place, institution, party or outlet ("Harbour Trust").
_POISON = _words(
    """party union house street council ministry department office bank university college
    school academy hospital court committee commission agency association company corp corporation
    inc ltd plc llc group holdings news times post press airport station square park road avenue
    lane bridge centre center church mosque temple cathedral club institute foundation fund force
    army navy police service services summit conference forum games cup league trophy open
    airline airlines airways motors electric energy oil gas petroleum ocean sea river lake
    mountains mountain island islands city county province region republic federation empire
    kingdom valley bay beach coast heights district borough quay docks village
    town gardens hall tower towers hotel museum gallery theatre theater stadium arena market
    markets exchange report act bill treaty accord agreement award awards prize war revolution
    movement front alliance coalition parliament congress senate assembly cabinet government
    administration authority board bureau trust network media channel tv radio magazine journal
    herald gazette tribune express mail telegraph guardian chronicle review observer mirror
    independent daily weekly sunday dawn reuters bloomberg afp bbc cnn fox nbc abc cbs sky itv
    tass interfax xinhua associated kremlin pentagon whitehall nato labour conservative tory
    democratic republican liberal ukip snp green greens brexit twitter facebook google apple
    amazon microsoft youtube instagram whatsapp tiktok netflix wikipedia telegram united states
    nations new los las san santa sao fort port mount cape saint st upper lower great royal
    national international federal central global world middle east west north south
    washington london paris moscow beijing tokyo delhi islamabad karachi lahore kabul tehran
    baghdad damascus cairo berlin brussels rome madrid lisbon kiev kyiv minsk warsaw ankara
    istanbul jerusalem riyadh dubai doha lima ottawa canberra sydney melbourne toronto mumbai
    dhaka seoul pyongyang manila jakarta bangkok hanoi geneva vienna athens dublin edinburgh
    glasgow cardiff belfast manchester liverpool birmingham leeds bristol york boston chicago
    angeles francisco houston texas california florida hollywood silicon wall downing
    capitol westminster brussels strasbourg davos apec opec eu un isis taliban hamas hezbollah
    qaeda cross crescent rights watch amnesty greenpeace institute project initiative campaign
    fc united city rovers wanderers athletic olympic olympics paralympics festival show
    series season day week month year age era metals steel mining foods motors pharmaceuticals
    technologies technology systems solutions industries partners capital ventures holdings
    airways logistics insurance securities investments properties estates brewery library
    town village borough district"""
)
# Month words that are also given names ("Gov. Jan Brewer"): a name only with a title before.
_AMBIGUOUS_MONTHS = _words("may june april august jan")
_PREPOSITIONS = _words(
    "to with from by of for about against on at than into onto toward towards between among "
    "like unlike via"
)

# Token kinds.
_NAME, _INITIAL, _HON, _TITLE, _PARTICLE, _SUFFIX, _STOPK, _LOWER, _SHOUT, _POISONK, _MONTH = range(
    11
)
# A common word that is also a common surname ("Carmen Best", "John Tory"): a stop or
# institution word everywhere, a surname only right after a known given name and with
# evidence of a person (a title, a speech verb, or the word alone as a subject elsewhere).
_WORDNAME = 11
_SURNAME_WORDS = _words("best good english french green hall church court cross temple tory lane")

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# Only capitalised words and name particles are tokens (lower-case words cost time and
# matter only right before a name, where `_word_before` looks them up).
_NAMEISH = frozenset((_NAME, _INITIAL, _PARTICLE, _MONTH))
_PARTICLE_ALTERNATION = "|".join(sorted(PARTICLES, key=len, reverse=True))
_TOKEN_RE = re.compile(
    rf"\b(?:[{_UPPER}]|(?:{_PARTICLE_ALTERNATION})\b|[a-z]{{1,3}}-[{_UPPER}])"
    r"[^\W\d_]*(?:['’\-][^\W\d_]+)*"
)
_WORD_BEFORE = re.compile(r"([a-z][a-z\-]*)[ \u00a0]{1,2}$")
_SAY_BEFORE = _words("said says added adds wrote writes asked replied explained insisted continued")
_SPACE_GAP = re.compile(r"[ \u00a0]{1,2}")
_INITIAL_GAP = re.compile(r"\.?[ \u00a0]{0,2}")
_SENTENCE_GAP = re.compile(r"[.!?:;][^\w]*$|(?:^|\s)[\"“‘(\[][^\w]*$")
_SPEECH_AFTER = re.compile(
    r"(?:\s*,[^,.;:\"“”]{1,80},)?\s+(?:(?:also|then|later|has|had|have|previously|once|again|"
    r"further|simply|recently|first|\w+ly|(?i:(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|yesterday|today))\s+){0,2}(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b"
)
_APPOSITIVE_AFTER = re.compile(
    r",\s+(?:\d{1,3}\b|(?:(?:now|then|also)\s+)?(?:the|a|an|who|whose|aged)\s)"
)
# "When the harbour master, Agnes Whitlow, announced…": a name set off by commas right after
# a determiner (or a capitalised possessive: "Kestrel Bay's mayor, …") + lower-case noun
# phrase; group 1 is the head noun.
_APPOSITIVE_BEFORE = re.compile(
    r"(?:\b(?i:the|a|an|its|his|her|their|our|my|whose)|\b[A-Z][\w\-]*['’]s)\s+"
    r"(?:[a-z][\w'’\-]*\s+){0,3}([a-z][\w'’\-]*),[ \u00a0]{1,2}$"
)
# …and closed by the sentence's end or a comma and its verb ("…, announced"), not by a list
# ("along the river, Kestrel Bay, and back").
_APPOSITIVE_CLOSE = re.compile(
    r"\s*(?:[.;:]|$|,\s+(?!(?:and|or|but|nor|then|to|in|on|at|from|with)\b)[a-z])"
)
# Job nouns are mostly made with these endings (curator, conservator, groundsman, historian).
# Only supporting evidence next to a sentence shape: Taylor, Baker and Christopher end so too.
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "eer", "ess")
_LOWER_WORD_RE = re.compile(r"(?<![\w'’\-])[a-z][a-z'’\-]*")


@dataclass(slots=True)
class _Token:
    word: str  # without a possessive ending
    low: str
    key: str  # name_key(word)
    start: int
    end: int  # end of the word including a possessive ending
    kind: int
    possessive: bool
    sentence_start: bool


@dataclass(frozen=True)
class Mention:
    """One place where a known person is named: `Mr Putin's` in "…endorsed Mr Putin's views"."""

    start: int  # offset of the first name word (titles and honorifics excluded)
    end: int  # offset after the last word, possessive ending included
    name: str  # canonical name
    possessive: bool = False
    honorific: str | None = None  # folded honorific or title right before, e.g. "mr"
    gender: str | None = None  # "f"/"m" from the honorific or a describing noun ("her husband, …")
    ambiguous: bool = False  # a shared surname that nothing here settles: `name` is a guess


@lru_cache(maxsize=512)
def tokenise(text: str) -> tuple[_Token, ...]:
    """Name-relevant tokens: `tokenise("Mr Putin's views")` -> (Mr(HON), Putin(NAME, 's)).

    Cached: people finding and quote attribution tokenise the same paragraphs.
    """
    return tuple(_tokenise(text))


def _tokenise(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    # Where the text's leading quote marks, brackets and blanks end (for `_starts_sentence`).
    lead = len(text) - len(text.lstrip(_OPENERS))
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        possessive = False
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            word, possessive = word[:-2], True
        start, end = match.span()
        kind = _kind(word, text, start + len(word))
        if kind == _STOPK:
            continue  # "The", "Russia", "Monday": the gap it leaves still breaks a run
        low = word.lower()
        key = low if low.isalpha() and low.isascii() else name_key(word)
        opens = kind in _NAMEISH and _starts_sentence(text, start, tokens, lead)
        tokens.append(_Token(word, low, key, start, end, kind, possessive, opens))
    return tokens


_OPENERS = " \u00a0\"“‘'(["


def _starts_sentence(text: str, start: int, tokens: Sequence[_Token], lead: int) -> bool:
    window = text[max(0, start - 12) : start]
    before = window.rstrip(_OPENERS)
    if not before:
        # Only openers before `start`? (Slicing `text[:start]` per name was quadratic.)
        return start <= 12 or start <= lead
    if before[-1] not in ".!?:;":
        return False
    if before[-1] == "." and tokens:
        prev = tokens[-1]
        dot = start - len(window) + len(before) - 1
        if prev.end == dot and prev.kind in (_INITIAL, _HON, _TITLE):
            return False  # "Mr. Putin", "J. Smith"
    return True


def _kind(word: str, text: str, after: int) -> int:
    low = word.lower()
    if word[0].isupper():
        if len(word) == 1:
            if word in "AI" and text[after : after + 1] != ".":
                return _STOPK
            return _INITIAL
        if low in HONORIFICS:
            return _HON
        if low in SUFFIXES:
            return _SUFFIX
        if low in ROLE_WORDS:
            return _TITLE
        if low in _SURNAME_WORDS:
            return _WORDNAME
        if low in _STOP:
            return _STOPK
        if low in _POISON:
            return _POISONK
        if low in _AMBIGUOUS_MONTHS:
            return _MONTH
        if "-" in low and any(part in _STOP for part in low.split("-")):
            return _STOPK
        if word.isupper():
            return _SHOUT
        return _NAME
    if low in PARTICLES:
        return _PARTICLE
    if "-" in word and word.rsplit("-", 1)[-1][:1].isupper():
        return _NAME  # al-Assad
    if low in ROLE_WORDS:
        return _TITLE
    return _LOWER


@dataclass
class _Run:
    tokens: Sequence[_Token]
    before: _Token | None  # the token right before the run, when contiguous

    @property
    def words(self) -> list[str]:
        return [t.word for t in self.tokens]

    @property
    def possessive(self) -> bool:
        return self.tokens[-1].possessive


def _contiguous(text: str, left: _Token, right: _Token) -> bool:
    if right.start - left.end > 3:  # no gap pattern below spans more (long gaps: no copy)
        return False
    gap = text[left.end : right.start]
    if left.kind == _INITIAL:
        return _INITIAL_GAP.fullmatch(gap) is not None
    if left.kind in (_HON, _TITLE) and gap.startswith("."):
        gap = gap[1:]
    return _SPACE_GAP.fullmatch(gap) is not None


def _runs(text: str, tokens: Sequence[_Token]) -> list[_Run]:
    """Maximal runs of name words: "Russian President Vladimir Putin said" -> [Vladimir Putin]."""
    runs: list[_Run] = []
    current: Sequence[_Token] = []
    poisoned = False

    def close() -> None:
        nonlocal current, poisoned
        while current and current[-1].kind in (_PARTICLE, _INITIAL):
            current.pop()
        while current and current[0].kind == _PARTICLE:
            current.pop(0)
        if current and not poisoned and any(t.kind in (_NAME, _MONTH) for t in current):
            index = _index_of(tokens, current[0])
            before = tokens[index - 1] if index > 0 else None
            if before is None or not _contiguous(text, before, current[0]):
                before = _word_before(text, current[0].start)
            runs.append(_Run(current, before))
        current, poisoned = [], False

    for i, tok in enumerate(tokens):
        joined = (
            bool(current) and not current[-1].possessive and _contiguous(text, current[-1], tok)
        )
        if not joined and current:
            close()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        kind = tok.kind
        if kind in (_NAME, _INITIAL):
            if current and current[-1].kind == _POISONK and _person_follows(text, tokens, i - 1):
                close()  # "Hove City Council | Jacob Taylor said": the institution ends here
            current.append(tok)
        elif (
            kind == _POISONK
            and not current
            and tok.low in _GIVEN_NAME_WORDS
            and nxt is not None
            and nxt.kind == _NAME
            and _contiguous(text, tok, nxt)
            and _role_before(text, tokens, i)
        ):
            current.append(tok)  # "defence lawyer Bill Potts": after a role, a given name
        elif kind == _POISONK:
            if not current and _person_follows(text, tokens, i):
                # "City Council Jacob Taylor said": the institution ends at its last word and
                # a full name starts after it (issue 10: titles fused into names).
                continue
            if current or (nxt is not None and nxt.kind == _NAME):
                current.append(tok)
                poisoned = True
        elif (
            kind == _WORDNAME
            and len(current) == 1
            and current[0].kind == _NAME
            and is_given_name(current[0].word)
            and (
                nxt is None
                or nxt.kind not in (_NAME, _POISONK, _WORDNAME)
                or nxt.start - tok.end > 2
            )
        ):
            current.append(tok)  # "Carmen Best": a given name, then a surname that is a word
        elif current and (
            kind == _SUFFIX or (kind == _PARTICLE and nxt is not None and nxt.kind == _NAME)
        ):
            current.append(tok)
        elif kind == _MONTH and not text[tok.end : tok.end + 3].strip()[:1].isdigit():
            prev = tokens[i - 1] if i > 0 else None
            if current or (prev is not None and prev.kind in (_HON, _TITLE)):
                current.append(tok)
            else:
                close()
        elif (
            kind in (_TITLE, _HON)
            and tok.word[0].isupper()
            and current
            and current[-1].kind == _NAME
            and (nxt is None or nxt.kind not in (_NAME, _INITIAL) or nxt.start - tok.end > 2)
        ):
            current.append(tok)  # "John Major said": a title word used as a surname
        else:
            if current:
                close()
            continue
        if tok.possessive:
            close()
    if current:
        close()
    return runs


# Institution words that are also given names ("the Bill" / "lawyer Bill Potts").
_GIVEN_NAME_WORDS = _words("bill")


def _role_before(text: str, tokens: Sequence[_Token], i: int) -> bool:
    """Whether a title or role noun stands right before token ``i`` ("lawyer Bill …")."""
    if (
        i > 0
        and tokens[i - 1].kind in (_HON, _TITLE)
        and _contiguous(text, tokens[i - 1], tokens[i])
    ):
        return True
    word = _word_before(text, tokens[i].start)
    return word is not None and word.kind == _TITLE


def _headline_surname(text: str, token: _Token, article: _ArticleWords) -> bool:
    """A lone surname in a sentence-case headline, crosshead or bullet: "Council to sue
    Brannock", "Polls led Whitlow to quit". Headlines name people by surname alone; a
    place or firm there is told apart by how the article uses the word elsewhere (after
    "in", "at", "the", or inside a longer capitalised name)."""
    if len(text) > 160:
        return False  # headings are short (and splitting long paragraphs per name was slow)
    words = text.split()
    if (
        token.sentence_start
        or token.kind != _NAME
        or len(token.word) < 3
        or not 2 <= len(words) <= 14
        or text.rstrip().endswith((".", "!", "?", '"', "”", "’"))
        or sum(w[:1].isupper() for w in words) * 2 > len(words)  # title case: no evidence
    ):
        return False
    if token.low.endswith(("as", "ys")) and len(token.low) > 5:
        return False  # a family by its plural ("informing the Whitlows", "Rajapaksas")
    before = text[: token.start].split()
    if not before or before[-1].casefold() in _NOT_BEFORE_SURNAME:
        return False
    after = text[token.end : token.end + 2].lstrip()
    if after[:1].isupper():
        return False
    return not article.used_as_place_or_part(token.word)


def _titled_runs(text: str, tokens: Sequence[_Token]) -> list[_Run]:
    """In a headline with every word capitalised, only names a title introduces count:
    "Police Chief Carmen Best Resigns" names Carmen Best, "Harbour Ferry Opens" nobody."""
    return [
        run
        for run in _runs(text, tokens)
        if run.before is not None
        and run.before.kind in (_HON, _TITLE)
        and run.before.low in STRONG_TITLES
        and 2 <= len(run.tokens) <= 3
        and is_given_name(run.tokens[0].word)
    ]


def _person_follows(text: str, tokens: Sequence[_Token], i: int) -> bool:
    """Two name words right after token ``i``, the first a known given name."""
    if i + 2 >= len(tokens):
        return False
    first, second = tokens[i + 1], tokens[i + 2]
    return (
        first.kind == _NAME
        and second.kind in (_NAME, _SHOUT)
        and is_given_name(first.word)
        and _contiguous(text, tokens[i], first)
        and _contiguous(text, first, second)
    )


def _word_before(text: str, start: int) -> _Token | None:
    """The lower-case word right before a name ("spokesman" in "spokesman Peskov"), as a token."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if match is None:
        return None
    word = match.group(1)
    kind = _TITLE if word in ROLE_WORDS else _LOWER
    return _Token(word, word, word, match.start(1), match.end(1), kind, False, False)


def _index_of(tokens: Sequence[_Token], tok: _Token) -> int:
    # Tokens are sorted by offset: bisect on start.
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < tok.start:
            lo = mid + 1
        else:
            hi = mid
    return lo


@dataclass
class _Candidate:
    name: str
    variants: set[tuple[str, ...]] = field(default_factory=set)
    first_seen: tuple[int, int] = (0, 0)
    evidence: bool = False


def _fold_words(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(name_key(w) for w in words)


def _is_title_case(title: str) -> bool:
    words = [w for w in _WORD_RE.findall(title) if len(w) > 3]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) > 0.7


def find_people(
    title: str,
    body: Sequence[str],
    *,
    exclude: Collection[str] = (),
    aliases: Mapping[str, str] = {},
    not_people: Collection[str] = (),
) -> tuple[ParsedPerson, ...]:
    """The people an article names, in order of first mention, with mention counts.

    >>> find_people("Putin writes", ["Russian President Vladimir Putin wrote to Mr Trump."])
    (ParsedPerson(name='Vladimir Putin', mentions=2), ParsedPerson(name='Trump', mentions=1))
    """
    alias_map = {name_key(alias): canonical for alias, canonical in aliases.items()}
    banned = {name_key(n) for n in exclude} | {name_key(n) for n in not_people}
    banned.discard("")
    texts = [title, *body]
    tokenised = [tokenise(text) for text in texts]
    title_case = _is_title_case(title)

    full: list[_Candidate] = []
    singles: dict[str, _Candidate] = {}
    single_use: set[str] = set()  # surnames used alone mid-sentence or after a cue
    runs = [
        _titled_runs(text, tokens) if position == 0 and title_case else _runs(text, tokens)
        for position, (text, tokens) in enumerate(zip(texts, tokenised, strict=True))
    ]
    article = _ArticleWords(
        texts,
        frozenset(r.tokens[0].key for row in runs for r in row if not r.tokens[0].sentence_start),
    )
    for position, text in enumerate(texts):
        for run in runs[position]:
            _collect(text, run, position, full, singles, single_use, alias_map, article)
        label = _TRANSCRIPT_LABEL_RE.match(text) if position and ":" in text[:160] else None
        if label is not None:
            words = normalise_name(label.group("name")).split()
            # "Next Up:" or "SERVICE ALERT:" are page labels: a turn needs a known given
            # name or a role after the name ("WILLA BAY, CEO, HARBOUR LINES:").
            roled = label.group(0).rstrip().rstrip(":").count(",") >= 1
            if (
                2 <= len(words) <= 4
                and (roled or is_given_name(words[0]))
                and name_key(" ".join(words)) not in banned
            ):
                where = (position, 0)
                full.append(_Candidate(" ".join(words), {_fold_words(words)}, where, True))
    credited = _HEADLINE_CREDIT_RE.search(title)
    if credited is not None and name_key(credited.group("name")) not in banned:
        words = credited.group("name").split()
        cand = _Candidate(" ".join(words), {_fold_words(words)}, (0, credited.start()), True)
        if len(words) == 1:
            singles.setdefault(name_key(words[0]), cand).evidence = True
        else:
            full.append(cand)

    persons: list[_Candidate] = []
    # The same people by family name (merging never changes it): comparing each candidate
    # with every person made an article naming thousands of people quadratic (issue 11).
    by_family: dict[str, list[_Candidate]] = {}
    for cand in sorted(full, key=lambda c: c.first_seen):
        family = _family(cand.name)
        if not cand.evidence and family not in single_use:
            continue
        _merge(persons, cand, by_family)
    for key, cand in singles.items():
        if not cand.evidence or key in banned:
            continue
        same = by_family.get(key)
        if same:
            for p in same:
                p.variants |= cand.variants
            continue
        _merge(persons, cand, by_family)
    persons = [
        p
        for p in persons
        if name_key(p.name) not in banned and not any(" ".join(v) in banned for v in p.variants)
    ]
    if not persons:
        return ()

    finder = MentionFinder(
        [p.name for p in persons], aliases, variants=[p.variants for p in persons]
    )
    counts: dict[str, int] = {}
    order: dict[str, tuple[int, int]] = {}
    for position, text in enumerate(texts):
        loose = (
            position == 0 and title_case
        )  # "Brannock Opens Grand Bridge": every word capitalised
        for mention in finder.find(text, tokenised[position], loose=loose):
            counts[mention.name] = counts.get(mention.name, 0) + 1
            order.setdefault(mention.name, (position, mention.start))
    named = sorted(counts, key=lambda n: order[n])
    return tuple(ParsedPerson(name=n, mentions=counts[n]) for n in named)


def _collect(
    text: str,
    run: _Run,
    position: int,
    full: list[_Candidate],
    singles: dict[str, _Candidate],
    single_use: set[str],
    alias_map: Mapping[str, str],
    article: _ArticleWords,
) -> None:
    tokens = list(run.tokens)
    first = tokens[0]
    before = run.before
    if (
        len(tokens) > 1
        and first.sentence_start
        and first.kind == _NAME
        and first.low.endswith(("ing", "ed", "ly"))
    ):
        tokens, before = tokens[1:], None  # "Congratulating Trump…"
    if (
        len(tokens) >= 3
        and before is not None
        and before.low == "of"
        and _title_before_of(text, before.start)
    ):
        # "Minister of Education Emmanuel Fabiano", "Secretary of State Rex Tillerson": the
        # department ends the title and the name follows it (issue 10).
        tokens, before = (
            tokens[1:],
            _Token("minister", "minister", "minister", 0, 0, _TITLE, False, False),
        )
    kept, job_like = _strip_descriptors(tokens, article)
    if len(kept) < len(tokens):
        tokens, before = kept, None
    words = [t.word for t in tokens]
    if tokens[0].low in PARTICLES:
        words[0] = tokens[0].low  # "Van Damme added" at a sentence start: the surname alone
    where = (position, tokens[0].start)
    key = name_key(" ".join(words))
    if key in alias_map:
        canonical = alias_map[key]
        cand = _Candidate(canonical, {_fold_words(words)}, where, evidence=True)
        full.append(cand)
        return
    after = text[tokens[-1].end : tokens[-1].end + 120]
    cue_strong = before is not None and (
        before.kind == _HON or (before.kind == _TITLE and before.low in STRONG_TITLES)
    )
    cue_any = job_like or (before is not None and before.kind in (_HON, _TITLE))
    speech = _SPEECH_AFTER.match(after) is not None or (
        before is not None and before.low in _SAY_BEFORE
    )
    name_words = [t for t in tokens if t.kind != _SUFFIX]
    if words[0] in PARTICLES and given_name(" ".join(words)) is None:
        name_words = name_words[:1]  # "van Damme" is one surname
        words = [" ".join(words)]
    if tokens[-1].kind == _WORDNAME:
        # "John Tory leads": a surname that is also a word needs a person's evidence.
        evidence = cue_any or speech or article.alone_as_subject(tokens[-1].word)
        full.append(_Candidate(" ".join(words), {_fold_words(words)}, where, evidence))
        return
    if len(name_words) >= 2 and tokens[-1].kind != _INITIAL:
        evidence = (
            cue_any
            or (_given_name_first(tokens) and not _after_place_preposition(before))
            or (before is not None and _rank_abbreviation(before))
            or speech
            or tokens[-1].possessive
            or _APPOSITIVE_AFTER.match(after) is not None
            or _after_role_noun(text, tokens[0].start, after)
            or (before is not None and before.low == "to" and _according_before(text, before))
        )
        cand = _Candidate(" ".join(words), {_fold_words(words)}, where, evidence)
        full.append(cand)
        return
    if len(name_words) != 1 or tokens[0].kind not in (_NAME, _MONTH, _PARTICLE):
        return
    if tokens[0].kind == _MONTH and not cue_any:
        return
    if cue_any or not (tokens[0].sentence_start or _after_article(text, tokens[0].start)):
        single_use.add(key)  # "… provided by the State": a common noun, not a surname
    cand = singles.get(key)
    if cand is None:
        cand = singles[key] = _Candidate(words[0], {_fold_words(words)}, where)
    cand.evidence = cand.evidence or cue_strong or _headline_surname(text, tokens[0], article)


@dataclass
class _ArticleWords:
    """What the whole article tells about a word: written in lower case, or heading a name.

    `heads` holds the keys of words that start a name run mid-sentence ("said Sarah Jane
    Whitcombe" -> "sarah"); the lower-case words are collected only when first asked for.
    """

    texts: Sequence[str]
    heads: frozenset[str]
    _lower: frozenset[str] | None = None
    _answers: dict[tuple[str, str], bool] = field(default_factory=dict)

    def alone_as_subject(self, word: str) -> bool:
        """Whether ``word`` stands alone before a verb somewhere ("… in the lead. Tory is")"""
        return self._asked(("subject", word), self._alone_as_subject)

    def used_as_place_or_part(self, word: str) -> bool:
        """Whether ``word`` follows a place preposition or an article, or sits in a longer
        capitalised name, anywhere in the article ("in Kestrel", "Kestrel Council")."""
        if self.written_lower(word.lower()):
            return True
        return self._asked(("place", word), self._used_as_place_or_part)

    def _asked(self, key: tuple[str, str], look: Callable[[str], bool]) -> bool:
        # Each answer reads the whole article: answered once per word, and for a bounded
        # number of words (a page of thousands of lone names would be quadratic, issue 11);
        # past the bound the cautious answer holds (no evidence of a person).
        if key not in self._answers:
            if len(self._answers) >= _MAX_ARTICLE_LOOKUPS:
                return key[0] == "place"
            self._answers[key] = look(key[1])
        return self._answers[key]

    def _alone_as_subject(self, word: str) -> bool:
        for text, at, end in _standalone(self.texts, word):
            if _SUBJECT_AFTER_RE.match(text, end) is not None:
                before = _word_before_at(text, at)
                if not before[:1].isupper() or before[-1:] in '.!?:;"“”':
                    return True
        return False

    def _used_as_place_or_part(self, word: str) -> bool:
        for text, at, end in _standalone(self.texts, word):
            before = _word_before_at(text, at)
            if before.casefold() in _NOT_BEFORE_SURNAME or before[:1].isupper():
                return True
            if text[end : end + 2] in ("'s", "’s"):
                end += 2
            following = text[end : end + 40].split(None, 1) if text[end : end + 1].isspace() else []
            if following and following[0].strip("“‘\"'")[:1].isupper():
                return True
        return False

    def written_lower(self, low: str) -> bool:
        if self._lower is None:
            self._lower = frozenset(w for t in self.texts for w in _LOWER_WORD_RE.findall(t))
        return low in self._lower


_MAX_ARTICLE_LOOKUPS = 64
_SUBJECT_AFTER_RE = re.compile(
    r"\s{1,3}(?:is|was|has|had|said|says|told|added|leads|led|insisted|replied)\b"
)


def _standalone(texts: Sequence[str], word: str) -> Iterator[tuple[str, int, int]]:
    """(text, start, end) of every place ``word`` stands as a word of its own.

    Found with ``str.find``, not a regex: a pattern with a free word before it backtracked
    over long runs of blanks (a 19 KB page took 2.6 s, issue 11).
    """
    for text in texts:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
                yield text, at, end
            at = text.find(word, end)


def _word_before_at(text: str, at: int) -> str:
    """The word right before offset ``at`` (within 60 characters), or ""."""
    words = text[max(0, at - 60) : at].split()
    return words[-1] if words and text[at - 1 : at].isspace() else ""


# A transcript turn: "Jim Orme:" or "WILLA BAY, CEO, HARBOUR LINES: It has been…" at the
# start of a paragraph names the speaker (issue 10).
_TRANSCRIPT_LABEL_RE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})(?:, [A-Z][A-Za-z'’ ,&-]{1,60})?:(?:\s|$)"
)


# A headline closing on its speaker: "There's difficulty but no crisis – Ama Boateng-Ofori".
_HEADLINE_CREDIT_RE = re.compile(r"\s[–—]\s*(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})\s*$")


_TITLE_BEFORE_OF = re.compile(r"([A-Za-z]+)\s+$")


def _title_before_of(text: str, of_start: int) -> bool:
    match = _TITLE_BEFORE_OF.search(text, max(0, of_start - 30), of_start)
    return match is not None and match.group(1).lower() in STRONG_TITLES


def _after_article(text: str, start: int) -> bool:
    return text[max(0, start - 4) : start].lower() in ("the ", " an ") or text[
        max(0, start - 2) : start
    ].lower() in ("a ",)


def _given_name_first(tokens: Sequence[_Token]) -> bool:
    """``John Tory leads``: a known given name opening a two- or three-word name is evidence
    on its own, once a person is named in full (issue 10)."""
    names = [t for t in tokens if t.kind != _SUFFIX]
    return (
        2 <= len(names) <= 3
        and names[0].kind == _NAME
        and is_given_name(names[0].word)
        and all(t.kind in (_NAME, _PARTICLE, _INITIAL) for t in names[1:])
        and not any(t.word.isupper() and len(t.word) > 1 for t in names)
    )


_PLACE_PREPOSITIONS = _words(
    "in at to from near outside via across into towards toward around through"
)
# Words before a capitalised word that make it a place or a thing, not a lone surname.
_NOT_BEFORE_SURNAME = _PLACE_PREPOSITIONS | _words("the a an of for on by with and or")


def _after_place_preposition(before: _Token | None) -> bool:
    """``drove to Alice Springs``: after a place preposition a given name proves nothing."""
    return before is not None and before.low in _PLACE_PREPOSITIONS


def _rank_abbreviation(token: _Token) -> bool:
    """``DSP Bala Elkana``, ``CP Hakeem Odumosu``: a short all-capitals rank before a name."""
    return token.kind == _SHOUT and 2 <= len(token.word) <= 4 and token.word.isalpha()


def _strip_descriptors(tokens: list[_Token], article: _ArticleWords) -> tuple[list[_Token], bool]:
    """Drop descriptors glued to a name at a sentence start: "Curator Beatrix Allard said…".

    A sentence-initial capitalised word heading three or more name words is read as a
    false title (news style writes "Conservator Helena Pryce", but middle names as
    initials), unless it is a common given name ("Sarah Jane Whitcombe, who runs…"), or
    the article also opens a name with it mid-sentence ("said Sarah Jane Whitcombe")
    and never writes it in lower case. Repeats while three name words
    remain ("Harbour Master Agnes Whitlow" -> Agnes Whitlow). Also returns whether a dropped
    word reads as a job (written lower-case elsewhere, or an agent-noun ending), a cue.
    """
    if not tokens[0].sentence_start:
        return tokens, False
    job_like = False
    names = sum(1 for t in tokens if t.kind in (_NAME, _MONTH))
    k = 0  # counted once, not per dropped word: runs can be thousands of words (issue 11)
    while tokens[k].kind == _NAME and names >= 3:
        first = tokens[k]
        lower = article.written_lower(first.low)
        if (first.key in article.heads and not lower) or is_given_name(first.word):
            break
        job_like = job_like or lower or first.low.endswith(_AGENT_SUFFIXES)
        names -= 1
        k += 1
    return (tokens[k:] if k else tokens), job_like


def _after_role_noun(text: str, start: int, after: str) -> bool:
    """Whether the name at `start` is an appositive: "the harbour master, Agnes Whitlow, said"."""
    match = _APPOSITIVE_BEFORE.search(text, max(0, start - 60), start)
    if match is None or _APPOSITIVE_CLOSE.match(after) is None:
        return False
    head = match.group(1).lower()
    return head in ROLE_WORDS or head.endswith(_AGENT_SUFFIXES)


def _according_before(text: str, to_token: _Token) -> bool:
    return text[max(0, to_token.start - 11) : to_token.start].lower().rstrip().endswith("according")


def _family(name: str) -> str:
    return name_key(surname(name))


def _merge(
    persons: list[_Candidate], cand: _Candidate, by_family: dict[str, list[_Candidate]]
) -> None:
    family = _family(cand.name)
    words = cand.name.split()
    given = given_name(cand.name)
    suffix = name_key(words[-1]) if words and name_key(words[-1]) in SUFFIXES else ""
    for person in by_family.get(family, ()):
        p_words = person.name.split()
        p_suffix = name_key(p_words[-1]) if name_key(p_words[-1]) in SUFFIXES else ""
        if _family(person.name) != family or p_suffix != suffix:
            continue
        p_given = given_name(person.name)
        if (
            (given is None and p_given is None)
            or first_names_compatible(given, p_given)
            or _spelling_variant(given, p_given)
        ):
            person.name = better_name(person.name, cand.name)
            person.variants |= cand.variants
            person.evidence = person.evidence or cand.evidence
            return
    person = _Candidate(cand.name, set(cand.variants), cand.first_seen, evidence=cand.evidence)
    persons.append(person)
    by_family.setdefault(family, []).append(person)


def _spelling_variant(a: str | None, b: str | None) -> bool:
    """``Abdou`` / ``Abou`` Dardar in one article: given names one letter apart (both of four
    letters or more) under the same surname are one person spelt two ways."""
    if a is None or b is None:
        return False
    ka, kb = name_key(a), name_key(b)
    if min(len(ka), len(kb)) < 4 or abs(len(ka) - len(kb)) != 1:
        return False
    short, long_ = sorted((ka, kb), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


class MentionFinder:
    """Finds where known people are named in a text.

    >>> MentionFinder(["Vladimir Putin"]).find('The letter was signed "V Putin"')
    [Mention(start=23, end=30, name='Vladimir Putin', ...)]
    """

    def __init__(
        self,
        names: Sequence[str],
        aliases: Mapping[str, str] = {},
        *,
        variants: Sequence[Collection[tuple[str, ...]]] = (),
    ) -> None:
        self._forms: dict[tuple[str, ...], list[str]] = {}
        by_key = {name_key(n): n for n in names}
        for index, name in enumerate(names):
            words = [w for w in name.split()]
            folded = _fold_words(words)
            self._add(folded, name)
            core = tuple(w for w in folded if w not in SUFFIXES)
            if len(core) >= 2:
                family = _fold_words(surname(name).split())
                self._add((core[0], *family), name)
                self._add((core[0][:1], *family), name)
                self._add(family, name)
                self._add((core[-1],), name)
            for variant in variants[index] if index < len(variants) else ():
                self._add(tuple(variant), name)
        for alias, canonical in aliases.items():
            target = by_key.get(name_key(canonical))
            if target is not None:
                self._add(_fold_words(alias.split()), target)
        # The form lengths starting with each word, longest first: trying every length up
        # to the longest name at every token was quadratic in long capitalised runs.
        lengths: dict[str, set[int]] = {}
        for form in self._forms:
            lengths.setdefault(form[0], set()).add(len(form))
        self._lengths = {first: sorted(n, reverse=True) for first, n in lengths.items()}
        self._last_named: dict[str, int] = {}  # recency across `find` calls, for shared surnames
        self._gender: dict[str, str] = {}  # learnt from honorifics: "Mrs Baig" -> "f"
        self._seen = 0

    def _add(self, form: tuple[str, ...], name: str) -> None:
        if not form or not all(form):
            return
        names = self._forms.setdefault(form, [])
        if name not in names:
            names.append(name)

    def find(
        self, text: str, tokens: Sequence[_Token] | None = None, *, loose: bool = False
    ) -> list[Mention]:
        """Mentions of known people in `text`, in order (`loose` for title-case headlines)."""
        if tokens is None:
            tokens = tokenise(text)
        mentions: list[Mention] = []
        i, count = 0, len(tokens)
        while i < count:
            tok = tokens[i]
            if tok.key not in self._lengths or tok.kind in (_HON, _STOPK):
                i += 1
                continue
            found = None
            for length in self._lengths[tok.key]:
                if length > count - i:
                    continue
                span = tokens[i : i + length]
                names = self._forms.get(tuple(t.key for t in span))
                if not names or (
                    length > 1
                    and (
                        any(t.possessive for t in span[:-1])
                        or not all(
                            _contiguous(text, a, b) for a, b in zip(span, span[1:], strict=False)
                        )
                    )
                ):
                    continue
                if loose or self._plausible(text, tokens, i, length):
                    found = (length, names)
                    break
            if found is None:
                i += 1
                continue
            length, names = found
            last = tokens[i + length - 1]
            before = tokens[i - 1] if i > 0 and _contiguous(text, tokens[i - 1], tok) else None
            if before is None:
                before = _word_before(text, tok.start)
            honorific = before.low if before is not None and before.kind in (_HON, _TITLE) else None
            hint = gender_hint(honorific) or _appositive_gender(
                text, before.start if honorific else tok.start
            )
            ambiguous = False
            if len(names) == 1:
                name = names[0]
            else:  # a shared surname: the right gender if known, else the one named last
                # Only namesakes already named compete ("Mrs Baig" before Kamran Baig appears).
                pool = [n for n in names if n in self._last_named] or names
                known = [n for n in pool if hint and self._gender.get(n) == hint]
                fitting = known or (
                    [n for n in pool if self._gender.get(n, hint) == hint] if hint else pool
                )
                name = max(fitting or pool, key=lambda n: self._last_named.get(n, -1))
                ambiguous = len(known) != 1 and len(fitting) != 1
            if hint and not ambiguous:
                self._gender.setdefault(name, hint)
            mentions.append(
                Mention(tok.start, last.end, name, last.possessive, honorific, hint, ambiguous)
            )
            self._seen += 1
            self._last_named[name] = self._seen
            i += length
        return mentions

    @staticmethod
    def _plausible(text: str, tokens: Sequence[_Token], i: int, length: int) -> bool:
        """A lone surname inside someone else's name or a place is not a mention ("Trump Tower")."""
        if length > 1:
            return True
        if i > 0 and tokens[i - 1].kind == _NAME and _contiguous(text, tokens[i - 1], tokens[i]):
            return tokens[i - 1].sentence_start and tokens[i - 1].low.endswith(("ing", "ed", "ly"))
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return not (
            nxt is not None
            and not tokens[i].possessive
            and nxt.kind in (_NAME, _POISONK)
            and _contiguous(text, tokens[i], nxt)
        )


def gender_hint(honorific: str | None) -> str | None:
    """ "f", "m" or None from a folded honorific or noun: `gender_hint("mrs")` -> "f"."""
    if honorific in FEMALE_HONORIFICS or honorific in _FEMALE_NOUNS:
        return "f"
    if honorific in MALE_HONORIFICS or honorific in _MALE_NOUNS:
        return "m"
    return None


_NOUN_BEFORE_COMMA = re.compile(r"\b([a-zé]+),[ \u00a0]{1,2}$")


def _appositive_gender(text: str, start: int) -> str | None:
    """The sex a describing noun gives an appositive: "Her husband, Peter Marsh" -> "m"."""
    match = _NOUN_BEFORE_COMMA.search(text, max(0, start - 20), start)
    return gender_hint(match.group(1)) if match else None
