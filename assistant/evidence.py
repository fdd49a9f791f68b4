"""Detectors for what an answer type needs: amounts, counts, dates, names, places.

Each takes a text span and says whether it can answer that kind of question. They are regular
expressions on purpose: deal documents state figures in a small number of fixed forms.
"""

from __future__ import annotations

import re

from assistant.name_match import POSSESSIVE_RE
from assistant.series import series_items
from commitments.places import find_places
from dealqa.types import AnswerType
from retrieval.text import find_amounts, money_amounts, stem, tokenize

__all__ = [
    "DATE_RE",
    "ENUMERATES_RE",
    "MONTHS",
    "HONORIFICS",
    "TITLED_NAME_RE",
    "TITLES",
    "CALENDAR_YEAR_RE",
    "RELATIVE_YEAR_RE",
    "YEAR_OFFSET",
    "GENERIC_NAMES",
    "MARKED_NAME_RE",
    "MONEY_RE",
    "NAME_RUN_RE",
    "PER_PERIOD_RE",
    "has_money",
    "names_parties",
    "states_share_of",
    "has_count_of",
    "has_number",
    "has_count",
    "counts_nothing",
    "has_date",
    "has_calendar_date",
    "has_deadline",
    "has_duration",
    "has_frequency",
    "has_name",
    "has_place",
    "has_slot",
    "satisfies",
]

_WORDED_SUM = (r"\b(?:several|many|a few|tens of|hundreds of) (?:billion|million) "
               r"(?:pounds|dollars|euros)\b|\b(?:billions|millions) of (?:pounds|dollars|euros)\b")
_WORDED_SUM_RE = re.compile(_WORDED_SUM, re.IGNORECASE)
MONEY_RE = re.compile(
    r"(?:[£$€]\s?\d[\d,.]*\s?(?:bn|billion|m|million|k|tn|trillion)?\b)|"
    r"(?:\b\d[\d,.]*\s?(?:bn|billion|m|million)\s?(?:pounds|dollars|euros)\b)|"
    # a sum in words: "several billion pounds' worth", "millions of pounds"
    rf"(?:{_WORDED_SUM})|"
    r"(?:\b\d[\d.]*\s?(?:per cent|percent|%))",
    re.IGNORECASE,
)
_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
                 r"fifty|sixty|seventy|eighty|ninety")
# A share in words: "a third", "two-thirds", "half".
_SHARE_WORDS = r"(?:a|one|two) (?:third|quarter)s?|two-thirds|three-quarters|half"
_NUMBER_RE = re.compile(
    r"\b(?:c\.\s?|around |about |nearly |over |up to |more than |at least )?\d[\d,]*(?:\.\d+)?\b"
    # ("millions", "billions" only in the plural: "£2 billion" is money, "billions of people" a count)
    rf"|\b(?:{_NUMBER_WORDS}|hundreds?|thousands?|dozens?|millions|billions)\b"
    # A share or a multiple is a size too: "increase by a third", "doubling the allowance".
    rf"|\b(?:{_SHARE_WORDS}|"
    r"doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|trebl(?:e|ed|es|ing))\b",
    re.IGNORECASE,
)
_SHARE_WORDS_RE = re.compile(rf"\b(?:{_SHARE_WORDS})\b", re.IGNORECASE)
# Month names and abbreviations, a regex alternation (case-insensitive use).
MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A length of time: "five years", "15-year", "18 months".
_DURATION = rf"(?:\d+|{_NUMBER_WORDS})[- ](?:years?|months?|weeks?)"
DATE_RE = re.compile(
    rf"\b(?:(?:{MONTHS})\.?\s+(?:19|20)\d\d|(?:19|20)\d\d(?:/\d\d)?|"
    rf"(?:early|mid|late|end of|spring|summer|autumn|winter)[- ](?:19|20)\d\d|"
    r"(?:next|this|last) (?:year|month|spring|summer|autumn|winter)|"
    rf"(?:in|since|from|by|until) (?:{MONTHS})\b|"
    r"(?:next|over the next|within|after) (?:\w+ )?(?:years?|months?)|quarterly|annual(?:ly)?|"
    r"(?:months|weeks|years) ahead|coming (?:months|weeks|years)|"
    # a stage of the deal to come: "will be laid out in future phases of the deal"
    r"(?:next|future|later|subsequent|coming) (?:phases?|stages?|waves?)|"
    rf"{_DURATION}|"
    r"bi-annual(?:ly)?)\b",
    re.IGNORECASE,
)
# A capitalised word not at the start of the text, or an all-caps acronym.
_NAME_RE = re.compile(r"(?<=[\s(‘'\"])(?:[A-Z][a-z]+[A-Za-z&'’-]*|[A-Z]{2,}[a-z]?)\b")
_PLACE_RE = re.compile(
    r"\b(?:in|at|across|based in|located in|from|to) (?:the )?(?:[A-Z][a-z]+)(?:[ -][A-Z][a-z]+)*"
)


