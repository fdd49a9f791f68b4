"""Stable slugs for document ids and passage ids (same text in, same id out)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slugify"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = 48) -> str:
    """Lower-case ASCII words joined by ``-``; cut at a word boundary to at most ``max_len``.

    ``"Business Environment"`` -> ``"business-environment"``; ``"R&D"`` -> ``"r-d"``.
    Never empty: text with no letters or digits gives ``"x"`` so ids stay well-formed.
    """
    if max_len <= 0:
        raise ValueError(f"max_len must be > 0, got {max_len}")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_len:
        cut = slug[: max_len + 1]
        # Prefer to end on a whole word: long headings keep readable, stable prefixes.
        slug = cut.rsplit("-", 1)[0] if "-" in cut[1:] else slug[:max_len]
    return slug or "x"
