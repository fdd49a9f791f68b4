"""Turns chosen spans into answer text with [n] markers, verbatim citations and caveats."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.evidence import MONEY_RE
from assistant.scoring import terms
from assistant.templates import Templates
from dealqa.conditions import conditions_within
from dealqa.types import Citation, DocStatus, Document, FootnoteRef, Passage, Unit

__all__ = ["Span", "Composer", "CONDITION_RE", "figure_for", "lies_within", "numbered_on"]

# Footnotes and sentences that make a promise conditional.
CONDITION_RE = re.compile(
    r"\b(subject to|conditional (?:on|upon)|provided that|dependent (?:on|upon)|depending on|"
    r"would be reconfigured if|if the uk did not|"
    # Match funding is what public money waits on: "This will be matched by funding and
    # in-kind contributions from the sector".
    r"(?:will|to) be match(?:ed|-funded) by)\b",
    re.IGNORECASE,
)


_TITLE_RE = re.compile(r"['‘]([A-Z][^'’]{10,80})['’]")


def _states_condition(text: str) -> bool:
    """A sentence short enough to quote that makes a promise conditional."""
    return bool(CONDITION_RE.search(text)) and len(text.strip()) < 300


_MONTHS = {m[:3]: m for m in ("January", "February", "March", "April", "May", "June", "July",
                               "August", "September", "October", "November", "December")}
_ABBR_DATE = re.compile(r"^(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? ((?:19|20)\d\d)$")


def _expand_month(cell: str) -> str:
    """ "Jan 2018" -> "Jan 2018 (January 2018)": the table's short form, spelt out once."""
    m = _ABBR_DATE.match(cell)
    return f"{cell} ({_MONTHS[m.group(1)[:3]]} {m.group(2)})" if m else cell


@dataclass(frozen=True)
class Span:
    """A verbatim piece of a passage chosen for the answer (offsets into Document.text)."""

    passage: Passage
    start: int
    end: int
    trimmed_left: bool = False
    trimmed_right: bool = False

    @property
    def quote(self) -> str:
        return self.passage.text[self.start - self.passage.start : self.end - self.passage.start]

    @property
    def unit_index(self) -> int | None:
        """The index of the passage unit the quote starts in; None outside every unit."""
        return next((k for k, u in enumerate(self.passage.units)
                     if u.start <= self.start < u.end), None)

    @property
    def doc_id(self) -> str:
        return self.passage.doc_id

    @classmethod
    def of_unit(cls, passage: Passage, unit: Unit) -> "Span":
        """A whole unit, without the whitespace around it."""
        text = passage.unit_text(unit)
        return cls(passage, unit.start + len(text) - len(text.lstrip()),
                   unit.end - (len(text) - len(text.rstrip())))


def lies_within(x, others) -> bool:
    """``x`` (a ``Span`` or a ``Citation``: ``doc_id``, ``start``, ``end``) lies wholly inside
    one of ``others`` in the same document, so quoting it again would repeat that one."""
    return any(o.doc_id == x.doc_id and o.start <= x.start and x.end <= o.end for o in others)


def overlaps_any(x, others) -> bool:
    """``x`` (a ``Citation`` or a register ``CitationRef``: ``passage_id``, ``start``, ``end``)
    shares some text with one of ``others`` in the same passage."""
    return any(o.passage_id == x.passage_id and o.start < x.end and x.start < o.end
               for o in others)


def figure_for(ref: FootnoteRef, passage: Passage) -> str:
    """What a footnote qualifies: its anchor when that is a figure ("£210m"), else the last
    figure shortly before it ("… up to £210m from the Challenge Fund⁵" -> "£210m")."""
    if MONEY_RE.fullmatch(ref.anchor.strip()):
        return ref.anchor
    lo = max(passage.start, ref.start - 120)
    before = passage.text[lo - passage.start : ref.end - passage.start]
    found = MONEY_RE.findall(before)
    return found[-1].strip() if found else ref.anchor


def numbered_on(text: str, citations: Sequence[Citation], shift: int
                ) -> tuple[str, list[Citation]]:
    """``text``'s "[n]" markers and ``citations`` renumbered from ``shift`` + 1: an answer
    built in two parts cites the first part's quotes, then the second's."""
    renumbered = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + shift}]", text)
    return renumbered, [replace(c, n=c.n + shift) for c in citations]


