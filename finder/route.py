"""Which chat questions the support finder should answer instead of the extractive answerer.

A question goes to the finder when the asker describes *themselves* and asks what they can get
("We're a 10-person diagnostics firm — what support is there for us?"). A question about the
deal in the third person ("What support does the deal give SMEs?") stays with the answerer:
it wants the deal's text, not a ranking against a profile.
"""

from __future__ import annotations

import re

from assistant.question_parts import split_premise

__all__ = ["is_support_question"]

_I = re.IGNORECASE
# Asks that only make sense about the asker, with or without a self-description.
_DIRECT = re.compile(
    r"\bwhat (?:applies|would apply|is (?:there|available)|support|help|funding|measures?)\b"
    r".{0,40}\b(?:to|for) (?:us|me|my|our)\b"
    r"|\bwhat (?:can|could) (?:we|i) (?:get|apply for|access|claim|use|benefit from)\b"
    r"|\b(?:help|support|funding|anything|something)\b.{0,40}\b(?:like|such as) (?:ours|us|mine|me)\b"
    r"|\b(?:anything|something|what)\b.{0,30}\bfor (?:us|me)\b"
    # "What changes for investors like me?"
    r"|\bwhat(?:['’]s| is)? chang\w* for (?:[a-z-]+ like )?(?:us|me|ours|mine)\b"
    r"|\b(?:are|am) (?:we|i) eligible\b|\bcould (?:we|i) (?:apply|benefit|qualify)\b"
    r"|\bwhich (?:measures|schemes|programmes|funds?)\b.{0,40}\b(?:we|i) (?:could|can)\b",
    _I,
)
# "We're a ...", "I'm an ...", "Our start-up ...": the asker describes who they are.
_SELF = re.compile(
    r"\b(?:we(?:'re|’re| are)|i(?:'m|’m| am)) (?:a|an|the|one|\d)\b"
    r"|^\s*(?:we|i) (?:want|plan|intend|hope|make|run|develop|build|manufacture|are planning|"
    r"are looking|need)\b"
    r"|\bour (?:company|firm|start-?up|spin-?out|business|team|lab|university|charity|trust|"
    r"fund|organisation|organization|sme)\b",
    _I,
)
# A question for a figure or a date ...
_FACT = re.compile(r"\b(?:how (?:much|many|big|large)|what (?:share|proportion|percentage|fraction)|"
                   r"when|by when|what (?:year|date|month))\b", _I)
# ... that is not about the asker.
_FIRST_PERSON = re.compile(r"\b(?:we|us|our|ours|i|me|my|mine)\b", _I)
# ... and asks for something they could receive or join.
_ASK = re.compile(
    r"\b(?:support|help|funding|grants?|eligible|apply|qualify|benefit|available|initiative|"
    r"scheme|programme|incubator|facility|hub|centre|network|partnership|backing|"
    r"funds?|financ\w*|investment|capital|aimed at (?:us|me|firms like ours)|"
    r"anything in the deal|we (?:could|can|might) (?:use|join|get|work with|partner with))\b",
    _I,
)


def is_support_question(question: str) -> bool:
    """True when ``question`` asks what the deal offers the asker's own organisation."""
    if not isinstance(question, str) or not question.strip():
        return False
    q = " ".join(question.split())
    if _DIRECT.search(q):
        return True
    if not (_SELF.search(q) and _ASK.search(q)):
        return False
    # "We're a diagnostics start-up comparing support packages. In the Glasgow example, what
    # share of the investment was the grant?": the profile sets the scene; the question itself
    # asks a figure or a date about someone else, which the deal's text answers.
    asked = split_premise(q)[1]
    return not (_FACT.search(asked) and not _FIRST_PERSON.search(asked))
