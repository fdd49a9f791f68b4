"""Claim checks: "Our timeline puts phase one of the deal in November 2017. Is that right?"

Officials check a figure, date or name they were given against the deal. Answered as an
ordinary question, the claim's own value steers retrieval and selection to it ("November 2017"
lists that month's rows). So the value is taken out, the rest is asked as a plain question of
the value's type ("When: the announcement of phase one of the deal?"), and the answer says
whether the deal's words give the claimed value, quoting them either way; where the value
appears elsewhere in the deal ("Sir John Bell" leads the strategy, not the collaborative),
that is quoted too. A claim may also be asked back as a question for the deal's own value ("A
newsletter says Touchlight is expanding at Harwell. Where does the deal place its facility?"):
the claimed value, of the kind the question asks for, is taken out, and the two asked as one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.asks import asks_firmness
from assistant.compose import Composer, Span
from assistant.dates_between import month_number
from assistant.evidence import HONORIFICS, MONTHS, NAME_RUN_RE
from assistant.question import analyse_question
from assistant.scoring import terms
from assistant.templates import Templates
from commitments.places import find_places
from dealqa.types import Answer, AnswerType, Citation, Passage, UnitKind
from retrieval.text import find_amounts, money_amounts

__all__ = ["Claim", "check_answer", "find_claim", "states_value"]

_I = re.IGNORECASE
# "... Is that right?", "Is that what the deal says?", "Is this correct?": the claim precedes it.
_ASKS_RE = re.compile(
    r"(?:^|(?<=[.?!,;:]\s)|(?<=[.?!,;:]))\s*(?:so\s+)?(?:is|was|are) (?:that|this|it|they) "
    r"(?:(?:still |actually |really )?(?:right|correct|true|accurate|so)|what the (?:deal|document)"
    # "Is that what the deal's milestone table shows?"
    r"(?:['’]s(?: [\w-]+){1,3})? (?:says|said|shows|showed|gives|states|has))\s*\??\s*$", _I)
# "Our notes say ...", "A colleague thinks ...", "I read that ...", "A newsletter says ...": whose
# claim it is.
_SAYS_RE = re.compile(
    r"^\s*(?:(?:our|my|the|a|an|one|this) (?:[\w'’-]+ ){0,2}?(?:notes?|timeline|draft|"
    r"brief(?:ing)?|records?|figures?|colleague|team|minister|summary|spreadsheet|press line|"
    r"article|report|newsletter|slide|email|memo|website|paper|story|post|presentation|"
    r"factsheet)|someone|i|we) "
    r"(?:says?|said|puts?|has|have|had|shows?|thinks?|thought|believes?|reckons?|claims?|"
    r"told (?:me|us)|heard|read|understand|remember)(?: that)?\s+", _I)
# "Our notes say Vertex began expanding in 2012. What year does the deal give?": a claim, then a
# question for the deal's own value of what it claims.
_DEAL_ASKS_RE = re.compile(r"(?<=[.!;:])\s+(?P<ask>(?:so\s+|and\s+)?(?:what|which|where|when|"
                           r"who|how)\b[^.!?]*\bthe (?:sector )?(?:deal|document)\b[^.!?]*\?)\s*$",
                           _I)
# A count as claimed: "about 2,000" (not a year: those are dates).
_ROUGHLY = r"(?:about|around|roughly|some|over|nearly|almost|only|just)"
# The words that introduce a claimed value ("in 2019", "is £20m"), left out of the value.
_BEFORE_VALUE = r"in|on|from|at|by|since|until|for|during|of|is|was|to"
_COUNT_CLAIM_RE = re.compile(rf"(?:\b{_ROUGHLY} )?(?<![£$€\d.,])\b(?!(?:19|20)\d\d\b)"
                             r"\d[\d,]*(?:\.\d+)?\b(?!\s*%)")
# "... partner is the University of Cambridge": a name the claim gives after its verb.
_NAME_AFTER_RE = re.compile(r"\b(?:is|was|are|were|by|as|with) (?:the )?"
                            r"(?P<name>[A-Z][\w&'’.-]*(?: (?:of |and |& )?[A-Z][\w&'’.-]*)*)")
# "Was it AstraZeneca that announced ...?": the name asked about, then the rest of the claim.
_WAS_IT_RE = re.compile(r"^\s*(?:was|is) it (?P<name>.+?) (?:that|who|which) (?P<rest>.+?)\??\s*$", _I)
# "Is the collaborative chaired by Sir John Bell?": a yes/no question with a name after "by".
_BY_NAME_RE = re.compile(r"^\s*(?i:is|was|are|were|will) (?P<rest>.+?) by (?P<name>[A-Z][^?]*?)\??\s*$")
# A date as claimed: "in November 2017", "at the end of 2019", "from mid-2018".
_DATE_CLAIM_RE = re.compile(
    rf"(?:\b(?:in|on|from|at|by|since|until|for|during) )?(?:the )?"
    rf"(?:(?:end|start|beginning|middle|close) of |early |mid-?|late |(?:spring|summer|autumn|"
    rf"winter) )?(?:(?:{MONTHS})\.? )?\b(?:19|20)\d\d(?:/\d\d)?\b", _I)
# "... main sequencing partner was Oxford Nanopore": the name a claim ends on, after its verb.
_NAME_CLAIM_RE = re.compile(r"\b(?:is|was|are|were|by|as) (?P<name>[A-Z][\w&'’.-]*(?: (?:of |and |& )?"
                            r"[A-Z][\w&'’.-]*)*)(?=[^A-Za-z]*$|\W+(?:in|for|on|at)\b)")
_MONTH_RE = re.compile(rf"\b({MONTHS})\b", _I)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_TYPE_WORD = {AnswerType.DATE: "When", AnswerType.AMOUNT: "How much", AnswerType.ENTITY: "Who"}
# A place as claimed, with the word before it: "at Harwell".
_PLACE_CLAIM = r"(?:\b(?:in|at|to|from|near) )?\b{place}\b"


@dataclass(frozen=True)
class Claim:
    """``value`` as the asker wrote it; ``question``: the claim without it, asked as a plain
    question of ``kind``."""

    value: str
    kind: AnswerType
    question: str


def find_claim(question: str) -> Claim | None:
    """The claim a question asks to have checked, or None for any other question."""
    q = " ".join(question.split())
    m = _WAS_IT_RE.match(q)
    if m and NAME_RUN_RE.fullmatch(m.group("name")):
        return _claim(m.group("name"), AnswerType.ENTITY, m.group("rest"))
    m = _BY_NAME_RE.match(q)
    if m and NAME_RUN_RE.fullmatch(m.group("name")):
        return _claim(m.group("name"), AnswerType.ENTITY, f"{m.group('rest')} by")
    asks = _ASKS_RE.search(q)
    if asks is None:
        return _asked_back(q)
    said = _claimed(q, asks.start())
    if not said or asks_firmness(said):
        # "... the £210m programme has already been signed off by the Treasury": a claim of how
        # firm the figure is, not of the figure; asked as it is, its footnote answers it.
        return None
    for kind in (AnswerType.DATE, AnswerType.AMOUNT):
        found = _value_in(said, kind, counts=False)
        if found is not None:
            return _cut(said, found, kind)
    m = _NAME_CLAIM_RE.search(said)
    if m:
        return _claim(m.group("name"), AnswerType.ENTITY,
                      said[: m.start("name")] + said[m.end("name"):])
    return None


def _asked_back(q: str) -> Claim | None:
    """"A newsletter says Touchlight is expanding at Harwell. Where does the deal place its new
    facility?": the claimed value, of the kind the question asks for, is taken out of the claim,
    and the claim's rest, then the question, asked as they are."""
    asks = _DEAL_ASKS_RE.search(q)
    if asks is None or not _SAYS_RE.match(q):
        return None
    said = _claimed(q, asks.start())
    kind = analyse_question(asks.group("ask")).answer_type
    found = _value_in(said, kind)
    if found is None:
        return None
    rest = " ".join(f"{said[: found.start()]} {said[found.end():]}".split())
    value = re.sub(rf"^(?:(?:{_BEFORE_VALUE}|near|as|with) (?:the )?|{_ROUGHLY} )", "",
                   found.group().strip(), flags=_I)
    # A place is checked as a name is: the deal's quotes give it or they do not.
    return Claim(value, AnswerType.ENTITY if kind is AnswerType.PLACE else kind,
                 f"{rest}. {asks.group('ask').strip()}")


