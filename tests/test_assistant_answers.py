"""The assistant end to end on the fixture corpus, with the fake embedder (fast, exact)."""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from dealqa.errors import InvalidQuestionError
from dealqa.types import Answer, AnswerType, Turn
from ingest import ingest_paths
from retrieval.store import build_index


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, fixture_corpus_path):
    from conftest import FakeEmbeddings

    emb = FakeEmbeddings()
    result = ingest_paths([fixture_corpus_path], count_tokens=emb.count_tokens)
    index = build_index(result, emb, tmp_path_factory.mktemp("ix") / "index",
                        {"model": "fake", "chunking": {}})
    return Assistant(index, emb, top_k=5)


@pytest.fixture(scope="module")
def fixture_corpus_path():
    from conftest import FIXTURES

    return FIXTURES / "corpus" / "mini-deal.txt"


def _one_unit(text: str):
    """A candidate whose passage is the one sentence ``text``."""
    from assistant.scoring import Candidate
    from dealqa.types import Passage, Unit, UnitKind

    p = Passage("doc#u/001", "doc", text, ("Ideas",), 0, len(text),
                (Unit(UnitKind.SENTENCE, 0, len(text)),))
    return Candidate(p, p.units[0], 0, 1, text, 0, 0, 0, 0)


def _sentence_units(sentences: list[str]) -> list:
    """One candidate per sentence of a passage made of ``sentences``."""
    from assistant.scoring import Candidate
    from dealqa.types import Passage, Unit, UnitKind

    text, units = "", []
    for s in sentences:
        units.append(Unit(UnitKind.SENTENCE, len(text), len(text) + len(s)))
        text += s + " "
    p = Passage("doc#s/001", "doc", text, ("Ideas",), 0, len(text), tuple(units))
    return [Candidate(p, u, i, 1, p.unit_text(u), 0.5, 0.5, 0.0, 0.5) for i, u in enumerate(units)]


def _quotes_are_verbatim(assistant: Assistant, answer: Answer) -> None:
    docs = {d.doc_id: d for d in assistant.documents()}
    for c in answer.citations:
        assert docs[c.doc_id].text[c.start : c.end] == c.quote
        assert f"[{c.n}]" in answer.text


def test_amount_answer_cites_the_figure(assistant: Assistant) -> None:
    a = assistant.ask("How much will the Vaccines Centre in Oxford get?")
    assert not a.abstained
    assert "£20m" in a.text and "[1]" in a.text
    _quotes_are_verbatim(assistant, a)
    assert any("Withdrawn 1 May 2024" in c for c in a.caveats)


@pytest.mark.parametrize("question", ["When was the deal withdrawn?",
                                      "Is this sector deal still in force?"])
def test_a_status_question_is_answered_from_the_stamp(assistant: Assistant, question) -> None:
    a = assistant.ask(question)
    assert not a.abstained and "Withdrawn 1 May 2024" in a.text
    assert [c.section for c in a.citations] == ["Document status"]
    assert a.retrieved[0].passage.section == ("Document status",)
    _quotes_are_verbatim(assistant, a)


def test_status_words_elsewhere_do_not_route_to_the_stamp() -> None:
    from assistant.status_route import asks_status

    assert asks_status("Is the deal still current government policy?")
    assert not asks_status("How much will the Vaccines Centre in Oxford get?")
    assert not asks_status("What is the current status of the viral vector programme?")
    # pulled, taken down, a watermark's date: the document's standing, however asked
    assert asks_status("Going by the watermark, on what date was this deal pulled?")
    assert asks_status("When was the document taken down?")
    assert asks_status("Is the deal no longer in force?")
    assert not asks_status("Are the Acme immigration changes already in force?")
    assert not asks_status("Which bodies were pulled together into UKRI?")
    assert not asks_status("How much investment was pulled in by the fund?")


def test_asked_where_a_name_turns_up_each_mention_is_listed(assistant: Assistant) -> None:
    a = assistant.ask("Acme Biologics turns up several times. What is it doing in each?")
    assert a.text.startswith("Where the deal names Acme Biologics:") and len(a.citations) == 2
    assert "£12m" in a.text and "90 per cent" in a.text
    _quotes_are_verbatim(assistant, a)


def test_footnote_condition_travels_with_the_figure(assistant: Assistant) -> None:
    a = assistant.ask("How much is the investment programme from the Challenge Fund?")
    assert "£50m" in a.text
    assert "Subject to business case approval by HM Treasury" in a.text
    assert any("subject to business case approval" in c for c in a.caveats)


def test_asked_how_firm_a_figure_is_the_footnote_entry_is_quoted_and_cited(
        assistant: Assistant) -> None:
    a = assistant.ask("Is the £50m investment programme from the Challenge Fund guaranteed?")
    note = [c for c in a.citations if c.quote == "Subject to business case approval by HM Treasury"]
    assert len(note) == 1 and note[0].section == "References"
    assert f"(Subject to business case approval by HM Treasury [{note[0].n}])" in a.text
    _quotes_are_verbatim(assistant, a)
    # Asked only for the figure, the condition stays a caveat beside it, not a citation.
    b = assistant.ask("How much is the investment programme from the Challenge Fund?")
    assert all(c.section != "References" for c in b.citations)


def test_a_references_entry_that_is_not_a_condition_answers_by_itself(
        assistant: Assistant) -> None:
    a = assistant.ask("What name is Zeta Pharma known by in the US?")
    assert not a.abstained and "Zeta Corp" in a.text
    assert a.citations[0].quote == "Known as Zeta Corp in the US"


def test_count_question_needs_a_count(assistant: Assistant) -> None:
    a = assistant.ask("How many jobs will Acme Biologics create in Liverpool?")
    assert not a.abstained and "80" in a.text
    _quotes_are_verbatim(assistant, a)


def test_abstains_when_support_lacks_a_date(assistant: Assistant) -> None:
    a = assistant.ask("When will the Vaccines Centre in Oxford open?")
    assert a.abstained
    assert a.text.startswith("The deal does not say when.")
    assert a.citations, "an abstention still shows what the deal says nearby"
    _quotes_are_verbatim(assistant, a)


def test_abstains_on_a_name_the_deal_never_mentions(assistant: Assistant) -> None:
    a = assistant.ask("How much is Pfizer investing in Belfast?")
    assert a.abstained


def test_list_question_gets_the_list(assistant: Assistant) -> None:
    a = assistant.ask("What does the £50m programme include?")
    assert not a.abstained
    for figure in ("£20m", "£10m"):
        assert figure in a.text
    assert a.text.count("•") >= 3
    _quotes_are_verbatim(assistant, a)


def test_followup_is_resolved_against_history(assistant: Assistant) -> None:
    history = [Turn(q="How much is Acme Biologics investing in Liverpool?",
                    a="Acme Biologics committed £12m to a facility in Liverpool [1]")]
    a = assistant.ask("and how many staff are already there?", history)
    assert "Acme" in a.standalone_question
    assert not a.abstained and "300" in a.text


def test_difference_is_worked_out_from_quoted_figures(assistant: Assistant) -> None:
    a = assistant.ask("How much more goes to the Vaccines Centre than to the Cell Therapy Centre?")
    assert "£20m" in a.text and "£10m" in a.text
    assert "£20m − £10m = £10m" in a.text


@pytest.mark.parametrize(("question", "message"), [
    ("", "question is empty"),
    ("   \n ", "question is empty"),
    ("x" * 2001, "the limit is 2,000"),
])
def test_bad_questions_are_refused_clearly(assistant: Assistant, question: str, message: str) -> None:
    with pytest.raises(InvalidQuestionError, match=message):
        assistant.ask(question)


def test_stream_yields_text_then_the_answer(assistant: Assistant) -> None:
    parts = list(assistant.stream("How much will the Vaccines Centre in Oxford get?"))
    assert isinstance(parts[-1], Answer)
    assert "".join(p for p in parts[:-1]) == parts[-1].text


def test_passage_lookup_and_neighbours(assistant: Assistant) -> None:
    first = assistant.index.passages[1]
    assert assistant.passage(first.passage_id) == first
    around = assistant.neighbours(first.passage_id, n=1)
    assert first in around and len(around) <= 3
    with pytest.raises(KeyError):
        assistant.passage("no-such-passage")
    info = assistant.info()
    assert info["passages"] == len(assistant.index.passages) and info["documents"] == 1
    assert info["fusion"] == "weighted" and info["dense_weight"] == 0.7


def test_register_conditions_travel_with_cited_figures() -> None:
    from types import SimpleNamespace

    from assistant.register_notes import RegisterNotes
    from dealqa.types import Citation

    ref = SimpleNamespace(passage_id="p1", start=10, end=60)
    record = SimpleNamespace(id="gbp-12m", raw="£12m", purpose="new facility", citations=[ref],
                             conditions=["Subject to final business approvals"])
    notes = RegisterNotes(SimpleNamespace(commitments=[record]))
    cited = Citation(1, "p1", "Deal", "S", "Acme committed £12m to a facility", 12, 47)
    elsewhere = Citation(2, "p2", "Deal", "S", "Acme committed £12m to a facility", 12, 47)
    no_figure = Citation(3, "p1", "Deal", "S", "a facility in Liverpool", 12, 35)
    assert notes.caveats([cited], []) == ["£12m (new facility): subject to final business approvals."]
    assert notes.inline([cited], "Acme committed £12m [1]") == "(Subject to final business approvals)"
    assert notes.inline([cited], "... subject to final business approvals") == ""
    assert notes.caveats([elsewhere], []) == [] and notes.caveats([no_figure], []) == []


