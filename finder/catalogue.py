"""The deal's offers: every unit (sentence, bullet) that gives an organisation something.

A unit is an offer when it commits public money (a register commitment not made by one company
for itself), or when it is worded as an action others can use: an offer verb ("will support",
"funding for", "to help", "available"), or an imperative bullet under a "Government action"
heading ("Establish an Accelerated Access Collaborative ..."). A unit that only mentions a
topic ("Many of these products use viral vectors") offers nothing and never becomes a measure.

The same measure is often stated twice (key-commitments summary, then detail). Units sharing a
register commitment, or nearly the same words, form one *group*; the finder lists a group once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.scoring import terms
from commitments import ActorKind, Commitment, Register
from commitments.builder import DEFAULT_EXCLUDED_SECTIONS
from commitments.places import find_places
from dealqa.types import Passage, Unit, UnitKind
from finder.keywords import compile_rx

__all__ = ["Offer", "Catalogue", "build_catalogue", "OFFER_RE"]

OFFER_RE = compile_rx(
    r"\bwill (?:\w+ ){0,3}?(?:support|help|invest|fund|provide|establish|create|develop|grow|"
    r"speed|reduce|streamline|clarify|change|enable|expand|doubl\w*|back|incubate|deliver|"
    r"prioriti[sz]e|work with|give|improve|build|offer|accommodate|address)\b"
    r"|\bfunding (?:for|focused|to)\b|\bto help\b|\bavailable\b|\bgrants?\b|\bbacking\b"
    r"|\bsupport(?:s|ing)? (?:for|small|innovat|these|research|collaborative|the growth)\b"
    r"|\bestablish(?:ing)?\b|\bdoubling\b|\bexpanding the support\b|\bincubat\w*"
    # A resource already running is as usable as a promised one: "has created a national
    # BioResource ... which enables people to participate", "the network permits ...".
    r"|\b(?:enables|permits|allows)\b|\bha(?:s|ve) (?:\w+ )?(?:created|established|launched|set up)\b"
)
# Imperative bullets under a government-action heading are the deal's own action list.
_ACTION_SECTION = compile_rx(r"government action|key commitments")
_IMPERATIVE = re.compile(
    r"^(?:Establish|Develop|Create|Set out|Streamline|Change|Make|Reduce|Improve|Invest|Provide|"
    r"Launch|Support|Deliver|Implement|Expand|Double|Introduce|Back|Fund|Give|Realise|Build|"
    r"Enable|Establishing|Giving|Significantly expanding|Backing|Doubling)\b"
)
_EXCLUDED = [compile_rx(p) for p in DEFAULT_EXCLUDED_SECTIONS] + [
    # Who signed, who governs and when: none of it is something an organisation can use.
    compile_rx(r"^(?:foreword|governance|implementation plan|contents)$"),
]
SAME_WORDS = 0.6  # term Jaccard at which two units state the same measure
_PRIVATE = (ActorKind.COMPANY, ActorKind.CHARITY)
_FOR_OTHERS = compile_rx(r"\bsupport (?:these |other |local )?(?:small|SMEs?|start-?ups?|"
                         r"companies|businesses|researchers)|\bopen to\b|\bavailable to\b")


@dataclass(frozen=True)
class Offer:
    passage: Passage
    unit_index: int
    text: str  # the unit's text, as in Document.text
    context: str  # section path and lead-in line ("... including:"), for matching only
    passage_row: int  # position of the passage in the index
    vector_row: int  # row in index.unit_vectors
    commitment_ids: tuple[str, ...]
    private: bool  # only a company's own investment: reported, never as support
    places: tuple[str, ...]

    @property
    def unit(self) -> Unit:
        return self.passage.units[self.unit_index]


@dataclass
class Catalogue:
    offers: list[Offer]
    groups: list[int]  # group id of each offer
    vectors: np.ndarray  # (len(offers), dim) unit vectors
    commitments: dict[str, Commitment]
    places: frozenset[str]  # every UK place the corpus names

    def __len__(self) -> int:
        return len(self.offers)


def _excluded(p: Passage) -> bool:
    head = " ".join(p.section[0].lower().split()) if p.section else ""
    return any(rx.search(head) for rx in _EXCLUDED)


def _lead_in(p: Passage, i: int) -> str:
    """The nearest earlier line of the passage that introduces a list ("... including:")."""
    for j in range(i - 1, -1, -1):
        t = p.unit_text(p.units[j]).strip()
        if t.endswith(":"):
            return t
    return ""


def _linked(p: Passage, unit: Unit, by_span: dict[tuple[str, int], list[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(cid for (pid, start), ids in by_span.items()
                               if pid == p.passage_id and unit.start <= start < unit.end
                               for cid in ids))


def _is_offer(text: str, p: Passage, linked: Sequence[Commitment]) -> tuple[bool, bool]:
    """(offers something, only a private company investment)."""
    public_money = any(c.is_money and c.committed_by_kind not in _PRIVATE
                       and "target" not in c.flags for c in linked)
    # A company's or a charity's own spending (a new site, a grant to a named partner) is news
    # about the sector, not support another organisation can apply for.
    private = bool(linked) and all(c.committed_by_kind in _PRIVATE for c in linked)
    action = bool(_ACTION_SECTION.search(p.section_label)) and bool(_IMPERATIVE.match(text.strip()))
    offer = public_money or action or bool(OFFER_RE.search(text))
    private = private and not public_money
    # A private investment is support only where it is opened to others ("will support these
    # small and medium-sized businesses"); otherwise it is news about the sector.
    if private and not _FOR_OTHERS.search(text):
        offer = False
    return offer, private


def _group(offers: Sequence[Offer]) -> list[int]:
    parent = list(range(len(offers)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    words = [terms(o.text) for o in offers]
    for i in range(len(offers)):
        for j in range(i):
            shared = set(offers[i].commitment_ids) & set(offers[j].commitment_ids)
            union = len(words[i] | words[j]) or 1
            if shared or len(words[i] & words[j]) / union >= SAME_WORDS:
                parent[find(i)] = find(j)
    return [find(i) for i in range(len(offers))]


def build_catalogue(index, register: Register | None) -> Catalogue:
    """Every offer unit of ``index`` (a LoadedIndex), linked to ``register``'s commitments."""
    commitments = {c.id: c for c in (register.commitments if register else [])}
    by_span: dict[tuple[str, int], list[str]] = {}
    for c in commitments.values():
        for ref in c.citations:
            by_span.setdefault((ref.passage_id, ref.start), []).append(c.id)
    offers: list[Offer] = []
    places: set[str] = set()
    for row, p in enumerate(index.passages):
        places.update(find_places(p.text))
        if _excluded(p):
            continue
        base = int(index.unit_offsets[row])
        for i, unit in enumerate(p.units):
            text = p.unit_text(unit)
            if unit.kind is UnitKind.HEADING or not text.strip():
                continue
            ids = _linked(p, unit, by_span)
            offer, private = _is_offer(text, p, [commitments[c] for c in ids])
            if not offer:
                continue
            context = f"{p.section_label}\n{_lead_in(p, i)}"
            offers.append(Offer(p, i, text, context, row, base + i, ids, private,
                                tuple(find_places(text))))
    dim = index.unit_vectors.shape[1] if index.unit_vectors.ndim == 2 else 0
    vectors = (index.unit_vectors[[o.vector_row for o in offers]] if offers
               else np.zeros((0, dim), dtype=np.float32))
    return Catalogue(offers, _group(offers), vectors, commitments, frozenset(places))
