"""Another spelling or form of a name the question quotes: "The governance section mentions
'Biobank UK'. What is that resource called everywhere else in the deal?", "The key commitments
say the data work is with 'Health Data Research'. What fuller name does the detailed chapter
use?".

The deal is not consistent with its names (a reordering, "UK Biobank"; a fuller form, "Health
Data Research UK"; a misspelling, "BioSnyder" for "BioSpyder"). Retrieval finds the passage
with the quoted form, which is the one the question already knows; the answer is every other
form of it the deal writes, each quoted where it stands. Only a name the question quotes is
looked for: a name merely mentioned may be the answer's subject, not the form asked about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from assistant.evidence import NAME_RUN_RE
from assistant.name_match import POSSESSIVE_RE
from dealqa.types import Passage

__all__ = ["asked_other_name", "name_variants"]

# "What is it called everywhere else?", "What fuller name does the detailed chapter use?",
# "Does the main section spell it the same way?"
_ASKS_RE = re.compile(
    r"\b(?:called|call|calls|name|names|named|spell\w*|spelt|written|refer\w* to)\b[^?]*"
    r"\b(?:elsewhere|everywhere else|anywhere else|the rest of the (?:deal|document)|"
    r"(?:detailed|main|other) (?:[a-z]+ )?(?:chapter|section|part)s?|the same way)\b"
    r"|\bwhat (?:fuller|full|longer|other|different|proper) (?:name|form)\b", re.IGNORECASE)
# The name as quoted: 'Biobank UK', "Health Data Research"
_QUOTED_RE = re.compile(r"['‘\"“](?P<name>[A-Z][^'’\"”?]{1,60}?)['’\"”](?!\w)")
MIN_SPELLING = 0.7  # two spellings of one word this alike (difflib ratio) are one name's
MAX_EXTRA_WORDS = 2  # a fuller form adds at most this many words
MAX_VARIANTS = 3


def asked_other_name(question: str) -> str | None:
    """The quoted name whose other forms ``question`` asks for, or None."""
    m = _QUOTED_RE.search(question)
    return m.group("name").strip() if m and _ASKS_RE.search(question) else None


def _words(name: str) -> list[str]:
    return [POSSESSIVE_RE.sub("", w).lower() for w in name.split()]


def is_variant(name: str, other: str) -> bool:
    """``other`` is another form of ``name``: its words reordered, the name with a word or two
    more, or one word spelt otherwise."""
    a, b = _words(name), _words(other)
    if a == b or not a or not b:
        return False
    if sorted(a) == sorted(b):
        return True
    if " ".join(a) in " ".join(b) and len(b) - len(a) <= MAX_EXTRA_WORDS:
        return True
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    return len(a) == len(b) and len(differ) == 1 \
        and SequenceMatcher(None, *differ[0]).ratio() >= MIN_SPELLING


def name_variants(name: str, passages: Sequence[Passage], skip_sections: frozenset[str]
                  ) -> Iterator[tuple[Passage, int, str]]:
    """(passage, unit index, the form as written) for each other form of ``name`` in the deal,
    in document order, each form once."""
    seen: set[str] = set()
    for p in passages:
        if p.section and p.section[0] in skip_sections:
            continue
        for i, u in enumerate(p.units):
            for run in NAME_RUN_RE.findall(p.unit_text(u)):
                form = POSSESSIVE_RE.sub("", run)
                if form.lower() not in seen and is_variant(name, form):
                    seen.add(form.lower())
                    yield p, i, form
                    if len(seen) >= MAX_VARIANTS:
                        return
