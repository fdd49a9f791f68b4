"""Unit tests for the assistant's pure parts: question analysis, evidence, spans, follow-ups."""

from __future__ import annotations

import pytest

from assistant.evidence import has_count_of, has_date, has_money, has_number, has_place, satisfies
from assistant.followup import is_followup, resolve_followup
from assistant.question import analyse_question
from assistant.question_parts import split_parts
from assistant.spans import best_window, clause_bounds, strip_bullet, widen
from assistant.templates import load_templates
from dealqa.types import AnswerType, Turn
from retrieval.text import tokenize


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How much is going to the vaccines centre?", AnswerType.AMOUNT),
        ("And what's its slice of the £146m?", AnswerType.AMOUNT),
        # whether and how a limit changes, not a figure
        ("Does the deal change how much we can raise each year?", AnswerType.DESCRIPTION),
        ("Does the deal say how much the hub costs?", AnswerType.AMOUNT),
        ("What is its slice of the market?", AnswerType.DESCRIPTION),  # no sum to share
        # what someone spends or raises is a sum
        ("What does Acme spend each year on UK research, according to the deal?",
         AnswerType.AMOUNT),
        ("What did Acme raise in 2017?", AnswerType.AMOUNT),
        ("What will the programme raise standards in?", AnswerType.DESCRIPTION),
        ("How many jobs will the Liverpool plant create?", AnswerType.AMOUNT),
        ("When does the higher R&D credit take effect?", AnswerType.DATE),
        ("Who chairs the Accelerated Access Collaborative?", AnswerType.ENTITY),
        # whom a measure serves: a class of beneficiaries, described, not a name
        ("Who is the digital health catalyst meant for?", AnswerType.DESCRIPTION),
        ("Who can apply to the fund?", AnswerType.DESCRIPTION),
        ("Who benefits from the new scheme?", AnswerType.DESCRIPTION),
        ("Who is the scheme run for?", AnswerType.DESCRIPTION),
        ("Who will run the scheme?", AnswerType.ENTITY),
        # a stated figure's source: the unit stating it, with its footnote's entry
        ("The 20,000 figure is footnoted. Who produced the source, and when?",
         AnswerType.DESCRIPTION),
        ("Which years' annual reviews are cited as the source?", AnswerType.DATE),
        # a field, not a floor area or a place within one
        ("What area of health links the two projects in Sheffield and Oxford?",
         AnswerType.DESCRIPTION),
        ("What area of Greater Manchester will the campus serve?", AnswerType.PLACE),
        ("What area will the CryoHub cover?", AnswerType.AMOUNT),
        # lists asked for without "list"
        ("Set out the four commitments for implementing the review.", AnswerType.LIST),
        ("Name the two strands of the programme.", AnswerType.LIST),
        ("Name the subject areas the industry is writing standards in.", AnswerType.LIST),
        ("Name the companies investing in Oxford.", AnswerType.ENTITY),
        ("Name the two companies moving in first.", AnswerType.ENTITY),
        ("What is the combined ceiling of the two programmes' money?", AnswerType.AMOUNT),
        # a date named by what it dates
        ("What opening year is set for the vaccines centre?", AnswerType.DATE),
        ("Which completion date does the plan give?", AnswerType.DATE),
        ("Which companies will move into the Stevenage centre?", AnswerType.ENTITY),
        ("Where will the fill and finish facility be?", AnswerType.PLACE),
        # every thing of a kind, by name; but places are places
        ("Name every company the deal says is in talks about imaging.", AnswerType.ENTITY),
        ("Name every Scottish and Welsh place the deal mentions.", AnswerType.DESCRIPTION),
        # places asked for in the plural
        ("In which countries will the charities pilot the new guidelines?", AnswerType.PLACE),
        ("What cities will host the treatment centres?", AnswerType.PLACE),
        # a route to support, not a place
        ("Where can we get help with getting our device adopted?", AnswerType.DESCRIPTION),
        # in which fields, not places; but where a thing must be based is a place
        ("So where does the firm need extra capacity?", AnswerType.DESCRIPTION),
        ("Where are the industry's skills gaps?", AnswerType.DESCRIPTION),
        ("Where does the new centre need to be based?", AnswerType.PLACE),
        # a route, not a place: answered as any question, not with "the deal does not say where"
        ("I have no idea where to start with getting my device adopted. Who can help?",
         AnswerType.ENTITY),
        ("What does the £146m programme include?", AnswerType.LIST),
        ("We're a medtech SME in Leeds. What applies to us?", AnswerType.LIST),
        ("Why does the deal back genomics?", AnswerType.DESCRIPTION),
        ("Which flu jab maker is opening a plant in Liverpool?", AnswerType.ENTITY),
        ("Which big drugmaker is both sequencing genomes and working with Genomics England?",
         AnswerType.ENTITY),
        ("Which Oxford spin-out raised the most?", AnswerType.ENTITY),
        ("And what will it cost?", AnswerType.AMOUNT),
        ("What do the fund's two programmes add up to?", AnswerType.AMOUNT),
        ("What will the challenge fund pay for?", AnswerType.LIST),
        # a name asked for: the support must give one ("a new cholesterol-lowering drug" doesn't)
        ("What is the name of the drug being tested in the Oxford trial?", AnswerType.ENTITY),
        ("What will Acme's new UK company be called?", AnswerType.ENTITY),
        ("What is that company called in the US?", AnswerType.ENTITY),
        ("What did the strategy call for?", AnswerType.DESCRIPTION),
        # a count of things asks for each of them; of companies, for their names
        ("In the plan, what three steps are listed for unlocking the capital?", AnswerType.LIST),
        ("Which 2 centres will open?", AnswerType.LIST),
        ("Which two companies will move in first?", AnswerType.ENTITY),
        # a point or a length of time, however asked
        ("Which years' annual reviews does the deal cite?", AnswerType.DATE),
        ("What will total public investment in R&D be in 2019/20?", AnswerType.AMOUNT),
        ("What is the headcount at the Oxford site?", AnswerType.AMOUNT),
        ("What's today's count of apprentices, against the target?", AnswerType.AMOUNT),
        ("What salaries will the new jobs pay?", AnswerType.AMOUNT),
        ("What's the largest single award a firm can win from the fund?", AnswerType.AMOUNT),
        ("What minimum pay will apprentices receive?", AnswerType.AMOUNT),
        ("In which financial year will R&D spending reach £12.5bn?", AnswerType.DATE),
        ("What's the deadline for naming the board's members?", AnswerType.DATE),
        ("What's the closing date for the viral vectors competition?", AnswerType.DATE),
        ("What is the timetable for moving the schemes to NHS England?", AnswerType.DATE),
        # a "when" clause setting a condition is not the question
        ("When data is used for research, will it identify patients?", AnswerType.DESCRIPTION),
        ("When data is used for research, in what form will it be used?", AnswerType.DESCRIPTION),
        ("When will the board meet, and who chairs it?", AnswerType.DATE),
        # a fee or a charge is a price
        ("What annual management fee will the new fund charge?", AnswerType.AMOUNT),
        ("What will researchers be charged to use the data service?", AnswerType.AMOUNT),
        ("what is the timeline for the vaccines centre", AnswerType.DATE),
        # a plural after a clause that sets the scene asks for a list; "which organisations"
        # still asks for names, and "what kinds of ..." for a description
        ("Apart from the first one, what business environment measures does it headline?",
         AnswerType.LIST),
        ("Under the Ideas foundation, which key policies are listed?", AnswerType.LIST),
        ("Under the governance arrangements, which existing organisations keep delivery?",
         AnswerType.ENTITY),
        ("What kinds of organisations make up the collaboration?", AnswerType.DESCRIPTION),
        # ... but a timeline named as the place of a figure does not ask for a date
        ("The implementation timeline lists up to £210m. Is that money cleared?",
         AnswerType.DESCRIPTION),
        # "where possible" asks for no place; "which day" asks a date
        ("What kind of data should be used where possible?", AnswerType.DESCRIPTION),
        ("Where possible, which site will the data be held at?", AnswerType.PLACE),
        ("On which day does the rate go up?", AnswerType.DATE),
        # "Name them": the things the statement before counts, listed
        ("The spend covers three types of research unit. Name them.", AnswerType.LIST),
        # ... as are things of a kind no organisation's name says ("Name the two strands")
        ("Name the research units the spend covers.", AnswerType.LIST),
        ("Name the specific NHS hospitals chosen to host the centres.", AnswerType.ENTITY),
        # a question reported: "wants to know when"
        ("A grant winner wants to know when funded work starts. What does the deal say?",
         AnswerType.DATE),
        # a cost whatever the name holds ("100,000"); a sum asked "in pounds"
        ("What did the 100,000 Genomes Project cost in total?", AnswerType.AMOUNT),
        ("What is Cobra Biologics investing in new capacity, in pounds?", AnswerType.AMOUNT),
        ("What do the Oxford research centre and the new Cambridge research facility cost when "
         "you put them together?", AnswerType.AMOUNT),
        # circumstances, ways and reasons are described, not named
        ("In which circumstances should anonymised data be used?", AnswerType.DESCRIPTION),
        ("In which ways will the hubs support research?", AnswerType.DESCRIPTION),
        ("Which hospitals will host the centres?", AnswerType.ENTITY),
        # "where" after a noun starts a relative clause; ending the question, it asks
        ("Is there a plan for a safe online space where researchers can log in?",
         AnswerType.DESCRIPTION),
        ("The company has its UK headquarters where?", AnswerType.PLACE),
        ("After Cambridgeshire, where does the partnership go next?", AnswerType.PLACE),
        ("Which northern English city gets the new plant?", AnswerType.PLACE),
        # "the founding year", "the publication date" ask a date
        ("What were the founding year and current membership of the alliance?", AnswerType.DATE),
        ("What is the publication date of the report?", AnswerType.DATE),
        ("What is the expected completion year for the Acme Expressway?", AnswerType.DATE),
        ("What is the year-on-year growth?", AnswerType.DESCRIPTION),
        # things counted under a quoted heading are listed
        ("Name the three 'Ideas' policies on the summary page.", AnswerType.LIST),
        # where money comes from is who gives it; where it goes is a place
        ("And where does its funding come from?", AnswerType.ENTITY),
        ("Where will evidence on skills supply and demand come from?", AnswerType.ENTITY),
        ("Where is its headquarters that the staff will come from?", AnswerType.PLACE),
        ("Where's the cash coming from for the scans programme?", AnswerType.ENTITY),
        ("Where's the new centre?", AnswerType.PLACE),
        ("Where will the money be spent?", AnswerType.PLACE),
        ("Which defence research outfit is the programme modelled on?", AnswerType.ENTITY),
        # a figure asked for by what it will be
        ("What will the trials network's annual budget be?", AnswerType.AMOUNT),
        ("What will the funding be used for?", AnswerType.LIST),
        # all that a heading heads
        ("On the summary page, what sits under the Infrastructure heading?", AnswerType.LIST),
        ("What sits under the new roof?", AnswerType.DESCRIPTION),
    ],
)
def test_answer_type(question: str, kind: AnswerType) -> None:
    assert analyse_question(question).answer_type is kind