# "a year", "per annum", "annually": a figure stated per period (also the question's cue).
PER_PERIOD_RE = re.compile(r"\b(?:each|every|per|a) (?:year|annum|month)\b|\bannual(?:ly)?\b|"
                            r"\byearly\b|\bper[- ]year\b|/year\b", re.IGNORECASE)


def has_money(text: str) -> bool:
    return bool(MONEY_RE.search(text))


def has_number(text: str) -> bool:
    return bool(_NUMBER_RE.search(text))


_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


# "the 100,000 Genomes Project": a number opening a title names something; it counts nothing.
_TITLE_AFTER_RE = re.compile(r"\s+[A-Z][a-z]+\s+[A-Z][a-z]+")


def _in_title(text: str, end: int) -> bool:
    return bool(_TITLE_AFTER_RE.match(text, end))


# A number naming a thing ("type 2 diabetes", "Wave 1", "Phase 2") or saying how long ("a
# 15-year partnership", "over 10 years") counts nothing that could be added or compared.
_LABEL_BEFORE = re.compile(r"\b(?:type|wave|phase|stage|tier|level|round|part|article|section|"
                           r"chapter|annex|figure|table|step|no\.|number)\s$", re.IGNORECASE)
_DURATION_AFTER = re.compile(r"[\s-](?:years?|months?|weeks?|days?|hours?)\b", re.IGNORECASE)
# ... nor does a day of the month ("1 January 2018"), nor the start of a range of rates ("from
# 11 to 12 per cent").
# ("5 may apply": "may" is a month only before a year)
_NOT_COUNT_AFTER = re.compile(rf"\s(?:(?!may\b(?!\s+\d{{4}}))(?:{MONTHS})\b|"
                              r"(?:to|and|or)\s\d[\d.]*\s?(?:per ?cent|%))", re.IGNORECASE)


def counts_nothing(text: str, start: int, end: int) -> bool:
    """The number at ``text[start:end]`` is a label, a length of time or a day of the month."""
    return bool(_LABEL_BEFORE.search(text[max(0, start - 10):start])
                or _DURATION_AFTER.match(text, end) or _NOT_COUNT_AFTER.match(text, end))


def has_count(text: str) -> bool:
    """A number that is neither money nor a year, nor a label, a duration or a day of the month:
    "150 new research roles", "c.800", not "a 15-year partnership"."""
    low = text.lower()
    for m in _NUMBER_RE.finditer(low):
        before = low[max(0, m.start() - 1) : m.start()]
        after = low[m.end() : m.end() + 9]
        if (before and before in "£$€") or _YEAR_RE.match(m.group().strip()) \
                or _in_title(text, m.end()) or counts_nothing(low, m.start(), m.end()):
            continue
        if re.match(r"\s?(?:bn|billion|m\b|million|per cent|%|/\d)", after):
            continue
        return True
    return False


# A count of what is already there: "the 57,000 people who work in ...", "600 staff already".
_STANDING_AFTER = re.compile(r"[^.;]{0,30}?\b(?:who (?:work|are employed)|already|currently)\b")


# A count of the things named before it, unless it says what they are ("10 of whom are nurses")
_OF_WHICH_RE = re.compile(r"\s*of (?:which|whom|them|these|those)\b(?!,? (?:are|were|is|was)\b)")


