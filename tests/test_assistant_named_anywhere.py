"""Every name of a kind the whole deal gives: "Which hospitals are named anywhere?"."""

from __future__ import annotations

import pytest

from assistant.named_anywhere import (_name_of_kind, asked_anywhere, asked_currency,
                                      asked_mentions, asked_sources, asked_sum_mentions,
                                      currency_mentions, mentions_of, names_beside_kind,
                                      names_of_kind, source_entries, sum_mentions)
from assistant.question import analyse_question
from dealqa.types import Passage, Unit, UnitKind


@pytest.mark.parametrize(("question", "kind"), [
    ("Which hospitals are named anywhere in the deal?", "hospital"),
    ("List all the universities named in the deal.", "university"),
    ("Which councils does the deal mention?", "council"),
    ("List every hospital the deal names.", "hospital"),
    # something more specific, or a kind whose names need not carry its word
    ("Which hospitals will recruit patients for the trial?", None),
    ("Which companies are named anywhere in the deal?", None),
    # a kind named beside its word ("the charities Anthony Nolan and Leuka")
    ("Name all the charities that appear anywhere in the deal.", "charity"),
    # asked of the whole deal in so many words, whatever else it says
    ("Across the deal, which charities are named as funders of research?", "charity"),
    ("Which charities fund research into transplants?", None),
    # whatever role the names have
    ("Name every charity the deal mentions, in whatever role.", "charity"),
    ("Which hospitals does the deal name, in any capacity?", "hospital"),
])
def test_the_whole_deal_asked_for_a_kind_whose_names_carry_its_word(question, kind) -> None:
    assert asked_anywhere(analyse_question(question)) == kind


@pytest.mark.parametrize(("run", "kind", "name"), [
    ("Papworth Hospital", "hospital", "Papworth Hospital"),
    ("Guy's Hospital", "hospital", "Guy's Hospital"),
    ("Glasgow's Queen Elizabeth University Hospital", "hospital",
     "Queen Elizabeth University Hospital"),
    ("The University of Oxford's Clinical Trial Service", "university", "University of Oxford"),
    ("Queen Elizabeth University Hospital", "university", None),  # a hospital
    ("University", "university", None),
])
def test_a_name_is_headed_by_its_kinds_word(run, kind, name) -> None:
    assert _name_of_kind(run, kind) == name


def _sentences(texts: list[str], references: int | None = None) -> list[Passage]:
    """One passage of one sentence per text; the one at ``references`` in the References."""
    return [Passage(f"doc#s/{i:03d}", "doc", t,
                    ("References",) if i == references else ("Ideas",), 0, len(t),
                    (Unit(UnitKind.SENTENCE, 0, len(t)),)) for i, t in enumerate(texts)]


def test_each_name_is_found_once_where_the_deal_first_gives_it_outside_the_references() -> None:
    texts = ["A campus beside Papworth Hospital and the University of Exeter.",
             "Papworth Hospital again, and Exeter City Hospital.",
             "1. Borealis Hospital (2017), a report."]
    passages = _sentences(texts, references=2)
    found = [(p.passage_id, n) for p, _, n in names_of_kind(passages, "hospital",
                                                            frozenset({"references"}))]
    assert found == [("doc#s/000", "Papworth Hospital"), ("doc#s/001", "Exeter City Hospital")]


@pytest.mark.parametrize(("question", "asked"), [
    ("Which publications does the deal cite in its references?", True),
    ("List the references.", True),
    ("Which reports does the deal cite on skills?", False),  # a topic: the answerer's
    ("Which companies does the deal name?", False),
])
def test_all_the_sources_the_deal_cites_are_asked_for(question: str, asked: bool) -> None:
    assert asked_sources(analyse_question(question)) is asked


