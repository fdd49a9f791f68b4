"""Quoting a list: the items a lead-in announces ("... including:"), the bullets of one list
(a list the chunker split runs on into the next passage), a sentence that enumerates, or the
sentence that lists what the one before introduced.

``ListQuoting`` is mixed into ``assistant.quoting.Quoter``, whose ``span``, ``paragraph``,
``_selector``, ``_after`` and ``max_chars`` it uses.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.compose import Span
from assistant.evidence import ENUMERATES_RE
from assistant.scoring import Candidate, lead_in, same_fact, terms
from assistant.series import MIN_ASKED, asked_items, longest_series, series_items
from dealqa.types import AnswerType, Passage, UnitKind
from retrieval.text import money_amounts

__all__ = ["ListQuoting", "announces", "is_lead_in", "list_group", "listed_items", "ITEM_WIDE",
           "MAX_LIST_ITEMS", "SIBLING_RATIO"]

MAX_LIST_ITEMS = 6
# A list's quotes run 1.4 times as long as a single answer's would: the items asked for are
# often the clauses a shorter quote cuts ("... by relaxing the labour market test", "resulting
# in shorter treatment duration and more wounds healed"). Measured on the tuned QA sets: +4
# items (1.8 times: +5), none lost; the median answer stayed at 293 characters.
# (The lengths below are a single answer's, 200, 260, 320 and 300 characters, times this.)
LIST_SHARE = 1.4
ITEM_CHARS = int(LIST_SHARE * 200)  # a list item's clauses are chosen within this ...
ITEM_WIDE = int(LIST_SHARE * 260)  # ... and grow by those around them up to this
ONE_ITEM_CHARS = int(LIST_SHARE * 320)  # the one item of a list found
UNIT_CHARS = int(LIST_SHARE * 300)  # a unit standing for a list (no list in the text)
SIBLING_RATIO = 0.3
# A sentence listing several things: "A, B, and C", "such as ...".
ITEMS_RE = re.compile(r",[^,]+,[^,]+\band\b|" + ENUMERATES_RE.pattern, re.IGNORECASE)


class ListQuoting:
    """The list quoting of ``Quoter`` (see the module docstring)."""

    def list_spans(self, req, q_terms, best: Candidate, cands: list[Candidate]) -> list[Span]:
        """The bullets of the list ``best`` belongs to (or introduces); else the top units."""
        p, units = best.passage, best.passage.units
        i = best.unit_index
        lead_in: Candidate | None = None
        if is_lead_in(best):
            lead_in, i = best, i + 1
        if units[i].kind is UnitKind.BULLET:
            lo, hi = list_group(p, i)
            by_idx = {c.unit_index: c for c in cands if c.passage is p}
            items = [by_idx[j] for j in range(lo, hi + 1) if j in by_idx and by_idx[j] is not lead_in]
            a = req.analysis
            # (or as many as it asks for: "Name the three 'Ideas' policies ...")
            whole = a.answer_type is AnswerType.LIST and len(items) <= MAX_LIST_ITEMS and (
                not a.names or hi - lo + 1 == asked_items(a.question))
            if lead_in is None and not whole:
                # Asked about one item of a list ("the two projects at Sheffield"): keep only
                # the items about as relevant as the best one, not the whole list. A list
                # question naming nothing ("what changes ...?") gets a short list whole: its
                # items need not share words with the question.
                items = [c for c in items if c.relevance >= SIBLING_RATIO * best.relevance]
            if lead_in is not None and hi == len(units) - 1:
                items += self._run_on(p)
            items = items[:MAX_LIST_ITEMS]
            named = [c for c in items if self._selector.names_all_in(a, c.text)] if a.names else []
            if lead_in is None and len(named) == 1:
                # The one item that names the question's subject ("the planned Digital
                # Innovation Hubs") is the answer; its siblings are other measures.
                return [self.span(req, q_terms, named[0], int(LIST_SHARE * self.max_chars) - 20)]
            if len(items) >= 2:
                head = [_announcing(self.span(req, q_terms, lead_in, ITEM_CHARS))] \
                    if lead_in else []
                # Announced by a lead-in, each item is quoted from its opening words: they
                # name the step or measure ("Giving pension funds confidence ..."), where the
                # best-matching clause further in may not.
                return head + [self.span(req, q_terms, c, ITEM_CHARS, wide=ITEM_WIDE,
                                         opening=lead_in is not None) for c in items]
            if items:
                return [self.span(req, q_terms, items[0], ONE_ITEM_CHARS)]
        asked, series = asked_items(req.analysis.question), longest_series(best.text)
        kind = req.analysis.kind_noun
        named = all(item.strip()[:1].isupper() for item in series[1:])
        if _enumerates(best) or len(series) == asked or asked is None \
                and len(series) >= MIN_ASKED and named and kind is not None \
                and kind in terms(" ".join(series[1:])):
            # (a series of as many things as the question asks for is the list: "which three
            # types ...?" / "... Centres, Clinical Research Facilities ... and ... Centres";
            # so is one naming three or more things of the kind asked for, where it asks no
            # number)
            return [self._enumeration(req, q_terms, best)]
        listed = self._listed_after(req, q_terms, best, cands)
        if listed:
            return listed
        # A sentence whose paragraph goes on about the same thing ("... developing
        # apprenticeship standards in these priority subjects. The bioinformatics standards ...
        # Work on clinical trials and regulatory affairs standards ...") is answered by the
        # paragraph, not by units from elsewhere.
        para = self.paragraph(q_terms, best)
        if para is not None:
            return [para]
        found = self._next_sentence(q_terms, best)
        if found is not None and (found[1] or found[2]) and ITEMS_RE.search(found[0].quote):
            # Too long to quote with it, the sentence after ``best`` that refers back and lists
            # ("... Digital Innovation Hubs ..." / "They will create controlled environments for
            # real-world clinical studies, ..., and the comprehensive evaluation of ...") or
            # lists with question words ``best`` lacks ("... convergent science activities ..."
            # / "The government is already creating opportunities for this ... in the public
            # sector, including through the creation of UK Research and Innovation, ... and
            # investment in the Francis Crick Institute and the Health Data Research UK ...").
            return [self.span(req, q_terms, best, ITEM_CHARS), found[0]]
        # Not a list in the text: the best distinct units across passages.
        picked: list[Candidate] = []
        for c in cands:
            # Distinct passages, and not the key commitments restating the body's sentence.
            if c.score >= 0.75 * best.score and all(
                    c.passage is not x.passage and not same_fact(c.text, x.text) for x in picked):
                picked.append(c)
            if len(picked) == 3:
                break
        if len(picked) == 1 and _enumerates(picked[0]):  # (found past a lead-in sentence)
            return [self._enumeration(req, q_terms, picked[0])]
        spans = [self.span(req, q_terms, c, ITEM_CHARS, wide=ITEM_WIDE) for c in picked]
        if len(spans) == 1 and spans[0].trimmed_right and _cuts_list(spans[0], picked[0]):
            # A lone unit whose inline list the quote cuts ("... commitment from the UK
            # government…" before ", including a streamlined approvals system and an £86m
            # investment ...") has the room three units would share.
            spans = [self.span(req, q_terms, picked[0], UNIT_CHARS)]
        return spans or [self.span(req, q_terms, best, UNIT_CHARS)]

    def _enumeration(self, req, q_terms, c: Candidate) -> Span:
        """One sentence that enumerates ("... settlement after three years; make it quicker for
        students ...; and reduce red tape ...") is the list: its items are the answer, so it may
        run a quarter over the usual length rather than drop one."""
        return self.span(req, q_terms, c, int(LIST_SHARE * self.max_chars * 5 // 4), longest=True)

    def _run_on(self, p: Passage) -> list[Candidate]:
        """The items a list ending ``p`` goes on with at the start of the next passage (the
        chunker splits a long list between passages; the items stay whole)."""
        nxt = self._after.get(p.passage_id)
        if nxt is None or nxt.section != p.section:
            return []
        out = []
        for i, u in enumerate(nxt.units):
            if u.kind is not UnitKind.BULLET or nxt.unit_text(u).rstrip().endswith(":"):
                break
            out.append(Candidate.of_unit(nxt, i))
        return out

    def _listed_after(self, req, q_terms, best: Candidate,
                      cands: list[Candidate]) -> list[Span]:
        """``best`` introduces what the next sentence of its passage lists, pointing back to
        it: "The paper *Twelve actions ...* recognises ..." / "This paper includes a number of
        commitments including to simplify ...; to articulate ...; and to improve ...". Asked
        for a list, the listing sentence is the answer, with ``best`` to say what "this" is."""
        p, i = best.passage, best.unit_index
        j = i + 1
        if best.unit.kind is not UnitKind.SENTENCE or j >= len(p.units) \
                or p.units[j].kind is not UnitKind.SENTENCE:
            return []
        text = p.unit_text(p.units[j])
        # (by semicolons, or in a series of three or more: "This includes investments in ...
        # Biomedical Research Centres, Clinical Research Facilities ... and ... Centres")
        if not _LISTS_BACK.match(text) or text.count(";") < 2 and series_items(text) < MIN_ASKED:
            return []
        nxt = next((c for c in cands if c.passage is p and c.unit_index == j), None)
        if nxt is None:
            return []
        return [self.span(req, q_terms, best, 200),
                self.span(req, q_terms, nxt, self.max_chars, longest=True)]


def _enumerates(c: Candidate) -> bool:
    return c.text.count(";") >= 2


def listed_items(c: Candidate) -> int:
    """How many things ``c`` lists: the bullets of the list it leads into or belongs to, else
    its longest series ("A, B and C")."""
    p, i = c.passage, c.unit_index
    if is_lead_in(c):
        i += 1
    if p.units[i].kind is UnitKind.BULLET:
        lo, hi = list_group(p, i)
        return hi - lo + 1
    return series_items(c.text)


def is_lead_in(c: Candidate) -> bool:
    """A unit that introduces a list ("... including:") says little without its items."""
    nxt = c.unit_index + 1
    return c.text.rstrip().endswith(":") and nxt < len(c.passage.units) \
        and c.passage.units[nxt].kind is UnitKind.BULLET


def list_group(p: Passage, i: int) -> tuple[int, int]:
    """The bullets around unit ``i`` that belong to one list: bounded by non-bullets and by
    lead-ins ("... including:"), which start a sub-list of their own."""
    units = p.units

    def lead(j: int) -> bool:
        return p.unit_text(units[j]).rstrip().endswith(":")

    lo = i
    while lo > 0 and units[lo - 1].kind is UnitKind.BULLET and not lead(lo - 1):
        lo -= 1
    hi = i
    while hi + 1 < len(units) and units[hi + 1].kind is UnitKind.BULLET and not lead(hi + 1):
        hi += 1
    return lo, hi


def _cuts_list(span: Span, c: Candidate) -> bool:
    """``span`` of ``c``'s unit stops before the inline list the unit goes on to give."""
    rest = span.passage.text[span.end - span.passage.start:c.unit.end - span.passage.start]
    return bool(ENUMERATES_RE.search(rest))


def announces(span: Span) -> bool:
    """``span`` is a lead-in quoted up to its colon ("... include", "... including by")."""
    after = span.passage.text[span.end - span.passage.start:]
    return bool(re.match(r"[\s,;]*(?:including|such as|for example|e\.g\.)?\s*:", after))


def _announcing(span: Span) -> Span:
    """A lead-in quoted up to its colon, with its items after it, is not cut short."""
    return replace(span, trimmed_right=False) if announces(span) else span


# A sentence that lists what the one before introduced: "This paper includes ...", "These
# measures cover ...", "It sets out ...".
_LISTS_BACK = re.compile(r"\s*(?:This|These|It|They)(?: [a-z-]+){0,2} (?:includes?|covers?|"
                         r"comprises?|contains?|sets? out|lists?)\b")


def lead_in_sums(spans: list[Span]) -> set[str]:
    """The sums stated by the lead-ins ("A £146m programme ... including:") of the lists whose
    items ``spans`` quote."""
    out: set[str] = set()
    for s in spans:
        i = s.unit_index
        lead = lead_in(Candidate.of_unit(s.passage, i)) if i is not None else None
        if lead is not None:
            out |= {a.text.strip() for a in money_amounts(s.passage.unit_text(lead))}
    return out
