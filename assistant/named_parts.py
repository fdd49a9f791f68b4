"""The parts and headings of the document a question names: "... listed in the key commitments?",
"the Places policies in the wider Industrial Strategy summary", "In the opening letter, ...".
A question naming where its answer is is answered from there: the retrieved units in that part
or under that heading, and a small part (the foreword's three passages) read whole where
retrieval did not reach it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.quoting import is_reference
from assistant.request import AnswerRequest
from assistant.scoring import Candidate
from dealqa.types import AnswerType, Hit, Passage
from retrieval.text import find_amounts, tokenize

__all__ = ["CITES_RE", "PART_WORDS", "NamedParts"]

# "Who produced the report the deal cites?": the References are where to look.
CITES_RE = re.compile(r"\b(?:the deal|it|the document|this document) "
                      r"(?:cites|cited|references|quotes)\b"
                      r"|\b(?:cited|referenced) (?:in|by) (?:the deal|the document|it)\b")
# One-word titles that only ever name a part of a document ("Going by the foreword, ...").
PART_WORDS = frozenset("foreword preface introduction references glossary annex appendix".split())
# Other parts a question may name beside one of those ("the foreword and the summary").
_OTHER_PART_RE = re.compile(r"\b(?:summary|section|chapter|key commitments|implementation plan|"
                            r"timeline|table)\b")
HEADING_WORDS = 3  # a heading a question names by its words has at least this many
# A part named in other words: "the opening letter", "the ministers' opening" is the foreword.
_PART_ALIASES = (("foreword", re.compile(
    r"\b(?:opening|introductory) (?:letter|message|statement|remarks|words|note)\b|"
    r"\bministers['’]? (?:opening|"
    r"letter|introduction)\b|\bletter from (?:the )?ministers\b", re.IGNORECASE)),)
SMALL_PART = 4  # a named part of at most this many passages is read whole, retrieved or not

# What a heading heads: "the Places policies", "the Ideas foundation", "the People section".
_HEADS = r"(?i:polic(?:y|ies)|measures|foundation|section|heading|part|chapter|page|pillar|theme)\b"


@lru_cache(maxsize=256)
def _heading_use(heading: str) -> re.Pattern[str]:
    """``heading`` used as one in a question: as the document writes it (capitalised), quoted,
    or before a word for what a heading heads."""
    h = re.escape(heading)
    return re.compile(rf"\b{h}\b|['‘\"]{h}['’\"]|(?i:\b{h}) (?={_HEADS})")


class NamedParts:
    """The document's parts and headings, and what a question naming one is answered from."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self._passages = list(passages)
        # The parts a question may name ("... listed in the key commitments?"); a one-word
        # title ("People") is too often an ordinary word of the question.
        self._parts = frozenset(t for p in passages if p.section
                                if (len((t := p.section[0].lower()).split()) > 1 or t in PART_WORDS)
                                and t[:1].isalpha())
        # ... and the headings within a part, by their words: "What examples of private sector
        # investment and growth ...?" names "Private sector investments & growth". A heading of
        # fewer words ("Genomics", "Advanced therapies") is too often the question's own topic.
        self._headings = {h: words for p in passages for h in p.section[1:]
                          if len(words := frozenset(tokenize(h))) >= HEADING_WORDS}

    def named(self, q: str) -> set[str]:
        """The parts of the document ``q`` (lower-cased) names, by title or in other words."""
        return {t for t in self._parts if re.search(rf"\b{re.escape(t)}\b", q)} | {
            part for part, rx in _PART_ALIASES if part in self._parts and rx.search(q)}

    def with_part(self, question: str, hits: list[Hit]) -> list[Hit]:
        """``hits``, and where ``question`` names a small part none of them is in ("In the
        opening letter, how do the signatories sum up the NHS?"), that part's passages: the
        question says where its answer is, however few words it shares with it."""
        if not hits:
            return hits
        named = self.named(" ".join(question.lower().split()))
        part = [p for p in self._passages if p.section and p.section[0].lower() in named]
        if not part or len(part) > SMALL_PART or any(h.passage in part for h in hits):
            return hits
        return hits + [Hit(p, 0.0, len(hits) + i) for i, p in enumerate(part, 1)]

    def part_first(self, question: str, hits: list[Hit]) -> list[Hit]:
        """``hits`` led by the passages of the small part ``question`` names ("In the opening
        letter, how do the ministers describe the NHS?": the foreword's), in document order:
        the question says where its answer is. Unchanged for any other question."""
        named = self.named(" ".join(question.lower().split()))
        part = [p for p in self._passages if p.section and p.section[0].lower() in named]
        if not part or len(part) > SMALL_PART:
            return hits
        ids = {p.passage_id for p in part}
        # (a part passage retrieved keeps its scores: only its place in the list changes)
        had = {h.passage.passage_id: h for h in hits}
        led = [had.get(p.passage_id) or Hit(p, 0.0, 0) for p in part] + \
            [h for h in hits if h.passage.passage_id not in ids]
        return [Hit(h.passage, h.score, r, h.scores) for r, h in enumerate(led, 1)]

    def in_part(self, req: AnswerRequest, cands: list[Candidate]) -> list[Candidate]:
        """A question naming a part of the document ("... in the executive summary?") is
        answered from that part where the retrieved passages reach it."""
        q = " ".join(req.question.lower().split())
        if find_amounts(q) or req.analysis.answer_type is AnswerType.AMOUNT:
            # "The executive summary says £162m: how does it add up?" names where the question's
            # figure is; its parts, and figures asked for, may be anywhere.
            return cands
        asked = set(tokenize(q))
        named = self.named(q)
        if named and named <= PART_WORDS and _OTHER_PART_RE.search(q):
            # "The foreword and the summary seem to say different things": two parts compared,
            # so not only the foreword's units answer.
            named = set()
        in_part = [c for c in cands if c.passage.section
                   and c.passage.section[0].lower() in named]
        headings = {h for h, words in self._headings.items() if words <= asked}
        inside = [c for c in cands if headings & set(c.passage.section[1:])] \
            or [c for c in cands if self.names_path(req, asked, c.passage.section)]
        if inside and in_part and not any(named & {h.lower() for h in c.passage.section}
                                          for c in inside):
            # "Set out the commitments for implementing the Accelerated Access Review in the
            # key commitments": the part named says where, before a heading its words match.
            return in_part
        if inside:
            return inside
        inside = in_part
        if not inside and CITES_RE.search(q):
            # "Who produced the report the deal cites?": its References entry names the author.
            inside = [c for c in cands if is_reference(c.passage)]
        return inside or cands

    @staticmethod
    def names_path(req: AnswerRequest, asked: set[str], section: tuple[str, ...]) -> bool:
        """The question names a heading of ``section`` and the part it is in ("the Places
        policies in the wider Industrial Strategy summary": "Industrial Strategy at a glance >
        Places"): all but one of the part's words (two at least), and the heading as a heading,
        capitalised or quoted as the document writes it or labelling what it heads ("business
        environment measures"). A one-word heading alone is too often the question's own topic
        ("how people get around"; see _headings). Words of a longer name ("Industrial Strategy
        Challenge Fund") name that, not the part."""
        if len(section) < 2:
            return False
        part = set(tokenize(section[0]))
        foreign = {t for n in req.analysis.names
                   if (w := set(tokenize(n))) & part and not w <= part for t in w}
        if len(part & (asked - foreign)) < max(2, len(part) - 1):
            return False
        return any(not set(tokenize(h)) <= part and _heading_use(h).search(req.question)
                   for h in section[1:])
