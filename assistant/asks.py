"""What a question asks for beyond its answer type, read from its wording: what a subject will
do ("What will the collaborative do?"), what a thing is ("What is Nexus?"), how firm a promise
is ("Is the £210m guaranteed?"), what something requires ("What will it take ...?"), and
which time a date question asks for: a date ("When ...?"), a frequency ("How often ...?"), a
period ("Over what period ...?") or a length of time ("How long ...?").

Each returns a pattern or a flag the selector and the quoter use to prefer one unit over another.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.compose import CONDITION_RE
from assistant.followup import borrowed_name

__all__ = ["ALIAS_RE", "CIRCUMSTANCE_ASK", "CONDITIONAL_RE", "YES_NO_RE", "acts_re", "asks_alias", "asks_by_when",
           "asks_circumstance", "asks_conditions",
           "asks_deadline", "asks_duration", "asks_figure_source", "asks_firmness",
           "asks_frequency", "asks_period", "asks_requirement", "asks_source", "asks_when",
           "asks_year", "condition_cues_removed", "defines_re", "states_figure"]

# ("What can the collaborative do for companies, according to the deal?": for whom, and where
# it says so, may follow)
_DO_RE = re.compile(r"^\s*what (?:will|does|do|would|is|are|did|can|could) "
                    r"(?:the |its |their |this |that )?"
                    # (a clause within, "what does the paper say the study will do?", has
                    # another subject)
                    r"(?:(?!(?:say|says|said|will|would|can|could)\b)[\w&'’-]+ )*?"
                    r"((?!(?:say|says|said|will|would|can|could)\b)[\w&'’-]+) "
                    r"(?:actually |really |exactly |specifically )?"
                    r"(?:do|doing|going to do|be doing|deliver)(?: for (?:[\w'’-]+ ){0,2}[\w'’-]+)?"
                    r"(?:,? (?:according to|in) the (?:deal|document))?\W*$", re.IGNORECASE)
_PRONOUNS = frozenset({"it", "they", "this", "that", "these", "those", "he", "she"})


@lru_cache(maxsize=256)  # asked by the selector and again for every quote window
def acts_re(question: str, standalone: str = "") -> re.Pattern[str] | None:
    """For "What will <subject> do?", a pattern for sentences where the subject acts ("the
    Accelerated Access Collaborative will facilitate ..."); None for other questions. A
    follow-up's "it" is the first name it borrowed ("What is Nexus? ... What will it do?")."""
    m = _DO_RE.match(question)
    if not m:
        return None
    head = m.group(1).rstrip("'’s")
    if head.lower() in _PRONOUNS:
        borrowed = borrowed_name(question, standalone)
        if not borrowed:
            return None
        head = borrowed.split()[0]
    head = re.escape(head)
    # The subject, maybe an aside ("(NHSA), working with both local and global industry," or
    # ", a £40m Innovation Centre driven by the University of Leeds, which"), then what it
    # will do.
    return re.compile(rf"\b{head}\w*[^.;:]{{0,90}}?\s(?:will|would|is to|are to|aims? to|"
                      rf"intends? to|is working|are working)\s+\w+", re.IGNORECASE)


_DEFINE_RE = re.compile(r"^\s*(?:what(?:['’]s| is| are| was| were)|tell me about|describe|"
                        r"explain)\s+(?:the |an? )?(?P<x>[A-Za-z0-9&'’ -]{3,80}?)\s*\??\s*$",
                        re.IGNORECASE)


@lru_cache(maxsize=256)
def defines_re(question: str) -> re.Pattern[str] | None:
    """For "What is X?" / "Tell me about X", a pattern for units with X as their subject (at
    the start, after a bullet or "The"/"This") or defining it ("X, a ...", "X is a ...",
    "X - ..."); None for other questions or an X of one common word."""
    m = _DEFINE_RE.match(question)
    if not m or len(m.group("x").split()) > 8:
        return None
    x = r"\s+".join(re.escape(w) for w in m.group("x").split())
    return re.compile(rf"^\W*(?:(?:the|this|a|an)\s+)?{x}\b|\b{x}(?:\s*\([^)]{{1,12}}\))?"
                      rf"(?:,\s+(?:a|an|the)\s|\s+(?:is|are)\s+(?:a|an|the)\s|\s+[-–—]\s)",
                      re.IGNORECASE)


_CONDITION_CUES = re.compile(
    r"\b(condition\w*|unconditional\w*|strings attached|the strings|small print|fine print|"
    r"caveats?|qualifiers?|approv\w*|locked in|guarantee\w*|certain|"
    r"confirmed|firm|binding|depend\w*|what happens if|if the|unless|catch|"
    # "What's the plan for it once it's established?": an intention and what it waits on
    r"once|intend\w*|intention|plan (?:for|is)|in return|in exchange|"
    # "Can we bank on the money, or does somebody still have to sign it off?"
    r"sign(?:s|ed)?(?: it| them| this| that)? off|sign-?off|bank on|count on|rely on|"
    r"set in stone|green light|go-ahead|"
    # "Is the £80bn a promise, or does the deal hedge it?", "Is the route open to all
    # scientists?", "What did Oxfordshire take on as the quid pro quo?"
    r"hedg\w*|a (?:firm )?promise|open to (?:all|any|every)\w*|quid pro quo)\b", re.IGNORECASE)
# Yes/no questions ("Will the fund stay ...?", "Is the money confirmed?") are usually about how
# firm a promise is, so the conditions stated beside it belong in the answer.
YES_NO_RE = re.compile(r"^\s*(is|are|was|were|will|would|does|do|did|has|have|can|could|should)\b",
                       re.IGNORECASE)


_REQUIREMENT_RE = re.compile(
    r"\bwhat (?:will|would|does|did) it take\b|\bwhat (?:is|are|will be|would be) "
    r"(?:required|needed)\b|\brequired of\b|\b(?:depend|rely|hinge)s? on\W*$", re.IGNORECASE)


# "What is MSD called in North America?", "the company's US name", "called something else in
# America": another name the subject goes by, which the deal gives as "known as ..."
_ASKS_ALIAS_RE = re.compile(
    r"\b(?:called|known|named)\b(?:(?!\b[A-Z])[^?]){0,40}\b(?:in|across) (?:the )?(?:US|USA|"
    r"United States|America|North America|Canada|Europe|abroad|other countries)\b|"
    r"\b(?:North American|American|US|U\.S\.|overseas|other|alternative|former) name\b|"
    r"\bcalled something else\b|\b(?:also|otherwise|elsewhere) (?:known|called)\b",
    re.IGNORECASE)
ALIAS_RE = re.compile(r"\b(?:known as|also called|otherwise called|formerly|trading as)\b",
                      re.IGNORECASE)


def asks_alias(question: str) -> bool:
    """The question asks another name its subject goes by (not "The firm called Merck in North
    America - where is its headquarters?", which states it)."""
    return bool(_ASKS_ALIAS_RE.search(question))


def asks_requirement(question: str) -> bool:
    """ "What will it take for the target to bring in £80bn?": what something requires."""
    return bool(_REQUIREMENT_RE.search(question))


def condition_cues_removed(question: str) -> str:
    """``question`` without the words by which it asks how firm something is ("bank on", "sign
    it off"): what is left says what it is about."""
    return _CONDITION_CUES.sub(" ", question)


# "In what circumstance could the money be reallocated?", "Under what conditions ...?": the
# condition under which something would happen, which a unit states with "if", "unless" ...
# ("What would happen to the programmes if that link isn't kept?": what the deal says follows
# from the condition)
CIRCUMSTANCE_ASK = r"(?:in|under) (?:what|which) (?:circumstances?|conditions?|cases?|situations?)"
_CIRCUMSTANCE_RE = re.compile(rf"\b{CIRCUMSTANCE_ASK}\b|\bon what conditions?\b|"
                              r"\bwhat\b[^?]{0,30}?\b(?:would|will|could|might) happen\b[^?]*\bif\b|"
                              r"\bwhat happens\b[^?]*\bif\b", re.IGNORECASE)
CONDITIONAL_RE = re.compile(r"\b(?:if|unless|subject to|provided (?:that )?|on condition|only "
                            r"where|only when|in the event)\b", re.IGNORECASE)


def asks_circumstance(question: str) -> bool:
    return bool(_CIRCUMSTANCE_RE.search(question))


def asks_conditions(question: str) -> bool:
    return bool(asks_firmness(question) or YES_NO_RE.search(question))


# How long or how far a promise holds: "Will the fund stay there permanently?", "Is the £86m
# fixed or a ceiling?", "Is it a short pilot or a long-term commitment?"
_LASTING_RE = re.compile(r"\b(?:permanent\w*|indefinite\w*|for good|forever|fixed|ceiling|"
                         r"temporar\w*|long-term|short-term|stay|remain)\b",
                         re.IGNORECASE)


def asks_firmness(question: str) -> bool:
    """ "Is the £210m guaranteed?", "Can we bank on it?": how firm a promise is, in words
    that say so (a yes/no question alone may ask for any fact: "Are the hubs meant to be
    interoperable?")."""
    return bool(CONDITION_RE.search(question) or _CONDITION_CUES.search(question)
                or _LASTING_RE.search(question))


# A date question may want any of these; each is answered by a different kind of unit.
def asks_frequency(question: str) -> bool:
    """ "How often does the board meet?": a frequency ("quarterly", "on an annual basis")."""
    return bool(_HOW_OFTEN_RE.search(question))


def asks_source(question: str) -> bool:
    """ "The £1.3bn statistic is footnoted: which annual reviews is it sourced from?": where a
    figure comes from, which its footnote's References entry says."""
    return bool(_SOURCE_RE.search(question))


def asks_figure_source(question: str) -> bool:
    """ "Where do the figures on companies growing from 22 to 64 come from?": the source of a
    figure the question states, which the footnote of the unit stating it gives."""
    return asks_source(question) \
        and (states_figure(question) or bool(_FIGURES_NAMED_RE.search(question))) \
        and not _HOW_MUCH_FROM_RE.search(question)


def states_figure(question: str) -> bool:
    """The question gives a figure of its own in digits ("the growth from 22 to 64")."""
    return any(ch.isdigit() for ch in question)


# "Of the £350m, how much comes from the NHS?" asks a part of a sum by who gives it, not the
# source a footnote cites for a figure.
_HOW_MUCH_FROM_RE = re.compile(r"\b(?:how (?:much|many)|what (?:share|proportion|percentage|"
                               r"fraction|part|portion))\b[^?]*\b(?:come|comes|came|coming) from\b",
                               re.IGNORECASE)


_SOURCE_RE = re.compile(r"\b(?:footnot\w*|sourced|sources?|(?:come|comes|came) from|"
                        r"based on what|what is it based on|(?:cited|referenced) for|"
                        r"(?:taken|drawn) from|carr(?:y|ies) a reference|"
                        # "Where does the deal point readers for more about the partners?"
                        r"points? (?:readers|the reader|you|us) (?:to|for)|(?:find|read|learn) "
                        r"more (?:about|on)|for (?:more|further) (?:information|details?|"
                        r"reading))\b",
                        re.IGNORECASE)
# "The figures on advanced therapy company growth carry a reference": figures the question names
# without stating them
_FIGURES_NAMED_RE = re.compile(r"\b(?:figures?|statistics?|stats|numbers?|data)\b", re.IGNORECASE)


def asks_deadline(question: str) -> bool:
    """ "What is the application deadline for ...?": a date something must happen by, which the
    date of another event about it (its announcement) does not give."""
    return bool(_DEADLINE_ASK_RE.search(question))


_DEADLINE_ASK_RE = re.compile(r"\b(?:deadlines?|closing dates?|cut-?off dates?)\b", re.IGNORECASE)


def asks_by_when(question: str) -> bool:
    """ "By what year should the jobs be created?": a date to be met ("by 2020"), where the deal
    gives one, over the date something was announced."""
    return bool(_BY_WHEN_RE.search(question))


_BY_WHEN_RE = re.compile(r"\bby (?:when|what (?:year|date|month|time)|which (?:year|date))\b",
                         re.IGNORECASE)


def asks_when(question: str) -> bool:
    """A "when" question (not "how often": a frequency answers that)."""
    return bool(_WHEN_RE.search(question)) and not _HOW_OFTEN_RE.search(question)


def asks_year(question: str) -> bool:
    """ "In which year ...?", "What were the founding year and ...?": a year, which a unit
    gives on the calendar ("in 2015") or by "this year" or "next year"."""
    return bool(_YEAR_RE.search(question))


_YEAR_RE = re.compile(r"\b(?:what|which) (?:financial |calendar )?year\b|"
                      r"\bthe (?:expected |planned |estimated |likely |projected |scheduled |"
                      r"anticipated )?[a-z]+(?:ing|ion) year\b", re.IGNORECASE)


def asks_period(question: str) -> bool:
    """ "Over what period do the contracts run?": a duration, best with the date it starts."""
    return bool(_PERIOD_RE.search(question))


def asks_duration(question: str) -> bool:
    """ "How long has the UK invested in cohorts?": a length of time ("a 20-year history")."""
    return bool(_DURATION_ASK_RE.search(question))


_DURATION_ASK_RE = re.compile(r"\bhow long\b|\bhow many (?:years|months)\b|\bwhat duration\b|"
                              r"\bhow far (?:ahead(?! (?:are|is|was|were|of)\b)|forward|"
                              r"into the future|out)\b|"
                              r"\bwhat (?:time )?horizon\b", re.IGNORECASE)
_PERIOD_RE = re.compile(r"\b(?:over|for|during|across) what (?:period|time ?frame|timescale|"
                        r"time ?span)\b|\bwhat (?:period|time ?span)\b", re.IGNORECASE)
_WHEN_RE = re.compile(r"\bwhen\b|\b(?:what|which) (?:year|date|month)s?\b|\bby when\b|"
                      # "what's the start date of the contracts?"
                      r"\b(?:start|starting|opening|launch|end|completion|closing|finish|"
                      r"target|due) (?:date|month|year)s?\b", re.IGNORECASE)
_HOW_OFTEN_RE = re.compile(r"\bhow (?:often|frequently|regularly)\b|"
                           r"\bhow many times (?:a|per|each|every) (?:year|month|week)\b",
                           re.IGNORECASE)