def _claimed(q: str, end: int) -> str:
    """What the claim before ``end`` says, without whose claim it is ("Our notes say")."""
    return _SAYS_RE.sub("", q[:end]).strip().rstrip(".?!,;: ")


def _value_in(said: str, kind: AnswerType, *, counts: bool = True) -> re.Match[str] | None:
    """The last value of ``kind`` the claim gives, with the word that introduces it; for a sum,
    the last one (or, with ``counts``, failing a sum, the last count: "about 2,000 staff")."""
    if kind is AnswerType.DATE:
        found = list(_DATE_CLAIM_RE.finditer(said))
    elif kind is AnswerType.AMOUNT:
        money = money_amounts(said)
        m = re.search(rf"(?:\b(?:of|at|is|was|to) )?{re.escape(money[-1].text.strip())}",
                      said) if money else None
        found = [m] if m else list(_COUNT_CLAIM_RE.finditer(said)) if counts else []
    elif kind is AnswerType.PLACE:
        found = [m for p in find_places(said)[-1:]
                 for m in re.finditer(_PLACE_CLAIM.format(place=re.escape(p)), said)]
    elif kind is AnswerType.ENTITY:
        found = [m for m in _NAME_AFTER_RE.finditer(said)
                 if NAME_RUN_RE.fullmatch(m.group("name"))]
    else:
        found = []
    return found[-1] if found else None


