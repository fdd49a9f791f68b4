"""Why-questions: a reason asked for, and the sentences that give one.

"Why does the deal care about biologists working with physicists?" is answered by a sentence
stating a cause or a purpose ("... as the interface between life sciences and physical sciences
is likely to underpin many important commercial opportunities"), not by the sentence that
merely names the same things ("The Rosalind Franklin Institute will bring together life
scientists with engineers and physical scientists"). The selector prefers units giving a reason
for why-questions, among those nearly as relevant as the best.
"""

from __future__ import annotations

import re

__all__ = ["REASON_RATIO", "asks_reason", "gives_reason"]

# A unit giving a reason answers a why-question when its relevance is within this share of the
# best unit's (see ``Selector.choose``).
REASON_RATIO = 0.6

# ... as the question's own ask, not a clause inside it ("Will the government look at why
# small firms lag behind?" asks whether).
_WHY_RE = re.compile(r"(?:^|[.?!,;:]\s+|\b(?:and|but|so)\s+)(?:why|what makes|for what reason|"
                     r"what is the (?:reason|point|rationale)|how come)\b", re.IGNORECASE)
# Words stating a cause, a consequence or a purpose.
_REASON_RE = re.compile(
    r"\b(?:because|as a result|thanks to|due to|owing to|means? that|meaning that|so that|"
    r"in order to|to ensure|ensur(?:e|es|ing) that|underpin\w*|is key to|(?:is|are) (?:vital|"
    r"critical|essential|crucial|important)|significant (?:opportunit\w+|source)|"
    r"believes? that|leads? to|results? in|recognis\w* the opportunit\w+|assured|"
    r"reflecting|given (?:that|the)|will (?:help|enable|allow|expand)|which (?:will|would) "
    r"(?:help|enable|allow)|enabl(?:e|es|ing)|importance of|(?:is|are) a (?:key|major) "
    r"(?:part|source|driver)|therefore|thereby|hence|"
    # "... is yet another tool for identifying the mechanisms of disease"
    r"(?:a|another) (?:\w+ )?(?:tool|means|way) (?:for|of|to))\b", re.IGNORECASE)


def asks_reason(question: str) -> bool:
    """The question asks why ("Why ...?", "What makes ...?", "What is the point of ...?")."""
    return bool(_WHY_RE.search(question))


def gives_reason(text: str) -> bool:
    """``text`` states a cause, a consequence or a purpose."""
    return bool(_REASON_RE.search(text))