def test_support_questions_are_routed_to_the_finder(assistant: Assistant) -> None:
    from types import SimpleNamespace

    from dealqa.types import Citation

    p = assistant.index.passages[3]
    cit = Citation(7, p.passage_id, "Deal", p.section_label, p.text[:20], p.start, p.start + 20,
                   p.doc_id, p.text)
    match = SimpleNamespace(measure="£10m Cell Therapy Centre in Stevenage", figure="£10m",
                            why=["place: Stevenage"], fields=["place"], citations=[cit],
                            score=1.0)
    calls: list[str] = []

    def run(q):
        calls.append(q)
        return SimpleNamespace(matches=[match], message="1 measure fits",
                               profile=SimpleNamespace(text=q))

    assistant.finder = SimpleNamespace(run=run)
    try:
        a = assistant.ask("We're a cell therapy SME in Stevenage - what applies to us?")
        assert calls and not a.abstained
        assert "[1] (place: Stevenage)" in a.text
        assert a.citations[0].n == 1 and a.citations[0].quote == p.text[:20]
        plain = assistant.ask("How much will the Vaccines Centre in Oxford get?")
        assert len(calls) == 1 and "£20m" in plain.text
    finally:
        assistant.finder = None


def _finder_matching_only(fields: list[str], assistant: Assistant):
    from types import SimpleNamespace

    from dealqa.types import Citation

    p = assistant.index.passages[0]
    cit = Citation(1, p.passage_id, "Deal", p.section_label, p.text[:20], p.start, p.start + 20,
                   p.doc_id, p.text)
    match = SimpleNamespace(measure="A sector measure", figure=None, why=["sector: vaccines"],
                            fields=fields, citations=[cit], score=1.0)
    result = SimpleNamespace(matches=[match], message="1 measure fits",
                             profile=SimpleNamespace(text=""))
    return SimpleNamespace(run=lambda q: result)


def test_a_measure_fitting_only_the_askers_sector_gives_way_to_the_text(
        assistant: Assistant, monkeypatch) -> None:
    q = "We're a vaccine maker - is there a centre in Oxford we could use?"
    assistant.finder = _finder_matching_only(["sector", "kind"], assistant)
    try:
        a = assistant.ask(q)
        assert "Vaccines Centre in Oxford" in a.text and "fits this profile" not in a.text
        # ... but a measure that meets their stated need is the finder's answer
        assistant.finder = _finder_matching_only(["sector", "need"], assistant)
        assert "fits this profile" in assistant.ask(q).text
        # ... and so is the sector match when the text has nothing to say
        assistant.finder = _finder_matching_only(["sector"], assistant)
        silent = assistant.ask("How much is a quantum widget hub paid?")
        assert silent.abstained
        monkeypatch.setattr(assistant, "_ask_text", lambda question, history=(): silent)
        assert "fits this profile" in assistant.ask(q).text
    finally:
        assistant.finder = None


def test_when_nothing_fits_the_profile_the_answerer_gets_its_turn(assistant: Assistant) -> None:
    from types import SimpleNamespace

    nothing = SimpleNamespace(matches=[], message="Nothing in the deal fits this profile.",
                              profile=SimpleNamespace(text=""))
    assistant.finder = SimpleNamespace(run=lambda q: nothing)
    try:
        a = assistant.ask("We're a vaccine maker - is there a centre in Oxford we could use?")
        assert not a.abstained and "Vaccines Centre in Oxford" in a.text
        assert "Nothing in the deal fits" not in a.text
    finally:
        assistant.finder = None


def test_a_question_naming_a_part_of_the_document_is_answered_from_it(
        assistant: Assistant) -> None:
    a = assistant.ask("What does the deal say about manufacturing infrastructure in the key "
                      "commitments?")
    assert not a.abstained and a.citations
    assert all(c.section.startswith("Key commitments") for c in a.citations)
    _quotes_are_verbatim(assistant, a)


def test_each_part_of_a_compound_question_is_answered(assistant: Assistant) -> None:
    a = assistant.ask("How much will the Vaccines Centre in Oxford get, "
                      "and when is the Oversight Board's first meeting?")
    assert not a.abstained
    assert "£20m" in a.text and "Jan 2018" in a.text and len(a.citations) == 2
    _quotes_are_verbatim(assistant, a)


def test_a_part_naming_nothing_is_about_what_the_question_named(assistant: Assistant) -> None:
    # "it" is Acme: the part must not be answered from Zeta's 60 scientists.
    a = assistant.ask("How much is Acme investing in Liverpool, and how many scientists will it "
                      "employ?")
    assert "£12m" in a.text and "60" not in a.text


def test_a_total_the_text_implies_is_summed(assistant: Assistant) -> None:
    # "80 high-value jobs, in addition to the 300 staff already there": a total is a sum.
    a = assistant.ask("How many staff will Acme have in Liverpool in total?")
    assert "380" in a.text
    a = assistant.ask("How many jobs will Acme create in Liverpool?")
    assert "380" not in a.text and "80" in a.text


def test_figures_in_compound_and_comparison_questions(assistant: Assistant) -> None:
    # The £50m the question states is what both centres' money comes from, not an operand.
    a = assistant.ask("How much more is the Vaccines Centre getting from the £50m programme "
                      "than the Cell Therapy Centre?")
    assert "£20m − £10m = £10m" in a.text
    # Each money part gets a figure of its own; a count part does not use up the money.
    a = assistant.ask("What's the Vaccines Centre getting, and what's the Cell Therapy Centre "
                      "getting?")
    assert "£20m" in a.text and "£10m" in a.text
    a = assistant.ask("How many jobs will Acme create, and what's the overall investment?")
    assert "80" in a.text and "£12m" in a.text and "does not answer" not in a.text


_GRANT_DEAL = """Mini Deal

Places

BioX, a spin-out from a Californian company, is to be based in Glasgow, creating 43 new jobs. \
Its investment has been supported by a £3.3m research grant from Scottish Enterprise, part of a \
total investment of £9.7m. It will adapt its platform into a diagnostic tool.

The full support package for skills is worth more to employers than any single grant.

Acme Pharma will build a plant in Leeds employing 60 scientists.

The government will publish a package of reforms to speed up clinical trials.
"""


def _mini_assistant(tmp_path, deal: str) -> Assistant:
    """An assistant over ``deal`` alone, with the fake embedder."""
    from conftest import FakeEmbeddings

    (tmp_path / "deal.txt").write_text(deal, encoding="utf-8")
    emb = FakeEmbeddings()
    result = ingest_paths([tmp_path / "deal.txt"], count_tokens=emb.count_tokens)
    index = build_index(result, emb, tmp_path / "index", {"model": "fake", "chunking": {}})
    return Assistant(index, emb, top_k=5)


def test_a_money_part_naming_nothing_new_takes_a_figure_the_quote_holds_unused(
        tmp_path) -> None:
    ask = _mini_assistant(tmp_path, _GRANT_DEAL).ask
    # "... £3.3m research grant ..., part of a total investment of £9.7m": the second money
    # part is answered by the quote's other figure, though it shares few of its words.
    a = ask("BioX in Glasgow: what grant supported its investment, and what's the full "
            "package worth?")
    assert not a.abstained and "does not answer" not in a.text, a.text
    assert "£3.3m" in a.text and "£9.7m" in a.text
    # A quote with one figure has none to spare: that is the first part's.
    a = ask("Acme Pharma in Leeds: what is it building, and what's the full package worth?")
    assert "does not answer: what's the full package worth?" in a.text, a.text


_TOPIC_DEAL = """Mini Deal

Business

The Challenge Fund will put £12m into the expansion of the Borealis Manufacturing Centre in \
Stevenage, part of a wider programme for manufacturing.

Zeta Labs will invest $1m in a cold-storage hub co-located with the Borealis Manufacturing \
Centre in Stevenage.

Acme Pharma will build a plant in Leeds employing 60 scientists, with £5m of its own money.

The government will publish a package of reforms to speed up clinical trials.
"""


def test_a_topic_set_before_the_first_part_is_every_parts(tmp_path) -> None:
    ask = _mini_assistant(tmp_path, _TOPIC_DEAL).ask
    # "its hub" is Zeta Labs' own; the Stevenage centre the question opens with is the
    # second part's topic too.
    a = ask("Stevenage manufacturing centre: what Challenge Fund money is going to expand it, "
            "and what is Zeta Labs spending on its hub alongside?")
    assert not a.abstained and "does not answer" not in a.text, a.text
    assert "£12m" in a.text and "$1m" in a.text


def test_two_sides_a_question_opens_with_are_summed(assistant: Assistant) -> None:
    a = assistant.ask("Between Acme Biologics in Liverpool and Zeta Pharma in Leeds, roughly "
                      "how many people will they employ?")
    assert "80 + up to 60" in a.text, a.text


def test_a_part_referring_back_is_answered_by_the_quotes_already_given(
        assistant: Assistant) -> None:
    # "how many of them are there now?" has few words of its own: what it refers to (the first
    # part's words) is in the quote given, so it needs no quote of its own.
    a = assistant.ask("How much is Acme Biologics investing in Liverpool, and how many of them "
                      "are there now?")
    assert not a.abstained and len(a.citations) == 1 and "£12m" in a.text


