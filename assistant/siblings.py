"""Names a question gives as one of those it asks about: "Apart from AstraZeneca, which British
genomics firms ...?", "Siemens is one - which other manufacturers ...?", "Apart from the two
charities, which NHS organisation funds it?".

The deal names such things together ("UK companies like AstraZeneca, Cambridge Epigenetics,
Genomics plc and Congenica"; "Funded by NHS Blood and Transplant and the charities Anthony
Nolan and Leuka"), so the unit naming the one given beside others is where the others are: set
aside as the answer, the given one still locates it.
"""

from __future__ import annotations

import re

from assistant.name_match import NAME_WITH_AND
from dealqa.types import AnswerType

__all__ = ["sibling_anchors", "names_beside"]

_NAME_RUN_RE = re.compile(NAME_WITH_AND + r"(?:\s+(?:plc|ltd)\b)?")  # "Genomics plc"
# "Siemens is one - which other ...?", "GSK is one of them"; not a description ("IMPACT is one
# of only two such networks worldwide - who leads it?")
_IS_ONE_RE = re.compile(rf"\b({_NAME_RUN_RE.pattern}) (?:is|was) (?:one\b(?! of (?!them|those|"
                        rf"these)\b)|among them\b)")
_BESIDES_RE = re.compile(rf"\b(?:besides|as well as|alongside|along with|in addition to)\s+"
                         rf"(?:the\s+)?({_NAME_RUN_RE.pattern})")
_OTHER_RE = re.compile(r"\b(?:which|what) other\b|\belse\b", re.IGNORECASE)
# Another name just after the given one, or a kind's word just before its names ("the
# charities Anthony Nolan"), joined by a comma or "and".
_NEXT_NAME_RE = re.compile(r"(?:,\s*|\s+(?:and|or|&)\s+)(?:the\s+[a-z]+\s+)?[A-Z]")
_PREV_NAME_RE = re.compile(r"[A-Z][\w'’&.-]*(?:,\s*|\s+(?:and|or|&)\s+)(?:the\s+)?$")
_KIND_NAMES_RE = re.compile(r"\s+[A-Z]")
LOOK = 40  # characters either side of the given name in which its list goes on


def sibling_anchors(question: str, answer_type: AnswerType, excluded: str) -> tuple[str, ...]:
    """What the question gives as one of the things it asks for: the names in the phrase it
    sets aside (else that phrase's last word, a kind: "the two charities" -> "charities"), or
    the name it says "is one" of them. Only for name and list questions."""
    if answer_type not in (AnswerType.ENTITY, AnswerType.LIST):
        return ()
    if excluded:
        names = tuple(m.group() for m in _NAME_RUN_RE.finditer(excluded))
        return names or tuple(excluded.split()[-1:])
    m = _IS_ONE_RE.search(question) or (_OTHER_RE.search(question)
                                        and _BESIDES_RE.search(question))
    return (m.group(1),) if m else ()


def names_beside(text: str, anchors: tuple[str, ...]) -> bool:
    """``text`` names one of ``anchors`` in a list with other names: "AstraZeneca, Cambridge
    Epigenetics ...", "the charities Anthony Nolan and Leuka"."""
    for anchor in anchors:
        kind = anchor[:1].islower()
        for m in re.finditer(rf"\b{re.escape(anchor)}\b", text, re.IGNORECASE if kind else 0):
            after, before = text[m.end():m.end() + LOOK], text[max(0, m.start() - LOOK):m.start()]
            if _NEXT_NAME_RE.match(after) or _PREV_NAME_RE.search(before) \
                    or kind and _KIND_NAMES_RE.match(after):
                return True
    return False
