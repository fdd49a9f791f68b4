"""Conditions a commitment is subject to.

Two places hold them in deal documents:

* **footnotes** — a marker glued to the figure (``£210m⁷``) or to a word of its sentence
  (``Industrial Strategy Challenge Fund⁵``) whose References entry *reads as a condition*
  ("Subject to business case approval by HM Treasury"). Entries that are citations or name
  notes ("Known as Merck and Co Inc. ...") are not conditions.
* **the text** — "subject to final business approvals" in the figure's sentence, or in the
  lead-in paragraph of the list the figure's bullet belongs to ("A pipeline of new investment
  will be announced subject to final business approvals ... investments announced include:").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dealqa.conditions import CONDITION_RE, conditions_within, is_condition
from dealqa.types import FootnoteRef

__all__ = ["is_condition", "footnote_conditions", "text_conditions"]

_CONDITION_PHRASE = re.compile(rf"(?:{CONDITION_RE.pattern})[^,;.:]*", re.IGNORECASE)


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;.")
    return text[:1].upper() + text[1:]


def footnote_conditions(footnotes: Iterable[FootnoteRef], sent_start: int, sent_end: int,
                        fig_start: int, fig_end: int, figure_starts: Iterable[int]) -> list[str]:
    """Conditions from footnotes anchored in the sentence ``[sent_start, sent_end)``.

    A marker on a figure binds that figure only; a marker on a word binds every figure of the
    sentence. Offsets are absolute (Document.text).
    """
    starts = set(figure_starts)
    out = []
    for f in conditions_within(footnotes, sent_start, sent_end):
        on_a_figure = any(f.start <= s < f.end for s in starts)
        if on_a_figure and not (f.start <= fig_start < f.end or fig_start <= f.start < fig_end):
            continue
        out.append(_clean(f.text))
    return out


def text_conditions(text: str) -> list[str]:
    """"subject to ..." phrases written in ``text``, up to the next punctuation."""
    return [_clean(m.group()) for m in _CONDITION_PHRASE.finditer(text)]