def has_count_of(text: str, nouns: tuple[str, ...], *, new_only: bool = False) -> bool:
    """A number within a few words of one of ``nouns`` (singular stems): "nearly 100 high-value
    jobs"; with ``new_only``, not a count of those already there."""
    low = text.lower()
    for m in _NUMBER_RE.finditer(low):
        if (new_only and _STANDING_AFTER.match(low, m.end())) or _YEAR_RE.match(m.group().strip()):
            continue  # (a year counts nothing: "HM Treasury (2017), ... Innovative Firms")
        # Money is not a count ("£40m investment ... jobs" must not count as "40 jobs").
        before = low[max(0, m.start() - 1) : m.start()]
        if before in "£$€" and before or _in_title(text, m.end()):
            continue
        window = low[m.end() : m.end() + 40]
        if _OF_WHICH_RE.match(window):
            # "22 centres, 10 of which receive research nurse funding": 10 centres, not nurses
            if any(re.search(rf"\b{re.escape(n)}", low[max(0, m.start() - 40):m.start()])
                   for n in nouns):
                return True
            continue
        if any(re.search(rf"\b{re.escape(n)}", window) for n in nouns):
            return True
    return False


def has_date(text: str, month: bool = False) -> bool:
    return bool((MONTH_YEAR_RE if month else DATE_RE).search(text))


# A month of a year, as the deal writes one: "April 2017", "Aug 2017", "Sept. 2018" (groups:
# the month's name, the year).
MONTH_YEAR_RE = re.compile(r"\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|"
                           r"July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|"
                           r"Dec(?:ember)?)\.? ((?:19|20)\d\d)\b")


# A date on the calendar (a year, a month and year, "mid-2018", "1 January 2018", "2021/22"), as
# opposed to a relative one ("this year", "over the next five years") or a frequency.
CALENDAR_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def has_calendar_date(text: str) -> bool:
    return bool(CALENDAR_YEAR_RE.search(text))


# A year named from the one the text was written in: "this year", "the following year".
RELATIVE_YEAR_RE = re.compile(r"\b(?P<which>this|next|last|the following|the same|the previous) "
                              r"year\b", re.IGNORECASE)
# ... this many years on from it ("next year": 1)
YEAR_OFFSET = {"this": 0, "the same": 0, "next": 1, "the following": 1, "last": -1,
               "the previous": -1}


def has_year(text: str) -> bool:
    """A year, on the calendar or relative to the deal's ("this year", "next year")."""
    return has_calendar_date(text) or bool(RELATIVE_YEAR_RE.search(text))


_DURATION_RE = re.compile(rf"\b{_DURATION}\b", re.IGNORECASE)


_FREQUENCY_RE = re.compile(
    r"\b(?:quarterly|monthly|weekly|daily|annual(?:ly)?|bi-?annual(?:ly)?|biennial(?:ly)?|yearly|"
    r"(?:each|every|per|a|twice a|once a) (?:year|quarter|month|week|day)|"
    r"every (?:\w+ )?(?:years|months|weeks)|on an? \w+ basis|regular(?:ly)?)\b", re.IGNORECASE)


# A date something must happen by: "20,000 apprenticeships by 2020", "no later than March 2018".
_DEADLINE_RE = re.compile(r"\b(?:deadlines?|closing dates?|clos(?:e|es|ing) on|"
                          r"(?:by|before|no later than|until) (?:the )?(?:end of |early |mid-?|"
                          rf"late |spring |summer |autumn |winter )?(?:(?i:{MONTHS})\.? )?"
                          r"(?:19|20)\d\d)\b")


def has_deadline(text: str) -> bool:
    return bool(_DEADLINE_RE.search(text))


def has_frequency(text: str) -> bool:
    """How often: "quarterly meetings", "on an annual basis", "every six months"."""
    return bool(_FREQUENCY_RE.search(text))


def has_duration(text: str) -> bool:
    """A length of time: "five years", "15-year", "18 months"."""
    return bool(_DURATION_RE.search(text))


