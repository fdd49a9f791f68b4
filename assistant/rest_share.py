"""The rest of a whole the deal gives one share of: asked "what slice of its products is left
for customers at home?", the unit saying "98 per cent of which are exported" answers with
100 − 98 = 2 per cent, the working shown so a reader can check it against the quote.
"""

from __future__ import annotations

import re

from assistant.arithmetic import Working
from retrieval.text import find_amounts

__all__ = ["asks_rest_share", "rest_share"]

# Words asking for the part of a whole that is not the one stated: "left for", "the rest",
# "not exported", "stays at home".
_REST_RE = re.compile(r"\b(?:left (?:for|over)|remain(?:s|ing|der)?|the rest|the other|"
                      r"not (?:[a-z]+ed)|isn['’]t|aren['’]t|at home|domestic\w*|"
                      r"stays? (?:in|at))\b", re.IGNORECASE)


# "Of the 98 per cent exported, what share remains in Europe?": a share of the given share,
# not the rest of the whole.
_OF_GIVEN_RE = re.compile(r"\bof (?:the|those|that|its|their) (?:[a-z]+ )?\d[\d.]*\s*"
                          r"(?:per ?cent|%)", re.IGNORECASE)


def asks_rest_share(question: str, wants_percent: bool) -> bool:
    """A share asked of what is left of a whole (not of a share the question gives)."""
    return wants_percent and bool(_REST_RE.search(question)) \
        and not _OF_GIVEN_RE.search(question)


def rest_share(text: str, question: str = "") -> Working | None:
    """100 per cent less the one percentage ``text`` states, where it states one and says
    nothing of the rest itself ("2 per cent are sold at home" is the rest already); else
    None. A percentage the ``question`` states must be that one: "If 98 per cent are exported,
    what share stays in the UK?" restates the deal's share, where "if 90 per cent were ..."
    supposes another (and "2 per cent" would answer what was not asked)."""
    shares = [a for a in find_amounts(text) if a.is_percent]
    if len(shares) != 1 or _REST_RE.search(text) or not 0 < shares[0].value < 100:
        return None
    share = shares[0]
    given = {a.value for a in find_amounts(question) if a.is_percent}
    if given and given != {share.value}:
        return None
    rest = (100 - share.value).normalize()
    return Working(share.text.strip(), f"100 per cent − {share.text.strip()} = {rest:f} per cent")
