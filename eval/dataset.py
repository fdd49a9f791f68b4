"""The QA dataset: one JSON object a line, validated strictly so a bad line fails loudly.

Format (every key required unless noted)::

    {"id": "amt-01", "category": "amount", "question": "...", "answer": "...",
     "must_include": ["£210m"], "evidence": ["verbatim quote from the corpus"],
     "section": "Key commitments", "history": [{"q": "...", "a": "..."}]}

``history`` is required (non-empty) for ``followup`` items and optional elsewhere.
``must_include`` and ``evidence`` are empty exactly for ``unanswerable`` items. Unknown keys are
ignored so that datasets may carry notes of their own.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from dealqa.errors import DealQAError
from dealqa.types import Turn
from eval.normalise import contains, normalise

__all__ = [
    "Category",
    "QAItem",
    "DatasetError",
    "parse_item",
    "load_dataset",
    "file_sha256",
    "missing_evidence",
]

_REQUIRED = ("id", "category", "question", "answer", "must_include", "evidence", "section")


class Category(str, Enum):
    AMOUNT = "amount"
    ENTITY = "entity"
    DATE = "date"
    LIST = "list"
    ELIGIBILITY = "eligibility"
    CONDITION = "condition"
    MULTI_HOP = "multi_hop"
    PARAPHRASE = "paraphrase"
    UNANSWERABLE = "unanswerable"
    FOLLOWUP = "followup"


class DatasetError(DealQAError, ValueError):
    """A dataset file is missing or one of its lines is malformed."""


@dataclass(frozen=True)
class QAItem:
    id: str
    category: Category
    question: str
    answer: str  # reference answer, for readers of the report; scoring uses must_include
    must_include: tuple[str, ...]
    evidence: tuple[str, ...]
    section: str
    history: tuple[Turn, ...] = ()

    @property
    def answerable(self) -> bool:
        return self.category is not Category.UNANSWERABLE


def _str_list(obj: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = obj[key]
    if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
        raise ValueError(f"'{key}' must be a list of non-empty strings")
    return tuple(value)


def _text(obj: Mapping[str, Any], key: str, *, allow_empty: bool = False) -> str:
    value = obj[key]
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise ValueError(f"'{key}' must be a {'' if allow_empty else 'non-empty '}string")
    return value


def _history(obj: Mapping[str, Any]) -> tuple[Turn, ...]:
    raw = obj.get("history", [])
    if not isinstance(raw, list):
        raise ValueError("'history' must be a list of {\"q\", \"a\"} objects")
    turns = []
    for i, turn in enumerate(raw):
        if not (isinstance(turn, dict) and isinstance(turn.get("q"), str)
                and isinstance(turn.get("a"), str) and turn["q"].strip()):
            raise ValueError(f"history[{i}] must be an object with string 'q' and 'a'")
        turns.append(Turn(q=turn["q"], a=turn["a"]))
    return tuple(turns)


def _category(obj: Mapping[str, Any]) -> Category:
    try:
        return Category(obj["category"])
    except ValueError:
        allowed = ", ".join(c.value for c in Category)
        raise ValueError(f"unknown category {obj['category']!r} (allowed: {allowed})") from None


def parse_item(obj: Any) -> QAItem:
    """Validate one decoded line; raises ValueError naming the problem (no line number)."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    missing = [k for k in _REQUIRED if k not in obj]
    if missing:
        raise ValueError(f"missing key(s) {', '.join(missing)}")
    item = QAItem(
        id=_text(obj, "id"),
        category=_category(obj),
        question=_text(obj, "question"),
        answer=_text(obj, "answer", allow_empty=True),
        must_include=_str_list(obj, "must_include"),
        evidence=_str_list(obj, "evidence"),
        section=_text(obj, "section", allow_empty=True),
        history=_history(obj),
    )
    # Scoring relies on these invariants: an answerable item with no must_include would be
    # "correct" for any answer, and evidence on an unanswerable one contradicts its label.
    if item.answerable and not (item.must_include and item.evidence):
        raise ValueError("answerable items need non-empty 'must_include' and 'evidence'")
    if not item.answerable and (item.must_include or item.evidence):
        raise ValueError("unanswerable items must have empty 'must_include' and 'evidence'")
    if item.category is Category.FOLLOWUP and not item.history:
        raise ValueError("followup items need a non-empty 'history'")
    return item


def load_dataset(path: Path) -> list[QAItem]:
    """Read and validate a JSONL dataset; blank lines are skipped, ids must be unique."""
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"dataset not found: {path}; pass an existing JSONL file")
    items: list[QAItem] = []
    seen: dict[str, int] = {}
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = parse_item(json.loads(line))
        except json.JSONDecodeError as err:
            raise DatasetError(
                f"{path}:{line_no}: invalid JSON ({err.msg}); fix that line"
            ) from err
        except ValueError as err:
            raise DatasetError(f"{path}:{line_no}: {err}; fix that line") from err
        if item.id in seen:
            raise DatasetError(
                f"{path}:{line_no}: duplicate id {item.id!r} (first on line {seen[item.id]}); "
                "make ids unique"
            )
        seen[item.id] = line_no
        items.append(item)
    if not items:
        raise DatasetError(f"{path}: no items; add at least one JSON line")
    return items


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def missing_evidence(items: Iterable[QAItem], texts: Iterable[str]) -> list[tuple[str, str]]:
    """(item id, quote) for every evidence quote found in none of ``texts`` (normalised).

    A dataset sanity check: a quote that is not in the corpus can never be retrieved, so
    recall on that item measures the dataset, not the system.
    """
    corpus = [normalise(t) for t in texts]
    return [
        (item.id, quote)
        for item in items
        for quote in item.evidence
        if not any(contains(doc, normalise(quote)) for doc in corpus)
    ]