def test_each_source_is_listed_once_without_its_web_address_or_the_other_notes() -> None:
    lines = ["1. Known as Zeta Corp in the US", "2. Borealis Office (2017), Growth Paper, "
             "https://example.org/x", "3. Subject to approval", "4. Borealis Office (2017), "
             "Growth Paper, https://example.org/x", "5. Gamma Reviews (2016 and 2017) <https://g>"]
    text, units = "", []
    for line in lines:
        units.append(Unit(UnitKind.BULLET, len(text), len(text) + len(line)))
        text += line + "\n"
    p = Passage("doc#references/001", "doc", text, ("References",), 0, len(text), tuple(units))
    found = [t for _, _, t in source_entries([p], frozenset({"references"}))]
    assert found == ["Borealis Office (2017), Growth Paper", "Gamma Reviews (2016 and 2017)"]


@pytest.mark.parametrize(("question", "name"), [
    ("Zeta Labs is named in connection with two different AI efforts. Which two?", "Zeta Labs"),
    ("Johnson & Johnson turns up several times - which of its businesses are in it?",
     "Johnson & Johnson"),
    ("Where does the deal mention Zeta Labs?", "Zeta Labs"),
    ("Which AI efforts does Zeta Labs work on?", None),  # one fact, not every mention
    ("Which commitments mention Stevenage, and what is each?", "Stevenage"),
    ("Which projects in the deal involve Zeta Labs?", "Zeta Labs"),
    ("Which Cambridge-based items appear in the deal?", "Cambridge"),
    ("For a stakeholder map, list the commitments in the deal that involve Zeta Labs.",
     "Zeta Labs"),
    ("Which items are for small businesses?", None),
    ("Zeta Labs comes up in two different contexts in the deal. What are they?", "Zeta Labs"),
    ("Zeta Labs appears more than once - where?", "Zeta Labs"),
    ("Zeta Labs shows up twice in the deal. In what two roles?", "Zeta Labs"),
    ("Zeta Labs turns up in two different roles in the deal. What are they?", "Zeta Labs"),
    ("Zeta Labs appears to lead the work. What does it do?", None),
    ("List the different ways Zeta Labs features in the deal.", "Zeta Labs"),
    ("In what capacities does the Skills Partnership appear in the skills plans?",
     "Skills Partnership"),
    ("Pulling the threads together, what jobs does NHS England take on across the deal?",
     "NHS England"),
    ("What jobs does NHS England create in Leeds?", None),  # one fact, not every mention
    ("In what ways can Zeta Labs help?", None),
    ("What part does NHS Improvement play in the deal?", "NHS Improvement"),
])
def test_every_mention_of_one_name_is_asked_for(question, name) -> None:
    assert asked_mentions(analyse_question(question)) == name


@pytest.mark.parametrize(("question", "figure"), [
    ("Two separate projects in the deal are each put at £40m. What are they?", "£40m"),
    ("Which two things get £12m each?", "£12m"),
    ("Two different commitments carry the same £500m figure. What are they?", "£500m"),
    # a sum both come out of is not each one's
    ("Name the two new centres paid for out of the £146m programme.", None),
    ("Which project gets £40m?", None),  # one thing asked for: retrieval finds it
    # a sum attached to, or cropping up in, several places
    ("A $100m figure is attached to two different companies. Which companies, and what does "
     "the sum mean in each case?", "$100m"),
    ("The figure £1bn crops up in two different places. What does each one refer to?", "£1bn"),
    # "two separate £40m investments": a count of things the sum is each one's
    ("The deal cites two separate £40m investments. What are they and where?", "£40m"),
])
def test_one_sum_stated_for_several_things_asks_for_each(question, figure) -> None:
    assert asked_sum_mentions(question) == figure


def test_each_holder_of_a_sum_is_found_with_its_name() -> None:
    texts = ["Firms are investing: Acme, a vaccine maker, has announced its £40m plant.",
             "Zeta, a £40 million centre run by a university, will grow start-ups.",
             "Gamma has received a $40m investment.",
             "Acme, a vaccine maker, has announced its £40m plant in Leeds."]
    passages = _sentences(texts)
    found = [(p.passage_id, written, holder)
             for p, _, written, holder in sum_mentions(passages, "£40m", frozenset())]
    # dollars are another sum; the fourth restates the first
    assert found == [("doc#s/000", "£40m", "Acme"), ("doc#s/001", "£40 million", "Zeta")]


