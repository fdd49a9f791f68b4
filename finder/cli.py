"""`dealqa support "PROFILE" [--json]`: the finder's result as text or JSON."""

from __future__ import annotations

import json

from finder.finder import SupportFinder, SupportResult

__all__ = ["main_support", "render_text"]


def render_text(result: SupportResult) -> str:
    p = result.profile
    fields = [f"kind: {p.kind.label}" if p.kind else "", f"sector: {p.sector}" if p.sector else "",
              f"place: {p.place}" if p.place else "",
              "needs: " + ", ".join(n.label for n in p.needs) if p.needs else ""]
    lines = ["Profile: " + ("; ".join(f for f in fields if f) or "(nothing recognised)"),
             result.message, ""]
    for i, m in enumerate(result.matches, 1):
        figure = f" [{m.figure}]" if m.figure else ""
        lines.append(f"{i}. {m.measure}{figure}")
        lines.append(f"   why: {'; '.join(m.why)}")
        for c in m.conditions:
            lines.append(f"   condition: {c}")
        for c in m.citations:
            lines.append(f"   [{c.n}] {c.section}: \"{' '.join(c.quote.split())}\"")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main_support(finder: SupportFinder, profile_text: str, as_json: bool) -> str:
    """Run ``finder`` on ``profile_text``; InvalidQuestionError for an empty or overlong one."""
    result = finder.run(profile_text)
    if as_json:
        return json.dumps(result.to_dict(), indent=2, ensure_ascii=False)
    return render_text(result)
