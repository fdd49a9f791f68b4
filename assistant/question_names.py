"""The names a question gives: capitalised runs that are not at its start ("Seqirus",
"Health Innovation Manchester"), less words that name nothing (degrees, job titles, months,
"I'm"); and of those, the names it asks about, not its premise's.
"""

from __future__ import annotations

import re

from assistant.evidence import MONTHS
from assistant.question_parts import split_premise
from commitments.places import OTHER_NAMES, find_places

__all__ = ["QUESTION_STOP_WORDS", "asked_names", "names_in"]

# Words that carry no subject in a question. Not retrieval.text.STOP_WORDS, which the search
# index drops: this list adds the words of asking ("tell", "give", "deal") and keeps words such
# as "over", "between" and "per", which say what a question asks.
QUESTION_STOP_WORDS = frozenset(
    """a an the of to in on for and or but is are was were be been being by with as at from that
    this these those it its they them their there what which who whom whose when where why how
    much many does do did will would could should can may might shall has have had not no any
    all some about into than then so such if our we us you your i me my he she his her also
    just only very more most other same tell give say says said deal sector please me""".split()
)


def names_in(question: str) -> tuple[str, ...]:
    """The names ``question`` gives, as written ("Seqirus", "Health Innovation Manchester")."""
    # Capitalised words not at the start of the question: company, place and programme names.
    words = re.findall(r"(?<![.?!]\s)(?<!^)\b([A-Z][A-Za-z&'’-]+(?:\s+[A-Z][A-Za-z&'’-]+)*)",
                       question)
    # A generic word inside a run names nothing either: "its London HQ" is about London.
    # So does one joined to a lower-case word: "DNA-reading", "AI-based".
    # A single letter joined to a lower-case word is an ordinary noun: "X-rays", "T-cell";
    # a name so joined is the name: "UK-linked" is about the UK, "Cambridge-based" Cambridge.
    runs = (" ".join(_JOINED_RE.sub(r"\1", p) for p in w.split() if p not in _NOT_NAMES
                     and not _MONTH_RE.fullmatch(p)
                     and not (p.split("-")[0] in _NOT_NAMES and p.split("-", 1)[-1].islower())
                     and not re.fullmatch(r"[A-Z]-[a-z]+", p))
            for w in words)
    return tuple(_owned(w) for w in runs if w and w.lower() not in QUESTION_STOP_WORDS)


_JOINED_RE = re.compile(r"^([A-Z][\w&'’]*?)-[a-z]+$")
_OWNED_RE = re.compile(r"^(?P<place>[A-Z][\w .&-]*?)['’]s (?P<name>[A-Z].*)$")


def _owned(run: str) -> str:
    """A name a place owns in the question's words is the name: "America's DARPA" is DARPA
    (which the deal says was "established in the United States"), "Liverpool's Seqirus plant"
    Seqirus; the place is the question's place, asked about as such."""
    m = _OWNED_RE.match(run)
    if m is None:
        return run
    place = m.group("place")
    known = find_places(place) == [place] or place.lower() in OTHER_NAMES
    return m.group("name") if known else run


# Capitalised words that name no organisation, place or programme: degrees, job titles and
# generic abbreviations ("I'm a PhD student", "our CEO"). A question holding only these is not
# about something the deal never mentions.
_NOT_NAMES = frozenset(
    "PhD PhDs MSc MSci BSc BA MA MBA MD MPhil DPhil CEO CEOs CFO CTO COO Dr Prof Professor "
    "SME SMEs AI IT IP HR HQ R&D DNA RNA GP GPs A&E".split()
    # "a northern English city": the country the deal is about, as an adjective, is its scope
    # (as "the UK" is), not a subject the support must repeat; the deal never says "English".
    + ["English"]
    # "For a feature I'm writing": the asker, not a name the deal might lack.
    + [f"I{q}{end}" for q in "'’" for end in ("m", "ve", "d", "ll")])
# Months date things; they name nothing ("... announced in December 2017. How soon afterwards
# ...?" is not about something called December).
_MONTH_RE = re.compile(rf"(?:{MONTHS})", re.IGNORECASE)


# Who or what made the claim a question checks ("A local MP's leaflet says ...", "A Guardian
# article claimed ..."): a source, not something the question is about.
_ATTRIBUTION_RE = re.compile(
    r"^[^.?!]{0,80}?\b(?:leaflets?|articles?|newspapers?|blogs?|briefings?|slides?|decks?|"
    r"notes|colleagues?|journalists?|consultants?|analysts?|press|story|website|tweets?|"
    r"e-?mails?|memos?|headlines?|podcasts?|presentations?|brochures?|pamphlets?|MPs?|"
    r"ministers?|councillors?)(?:['’]s?)?\b[^.?!]{0,40}?\b(?:says?|said|claims?|claimed|"
    r"reports?|reported|states?|stated|suggests?|suggested|puts?|told (?:me|us)|mentions?|"
    r"mentioned)\b", re.IGNORECASE)
_BACK_REF_RE = re.compile(r"\b(?:it|its|they|their|them|there|this|that|these|those|he|his|she|"
                          r"her|we|us|our|i|me|my|such|same|locally|local)\b", re.IGNORECASE)


def asked_names(question: str) -> tuple[str, ...]:
    """The names the question asks about: "Oxford BioMedica's platform uses a type of viral
    vector. How much extra Challenge Fund money targets viral vector manufacturing?" asks about
    the Challenge Fund money; Oxford BioMedica is only the premise, unless the ask refers back
    to it ("What delivery role does it get?"). Who made a claim the question checks ("A local
    MP's leaflet says ...") is its source, not something asked about."""
    question = _ATTRIBUTION_RE.sub("It says", " ".join(question.split()), count=1)
    premise, ask = split_premise(question)
    # (An ask naming nothing itself is about the premise's things: "An analyst mixed up two
    # AstraZeneca numbers: ... Which figure is which?")
    if premise and not _BACK_REF_RE.search(ask) and (own := names_in(ask)):
        return own
    return names_in(question)