class Composer:
    def __init__(self, documents: dict[str, Document], templates: Templates) -> None:
        self._docs = documents
        self._t = templates

    def citation(self, n: int, span: Span) -> Citation:
        p = span.passage
        doc = self._docs.get(p.doc_id)
        return Citation(
            n=n,
            passage_id=p.passage_id,
            document=doc.title if doc else p.doc_id,
            section=p.section_label,
            quote=span.quote,
            start=span.start,
            end=span.end,
            doc_id=p.doc_id,
            passage_text=p.text,
        )

    @staticmethod
    def render(span: Span, n: int) -> str:
        text = span.quote.strip()
        # One line of answer: a paragraph break (a name above its title) reads as a dash, a
        # wrapped line as a space.
        text = re.sub(r"\s*\n\s*\n\s*", " — ", text)
        text = re.sub(r"\s*\n\s*", " ", text)
        if "\t" in text:  # a table row: "Jan 2018<TAB>Milestone" reads as "Jan 2018 (January 2018): …"
            text = ": ".join(_expand_month(c.strip()) for c in text.split("\t") if c.strip())
        if span.trimmed_left:
            text = "…" + text
        if span.trimmed_right and not text.endswith((".", "?", "!")):
            text = text.rstrip(" ,;:–-") + "…"
        return f"{text} [{n}]"

    def conditions(self, spans: Sequence[Span]) -> list[FootnoteRef]:
        """Footnotes anchored inside the quoted spans whose text makes the figure conditional."""
        seen: dict[tuple[str, int], FootnoteRef] = {}
        for s in spans:
            for f in conditions_within(s.passage.footnotes, s.start, s.end):
                seen.setdefault((s.passage.doc_id, f.start), f)
        return list(seen.values())

    def condition_inline(self, refs: Sequence[FootnoteRef],
                         cited: dict[str, int] | None = None) -> str:
        """The footnotes' conditions in brackets; ``cited``: condition -> the [n] of its quoted
        References entry."""
        cited = cited or {}
        texts = sorted({f.text.rstrip(".") for f in refs})
        return " ".join(self._t.get("caveat", "condition_inline", condition=t,
                                    cite=f" [{cited[t]}]" if t in cited else "") for t in texts)

    def caveats(self, spans: Sequence[Span], refs: Sequence[FootnoteRef]) -> list[str]:
        out = []
        # One caveat per figure and condition, however many footnotes repeat it.
        grouped: dict[tuple[str, str], list[int]] = {}
        for s in spans:
            for f in refs:
                if s.start <= f.start < s.end:
                    key = (figure_for(f, s.passage), f.text.rstrip("."))
                    grouped.setdefault(key, [])
                    if f.marker not in grouped[key]:
                        grouped[key].append(f.marker)
        for (figure, cond), markers in grouped.items():
            out.append(self._t.get("caveat", "condition", anchor=figure,
                                   marker=", ".join(map(str, sorted(markers))),
                                   condition_lower=cond[:1].lower() + cond[1:]))
        out.extend(self.text_conditions(spans))
        for doc_id in dict.fromkeys(s.passage.doc_id for s in spans):
            out.extend(self.status_caveats(doc_id))
        return out

    def text_conditions(self, spans: Sequence[Span]) -> list[str]:
        """Conditions stated in a cited passage outside the quotes, as caveat lines."""
        return [self._t.get("caveat", "text_condition", quote=c.quote.strip())
                for c in self.condition_spans(spans)]

    @staticmethod
    def condition_spans(spans: Sequence[Span], about: frozenset[str] | None = None) -> list[Span]:
        """Sentences of the cited passages, outside the quotes, that make a promise conditional
        ("A pipeline of new investment will be announced subject to final business approvals");
        with ``about`` (terms), only those using one of them: "Allocation of resources across
        programmes would be reconfigured if ..." is no condition of the R&D credit asked about,
        though the same passage states both."""
        out: list[Span] = []
        for s in spans:
            p = s.passage
            for u in p.units:
                if u.start < s.end and s.start < u.end:  # the quote itself
                    continue
                if about is not None and not terms(p.unit_text(u)) & about:
                    continue
                if _states_condition(p.unit_text(u)) \
                        and all((o.passage.passage_id, o.start) != (p.passage_id, u.start) for o in out):
                    out.append(Span.of_unit(p, u))
        return out

    @staticmethod
    def restated_condition_spans(spans: Sequence[Span], passages: Sequence[Passage]) -> list[Span]:
        """Conditions stated where the deal restates a quoted money figure (or a programme's
        quoted title) in another passage:
        the key commitments say "up to £210m"; the body says "... up to £210m ... This will be
        matched by funding and in-kind contributions from the sector". Only the unit stating the
        figure and the one after it count, so the condition is about that figure. Where no
        restatement states one in words, one whose footnote makes it conditional does (a
        condition the quotes' own footnotes do not give already)."""
        figures = {m.group().strip() for s in spans for m in MONEY_RE.finditer(s.quote)
                   if m.group().strip()[:1] in "£$€"}
        # A programme's quoted title names it as surely as its figure: "The government will
        # contribute from the 'Data to early diagnostics ...' programme".
        figures |= {m.group(1) for s in spans for m in _TITLE_RE.finditer(s.quote)}
        cited = {s.passage.passage_id for s in spans}
        # (conditions the quotes' own footnotes give already)
        known = {f.text for s in spans for f in conditions_within(s.passage.footnotes, s.start,
                                                                   s.end)}
        out: list[Span] = []
        noted: list[Span] = []
        for p in passages:
            if p.passage_id in cited or not figures:
                continue
            texts = [p.unit_text(u) for u in p.units]
            for i, u in enumerate(p.units):
                about = any(f in t for f in figures for t in texts[max(0, i - 1):i + 1])
                if about and _states_condition(texts[i]):
                    out.append(Span.of_unit(p, u))
                # ... else a restatement whose footnote makes it conditional: "... the
                # 'Data to early diagnostics and precision medicine' programme with up to £210m
                # from the Industrial Strategy Challenge Fund²" ("Subject to business case ...")
                elif any(f in texts[i] for f in figures) and (new := {
                        f.text for f in conditions_within(p.footnotes, u.start, u.end)} - known):
                    known |= new
                    noted.append(Span.of_unit(p, u))
        # (only where no condition is stated in words: a reader asked whether the money must
        # be matched is answered by "This will be matched by ...", not also by the Treasury's
        # approval the restatement's note gives)
        return out or noted

    def title(self, doc_id: str) -> str:
        """The document's title ("" for one not loaded)."""
        doc = self._docs.get(doc_id)
        return doc.title if doc else ""

    def status_caveats(self, doc_id: str | None = None) -> list[str]:
        docs = [self._docs[doc_id]] if doc_id in self._docs else list(self._docs.values())
        return [
            self._t.get("caveat", "withdrawn", title=d.title, note=d.status_note or "withdrawn")
            for d in docs
            if d.status is DocStatus.WITHDRAWN
        ]
