"""Chat questions like "we're a gene-therapy SME in Stevenage: what applies to us?" go to the
support finder; its ranked measures become a short cited answer."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.spans import shorten
from assistant.templates import Templates
from dealqa.types import Citation
from retrieval.text import money_amounts, tokenize

__all__ = ["answer_from_support", "fits_want", "MAX_MEASURES", "KEEP_RATIO", "SAME_PASSAGE_RATIO",
           "MIN_SCORE", "WANT_FIELDS"]

# The best measure and one runner-up: a third was rarely what the asker needed, and every
# extra measure is a citation the reader must check (the ranked list stays at /api/support).
MAX_MEASURES = 2
# A measure is shown when it fits about as well as the best one: a weaker match costs the
# reader a citation to check that mostly does not fit (measured: citation precision up on
# eight QA sets, one answer lost; the full ranked list stays at /api/support).
KEEP_RATIO = 0.95
# ... or, from the best measure's own passage, this well.
SAME_PASSAGE_RATIO = 0.8
# Below this the best measure fits the profile only loosely (relevance under ~0.45 with at most
# one weak field, e.g. "kind: charity"): the question is then answered from the deal's text
# retrieved for it, as any question is, rather than with a poorly fitting measure.
MIN_SCORE = 0.52
QUOTE_CHARS = 150
# An answer's quotes share one budget: a single measure may quote this much of its passage.
ANSWER_CHARS = 360
TAIL_CHARS = 40  # how far past the word asked about its phrase may run (see _asked_window)


# Profile fields that say what the asker wants or where they are. Sector and kind alone say
# only that a measure is in the asker's field (measured on 60 routed questions in fourteen QA
# sets: such answers were right 5 times in 16, the text answer 8; citation precision 0.59 vs
# 0.89), so a best measure matching neither is not preferred to the deal's text.
WANT_FIELDS = frozenset({"need", "place"})


def fits_want(result) -> bool:
    """True when the finder's best measure matches the asker's stated need or place."""
    matches = [m for m in result.matches if m.citations]
    return bool(matches) and bool(WANT_FIELDS & set(matches[0].fields))


def answer_from_support(result, templates: Templates) -> tuple[str, list[Citation], bool]:
    """(text, citations, abstained) from a finder.SupportResult: one line per measure, each with
    its figure, why it fits and the [n] of its verbatim source."""
    matches = [m for m in result.matches if m.citations][:MAX_MEASURES]
    if not matches or matches[0].score < MIN_SCORE:
        return result.message, [], True
    first = matches[0].citations[0].passage_id
    # A runner-up from the best measure's own passage goes on describing it ("... up to £86m
    # to support innovators" / "The Academic Health Science Networks will provide ..."); one
    # from elsewhere is another measure, shown only when it fits about as well.
    matches = [m for m in matches if m.score >= KEEP_RATIO * matches[0].score
               or m.citations[0].passage_id == first and m.score >= SAME_PASSAGE_RATIO
               * matches[0].score]
    limit = max(QUOTE_CHARS, ANSWER_CHARS // len(matches))
    lines, citations = [], []
    for m in matches:
        n = len(citations) + 1
        cit = replace(m.citations[0], n=n)
        citations.append(cit)
        # The deal's own words, not our title for the measure: officials need the verbatim text.
        text = cit.quote.strip().rstrip(" ;,")
        quote = _asked_window(text, limit, result.profile.text) \
            or shorten(text, _keeping_figure(text, limit))
        why = f" ({m.why[0]})" if m.why else ""
        lines.append(f"• {quote} [{n}]{why}")
    intro = templates.get("support", "intro_one" if len(matches) == 1 else "intro")
    return intro + "\n" + "\n".join(lines), citations, False


def _asked_window(text: str, limit: int, question: str) -> str | None:
    """About ``limit`` characters of ``text``: its opening, then the words ending with the last
    one the question asks about that the opening does not hold ("I'm founding a start-up in
    Leeds. Is Nexus meant to help companies like mine?": "Partners across the Leeds City Region
    ... … Nexus, a £40m Innovation Centre ..., which will actively incubate and grow
    start-ups"); None where the opening holds every such word."""
    if len(text) <= limit:
        return None
    asked = set(tokenize(question))
    opening = set(tokenize(text[:limit])) & asked
    late = [m for m in _WORD_RE.finditer(text, limit)
            if set(tokenize(m.group())) & asked - opening]
    if not late:
        return None
    # The opening names the measure ("The Academic Health Science Networks will ..."), so it
    # stays: half the room for it, half for the words ending with the late one.
    # (on to the end of its phrase: "... redirect low-risk investment", not "... low-risk";
    # a point inside a figure ends nothing: "a Welsh government grant of £1.8m", not "£1")
    stop = re.search(r"[,;:.](?=\s|$)|$", text[late[-1].end():late[-1].end() + TAIL_CHARS])
    end = late[-1].end() + (stop.start() if stop.group() else 0)
    head = shorten(text, limit // 2).rstrip("…")
    start = text.find(" ", max(len(head), end - limit // 2)) + 1
    return f"{head} … {text[start:end]}" + ("…" if end < len(text) else "")


_WORD_RE = re.compile(r"[\w'’-]+")


def _keeping_figure(text: str, limit: int) -> int:
    """``limit``, stretched (up to twice as long) so that a shortened quote keeps the
    measure's first money figure and the word after it: "... supporting at least £1.5bn of new
    investment", not "... supporting at least…"."""
    money = money_amounts(text)
    if not money or money[0].end <= limit:
        return limit
    nxt = text.find(" ", money[0].end + 1)  # the end of the word after the figure
    end = len(text) if nxt < 0 else nxt + 1  # shorten() cuts at the last space before this
    return end if end <= limit * 2 else limit