def test_a_part_in_words_the_deal_never_uses_is_answered_by_what_it_asks_for(
        assistant: Assistant) -> None:
    # "with what headcount?": no word of it is the deal's, so no quote shares its words; the
    # quote given states the staff it asks for ("creating nearly 80 high-value jobs").
    a = assistant.ask("How much is Acme Biologics investing in Liverpool, and with what "
                      "headcount?")
    assert not a.abstained and "£12m" in a.text and "80" in a.text, a.text
    from assistant.question import analyse_question
    from assistant.request import AnswerRequest

    q = "with what headcount"
    part = AnswerRequest(q, f"{q} (Acme Biologics investing Liverpool)", analyse_question(q),
                         (), None)
    quote = "creating nearly 80 high-value jobs"
    assert assistant.answerer._answers(part, quote)
    assert not assistant.answerer._answers(part, "a new facility in Liverpool")
    # A part naming its own subject is answered by a quote holding its words, whatever the
    # words it borrows from the first part ("Acme ... Which town is it in, and how much is
    # Zeta Pharma putting into its research centre?").
    q = "how much is Zeta Pharma putting into its research centre"
    part = AnswerRequest(q, f"{q} (Acme Biologics vaccine maker second largest town ships)",
                         analyse_question(q), (), None)
    quote = "Zeta Pharma announced a $30m research centre in Leeds employing up to 60 scientists."
    assert assistant.answerer._answers(part, quote)


def test_a_date_part_is_answered_by_the_dated_row_for_the_sum_already_quoted(
        assistant: Assistant) -> None:
    # "... and in which month was it announced?": the £5m the first quote gives has its row in
    # the timeline ("Oct 2017 £5m funding announced ..."), whatever the retrieval reached.
    a = assistant.ask("How much extra Challenge Fund money will grow viral vector capacity, and "
                      "in which month was it announced?")
    assert not a.abstained and "£5m" in a.text and "Oct 2017" in a.text, a.text


def test_a_date_part_is_answered_by_the_dated_row_for_the_sum_of_the_list_quoted(
        assistant: Assistant, monkeypatch) -> None:
    # "£20m on a Vaccines Centre" has no row of its own; the programme whose list it is an item
    # of, "A £50m investment programme ... including:", has one the part asks about.
    from assistant.scoring import Candidate
    from dealqa.types import Passage, Unit, UnitKind

    text = "Nov 2016\t£50m manufacturing programme confirmed"
    row = Passage("mini-deal#plan/009", "mini-deal", text, ("Implementation plan",), 0,
                  len(text), (Unit(UnitKind.TABLE_ROW, 0, len(text)),))
    answerer = assistant.answerer
    monkeypatch.setattr(answerer, "_timeline_rows",
                        [*answerer._timeline_rows, Candidate.of_unit(row, 0)])
    a = assistant.ask("How much Challenge Fund money does the Vaccines Centre in Oxford get, "
                      "and in which month was that fund's programme confirmed?")
    assert not a.abstained and "£20m" in a.text and "Nov 2016" in a.text, a.text
    # ... not where the part asks about something else
    a = assistant.ask("How much will the Vaccines Centre in Oxford get, and when will the Moon "
                      "base open?")
    assert a.abstained and "Nov 2016" not in a.text, a.text


def test_a_date_asked_of_the_timeline_is_its_row_holding_the_questions_own_word(
        assistant: Assistant) -> None:
    # "according to the timeline": the dated table's row, even where retrieval reached none.
    from assistant.question import analyse_question
    from assistant.request import AnswerRequest

    def row(q: str):
        req = AnswerRequest(q, q, analyse_question(q), (), None)
        found = assistant.answerer._named_timeline_row(req, [])
        return found and found.text.split("\t")[0]

    assert row("According to the timeline, when does the Oversight Board first meet?") \
        == "Jan 2018"
    assert row("According to the timeline, when does the Moon base open?") is None
    assert row("When does the Oversight Board first meet?") is None  # no timeline named


def test_a_part_the_deal_is_silent_on_is_said_to_be(assistant: Assistant) -> None:
    # What the deal does say is quoted and cited; the question is not answered as asked, so
    # the answer counts as an abstention.
    a = assistant.ask("How much will the Vaccines Centre in Oxford get, and when will the Moon "
                      "base open?")
    assert a.abstained and "£20m" in a.text and a.citations
    assert "does not answer: when will the Moon base open?" in a.text
    both = assistant.ask("When will the Moon base open, and who will run the Mars colony?")
    assert both.abstained


def test_a_kind_spoken_of_but_never_named_is_an_abstention(assistant: Assistant) -> None:
    # "brings together the government with universities": universities, none named. ("Together"
    # here is not a sum either: the question asks for no figure.)
    a = assistant.ask("Which universities does the deal bring together with the government?")
    assert a.abstained and "does not name the universities" in a.text
    assert "Together:" not in a.text
    # the kind as asked, not the word before it ("which NHS hospitals": "nhs" ends in s)
    b = assistant.ask("Which NHS universities does the deal bring together with the government?")
    assert b.abstained and "does not name the universities" in b.text


def test_where_in_a_named_place_is_not_answered_by_that_place(assistant: Assistant) -> None:
    # The deal says Liverpool, no more: "Where in Liverpool?" is a place it does not give.
    for q in ("Where in Liverpool is Acme Biologics' new facility?",
              "Which part of Liverpool is Acme Biologics' new facility in?"):
        a = assistant.ask(q)
        assert a.abstained and a.text.startswith("The deal does not say where."), q
    b = assistant.ask("Where in England is Acme Biologics' new facility?")
    assert not b.abstained and "Liverpool" in b.text
    from assistant.question import analyse_question

    a = analyse_question("Which part of Liverpool is the facility in?")
    assert a.answer_type is AnswerType.PLACE and a.within == ("Liverpool",)
    assert analyse_question("Which parts of the vision does it support?").within == ()


def test_things_without_proper_names_are_said_which_not_named(assistant: Assistant) -> None:
    # "all parts of the country" says which parts; parts have no proper names, so "the deal
    # does not name the parts" would be false. Universities do have names (the test above),
    # and "the name of ..." asks for one.
    a = assistant.ask("Which parts of the country will the deal invest in?")
    assert not a.abstained and "all parts of the country" in a.text and a.citations
    b = assistant.ask("Which benefits will the investments produce for patients?")
    assert not b.abstained and "real benefits for patients" in b.text



@pytest.mark.parametrize(("kind", "question", "expected"), [
    ("part", "Which parts of the vision does the deal support?", True),
    ("patient", "Which company's study tested it, and in which patients?", True),
    ("hospital", "Which hospitals will host the centres?", False),  # a kind with proper names
    ("drug", "What is the name of the drug being tested?", False),  # a name is asked for
    (None, "Which parts?", False),
])
def test_unnamed_kind(kind: str | None, question: str, expected: bool) -> None:
    from assistant.kinds import unnamed_kind

    assert unnamed_kind(kind, question) is expected


def test_a_sum_of_counts_adds_figures_that_count_the_asked_noun(assistant: Assistant) -> None:
    a = assistant.ask("How many jobs will Acme and Zeta create together?")
    assert "nearly 80 + up to 60 = 140" in a.text  # not the "more than 10 businesses" of the foreword
    _quotes_are_verbatim(assistant, a)


def test_a_sum_about_one_company_adds_only_its_figures(assistant: Assistant) -> None:
    # Zeta's 60 scientists sit in the bullet after Acme's: a neighbour, not Acme's staff.
    a = assistant.ask("How many people will Acme employ in Liverpool, counting the new jobs too?")
    assert "nearly 80 + 300 = nearly 380" in a.text and "60" not in a.text
    a = assistant.ask("How much higher is the Vaccines Centre funding than the Cell Therapy "
                      "Centre funding?")
    assert "£20m − £10m = £10m" in a.text


def test_a_followups_own_words_leave_out_common_words_and_the_counted_noun(
        assistant: Assistant) -> None:
    from assistant.question import analyse_question
    from assistant.request import AnswerRequest

    def own(question: str, standalone: str) -> frozenset[str]:
        req = AnswerRequest(question, standalone, analyse_question(question), (), None)
        return assistant.answerer.selector.own_words(req)

    assert own("How many jobs in Liverpool?", "How many jobs in Liverpool?") == frozenset()
    words = own("How many jobs will the vaccine centre create in Stevenage?",
                "How many jobs will the vaccine centre create in Stevenage? (Acme Biologics)")
    assert "stevenag" in words and "job" not in words  # jobs: the count's noun (~ roles)


def test_what_the_question_sets_aside_is_not_the_answer(assistant: Assistant) -> None:
    a = assistant.ask("Which centre gets money, other than the Vaccines Centre in Oxford?")
    assert not a.abstained and "Vaccines Centre" not in a.text
    _quotes_are_verbatim(assistant, a)


def test_a_lead_in_holding_the_figure_answers_alone(assistant: Assistant) -> None:
    a = assistant.ask("How much is the Challenge Fund putting into manufacturing?")
    assert "£50m" in a.text and len(a.citations) == 1
    assert not a.citations[0].quote.rstrip().endswith(("including", "including:"))
    # Quoted without its items, the lead-in reads as cut short; before its items it does not.
    assert "manufacturing… [1]" in a.text, a.text
    listed = assistant.ask("What does the £50m programme include?")
    assert "manufacturing [1]" in listed.text, listed.text


def test_a_role_the_deal_never_mentions_is_not_answered_by_any_name(assistant: Assistant) -> None:
    a = assistant.ask("Who is the chief executive of Acme Biologics?")
    assert a.abstained and "does not name who" in a.text


