"""Errors of the register. Missing/corrupt register files raise dealqa.errors' index errors."""

from __future__ import annotations

from dealqa.errors import DealQAError

__all__ = ["InvalidFilterError"]


class InvalidFilterError(DealQAError, ValueError):
    """A filter value the register cannot use (unknown theme, unreadable amount ...)."""
