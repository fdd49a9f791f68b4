"""Questions for the people the deal names: "List all the named individuals who appear in the
deal.", "Which named people lead or chair parts of the work?". Retrieval brings the passages
most like the question, but the people are named one here, one there (the foreword's
signatories, Sir Andrew Witty chairing the Accelerated Access Collaborative, two professors
leading a transplant trials network). A person is named with a title ("Professor", "Sir",
"Rt Hon", "Dr"), so each is found where the deal first gives them, however many titles they
carry ("Professor Sir John Bell" and "Sir John Bell" are one person). A name the deal gives
bare, without any title, is not found: the deal's capitals name firms and bodies far more
often than people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.evidence import TITLES
from assistant.place_scope import body_units
from dealqa.types import AnswerType, Passage

__all__ = ["asked_people", "people_named"]

# "Which named people ...?", "List the individuals who appear in the deal.": people, asked by
# the deal's naming them
_PEOPLE_RE = re.compile(r"\b(?:people|individuals|persons)\b", re.IGNORECASE)
_NAMING_RE = re.compile(r"\b(?:named?|mention(?:s|ed)?|appears?|cited|referred to)\b",
                        re.IGNORECASE)
# A titled name: "Rt Hon Greg Clark", "Professor Sir John Bell", "Professor Charlie Craddock"
_PERSON_RE = re.compile(rf"\b(?:{TITLES}\s+)+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{1,2}})")


# ("Which named people lead ...?" is typed a description: it asks for names all the same)
_WHICH_RE = re.compile(r"^(?:which|list|name|who)\b", re.IGNORECASE)


def asked_people(question: str, answer_type: AnswerType, names: Sequence[str] = ()) -> bool:
    """Does ``question`` ask which people the deal names? Not where it names what they belong
    to (``names``, the question's own): "Which named individuals sit on the Implementation
    Board?" asks of one body, which the people the deal names elsewhere do not answer."""
    asks_names = answer_type in (AnswerType.ENTITY, AnswerType.LIST) or (
        answer_type is AnswerType.DESCRIPTION and bool(_WHICH_RE.search(question)))
    return asks_names and not names and bool(_PEOPLE_RE.search(question)) \
        and bool(_NAMING_RE.search(question))


def people_named(passages: Sequence[Passage],
                 skip_sections: frozenset[str]) -> Iterator[tuple[Passage, int, str]]:
    """(passage, unit index, name as titled) for the first unit naming each titled person, in
    document order, outside ``skip_sections``."""
    seen: set[str] = set()
    for p, i, text in body_units(passages, skip_sections):
        for m in _PERSON_RE.finditer(text):
            # (one person, however titled: the surname and first name)
            key = " ".join(m.group("name").split()[:2]).lower()
            if key not in seen:
                seen.add(key)
                yield p, i, m.group()
