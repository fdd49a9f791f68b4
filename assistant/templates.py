"""Loads the answer wording from ``templates/answers.ini`` (a file, not strings in code)."""

from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

__all__ = ["Templates", "joined", "load_templates"]

_DEFAULT = Path(__file__).parent / "templates" / "answers.ini"


class Templates:
    def __init__(self, parser: configparser.ConfigParser) -> None:
        self._p = parser

    def get(self, section: str, key: str, **values: object) -> str:
        try:
            raw = self._p[section][key]
        except KeyError as exc:  # a missing template is a programming error: name it
            raise KeyError(f"template [{section}] {key} missing from answers.ini") from exc
        return raw.format(**values)


@lru_cache(maxsize=4)
def load_templates(path: Path = _DEFAULT) -> Templates:
    parser = configparser.ConfigParser(interpolation=None)
    if not parser.read(path, encoding="utf-8"):
        raise FileNotFoundError(f"answer templates not found: {path}")
    return Templates(parser)


def joined(items: list[str]) -> str:
    """Things named in a sentence: "A", "A and B", "A, B and C"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