def test_a_name_whose_distinctive_word_is_unknown_means_the_deal_is_silent(
        assistant: Assistant) -> None:
    # "Oxford" is in the corpus, "Northern" is not: the deal says nothing of "Northern Oxford".
    a = assistant.ask("What is the deal's budget for Northern Oxford?")
    assert a.abstained


def test_a_followups_topic_is_the_names_and_figures_it_borrowed(assistant: Assistant) -> None:
    from assistant.question import analyse_question
    from assistant.request import AnswerRequest

    q = "What will it focus on?"
    req = AnswerRequest(q, f"{q} (Zeta Pharma investing Leeds $30m)", analyse_question(q), (), None)
    topic = assistant.answerer.selector.topic_words(req)
    assert "leed" in topic or "leeds" in topic
    assert not topic & {"invest", "focus"}  # borrowed verbs and the question's own words: no


def test_a_figures_subject_may_be_named_in_the_next_sentence(assistant: Assistant) -> None:
    import re as _re

    from assistant.question import analyse_question
    from assistant.scoring import Candidate
    from dealqa.types import Passage, Unit, UnitKind

    def passage(text: str) -> Passage:
        units = tuple(Unit(UnitKind.SENTENCE, m.start(), m.end())
                      for m in _re.finditer(r"\S[^.]*\.", text))
        return Passage("doc#x/001", "doc", text, ("Ideas",), 0, len(text), units)

    a = analyse_question("How many centres does the Zephyr network link?")
    same = passage("A network links 22 regional centres. The Zephyr network is led by experts.")
    other = passage("A network links 22 regional centres.\n\nThe Zephyr network is led by experts.")
    first = lambda p: Candidate(p, p.units[0], 0, 1, p.unit_text(p.units[0]), 0, 0, 0, 0)  # noqa: E731
    assert assistant.answerer.selector.about_subject(a, first(same))
    assert not assistant.answerer.selector.about_subject(a, first(other))  # another paragraph: no


def test_a_paraphrase_anchored_by_the_names_it_asks_about_is_answered(
        assistant: Assistant) -> None:
    # Few words in common and a low cosine, but the unit names Zeta Pharma and Leeds.
    a = assistant.ask("Roughly what dosh is that Zeta Pharma outfit splashing out on its swanky "
                      "Leeds digs, mate?")
    assert not a.abstained and "$30m" in a.text


def test_examples_of_a_kind_name_it(assistant: Assistant) -> None:
    from assistant.question import analyse_question

    a = analyse_question("Which disorders will the trials focus on?")
    selector = assistant.answerer.selector
    examples = _one_unit("trials focusing on mental health disorders such as depression.")
    assert not selector._unnamed_kind(a, examples)
    assert selector._unnamed_kind(a, _one_unit("trials focusing on several mental health "
                                               "disorders."))


def test_members_of_a_class_asked_for_are_named_by_examples(assistant: Assistant) -> None:
    from assistant.question import analyse_question

    a = analyse_question("Who are the big imaging manufacturers that see an opening in radiology?")
    selector = assistant.answerer.selector
    assert a.asks_role
    assert not selector._unnamed_kind(a, _one_unit(
        "In radiology, major players such as Siemens, Philips and Toshiba see an opportunity."))
    # no names given as examples, or one only: the role word must be there
    assert selector._unnamed_kind(a, _one_unit("In radiology, major players see an opportunity."))
    assert selector._unnamed_kind(a, _one_unit("Major players such as Siemens see an opening."))


def test_a_kind_whose_names_say_what_they_are_is_unnamed_by_support_without_it(
        assistant: Assistant) -> None:
    from assistant.question import analyse_question

    a = analyse_question("Which NHS hospitals will recruit patients for the trial?")
    selector = assistant.answerer.selector
    # names, but none of a hospital: the deal does not say which hospitals
    assert selector._unnamed_kind(a, _one_unit("Acme partnered with the University of Leeds "
                                               "to recruit 5,000 patients."))
    assert not selector._unnamed_kind(a, _one_unit("Patients will be recruited at Leeds "
                                                   "General Hospital."))
    # ... however the question goes on after the kind
    c = analyse_question("Can you tell me which specific NHS hospitals the trial will use?")
    assert c.kind_noun == a.kind_noun == "hospital"
    # a company names itself no such way: any name may answer
    b = analyse_question("Which companies will recruit patients for the trial?")
    assert not selector._unnamed_kind(b, _one_unit("Acme partnered with Zeta to recruit "
                                                   "patients."))


def test_support_about_another_place_is_not_the_answer(assistant: Assistant) -> None:
    # The only centre employing scientists is in Leeds: for Oxford the deal is silent.
    a = assistant.ask("Which research centre will employ scientists in Oxford?")
    assert a.abstained and "Leeds" in a.text
    a = assistant.ask("Which research centre will employ scientists in Leeds?")
    assert not a.abstained and "Zeta Pharma" in a.text


def test_a_figure_the_question_adds_is_an_operand(assistant: Assistant) -> None:
    # A figure the question only mentions is context; one it adds is half of the sum.
    a = assistant.ask("If you add the £50m programme to the viral vector money, what's the total?")
    assert not a.abstained and "£55m" in a.text, a.text


def test_a_count_of_what_will_be_there_is_the_total_unless_a_part_is_asked(
        assistant: Assistant) -> None:
    a = assistant.ask("Once the Acme Biologics facility in Liverpool is running, how many staff "
                      "will be on the site?")
    assert "380" in a.text, a.text
    for part in ("How many jobs will Acme Biologics create in Liverpool?",
                 "How many staff already work at the Acme Biologics site in Liverpool?"):
        a = assistant.ask(part)
        assert not a.abstained and "380" not in a.text, (part, a.text)


def test_the_parts_of_a_stated_total_are_found_and_added(assistant: Assistant) -> None:
    a = assistant.ask("Which two Challenge Fund amounts make up £55m?")
    assert "£50m + £5m = £55m" in a.text or "£5m + £50m = £55m" in a.text, a.text
    _quotes_are_verbatim(assistant, a)


def test_a_date_does_not_say_how_often(assistant: Assistant) -> None:
    # The plan dates the board's first meeting; it never says how often the board meets.
    a = assistant.ask("How often will the Oversight Board meet?")
    assert a.abstained, a.text


@pytest.mark.parametrize("q", ["What is the closing date for the viral vectors competition?",
                               "What's the application deadline for the viral vectors competition?"])
def test_the_date_of_an_announcement_is_no_deadline(assistant: Assistant, q: str) -> None:
    # The plan dates the competition's funding announcement, not a date to apply by.
    a = assistant.ask(q)
    assert a.abstained, a.text


def test_where_a_figure_comes_from_is_its_footnotes_references_entry(assistant: Assistant) -> None:
    a = assistant.ask("The $30m Leeds research centre is footnoted. What source is that from?")
    assert "Known as Zeta Corp in the US" in a.text, a.text
    assert any(c.section.startswith("References") for c in a.citations)


def test_a_date_to_be_reached_by_is_a_deadline() -> None:
    from assistant.evidence import has_deadline

    assert has_deadline("to reach 20,000 apprenticeships by 2020")
    assert has_deadline("applications close on 3 March") and has_deadline("by the end of 2018")
    assert not has_deadline("Oct 2017\t£5m funding announced for viral vectors competition")


def test_things_asked_for_may_be_named_in_lower_case(assistant: Assistant) -> None:
    from assistant.question import analyse_question

    selector = assistant.answerer.selector
    skills = analyse_question("Which skills gaps will the new standards address?")
    named = "Standards will meet key skills gaps, e.g. on bioinformatics and regulatory affairs"
    assert selector.needs(skills)(named) and not selector._unnamed_kind(skills, _one_unit(named))
    assert not selector.needs(skills)("Standards will meet key skills gaps.")
    # Organisations are named by proper names: lower-case examples do not name hospitals.
    hospitals = analyse_question("Which hospitals will host the centres?")
    assert not selector.needs(hospitals)("centres hosted in hospitals such as local ones")


def test_a_followups_topic_must_be_mostly_there(assistant: Assistant) -> None:

    selector = assistant.answerer.selector
    topic = frozenset({"zeta", "pharma", "leed"})
    assert selector.on_topic(_one_unit("Zeta Pharma announced a research centre in Leeds."), topic)
    # One shared word of three is another topic.
    assert not selector.on_topic(_one_unit("Pharma investment will create jobs."), topic)


def test_a_possessive_in_the_question_is_still_its_own_word(assistant: Assistant) -> None:
    from assistant.question import analyse_question

    known = assistant.answerer.selector.known(analyse_question("Who runs the Mini Deal's board?"))
    assert "deal" in known and "deal's" in known


def test_a_difference_between_two_periods_takes_one_series(assistant: Assistant) -> None:
    from assistant.figure_pairs import pick_pair
    from assistant.question import analyse_question
    from retrieval.text import tokenize

    cands = _sentence_units(
        ["In the White Paper we announced a further increase of £2.3bn in 2021/22.",
         "This raises investment from around £9.5bn in 2016/17 to £12.5bn in 2021/22."])
    q = "By how much will investment in 2021/22 exceed the 2016/17 level in the White Paper?"
    (_, a), (_, b) = pick_pair(analyse_question(q), tokenize(q), cands, assistant.answerer._stats)
    assert {a.text, b.text} == {"£9.5bn", "£12.5bn"}


