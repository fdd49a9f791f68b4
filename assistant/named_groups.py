"""Groups a question names by their count and description, which the deal spells out.

"Taken together, how much of the £146m goes to the two new national centres?" names the
centres only as the deal introduces them: "This £146m will fund two new national centres - the
Medicines Manufacturing Innovation Centre and a Vaccines Development and Manufacturing Centre".
The units giving each centre's sum ("£12m on a Medicines Manufacturing Innovation Centre") never
say "new national centres", so retrieval by the description finds the introduction, not the
sums. Each such introduction is found once, in the passages; a question naming a group by the
same count and words is asked again with the members' names in its place (the assistant cites
the introduction beside the answer).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.compose import Span
from assistant.count_nouns import singular
from assistant.templates import joined
from commitments.figures import number_value
from dealqa.types import Passage
from retrieval.text import tokenize

__all__ = ["NamedGroup", "NamedGroups"]

_COUNT = r"two|three|four|five|six|seven|eight"
# "two new national centres - the A and a B", "two pioneering projects: the A; and the B"
_INTRODUCED_RE = re.compile(
    rf"\b(?P<n>{_COUNT})\s+(?P<desc>(?:[\w'’-]+\s+){{0,4}}?[\w'’-]+s)\s*(?:[-–—:]|\()\s*"
    r"(?P<list>[^–—:()\n]+?)\s*(?=[–—)]|\s-\s|\.(?:\s|$)|$)", re.MULTILINE)
# Members are told apart where the next one opens with an article and a capital ("... Centre
# and a Vaccines Development and Manufacturing Centre"): "and" inside a name does not split it.
_MEMBER_SEP_RE = re.compile(r"[,;]?\s+and\s+(?=(?:the|a|an)\s+[A-Z])"
                            r"|[,;]\s+(?=(?:the|a|an)\s+[A-Z])")
_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# The group as a question names it: "the two new national (manufacturing) centres". Not after
# "of" ("the second of the two projects", "one of the two centres" ask about one member).
_ASKED_RE = re.compile(
    rf"(?<!\bof )(?<!\bof the )(?<!\bof these )(?<!\bof those )"
    rf"\b(?:(?:the|those|these|both)\s+)?(?P<n>{_COUNT})\s+"
    r"(?P<desc>(?:[\w'’-]+\s+){0,5}?[\w'’-]+s)\b", re.IGNORECASE)


@dataclass(frozen=True)
class NamedGroup:
    """A group the deal introduces: its count, the words describing it, its members' names and
    the introduction (``span``) that names them."""

    words: frozenset[str]
    noun: str
    members: tuple[str, ...]
    span: Span

    def names(self) -> str:
        """ "the A and the B", "the A, the B and the C"."""
        return joined([f"the {m}" for m in self.members])


class NamedGroups:
    """``find(question)``: the group a question names and where its name stands in it."""

    def __init__(self, groups: Iterable[NamedGroup]) -> None:
        self._groups = list(groups)

    @classmethod
    def from_passages(cls, passages: Iterable[Passage]) -> "NamedGroups":
        groups = []
        for p in passages:
            for m in _INTRODUCED_RE.finditer(p.text):
                members = tuple(_ARTICLE_RE.sub("", s.strip(" ;,")) for s in
                                _MEMBER_SEP_RE.split(m.group("list")) if s.strip(" ;,"))
                if len(members) != number_value(m.group("n")) \
                        or not all(x[:1].isupper() for x in members):
                    continue
                words, noun = _description(m.group("desc"))
                span = Span(p, p.start + m.start(), p.start + m.end())
                groups.append(NamedGroup(words, noun, members, span))
        return cls(groups)

    def __len__(self) -> int:
        return len(self._groups)

    def asked_with_names(self, question: str) -> tuple[NamedGroup, str] | None:
        """The group ``question`` names and the question with its members' names in the
        group's place; None where it names none."""
        found = self.find(question)
        if found is None:
            return None
        group, start, end = found
        names = group.names()
        if not question[:start].strip():
            names = names[0].upper() + names[1:]
        return group, question[:start] + names + question[end:]

    def find(self, question: str) -> tuple[NamedGroup, int, int] | None:
        """The group ``question`` names by the same count, plural and (at least) the same
        describing words as the deal's introduction, and the name's start and end; None."""
        for m in _ASKED_RE.finditer(question):
            n = number_value(m.group("n"))
            words, noun = _description(m.group("desc"))
            for g in self._groups:
                if len(g.members) == n and g.noun == noun and g.words <= words:
                    return g, m.start(), m.end()
        return None


def _description(desc: str) -> tuple[frozenset[str], str]:
    """The words of a description and the singular of its last word, the thing counted."""
    words = desc.split()
    return frozenset(tokenize(desc)), singular(words[-1].lower())
