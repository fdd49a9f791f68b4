"""Quotes that stand on their own: a sentence pointing back takes its antecedent along."""

from __future__ import annotations

import re

from assistant.compose import Span
from assistant.quoting import with_antecedent
from assistant.scoring import TermStats
from dealqa.types import Passage, Unit, UnitKind


def _passage(text: str) -> Passage:
    units = tuple(Unit(UnitKind.SENTENCE, m.start(), m.end())
                  for m in re.finditer(r"[^.\n]+\.?", text) if m.group().strip())
    return Passage("doc#s/001", "doc", text, ("Ideas",), 0, len(text), units)


def _stats(p: Passage) -> TermStats:
    filler = [Passage(f"doc#o/{i:03d}", "doc", "The government will work with the sector.",
                      ("Other",), 0, 40) for i in range(4)]
    return TermStats([p, *filler])


def _quoted(text: str, i: int, max_chars: int = 400) -> str:
    p = _passage(text)
    return with_antecedent(Span.of_unit(p, p.units[i]), _stats(p), max_chars).quote


BIO = ("The institute has created a national BioResource for rare diseases. "
       "It increases collaboration across England.")


def test_a_pronoun_subject_brings_the_sentence_it_points_back_to() -> None:
    assert _quoted(BIO, 1) == BIO
    assert _quoted("A £146m programme will support manufacturing. This £146m will fund two "
                   "centres.", 1).startswith("A £146m programme")


def test_a_definite_description_needs_its_noun_in_the_sentence_before() -> None:
    text = ("The IMPACT network links 22 transplant centres. "
            "Importantly, the network permits trials to regulatory standard.")
    assert _quoted(text, 1) == text
    other = ("The IMPACT network links 22 transplant centres. "
             "Importantly, the fund permits trials to regulatory standard.")
    assert _quoted(other, 1) == "Importantly, the fund permits trials to regulatory standard."


def test_a_sentence_adding_to_the_one_before_brings_it() -> None:
    # "... is also associated with ...": what else it is associated with, the sentence before says
    text = ("These investments matter because they create intellectual property. "
            "A strong discovery base is also associated with manufacturing growth.")
    assert _quoted(text, 1) == text
    assert _quoted("A campus opens in Exeter. Many such campuses open each year.", 1) == \
        "A campus opens in Exeter. Many such campuses open each year."
    # "this type of support" says which support only with the sentence before
    text = ("Capital funding will address the vector shortage. "
            "Acme will gauge demand for this type of support.")
    assert _quoted(text, 1) == text


def test_a_self_contained_sentence_and_the_deal_itself_stand_alone() -> None:
    assert _quoted("A campus opens in Exeter. Borealis will hire 80 staff.", 1) == \
        "Borealis will hire 80 staff."
    assert _quoted("A campus opens in Exeter. This deal supports growth.", 1) == \
        "This deal supports growth."


def test_no_antecedent_across_paragraphs_or_past_the_budget() -> None:
    assert _quoted("A BioResource opens.\nIt increases collaboration.", 1) == \
        "It increases collaboration."
    assert _quoted(BIO, 1, max_chars=80) == "It increases collaboration across England."
    assert _quoted(BIO, 0) == BIO.split(". ")[0] + "."  # the first sentence has none before


def test_a_definition_question_wants_its_subject_as_subject_or_defined() -> None:
    from assistant.asks import defines_re

    rx = defines_re("What are Sector Deals?")
    assert rx is not None
    assert rx.search("Launch and roll out Sector Deals - partnerships between government and "
                     "industry aiming to increase sector productivity.")
    assert rx.search("Sector Deals are a new way of working.")
    assert not rx.search("The first phase of the Sector Deals programme was announced.")
    rx = defines_re("What is the IMPACT network?")
    assert rx.search("The IMPACT network, led by Professor David Marks, is one of two.")
    assert rx.search("Nexus and the IMPACT network (IMPACT), a trials network in Bristol.")
    assert defines_re("What is the £50m for?") is None or not defines_re(
        "What is the £50m for?").search("A £50m programme will support manufacturing.")
    assert defines_re("How much is the programme?") is None