def test_the_thing_a_name_is_asked_for() -> None:
    from assistant.kinds import named_thing

    assert named_thing("What is the name of the cholesterol-lowering drug being tested in "
                       "The Medicines Company's trial?") == "drug"
    assert named_thing("What is the name of the programme Johnson & Johnson uses?") == "programme"
    assert named_thing("What will Apple Tree Partners' new UK company be called?") == "company"
    assert named_thing("Which company is building in Liverpool?") is None
    # "Name the X that ...": the one before the relative, singular or plural
    assert named_thing("Name the funder that appears both as Acme's investor and among the "
                       "charities behind HARP.") == "funder"
    assert named_thing("Name the hospitals which will host the centres.") == "hospitals"
    assert named_thing("Name the specific NHS hospitals chosen to host them.") == "hospitals"


def test_an_ask_naming_its_own_subject_leaves_the_premises_names() -> None:
    a = analyse_question("Oxford BioMedica's platform uses a viral vector. How much Challenge "
                         "Fund money goes to viral vectors?")
    assert a.names == ("Challenge Fund",)
    # ... but not when it refers back, or names nothing itself
    assert any("BioMedica" in n for n in analyse_question(
        "Oxford BioMedica has a platform. How much Challenge Fund money does it get?").names)
    assert "AstraZeneca" in analyse_question(
        "Two AstraZeneca numbers were mixed up. Which figure is which?").names


def test_funders_are_named_by_proper_names() -> None:
    from assistant.kinds import unnamed_kind

    for q in ("Which funders are backing the network?", "Name the sponsor that pays for it."):
        a = analyse_question(q)
        assert a.kind_noun and not unnamed_kind(a.kind_noun, q), (q, a.kind_noun)
    assert analyse_question("What is the name of the fund?").kind_noun == "fund"


def test_a_question_about_a_change_also_wants_its_size() -> None:
    a = analyse_question("What improvements in theatre use is the agreement aiming for?")
    assert a.answer_type is AnswerType.DESCRIPTION and a.also == (AnswerType.AMOUNT,)
    assert analyse_question("What savings will the NHS see?").also == (AnswerType.AMOUNT,)
    assert analyse_question("What will the agreement improve?").also == ()


def test_count_noun_and_money() -> None:
    a = analyse_question("How many new jobs will Seqirus create?")
    assert a.count_noun == "job" and not a.wants_money
    assert analyse_question("How much funding goes to viral vectors?").wants_money
    assert "Seqirus" in a.names
    # "Add A's new research roles to B's scientists. What's the total?": roles, added up
    added = analyse_question("Add Acme's new research roles in London to the scientists Zeta "
                             "will employ in Oxford. What's the total?")
    assert added.count_noun == "role" and added.answer_type is AnswerType.AMOUNT
    # ... but money added up for named things counts nothing ("... Centre" is no count)
    assert analyse_question("Add up the money for the Acme expansion, the Vaccines Centre and "
                            "the Manufacturing Centre.").count_noun is None
    # "how many square feet" asks a measure, not a count of squares
    area = analyse_question("How many square feet will the new store have?")
    assert area.count_noun is None and area.wants_size
    land = analyse_question("How many hectares does the Borealis Science Park cover?")
    assert land.count_noun is None and land.wants_size
    # posts are jobs: "how many posts" is answered by "creating 43 new jobs"
    posts = analyse_question("How many posts will BioClavis create?")
    assert posts.count_noun == "post"
    assert satisfies("creating 43 new jobs", AnswerType.AMOUNT, count_nouns=("post", "job"))
    from assistant.count_nouns import COUNT_NOUN_SYNONYMS
    assert "job" in COUNT_NOUN_SYNONYMS["post"]
    # ... and counted in full-time equivalents
    assert satisfies("release around 9 nurse FTEs per group", AnswerType.AMOUNT,
                     count_nouns=COUNT_NOUN_SYNONYMS["post"])
    # a headcount of things counts them
    assert analyse_question("The foreword names partners. What headcount of firms does it "
                            "give?").count_noun == "firm"


def test_evidence_detectors() -> None:
    assert has_money("a more than $100m contract") and has_money("2.4 per cent of GDP")
    assert not has_money("nearly 100 high-value jobs")
    assert has_count_of("creating nearly 100 high-value jobs", ("job",))
    assert not has_count_of("a £40m investment creating jobs", ("job",))
    assert not has_count_of("HM Treasury (2017), Financing Growth in Innovative Firms", ("firm",))
    # "N of which" counts the things before it, unless it says what they are
    assert not has_count_of("22 centres, 10 of which receive research nurse funding", ("nurse",))
    assert has_count_of("200 staff, 10 of whom are nurses", ("nurse",))
    # ... a count of those things, once the question has set their total aside
    assert has_count_of("regional centres, 10 of which receive research nurse funding",
                        ("centre",))
    # sizes in words: "increase by a third", "in eighteen months' time"
    assert has_number("support will increase by a third") and has_number("doubling the limit")
    assert has_date("fully operational in eighteen months' time")
    assert not has_number("on behalf of the sector")
    assert not analyse_question("By how much will support for R&D grow?").wants_money
    assert has_date("with effect from 1 January 2018") and has_date("Jan 2018")
    assert not has_date("a new facility creating jobs")
    # a stage of the deal to come answers "when?" as the deal can
    assert has_date("will be laid out in future phases of the deal")
    assert has_date("the next phase of the Sector Deal will be an opportunity")
    assert not has_date("phase one of the deal was announced")
    assert has_place("a new facility in Liverpool") and not has_place("a new facility")
    assert not satisfies("we will support firms", AnswerType.AMOUNT, wants_money=True)


def test_clause_window_keeps_needed_fact_and_is_verbatim() -> None:
    text = ("The government has committed a great deal to infrastructure across many regions, "
            "with partners in industry and academia, and it will fund £12m for a new centre in "
            "Oxford; further support will follow in later phases of the deal, subject to review.")
    s, e = best_window(text, lambda span: float("centre" in span), has_money, max_chars=90)
    assert "£12m" in text[s:e] and e - s <= 90
    bounds = clause_bounds(text)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)


def test_a_window_missing_the_question_gives_way_to_the_long_clause_that_holds_it() -> None:
    text = ("To build on this, organisations including Zeta and Borealis will work with the "
            "government to sequence the genomes of half a million volunteers in the national "
            "study, building on the NHS contribution.")
    named = lambda span: float("Zeta" in span)  # noqa: E731
    s, e = best_window(text, named, lambda _: True, max_chars=60)
    assert text[s:e].startswith("organisations including Zeta") and e - s > 60
    # ... but only a clause that also holds what the answer needs.
    s, e = best_window(text, named, lambda span: "build" in span, max_chars=60)
    assert "Zeta" not in text[s:e]


def test_a_window_grows_by_the_clauses_around_it_and_keeps_its_own() -> None:
    text = "Alpha 1 one, beta two, gamma three again, delta four."  # 0-12, 13-22, 23-41, 42-53
    assert widen(text, 13, 22, 8) == (13, 22)  # nothing more fits
    assert widen(text, 13, 22, 28) == (13, 41)  # the clause after first ...
    assert widen(text, 13, 22, 22) == (0, 22)  # ... the one before where only it fits
    assert widen(text, 13, 22, 41) == (0, 41)  # ... then both
    assert widen(text, 13, 22, 100) == (0, len(text))
    for limit in range(5, 60):  # a larger budget never drops the clauses chosen
        s, e = widen(text, 13, 22, limit)
        assert s <= 13 and e >= 22 and (e - s <= limit or (s, e) == (13, 22))
    # A sentence's opening connective ("To build on this,") is not worth quoting.
    assert widen("To build on this, the fund grows.", 18, 33, 100) == (18, 33)
    # Before a sentence's start it takes the whole sentence before, not its last clause.
    two = "One 2 two, three four. Five 6 six, seven eight."  # 0-10, 11-22 | 23-34, 35-47
    assert widen(two, 23, 34, 30) == (23, len(two))
    assert widen(two, 23, 34, 60) == (0, len(two))
    assert widen(two, 35, 47, 25) == (23, 47)  # within a sentence, clause by clause


def test_strip_bullet() -> None:
    assert strip_bullet("• £66m on a centre") == 2
    assert strip_bullet("No bullet") == 0


def test_followup_resolution_appends_topic() -> None:
    history = [Turn(q="How much is Seqirus investing in Liverpool?",
                    a="Seqirus committed £40m to a fill and finish facility in Liverpool [1]")]
    assert is_followup("and how many jobs will that create?", history)
    standalone = resolve_followup("and how many jobs will that create?", history)
    assert "Seqirus" in standalone and "Liverpool" in standalone
    assert standalone.startswith("and how many jobs will that create?")


def test_standalone_question_is_left_alone() -> None:
    history = [Turn(q="Who chairs the Accelerated Access Collaborative?", a="Sir Andrew Witty [1]")]
    q = "How much will the Vaccines Development and Manufacturing Centre receive?"
    assert resolve_followup(q, history) == q
    assert resolve_followup(q, []) == q


def test_a_short_question_naming_nothing_is_elliptical() -> None:
    history = [Turn(q="Which company is teaming up with Oxford on clinical trial methods?",
                    a="Janssen Pharmaceutica NV [1]")]
    assert "Janssen" in resolve_followup("What kind of trials, and for which conditions?", history)
    # A short question that names its own subject stands alone.
    q = "Where is Seqirus expanding production?"
    assert resolve_followup(q, history) == q


def test_templates_load_and_fail_clearly() -> None:
    t = load_templates()
    assert "does not" in t.get("abstain", "amount")
    with pytest.raises(KeyError, match="missing from answers.ini"):
        t.get("abstain", "no-such-key")


def test_who_questions_need_a_new_name_or_an_agent() -> None:
    from assistant.evidence import has_name

    asked = frozenset("which hospitals will host the treatment centres".split())
    assert not has_name("There is a role for AI in the NHS.", asked | {"ai"})  # sentence start only
    assert not has_name("co-located in hospitals across the UK", asked)
    assert has_name("the partner is Health Innovation Manchester", asked)
    assert has_name("The board will be jointly chaired by industry and the government", asked)


def test_how_often_is_a_date_question() -> None:
    assert analyse_question("How often does the board meet?").answer_type is AnswerType.DATE


@pytest.mark.parametrize(("question", "member", "absent"), [
    ("Who funds the trials network?", "fund", "lead"),
    ("Who is bankrolling the trials network?", "fund", "lead"),
    ("Where does the trials network's money come from?", "fund", "lead"),
    ("Who's heading up the new group?", "chair", "fund"),  # role verbs answer for each other
    ("Which companies are discussing AI?", "company", "lead"),
    ("Who are the members of the board?", "member", "board"),
    ("Which organisations did GSK run it with?", "partner", "run"),  # "... with?": partners
    # a word grading the role is not the role: the phrase's last word is
    ("Who was the main imaging technology partner that worked with the trusts?", "partner",
     "main"),
    ("Who is the biggest backer of the new fund?", "backer", "big"),
])
def test_focus_is_the_role_or_kind_asked_for(question: str, member: str, absent: str) -> None:
    focus = analyse_question(question).focus
    assert member in focus and absent not in focus