def test_one_quote_stating_both_figures_is_cited_once(assistant: Assistant) -> None:
    import numpy as np

    from assistant.arithmetic import Operation, figures_in
    from assistant.question import analyse_question
    from assistant.request import AnswerRequest
    from retrieval.text import tokenize

    c1, c2 = _sentence_units(["Firms grew from 22 companies in 2012 to 64 in 2017.",
                              "Many of the 64 developers will scale up."])
    f22 = next(f for f in figures_in(c1.text) if f.text == "22")
    f64 = next(f for f in figures_in(c2.text) if f.text == "64")
    q = "How many more companies were there in 2017 than in 2012?"
    req = AnswerRequest(q, q, analyse_question(q), (), np.zeros(3, dtype=np.float32))
    answerer = assistant.answerer
    draft = answerer._worked(req, tokenize(q), ((c1, f22), (c2, f64)), Operation.DIFFERENCE)
    assert "64 − 22 = 42" in draft.text and len(draft.citations) == 1, draft.text



def test_a_months_timetable_sums_are_added_from_the_rows_giving_them(
        assistant: Assistant) -> None:
    import numpy as np

    from assistant.question import analyse_question
    from assistant.request import AnswerRequest
    from assistant.scoring import Candidate
    from assistant.timeline import asked_position
    from test_assistant_period_rows import table_passage

    p = table_passage(["Nov 2017\tReview response, including £86m funding",
                       "Nov 2017\tBudget published", "Nov 2017\tStrategy with up to £210m",
                       "Dec 2017\tPhase one announced with £5m"])
    cands = [Candidate.of_unit(p, i) for i in range(len(p.units))]
    q = "Adding the November 2017 milestones together, how much do they come to?"
    req = AnswerRequest(q, q, analyse_question(q), (), np.zeros(3, dtype=np.float32))
    draft = assistant.answerer._timeline(req, asked_position(q), cands, 0.0)
    # (the row giving no sum is not quoted; December's is another month)
    assert "£86m + up to £210m = up to £296m" in draft.text and len(draft.citations) == 2, \
        draft.text


def test_two_things_set_against_each_other_are_each_quoted_and_compared(
        assistant: Assistant) -> None:
    a = assistant.ask("Which gets more: the Vaccines Centre in Oxford or the Cell Therapy "
                      "Centre in Stevenage?")
    assert "Compared: £20m is £10m more than £10m; £10m is about half of £20m." in a.text, \
        a.text
    assert len(a.citations) == 2
    _quotes_are_verbatim(assistant, a)
    a = assistant.ask("How many times larger is the Vaccines Centre's budget than the Cell "
                      "Therapy Centre's?")
    assert "£20m ÷ £10m = 2 times" in a.text, a.text


def test_the_time_between_two_dated_events_is_quoted_and_worked(assistant: Assistant) -> None:
    a = assistant.ask("How long is the gap between the strategy launch and the Oversight "
                      "Board's first meeting?")
    assert "Aug 2017 came first, 5 months before Jan 2018" in a.text, a.text
    assert len(a.citations) == 2
    _quotes_are_verbatim(assistant, a)


def test_two_events_named_by_one_description_are_two_rows(assistant: Assistant) -> None:
    a = assistant.ask("How many months apart were the two 2017 milestones in the plan?")
    assert "Aug 2017 came first, 2 months before Oct 2017" in a.text, a.text
    assert len(a.citations) == 2


def test_a_followups_unknown_name_is_a_detail_when_its_subject_is_borrowed(
        assistant: Assistant) -> None:
    history = [Turn("What is Zeta Pharma announcing?",
                    "A research centre in Leeds employing up to 60 scientists.")]
    a = assistant.ask("Will they still build it after Brexit?", history)
    assert not a.abstained and "Zeta Pharma" in a.text, a.text
    # Asked alone, a question naming only things the deal never mentions is not answered.
    assert assistant.ask("Will Pfizer build a centre after Brexit?").abstained


class _RenamedRetriever:
    """The assistant's own retriever, its passages under other ids (as a baseline's chunks)."""

    def __init__(self, inner) -> None:
        from dataclasses import replace

        self._inner = inner
        self.passages = [replace(p, passage_id=f"other-{i:04d}")
                         for i, p in enumerate(inner.passages)]
        self._by_id = {p.passage_id: q for p, q in zip(inner.passages, self.passages)}

    def run(self, query: str, k: int | None = None):
        from dataclasses import replace

        return [replace(h, passage=self._by_id[h.passage.passage_id])
                for h in self._inner.run(query, k)]


def test_a_bridge_question_is_answered_in_two_steps_over_any_retriever(
        assistant: Assistant) -> None:
    q = "The company that committed £12m to a facility in Liverpool: how many staff are there?"
    for system in (assistant, assistant.with_retriever(_RenamedRetriever(assistant.retriever))):
        a = system.ask(q)
        assert a.standalone_question.startswith("Acme Biologics:"), a.standalone_question
        assert "300 staff" in a.text and len(a.retrieved) >= 2, a.text


def test_a_name_asked_for_and_not_given_is_an_abstention(assistant: Assistant) -> None:
    # "a new facility in Liverpool" speaks of the facility without naming it
    a = assistant.ask("What is the name of the new facility Acme Biologics is building in "
                      "Liverpool?")
    assert a.abstained and a.text.startswith("The deal does not name the facility.")
    assert "Liverpool" in a.text  # ... and shows what it does say


def test_which_other_company_is_not_the_one_just_named(assistant: Assistant) -> None:
    q = "Which company is investing in a new facility?"
    first = assistant.ask(q)
    assert "Acme Biologics" in first.text
    other = assistant.ask("Which other company is investing?", [Turn(q=q, a="Acme Biologics.")])
    assert "Zeta" in other.text and "Acme" not in other.text, other.text


def test_the_askers_manner_words_do_not_count_towards_a_match(assistant: Assistant) -> None:
    from assistant.question import analyse_question
    from assistant.request import AnswerRequest

    q = "Why is the government actually so keen on vaccines?"
    hits = assistant.retriever.run(q, 5)
    req = AnswerRequest(q, q, analyse_question(q), hits, assistant._query_vec(q))
    _, q_terms, _ = assistant.answerer._candidates(req)
    assert "vaccin" in " ".join(q_terms) and not {"keen", "actual", "actually"} & set(q_terms)


def test_a_total_takes_the_near_tied_restatement_that_adds_to_the_staff_there() -> None:
    from dataclasses import replace

    from assistant.worked import RESTATED_RATIO, adding_restatement

    short, full, other = _sentence_units([
        "Zeta will invest £40m in a new plant in Leeds, creating nearly 100 jobs.",
        "Zeta has announced a £40m plant in Leeds, creating nearly 100 jobs, in addition to "
        "the 600 staff already there.",
        "Acme will hire 50 staff in York, in addition to the 20 already there.",
    ])
    # The summary's restatement ranks first; the fuller one, near-tied, adds the 600 to it.
    assert adding_restatement([short, full, other]) is full
    # ... not one well behind the best, and not one further down the ranking than third.
    weak = replace(full, dense=full.dense * RESTATED_RATIO * 0.9,
                   lexical=full.lexical * RESTATED_RATIO * 0.9)
    assert adding_restatement([short, weak, other]) is None
    assert adding_restatement([short, short, short, full]) is None


def test_a_figure_shared_out_quotes_it_with_its_count_and_shows_the_working(
        assistant: Assistant) -> None:
    a = assistant.ask("How much is Zeta Pharma spending on its Leeds centre for each scientist?")
    assert not a.abstained
    assert "$30m ÷ up to 60 scientists = at least $500,000 per scientist" in a.text
    assert "$30m" in a.citations[0].quote and "up to 60 scientists" in a.citations[0].quote
    _quotes_are_verbatim(assistant, a)


def test_a_share_of_a_whole_takes_the_part_from_the_whole_s_breakdown(
        assistant: Assistant) -> None:
    a = assistant.ask("Roughly what percentage of the Challenge Fund's manufacturing programme "
                      "goes on the new vaccine facility?")
    assert not a.abstained
    # the programme's own £20m line, not another company's £12m "new facility" elsewhere
    assert "£20m ÷ £50m = 40%" in a.text
    assert "£20m" in a.citations[0].quote and "£50m" in a.citations[1].quote
    _quotes_are_verbatim(assistant, a)


def test_how_much_of_a_whole_goes_to_a_part_quotes_both_figures(assistant: Assistant) -> None:
    a = assistant.ask("How much of the Challenge Fund's manufacturing programme is set aside "
                      "for collaborative R&D?")
    assert not a.abstained
    assert "£20m to support collaborative R&D" in a.citations[0].quote
    assert "£50m" in a.citations[1].quote and "£20m ÷ £50m = 40%" in a.text
    # a part the whole's breakdown does not name, and nothing names elsewhere: no figure
    b = assistant.ask("How much of the Challenge Fund's manufacturing programme goes to "
                      "dementia research?")
    assert "÷" not in b.text


def test_a_share_the_deal_states_is_quoted_not_worked_out(assistant: Assistant) -> None:
    a = assistant.ask("What share of the vaccines made at Acme's Liverpool plant goes to "
                      "countries overseas?")
    assert not a.abstained and "90 per cent" in a.text and "÷" not in a.text


def test_a_yes_no_comparison_finds_each_side_s_figure_clauses_from_its_name(
        assistant: Assistant) -> None:
    # "Acme Biologics have committed ..., creating nearly 80 high-value jobs": the name
    # stands clauses before the figure
    a = assistant.ask("Does Acme Biologics create more jobs than Zeta Pharma employs scientists?")
    assert not a.abstained
    assert ("Compared: nearly 80 is about 20 more than up to 60; 60 is about three-quarters of "
            "80.") in a.text, a.text
    _quotes_are_verbatim(assistant, a)


