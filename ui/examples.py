"""Example questions shown in the UI, grouped by the kind of user who would ask them.

They live in ``ui/static/examples.json`` so another deal document gets its own examples
without a code change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ExampleGroup", "load_examples", "DEFAULT_EXAMPLES"]

DEFAULT_EXAMPLES = Path(__file__).parent / "static" / "examples.json"


@dataclass(frozen=True)
class ExampleGroup:
    audience: str  # "A business"
    need: str  # "what support fits my company?"
    questions: tuple[str, ...]


def load_examples(path: Path = DEFAULT_EXAMPLES) -> list[ExampleGroup]:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        groups = [
            ExampleGroup(g["audience"], g["need"], tuple(str(q) for q in g["questions"]))
            for g in raw
        ]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ValueError(
            f"example questions in {path} are unreadable ({err}): fix the JSON "
            '(a list of {"audience", "need", "questions"})'
        ) from err
    return groups