# A floor area or site size: "a 4,500 sq ft CryoHub", "12,000 square metres", "a 10-acre site".
SIZE_RE = re.compile(r"\b\d[\d,.]*\s*(?:-\s*)?(?:sq\.? ?(?:ft|feet|m)|square (?:feet|foot|metres?|"
                     r"meters?)|m2|m²|hectares?|acres?|ha)\b", re.IGNORECASE)
# A word marked as a name wherever it stands, even opening a sentence ("QIAGEN", "AstraZeneca").
MARKED_NAME_RE = re.compile(r"[A-Z]{2,}[a-z]?|[A-Z][a-z]+[A-Z][A-Za-z]*")
# Names so common in a UK deal that they answer no "who/which" question on their own.
GENERIC_NAMES = frozenset({"uk", "nhs", "eu", "us", "england", "scotland", "wales", "britain",
                            "government", "the", "this", "these", "our", "we", "it"})


# Examples or a parenthesised list of three or more: "(pharma, medtech, diagnostics, ...)",
# "..., including a streamlined approvals system and ...".
ENUMERATES_RE = re.compile(r"\b(?:such as|including|e\.g\.|for example|namely)\s+\w|"
                           r"\((?:[^()]*,){2,}[^()]*\)", re.IGNORECASE)
# A name as written: capitalised words, maybe joined by "of", "for" or "&" ("Bill & Melinda Gates
# Foundation", "University of Oxford"), possibly possessive ("GSK's").
NAME_RUN_RE = re.compile(r"[A-Z][\w'’&-]*(?:\s+(?:of|for|&)\s+[A-Z][\w'’&-]*|\s+[A-Z][\w'’&-]*)*")


def has_name(text: str, exclude: frozenset[str] = frozenset(), *, agents: bool = True) -> bool:
    """A capitalised name that is neither generic nor one of the ``exclude`` words (the
    question's own words: the answer to "which hospitals ...?" must name something new)."""
    padded = " " + text
    for m in _NAME_RE.finditer(padded):
        before = padded[: m.start()].rstrip()
        # A capital that only starts a sentence is no name; but "QIAGEN, a leading provider
        # ..." and "AstraZeneca ..." are names wherever they stand.
        if (not before or before[-1] in ".!?:;•◦▶►") and not MARKED_NAME_RE.fullmatch(m.group()):
            continue
        # "the National Data Guardian's recommendations" names no one new to a question about
        # the National Data Guardian: the possessive is not part of the word.
        word = POSSESSIVE_RE.sub("", m.group()).lower()
        if word not in GENERIC_NAMES and word not in exclude:
            return True
    return _named_body(text, exclude) or agents and _new_agent(text, exclude)


def _new_agent(text: str, exclude: frozenset[str]) -> bool:
    """An agent slot ("chaired jointly by industry and the government") holding a word the
    question does not already give: "chaired by Sir Andrew Witty" names no one new to a
    question about Sir Andrew Witty."""
    for m in _AGENT_RE.finditer(text):
        after = re.match(r"[^.;:()]{0,60}", text[m.end():]).group()
        words = {w.lower() for w in _WORD_RE.findall(after)} - _SLOT_FILLERS
        if words - exclude:
            return True
    return False


# A person as the deal names one: a title, then the name ("Sir Andrew Witty", "Professor David
# Marks").
TITLES = r"(?:Sir|Dame|Professor|Prof|Dr|Lord|Lady|Baroness|Rt Hon|Mr|Mrs|Ms)\.?"
TITLED_NAME_RE = re.compile(rf"\b{TITLES}\s+[A-Z][a-z]")
# Titles around a person's name ("Rt Hon Greg Clark MP", "Professor Sir John Bell"): not the
# name itself.
HONORIFICS = frozenset("rt hon mp sir dame professor prof dr mr mrs ms lord baroness gbe frs "
                       "the".split())
_SLOT_FILLERS = HONORIFICS | {"a", "an", "and", "of", "its", "their"}


