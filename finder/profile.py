"""An organisation's profile: free text or fields, and the rule-based parser from one to the other.

Rules rather than a model because every field the parser fills becomes a stated reason in the
output ("sector: medtech"); a reviewer must be able to see why the parser read it so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from commitments.places import UK_PLACES, find_places
from finder.keywords import KIND_VOCAB, NEED_VOCAB, SECTOR_VOCAB

__all__ = ["OrgKind", "Need", "Profile", "parse_profile", "is_uk_place", "MAX_PROFILE_CHARS"]

MAX_PROFILE_CHARS = 2000


class OrgKind(str, Enum):
    SME = "sme"
    LARGE = "large_company"
    UNIVERSITY = "university"
    NHS = "nhs_body"
    CHARITY = "charity"
    INVESTOR = "investor"
    INDIVIDUAL = "individual"

    @property
    def label(self) -> str:
        return KIND_VOCAB[self.value].label


class Need(str, Enum):
    FUNDING = "funding"
    MANUFACTURING = "manufacturing_capacity"
    DATA = "data_access"
    SKILLS = "skills_and_recruitment"
    FINANCE = "finance_and_tax"
    NHS_ADOPTION = "nhs_adoption"
    PREMISES = "premises"

    @property
    def label(self) -> str:
        return NEED_VOCAB[self.value].label


@dataclass(frozen=True)
class Profile:
    text: str = ""
    kind: OrgKind | None = None
    sector: str | None = None  # one or more sector labels, comma-separated: "medtech, diagnostics"
    place: str | None = None
    needs: tuple[Need, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.kind is not None and not isinstance(self.kind, OrgKind):
            object.__setattr__(self, "kind", OrgKind(self.kind))
        object.__setattr__(self, "needs", tuple(Need(n) for n in self.needs))

    @property
    def sectors(self) -> list[str]:
        return [s.strip() for s in (self.sector or "").split(",") if s.strip()]

    @property
    def is_empty(self) -> bool:
        return not (self.text.strip() or self.kind or self.sector or self.place or self.needs)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind.value if self.kind else None,
                "sector": self.sector, "place": self.place, "needs": [n.value for n in self.needs]}


# "based in Singapore", "in Leeds", "from Dundee": a capitalised name after a locative word.
_LOCATIVE = re.compile(r"\b(?:based in|located in|in|from|at)\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?)")
_NOT_PLACE = re.compile(r"^(?:The|A|An|Our|NHS|UK|Phase|Series|January|February|March|April|May|"
                        r"June|July|August|September|October|November|December|I|We)\b")
_UK_WORDS = {p.lower() for p in UK_PLACES} | {"uk", "united kingdom", "britain"}


def is_uk_place(place: str, known: Iterable[str] = ()) -> bool:
    """Whether ``place`` is in the UK gazetteer or among the places the corpus names."""
    names = _UK_WORDS | {k.lower() for k in known}
    p = place.strip().lower()
    return p in names or any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", p) for n in names if n)


def _kind(text: str) -> OrgKind | None:
    for key, vocab in KIND_VOCAB.items():  # dict order is the priority order
        if vocab.profile.search(text):
            return OrgKind(key)
    return None


def _sectors(text: str) -> str | None:
    found = [v.label for v in SECTOR_VOCAB if v.profile.search(text)]
    return ", ".join(found) or None


def _needs(text: str) -> tuple[Need, ...]:
    return tuple(Need(key) for key, v in NEED_VOCAB.items() if v.profile.search(text))


def _place(text: str, known_places: Iterable[str]) -> str | None:
    known = sorted({k for k in known_places if k}, key=len, reverse=True)
    for name in known:  # the corpus's own places first: they are what measures can match
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            return name
    uk = find_places(text)
    if uk:
        return uk[0]
    for m in _LOCATIVE.finditer(text):
        if not _NOT_PLACE.match(m.group(1)):
            return m.group(1)  # maybe outside the UK ("Singapore"); the finder checks
    return None


def parse_profile(text: str, known_places: Iterable[str] = ()) -> Profile:
    """Free text -> Profile. ``known_places``: places the corpus names (the finder passes them)."""
    if not isinstance(text, str):
        raise TypeError(f"profile text must be str, got {type(text).__name__}")
    t = " ".join(text.split())
    return Profile(text=t, kind=_kind(t), sector=_sectors(t), place=_place(t, known_places),
                   needs=_needs(t))