def test_a_list_question_about_a_period_gets_every_row_the_table_dates_in_it(
        assistant: Assistant) -> None:
    a = assistant.ask("What does the implementation plan list for 2017?")
    head, *items = a.text.split("\n")
    assert head == "What the deal's table lists for 2017:"
    assert [c.quote.split("\t")[0] for c in a.citations] == ["Aug 2017", "Oct 2017"]
    assert len(items) == 2


def test_a_count_of_the_timetables_entries_is_said_and_each_row_quoted(
        assistant: Assistant) -> None:
    a = assistant.ask("How many milestones does the timetable list?")
    head, *items = a.text.split("\n")
    assert head == "The deal's timeline lists 3 entries:" and len(items) == 3
    assert [c.quote.split("\t")[0] for c in a.citations] == ["Aug 2017", "Oct 2017", "Jan 2018"]


def test_a_deed_given_to_the_wrong_party_is_corrected_and_both_are_quoted(
        assistant: Assistant) -> None:
    a = assistant.ask("Why is Zeta Pharma shipping vaccines from its Liverpool plant overseas "
                      "to 30 countries?")
    assert a.text.startswith("The deal does not say this of Zeta Pharma; it says it of another: "
                             "Acme Biologics ships 90 per cent")
    assert "What it says of Zeta Pharma: Zeta Pharma announced" in a.text
    assert not a.abstained and len(a.citations) == 2
    _quotes_are_verbatim(assistant, a)
    # asked of the party the deal says it of, it is answered as any question
    a = assistant.ask("Why does Acme Biologics ship vaccines overseas?")
    assert a.text.startswith("Acme Biologics ships 90 per cent")


def test_a_follow_ups_topic_includes_the_names_the_last_question_asked_about() -> None:
    import numpy as np

    from assistant.question import analyse_question
    from assistant.request import AnswerRequest
    from assistant.scoring import TermStats
    from assistant.selection import Selector

    data = _sentence_units(["Data from one of the first Borealis trials will inform a "
                            "licensing application."])[0]
    other = _sentence_units(["The network permits the delivery of trials to regulatory "
                             "standard."])[0]
    others = [_sentence_units([f"Unrelated sentence {n} about vaccines."])[0].passage
              for n in range(20)]
    selector = Selector(TermStats([data.passage, *others]))
    q = "Has data from any of its trials been used towards a licence?"
    req = AnswerRequest(q, q, analyse_question(q), [], np.zeros(3),
                        previous_question="What is the Borealis network?")
    before = selector.asked_before(req)
    assert before == frozenset({"borealis"})
    # the last question's names must all be there
    assert selector.on_topic(data, before, share=1.0) and not selector.on_topic(other, before,
                                                                                 share=1.0)


def test_units_that_only_restate_the_premise_go_last() -> None:
    from assistant.premise_units import past_premise as _past_premise

    restating, answering, other = _sentence_units([
        "Day-to-day delivery of programmes will sit with Biobank UK.",
        "Acme and Zeta will help sequence the genomes of the Biobank UK participants.",
        "The deal supports growth across the country.",
    ])
    q = ("The governance section says Biobank UK runs programmes day to day. Which drug "
         "companies will help sequence its genomes?")
    assert _past_premise(q, [restating, answering, other]) == [answering, other, restating]
    # Without a premise, or asked for a sum of what the premise names, the order stands.
    assert _past_premise("Which companies will help sequence the genomes?",
                         [restating, answering]) == [restating, answering]
    assert _past_premise("Biobank UK runs programmes day to day. How much is left once "
                         "£5m is taken out?", [restating, answering]) == [restating, answering]


def test_a_scene_setting_premise_is_no_subject_and_sets_no_relevance_bar() -> None:
    from assistant.coverage import subject_names
    from assistant.premise_units import restater
    from assistant.question import analyse_question

    restating, answering = _sentence_units([
        "Cobra Biologics needs to increase capacity in viral vector manufacturing.",
        "A further £16m of ISCF money will grow viral vector manufacturing.",
    ])
    q = asked = ("Cobra Biologics says it needs more viral vector capacity. How much ISCF money "
                 "is set aside for that kind of capacity?")
    # the question after it asks about the capacity, not about Cobra
    assert [n for n, _ in subject_names(analyse_question(q))] == ["ISCF"]
    restates = restater(q, background=True)
    assert restates is not None and restates(restating) and not restates(answering)
    # referred back to, the premise's company is the subject
    q = "Cobra Biologics says it needs more capacity. How much is it investing in its site?"
    assert any("Biologics" in n for n, _ in subject_names(analyse_question(q)))
    # Cobra's own sentence, matching the premise best, does not put the answer out of reach
    import numpy as np

    from assistant.request import AnswerRequest
    from assistant.scoring import Candidate, TermStats
    from assistant.selection import Selector

    others = [_sentence_units([f"Unrelated sentence {n} about vaccines."])[0].passage
              for n in range(20)]
    stats = TermStats([restating.passage, *others])
    cands = [Candidate(c.passage, c.unit, c.unit_index, 1, c.text, d, d, 0.0, d)
             for c, d in ((restating, 0.9), (answering, 0.45))]
    req = AnswerRequest(asked, asked, analyse_question(asked), [], np.zeros(3))
    assert Selector(stats).choose(req, cands) is cands[1]
    # a claim to check, or the asker's profile, is what the question is about
    for q in ("My notes put the Cobra Biologics fund at £5bn. Is that the deal's number?",
              "We're a viral vector maker like Cobra Biologics. What support is there?"):
        assert restater(q, background=True) is None
        assert any("Biologics" in n for n, _ in subject_names(analyse_question(q)))


def test_a_lead_in_introduces_the_items_it_quotes(assistant: Assistant) -> None:
    a = assistant.ask("What does the £50m programme include?")
    head, *items = a.text.split("\n")
    # The lead-in is the list's heading, not one of its bullets (nor "The deal lists:").
    assert head.startswith("A £50m investment programme") and head.endswith("[1]:")
    assert len(items) >= 2 and all(line.startswith("• ") for line in items)


def test_a_place_asked_about_as_a_whole_gets_what_the_deal_says_there(
        assistant: Assistant) -> None:
    a = assistant.ask("What does the deal mention in Merseyside?")
    assert not a.abstained
    # Liverpool lies in Merseyside: the unit naming it is quoted around the place
    assert any("Liverpool" in c.quote for c in a.citations)
    _quotes_are_verbatim(assistant, a)


def test_a_question_naming_a_heading_by_its_words_is_answered_under_it() -> None:
    from assistant.scoring import Candidate
    from dealqa.types import Passage, Unit, UnitKind

    def unit(pid: str, section: tuple[str, ...], text: str) -> Candidate:
        p = Passage(pid, "doc", text, section, 0, len(text),
                    (Unit(UnitKind.SENTENCE, 0, len(text)),))
        return Candidate(p, p.units[0], 0, 1, text, 0.5, 0.5, 0.0, 0.5)

    body = unit("doc#b/001", ("Business Environment",), "Investment and growth will rise.")
    listed = unit("doc#k/001", ("Key commitments", "Business Environment",
                                "Private sector investments & growth"),
                  "Acme will invest £40m in Liverpool.")
    import numpy as np

    from assistant.question import analyse_question
    from assistant.request import AnswerRequest

    def _request(q: str) -> AnswerRequest:
        return AnswerRequest(q, q, analyse_question(q), [], np.zeros(3))

    from assistant.named_parts import NamedParts

    parts = NamedParts([body.passage, listed.passage])
    assert "Private sector investments & growth" in parts._headings
    req = _request("What private sector investment and growth does the deal list?")
    assert parts.in_part(req, [body, listed]) == [listed]
    # Naming only some of the heading's words names nothing.
    assert parts.in_part(_request("What investment and growth is there?"),
                         [body, listed]) == [body, listed]


def test_the_finders_measures_are_followed_by_the_texts_answer_from_other_passages(
        assistant: Assistant) -> None:
    from dataclasses import replace

    from dealqa.types import Citation

    p, q = assistant.index.passages[3], assistant.index.passages[5]

    def cite(n: int, passage) -> Citation:
        return Citation(n, passage.passage_id, "Deal", passage.section_label, passage.text[:20],
                        passage.start, passage.start + 20, passage.doc_id, passage.text)

    found = Answer("q", "Measures:\n• A centre [1]", [cite(1, p)], False, ["withdrawn"], [])
    own = Answer("q", "The deal says this [1] and that [2].", [cite(1, q), cite(2, p)], False,
                 ["withdrawn", "subject to approval"], [])
    both = assistant._with_text(found, own)
    assert both.text.startswith(found.text)
    assert both.text.endswith("The deal says this [2] and that [3].")
    assert [c.n for c in both.citations] == [1, 2, 3]
    assert both.citations[1].passage_id == q.passage_id
    assert both.caveats == ["withdrawn", "subject to approval"]
    # The text answer quoting what the finder quotes first, or abstaining, adds nothing.
    same = replace(own, citations=[cite(1, p)])
    assert assistant._with_text(found, same) is found
    assert assistant._with_text(found, replace(own, abstained=True)) is found
    # ... but another sentence of the finder's passage is another answer.
    later = replace(cite(1, p), start=p.start + 30, end=p.start + 45, quote=p.text[30:45])
    assert assistant._with_text(found, replace(own, citations=[later])) is not found