def _claim(value: str, kind: AnswerType, rest: str) -> Claim:
    return Claim(value.strip(), kind, f"{_TYPE_WORD[kind]}: {rest.strip().rstrip('?.')}?")


def _cut(said: str, m: re.Match[str], kind: AnswerType) -> Claim:
    rest = f"{said[: m.start()]} {said[m.end():]}"
    value = re.sub(rf"^(?:{_BEFORE_VALUE}) ", "", m.group().strip(), flags=_I)
    return _claim(value, kind, " ".join(rest.split()))


def states_value(claim: Claim, text: str) -> bool:
    """Whether ``text`` gives the claimed value: the same month and year ("Nov 2017" for
    "November 2017"), the same sum in the same currency ("£20 million" for "£20m"), the same
    name."""
    if claim.kind is AnswerType.DATE:
        years, months = _month_years(claim.value)
        return any(years <= y and months <= m for y, m in
                   (_month_years(d.group()) for d in _DATE_CLAIM_RE.finditer(text)))
    if claim.kind is AnswerType.AMOUNT:
        # The same sum in the same currency: "£40m" is not the deal's "$40m".
        wanted = [(a.value, a.currency) for a in find_amounts(claim.value)]
        return any(a.value == value and (a.currency == currency or not a.currency or not currency)
                   for a in find_amounts(text) for value, currency in wanted)
    name = " ".join(w for w in claim.value.split() if w.lower().rstrip(".") not in HONORIFICS)
    return name.lower() in text.lower()


def _month_years(text: str) -> tuple[set[str], set[int]]:
    """The years and months ``text`` names ("Nov 2017" and "November 2017" alike)."""
    return set(_YEAR_RE.findall(text)), {month_number(m.group(1)) for m in _MONTH_RE.finditer(text)}


def check_answer(claim: Claim, lookup: Answer, passages: Sequence[Passage], composer: Composer,
                 templates: Templates) -> Answer:
    """``lookup`` (the claim asked as a plain question) as a verdict on ``claim``: whether its
    quotes give the claimed value, then, when they do not, where the deal mentions that value
    (the unit sharing most words with the claim), as one more cited quote."""
    if lookup.abstained:
        return lookup
    stated = states_value(claim, " ".join(c.quote for c in _about_claim(claim, lookup)))
    text = templates.get("check", "yes" if stated else "no", value=claim.value, text=lookup.text)
    citations = list(lookup.citations)
    # A name or sum given wrongly is often another's in the deal: show whose. (A month names
    # too many things to say which one the asker had in mind, unless the deal gives it once:
    # "December 2016" is when JJMD and Barts Health signed, not Guy's and St Thomas'.)
    other = None if stated else _mention(claim, passages, [(c.start, c.end) for c in citations],
                                         once=claim.kind is AnswerType.DATE)
    if other is not None:
        n = len(citations) + 1
        citations.append(composer.citation(n, other))
        text += " " + templates.get("check", "elsewhere", value=claim.value,
                                    quote=Composer.render(other, n))
    return replace(lookup, text=text, citations=citations)


def _about_claim(claim: Claim, lookup: Answer) -> list[Citation]:
    """The quotes that can confirm the claim: those holding the first sum it names, where it
    names one and some quote holds it ("the up to £210m ... was announced in August 2017,
    together with the £146m ..." is checked against the £210m's date, not the £146m's)."""
    sums = [a.value for a in money_amounts(claim.question)]
    if not sums:
        return list(lookup.citations)
    holding = [c for c in lookup.citations
               if any(a.value == sums[0] for a in money_amounts(c.quote))]
    return holding or list(lookup.citations)


def _mention(claim: Claim, passages: Sequence[Passage], cited: list[tuple[int, int]],
             once: bool = False) -> Span | None:
    """The unit mentioning the claimed value that shares most words with the claim, other than
    those already quoted (``cited``: their document offsets); ``once``: only where one unit
    does."""
    words = terms(claim.question)
    found = [(len(words & terms(p.unit_text(u))), i, p, u)
             for i, p in enumerate(passages) for u in p.units
             if u.kind is not UnitKind.HEADING and states_value(claim, p.unit_text(u))
             and not any(s < u.end and u.start < e for s, e in cited)]
    if not found or once and len(found) > 1:
        return None
    _, _, p, u = max(found, key=lambda f: (f[0], -f[1]))
    return Span.of_unit(p, u)