@pytest.mark.parametrize(("question", "sign"), [
    ("Which figures in the deal are given in US dollars rather than pounds?", "$"),
    ("List the sums stated in euros.", "€"),
    ("How many dollars did Acme raise?", None),  # one figure, not every sum in dollars
    # every sum of a currency, by its name
    ("Add up every US-dollar figure the deal quotes: what do they total?", "$"),
    ("What do all the euro sums come to?", "€"),
    ("What does the dollar figure for Acme come to?", None),
])
def test_every_sum_in_one_currency_is_asked_for(question, sign) -> None:
    assert asked_currency(question) == sign


def test_every_sum_in_a_currency_is_found_once() -> None:
    texts = ["Acme has a more than $100m contract for a trial.",
             "Gamma raised £40m.",
             "Acme has a more than $100m contract for a trial. Acme also agreed a project "
             "valued at up to $10m.",
             "Zeta received a $40m investment."]
    passages = _sentences(texts)
    found = [(p.passage_id, written) for p, _, written, _ in
             currency_mentions(passages, "$", frozenset())]
    # the third restates the first, but adds a sum of its own
    assert found == [("doc#s/000", "$100m"), ("doc#s/002", "$10m"), ("doc#s/003", "$40m")]


def test_each_mention_is_found_once_outside_the_references() -> None:
    texts = ["Zeta Labs and Acme are developing digital pathology platforms with the NHS.",
             "In radiology, players such as Gamma and Zeta Labs see an opportunity.",
             "Acme and Zeta Labs are developing digital pathology platforms, with the NHS.",
             "1. Zeta Labs (2017), a report."]
    passages = _sentences(texts, references=3)
    found = [p.passage_id for p, _, _ in mentions_of(passages, "Zeta Labs",
                                                     frozenset({"references"}))]
    assert found == ["doc#s/000", "doc#s/001"]  # the third restates the first


def test_names_beside_their_kinds_word_are_found_once() -> None:
    texts = ["Working with industry, charities, the NHS and universities, we will invest.",
             "Leading health charities (including Zeta Trust and Acme Fund) are coming together.",
             "Funded by the charities Gamma Aid and Delta, the network runs trials.",
             "Leading charities, such as Zeta Trust, are also acting."]
    passages = _sentences(texts)
    found = [(p.passage_id, n) for p, _, n in names_beside_kind(passages, "charity",
                                                                frozenset({"references"}))]
    # not "the NHS", a sibling in a list; "Zeta Trust" once
    assert found == [("doc#s/001", "Zeta Trust"), ("doc#s/002", "Gamma Aid")]


def test_every_count_of_new_jobs_is_found_once() -> None:
    from assistant.named_anywhere import asked_job_figures, job_mentions

    assert asked_job_figures("List the new-jobs figures the deal gives for company investments.")
    assert asked_job_figures("What numbers of new jobs does the deal give?")
    assert not asked_job_figures("How many jobs will Acme create?")  # one count
    assert not asked_job_figures("What jobs figure does the deal give for the Acme centre?")
    assert not asked_job_figures("Is Acme's 150 jobs figure a firm commitment?")
    texts = ["Acme is creating nearly 100 high-value jobs, in addition to the 600 staff there.",
             "Zeta will open a lab with 150 new research roles.",
             "Acme is creating nearly 100 high-value jobs, in addition to the 600 staff there "
             "already.",
             "Gamma employs 2,000 staff."]
    found = [(p.passage_id, written) for p, _, written, _ in
             job_mentions(_sentences(texts), frozenset())]
    # a restatement once; a headcount is no new job
    assert found == [("doc#s/000", "nearly 100 high-value jobs"),
                     ("doc#s/001", "150 new research roles")]


def test_the_part_a_body_plays_is_answered_by_its_one_mention_too() -> None:
    from assistant.named_anywhere import asks_part_played

    assert asks_part_played("What part does NHS Improvement play in the deal?")
    assert asks_part_played("What role will the Zeta Council have?")
    assert not asks_part_played("What part of the deal covers skills?")