@pytest.mark.parametrize("question, standalone, fact", [
    ("A vaccine maker ships most of its vaccines overseas from a plant in one particular "
     "city. How many jobs will the new facility in that city create?",
     "How many jobs will the new facility in Liverpool create?", "80"),
    ("A company announced a research centre employing up to 60 scientists. Where is that "
     "company's centre?", "Where is Zeta Pharma's centre?", "Leeds"),
])
def test_a_subject_the_premise_leaves_open_is_looked_up_first(
        assistant: Assistant, question: str, standalone: str, fact: str) -> None:
    a = assistant.ask(question)
    assert a.standalone_question == standalone and fact in a.text, (a.standalone_question, a.text)
    # The quote naming the subject, then the answer's, unless the first already says it: the
    # same sentence is never quoted twice.
    spans = [(c.start, c.end) for c in a.citations]
    assert spans and not any(s <= t and u <= v for i, (s, u) in enumerate(spans)
                             for (t, v) in spans[:i]), spans


def test_a_one_word_title_that_only_names_a_part_of_a_document_is_where_to_look(
        assistant: Assistant) -> None:
    # "Ideas" or "People" in a question is too often an ordinary word; "foreword" is not.
    parts = assistant.answerer.named_parts._parts
    assert "foreword" in parts and "people" not in parts
    a = assistant.ask("Going by the foreword, will the investment go only to some regions?")
    assert a.citations and a.citations[0].section == "Foreword", a.text
    # ... named in other words: an opening or introductory letter or note is the foreword
    for q in ("In their opening note, will the investment go only to some regions?",
              "Does the introductory letter say the investment goes only to some regions?"):
        a = assistant.ask(q)
        assert a.citations and a.citations[0].section == "Foreword", (q, a.text)
        # ... and what was retrieved starts there (the question says where its answer is)
        assert min(a.retrieved, key=lambda h: h.rank).passage.section[0] == "Foreword"
    # ... but not for another retriever (the eval baselines): its own ranking is compared
    from dealqa.types import Hit

    class NoForeword:  # a retriever whose ranking never reaches the foreword
        def run(self, query: str, k: int):
            hits = [h for h in assistant.retriever.run(query, k + 3)
                    if h.passage.section[0] != "Foreword"][:k]
            return [Hit(h.passage, h.score, r) for r, h in enumerate(hits, 1)]

    other = assistant.with_retriever(NoForeword(), name="no-foreword")
    a = other.ask("In their opening note, will the investment go only to some regions?")
    assert a.retrieved and all(h.passage.section[0] != "Foreword" for h in a.retrieved)
    # ... unless it is compared with another part: then both parts' units answer.
    from assistant.question import analyse_question
    from assistant.request import AnswerRequest

    def cands(q: str) -> list:
        req = AnswerRequest(q, q, analyse_question(q), assistant.retriever.run(q, 5),
                            assistant._query_vec(q))
        return assistant.answerer._candidates(req)[2]

    q = "The foreword and the summary: what do they say about research investment?"
    assert {c.passage.section[0] for c in cands(q)} > {"Foreword"}
    assert {c.passage.section[0] for c in cands(q.replace(" and the summary", ""))} == \
        {"Foreword"}


def test_a_group_named_by_count_is_asked_with_its_members_names(assistant: Assistant,
                                                               monkeypatch) -> None:
    """"How much do the two new centres get between them?": asked with the names the deal's
    introduction gives, which is cited first."""
    from assistant.compose import Span
    from assistant.named_groups import NamedGroup, NamedGroups
    from dealqa.types import AnswerType

    # The mini deal names its centres only in a list; the group stands on that list's lead-in.
    lead = next(p for p in assistant.index.passages if "£50m investment programme" in p.text)
    at = lead.start + lead.text.index("A £50m")
    group = NamedGroup(frozenset({"new", "centr"}), "centre",
                       ("Vaccines Centre", "Cell Therapy Centre"),
                       Span(lead, at, at + len("A £50m investment programme")))
    monkeypatch.setattr(assistant, "_groups", NamedGroups([group]))
    a = assistant.ask("How much do the two new centres get between them?")
    assert a.answer_type is AnswerType.AMOUNT and "£30m" in a.text, a.text
    assert a.text.startswith("A £50m investment programme [1]"), a.text
    assert a.citations[0].quote == "A £50m investment programme" and len(a.citations) == 3
    assert a.question == "How much do the two new centres get between them?"
    _quotes_are_verbatim(assistant, a)
    # A question naming no group is answered as any other.
    assert not assistant.ask("How much does the Vaccines Centre get?").text.startswith("A £50m")


def test_the_timeline_row_of_the_month_asked_answers_even_alone(assistant) -> None:
    # One row in October 2017; the best-matching sentence is dated otherwise.
    a = assistant.ask("Which milestone in the timeline falls in October 2017?")
    assert not a.abstained and "£5m funding announced for viral vectors" in a.text, a.text
    assert [c.quote.split("\t")[0] for c in a.citations] == ["Oct 2017"]
    _quotes_are_verbatim(assistant, a)


def test_a_followup_asking_for_more_is_not_answered_by_the_last_answer_again(assistant) -> None:
    history = [Turn("What is Acme Biologics investing in Liverpool?",
                    "Acme Biologics have committed to £12m investment in a new 'fill and finish' "
                    "facility in Liverpool, creating nearly 80 high-value jobs.")]
    a = assistant.ask("Is there anything else on the Acme Biologics facility investment in "
                      "Liverpool as well?", history)
    # (the restatement "... has just announced its £12m investment ..." says it again)
    assert not a.abstained and "£12m" not in a.text, a.text
    assert "90 per cent" in a.text, a.text


def test_asking_for_more_than_the_last_answer() -> None:
    from assistant.followup import asks_more

    assert asks_more("Is there anything aimed at investors from abroad as well?")
    assert asks_more("And what about founders?")
    assert asks_more("Which other companies?")
    assert not asks_more("Does it also say when?")  # more of the same thing
    assert not asks_more("What about it is new?")


def test_a_part_the_quotes_answer_in_the_deals_words_needs_no_more(assistant) -> None:
    # "bottling plant" is the deal's "fill and finish facility" (plain_words.tsv): the first
    # part's quote answers the second, which is not sent looking for another plant.
    a = assistant.ask("Which company is putting £12m into Liverpool, and what is the bottling "
                      "plant it is building there?")
    assert not a.abstained and "'fill and finish' facility" in a.text, a.text
    assert len(a.citations) == 1 and "90 per cent" not in a.text, a.text


def test_two_equal_sums_combined_are_each_quoted_and_added(assistant) -> None:
    a = assistant.ask("How much do the Vaccines Centre in Oxford and the collaborative R&D get "
                      "combined?")
    assert "Together: £20m + £20m = £40m." in a.text, a.text
    assert len(a.citations) == 2 and a.citations[0].quote != a.citations[1].quote


def test_a_month_asked_of_a_stated_year_is_answered_by_a_month_of_that_year(assistant) -> None:
    from assistant.question import analyse_question

    selector = assistant.answerer.selector
    month = analyse_question("In which month of 2017 did the strategy come out?")
    assert selector.needs(month)("Nov 2017\tStrategy published")
    # the year alone is what the question states, not its answer
    year = analyse_question("When in 2017 did the strategy come out?")
    assert not selector.needs(year)("The strategy came out in 2017.")


def test_a_town_asked_for_is_answered_by_a_town_not_any_capitalised_place(assistant) -> None:
    from assistant.question import analyse_question

    selector = assistant.answerer.selector
    town = analyse_question("In which town is the manufacturing centre?")
    assert not selector.needs(town)("Acme will be the first to move in to the Widget Centre")
    assert selector.needs(town)("Acme will move into the Widget Centre in Stevenage")
    # ... and a country is no town ("NHS England will lead the hubs")
    cities = analyse_question("In which cities will the regional hubs be located?")
    assert not selector.needs(cities)("NHS England and Acme will lead the delivery of the hubs")
    assert selector.needs(cities)("The hubs will be in Leeds and Glasgow")
    # "where" alone may be answered by a site ("at the Widget Centre")
    assert selector.needs(analyse_question("Where will Acme move?"))(
        "Acme will be the first to move in to the Widget Centre")


def test_a_name_asked_for_as_such_is_answered_by_a_new_name_whatever_the_kind_is_called(
        assistant) -> None:
    from assistant.question import analyse_question

    selector = assistant.answerer.selector
    text = "Acme has developed Care Advantage, a programme designed to meet the increasing " \
        "need for value-based solutions in hospitals. This approach offers tailored support."
    named = analyse_question("What's the name of the hospital offer Acme developed?")
    assert named.kind_noun == "offer"
    assert not selector._unnamed_kind(named, _one_unit(text))
    # a unit naming nothing new, the word only a verb, names none
    assert selector._unnamed_kind(named, _one_unit("Acme's approach offers tailored support."))


class _Blinkered:
    """The fixture's own ranking, except that a question with two parts never reaches the
    passage holding ``hidden`` (as the whole question's ranking may miss a part's chapter)."""

    def __init__(self, inner, hidden: str) -> None:
        self.inner, self.hidden = inner, hidden

    def run(self, query: str, k: int | None = None):
        hits = self.inner.run(query, k)
        if ", and " in query:
            hits = [h for h in hits if self.hidden not in h.passage.text]
        return hits


