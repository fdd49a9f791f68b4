"""A fact the deal states twice with different dates: the key commitments say Novo Nordisk will
be "occupying a new building from mid-2018", the chapter "... in summer 2018". Asked when, the
answer quotes both versions: an official checking what was promised sees each, and a question
that sets one against the other ("Does the main text give the same timing?") is answered. So
is one asking how the two statements differ in words ("a high pharmaceutical company" against
"a biopharmaceutical company").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.evidence import DATE_RE
from assistant.place_scope import body_units
from assistant.scoring import Candidate, same_fact, terms
from dealqa.types import Passage, UnitKind
from retrieval.text import tokenize

__all__ = ["asks_two_versions", "dates_in", "other_version", "restated_differently",
           "restated_otherwise"]


def dates_in(text: str) -> frozenset[str]:
    """The dates ``text`` gives, as written (lower-case, one space)."""
    return frozenset(" ".join(m.group().lower().split()) for m in DATE_RE.finditer(text))


SAME_LENGTH = 0.6  # a restatement is about as long as the statement (not a line citing it)


def _restatement(a: str, b: str) -> bool:
    """``b`` says what ``a`` says, at about its length."""
    short, long_ = sorted((len(a), len(b)))
    return short >= SAME_LENGTH * long_ and same_fact(a, b)


def _restatements(best: Candidate, passages: Sequence[Passage],
                  skip_sections: frozenset[str]) -> Iterator[tuple[Passage, int, str]]:
    """(passage, unit index, text) of each unit elsewhere restating ``best``'s fact, in
    document order; no plan's row (a row dates a milestone, not a sentence's fact)."""
    for p, i, text in body_units(passages, skip_sections):
        if not (p is best.passage and i == best.unit_index) \
                and p.units[i].kind is not UnitKind.TABLE_ROW and _restatement(best.text, text):
            yield p, i, text


def restated_otherwise(best: Candidate, passages: Sequence[Passage],
                       skip_sections: frozenset[str]) -> tuple[Candidate, str] | None:
    """The first unit elsewhere stating ``best``'s fact with a date ``best`` does not give, and
    that date; None where no unit restates it, or every restatement dates it alike."""
    own = dates_in(best.text)
    if not own or best.unit.kind is UnitKind.TABLE_ROW:
        return None  # (a plan's row dates a milestone: a sentence about it is another fact)
    for p, i, text in _restatements(best, passages, skip_sections):
        other = dates_in(text) - own
        # (a restatement that only adds a date of something else, "in 2017", is another fact's)
        if other and len(dates_in(text)) == len(own):
            written = next(m.group() for m in DATE_RE.finditer(text)
                           if " ".join(m.group().lower().split()) in other)
            return Candidate.of_unit(p, i), written
    return None


# "The deal gives two slightly different timings for ... What are they?", "... describes the
# company in two different ways", "Is it worded differently in the chapter?"
_TWO_VERSIONS_RE = re.compile(
    r"\b(?:two|both) (?:slightly |subtly |somewhat |rather )?(?:different|differing|distinct|"
    r"separate) (?:ways|timings|dates|versions|descriptions|wordings|figures|accounts|phrasings|"
    r"terms|names)\b|\b(?:described|worded|phrased|dated|timed|stated|put|given) (?:slightly |"
    r"a little |somewhat )?differently\b", re.IGNORECASE)
_WORD_RE = re.compile(r"\w[\w-]*")
# A question about a date in words: "Do the two mentions give exactly the same timing?"
_DATE_WORD_RE = re.compile(r"\b(?:timings?|dates?|dated|timetables?|when)\b", re.IGNORECASE)


def asks_two_versions(question: str) -> bool:
    """The question asks how the deal's two statements of one fact differ."""
    return bool(_TWO_VERSIONS_RE.search(question))


def restated_differently(best: Candidate, passages: Sequence[Passage],
                         skip_sections: frozenset[str]) -> tuple[Candidate, str] | None:
    """The first unit elsewhere restating ``best``'s fact in other words, and the longest word
    it uses that ``best`` does not ("biopharmaceutical" against "high pharmaceutical", not a
    lead-in's "example"), for its quote to hold; None where no unit restates it, or each says
    it alike."""
    own = terms(best.text)
    for p, i, text in _restatements(best, passages, skip_sections):
        new = [m.group() for m in _WORD_RE.finditer(text)
               if (toks := tokenize(m.group())) and not set(toks) <= own]
        if new:
            return Candidate.of_unit(p, i), max(new, key=len)
    return None


def other_version(best: Candidate, question: str, asks_date: bool, passages: Sequence[Passage],
                  skip_sections: frozenset[str]) -> tuple[Candidate, str] | None:
    """The deal's other statement of ``best``'s fact that a reader needs beside it, and what its
    quote must hold: one dating it otherwise, asked when or about a date ("... from mid-2018.
    Does the main text agree?"); else one wording it otherwise, asked how two statements differ;
    else None."""
    if asks_date or dates_in(question) or _DATE_WORD_RE.search(question):
        other = restated_otherwise(best, passages, skip_sections)
        if other is not None:
            return other
    return restated_differently(best, passages, skip_sections) \
        if asks_two_versions(question) else None
