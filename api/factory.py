"""The default way to get the assistant: ``assistant.build_assistant(settings)``.

Imported lazily so the API package (and its tests with fakes) work before the assistant
package exists, and so importing the API loads no model.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.base import AssistantLike
from dealqa.errors import DealQAError
from dealqa.settings import Settings

__all__ = ["AssistantFactory", "default_assistant_factory"]

AssistantFactory = Callable[[Settings], AssistantLike]


def default_assistant_factory(settings: Settings) -> AssistantLike:
    """Load (building first if missing) the index named by ``settings``; slow, call once."""
    try:
        from assistant import build_assistant  # type: ignore[attr-defined]
    except ImportError as err:
        raise DealQAError(
            f"assistant.build_assistant is not available ({err}): install the complete dealqa package"
        ) from err
    return build_assistant(settings)