def test_a_day_asked_for_keeps_a_date_in_the_year_the_question_states() -> None:
    from assistant.scoring import TermStats
    from assistant.selection import Selector
    from dealqa.types import Passage

    a = analyse_question("Our financial year runs across 2017/2018. From which day does the "
                         "higher rate apply?")
    assert a.wants_month
    text = "The rate rises with effect from 1 January 2018."
    needs = Selector(TermStats([Passage("d#p/001", "d", text, ("Tax",), 0, len(text))])).needs(a)
    assert needs("The rate rises from 11 to 12 per cent with effect from 1 January 2018.")
    # a year alone is no day
    assert not needs("The rate rises from 11 to 12 per cent in 2018.")
    assert not analyse_question("How much does it cost each day in 2018?").wants_month


def test_no_focus_without_a_role_word() -> None:
    assert analyse_question("Who is behind the plan?").focus == frozenset()
    assert analyse_question("How much is the fund?").focus == frozenset()


def test_slot_is_a_new_name_right_after_the_focus_word() -> None:
    from assistant.evidence import has_slot

    funds = analyse_question("Who funds the IMPACT network?").focus
    assert has_slot("Funded by NHS Blood and Transplant and the charities Anthony Nolan", funds)
    # A name elsewhere in the sentence belongs to another role.
    assert not has_slot("The IMPACT network, led by Professor David Marks of Bristol", funds)
    companies = analyse_question("Which companies are in discussion?").focus
    assert has_slot("major companies including Philips, Roche Diagnostics and Leica", companies)
    far = "companies " + "will benefit from it " * 5 + "according to Deloitte"
    assert not has_slot(far, companies) and has_slot(far[:10] + "like Deloitte", companies)


def test_the_text_between_two_figures_is_shared_out() -> None:
    from assistant.figure_pairs import figure_terms as _near
    from assistant.arithmetic import figures_in

    clause = "its headquarters in London with 128 employees and growing its Oxford site to 140 employees"
    figures = figures_in(clause)
    assert [f.text for f in figures] == ["128", "140"]
    first, second = _near(clause, figures, 0), _near(clause, figures, 1)
    assert "london" in first and "oxford" not in first
    assert "oxford" in second and "london" not in second


@pytest.mark.parametrize(("question", "parts"), [
    ("How often does it meet, and how often does progress go to ministers?",
     ["How often does it meet", "how often does progress go to ministers"]),
    ("How much will Seqirus invest and how many jobs will it create?",
     ["How much will Seqirus invest", "how many jobs will it create"]),
    ("What is HARP? Who runs it?", ["What is HARP", "Who runs it"]),
    # After a comma and "and", a question word starts a question whatever its verb.
    ("Who assesses progress, and which body reports to the government on delivery?",
     ["Who assesses progress", "which body reports to the government on delivery"]),
    ("Which package is it part of, and in which month is it recorded?",
     ["Which package is it part of", "in which month is it recorded"]),
    # ... and without a comma, a preposition may lead the second question word
    ("Which pot is aimed at the shortage and in which month was it announced?",
     ["Which pot is aimed at the shortage", "in which month was it announced"]),
    # One clause asking two things, or a fragment, stays whole.
    ("How many jobs and by when?", ["How many jobs and by when?"]),
    ("How many jobs and in what year?", ["How many jobs and in what year?"]),
    ("Which companies, and where are they based?", ["Which companies, and where are they based?"]),
    ("What is the fund?", ["What is the fund?"]),
    ("How much is the fund? Give the figures.", ["How much is the fund? Give the figures."]),
    ("In the sector deal, how much is the fund?", ["In the sector deal, how much is the fund?"]),
    # A clause setting a condition belongs to the question after it; "When was ..." asks.
    ("When patient data is used for research, what kind of data should be used?",
     ["When patient data is used for research, what kind of data should be used?"]),
    ("If the UK leaves the EU, what happens to the fund, and when will it be decided?",
     ["If the UK leaves the EU, what happens to the fund", "when will it be decided"]),
    ("When was it announced, and who funds it?", ["When was it announced", "who funds it"]),
    # "Match each place to what the deal says is there": what is in each
    ("Match each place to what the deal says is there: Acton, Bury and Crewe.",
     ["What is in Acton?", "What is in Bury?", "What is in Crewe?"]),
    # "..., and in what circumstance?" asks the condition of the same thing
    ("Could the money be moved around after Brexit, and in what circumstance?",
     ["Could the money be moved around after Brexit, and in what circumstance?"]),
    # "each" standing for what the first part lists asks about every one of them: one list
    ("Which commitments mention Stevenage, and what is each?",
     ["Which commitments mention Stevenage, and what is each?"]),
    ("Which firms partner Oxford, and what is each doing with it?",
     ["Which firms partner Oxford, and what is each doing with it?"]),
    # ... but "each year" is a second question's own
    ("How much does the academy get, and how many people will it train each year?",
     ["How much does the academy get", "how many people will it train each year"]),
])
def test_compound_questions_split_into_their_parts(question: str, parts: list[str]) -> None:
    from assistant.question_parts import split_parts

    assert split_parts(question) == parts


def test_a_specific_cue_beats_the_generic_list_opener() -> None:
    assert analyse_question("What are the new research contracts worth?").answer_type is AnswerType.AMOUNT
    assert analyse_question("What are the main measures?").answer_type is AnswerType.LIST
    # A list cue after the opener keeps the list ("which measures ... worth?" asks for several).
    assert analyse_question("What are the measures and which projects are worth most?").answer_type \
        is AnswerType.LIST


@pytest.mark.parametrize("question", [
    "What's the total challenge fund support for manufacturing?",
    "What is the overall budget for the programme?",
    "What will be the combined value of the contracts?",
])
def test_whats_the_total_is_a_figure_question(question: str) -> None:
    assert analyse_question(question).answer_type is AnswerType.AMOUNT


def test_kind_noun_is_the_plural_asked_to_be_named() -> None:
    assert analyse_question("Which hospitals will host the centres?").kind_noun == "hospital"
    assert analyse_question("Who funds the network?").kind_noun is None  # a role, not a kind
    assert analyse_question("How much is the fund?").kind_noun is None
    # "types of X" asks for kinds of X
    assert analyse_question("The money goes into which types of research centres and "
                            "facilities?").kind_noun == "centr"
    assert analyse_question("What kinds of firms will move in?").kind_noun == "firm"
    assert analyse_question("What kinds of firms will move in?").kinds_of
    assert not analyse_question("Which firms will move in?").kinds_of


def test_a_role_verb_may_follow_the_kind_without_an_auxiliary() -> None:
    assert "fund" in analyse_question("Which organisations bankroll the network?").acts
    assert "fund" in analyse_question("Which charities will fund the network?").acts
    assert not analyse_question("Which companies in Leeds are named?").acts  # no role verb
    assert "fund" in analyse_question("Who will fund the network?").acts
    assert not analyse_question("Who is funded by the network?").acts  # the one acted on


def test_full_time_equivalents_count_staff() -> None:
    from assistant.count_nouns import COUNT_NOUN_SYNONYMS

    text = "release nurse resources (around 9 nurse FTEs per Clinical Commissioning Group)"
    assert has_count_of(text, COUNT_NOUN_SYNONYMS["staff"])
    assert not has_count_of(text, COUNT_NOUN_SYNONYMS["company"])
    assert not has_count_of(text, COUNT_NOUN_SYNONYMS["job"])  # staff time freed is no job


@pytest.mark.parametrize(("question", "aside"), [
    ("How much for medicines, leaving aside the viral vector top-up?", "viral vector top-up"),
    ("Which centres, apart from the Oxford one, get money?", "Oxford one"),
    ("How much is the fund?", ""),
    # Money set aside for something is allocated to it, not excluded.
    ("How much is set aside to support collaborative R&D?", ""),
    ("How much for manufacturing, setting aside the top-up?", "top-up"),
    # a sum looked past is set aside; what follows it is what the question is about
    ("Beyond the extra £16m for viral vectors, will more support follow?", "£16m"),
    ("Is more support on top of the £16m a given?", "£16m"),
    ("What happens beyond 2020?", ""),
])
def test_what_a_question_sets_aside(question: str, aside: str) -> None:
    assert analyse_question(question).excluded == aside


def test_a_lead_ins_dangling_including_is_trimmed() -> None:
    from assistant.spans import tidy_end

    text = "A £50m programme will support manufacturing, including:"
    assert text[: tidy_end(text, 0, len(text))] == "A £50m programme will support manufacturing"


def test_role_questions_and_possessive_budget_questions() -> None:
    assert analyse_question("Who is the chief executive of Seqirus?").asks_role
    assert analyse_question("Who are the members of the board?").asks_role
    assert not analyse_question("Who funds the network?").asks_role
    assert analyse_question("What is the deal's budget for Wales?").answer_type is AnswerType.AMOUNT


def test_calendar_dates_are_years_not_relative_phrases() -> None:
    from assistant.evidence import has_calendar_date, has_date

    assert has_calendar_date("occupying a new building from mid-2018")
    assert has_date("announced this year") and not has_calendar_date("announced this year")


def test_when_questions_want_a_calendar_date_but_how_often_does_not() -> None:
    from assistant.quoting import asks_when as _asks_when

    assert _asks_when("When will Novo Nordisk occupy its new building?")
    assert not _asks_when("How often does the board meet?")
    assert _asks_when("From which month did the contracts run?")  # a month asked: calendar
    assert _asks_when("In which years are the centres funded?")


def test_how_long_asks_for_a_duration() -> None:
    from assistant.evidence import has_date

    assert analyse_question("How long is the partnership?").answer_type is AnswerType.DATE
    assert has_date("announced a new 15-year partnership") and has_date("for three years")
    # how far ahead a plan looks is a span of time too; how far ahead sums are is not
    from assistant.asks import asks_duration

    for q in ("How far into the future is the programme meant to look?",
              "How far ahead does the programme look?", "What time horizon does it have?"):
        assert analyse_question(q).answer_type is AnswerType.DATE and asks_duration(q)
    q = "How far ahead are the £253m pledges of the £146m programme?"
    assert analyse_question(q).answer_type is not AnswerType.DATE and not asks_duration(q)


def test_acronyms_match_their_spelt_out_names() -> None:
    from assistant.name_match import acronym_in as _acronym_in

    assert _acronym_in("J&J", "A major Johnson & Johnson Medical Devices collaboration")
    assert _acronym_in("NIHR", "the National Institute for Health Research will")
    assert not _acronym_in("NIHR", "the National Health Service")
    # A longer acronym spelt in lower case after a capitalised word ("R&D" gives R and D)
    assert _acronym_in("RDEC", "the rate of the R&D expenditure credit from 11 per cent")
    assert not _acronym_in("RDEC", "the R&D tax credit")
    assert not _acronym_in("HRA", "Health research authority")  # too short to trust


def test_a_place_abroad_is_stated_by_another_of_its_names() -> None:
    from assistant.name_match import alias_in

    assert alias_in("North America", "known as Merck and Co Inc in the US and Canada")
    assert alias_in("America's", "regulatory filings in the United States")
    assert not alias_in("North America", "in the UK and Europe")
    assert not alias_in("Oxford", "in the US")
    # a place's regular adjective states it: a "Californian company" is from California
    assert alias_in("California", "a spin-out from Californian molecular profiling company")
    assert not alias_in("California", "a spin-out from a Canadian company")


