"""Commitments register: every figure a deal commits, with who, what for, where and when.

    register = build_register(result.documents, result.passages)   # at ingest, no model
    register.filter(theme="vaccines", place="Liverpool", min_amount="10m")
    save_register(register, index_dir)                               # JSON, next to the index
    print(main_commitments(load_register(index_dir), theme=None, place=None,
                           min_amount=None, fmt="table"))

Scoring against the hand-written gold list: ``python -m commitments.score``.
See commitments/README.md for the scope, the heuristics and the measured quality.
"""

from commitments.builder import DEFAULT_EXCLUDED_SECTIONS, build_register
from commitments.cli import OutputFormat, main_commitments
from commitments.errors import InvalidFilterError
from commitments.io import REGISTER_FILE, load_register, save_register
from commitments.model import (
    ActorKind,
    CitationRef,
    Commitment,
    Qualifier,
    Reconciliation,
    Skipped,
    Theme,
)
from commitments.register import Register, parse_amount

__all__ = [
    "build_register",
    "DEFAULT_EXCLUDED_SECTIONS",
    "Register",
    "Commitment",
    "CitationRef",
    "Reconciliation",
    "Skipped",
    "Theme",
    "Qualifier",
    "ActorKind",
    "save_register",
    "load_register",
    "REGISTER_FILE",
    "main_commitments",
    "OutputFormat",
    "InvalidFilterError",
    "parse_amount",
]