def _quoter_and_first(text: str, max_chars: int = 400):
    """A Quoter over ``text`` alone, and ``text``'s first unit as the best candidate."""
    from assistant.quoting import Quoter
    from assistant.scoring import Candidate
    from assistant.selection import Selector

    p = _passage(text)
    stats = _stats(p)
    best = Candidate(p, p.units[0], 0, 1, p.unit_text(p.units[0]), 0.5, 0.5, 0.5, 0.5)
    return Quoter(stats, Selector(stats), max_chars=max_chars), best


def _request(q: str):
    """A standalone request for ``q`` (no hits: the quoter is given its candidates)."""
    import numpy as np

    from assistant.question import analyse_question
    from assistant.request import AnswerRequest

    return AnswerRequest(q, q, analyse_question(q), [], np.zeros(3))


def _window_quote(quoter, best, q: str, budget: int) -> str:
    """The quote of ``best``'s clauses that ``quoter`` chooses for ``q`` within ``budget``."""
    from retrieval.text import tokenize

    return quoter.span(_request(q), tokenize(q), best, budget).quote


def _continued(text: str, q: str, max_chars: int = 400, trimmed: bool = False) -> str | None:
    from retrieval.text import tokenize

    quoter, best = _quoter_and_first(text, max_chars)
    first = Span.of_unit(best.passage, best.unit)
    first = Span(best.passage, first.start, first.end, trimmed_right=trimmed)
    span = quoter.continued(tokenize(q), best, first)
    return None if span is None else span.quote


LINKING = ("Linking health records with genomic analyses will help develop new technologies. "
           "Machine learning tools will help diagnose diseases earlier.")


def test_a_description_runs_on_into_the_next_sentence_of_its_paragraph() -> None:
    q = "How could linking health records help diagnose patients?"
    assert _continued(LINKING, q) == LINKING  # one quote, one citation
    assert _continued(BIO, "What is the BioResource?") == BIO  # "It ...": it goes on
    # ... within one and a half times the answer's budget (less 20), not past it, not into
    # another paragraph, and not after a quote already cut short
    assert len(LINKING) == 140
    assert _continued(LINKING, q, max_chars=107) == LINKING
    assert _continued(LINKING, q, max_chars=106) is None
    assert _continued(LINKING.replace(". ", ".\n\n"), q) is None
    assert _continued(LINKING, q, trimmed=True) is None


CRYO = ("The company opened a new site in the north, employing 40 staff, which will serve the "
        "whole of Europe; it will build a new CryoHub for storing cell therapies at very low "
        "temperatures, with room for expansion, and the facility will let small firms test "
        "products in parallel before the site opens to customers in the rest of the world.")


def test_a_lone_quote_grows_by_the_clauses_around_it() -> None:
    from retrieval.text import tokenize

    quoter, best = _quoter_and_first(CRYO, max_chars=200)
    q = "What will the CryoHub store?"
    req = _request(q)
    core = quoter.span(req, tokenize(q), best, 180)
    (span,) = quoter.spans(req, tokenize(q), best, [best])
    assert core.quote in span.quote and len(core.quote) < len(span.quote) <= 280
    assert "test products in parallel" not in core.quote
    assert "test products in parallel" in span.quote  # the rest of the fact, after it


def test_a_lone_list_sentence_keeps_the_items_it_lists() -> None:
    import numpy as np

    from assistant.question import analyse_question
    from assistant.request import AnswerRequest
    from retrieval.text import tokenize

    text = ("The response to the Accelerated Access Review is an important commitment from the "
            "UK government, including a streamlined approvals system and an £86m investment to "
            "support small and medium-sized businesses and evidence collection to get the right "
            "products to patients.")
    quoter, best = _quoter_and_first(text)
    q = "What does the government's response to the Accelerated Access Review include?"
    req = AnswerRequest(q, q, analyse_question(q), [], np.zeros(3))
    (span,) = quoter.list_spans(req, tokenize(q), best, [best])
    assert "a streamlined approvals system and an £86m investment" in span.quote