def test_a_kind_named_just_before_it_counts_as_named() -> None:
    from assistant.evidence import has_slot

    kind = frozenset({"company"})
    text = "Autolus and Cell Medicine are set to be the first companies to move in"
    assert has_slot(text, kind, before=60) and not has_slot(text, kind)
    assert not has_slot("centres that will be co-located in hospitals across the UK",
                        frozenset({"hospital"}), frozenset({"uk"}), before=60)


def test_authorship_is_answered_by_who_led_it() -> None:
    from retrieval.text import stem

    assert stem("led") in analyse_question("Who is the author of the strategy?").focus


@pytest.mark.parametrize(("question", "noun"), [
    ("How many waves of British Business Bank investment will be launched?", "wave"),
    ("How many UK staff does Vertex have?", "staff"),
    ("How many of those get money for research nurses?", "those"),
    ("How many pounds will the centre receive?", None),  # money, not a count
    # a sum of counts of a known thing; of money otherwise
    ("Add up the new jobs at Acme and Zeta - what's the total?", "job"),
    ("Add up the funding for A and B - what's the total?", None),
])
def test_the_counted_noun_comes_before_its_of(question: str, noun: str | None) -> None:
    a = analyse_question(question)
    assert a.count_noun == noun
    assert a.wants_money is (noun is None)


@pytest.mark.parametrize("question", ["Counting the rows of the table, how many are there?",
                                      "Of those firms, how many are there in Leeds?"])
def test_how_many_are_there_names_nothing_counted(question: str) -> None:
    # ("theres" is no noun): the count of what the sentence before names, not money
    a = analyse_question(question)
    assert a.count_noun is None and not a.wants_money


def test_percentage_questions_need_a_percentage() -> None:
    from assistant.evidence import satisfies

    a = analyse_question("What percentage stake will the government keep in the fund?")
    assert a.wants_percent
    assert not satisfies("a new £2.5bn Investment Fund", a.answer_type, wants_percent=True)
    assert satisfies("raise R&D to 2.4 per cent of GDP", a.answer_type, wants_percent=True)
    # A percentage the question states is not the one it asks for: "how much money" wants cash.
    a = analyse_question("How much money could getting to 2.4% of GDP unlock for R&D?")
    assert not a.wants_percent and a.wants_money
    # a share in words states one; "the majority" is too vague to
    assert satisfies("with nearly half of businesses reporting a shortage", a.answer_type,
                     wants_percent=True)
    assert not satisfies("140 employees, the majority of whom are scientists", a.answer_type,
                         wants_percent=True)


@pytest.mark.parametrize(("question", "share"), [
    # A part of something that is not money is a share of it, not the plant's cost.
    ("How much of the vaccine output from the Liverpool plant goes abroad?", True),
    ("How much of what Zeta makes ends up sold abroad?", True),
    ("How much of its order book goes overseas?", True),
    ("How much of the challenge fund money goes to the vaccines centre?", False),
    ("How much of the £146m programme goes to Stevenage?", False),
])
def test_how_much_of_an_output_asks_a_share(question, share) -> None:
    a = analyse_question(question)
    assert a.wants_percent is share


def test_a_vague_plural_quantity_counts_but_money_in_words_does_not() -> None:
    assert has_count_of("Billions of people are being supported", ("people",))
    assert not has_count_of("a £2 billion fund for people", ("people",))


def test_a_sum_in_words_is_money() -> None:
    from assistant.evidence import has_money, satisfies

    text = "These plans will create several billion pounds' worth of new infrastructure."
    assert has_money(text) and has_money("It will bring in millions of pounds.")
    assert satisfies(text, AnswerType.AMOUNT, wants_money=True, wants_cash=True)
    assert not has_money("Several billion people live there.")


def test_rates_are_percentages_and_yearly_questions_need_a_period() -> None:
    from assistant.evidence import satisfies

    rate = analyse_question("What is the interest rate on the loans?")
    assert rate.answer_type is AnswerType.AMOUNT and rate.wants_percent
    yearly = analyse_question("How many people will the academy train each year?")
    assert yearly.per_period
    kinds = dict(count_nouns=("people",), per_period=True)
    assert not satisfies("training for the 57,000 people who work in the sector",
                         AnswerType.AMOUNT, **kinds)
    assert satisfies("training 300 people a year", AnswerType.AMOUNT, **kinds)


def test_an_ing_adjective_is_not_a_role() -> None:
    from assistant.evidence import has_slot

    leads = analyse_question("Who will head the programme?").focus
    assert not has_slot("Leading health charities (including Wellcome Trust) are exploring", leads)
    assert has_slot("The network, led by Professor David Marks of Bristol", leads)


def test_what_will_x_do_looks_for_x_acting() -> None:
    from assistant.asks import acts_re

    acts = acts_re("What will the collaborative do?")
    assert acts.search("The Accelerated Access Collaborative will facilitate bespoke partnerships")
    assert not acts.search("the newly established Accelerated Access Collaborative, chaired by Sir "
                           "Andrew Witty")
    assert acts_re("What does the alliance do?").search(
        "The Northern Health Science Alliance (NHSA), working with local industry, will work with")
    assert acts_re("How much does the collaborative get?") is None
    # what it can do, for whom, where the deal says so
    assert acts_re("What can the collaborative do for companies, according to the deal?").search(
        "The Accelerated Access Collaborative will facilitate bespoke partnerships")
    assert acts_re("What can the collaborative do about it?") is None
    # a clause with a subject of its own
    assert acts_re("What does the paper say the study will do for the country's standing?") \
        is None


def _candidate(sentences: list[str], index: int):
    from assistant.scoring import Candidate
    from dealqa.types import Passage, Unit, UnitKind

    text, units = "", []
    for s in sentences:
        start = len(text)
        text += s + " "
        units.append(Unit(UnitKind.SENTENCE, start, start + len(s)))
    p = Passage("doc#places/001", "doc", text, ("Places",), 0, len(text), tuple(units))
    return Candidate(p, units[index], index, 1, sentences[index], 0.5, 0.5, 0.0, 0.5)


def _quoter_and_request(c, question: str, *, max_chars: int, rare: bool = True):
    """A Quoter over ``c``'s passage (plus unrelated ones, so its words are ``rare`` as in a real
    corpus) and the request for ``question``."""
    import numpy as np

    from assistant.quoting import Quoter
    from assistant.request import AnswerRequest
    from assistant.scoring import TermStats
    from assistant.selection import Selector

    others = [_candidate([f"Unrelated sentence number {n} about vaccines."], 0).passage
              for n in range(6)] if rare else []
    stats = TermStats([c.passage, *others])
    req = AnswerRequest(question, question, analyse_question(question), [], np.zeros(3))
    return Quoter(stats, Selector(stats), max_chars=max_chars), req


def _quoted(bullet: str, question: str, *, max_chars: int, budget: int) -> str:
    """The quote the Quoter takes from the one-unit passage ``bullet`` for ``question``."""
    c = _candidate([bullet], 0)
    quoter, req = _quoter_and_request(c, question, max_chars=max_chars)
    return quoter.span(req, tokenize(question), c, budget).quote


@pytest.mark.parametrize(
    ("question", "sentences", "index", "ok"),
    [
        # Stated about another place: not an answer for Oxford.
        ("Is there an innovation centre for a firm in Oxford?",
         ["Leeds is establishing a £40m Innovation Centre."], 0, False),
        # The asked place, a place around it, or a sentence before that names it.
        ("Is there an innovation centre for a firm in Oxford?",
         ["A new research centre in Oxfordshire will open."], 0, True),
        ("How much is going to Manchester?",
         ["Health Innovation Manchester is a partner.", "It gets £5m."], 1, True),
        # No place at all: a UK-wide measure still answers.
        ("Is there an innovation centre for a firm in Oxford?",
         ["Innovation centres across the country will receive £10m."], 0, True),
        ("Is there an innovation centre for us?",
         ["Leeds is establishing a £40m Innovation Centre."], 0, True),
        # A place the staff come from is not where the unit's site is: the sentence before
        # names the asked one.
        ("How many staff will Acme's London site house?",
         ["Acme will open a research facility in London.",
          "The new site will house 800 staff currently based in Acme's Hoddesdon headquarters."],
         1, True),
        # (asked where in London, the place moved from is no answer)
        ("Which part of London will Acme's site be in?",
         ["Acme will open a research facility in London.",
          "The new site will house 800 staff currently based in Acme's Hoddesdon headquarters."],
         1, False),
        # ... but a unit about its own place does not answer for the place moved from.
        ("How many staff does Acme have in Hoddesdon?",
         ["Acme will move its campus from Hoddesdon to Cambridge.",
          "The Cambridge facility will have 2,000 staff."], 1, False),
    ],
)
def test_support_about_another_place_does_not_answer(question, sentences, index, ok) -> None:
    from assistant.coverage import Coverage

    a = analyse_question(question)
    assert Coverage.in_asked_place(a, _candidate(sentences, index)) is ok


def test_degrees_titles_and_generic_abbreviations_are_not_names() -> None:
    a = analyse_question("I'm a PhD student and our CEO asks: is AI research funded by Wellcome?")
    assert a.names == ("Wellcome",)


def test_the_asker_in_mid_question_is_not_a_name() -> None:
    a = analyse_question("For a piece I'm writing and I’ve read: what did Wellcome fund?")
    assert a.names == ("Wellcome",)


def test_how_many_times_a_year_asks_how_often() -> None:
    from assistant.asks import asks_frequency

    q = "How many times a year does the Borealis Board get together?"
    a = analyse_question(q)
    assert a.answer_type is AnswerType.DATE and a.also == () and asks_frequency(q)


def test_the_country_as_an_adjective_is_not_a_name() -> None:
    a = analyse_question("Which northern English city is getting a new Seqirus plant?")
    assert a.names == ("Seqirus",)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # A relative "who" is not a name question.
        ("I'm a scientist who came here on the Exceptional Talent route. How soon could I "
         "settle?", AnswerType.DATE),
        ("Do you know who leads the board?", AnswerType.ENTITY),
        ("And who funds it?", AnswerType.ENTITY),
        # "being spent on" asks for the breakdown.
        ("What is the £146m programme being spent on?", AnswerType.LIST),
        ("How will the £146m be split?", AnswerType.LIST),
        ("What will the fund be used for?", AnswerType.LIST),
        # ... but what something other than money is used for is its purpose.
        ("What will their analysis be used for?", AnswerType.DESCRIPTION),
    ],
)
def test_relative_who_and_spending_breakdowns(question: str, kind: AnswerType) -> None:
    assert analyse_question(question).answer_type is kind


def test_how_much_of_a_quantity_is_not_money() -> None:
    assert not analyse_question("How much nursing capacity could the model free up?").wants_money
    assert analyse_question("How much is Seqirus investing?").wants_money


@pytest.mark.parametrize(("noun", "nouns"), [("job", "jobs"), ("people", "people"),
                                              ("facility", "facilities"), ("staff", "staff"),
                                              ("children", "children")])
def test_plural(noun: str, nouns: str) -> None:
    from assistant.count_nouns import plural

    assert plural(noun) == nouns


def test_a_marked_name_may_start_a_sentence() -> None:
    from assistant.evidence import has_name

    assert has_name("QIAGEN, a leading provider, intends to partner with X.")
    assert has_name("AstraZeneca will build a facility.")
    assert not has_name("Companies will build a facility.")  # a capital that starts a sentence


