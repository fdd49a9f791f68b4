"""Signature blocks ("Rt Hon Jeremy Hunt MP" / "Secretary of State for Health"): who signed,
and the name line a title line belongs to."""

from __future__ import annotations

import re

from assistant.asks import YES_NO_RE
from assistant.compose import Span
from assistant.question_parts import split_premise
from assistant.scoring import Candidate
from dealqa.types import Passage

__all__ = ["asks_signatories", "signature_spans", "signed_text", "with_name_line"]


# A title line under a name in a signature block: "Rt Hon Jeremy Hunt MP" / "Secretary of State
# for Health". Short, no verb, no full stop.
_TITLE_WORD = r"(?:[A-Z][\w'’&,-]*|of|for|and|the|&)"
_TITLE_LINE_RE = re.compile(rf"^{_TITLE_WORD}(?:\s+{_TITLE_WORD})*$")
_PERSON_RE = re.compile(r"\b(?:Rt Hon|MP|Sir|Dame|Professor|Dr|Lord|Baroness)\b")


def with_name_line(c: Candidate, span: Span) -> Span:
    """A quote of a title line under a person's name takes the name line too: "who signed as
    Health Secretary?" is answered by the name above "Secretary of State for Health"."""
    text = c.text.strip()
    if c.unit_index == 0 or not _TITLE_LINE_RE.match(text) or len(text.split()) > 12 \
            or span.start < c.unit.start:
        return span
    name = Span.of_unit(c.passage, c.passage.units[c.unit_index - 1])
    if not _PERSON_RE.search(name.quote) or len(name.quote.split()) > 8:
        return span
    return Span(c.passage, name.start, span.end, trimmed_right=span.trimmed_right)


def signed_text(c: Candidate) -> str:
    """``c``'s text, with the name line above it where it is a title line under a name: "who
    signed as Secretary of State for Health?" is answered by the two lines together, even
    when the question states the title word for word."""
    span = Span.of_unit(c.passage, c.unit)
    named = with_name_line(c, span)
    return c.text if named is span else named.quote


_SIGNED_RE = re.compile(r"\b(?:sign(?:s|ed|ing)?|signatur\w*|signator(?:y|ies)|undersigned|"
                        r"put (?:their|his|her) names? to)\b", re.IGNORECASE)


def asks_signatories(question: str) -> bool:
    """"Who signed the foreword?", "Whose signatures are on it?": the signature block answers."""
    # "Who signed as Health Secretary?" asks for one of them (see ``with_name_line``); "Do the
    # people who signed the foreword call it finished?" asks something of them.
    if YES_NO_RE.match(split_premise(question)[1]):
        return False
    return bool(_SIGNED_RE.search(question)) and bool(
        re.search(r"\b(?:who|whose|which|name)\b", question, re.IGNORECASE)) and not \
        re.search(r"\bsign\w*\s+(?:\w+\s+){0,3}(?:as|for|on behalf of)\b", question, re.IGNORECASE)


def signature_spans(p: Passage) -> list[Span]:
    """The signature block closing ``p``: each person's name line with the title lines under
    it ("Rt Hon Jeremy Hunt MP — Secretary of State for Health"); empty when it has none."""
    units = p.units
    block = len(units)
    while block > 0 and _is_block_line(p.unit_text(units[block - 1])):
        block -= 1
    spans: list[Span] = []
    for i in range(block, len(units)):
        text = p.unit_text(units[i]).strip()
        # A name carries an honorific and no "of" ("Regius Professor of Medicine" is a title).
        if _PERSON_RE.search(text) and len(text.split()) <= 8 and not re.search(r"\bof\b", text):
            spans.append(Span.of_unit(p, units[i]))
        elif spans:  # a title line: it belongs to the name above it
            spans[-1] = Span(p, spans[-1].start, Span.of_unit(p, units[i]).end)
    return spans if len(spans) >= 2 or (spans and block > 0) else []


def _is_block_line(text: str) -> bool:
    text = " ".join(text.split())
    return 0 < len(text.split()) <= 12 and not text.endswith(".") and \
        bool(_TITLE_LINE_RE.match(text) or _PERSON_RE.search(text))
