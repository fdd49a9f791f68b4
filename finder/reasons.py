"""Why a measure fits a profile: one reason per profile field it matches, each named by field.

Reasons are what the user reads ("place: Stevenage", "need: manufacturing capacity"), and they
also gate the list: a measure that matches no field of the profile is not offered as support,
however similar its wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from commitments import Commitment
from finder.catalogue import Offer
from finder.keywords import KIND_VOCAB, NEED_VOCAB, SECTOR_VOCAB
from finder.profile import Profile

__all__ = ["FieldMatch", "field_matches", "offer_places", "BONUS"]

# Score added per matched field. Place is rarest and most specific; a kind word ("companies")
# is common, so it counts least. Same order of magnitude as the relevance score (0..1).
BONUS = {"place": 0.12, "sector": 0.08, "need": 0.06, "kind": 0.04}
MAX_SECTORS, MAX_NEEDS = 2, 2


@dataclass(frozen=True)
class FieldMatch:
    field: str  # "kind", "sector", "need", "place"
    value: str  # the profile's value, as a label
    evidence: str  # the deal's word that matched

    @property
    def reason(self) -> str:
        shown = f" ({self.evidence!r})" if self.evidence.lower() != self.value.lower() else ""
        return f"{self.field}: {self.value}{shown}"


@lru_cache(maxsize=100_000)  # the same offers meet the same patterns on every profile
def _hit(rx: re.Pattern[str], *texts: str) -> str | None:
    for t in texts:
        m = rx.search(t)
        if m:
            return " ".join(m.group(0).split())
    return None


def offer_places(offer: Offer, linked: list[Commitment]) -> list[str]:
    """The places a measure names: in its text, and those of the commitments it states."""
    return list(offer.places) + [p.strip() for c in linked for p in c.place.split(",") if p.strip()]


def _place(profile_place: str, offer: Offer, linked: list[Commitment]) -> str | None:
    """The offer's place that is, contains or lies in the profile's place (whole words)."""
    want = profile_place.lower()
    for name in offer_places(offer, linked):
        n = name.lower()
        if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", want) or \
                re.search(rf"(?<!\w){re.escape(want)}(?!\w)", n):
            return name
    return None


def field_matches(profile: Profile, offer: Offer, linked: list[Commitment],
                  uk_place: bool) -> list[FieldMatch]:
    text, context = offer.text, offer.context
    themes = {t for c in linked for t in c.themes}
    out: list[FieldMatch] = []
    if profile.place and uk_place:
        found = _place(profile.place, offer, linked)
        if found:
            out.append(FieldMatch("place", profile.place, found))
    sectors = {v.label: v for v in SECTOR_VOCAB}
    for label in profile.sectors[:MAX_SECTORS]:
        vocab = sectors.get(label)
        if vocab is None:  # a sector the vocabulary lacks: match its words literally
            ev = _hit(re.compile(rf"\b{re.escape(label)}\b", re.IGNORECASE), text, context)
        else:
            ev = _hit(vocab.deal, text, context) or next(
                (t.value for t in vocab.themes if t in themes), None)
        if ev:
            out.append(FieldMatch("sector", label, ev))
    needs = 0
    for need in profile.needs:
        vocab = NEED_VOCAB[need.value]
        # Need words must be in the unit itself: a section title about data does not make
        # every line under it a data offer.
        ev = _hit(vocab.deal, text) or next((t.value for t in vocab.themes if t in themes), None)
        if ev and needs < MAX_NEEDS:
            out.append(FieldMatch("need", vocab.label, ev))
            needs += 1
    if profile.kind is not None:
        ev = _hit(KIND_VOCAB[profile.kind.value].deal, text, context)
        if ev:
            out.append(FieldMatch("kind", profile.kind.label, ev))
    return out