def test_which_organisation_questions_ask_for_a_name() -> None:
    for q in ("Which NHS trust signed the agreement?", "Which government agency runs it?",
              "Which university leads the centre?"):
        assert analyse_question(q).answer_type is AnswerType.ENTITY, q


def test_the_initials_of_a_questions_name_are_not_a_new_name() -> None:
    from assistant.scoring import TermStats
    from assistant.selection import Selector
    from dealqa.types import Passage

    text = "Johnson & Johnson Medical Devices (JJMD) and Barts Health signed an agreement."
    stats = TermStats([Passage("d#p/001", "d", text, ("Places",), 0, len(text))])
    known = Selector(stats).known(analyse_question(
        "Which trust signed the agreement with Johnson & Johnson Medical Devices?"))
    assert "jjmd" in known


def test_a_known_place_is_a_place_however_it_is_phrased() -> None:
    assert has_place("staff currently based in MSD's UK Hoddesdon headquarters")
    assert not has_place("staff currently based at its headquarters")


def test_what_will_it_do_follows_the_borrowed_subject() -> None:
    from assistant.asks import acts_re

    q = "What will it actually do?"
    acts = acts_re(q, f"{q} (Nexus Leeds Partners)")
    text = ("Nexus, a £40m Innovation Centre driven by the University of Leeds, which will "
            "actively incubate and grow start-ups")
    assert acts is not None and acts.search(text)
    assert not acts.search("Nexus, a £40m Innovation Centre driven by the University of Leeds")
    assert acts_re(q, q) is None  # no subject to follow
    assert acts_re("What will the Collaborative do?").search("The Collaborative will facilitate it")


def test_a_sentence_that_enumerates_is_quoted_as_fully_as_the_budget_allows() -> None:
    sentence = ("The government will change immigration rules to let researchers settle after "
                "three years; make it quicker for highly-skilled students to apply to work in "
                "the UK after finishing their degrees; and reduce red tape in hiring "
                "international researchers and members of established research teams.")
    c = _candidate([sentence], 0)
    q = "What immigration changes does the deal set out?"
    quoter, req = _quoter_and_request(c, q, max_chars=240, rare=False)
    spans = quoter.list_spans(req, ["immigration", "change"], c, [c])
    assert len(spans) == 1 and "red tape" in spans[0].quote


def test_how_big_a_facility_is_asks_for_its_size() -> None:
    from assistant.evidence import satisfies

    a = analyse_question("How big will the new facility be?")
    assert a.wants_size and not analyse_question("How big is the Housing Deal?").wants_size
    assert satisfies("a 4,500 sq ft CryoHub", AnswerType.AMOUNT, wants_size=True)
    assert not satisfies("the £500m facility", AnswerType.AMOUNT, wants_size=True)


@pytest.mark.parametrize(("question", "asks"), [
    ("What's the plan for it once it's established?", True),
    ("Is the £210m guaranteed?", True),
    ("What does Government intend to do with the fund?", True),
    ("What does Oxfordshire have to deliver in return for the Housing Deal?", True),
    ("What is the £2.5bn Investment Fund?", False),
])
def test_questions_about_intentions_and_firmness(question: str, asks: bool) -> None:
    from assistant.asks import asks_conditions

    assert asks_conditions(question) is asks


def test_a_name_questions_window_holds_what_is_asked_not_only_the_names() -> None:
    bullet = ("A major Acme Devices collaboration has begun in east London around orthopaedic "
              "services, which Acme Devices runs in London with its Care Advantage programme; in "
              "2016 AD and Barts Health entered an agreement.")
    q = "Which trust signed the orthopaedic implants agreement with Acme Devices in London?"
    assert "Barts Health" in _quoted(bullet, q, max_chars=200, budget=100)


def test_asked_about_the_second_of_several_the_window_holds_the_second() -> None:
    bullet = ("Partners at Borealis Park will deliver two projects: the Acme Centre and the Zeta "
              "Centre. The Acme Centre aims to lead research into injuries and rehabilitation. "
              "The second project, the Zeta Centre, will focus on children with mental health "
              "conditions.")
    q = "What will the second of those two projects at Borealis Park concentrate on?"
    assert "mental health" in _quoted(bullet, q, max_chars=120, budget=120)


def test_compound_parts_and_figure_questions() -> None:
    from assistant.arithmetic import Operation, detect_operation

    assert split_parts("how much did X put into it, and what's the overall investment?") == [
        "how much did X put into it", "what's the overall investment"]
    assert analyse_question("what's the overall investment").answer_type is AnswerType.AMOUNT
    assert analyse_question("What is the Investment Fund?").answer_type is not AnswerType.AMOUNT
    assert analyse_question("What floor area will the CryoHub have?").wants_size
    assert detect_operation("How many people does Vertex employ across its two UK sites?") \
        is Operation.SUM


def test_how_big_prefers_a_size_and_sums_across_named_sites() -> None:
    from assistant.arithmetic import Operation, detect_operation

    a = analyse_question("How big is the CryoHub?")
    assert a.size_first and not a.wants_size and not a.wants_money
    assert not analyse_question("How big is the budget, in pounds?").size_first
    assert detect_operation("How many people does Vertex employ in total across its London and "
                            "Oxford sites?") is Operation.SUM


def test_a_trailing_when_asks_for_a_date_and_a_stated_worth_is_context() -> None:
    q = "The NIHR contracts worth more than £950m run for five years starting when?"
    assert analyse_question(q).answer_type is AnswerType.DATE
    assert analyse_question("What are the contracts worth?").answer_type is AnswerType.AMOUNT


def test_a_quote_does_not_start_at_a_relative_pronoun() -> None:
    bullet = ("Partners across the region are establishing a large investment programme in the "
              "region's leading medtech hub, including, as part of a new quarter in the city "
              "centre, Nexus, a £40m Innovation Centre driven by the University, which will "
              "actively incubate and grow start-ups, and an Academy providing joined-up training "
              "for the many thousands of people who work in the health and care sector.")
    quote = _quoted(bullet, "Where could a start-up incubate?", max_chars=400, budget=160)
    assert quote.startswith("Nexus, a £40m Innovation Centre") and "incubate" in quote


def test_name_the_asks_for_names() -> None:
    assert analyse_question("Name the regional bodies that welcomed it.").answer_type \
        is AnswerType.ENTITY


def test_generic_abbreviations_inside_a_name_run_name_nothing() -> None:
    # "London HQ" is about London: a unit that says "headquarters in London" states it.
    names = analyse_question("How many UK employees does Vertex have at its London HQ?").names
    assert "London" in names and not any("HQ" in n for n in names)
    assert analyse_question("How many people will have their DNA read?").names == ()
    # a letter joined to a noun is no name: the deal's silence on "X-rays" is not implied
    assert analyse_question("Are firms building tools that read X-rays?").names == ()
    assert analyse_question("Which T-cell company is in Oxford?").names == ("Oxford",)
    # a name joined to a lower-case word is the name
    assert analyse_question("Is there a Cambridge-based incubator?").names == ("Cambridge",)
    assert analyse_question("What does Acme put into UK-linked research?").names == \
        ("Acme", "UK")
    assert analyse_question("Is Smith-Jones on the board?").names == ("Smith-Jones",)


def test_a_compound_question_may_open_with_a_statement() -> None:
    q = "Acme needs more capacity. Is there public money for that, and when was it announced?"
    assert split_parts(q) == ["Acme needs more capacity. Is there public money for that",
                              "when was it announced"]


def test_what_something_is_costing_or_what_is_put_into_it_asks_for_a_figure() -> None:
    assert analyse_question("what is the new building costing").answer_type is AnswerType.AMOUNT
    # a long subject between "will" and "cost"
    assert analyse_question("What will NHS Digital's remote data access environment cost to "
                            "build?").answer_type is AnswerType.AMOUNT
    assert analyse_question("What does Acme put into research each year?").answer_type is \
        AnswerType.AMOUNT
    assert analyse_question("What does the deal put forward?").answer_type is not \
        AnswerType.AMOUNT


def test_adding_up_and_add_to_are_sums() -> None:
    from assistant.arithmetic import Operation, detect_operation

    assert detect_operation("Adding up its two sites, how many staff are there?") is Operation.SUM
    assert detect_operation("If you add the £146m programme to the viral vectors money, what's "
                            "the total?") is Operation.SUM
    # One figure asked for: what it adds, not a sum of two.
    assert detect_operation("How much does the programme add to the fund?") is None


def test_a_sums_subject_may_be_an_acronym_the_text_spells_out() -> None:
    from assistant.figure_pairs import _about_any

    c = _candidate(["A further £16m from the Industrial Strategy Challenge Fund will grow "
                    "capacity."], 0)
    assert _about_any(c, [("ISCF", ["iscf"])])
    assert not _about_any(c, [("NIHR", ["nihr"])])


def test_a_period_question_prefers_a_duration_with_its_start() -> None:
    from assistant.evidence import has_duration
    from assistant.asks import asks_period

    assert asks_period("Over what period do the contracts run?")
    assert not asks_period("When do the contracts start?")
    assert has_duration("over the five years from April 2017") and has_duration("a 15-year deal")
    assert not has_duration("from April 2017")


def test_a_condition_stated_where_the_figure_is_restated_travels_with_it() -> None:
    from assistant.compose import Composer, Span
    from dealqa.types import Passage, Unit, UnitKind

    def passage(pid: str, start: int, sentences: list[str]) -> Passage:
        text, units = "", []
        for s in sentences:
            units.append(Unit(UnitKind.SENTENCE, start + len(text), start + len(text) + len(s)))
            text += s + " "
        return Passage(pid, "doc", text, ("Ideas",), start, start + len(text), tuple(units))

    key = passage("doc#a/001", 0, ["The programme will invest up to £210m in data."])
    body = passage("doc#b/001", 1000, ["We will invest up to £210m in diagnostics.",
                                       "This will be matched by funding from the sector.",
                                       "Other work will be matched by industry."])
    other = passage("doc#c/001", 2000, ["A £50m fund starts.", "This will be matched by funding."])
    spans = [Span(key, key.units[0].start, key.units[0].end)]
    found = Composer.restated_condition_spans(spans, [key, body, other])
    # The sentence after the restated £210m, not one about another figure or two units on.
    assert [s.quote for s in found] == ["This will be matched by funding from the sector."]



def test_a_footnoted_condition_where_a_programmes_title_is_restated_travels_with_it() -> None:
    from dataclasses import replace

    from assistant.compose import Composer, Span
    from dealqa.types import FootnoteRef, Passage, Unit, UnitKind

    def passage(pid: str, start: int, text: str) -> Passage:
        return Passage(pid, "doc", text, ("Ideas",), start, start + len(text),
                       (Unit(UnitKind.SENTENCE, start, start + len(text)),))

    quote = passage("doc#a/001", 0, "Funds come from the 'Data to diagnostics' programme.")
    text = "The 'Data to diagnostics' programme has up to £210m."
    at = 1000 + text.index("£210m")
    note = FootnoteRef(2, "Subject to business case approval by HM Treasury", "£210m", at, at + 5)
    body = replace(passage("doc#b/001", 1000, text), footnotes=(note,))
    unnoted = passage("doc#c/001", 2000, "The 'Data to diagnostics' programme starts in 2018.")
    spans = [Span(quote, 0, len(quote.text))]
    found = Composer.restated_condition_spans(spans, [quote, body, unnoted])
    assert [s.quote for s in found] == [text]
    # ... only where no restatement states a condition in words
    said = passage("doc#d/001", 3000, "The 'Data to diagnostics' programme will be matched by "
                   "funding from the sector.")
    found = Composer.restated_condition_spans(spans, [quote, body, said])
    assert [s.quote for s in found] == [said.text]


