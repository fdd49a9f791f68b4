"""One record per fact: merge the mentions of a figure the document states more than once.

Deal documents say the same thing in the summary, the key commitments, the detailed section
and the implementation table. Two mentions are the same fact when

* the value and unit are equal (``£146m`` GBP), in the same document;
* nothing rules it out: they are not in one sentence, not sibling lines of one list (the two
  ``£12m`` lines of the £146m programme are two facts), their places do not disagree
  (Seqirus's £40m in Liverpool vs Nexus's £40m in Leeds) and they are not credited to two
  different named organisations, each named in its own sentence;
* and their sentences share enough content words (overlap coefficient of stemmed words and
  name initials ≥ ``threshold``), or the later one points back ("This £146m will fund ...").

Merging is greedy in document order, and a mention joins a group only when it is compatible
with *every* member, so a chain of weak links cannot glue two different facts together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from commitments.actors import Actor
from commitments.clauses import acronym, similarity
from commitments.extractor import Mention
from commitments.model import ActorKind, Commitment, Qualifier, Theme
from commitments.structure import DocView
from dealqa.types import UnitKind
from retrieval.text import tokenize

__all__ = ["group_mentions", "merge_group", "commitment_id", "DEFAULT_THRESHOLD"]

DEFAULT_THRESHOLD = 0.25
_ANAPHOR = re.compile(r"\b(?:this|that|the\s+same)\s*$", re.IGNORECASE)
_GENERIC_WORDS = frozenset(
    "investment programme funding fund commitment contract grant support new additional "
    "further total".split()
)


def _siblings(view: DocView, a: Mention, b: Mention) -> bool:
    ba, bb = view.blocks[a.block], view.blocks[b.block]
    return (ba.index != bb.index and ba.kind is UnitKind.BULLET and bb.kind is UnitKind.BULLET
            and ba.list_id == bb.list_id and ba.depth == bb.depth)


def _actor_conflict(a: Mention, b: Mention) -> bool:
    """Two different organisations, each named in its own sentence ("Pfizer" vs "Novartis")."""
    if not (a.actor_explicit and b.actor_explicit and a.actor and b.actor):
        return False
    x, y = a.actor.name, b.actor.name
    if not (x[:1].isupper() and y[:1].isupper()):
        return False  # "government", "industry": a voice, not a name
    if acronym(x) == y.lower() or acronym(y) == x.lower():
        return False  # "UK Research and Innovation" and "UKRI"
    return not set(x.lower().split()) & set(y.lower().split())


def _compatible(view: DocView, a: Mention, b: Mention) -> bool:
    if (a.doc_id, a.unit, a.value) != (b.doc_id, b.unit, b.value):
        return False
    if a.sentence is b.sentence or _siblings(view, a, b):
        return False
    if a.places_explicit and b.places_explicit and not set(a.places) & set(b.places):
        return False
    return not _actor_conflict(a, b)


def _linked(a: Mention, b: Mention, threshold: float) -> bool:
    later = b if b.start > a.start else a
    text = later.citation.quote[:later.figure.raw_start]
    return similarity(a.tokens, b.tokens) >= threshold or bool(_ANAPHOR.search(text))


def group_mentions(view: DocView, mentions: Sequence[Mention],
                   threshold: float = DEFAULT_THRESHOLD) -> list[list[Mention]]:
    """Mentions grouped by fact, groups in order of first mention."""
    groups: list[list[Mention]] = []
    for m in sorted(mentions, key=lambda x: x.start):
        best, best_score = None, -1.0
        for g in groups:
            if not all(_compatible(view, m, other) for other in g):
                continue
            if not any(_linked(other, m, threshold) for other in g):
                continue
            score = max(similarity(other.tokens, m.tokens) for other in g)
            if score > best_score:
                best, best_score = g, score
        if best is None:
            groups.append([m])
        else:
            best.append(m)
    return groups


def _informative(purpose: str) -> int:
    tokens = [t for t in tokenize(purpose)
              if (t.isalpha() or "&" in t) and t not in _GENERIC_WORDS]
    return min(len(tokens), 8)


def _value_slug(value: Decimal | int, unit: str) -> str:
    if unit in {"GBP", "USD", "EUR"}:
        for suffix, size in (("bn", Decimal(10) ** 9), ("m", Decimal(10) ** 6),
                             ("k", Decimal(10) ** 3)):
            if value >= size:
                return format((Decimal(value) / size).normalize(), "f") + suffix
    return format(Decimal(value).normalize(), "f")


def commitment_id(doc_id: str, value: Decimal | int, unit: str, taken: set[str]) -> str:
    """``"<doc_id>#gbp-146m"``; a second fact with the same figure gets ``-2`` and so on."""
    base = f"{doc_id}#{unit.lower()}-{_value_slug(value, unit)}"
    cid, n = base, 1
    while cid in taken:
        n += 1
        cid = f"{base}-{n}"
    taken.add(cid)
    return cid


def _first_actor(group: list[Mention]) -> Actor | None:
    for explicit in (True, False):
        for m in group:
            if m.actor is not None and m.actor_explicit == explicit:
                return m.actor
    return None


def merge_group(group: list[Mention], cid: str) -> Commitment:
    """One Commitment from the mentions of one fact (first mention leads)."""
    first = group[0]
    qualifiers = list(dict.fromkeys(m.qualifier for m in group
                                    if m.qualifier is not Qualifier.NONE))
    purpose = max((m.purpose for m in group), key=_informative)  # first of the best
    actor = _first_actor(group)
    flags = list(dict.fromkeys(f for m in group for f in m.flags))
    if len(qualifiers) > 1:
        flags.append("qualifier-differs")
    # A period from running text ("over 10 years") beats an implementation table's date.
    in_body = [m for m in group if "\t" not in m.citation.quote] or group
    citations = list(dict.fromkeys(m.citation for m in group))
    return Commitment(
        id=cid,
        value=first.value,
        unit=first.unit,
        qualifier=qualifiers[0] if qualifiers else Qualifier.NONE,
        raw=first.raw,
        purpose=purpose,
        committed_by=actor.name if actor else "",
        committed_by_kind=actor.kind if actor else ActorKind.OTHER,
        beneficiaries=list(dict.fromkeys(b for m in group for b in m.beneficiaries)),
        place=", ".join(next((m.places for m in group if m.places), [])),
        period=next((m.period for m in in_body + group if m.period), ""),
        conditions=list(dict.fromkeys(c for m in group for c in m.conditions)),
        themes=[t for t in Theme if any(t in m.themes for m in group)],
        citations=citations,
        flags=flags,
        doc_id=first.doc_id,
    )