def test_a_part_the_questions_passages_miss_is_looked_up_on_its_own(assistant: Assistant) -> None:
    blinkered = assistant.with_retriever(_Blinkered(assistant.retriever, "60 scientists"))
    q = ("How much will the Vaccines Centre in Oxford get, "
         "and how many scientists will Zeta Pharma employ?")
    a = blinkered.ask(q)
    assert not a.abstained
    assert "£20m" in a.text and "60 scientists" in a.text
    _quotes_are_verbatim(blinkered, a)


def test_numbers_asked_about_are_found_wherever_the_deal_states_them(
        assistant: Assistant) -> None:
    a = assistant.ask("What do the numbers 300, 30 and 4,000 refer to in the deal?")
    assert not a.abstained
    assert "300 staff" in a.text and "30 countries" in a.text
    assert "does not state 4,000" in a.text
    _quotes_are_verbatim(assistant, a)


def test_the_largest_sum_anywhere_in_the_deal_is_looked_for_in_all_of_it(
        assistant: Assistant) -> None:
    a = assistant.ask("What is the single largest money figure anywhere in the deal?")
    assert not a.abstained and "£9.0bn" in a.text and "£12m" not in a.text
    a = assistant.ask("What are the biggest and the smallest sums the deal mentions?")
    assert "£9.0bn" in a.text and "£5m" in a.text
    _quotes_are_verbatim(assistant, a)


def test_a_first_part_naming_nothing_is_not_about_what_a_later_part_names(
        assistant: Assistant) -> None:
    # "Zeta Pharma" and "Leeds" are the second part's: the first asks about settlement
    a = assistant.ask("How long must scientists wait before they can apply for settlement, and "
                      "what is Zeta Pharma building in Leeds?")
    assert not a.abstained and "three years" in a.text and "$30m" in a.text
    # ... unless the later part refers back to the first ("beside it"): then they share a topic
    from assistant.compound import _asks_apart

    assert not _asks_apart("Which town is it in, and how much is Acme putting into a hub "
                           "beside it?", "Which town is it in", ("Acme",))


def test_events_put_in_date_order_are_each_looked_up_where_nothing_else_dates_them(
        tmp_path) -> None:
    from conftest import filler_sections, mini_index

    others = filler_sections("pharmacists", ("North", "South", "East", "West"))
    index, emb = mini_index(tmp_path, (
        "Mini Deal\n\nIdeas\n\nThe new nurse training contracts started in March 2016 across "
        "the region.\n\nPeople\n\nThe board agreed its hospital building plan in June 2017.\n\n"
        f"{others}Places\n\nThe rural clinic opened its doors in January 2015.\n"))
    plain = Assistant(index, emb, top_k=3)
    # the whole question's ranking never reaches the nurse contracts' passage
    blinkered = plain.with_retriever(_Blinkered(plain.retriever, "nurse"))
    a = blinkered.ask("Put these in date order: the hospital building plan, the start of the "
                      "nurse training contracts, and the rural clinic opening.")
    assert "January 2015, then March 2016, then June 2017" in a.text, a.text


def test_every_sum_of_a_currency_is_added_once(assistant: Assistant) -> None:
    import numpy as np

    from assistant.named_anywhere import currency_mentions
    from assistant.question import analyse_question
    from assistant.request import AnswerRequest
    from dealqa.types import Passage, Unit, UnitKind

    texts = ["Borealis will build a $5m Zygohub in Speke.", "Gamma raised $5m in 2017.",
             "Borealis will invest over $5m in a Zygohub, a cold store in Speke.",
             "Delta agreed a project valued at up to $10m."]
    # (one document: each passage at its own offset)
    passages = [Passage(f"doc#s/{n:03d}", "doc", t, ("Ideas",), 100 * n, 100 * n + len(t),
                        (Unit(UnitKind.SENTENCE, 100 * n, 100 * n + len(t)),))
                for n, t in enumerate(texts)]
    q = "Add up every US-dollar figure: what do they total?"
    req = AnswerRequest(q, q, analyse_question(q), (), np.zeros(3, dtype=np.float32))
    found = list(currency_mentions(passages, "$", frozenset()))
    draft = assistant.answerer._sums_added(req, [], found)
    # the Zygohub's sum, restated, counts once; Gamma's equal sum is another
    assert "$5m + $5m + up to $10m" in draft.text and len(draft.citations) == 3, draft.text
    assert assistant.answerer._sums_added(req, [], found[:1]) is None


def test_the_longest_gap_in_the_timetable_is_its_two_dates_rows(assistant: Assistant) -> None:
    a = assistant.ask("What is the longest stretch between two consecutive milestones in the "
                      "timetable?")
    # Aug 2017, Oct 2017, Jan 2018: October to January
    assert "longest gap" in a.text and "3 months" in a.text, a.text
    assert [c.quote.split("\t")[0][:8] for c in a.citations] == ["Oct 2017", "Jan 2018"], a.text


def test_a_worked_result_the_deal_states_elsewhere_is_quoted_too(assistant: Assistant,
                                                                monkeypatch) -> None:
    import numpy as np

    from assistant.arithmetic import Operation, figures_in
    from assistant.question import analyse_question
    from assistant.request import AnswerRequest
    from assistant.scoring import Candidate
    from dealqa.types import Passage, Unit, UnitKind

    texts = ["Acme gets £50m for a plant.", "Zeta gets £20m for a hub.",
             "A retraining scheme begins with £30m for skills."]
    passages = [Passage(f"doc#s/{n:03d}", "doc", t, ("Ideas",), 100 * n, 100 * n + len(t),
                        (Unit(UnitKind.SENTENCE, 100 * n, 100 * n + len(t)),))
                for n, t in enumerate(texts)]
    monkeypatch.setattr(assistant.answerer, "_passages", passages)
    c1, c2 = (Candidate.of_unit(p, 0) for p in passages[:2])
    pair = ((c1, figures_in(c1.text)[0]), (c2, figures_in(c2.text)[0]))
    q = "By how much does Acme's sum exceed Zeta's, and which other figure equals that gap?"
    req = AnswerRequest(q, q, analyse_question(q), (), np.zeros(3, dtype=np.float32))
    draft = assistant.answerer._worked(req, [], pair, Operation.DIFFERENCE)
    assert "£50m − £20m = £30m" in draft.text and "retraining scheme" in draft.text, draft.text
    assert [c.n for c in draft.citations] == [1, 2, 3]
    # not asked which figure equals it: the working alone
    q = "By how much does Acme's sum exceed Zeta's?"
    req = AnswerRequest(q, q, analyse_question(q), (), np.zeros(3, dtype=np.float32))
    draft = assistant.answerer._worked(req, [], pair, Operation.DIFFERENCE)
    assert "retraining" not in draft.text and len(draft.citations) == 2


def test_a_count_of_new_jobs_said_twice_of_one_thing_is_listed_once(
        assistant: Assistant) -> None:
    from assistant.named_anywhere import job_mentions
    from dealqa.types import Passage, Unit, UnitKind

    texts = ["Zygotech's new centre is anticipated to create 150 new research roles.",
             "This will lead to 150 new research roles at the Zygotech site.",
             "Gamma is creating 150 new jobs in Leeds."]
    passages = [Passage(f"doc#s/{n:03d}", "doc", t, ("Ideas",), 100 * n, 100 * n + len(t),
                        (Unit(UnitKind.SENTENCE, 100 * n, 100 * n + len(t)),))
                for n, t in enumerate(texts)]
    kept = assistant.answerer._once(job_mentions(passages, frozenset()))
    # (Gamma's equal count is another company's)
    assert [c.passage.passage_id for c, _, _ in kept] == ["doc#s/000", "doc#s/002"]


def test_a_choice_among_sums_by_the_condition_the_deal_attaches(assistant: Assistant) -> None:
    from dealqa.types import Turn

    a = assistant.ask("Which of these sums carries a Treasury approval caveat: the £50m or "
                      "the £5m?")
    assert "£50m" in a.citations[0].quote and "£5m" not in a.text, a.text
    assert "Subject to business case approval by HM Treasury" in a.text
    # ... the sums given by the last answer
    a = assistant.ask("Which of those two sums carries a Treasury approval caveat?",
                      [Turn("Which sums go to manufacturing?", "The £50m and a further £5m.")])
    assert "£50m" in a.citations[0].quote and "£5m" not in a.text, a.text


def test_a_measure_the_finder_gives_carries_its_registered_conditions(
        assistant: Assistant, monkeypatch) -> None:
    from types import SimpleNamespace

    from assistant.register_notes import RegisterNotes

    finder = _finder_matching_only(["sector", "need"], assistant)
    cit = finder.run("").matches[0].citations[0]
    ref = SimpleNamespace(passage_id=cit.passage_id, start=cit.start, end=cit.end)
    # (a register record ties a condition to a figure the finder's quote gives)
    record = SimpleNamespace(id="c1", raw=cit.quote.split()[0], purpose="the measure", citations=[ref],
                             conditions=["Subject to business case approval by HM Treasury"])
    monkeypatch.setattr(assistant, "_notes", RegisterNotes(SimpleNamespace(commitments=[record])))
    monkeypatch.setattr(assistant, "_ask_text", lambda question, history=(): SimpleNamespace(
        abstained=True, citations=[]))
    assistant.finder = finder
    try:
        a = assistant.ask("We're a vaccine maker - is there a centre in Oxford we could use?")
        assert "fits this profile" in a.text
        assert a.text.endswith("(Subject to business case approval by HM Treasury)")
        assert any("subject to business case approval" in c for c in a.caveats)
    finally:
        assistant.finder = None