# Bodies named by ordinary words, each of which may be the question's own: a national body
# ("NHS Digital", "Health Data Research UK", "Genomics England": a country or the NHS plus
# words) or a team or board ("The Industrial Strategy team will provide the challenge").
_RUN_RE = re.compile(r"[A-Z][A-Za-z&'’-]*(?:\s+(?:and\s+|of\s+)?[A-Z][A-Za-z&'’-]*)+")
_NATIONAL = frozenset({"uk", "nhs", "england", "scotland", "wales", "britain"})
_BODY_AFTER = re.compile(r"\s+(?:team|board|council|group|partnership|network|unit|office|"
                         r"committee|panel|taskforce|alliance|agency)s?\b")


def _named_body(text: str, exclude: frozenset[str]) -> bool:
    for m in _RUN_RE.finditer(text):
        words = [w.lower() for w in re.findall(r"[A-Za-z&'’-]+", m.group()) if w[0].isupper()]
        body = any(w in _NATIONAL for w in words) or bool(_BODY_AFTER.match(text, m.end()))
        # ``exclude`` holds the question's own name runs too ("nhs digital"): those are not new.
        if len(words) >= 2 and body and any(w not in GENERIC_NAMES for w in words) \
                and " ".join(words) not in exclude:
            return True
    return False


# "Who ...?" is also answered by a body named in lower case: "chaired by industry and the government".
# (a commitment's parties too: "the commitment by the government, the NHS and industry", "a
# partnership between A and B")
_AGENT_RE = re.compile(r"\b(?:chaired|led|run|funded|backed|supported|delivered|owned|"
                       r"made up|overseen|managed) (?:jointly )?by\b|\b(?:commitment|pledge|"
                       r"promise|agreement|partnership|collaboration)s? (?:made )?(?:by|between)\b",
                       re.IGNORECASE)


def names_parties(text: str) -> bool:
    """An agent slot holding three or more parties ("the commitment by the government, the NHS
    and industry"): the parties a commitment or partnership covers, however common their
    words are."""
    for m in _AGENT_RE.finditer(text):
        after = re.match(r"[^.;:()]{0,100}", text[m.end():]).group()
        if series_items(after) >= 3:
            return True
    return False


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*")
SLOT_CHARS = 80


def has_slot(text: str, focus: frozenset[str], exclude: frozenset[str] = frozenset(),
             *, before: int = 0) -> bool:
    """A new name right after a word of the question's ``focus`` (stems): "funded by
    NHS Blood and Transplant", "companies including Philips" answer "who funds", "which
    companies". A name elsewhere in the sentence may belong to something else."""
    for m in _WORD_RE.finditer(text):
        word = m.group().lower()
        if word.endswith("ing") and not text[m.end():m.end() + 4].startswith(" by"):
            continue  # "Leading health charities", "world-leading": adjectives, not roles
        if stem(word) in focus:
            if has_name(text[m.start():m.end() + SLOT_CHARS], exclude):
                return True
            # "Autolus and Cell Medicine are set to be the first companies": names may also
            # come just before the kind they are (``before`` characters).
            if before and has_name(text[max(0, m.start() - before):m.start()], exclude):
                return True
    return False


def has_place(text: str) -> bool:
    """ "in Leeds", "at the Border Technology Park", or a known UK place however it is phrased
    ("based in MSD's UK Hoddesdon headquarters"), but not one that only begins a company's
    name: "including Oxford Biomedica" says nothing of where anyone is."""
    return bool(_PLACE_RE.search(text)) or any(
        not _in_org_name(text, m.end()) for place in find_places(text)
        for m in re.finditer(re.escape(place), text))


# Words that end a place's own name ("Manchester Science Park", "Leeds City Region"); a known
# place followed by other capitalised words ends an organisation's ("Oxford Biomedica").
_PLACE_KINDS = frozenset("park campus city region street road quarter bioquarter centre county "
                         "valley square estate village town district coast borough gateway "
                         "corridor triangle cluster site zone".split())
_CAPITALISED_RUN = re.compile(r"(?:\s+[A-Z][\w'’&-]*)+")


