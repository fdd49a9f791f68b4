"""What reads as a condition on a commitment ("Subject to business case approval by HM Treasury").

One definition for every reader of footnotes: retrieval indexes a passage's condition footnotes
with its text, the answerer turns them into caveats, the register attaches them to figures and
the support finder lists them beside a measure. A footnote that cites a source ("HM Treasury
(2017), Financing Growth ...") is not a condition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dealqa.types import FootnoteRef

__all__ = ["CONDITION_RE", "conditions_within", "is_condition"]

CONDITION_RE = re.compile(
    r"\b(?:subject\s+to|conditional\s+(?:up)?on|dependent\s+(?:up)?on|depending\s+on|"
    r"contingent\s+on|pending|provided\s+that|assuming)\b",
    re.IGNORECASE,
)


def is_condition(text: str) -> bool:
    """Does a footnote entry state a condition (rather than cite a source)?"""
    return bool(CONDITION_RE.match(text.strip()))


def conditions_within(footnotes: Iterable[FootnoteRef], start: int, end: int
                      ) -> list[FootnoteRef]:
    """The footnotes anchored in ``start``..``end`` (document offsets) that state a condition."""
    return [f for f in footnotes if start <= f.start < end and is_condition(f.text)]
