"""Support finder: an organisation's profile -> the deal's measures that could help it, cited.

    finder = build_finder(assistant, register)        # cheap; the catalogue is built on first run
    result = finder.run("12-person medtech start-up in Leeds working with NHS trusts")
    result.matches[0].measure, result.matches[0].why, result.matches[0].citations

Nothing heavy is imported here: ``import finder`` stays cheap for the CLI and the API.
"""

from __future__ import annotations

from finder.profile import Need, OrgKind, Profile, parse_profile
from finder.route import is_support_question

__all__ = [
    "OrgKind",
    "Need",
    "Profile",
    "parse_profile",
    "is_support_question",
    "Match",
    "SupportResult",
    "SupportFinder",
    "build_finder",
    "main_support",
]


def __getattr__(name: str):
    if name in ("Match", "SupportResult", "SupportFinder", "build_finder"):
        from finder import finder as _finder

        return getattr(_finder, name)
    if name == "main_support":
        from finder.cli import main_support

        return main_support
    raise AttributeError(name)
