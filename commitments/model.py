"""The register's records: one Commitment per fact, however often the document repeats it.

Values are exact: money is a ``Decimal`` in the currency's unit (``£66m`` -> ``66000000`` with
unit ``"GBP"``), counts are ``int`` (``nearly 100 high-value jobs`` -> ``100`` ``"jobs"``) and
percentage targets a ``Decimal`` (``2.4`` ``"percent_gdp"``). Offsets in citations index the
cleaned ``Document.text``, like every other citation in the project.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

__all__ = [
    "Theme",
    "Qualifier",
    "ActorKind",
    "CitationRef",
    "Commitment",
    "Reconciliation",
    "Skipped",
    "MONEY_UNITS",
    "CURRENCY_UNITS",
]

# Currency sign -> unit code; the register never mixes currencies in one value.
CURRENCY_UNITS = {"£": "GBP", "$": "USD", "€": "EUR"}
MONEY_UNITS = frozenset(CURRENCY_UNITS.values())


class Theme(str, Enum):
    """What a commitment is about. ``RESEARCH`` is ours: R&D spending fits none of the others."""

    MANUFACTURING = "manufacturing"
    VACCINES = "vaccines"
    ADVANCED_THERAPIES = "advanced therapies"
    GENOMICS = "genomics"
    AI_AND_DATA = "AI and data"
    CLINICAL_TRIALS = "clinical trials"
    NHS_ADOPTION = "NHS adoption"
    FINANCE_AND_CAPITAL = "finance and capital"
    TAX = "tax"
    SKILLS_AND_IMMIGRATION = "skills and immigration"
    PLACES_AND_CLUSTERS = "places and clusters"
    RESEARCH = "research and development"

    @property
    def slug(self) -> str:
        return self.value.lower().replace(" ", "-")


class Qualifier(str, Enum):
    """How the document hedges a figure ("up to £210m", "nearly 100 jobs")."""

    NONE = ""
    UP_TO = "up to"
    MORE_THAN = "more than"
    OVER = "over"
    AT_LEAST = "at least"
    AROUND = "around"
    NEARLY = "nearly"
    CIRCA = "c."


class ActorKind(str, Enum):
    GOVERNMENT = "government"
    COMPANY = "company"
    PARTNERSHIP = "partnership"
    CHARITY = "charity"
    OTHER = "other"


@dataclass(frozen=True)
class CitationRef:
    """Where a figure is stated: ``quote == Document.text[start:end]`` (sentence, bullet, row)."""

    passage_id: str
    section: str
    start: int
    end: int
    quote: str


@dataclass
class Commitment:
    id: str
    value: Decimal | int
    unit: str  # "GBP", "USD", "EUR", "jobs", "scientists", "years", "percent_gdp", ...
    qualifier: Qualifier
    raw: str  # the figure as first written, qualifier included: "up to £210m"
    purpose: str
    committed_by: str
    committed_by_kind: ActorKind
    beneficiaries: list[str] = field(default_factory=list)
    place: str = ""  # UK places named around the figure, comma-separated
    period: str = ""  # "2021/22", "by 2020", "over 10 years", "Aug 2017" ...
    conditions: list[str] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    citations: list[CitationRef] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    doc_id: str = ""

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS


@dataclass(frozen=True)
class Reconciliation:
    """A stated total against the itemised lines listed under it."""

    total_id: str
    item_ids: tuple[str, ...]
    total: Decimal
    items_sum: Decimal
    ok: bool
    citations: tuple[CitationRef, ...]  # the total's statement first, then each line


@dataclass(frozen=True)
class Skipped:
    """A figure the extractor saw and left out, with why: reviewers can audit the scope."""

    raw: str
    reason: str  # "baseline", "historical", "no-commitment-cue", "not-a-target", ...
    citation: CitationRef