def test_list_items_grow_by_the_clauses_around_them(monkeypatch) -> None:
    import numpy as np

    from assistant.question import analyse_question
    from assistant import listing
    from assistant.listing import ITEM_WIDE
    from assistant.quoting import Quoter
    from assistant.request import AnswerRequest
    from assistant.scoring import Candidate
    from assistant.selection import Selector
    from retrieval.text import tokenize

    texts = [CRYO, "The institute will open a laboratory in the south, employing 60 staff, which "
             "will serve most of Asia; it will build a new BioVault for keeping tissue samples "
             "from patients safely, with room for growth, and the laboratory will let universities "
             "run studies side by side before the institute opens it to partners elsewhere."]
    ps = [Passage(f"doc#s/00{i}", "doc", t, ("Ideas",), 0, len(t),
                  (Unit(UnitKind.SENTENCE, 0, len(t)),)) for i, t in enumerate(texts)]
    stats = _stats(ps[0])
    cands = [Candidate(p, p.units[0], 0, i + 1, p.text, 0.5, 0.5, 0.5, 0.5 - i / 100)
             for i, p in enumerate(ps)]
    q = "What new facilities will be built?"
    req = AnswerRequest(q, q, analyse_question(q), [], np.zeros(3))
    quoter = Quoter(stats, Selector(stats))
    spans = quoter.list_spans(req, tokenize(q), cands[0], cands)
    monkeypatch.setattr(listing, "ITEM_WIDE", 0)  # the clauses chosen within ITEM_CHARS
    core = quoter.list_spans(req, tokenize(q), cands[0], cands)
    assert len(spans) == len(core) == 2
    for s, c in zip(spans, core):
        assert c.quote in s.quote and len(c.quote) < len(s.quote) <= ITEM_WIDE
        assert "will build a new" in c.quote


def _list_passage(lines: list[str]) -> Passage:
    """One passage: a lead-in sentence then bullets, one unit each."""
    text, units = "", []
    for k, line in enumerate(lines):
        start = len(text)
        text += line + "\n"
        units.append(Unit(UnitKind.SENTENCE if k == 0 else UnitKind.BULLET, start,
                          start + len(line)))
    return Passage("doc#s/001", "doc", text, ("Ideas",), 0, len(text), tuple(units))


def _listed(p: Passage, q: str, stats: TermStats | None = None) -> list[str]:
    """The quotes ``Quoter.list_spans`` gives for ``q``, every unit of ``p`` a candidate
    (ranked in document order) and the first the best."""
    import numpy as np

    from assistant.question import analyse_question
    from assistant.quoting import Quoter
    from assistant.request import AnswerRequest
    from assistant.scoring import Candidate
    from assistant.selection import Selector
    from retrieval.text import tokenize

    stats = stats or _stats(p)
    cands = [Candidate(p, u, i, i + 1, p.unit_text(u), 0.5, 0.5, 0.5, 0.5 - i / 10)
             for i, u in enumerate(p.units)]
    req = AnswerRequest(q, q, analyse_question(q), [], np.zeros(3))
    spans = Quoter(stats, Selector(stats)).list_spans(req, tokenize(q), cands[0], cands)
    return [s.quote for s in spans]


def test_items_announced_by_a_lead_in_are_quoted_from_their_opening() -> None:
    from assistant.listing import ITEM_WIDE

    # Each item's later sentences hold the question's words; its opening names the step.
    p = _list_passage([
        "Unlock new patient capital for growing firms through three steps, including by:",
        "- Giving pension funds the confidence to hold long-term assets as part of a diverse "
        "portfolio of holdings across many markets and sectors. The regulator will clarify "
        "its guidance on growing firms and patient capital. With large funds in the UK, this "
        "could unlock much more patient capital for growing firms.",
        "- Expanding the tax relief that investors in young companies can receive through the "
        "venture scheme and the trust scheme, while introducing a test to redirect low-risk "
        "money elsewhere, together unlocking new patient capital for growing firms through "
        "the scheme each year.",
    ])
    quotes = _listed(p, "What three steps will unlock patient capital for growing firms?")
    assert [q[:20] for q in quotes[1:]] == ["Giving pension funds", "Expanding the tax re"]
    assert all(len(q) <= ITEM_WIDE for q in quotes)


def test_a_list_question_takes_the_sentence_listing_what_the_best_one_introduced() -> None:
    text = ("The paper Ten steps for research, published by the board, says research is core "
            "business.\n\nThis paper includes several commitments including to simplify "
            "processes; to set priorities; and to improve adoption.")
    q = "What commitments does the Ten steps for research paper include?"
    assert "to simplify processes; to set priorities; and to improve adoption" in \
        " ".join(_listed(_passage(text), q))
    # Not when the next sentence lists without pointing back to the one before.
    other = text.replace("This paper includes", "Our partners include")
    assert "to set priorities" not in " ".join(_listed(_passage(other), q, _stats(_passage(text))))