def _in_org_name(text: str, end: int) -> bool:
    """The place ending at ``end`` is the first word of an organisation's name."""
    run = _CAPITALISED_RUN.match(text, end)
    return bool(run) and POSSESSIVE_RE.sub("", run.group().split()[-1]).lower() \
        not in _PLACE_KINDS


# "increase by a third", "cut by 25 per cent", "will increase to 3 per cent": a change, or the
# level a change reaches, not a share of a whole
_CHANGE_BY_RE = re.compile(r"\b(?:by|to) (?:(?:around|about|nearly|over|up to|almost) )?$",
                           re.IGNORECASE)


# what a share is of: "2.4 per cent of GDP" -> "GDP"
_SHARE_OF_RE = re.compile(r"(?:\s*(?:per cent|percent|%))?\s+of\s+(?:the\s+)?([\w'’-]+)",
                          re.IGNORECASE)


def states_share_of(text: str, asked: frozenset[str] | None = None) -> bool:
    """Whether ``text`` states a share of something ("98 per cent of which", "nearly half of
    businesses"), not only a change by one ("total support ... will increase by a third").
    With ``asked`` (a question's terms), a share of a named thing must be of one it names:
    "2.4 per cent of GDP" is no share of public R&D investment."""
    spans = [(a.start, a.end) for a in find_amounts(text) if a.is_percent]
    spans += [m.span() for m in _SHARE_WORDS_RE.finditer(text)]
    for start, end in spans:
        if _CHANGE_BY_RE.search(text[max(0, start - 24):start]):
            continue
        of = _SHARE_OF_RE.match(text, end)
        if asked is None or of is None or not (named := tokenize(of.group(1))) \
                or set(named) & asked:
            return True
    return False


def satisfies(text: str, answer_type: AnswerType, *, count_nouns: tuple[str, ...] = (),
              any_count: bool = False, wants_money: bool = False, wants_percent: bool = False,
              wants_size: bool = False, wants_cash: bool = False,
              per_period: bool = False, known: frozenset[str] = frozenset(),
              proper_name: bool = False, new_only: bool = False, currency: str = "",
              money_words: tuple[str, ...] = (), month: bool = False) -> bool:
    """Whether ``text`` holds the kind of fact ``answer_type`` asks for."""
    if answer_type is AnswerType.AMOUNT and money_words \
            and not any(w in text.lower() for w in money_words):
        return False  # "what salary ...?" is not answered by "£40m investment ... jobs"
    if answer_type is AnswerType.AMOUNT and currency and not any(
            a.currency == currency and not a.is_percent for a in find_amounts(text)):
        return False  # "worth in pounds?" is not answered by "over $1m"
    if answer_type is AnswerType.AMOUNT and per_period and not PER_PERIOD_RE.search(text):
        return False  # "how many each year?" is not answered by a total
    if answer_type is AnswerType.AMOUNT and wants_percent:
        # "What proportion ...?": "nearly half of businesses" states one in words
        return any(a.is_percent for a in find_amounts(text)) or bool(_SHARE_WORDS_RE.search(text))
    if answer_type is AnswerType.AMOUNT and wants_size:
        return bool(SIZE_RE.search(text))
    if answer_type is AnswerType.AMOUNT:
        # Known nouns ("jobs" ~ roles, staff) must be counted; an unknown one ("boffins")
        # takes any count that is not money or a year, unless the text uses the word as asked
        # (``count_nouns``: lower case, not in a name) and never counts it: "will incubate and
        # grow start-ups ... the 57,000 people who work in ..." gives no number of start-ups.
        if any_count:
            used = any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)
                       for n in count_nouns)
            return has_count_of(text, count_nouns, new_only=new_only) if used else has_count(text)
        if count_nouns:
            return has_count_of(text, count_nouns, new_only=new_only)
        if wants_cash:
            return bool(money_amounts(text) or _WORDED_SUM_RE.search(text))
        return has_money(text) if wants_money else (has_money(text) or has_number(text))
    if answer_type is AnswerType.DATE:
        return has_date(text, month)
    if answer_type is AnswerType.PLACE:
        return has_place(text)
    if answer_type is AnswerType.ENTITY:
        return has_name(text, exclude=known, agents=not proper_name)
    return True