def test_the_parts_of_a_stated_total_are_two_figures_that_add_up_to_it() -> None:
    from assistant.total_parts import asks_parts, find_parts

    total = asks_parts("The summary says £162m. Which two amounts make that up?")
    assert total is not None and total.text == "£162m"
    assert asks_parts("How does the £162m add up?") is not None
    assert asks_parts("What is the £162m for?") is None  # no parts asked for
    assert asks_parts("Do £146m and £16m make up the total?") is None  # two stated: not one total
    sentences = ["A £146m programme will support manufacturing.", "£12m on a centre.",
                 "A further £16m will grow viral vectors."]
    cands = [_candidate(sentences, i) for i in range(3)]
    (_, a), (_, b) = find_parts(total, cands)
    assert {a.text, b.text} == {"£146m", "£16m"}
    assert find_parts(asks_parts("How does the £100m add up?"), cands) is None


def test_a_title_line_is_quoted_with_the_name_above_it() -> None:
    from assistant.compose import Composer, Span
    from assistant.signatures import with_name_line

    c = _candidate(["Rt Hon Jane Doe MP", "Secretary of State for Health", "We will invest."], 1)
    span = with_name_line(c, Span(c.passage, c.unit.start, c.unit.end))
    assert span.quote == "Rt Hon Jane Doe MP Secretary of State for Health"
    # Not for a sentence, nor under a line that names no person.
    s = _candidate(["Rt Hon Jane Doe MP", "We will invest in health."], 1)
    assert with_name_line(s, Span(s.passage, s.unit.start, s.unit.end)).quote == s.text
    t = _candidate(["Key commitments", "Secretary of State for Health"], 1)
    assert with_name_line(t, Span(t.passage, t.unit.start, t.unit.end)).quote == t.text
    # A name above its title reads as one line.
    from dealqa.types import Passage

    text = "Rt Hon Jane Doe MP\n\nSecretary of State for\nHealth"
    p = Passage("doc#f/001", "doc", text, ("Foreword",), 0, len(text), ())
    assert Composer.render(Span(p, 0, len(text)), 1) == \
        "Rt Hon Jane Doe MP — Secretary of State for Health [1]"


def test_a_title_line_the_question_states_is_judged_with_the_name_above_it() -> None:
    from assistant.scoring import TermStats
    from assistant.selection import Selector

    # "Who signed as Secretary of State for Health?": the title line names no one new, but the
    # name line above it does, and its quote takes that line.
    c = _candidate(["Rt Hon Jane Doe MP", "Secretary of State for Health", "We will invest."], 1)
    a = analyse_question("Who signed the foreword as Secretary of State for Health?")
    others = [_candidate([f"The government will support sector {i}."], 0).passage
              for i in range(6)]
    sel = Selector(TermStats([c.passage, *others]))
    assert sel._fits(a, [c], sel.needs(a), False) == [c]
    t = _candidate(["Key commitments", "Secretary of State for Health"], 1)
    assert sel._fits(a, [t], sel.needs(a), False) == []


def test_a_month_asked_for_needs_a_month_of_a_year() -> None:
    from assistant.evidence import satisfies

    for q in ("What's their start month?", "In which month did the strategy come out?",
              "What is the launch month of the fund?"):
        a = analyse_question(q)
        assert a.answer_type is AnswerType.DATE and a.wants_month, q
        assert not satisfies("contracts will start over the next five years", a.answer_type,
                             month=True)
        assert satisfies("contracts over the five years from April 2017", a.answer_type,
                         month=True)
    # Months counted, or each month, ask for no month of the calendar.
    assert not analyse_question("How many months until the review?").wants_month
    assert not analyse_question("When does the board meet each month?").wants_month
    assert not analyse_question("When does the fund open?").wants_month


def test_how_often_needs_a_frequency_not_a_date() -> None:
    from assistant.evidence import has_frequency
    from assistant.asks import asks_frequency

    assert asks_frequency("How often does the board meet?")
    assert not asks_frequency("When does the board first meet?")
    assert has_frequency("at each of its quarterly meetings")
    assert has_frequency("challenge sessions on an annual basis")
    assert has_frequency("report on progress bi-annually")
    assert not has_frequency("Jan 2018: the Oversight Board's first meeting")


def test_who_has_been_named_as_a_role_needs_a_proper_name_in_that_role() -> None:
    from assistant.evidence import satisfies

    a = analyse_question("Who has been named as the industry co-chair of the board?")
    assert a.answer_type is AnswerType.ENTITY and a.proper_name and a.asks_role
    assert "co-chair" in a.focus
    lower = "The board will be jointly chaired by industry and the government."
    assert not satisfies(lower, AnswerType.ENTITY, proper_name=True)
    assert satisfies(lower, AnswerType.ENTITY)  # "who chairs it?": a body in lower case will do
    assert not analyse_question("Who chairs the board?").proper_name


def test_a_list_items_lead_in_is_its_context_past_its_siblings() -> None:
    from assistant.scoring import Candidate, context_units
    from dealqa.types import Passage, Unit, UnitKind

    lines = ["A £50m programme from the Challenge Fund will support manufacturing, including:",
             "£20m on a Vaccines Centre;", "£10m on a Cell Therapy Centre;", "£20m on R&D."]
    text, units = "", []
    for line in lines:
        units.append(Unit(UnitKind.BULLET, len(text), len(text) + len(line)))
        text += line + "\n"
    p = Passage("doc#l/001", "doc", text, ("Ideas",), 0, len(text), tuple(units))
    c = Candidate(p, units[3], 3, 1, lines[3], 0, 0, 0, 0)
    got = [p.unit_text(u) for u in context_units(c)]
    assert got == [lines[0], lines[3]]  # the lead-in, not the sibling items


def test_the_support_is_judged_by_its_passage_closest_in_meaning_not_one_sentence() -> None:
    from dataclasses import replace

    import numpy as np

    from assistant.coverage import DESCRIPTION_DENSE, OFF_TOPIC_DENSE
    from assistant.request import AnswerRequest
    from assistant.scoring import TermStats
    from assistant.selection import Selector

    question = "How many boffins from abroad can a lab bring in?"  # no word in common
    sentences = ["Borealis will change settlement rules after three years.",
                 "Reduce red tape in hiring international researchers."]
    best = replace(_candidate(sentences, 0), dense=OFF_TOPIC_DENSE - 0.1)
    near = replace(_candidate(sentences, 1), passage=best.passage, dense=OFF_TOPIC_DENSE + 0.1)
    elsewhere = replace(near, passage=_candidate(sentences, 1).passage)  # another passage
    others = [_candidate([f"Unrelated sentence number {n} about vaccines."], 0).passage
              for n in range(6)]
    sel = Selector(TermStats([best.passage, *others]))
    req = AnswerRequest(question, question, analyse_question(question), [], np.zeros(3))
    assert sel.covered(req, ["lab", "boffin", "abroad"], best, [best, near])
    assert not sel.covered(req, ["lab", "boffin", "abroad"], best, [best, elsewhere])
    # A description asks for no particular fact: text nearly as close in meaning answers it.
    described = "Can a lab bring in boffins from abroad more easily?"
    req = AnswerRequest(described, described, analyse_question(described), [], np.zeros(3))
    assert not sel.covered(req, ["lab", "boffin", "abroad"], best, [best, elsewhere])
    nearly = replace(best, dense=DESCRIPTION_DENSE + 0.01)
    assert sel.covered(req, ["lab", "boffin", "abroad"], nearly, [nearly, elsewhere])
    req = AnswerRequest(question, question, analyse_question(question), [], np.zeros(3))
    assert not sel.covered(req, ["lab", "boffin", "abroad"], nearly, [nearly, elsewhere])


def test_a_worked_share_keeps_its_decimal_beside_the_round_number() -> None:
    from decimal import Decimal

    from assistant.arithmetic import percent_text

    assert percent_text(Decimal(12) * 100 / Decimal(146)) == "about 8.2% (roughly 8%)"
    assert percent_text(Decimal(25)) == "25%"  # exact: no "about"
    assert percent_text(Decimal("9.98")) == "about 10%"  # the decimal adds nothing
    assert percent_text(Decimal("45.45")) == "about 45.5% (roughly 45%)"


def test_comparisons_and_ratios_are_detected_and_worked() -> None:
    from decimal import Decimal

    from assistant.arithmetic import Figure, Operation, compute, detect_operation, percent_sides
    from assistant.figure_pairs import _SIDES_RE
    from assistant.sides import two_sides

    def _sides(question: str):
        return two_sides(question, _SIDES_RE)

    assert detect_operation("Which is the larger sum: A's £5m or B's fund?") is Operation.COMPARE
    assert detect_operation("How do the pledges compare with the £146m?") is Operation.COMPARE
    assert detect_operation("How many times larger is the fund than the seed?") is Operation.RATIO
    assert detect_operation("Which companies are investing more in Leeds?") is None  # no sides
    assert _sides("Which gets more: the centre or the expansion in Stevenage?") == \
        ("the centre", "the expansion in Stevenage")
    assert _sides("How many times larger is the fund than the seed money?") == \
        ("the fund", "the seed money")
    a = Figure(0, 4, "£20m", Decimal(20_000_000), "£")
    b = Figure(0, 4, "£10m", Decimal(10_000_000), "£")
    # (and the smaller as a share of the larger, where it is a common fraction)
    assert compute(Operation.COMPARE, b, a) == \
        "£20m is £10m more than £10m; £10m is about half of £20m"
    over = Figure(0, 4, "£20m", Decimal(20_000_000), "£", "over")
    assert compute(Operation.COMPARE, over, b).startswith(
        "over £20m is over £10m more than £10m")
    c = Figure(0, 4, "£9m", Decimal(9_000_000), "£")
    assert compute(Operation.COMPARE, a, c) == "£20m is £11m more than £9m"  # no fraction
    q = "Does Adaptimmune employ more people in the UK than Vertex has in Oxford?"
    assert detect_operation(q) is Operation.COMPARE
    assert _sides(q) == ("Adaptimmune", "Vertex has in Oxford")
    assert compute(Operation.COMPARE, a, a) == "£20m and £20m are the same amount"
    assert compute(Operation.RATIO, b, a) == "£20m ÷ £10m = 2 times"
    # a large ratio is also read as a whole number
    big = Figure(0, 6, "£2.5bn", Decimal(2_500_000_000), "£")
    small = Figure(0, 5, "£146m", Decimal(146_000_000), "£")
    assert compute(Operation.RATIO, big, small) == "£2.5bn ÷ £146m = 17.1 times, about 17"
    # a share asked in the passive: the part is what it is "accounted for by"
    assert percent_sides("Roughly what share of the £1.3bn raised since 2013 is accounted for "
                         "by Acme's own fundraising?") == (
        "Acme's own fundraising", "the £1.3bn raised since 2013")
    # an exact ratio is not rounded to a figure neither side gives
    leeds, nexus = (Figure(0, 5, t, Decimal(v), "£") for t, v in (("£350m", 350), ("£40m", 40)))
    assert compute(Operation.RATIO, leeds, nexus) == "£350m ÷ £40m = 8.75 times"
    # a share: the part first, the whole second; no share of a smaller whole
    q = "What percentage of the £20m fund goes on the new centre?"
    assert detect_operation(q) is Operation.PERCENT
    assert percent_sides(q) == ("the new centre", "the £20m fund")
    assert percent_sides("What share of the fund does the centre get?") == \
        ("the centre", "the fund")
    assert percent_sides("What percentage of its staff are scientists?") is None
    assert compute(Operation.PERCENT, b, a) == "£10m ÷ £20m = 50% (half)"
    from assistant.figure_pairs import part_sides
    assert part_sides("How much of the £146m is set aside for collaborative R&D?") == \
        ("collaborative R&D", "the £146m")
    assert part_sides("How much of the fund goes to Stevenage?") == ("Stevenage", "the fund")
    assert part_sides("How much of its money comes from industry?") is None
    assert compute(Operation.PERCENT, a, b) is None
    assert analyse_question("How many times larger is the fund than the seed?").count_noun is None


