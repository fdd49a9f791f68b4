"""Theme tags from keywords in a figure's purpose, sentence and section path.

Deliberately keyword-based and transparent: a reviewer can read why a record has a tag. The
five Industrial Strategy foundations used as section headings in every sector deal add their
theme ("People" -> skills, "Places" -> places and clusters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from commitments.errors import InvalidFilterError
from commitments.model import Theme

__all__ = ["tag_themes", "parse_theme"]

_KEYWORDS: dict[Theme, str] = {
    Theme.MANUFACTURING: r"manufactur\w*|fill\s+and\s+finish|production\s+facilit\w*",
    Theme.VACCINES: r"vaccin\w*|influenza|pandemic|immunisation",
    Theme.ADVANCED_THERAPIES: (r"advanced\s+therap\w*|cell\s+(?:and|&)\s+gene|gene\s+therap\w*|"
                               r"cell\s+therap\w*|viral\s+vectors?|t-cell|car-t"),
    Theme.GENOMICS: r"genom\w*|sequencing|biobank|metabolom\w*",
    Theme.AI_AND_DATA: (r"artificial\s+intelligence|\bAI\b|machine\s+learning|\bdata\b|digital|"
                        r"algorithm\w*|informatics|diagnostics"),
    Theme.CLINICAL_TRIALS: (r"clinical\s+trials?|\btrials?\b|clinical\s+research|"
                            r"national\s+institute\s+for\s+health\s+research|participants"),
    Theme.NHS_ADOPTION: (r"accelerated\s+access|adoption|uptake|innovators\s+and\s+the\s+NHS|"
                         r"care\s+pathways?|patient\s+access|digital\s+health|NHS\s+England"),
    Theme.FINANCE_AND_CAPITAL: (r"patient\s+capital|venture\s+capital|private\s+capital|"
                                r"investment\s+fund|business\s+bank|co-invest\w*|fund\s+managers|"
                                r"enterprise\s+investment\s+scheme|\bEIS\b|\bVCTs?\b|"
                                r"pension\s+funds?|scale[\s-]up|finance\b"),
    Theme.TAX: r"\btax\w*|expenditure\s+credit|\breliefs?\b|annual\s+allowance",
    Theme.SKILLS_AND_IMMIGRATION: (r"skill\w*|apprentice\w*|immigration|settlement|visas?|"
                                   r"talent|training|education|workforce|\bSTEM\b"),
    Theme.PLACES_AND_CLUSTERS: (r"clusters?|city\s+region|regional|housing\s+deal|"
                                r"\bstation\b|corridor|science\s+parks?|innovation\s+quarter|"
                                r"local\s+infrastructure"),
    Theme.RESEARCH: r"\bR&D\b|research\s+and\s+development|research\s+cent\w+|discovery",
}
_PATTERNS = {t: re.compile(p, re.IGNORECASE) for t, p in _KEYWORDS.items()}
# Foundations as section headings ("Key commitments > People > ...").
_SECTION_THEMES = {"people": Theme.SKILLS_AND_IMMIGRATION, "places": Theme.PLACES_AND_CLUSTERS}


def tag_themes(texts: Iterable[str], section: Iterable[str] = ()) -> list[Theme]:
    """Themes whose keywords occur in any of ``texts``, plus those of foundation headings."""
    joined = "\n".join(texts)
    found = {t for t, rx in _PATTERNS.items() if rx.search(joined)}
    for label in section:
        theme = _SECTION_THEMES.get(" ".join(label.lower().split()))
        if theme is not None:
            found.add(theme)
    return [t for t in Theme if t in found]


def parse_theme(text: str | Theme) -> Theme:
    """``"vaccines"``, ``"AI and data"``, ``"ai-and-data"`` or ``"AI_AND_DATA"`` -> Theme."""
    if isinstance(text, Theme):
        return text
    key = re.sub(r"[\s_-]+", " ", text.strip()).lower()
    for theme in Theme:
        if key in (theme.value.lower(), theme.name.replace("_", " ").lower()):
            return theme
    choices = ", ".join(t.slug for t in Theme)
    raise InvalidFilterError(f"unknown theme '{text}' — choose one of: {choices}")