def test_a_list_split_between_passages_runs_on_into_the_next() -> None:
    import numpy as np

    from assistant.question import analyse_question
    from assistant.quoting import Quoter
    from assistant.request import AnswerRequest
    from assistant.scoring import Candidate
    from assistant.selection import Selector
    from retrieval.text import tokenize

    first = _list_passage(["Major developments in key clusters include:",
                           "- Acme will open a plant in Leeds;", "- Zeta will hire in York;"])
    text = "- Borealis will build a campus in Exeter;\n- Nova will partner with Bristol.\n"
    second = Passage("doc#s/002", "doc", text, ("Ideas",), len(first.text),
                     len(first.text) + len(text),
                     (Unit(UnitKind.BULLET, len(first.text), len(first.text) + 41),
                      Unit(UnitKind.BULLET, len(first.text) + 42, len(first.text) + 75)))
    stats = _stats(first)
    cands = [Candidate(first, u, i, 1, first.unit_text(u), 0.5, 0.5, 0.5, 0.5 - i / 10)
             for i, u in enumerate(first.units)]
    q = "Which major developments in key clusters does the deal highlight?"
    req = AnswerRequest(q, q, analyse_question(q), [], np.zeros(3))
    quotes = [s.quote for s in Quoter(stats, Selector(stats), passages=[first, second])
              .list_spans(req, tokenize(q), cands[0], cands)]
    assert quotes[-2:] == ["Borealis will build a campus in Exeter",
                           "Nova will partner with Bristol."]
    # The next passage's items belong to the list only in the same section.
    other = Passage("doc#s/002", "doc", text, ("People",), second.start, second.end,
                    second.units)
    quotes = [s.quote for s in Quoter(stats, Selector(stats), passages=[first, other])
              .list_spans(req, tokenize(q), cands[0], cands)]
    assert not any("Borealis" in q for q in quotes)


def test_a_list_item_is_quoted_to_the_clause_that_ends_it(monkeypatch) -> None:
    from assistant import listing

    # The item's last clause says how: a quote of a single answer's length would cut it.
    p = _list_passage([
        "The government will change immigration rules for researchers, including by:",
        "- Reducing red tape in hiring international researchers and members of established "
        "research teams at universities, institutes, charities and businesses of every size in "
        "every region of the country, so that whole teams can move together and keep working "
        "on their programmes, by relaxing the labour market test.",
        "- Making it quicker for highly-skilled students to apply to work after their degrees.",
    ])
    q = "What changes to immigration rules does the deal set out for researchers?"
    assert "labour market test" in _listed(p, q)[1]
    monkeypatch.setattr(listing, "ITEM_CHARS", 200)  # a single answer's lengths
    monkeypatch.setattr(listing, "ITEM_WIDE", 260)
    assert "labour market test" not in _listed(p, q)[1]


HUB = ("Partners across the city region, including universities and local firms, are building a "
       "large medtech hub, including, as part of a new quarter in the city centre, Nexus, a £40m "
       "Innovation Centre driven by the university, and an academy training the 57,000 people "
       "who work in health and care across the whole of the city region.")


def test_a_quote_opening_on_an_apposition_takes_the_name_it_describes() -> None:
    quoter, best = _quoter_and_first(HUB, max_chars=200)
    quote = _window_quote(quoter, best, "What £40m innovation centre will the university drive?",
                          120)
    assert quote.startswith("Nexus, a £40m Innovation Centre"), quote


PARK = ("Experts are coming together at the Riverside Park in Exeter to deliver two projects: the "
        "Bone Centre; and the Young People's Centre; with a park-wide programme of events, "
        "open days and outreach to schools across the county, and new cycle paths, "
        "and the second project, the Young People's Centre, will develop new technologies for "
        "children, focusing on improving their mental health")


def test_a_description_quotes_what_is_asked_not_where_the_name_is_repeated() -> None:
    from assistant.scoring import Candidate

    # One long bullet, as the deal's case studies are.
    p = Passage("doc#s/001", "doc", PARK, ("Places",), 0, len(PARK),
                (Unit(UnitKind.BULLET, 0, len(PARK)),))
    quoter, _ = _quoter_and_first(PARK, max_chars=200)
    best = Candidate(p, p.units[0], 0, 1, PARK, 0.5, 0.5, 0.5, 0.5)
    quote = _window_quote(quoter, best, "What will the Exeter centre focus on?", 150)
    assert "focusing on improving their mental health" in quote, quote