def test_a_unit_naming_its_own_place_is_about_that_place_not_the_one_before() -> None:
    from assistant.coverage import Coverage

    a = analyse_question("How many staff work at the Borealis site in Exeter?")
    sentences = ["Borealis is moving its research from Exeter to a new campus.",
                 "The £50m campus in Leeds will house 900 staff.",
                 "The move will bring 900 staff together."]
    assert not Coverage.in_asked_place(a, _candidate(sentences, 1))  # Leeds, not Exeter
    assert Coverage.in_asked_place(a, _candidate(sentences, 2))  # no place: the context's
    assert Coverage.in_asked_place(a, _candidate(sentences, 0))


def test_a_question_about_new_jobs_is_not_answered_by_those_already_there() -> None:
    from assistant.evidence import has_count_of

    a = analyse_question("How many jobs will the Nexus centre create?")
    assert a.wants_new and not analyse_question("How many staff will it have in total?").wants_new
    nouns = ("job", "staff", "people")
    standing = "training for the 57,000 people who work in health and care across Leeds"
    assert has_count_of(standing, nouns) and not has_count_of(standing, nouns, new_only=True)
    both = "creating nearly 100 high-value jobs, in addition to the 600 staff already there"
    assert has_count_of(both, nouns, new_only=True)  # the 100 are new
    assert not has_count_of("the 600 staff already there", nouns, new_only=True)


def test_a_figure_before_the_subject_is_named_in_its_bullet_is_another_subjects() -> None:
    from assistant.coverage import Coverage
    from assistant.scoring import TermStats
    from assistant.selection import Selector

    bullet = ("Zenith Pharma is running two projects. The first, with Borealis University, is a "
              "trial with 15,000 participants. Zenith Pharma also agreed a project with the "
              "Kestrel Health Partnership, valued at up to $10m, enrolling patients.")
    c = _candidate([bullet], 0)
    others = [_candidate([f"Unrelated sentence number {n} about vaccines."], 0).passage
              for n in range(6)]
    stats = TermStats([c.passage, *others])
    sel, cover = Selector(stats), Coverage(stats)
    asked = analyse_question("How many patients will Zenith Pharma's project with the Kestrel "
                             "Health Partnership enrol?")
    assert cover.from_subject(asked, bullet).startswith("Zenith Pharma also agreed")
    assert sel._fits(asked, [c], sel.needs(asked), True) == []  # the Borealis trial's count
    trial = analyse_question("How many participants will Zenith Pharma's Borealis trial have?")
    assert cover.from_subject(trial, bullet).startswith("The first, with Borealis")
    assert sel._fits(trial, [c], sel.needs(trial), True) == [c]
    one = "Zenith Pharma is running a trial with 15,000 participants."
    assert cover.from_subject(asked, one) == one  # a single sentence stays whole


def test_a_question_opening_with_statements_has_a_premise() -> None:
    from assistant.question_parts import split_premise

    assert split_premise("The fund backs Nexus. Who runs Nexus?") == \
        ("The fund backs Nexus.", "Who runs Nexus?")
    assert split_premise("We're an SME in Leeds. We make devices. What applies to us?") == \
        ("We're an SME in Leeds. We make devices.", "What applies to us?")
    assert split_premise("Who runs Nexus?") == ("", "Who runs Nexus?")
    # an abbreviation's full stop or a figure's point does not end a sentence
    assert split_premise("What does e.g. the £1.5bn fund do?")[0] == ""


def test_a_figure_asked_for_in_a_currency_must_be_in_it() -> None:
    from assistant.evidence import satisfies

    a = analyse_question("What is the CryoHub investment worth in pounds sterling?")
    assert a.currency == "£"
    assert analyse_question("How much did it get, in US dollars?").currency == "$"
    assert analyse_question("How much is the CryoHub investment?").currency == ""
    dollars = "Thermo Fisher will invest over $1m in a CryoHub."
    assert not satisfies(dollars, a.answer_type, wants_money=True, currency=a.currency)
    assert satisfies(dollars.replace("$", "£"), a.answer_type, wants_money=True,
                     currency=a.currency)
    assert satisfies(dollars, a.answer_type, wants_money=True)


def test_a_side_named_clauses_before_its_figure_still_finds_it() -> None:
    from assistant.arithmetic import Operation
    from assistant.figure_pairs import pick_pair
    from assistant.scoring import TermStats

    # the figure's clause holds another figure, so its own words are the few around it
    sentences = ["Adaptimmune, with its pipeline of therapies to treat cancer, has raised over "
                 "£300m and invested in new facilities and has over 200 UK employees.",
                 "Vertex has grown its London office to 128 employees, the majority scientists.",
                 "Vertex has grown its Oxford site to 140 employees."]
    cands = [_candidate([s], 0) for s in sentences]  # each its own bullet
    others = [_candidate([f"Unrelated sentence number {n} about vaccines."], 0).passage
              for n in range(6)]
    stats = TermStats([c.passage for c in cands] + others)
    q = "Does Adaptimmune employ more people in the UK than Vertex has at its Oxford site?"
    a = analyse_question(q)
    pair = pick_pair(a, list(a.terms), cands, stats, Operation.COMPARE)
    assert pair is not None
    assert [f.text for _, f in pair] == ["200", "140"]


def test_a_sum_side_named_by_a_pronoun_is_what_the_opening_clause_names() -> None:
    from assistant.arithmetic import Operation
    from assistant.figure_pairs import pick_pair
    from assistant.scoring import TermStats

    sentences = ["Industry has pledged up to £253m in the Challenge Fund competitions.",
                 "A £146m programme from the Challenge Fund will grow medicines manufacturing.",
                 "A further £16m from the Challenge Fund will grow viral vector capacity."]
    cands = [_candidate([s], 0) for s in sentences]
    others = [_candidate([f"Unrelated sentence number {n} about vaccines."], 0).passage
              for n in range(6)]
    stats = TermStats([c.passage for c in cands] + others)
    q = ("If industry's pledges in the Challenge Fund competitions all come through, what "
         "would they and the £146m manufacturing programme add up to?")
    a = analyse_question(q)
    pair = pick_pair(a, list(a.terms), cands, stats, Operation.SUM)
    assert pair is not None
    assert sorted(f.text for _, f in pair) == ["£146m", "£253m"]


def test_a_question_naming_a_local_place_prefers_what_the_deal_says_there() -> None:
    import numpy as np

    from assistant.coverage import names_place
    from assistant.request import AnswerRequest
    from assistant.scoring import TermStats
    from assistant.selection import Selector

    national = _candidate(["The UK will build larger genomic datasets with the NHS."], 0)
    local = _candidate(["Acme intends to partner with Health Innovation Manchester on a "
                        "genomics campus."], 0)
    others = [_candidate([f"Unrelated sentence number {n} about vaccines."], 0).passage
              for n in range(6)]
    sel = Selector(TermStats([national.passage, local.passage, *others]))

    def chosen(question: str):
        req = AnswerRequest(question, question, analyse_question(question), [], np.zeros(3))
        return sel.choose(req, [national, local])

    assert chosen("We run a lab in Greater Manchester. Is any genomics work planned "
                  "locally?") is local
    # the whole country is local to nowhere: the better-ranked unit stands
    assert chosen("We run a lab in England. Is any genomics work planned?") is national
    assert names_place(["Greater Manchester"], local.text)
    assert not names_place(["Greater Manchester"], national.text)


def test_a_name_set_beside_the_subject_does_not_take_its_figure() -> None:
    from assistant.coverage import Coverage
    from assistant.scoring import TermStats

    text = "This £50m will fund the Acme Centre, adding to the existing Zeta Centre."
    c = _candidate([text], 0)
    others = [_candidate([f"Unrelated sentence number {n} about vaccines."], 0).passage
              for n in range(6)]
    cover = Coverage(TermStats([c.passage, *others]))
    zeta = analyse_question("What's the budget for the Zeta Centre?")
    assert cover.from_subject(zeta, text) == "adding to the existing Zeta Centre."
    # the figure's own subject keeps it
    assert cover.from_subject(analyse_question("What's the budget for the Acme Centre?"),
                              text) == text


def test_a_later_sentence_about_another_named_subject_is_not_the_subject_s() -> None:
    from assistant.coverage import Coverage
    from assistant.scoring import TermStats

    text = ("Other firms such as Acme Biologics are investing in new plants. Zeta Corp's order "
            "book, 98 per cent of which is exported, is growing.")
    c = _candidate([text], 0)
    cover = Coverage(TermStats([c.passage]))
    acme = analyse_question("How much is Acme Biologics spending on its plants?")
    assert cover.from_subject(acme, text).strip() == \
        "Other firms such as Acme Biologics are investing in new plants."
    # a sentence going on about the subject ("It ...", "The company ...") stays
    text = "Acme Biologics is building a plant. The company will spend £5m on it."
    assert cover.from_subject(acme, text) == text


def test_a_part_from_outside_the_whole_s_breakdown_must_be_named_by_its_words() -> None:
    from assistant.figure_pairs import pick_part
    from assistant.scoring import TermStats

    programme = ["A £50m programme from the fund will support manufacturing, including:",
                 "£20m on a Vaccines Centre."]
    cands = [_candidate(programme, 0), _candidate(programme, 1),
             _candidate(["Zeta will invest £10m in a new plant in Leeds."], 0)]
    others = [_candidate([f"Unrelated sentence number {n} about vaccines."], 0).passage
              for n in range(6)]
    stats = TermStats([cands[0].passage, cands[2].passage, *others])

    def part(q: str):
        a = analyse_question(q)
        pair = pick_part(a, list(a.terms), cands, stats)
        return pair and [f.text for _, f in pair]

    assert part("How much of the £50m programme goes to the Vaccines Centre?") == ["£20m", "£50m"]
    assert part("How much of the £50m programme goes to the new Leeds plant?") == ["£10m", "£50m"]
    # one word of several ("plant") is not the part asked about
    assert part("How much of the £50m programme goes to dementia research, obesity trials "
                "and plant safety?") is None


