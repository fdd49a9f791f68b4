"""A count with one more thing the deal names singly: "Counting the hub, how many sites does the
integrated transplant trials network connect?" is answered by "... links a trials facilitatory
hub and 22 regional transplant centres": 1 + 22 = 23.

The question says which thing it adds ("counting the hub", "including the hub"), and the unit
names that thing as one ("a ... hub") beside a count of the others ("and 22 ... centres").
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.arithmetic import Working, compute_sum, figure_of, figures_in

__all__ = ["asked_one_more", "one_more"]

# "Counting the hub, how many ...?", "Including its hub, how many sites ...?", "How many sites,
# including the hub?"
_ASKS_RE = re.compile(r"^(?:counting|including) (?:the|its|their) (?P<x>[a-z-]+(?: [a-z-]+)?)"
                      r"(?: too| as well)?,\s+how many\b|"
                      r"^how many\b[^?]*,\s*(?:counting|including) (?:the|its|their) "
                      r"(?P<y>[a-z-]+(?: [a-z-]+)?)(?: too| as well)?\s*\??$", re.IGNORECASE)


def asked_one_more(question: str) -> str | None:
    """The thing a count question adds to the others ("hub"), by its last word; or None."""
    m = _ASKS_RE.search(question.strip())
    return (m.group("x") or m.group("y")).split()[-1].lower() if m else None


def one_more(text: str, thing: str) -> Working | None:
    """"a trials facilitatory hub and 22 regional transplant centres": 1 + 22 = 23, with the
    count as the anchor; None where ``text`` names no one ``thing`` beside a count."""
    m = re.search(rf"\b(?:a|an|one|its|the) (?:[\w-]+ ){{0,3}}?{re.escape(thing)}s? and "
                  r"(?P<n>\d[\d,]*) ", text, re.IGNORECASE)
    if m is None:
        return None
    count = next((f for f in figures_in(text) if f.start == m.start("n") and not f.currency),
                 None)
    if count is None:
        return None
    working = compute_sum([figure_of(Decimal(1), ""), count])
    return Working(count.text, working) if working else None
