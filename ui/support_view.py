"""The Find support tab as plain Python (no Gradio): a profile in, the ranked measures and
their source cards out. The cards are the chat's (ui.render), so a citation opens the same
source viewer: the passage with the quote highlighted, its neighbours and the deal's status."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from typing import Any

from api.support import SupportService
from assistant.base import AssistantLike
from dealqa.types import Answer, Citation
from ui.render import render_sources_panel, render_turn_sources, source_anchor
from ui.sources import source_views

__all__ = ["SupportController", "ANY"]

log = logging.getLogger(__name__)
ANY = "(any)"


class SupportController:
    def __init__(self, support: Callable[[], SupportService | None],
                 assistant: Callable[[], AssistantLike | None]) -> None:
        self._support, self._assistant = support, assistant

    def kinds(self) -> list[tuple[str, str]]:
        """(label, value) choices: "large company" shown, "large_company" sent."""
        s = self._support()
        return [(ANY, ANY), *((_label(k), k) for k in (s.kinds if s else ()))]

    def needs(self) -> list[tuple[str, str]]:
        s = self._support()
        return [(_label(n), n) for n in (s.needs if s else ())]

    def find(self, text: str, kind: str | None, sector: str, place: str,
             needs: Sequence[str] | None) -> tuple[str, str]:
        """(ranked matches HTML, sources panel HTML)."""
        service, assistant = self._support(), self._assistant()
        if service is None or assistant is None:
            return _note("The support finder is not available on this server.", "error"), ""
        try:
            profile = service.profile(text or "", None if kind in (None, "", ANY) else kind,
                                      sector, place, list(needs or ()))
            if profile == "":
                return _note("Describe your organisation, or pick a kind or a need.", "error"), ""
            result = service.run(profile)
        except ValueError as err:
            return _note(str(err), "error"), ""
        except Exception:
            log.exception("support finder failed")
            return _note("Something went wrong while searching: please try again.", "error"), ""
        return self._render(result, assistant)

    def _render(self, result: dict[str, Any], assistant: AssistantLike) -> tuple[str, str]:
        matches = result.get("matches", [])
        cards, sections = [], []
        for i, m in enumerate(matches, 1):
            cites = [Citation(**c) for c in m.get("citations", [])]
            cards.append(_match(i, m, cites))
            sections.append(self._sources(assistant, f"m{i}", m.get("measure", ""), cites, i == 1))
        head = _note(result.get("message", ""), "info") if result.get("message") else ""
        body = f'<ol class="dq-matches">{"".join(cards)}</ol>' if cards else ""
        return head + body, render_sources_panel(sections) if cards else ""

    @staticmethod
    def _sources(assistant: AssistantLike, key: str, measure: str, cites: list[Citation],
                 current: bool) -> str:
        answer = Answer(measure, "", cites, False, [], [])
        try:
            views = source_views(answer, assistant, assistant.documents())
        except Exception:
            log.exception("could not build the source cards for %s", key)
            return ""
        return render_turn_sources(key, measure, views, current=current)


def _label(value: str) -> str:
    return value.replace("_", " ")


def _note(message: str, kind: str) -> str:
    return f'<p class="dq-note dq-note--{kind}">{html.escape(message)}</p>'


def _match(i: int, m: dict[str, Any], cites: list[Citation]) -> str:
    links = " ".join(f'<a class="dq-cite" href="#{source_anchor(f"m{i}", c.n)}" '
                     f'title="Show source {c.n}">[{c.n}]</a>' for c in cites)
    figure = m.get("figure")
    why = "".join(f"<li>{html.escape(w)}</li>" for w in m.get("why", []))
    conds = "".join(f"<li>{html.escape(c)}</li>" for c in m.get("conditions", []))
    return (
        f'<li class="dq-match" data-rank="{i}"><p class="dq-match__head">'
        f'<span class="dq-match__measure">{html.escape(m.get("measure", ""))}</span>'
        + (f' <span class="dq-match__figure">{html.escape(figure)}</span>' if figure else "")
        + f" {links}</p>"
        + (f'<p class="dq-match__label">Why it fits</p><ul class="dq-match__why">{why}</ul>'
           if why else "")
        + (f'<p class="dq-match__label">Conditions</p><ul class="dq-match__conditions">{conds}'
           "</ul>" if conds else "")
        + "</li>"
    )
