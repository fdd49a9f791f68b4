"""The support finder as the API and the UI use it.

The finder package (``finder``) is written separately; this module is the only place that
knows its names. ``SupportService`` wraps a finder together with the module that defines its
profile types, so tests pass a fake finder and fake types, and the allowed ``kind``/``needs``
values come from the finder's own enums rather than a copy that could drift.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, Protocol

from dealqa.errors import DealQAError

__all__ = ["SupportService", "FinderUnavailableError", "FinderTypes", "load_support_service"]


class FinderUnavailableError(DealQAError):
    """The support finder could not be loaded; routes answer 503 with this message."""


class FinderTypes(Protocol):
    """What ``finder`` exports besides the finder itself (a module satisfies this)."""

    Profile: Any
    OrgKind: type[Enum]
    Need: type[Enum]

    def parse_profile(self, text: str) -> Any: ...


class SupportService:
    def __init__(self, finder: Any, types: FinderTypes) -> None:
        if not callable(getattr(finder, "run", None)):
            raise ValueError(f"finder must have a run() method, got {type(finder).__name__}")
        self.finder = finder
        self.types = types

    @property
    def kinds(self) -> list[str]:
        return [k.value for k in self.types.OrgKind]

    @property
    def needs(self) -> list[str]:
        return [n.value for n in self.types.Need]

    def profile(self, text: str = "", kind: str | None = None, sector: str | None = None,
                place: str | None = None, needs: Sequence[str] = ()) -> Any:
        """A ``finder.Profile`` (or the text alone, which the finder parses itself).

        Fields given explicitly override what the finder reads from the text. Raises
        ValueError naming an unknown kind or need and the allowed values.
        """
        text, sector, place = (text or "").strip(), _blank(sector), _blank(place)
        org = self._enum(self.types.OrgKind, kind, "kind") if _blank(kind) else None
        wanted = tuple(dict.fromkeys(self._enum(self.types.Need, n, "need") for n in needs))
        if not (org or sector or place or wanted):
            return text
        base = self.types.parse_profile(text) if text else None
        return self.types.Profile(
            text=text,
            kind=org or getattr(base, "kind", None),
            sector=sector or getattr(base, "sector", None),
            place=place or getattr(base, "place", None),
            needs=wanted or tuple(getattr(base, "needs", ()) or ()),
        )

    def run(self, profile: Any, k: int | None = None) -> dict[str, Any]:
        return self.finder.run(profile, k).to_dict()

    @staticmethod
    def _enum(enum: type[Enum], value: str | None, field: str) -> Enum:
        # "Large company", "large-company" and "LARGE_COMPANY" all mean large_company.
        key = "_".join(str(value or "").replace("-", " ").lower().split())
        for member in enum:
            if key in (str(member.value).lower(), member.name.lower()):
                return member
        choices = ", ".join(str(m.value) for m in enum)
        raise ValueError(f"unknown {field} '{value}': choose one of {choices}")


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def load_support_service(assistant: Any, register: Any) -> SupportService:
    """The real finder (``finder.build_finder``); FinderUnavailableError when it is missing."""
    try:
        import finder  # type: ignore[import-not-found]
        from finder import build_finder  # type: ignore[import-not-found]
    except ImportError as err:
        raise FinderUnavailableError(
            f"support finder not available ({err}): install the complete dealqa package "
            "with the finder/ package") from err
    # The assistant already holds a finder over the same index (chat routes to it): one
    # finder means one catalogue built, shared by chat and /api/support.
    own = getattr(assistant, "finder", None)
    return SupportService(own if own is not None else build_finder(assistant, register), finder)
