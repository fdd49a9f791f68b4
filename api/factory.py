"""Default ways to build what the app serves, each called once at start-up.

Imported lazily so the API package (and its tests with fakes) work before the other packages
exist, and so importing the API loads no model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.base import AssistantLike
from dealqa.errors import DealQAError
from dealqa.settings import Settings

__all__ = [
    "AssistantFactory",
    "RegisterFactory",
    "SupportFactory",
    "default_assistant_factory",
    "default_register_factory",
    "default_support_factory",
]

AssistantFactory = Callable[[Settings], AssistantLike]
RegisterFactory = Callable[[Settings], Any]  # -> commitments.Register
SupportFactory = Callable[[AssistantLike, Any], Any]  # (assistant, register) -> SupportService


def default_assistant_factory(settings: Settings) -> AssistantLike:
    """Load (building first if missing) the index named by ``settings``; slow, call once."""
    try:
        from assistant import build_assistant  # type: ignore[attr-defined]
    except ImportError as err:
        raise DealQAError(
            f"assistant.build_assistant is not available ({err}): install the complete dealqa package"
        ) from err
    return build_assistant(settings)


def default_register_factory(settings: Settings) -> Any:
    """The commitments register saved next to the index (rebuilt from it if missing)."""
    from dealqa.indexing import load_commitments

    return load_commitments(settings)


def default_support_factory(assistant: AssistantLike, register: Any) -> Any:
    from api.support import load_support_service

    return load_support_service(assistant, register)