def test_a_target_for_later_does_not_say_what_it_is_now() -> None:
    from assistant.scoring import TermStats
    from assistant.selection import Selector

    c = _candidate(["Spending on R&D will rise to 2.4 per cent of GDP by 2027."], 0)
    sel = Selector(TermStats([c.passage]))
    now = analyse_question("What share of GDP goes on R&D right now?")
    assert not sel.needs(now)(c.text)
    assert sel.needs(now)("Spending on R&D is 1.7 per cent of GDP.")
    # asked about the target, the target answers
    assert sel.needs(analyse_question("What share of GDP will go on R&D by 2027?"))(c.text)


@pytest.mark.parametrize(("question", "asks"), [
    ("Why does the deal care about biologists working with physicists?", True),
    ("The fund is new. So why is it needed?", True),
    ("What makes the UK's patient data unusual?", True),
    ("What is the point of the new hubs, and who runs them?", True),
    # a clause inside the question is not its ask
    ("Will the government look at why so many small firms lag behind?", False),
    ("How much is the fund?", False),
])
def test_a_why_question_asks_for_a_reason(question: str, asks: bool) -> None:
    from assistant.reasons import asks_reason

    assert asks_reason(question) is asks


def test_a_reason_is_a_cause_a_consequence_or_a_purpose() -> None:
    from assistant.reasons import gives_reason

    assert gives_reason("as the interface is likely to underpin many commercial opportunities")
    assert gives_reason("important because they create the intellectual property")
    assert gives_reason("members will need to be senior to ensure genuine accountability")
    # what a thing is a means of, and what follows from it
    assert gives_reason("Understanding the metabolome is yet another tool for identifying the "
                        "mechanisms of disease and therefore finding target molecules")
    assert not gives_reason("Metabolon is investing in the UK.")
    assert not gives_reason("The institute will bring together life scientists with engineers.")
    assert not gives_reason("companies are discussing opportunities to develop programmes")


def test_a_question_asking_a_year_is_answered_only_by_a_unit_giving_one() -> None:
    from assistant.asks import asks_year
    from assistant.evidence import has_year
    from assistant.request import AnswerRequest
    from assistant.scoring import TermStats
    from assistant.selection import Selector

    q = "What were the founding year and membership of the Northern Alliance?"
    assert asks_year(q) and asks_year("In which year did Acme arrive?")
    assert asks_year("What is the expected completion year for the road?")
    assert not asks_year("When did Acme arrive?")
    assert has_year("since 2015") and has_year("ready for starts next year")
    assert not has_year("for future waves of the sector deal")
    # "future waves of the deal" is a date to come, not the year asked for
    c = _candidate(["The Northern Alliance will bring forward investment for future waves of "
                    "the deal."], 0)
    req = AnswerRequest(q, q, analyse_question(q), (), None)
    assert Selector(TermStats([c.passage])).choose(req, [c]) is None


def test_a_bare_when_asked_of_a_plan_may_be_answered_by_what_it_waits_for() -> None:
    from assistant.dating import asks_future_when

    assert asks_future_when("Will it keep the fund for good, or sell it at some point - and when?")
    assert asks_future_when("When will the members be announced?")
    # something past is dated on the calendar or by its event, not by what it waits for
    assert not asks_future_when("Was the fund sold, and when?")
    assert not asks_future_when("When did MSD announce it?")


def test_who_chairs_or_leads_asks_for_a_role_the_support_states() -> None:
    from assistant.selection import Selector
    from assistant.scoring import TermStats

    a = analyse_question("Who chairs the Northern Health Alliance?")
    assert a.asks_role
    assert analyse_question("Who leads the IMPACT network?").asks_role
    assert not analyse_question("Who funds the network?").asks_role  # a role of another kind
    # A sentence naming the alliance among others, and no chair, names no one in the role.
    listed = _candidate(["The Northern Health Alliance, MedCity and the GW4 Alliance have come "
                         "together to welcome the strategy."], 0)
    chaired = _candidate(["The alliance is chaired by Professor Jane Doe."], 0)
    sel = Selector(TermStats([listed.passage, chaired.passage]))
    assert sel._unnamed_kind(a, listed) and not sel._unnamed_kind(a, chaired)


def test_a_quote_within_an_earlier_one_is_not_quoted_again() -> None:
    from assistant.compose import Span
    from assistant.extractive import _distinct

    c = _candidate(["The network is led by Professor Jane Doe.", "It is funded by charities."], 0)
    whole = Span(c.passage, 0, len(c.passage.text.rstrip()))
    first = Span.of_unit(c.passage, c.passage.units[0])
    second = Span.of_unit(c.passage, c.passage.units[1])
    assert _distinct([whole, first, second]) == [whole]
    assert _distinct([first, second]) == [first, second]
    assert _distinct([first, whole]) == [first, whole]  # a later quote saying more stays


def test_a_bridge_step_quoting_nothing_new_adds_no_citation() -> None:
    from assistant.compose import lies_within as _within
    from dealqa.types import Citation

    def cite(n: int, start: int, end: int, doc: str = "d") -> Citation:
        return Citation(n, f"{doc}#p", doc, "S", "q", start, end, doc_id=doc)

    assert _within(cite(2, 10, 20), [cite(1, 0, 30)])
    assert not _within(cite(2, 10, 40), [cite(1, 0, 30)])
    assert not _within(cite(2, 10, 20, "e"), [cite(1, 0, 30)])


def test_a_date_questions_premise_year_is_context_not_its_subject() -> None:
    from assistant.coverage import Coverage
    from assistant.scoring import TermStats

    c = _candidate(["Further agreements are expected in early 2018."], 0)
    cover = Coverage(TermStats([c.passage]))
    asked = analyse_question("The first phase was agreed in late 2017. When were further "
                             "agreements expected?")
    assert cover.about_subject(asked, c)
    # however the year is set apart: a dash, a clause opening the question
    for q in ("The first phase was agreed in December 2017 - roughly when were further "
              "agreements expected?",
              "By the time the deal came out in December 2017, when were agreements expected?"):
        assert cover.about_subject(analyse_question(q), c), q
    # a year the question asks for a time within is still its subject
    assert not cover.about_subject(analyse_question("When in 2017 were agreements expected?"), c)
    assert not cover.about_subject(
        analyse_question("In which month of 2017 were agreements expected?"), c)


def test_a_place_abroad_the_question_names_is_stated_by_another_of_its_names() -> None:
    from assistant.coverage import Coverage

    a = analyse_question("Which drug company, known by another name in North America, is "
                         "opening a lab in the capital?")
    assert "North America" in a.places
    sentences = ["Acme, known as Zeta Inc in the US and Canada, will open a lab in London."]
    assert Coverage.in_asked_place(a, _candidate(sentences, 0))
    assert Coverage._place_in("North America", a, sentences[0])
    assert not Coverage.in_asked_place(a, _candidate(["Acme will open a lab in London."], 0))


def test_a_sum_shared_by_several_things_is_not_one_of_them_s() -> None:
    from assistant.arithmetic import figures_in
    from assistant.figure_pairs import SHARED_COST, _shared_cost

    c = _candidate(["This £146m will fund two new national centres - the Widget Centre and a "
                    "Vaccines Centre."], 0)
    f = figures_in(c.text)[0]
    assert _shared_cost("the public money for the new vaccines centre", c, f) == SHARED_COST
    # asked about the several, it is theirs
    assert _shared_cost("the two new national centres together", c, f) == 0.0
    own = _candidate(["£66m on a Vaccines Centre."], 0)
    assert _shared_cost("the new vaccines centre", own, figures_in(own.text)[0]) == 0.0
    # a sum over a span of time is not shared among things
    span = _candidate(["New contracts worth more than £950m over the five years from 2017."], 0)
    assert _shared_cost("the NIHR's research money", span, figures_in(span.text)[0]) == 0.0
    # ... nor is one asked about as the several things it is for, in the plural
    three = _candidate(["£30m to establish three Advanced Therapies Treatment Centres."], 0)
    assert _shared_cost("the advanced therapies treatment centres combined", three,
                        figures_in(three.text)[0]) == 0.0
    # (the last plural of the count's phrase names them: "Centres", not "Therapies")
    assert _shared_cost("the new hospital-based therapy centres", three,
                        figures_in(three.text)[0]) == 0.0


def test_a_question_asked_of_each_thing_listed_after_a_colon_is_asked_of_each() -> None:
    from assistant.question_parts import split_parts

    assert split_parts("Name the university behind each of these: Acme's diabetes work, "
                       "Zeta's trial methods, and the Exe centre.") == [
        "Name the university behind Acme's diabetes work.",
        "Name the university behind Zeta's trial methods.",
        "Name the university behind the Exe centre."]
    # "match each to its city": where each is; a thing may hold an "and" of its own
    assert split_parts("Match each to its city: Acme's new centre, Zeta's lab and Borealis's "
                       "headquarters and research facility.") == [
        "Where is Acme's new centre?", "Where is Zeta's lab?",
        "Where is Borealis's headquarters and research facility?"]
    assert split_parts("Match each firm to its disease focus in the deal: Acme and Zeta.") == [
        "What is the disease focus of Acme?", "What is the disease focus of Zeta?"]
    # no thing listed, or "each" qualifying a noun with no place for the thing: one question
    assert split_parts("How much does each centre get?") == ["How much does each centre get?"]
    q = "Match each firm to what it says: Acme and Zeta."
    assert split_parts(q) == [q]
    # ... but each place matched to what the deal says of it asks what is in each
    assert split_parts("Match each place to what the deal says happens there: Exeter and "
                       "Truro.") == ["What is in Exeter?", "What is in Truro?"]
    # "these" pointing at the things listed: each in its place
    assert split_parts("Whose medicines are these: the inhaled drug tested in the Exe study, "
                       "and the cell therapy whose approval endorsed Zeta's platform?") == [
        "Whose medicines are the inhaled drug tested in the Exe study?",
        "Whose medicines are the cell therapy whose approval endorsed Zeta's platform?"]
    # a counted head asking nothing asks for the figure (or date) of each
    assert split_parts("Two dollar figures I need checked: Acme's outlay on the Exe hub, and "
                       "the top value of Zeta's project.") == [
        "How much is Acme's outlay on the Exe hub?", "How much is the top value of Zeta's project?"]
    assert split_parts("Two things I noted: Acme and Zeta.") == ["Two things I noted: Acme and Zeta."]


def test_asked_what_its_subject_does_another_act_of_the_same_subject_is_quoted_too() -> None:
    import numpy as np

    from assistant.extractive import ExtractiveAnswerer
    from assistant.request import AnswerRequest
    from conftest import sentence_candidates

    cands = sentence_candidates(
        "The Accelerated Access Collaborative will streamline pathways to market.",
        "The collaborative was announced in the Budget alongside new funding.",
        "The Accelerated Access Collaborative will facilitate bespoke partnerships with the NHS.",
        "The Accelerated Access Collaborative will streamline pathways to market for products.")
    q = "What will the collaborative do?"
    req = AnswerRequest(q, q, analyse_question(q), [], np.zeros(4))
    # (not a restatement of the first act, nor a unit where it does not act)
    assert ExtractiveAnswerer._acts_also(req, cands[0], cands) is cands[2]
    assert ExtractiveAnswerer._acts_also(req, cands[0], cands[:2]) is None
    # a question that does not ask what it does
    q = "When was the collaborative announced?"
    req = AnswerRequest(q, q, analyse_question(q), [], np.zeros(4))
    assert ExtractiveAnswerer._acts_also(req, cands[0], cands) is None
