"""Kinds of money a question may ask for, and the words a unit stating one uses.

"What salary will the new Seqirus jobs pay?" asks for money of a kind: a unit stating "£40m
investment ... creating nearly 100 high-value jobs" has money, but not a salary, so the deal is
silent. A question asking one of these kinds (in its question proper, the last sentence opening
with "what" or "how much") is answered only by a unit using one of the kind's words.
"""

from __future__ import annotations

import re

__all__ = ["last_ask", "money_asked"]

# (the kind as a question names it, the words a unit stating it uses: "salary" ~ "paid").
# "price tag" is any cost; "in return for" is no return on money.
_MONEY_KINDS = (
    # ("How much will the firm pay its new Glasgow staff?")
    (r"salar(?:y|ies)|wages?|(?:be|get|are|is) paid|pay (?:its |their |the )?(?:new )?"
     r"(?:[a-z]+ )?(?:staff|employees|workers|recruits|scientists|apprentices)",
     ("salar", "wage", "pay", "paid", "earn")),
    (r"fees?", ("fee", "charg")),
    # "What rent will start-ups pay for space at Nexus?"
    (r"rents?|rental", ("rent",)),
    # (a value as money: "valued at", not "high-value jobs")
    (r"revenues?|turnover|profits?|valuations?",
     ("revenue", "turnover", "profit", "valuation", "valued", "value of", "sales", "income")),
    (r"(?:running|operating) costs?",
     ("running cost", "operating cost", "per year", "a year", "annual", "each year")),
    (r"earn(?:s|ed|ings)?(?![\w-])", ("earn", "revenue", "income", "paid", "receiv", "award")),
    (r"(?<!in )returns?(?! for\b)", ("return", "yield")),
    (r"prices?(?! ?tag)", ("price", "cost", "pay", "paid", "discount", "rebate")),
    # "How much did the firm receive in government grants?": not its own investment
    (r"grants?", ("grant",)),
)
_MONEY_KIND_RES = tuple((re.compile(rf"\b(?:{rx})\b"), words) for rx, words in _MONEY_KINDS)


def last_ask(openers: str) -> re.Pattern[str]:
    """The question proper, lower-cased: its last sentence, opening with one of ``openers``
    ("what|how much") after any statement before it ("The two centres get different sums.
    What's the gap?"). A point inside a figure ("£2.5bn") ends no sentence."""
    # (a dash sets the ask off too: "Compare A with B - what's the gap?")
    # (... or a comma and "and": "Did it get a grant, and how much?")
    starts = r"(?:^|[.?!:]\s+|\s[-–—]\s+|,\s+(?=and\s))"
    return re.compile(rf"{starts}(?:so\s+|and\s+)?(?:{openers})\b(?:[^.?!]|\.(?=\d))*\??$")


_LAST_ASK_RE = last_ask("what|how much")
SHORT_ASK = 3  # a last ask of at most this many words ("and how much?") says nothing of a kind


def money_asked(q: str) -> tuple[str, ...]:
    """The words a unit stating the kind of money ``q`` (lower-cased) asks for uses ("what
    salary ...?" -> salary, wage, paid ...); () where it asks none."""
    asked = _LAST_ASK_RE.search(q)
    if asked is None:
        return ()
    # (an ask of a few words refers back: "Did it get a government grant, and how much?")
    ask = asked.group() if len(re.findall(r"[a-z'’]+", asked.group())) > SHORT_ASK else q
    return next((words for rx, words in _MONEY_KIND_RES if rx.search(ask)), ())
