"""The answerer on the real corpus with the real model (marked integration): behaviours that
need the deal's own text, where a fact sits a sentence away from the words a question uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealqa.types import Turn

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def real_assistant(tmp_path_factory, real_embedder):
    from assistant import build_assistant
    from dealqa.settings import get_settings

    index_dir: Path = tmp_path_factory.mktemp("real-assistant") / "index"
    settings = get_settings().model_copy(update={"index_dir": index_dir})
    return build_assistant(settings, embedder=real_embedder)


def test_a_count_stated_before_the_sentence_naming_the_topic_answers_a_followup(real_assistant):
    # "... which links a trials facilitatory hub and 22 regional transplant centres" comes
    # before the sentence naming the IMPACT network, which the borrowed words rank first.
    history = [Turn("Tell me about the IMPACT network",
                    "An integrated transplant trials network led by Professor David Marks of "
                    "Bristol and Professor Charlie Craddock from Birmingham.")]
    a = real_assistant.ask("And how many transplant centres are part of it?", history)
    assert not a.abstained and "22" in a.text, a.text


def test_by_how_much_without_a_comparison_asks_for_one_figure(real_assistant):
    a = real_assistant.ask("By how much should hospital stays shrink under the J&J orthopaedics "
                           "agreement in east London?")
    assert not a.abstained and "25 per cent" in a.text and "difference" not in a.text.lower()


def test_a_sum_adds_a_figure_the_question_states(real_assistant):
    a = real_assistant.ask("If you add the £146m ISCF medicines manufacturing programme to the "
                           "viral vectors money, what's the total?")
    assert "£162m" in a.text, a.text


def test_equal_sums_of_two_listed_things_are_each_quoted(real_assistant):
    # (the medicines centre and the Stevenage expansion each get £12m, in one list of bullets:
    # the first quote's "£12m" is not the second thing's)
    a = real_assistant.ask("Add up the money for the Stevenage Catapult expansion, the Vaccines "
                           "Development & Manufacturing Centre and the Medicines Manufacturing "
                           "Innovation Centre.")
    assert "£90m" in a.text and len(a.citations) == 3, a.text
    assert any("Stevenage" in c.quote for c in a.citations), a.text


def test_the_rest_of_a_stated_share_is_worked_out(real_assistant):
    a = real_assistant.ask("What share of Cobra Biologics' advanced therapy output stays in the UK "
                           "rather than being exported?")
    assert "98 per cent" in a.citations[0].quote and "= 2 per cent" in a.text, a.text


def test_growth_on_top_of_an_existing_headcount_as_a_share(real_assistant):
    a = real_assistant.ask("In relative terms, how much does the Liverpool flu vaccine plant grow "
                           "its site's workforce?")
    assert "about 16.7% (roughly 17%)" in a.text and "600" in a.citations[0].quote, a.text


def test_asked_how_two_statements_differ_both_are_quoted(real_assistant):
    a = real_assistant.ask("Apple Tree Partners' planned UK company is described in two different "
                           "ways. What does each call it?")
    quotes = " ".join(c.quote for c in a.citations)
    assert "high pharmaceutical" in quotes and "biopharmaceutical" in quotes, a.text


def test_a_part_named_in_other_words_is_read_whole(real_assistant):
    # ("the opening letter" is the foreword, which retrieval alone does not reach)
    a = real_assistant.ask("What does the opening letter call the National Health Service?")
    assert a.citations and a.citations[0].section.startswith("Foreword"), a.text
    assert "prized national asset" in a.text, a.text


def test_asked_over_what_time_frame_a_duration_answers(real_assistant):
    # ("over the next 20 years", before a unit merely "long term")
    a = real_assistant.ask("Over what time frame could the Health Advanced Research Programme "
                           "create whole new commercial sectors?")
    assert "20 years" in a.text, a.text


def test_a_mention_pointing_back_is_quoted_with_what_it_points_to(real_assistant):
    # ("Innovate UK will look at the demand for this type of support": which support?)
    a = real_assistant.ask("Innovate UK comes up in two different places in the deal. What is "
                           "it doing in each?")
    assert "viral vector" in a.text and "day-to-day delivery" in a.text, a.text


def test_three_events_are_dated_and_put_in_order(real_assistant):
    a = real_assistant.ask("Put these in date order: BBI Group announcing its move to Crumlin, "
                           "Vertex starting to expand in the UK, and JJMD signing with Barts "
                           "Health.")
    assert "2015, then December 2016, then February 2017" in a.text, a.text
    assert len(a.citations) == 3, a.text


def test_a_place_the_deal_calls_by_another_name_is_known(real_assistant):
    # The deal never says "Merseyside"; it says Liverpool, which is in it.
    a = real_assistant.ask("Which vaccine maker is building something on Merseyside?")
    assert not a.abstained and "Seqirus" in a.text, a.text


def test_slang_finds_the_deals_wording(real_assistant):
    # The dev set's "jab hub" question: neither BM25 nor MiniLM alone ranks the £66m bullet in
    # the top 5; "jab" -> vaccine and "production" in the bullet's lead-in do.
    q = "What's the pot for the new jab development and production hub?"
    hits = real_assistant.chain.invoke({"question": q, "history": []})["hits"]
    assert any("£66m on a Vaccines" in h.passage.text for h in hits)


def test_a_period_is_answered_with_its_start_date(real_assistant):
    # "over the next five years" and "over the five years from April 2017" both state the
    # period; only the second says when it starts.
    a = real_assistant.ask("Over what period do the new NIHR contracts for research "
                           "infrastructure in the NHS run?")
    assert "April 2017" in a.text, a.text



def test_who_signed_the_deal_is_answered_by_its_signature_block(real_assistant):
    # The question names no part of the deal, so retrieval alone need not reach the foreword.
    a = real_assistant.ask("Who signed the deal?")
    assert not a.abstained
    assert "Greg Clark" in a.text and "Jeremy Hunt" in a.text and "John Bell" in a.text
    assert {c.section for c in a.citations} == {"Foreword"}


def test_who_signed_and_in_what_posts_is_one_question_for_the_signature_block(real_assistant):
    a = real_assistant.ask("who put their names to the foreword, and what jobs did they hold")
    assert "Greg Clark" in a.text and "Secretary of State for Health" in a.text
    assert {c.section for c in a.citations} == {"Foreword"}


def test_the_deals_publication_date_is_its_own_not_the_strategys(real_assistant):
    a = real_assistant.ask("When was the Life Sciences Sector Deal published?")
    assert "Dec 2017" in a.text and "August 2017" not in a.text


def test_status_questions_quote_the_stamp(real_assistant):
    a = real_assistant.ask("Is this sector deal still in force?")
    assert "Withdrawn 23 June 2025" in a.text and a.citations[0].section == "Document status"


def test_a_signatory_is_answered_by_name_and_title(real_assistant):
    a = real_assistant.ask("Who is Greg Clark?")
    assert "Secretary of State for Business, Energy and Industrial Strategy" in a.text
    history = [Turn("Who is leading the Life Sciences Industrial Strategy?",
                    "The Life Sciences Industrial Strategy, led by Professor Sir John Bell. [1]")]
    b = real_assistant.ask("What is his job?", history)
    assert "Regius Professor of Medicine" in b.text
    # ... asked in two parts, which the line answers together
    c = real_assistant.ask("What post does he hold, and at which university?", history)
    assert "Regius Professor of Medicine, The University of Oxford" in c.text, c.text


def test_a_subject_given_by_a_description_is_looked_up_first(real_assistant):
    # The passage giving MSD's US name does not say how many roles its centre creates; the
    # key commitments do, under the name.
    a = real_assistant.ask("The company that is known as Merck and Co Inc in the US and Canada: "
                           "how many new research roles will its London centre create?")
    assert a.standalone_question.startswith("MSD:"), a.standalone_question
    assert not a.abstained and "150" in a.text and len(a.citations) >= 2, a.text


def test_a_restated_fact_is_quoted_once(real_assistant):
    # The genomics chapter and the key commitments say the same of GSK: one quote. (The
    # chapter's sentence, opening "To build on this,", now fits a list's quote whole.)
    a = real_assistant.ask("What will GSK fund?")
    assert not a.abstained, a.text
    assert "GSK" in a.text and "UK Biobank" in a.text and len(a.citations) == 1, a.text


def test_a_definition_question_is_answered_by_the_sentence_defining_its_subject(real_assistant):
    # Not "Our approach to delivering the vision for the Health Advanced Research Programme
    # will be laid out in future phases", which mentions it in passing.
    a = real_assistant.ask("What is the Health Advanced Research Programme?")
    assert "The Health Advanced Research Programme will aim to" in a.text, a.text


def test_a_followup_quotes_the_clauses_its_own_words_ask_about(real_assistant):
    # One long bullet holds both Sheffield projects; the words borrowed from the last turn
    # found it, the follow-up's own words pick the clause to quote.
    history = [Turn("What is being built at the Sheffield Olympic Legacy Park?",
                    "Two projects: the Orthopaedic and Rehabilitation Research and Innovation "
                    "Centre; and the Centre of Child Health and Technology.")]
    a = real_assistant.ask("Which children will the second one help?", history)
    assert "mental health conditions" in a.text, a.text
    a = real_assistant.ask("And what is the purpose of the first one?", history)
    assert "Its purpose will be" in a.text, a.text


def test_a_heading_named_with_its_part_is_where_the_answer_is(real_assistant):
    # "Industrial Strategy at a glance > Ideas": its bullets share few words with the question,
    # but the question names where they are.
    a = real_assistant.ask("What Ideas policies does the Industrial Strategy list?")
    assert not a.abstained
    assert {c.section for c in a.citations} == {"Industrial Strategy at a glance › Ideas"}
    assert "£725m" in a.text and "2.4 per cent" in a.text


def test_every_name_of_a_kind_is_found_across_the_whole_deal(real_assistant):
    # Four hospitals, each named in a different passage: no five retrieved passages hold them.
    a = real_assistant.ask("Which hospitals are named anywhere in the deal?")
    assert not a.abstained
    for name in ("Queen Elizabeth University Hospital", "Papworth Hospital",
                 "University Hospital of South Manchester", "Guy's Hospital"):
        assert name in a.text, a.text


def test_the_sources_the_deal_cites_are_listed_from_its_references(real_assistant):
    a = real_assistant.ask("Which publications does the deal cite in its references?")
    assert not a.abstained
    for title in ("Financing Growth in Innovative Firms", "Skills Strategy 2025",
                  "Cell and Gene Therapy Catapult Annual Reviews"):
        assert title in a.text, a.text
    assert a.text.count("Skills Strategy 2025") == 1  # cited twice, listed once


def test_a_part_asking_what_a_figure_hinges_on_is_answered_by_its_footnote(real_assistant):
    # "What sign-off does it depend on?" shares few words with anything; the footnote quoted
    # with the £210m ("Subject to business case approval by HM Treasury") is its answer.
    a = real_assistant.ask("Could the early diagnostics challenge money still fall through? "
                           "What sign-off does it depend on?")
    assert not a.abstained and "HM Treasury" in a.text and "does not answer" not in a.text, a.text


def test_a_part_referring_back_asks_about_what_the_first_part_names(real_assistant):
    # "how much ... expanding it?" names the Challenge Fund but asks about the centre: not the
    # Fund's £16m for viral vectors.
    a = real_assistant.ask("Where is the Cell and Gene Therapy Manufacturing Centre, and how "
                           "much Challenge Fund money goes into expanding it?")
    assert "Stevenage" in a.text and "£12m" in a.text and "£16m" not in a.text, a.text


def test_a_sum_the_question_states_does_not_answer_a_part_asking_how_much_of_it(real_assistant):
    a = real_assistant.ask("When was the £146m Challenge Fund healthcare programme announced, and "
                           "how much of it goes to the Stevenage manufacturing centre?")
    assert "Aug 2017" in a.text and "£12m" in a.text, a.text


def test_every_charity_named_beside_the_word_is_listed(real_assistant):
    a = real_assistant.ask("Which charities are named anywhere in the deal?")
    assert "Wellcome Trust" in a.text and "Anthony Nolan" in a.text, a.text


@pytest.mark.parametrize("question", [
    "Can you give me the names of the people sitting on the Implementation Board?",
    "Name the specific hospitals that will host the advanced therapy treatment centres.",
    # A cost asked for: the number in the project's name is no sum of money.
    "What did the 100,000 Genomes Project cost?",
    # "in pounds" asks for a sum: a share of exports is not one.
    "How much is Cobra Biologics putting into new capacity, in pounds?",
])
def test_names_asked_for_that_the_deal_never_gives(real_assistant, question):
    # The deal says the board's members will be announced and that the centres will be in
    # hospitals: it names neither the people nor the hospitals.
    a = real_assistant.ask(question)
    assert a.abstained, a.text


def test_a_first_part_referring_back_asks_about_the_conversation_not_the_next_part(real_assistant):
    history = [Turn("Who oversees implementation of the deal?",
                    "An Implementation Board jointly chaired by industry and the government.")]
    a = real_assistant.ask("How often does it meet, and how often do sector deals report to "
                           "BEIS ministers?", history)
    assert "quarterly" in a.text and "bi-annually" in a.text, a.text


@pytest.mark.parametrize(("question", "quoted", "answered"), [
    # A timeline's order is read off its rows: one ask, not two questions ("which ..., and
    # when?").
    pytest.param("Which milestone comes last in the implementation plan, and when?",
                 ["Annual Review", "Dec 2018"], False, id="timeline-last"),
    pytest.param("What are the next two milestones after the oversight board's first meeting?",
                 ["Implementation plan for the Sector Deal agreed", "April 2018"], False,
                 id="timeline-next"),
    # A name set aside still locates the list naming the others.
    pytest.param("Apart from AstraZeneca, which British genomics firms are collaborating with "
                 "Genomics England?", ["Cambridge Epigenetics", "Congenica"], False,
                 id="set-aside-name"),
    pytest.param("Apart from the two charities, which NHS organisation provides funding for "
                 "IMPACT?", ["NHS Blood and Transplant"], False, id="set-aside-kind"),
    # "stock-take" is the plain word for the deal's "review" (templates/plain_words.tsv).
    pytest.param("When is the deal's yearly stock-take due?", ["Dec 2018"], True,
                 id="plain-word-review"),
    # "This £146m will fund two new national centres ..." is the most relevant unit, but the
    # £146m is what the question states: it must not make the £66m bullet look too weak.
    pytest.param("The two new manufacturing centres funded from the £146m join which existing "
                 "national centres, and how much does the vaccines centre get?", ["£66m"], False,
                 id="stated-sum-sets-no-bar"),
    # No date: "with the intention to float or sell once it has established a track record".
    pytest.param("When is the £2.5bn British Business Bank fund going to be sold off?",
                 ["track record"], True, id="when-by-what-it-waits-for"),
    # ... also asked as a bare "and when?" of a plan
    pytest.param("Will the government keep the £2.5bn fund for good, or sell it at some point - "
                 "and when?", ["track record"], True, id="bare-when-of-a-plan"),
    # A part of a year asked of the timeline: its rows in those months.
    pytest.param("What two governance steps does the timeline pencil in for the start of 2018?",
                 ["Oversight Board's first meeting", "Implementation plan for the Sector Deal"],
                 True, id="part-of-a-year"),
    # A title the question states is answered by the name line above it.
    pytest.param("Who signed the foreword as Secretary of State for Business, Energy and "
                 "Industrial Strategy?", ["Greg Clark"], True, id="stated-title"),
    # A month asked for: the unit giving one ("from April 2017"), not "over the next five years".
    pytest.param("The £950m-plus of NIHR research contracts: what's their start month?",
                 ["April 2017"], True, id="month-asked"),
    # An enumerating sentence found past a lead-in sentence is quoted whole.
    pytest.param("What immigration measures will the government take to attract scientific "
                 "talent?", ["settlement after three years", "red tape"], False,
                 id="enumeration-whole"),
    # "What kinds of X" is answered by the unit naming such things.
    pytest.param("What kinds of NIHR facilities do the £950m research infrastructure contracts "
                 "pay for?", ["Clinical Research Facilities"], False, id="kinds-of"),
    # A signatory's post is answered by their signature line, also through a bridge.
    pytest.param("What academic post does Sir John Bell hold?", ["Regius Professor of Medicine"],
                 False, id="signatory-post"),
    pytest.param("What university post is held by the person who led the Life Sciences "
                 "Industrial Strategy?", ["Regius Professor of Medicine"], False,
                 id="signatory-post-bridge"),
    # A second date part needs a year of its own: February 2017 is the announcement's; a
    # restatement adding the jobs' year is kept.
    pytest.param("When did BBI Group say it would centralise its manufacturing in Crumlin, and "
                 "by which year will the Welsh jobs be created?", ["February 2017", "2020"],
                 True, id="second-date-part"),
    # Whom a measure serves is a class, described, not a name the deal must give.
    pytest.param("Who is the digital health catalyst for?", ["small and medium-sized businesses"],
                 True, id="for-whom"),
    # "Will A outnumber B?" compares A's figure with B's ("c.800" is circa 800, a figure).
    pytest.param("Will the extra staff at MSD's new London site outnumber AstraZeneca's 2,000 "
                 "in Cambridge?", ["800", "2,000", "1,200 more"], True, id="outnumber"),
    # Where a stated figure comes from: the unit stating it, then its footnote's entry (not
    # a References entry chosen for its words, nor a unit set aside as the premise's).
    pytest.param("According to the references, what is the source of the growth from 22 "
                 "advanced therapy companies to 64?",
                 ["22 companies in 2012", "Cell and Gene Therapy Catapult Annual Reviews"], True,
                 id="figure-source-references"),
    pytest.param("The 20,000 apprenticeships ambition has a footnote. Who wrote the source it "
                 "cites, and when?", ["20,000", "Science Industry Partnership (2016)"], True,
                 id="figure-source-premise"),
    # The two things a premise sets together are the sides of the ratio asked after it
    pytest.param("The vaccines centre and the Medicines Manufacturing Innovation Centre each "
                 "get Challenge Fund money. How many times bigger is the vaccines allocation?",
                 ["£66m ÷ £12m = 5.5 times"], True, id="premise-pair-ratio"),
    # The others named beside a name asked about: each mention quoted with the whole series
    pytest.param("Philips is named in two AI diagnostics efforts. Which other companies are "
                 "named in those discussions?", ["Toshiba Medical Systems", "Leica"], True,
                 id="others-named-beside"),
    # A count with one more thing named singly: "a ... hub and 22 ... centres"
    pytest.param("How many sites does the transplant trials network link, including its hub?",
                 ["1 + 22 = 23"], True, id="one-more-counted"),
    # A share of a whole the deal gives only in parts: the parts added up first
    pytest.param("What proportion of Vertex's UK employees are based in Oxford?",
                 ["128 + 140 = 268", "140 ÷ 268 = about 52.2% (roughly 52%)"], True,
                 id="share-of-summed-parts"),
    # Another form of a quoted name: where the deal writes it otherwise
    pytest.param("The deal's governance part refers to 'Biobank UK'. What is it called in the "
                 "other sections?", ["UK Biobank"], True, id="other-form-of-a-name"),
    # Each place listed asked of on its own (not as a follow-up to the first place)
    pytest.param("Match each place to what the deal says is happening there: Harwell, Hampton "
                 "and Crumlin.", ["Touchlight", "BBI Group", "Rosalind Franklin Institute"],
                 True, id="each-place-on-its-own"),
    # ... figures named, not stated: those of the unit carrying a footnote
    pytest.param("Which body's publications are the advanced therapy company growth figures "
                 "taken from?", ["Cell and Gene Therapy Catapult Annual Reviews"], True,
                 id="figure-source-named-figures"),
    # The whole country is no place to be in: "in Britain" is answered by "in the UK".
    pytest.param("How long has Vertex been growing its presence in Britain - from which year?",
                 ["2015"], True, id="whole-country-no-place"),
    # Two events compared, with "and in what months?" answered by their dates; one dated only
    # in the timeline, which retrieval did not bring.
    pytest.param("Which happened first, the board's first meeting or the start of the ISCF Wave 1 "
                 "projects, and in what months?", ["Jan 2018", "April 2018", "came first"], True,
                 id="which-first-and-months"),
    pytest.param("Did NHS England's research paper on twelve actions come out in the same month "
                 "as the Industrial Strategy's early diagnostics money?",
                 ["November 2017", "Nov 2017"], True, id="same-month-timeline-row"),
    # A premise's names are not the ask's subject when the ask names its own ("Challenge
    # Fund") and does not refer back: the figure is not required to be Oxford BioMedica's.
    pytest.param("Oxford BioMedica's platform uses a viral vector. How much extra Challenge Fund "
                 "money goes to viral vector manufacturing capacity?", ["£16m"], True,
                 id="premise-names-not-the-subject"),
    # One sum stated for several things: each unit stating it, with the name holding it.
    pytest.param("Which two investments in the deal are each worth £40m?", ["Seqirus", "Nexus"],
                 True, id="sum-held-by-several"),
    # "add X (a stated sum) to Y": each side's own figure
    pytest.param("If you add the £146m Wave 1 healthcare pot to the early diagnostics "
                 "programme, what's the total ceiling?", ["£146m", "£210m", "£356m"], True,
                 id="add-stated-sum-to-another"),
    # The part named says where, before a heading elsewhere whose words the question uses.
    pytest.param("Set out the commitments on implementing the Accelerated Access Review given "
                 "in the key commitments.",
                 ["£86m of government funding", "digital health catalyst"], True,
                 id="named-part-before-heading"),
    # Plain words close in meaning to the passage ("sign-offs" ~ approvals, "offices" ~ R&D
    # departments): the passage covers the question though few words are shared.
    pytest.param("Which body is supposed to get drug-trial sign-offs moving faster and take "
                 "pressure off hospital research offices?", ["Health Research Authority"], True,
                 id="paraphrase-close-in-meaning"),
    # "RDEC" is spelt out in lower case ("the R&D expenditure credit"); "which day" asks a date.
    pytest.param("We claim RDEC. From which day does its rate rise to 12%?",
                 ["1 January 2018"], True, id="acronym-spelt-in-lower-case"),
    # A place the question names is held by a district of it ("King's Cross" in London).
    pytest.param("Which London sites are seeing large increases in capital infrastructure "
                 "spending?", ["King's Cross", "Imperial West"], True, id="london-districts"),
    # A why-question is answered by the unit giving a reason ("as the interface ... is likely
    # to underpin ..."), not the one naming the same scientists without one.
    pytest.param("Why does the deal want life scientists working with physical scientists?",
                 ["commercial opportunities"], True, id="why-asks-a-reason"),
    # A premise's organisation referred back to by its role ("that same funder").
    pytest.param("Immunocore got $40m from a foundation. What is that same funder doing with "
                 "Wellcome to change how studies are run?",
                 ["Bill & Melinda Gates Foundation", "good clinical practice"], True,
                 id="premise-organisation-by-its-role"),
    # A place abroad named otherwise than in the deal ("North America": "the US and Canada").
    pytest.param("The drug firm called Merck in North America - where is its existing UK "
                 "headquarters that staff will come from?", ["Hoddesdon"], True,
                 id="place-abroad-by-another-name"),
    # "... between them": a sum of each side's own figure.
    pytest.param("How many new jobs do BBI Group's South Wales move and the BioClavis spin-out "
                 "in Glasgow promise between them?", ["50", "43", "93"], True,
                 id="between-them-is-a-sum"),
    # Three things asked for: the sentence naming three in a series is the list.
    pytest.param("Name the three kinds of NIHR research infrastructure in the NHS that the new "
                 "contracts cover.", ["Biomedical Research Centres", "Clinical Research "
                 "Facilities", "Experimental Cancer Medicine Centres"], True,
                 id="three-things-asked-a-series-of-three"),
])
def test_the_answer_quotes_what_the_mechanism_finds(real_assistant, question, quoted, answered):
    a = real_assistant.ask(question)
    assert all(q in a.text for q in quoted), a.text
    assert not (answered and a.abstained), a.text


def test_a_topic_swept_across_the_deal_is_quoted_wherever_it_turns_up(real_assistant):
    # The five retrieved passages hold one or two of them; the apprenticeship levy, the
    # Institute for Apprenticeships and the surveys are in different places.
    a = real_assistant.ask("Pull together everything in the deal about apprenticeships.")
    assert not a.abstained and len(a.citations) >= 3, a.text
    assert len({(c.passage_id, c.start) for c in a.citations}) == len(a.citations)
    assert all("pprentice" in c.quote for c in a.citations), a.text


def test_a_rate_the_premise_restates_is_scaled_by_the_count_the_question_gives(real_assistant):
    # The premise restates the unit with the rate; here it is the operand, not a restatement
    # to pass over.
    a = real_assistant.ask("The wound care model frees nurse time in each Clinical Commissioning "
                           "Group. For twelve CCGs, how many nurse FTEs would be released?")
    assert not a.abstained and "9 × 12 = around 108" in a.text, a.text


def test_a_share_of_two_sums_the_question_gives_is_worked_out(real_assistant):
    # The unit holding both says "total support for R&D will increase by a third": a share,
    # but not the one asked for.
    a = real_assistant.ask("What proportion of the £12.5bn in 2021/22 does the further £2.3bn "
                           "represent?")
    assert "£2.3bn ÷ £12.5bn = about 18.4% (roughly 18%)" in a.text, a.text


def test_a_share_of_two_sums_the_deal_states_is_worked_out_not_a_stated_change(real_assistant):
    # Neither sum is given: both are found, and "will increase by a third" (a change) is not
    # taken for the share asked.
    a = real_assistant.ask("Which proportion of public R&D investment in 2021/22 does the "
                           "White Paper's further increase account for?")
    assert "£2.3bn ÷ £12.5bn = about 18.4% (roughly 18%)" in a.text, a.text


def test_two_sums_the_question_sets_against_each_other_are_the_pair(real_assistant):
    a = real_assistant.ask("Net of the £146m programme, how far ahead are the up to £253m "
                           "industry pledges?")
    assert "£253m − £146m = £107m" in a.text, a.text
    assert {"£146m", "£253m"} <= {f for c in a.citations for f in ("£146m", "£253m")
                                  if f in c.quote}, a.text


def test_a_date_only_the_timeline_gives_is_its_row_naming_the_thing(real_assistant):
    # Retrieval finds the prose about the consultation response, which dates nothing; the
    # implementation plan's row naming the Budget does.
    a = real_assistant.ask("In which month did the patient capital consultation response come "
                           "out, alongside the Budget?")
    assert not a.abstained and "Nov 2017" in a.text and "Budget" in a.text, a.text
    # ... a row holding a word of a name is not a row naming it ("leading-edge healthcare" is
    # no "Alderley Edge")
    a = real_assistant.ask("When did AstraZeneca announce it was moving its research from "
                           "Alderley Edge?")
    assert "leading-edge" not in a.text, a.text


def test_an_abbreviation_is_spelt_out_by_the_deals_own_name_for_it(real_assistant):
    a = real_assistant.ask("What does HARP stand for?")
    assert not a.abstained and "Health Advanced Research Programme" in a.text, a.text
    assert "Health Advanced Research Programme" in a.citations[0].quote
    # the deal spells out no such name: answered as any other question, not made up
    a = real_assistant.ask("What does QXZ stand for?")
    assert "QXZ stands for" not in a.text, a.text


def test_this_year_is_dated_by_the_deals_own_announcement(real_assistant):
    a = real_assistant.ask("In what year did Novo Nordisk announce its new Oxford research "
                           "centre?")
    assert "“this year” in a deal announced in 2017 is 2017" in a.text, a.text
    assert any("Sector Deal announced" in c.quote for c in a.citations), a.text
    # ... not the year of another event the unit dates itself ("in summer 2018")
    a = real_assistant.ask("In which year will Novo Nordisk occupy its new building?")
    assert "Dated by the deal's own announcement" not in a.text, a.text



def test_a_span_counted_from_the_deal_starts_at_its_announcement(real_assistant):
    a = real_assistant.ask("If the Health Advanced Research Programme's horizon is counted from "
                           "the deal's publication, roughly what year does it reach?")
    assert "2017 + 20 years = 2037" in a.text, a.text
    assert any("Sector Deal announced" in c.quote for c in a.citations), a.text


def test_the_largest_item_of_a_listed_programme_is_found(real_assistant):
    a = real_assistant.ask("What is the largest single line in the £146m programme?")
    assert "£66m on a Vaccines Development & Manufacturing Centre" in a.text, a.text
    assert "The most of the 5 listed: £66m." in a.text, a.text


def test_a_stated_change_is_given_as_a_share_of_where_it_started(real_assistant):
    a = real_assistant.ask("By what percentage does the R&D expenditure credit rate go up?")
    assert "rise of 1 percentage point, about 9.1% (roughly 9%)" in a.text, a.text


def test_things_listed_far_apart_are_ranked_by_their_figures(real_assistant):
    # Nexus is in Leeds, the facility in Cambridge: one retrieval rarely reaches both, so a
    # thing no retrieved unit names is found by its name.
    a = real_assistant.ask("Order these by size, biggest first: AstraZeneca's Cambridge "
                           "facility, the Nexus centre in Leeds, and Novo Nordisk's research "
                           "centre.")
    assert "In order: £500m (AstraZeneca's Cambridge facility) > £115m (Novo Nordisk's " \
           "research centre) > £40m (the Nexus centre in Leeds)." in a.text, a.text


def test_asked_for_every_firm_of_a_kind_units_naming_others_are_added(real_assistant):
    # The first two firms to move in and the CryoHub's owner are named in different places.
    a = real_assistant.ask("Which firms does the deal link to the Stevenage manufacturing "
                           "centre?")
    assert "Autolus" in a.text and "Thermo Fisher" in a.text, a.text


def test_an_american_name_is_stated_by_the_united_states(real_assistant):
    # "American" is not a word the deal uses: "... established in the United States" says it.
    a = real_assistant.ask("Which American defence research outfit is the health research "
                           "programme modelled on?")
    assert not a.abstained and "DARPA" in a.text, a.text
    # ... and "North America" by "the US and Canada", as the place a name is used in
    a = real_assistant.ask("Which drugmaker, called something else in North America, is "
                           "opening a research facility in London?")
    assert not a.abstained and "MSD" in a.text, a.text


def test_asked_when_projects_start_a_row_dating_their_announcement_gives_way(real_assistant):
    # The premise pulls "Aug 2017 ... Challenge Fund Wave 1 announced" to the top; the row
    # that dates the start is "April 2018\tProjects allocated funding under ISCF Wave 1 begin".
    a = real_assistant.ask("We got first-wave Challenge Fund money for healthcare. When does "
                           "the plan expect projects like ours to start?")
    assert not a.abstained and "April 2018" in a.text, a.text


def test_words_about_the_document_are_not_what_a_question_asks(real_assistant):
    # "mention" says where the deal names Illumina, not what it says of it
    a = real_assistant.ask("Illumina gets just one mention in the deal. In what capacity?")
    assert not a.abstained and "major partner" in a.text, a.text


def test_an_event_retrieval_ranks_low_is_dated_anywhere_in_the_deal(real_assistant):
    # The timeline's rows fill the retrieved units; Vertex's UK growth is dated in a
    # paragraph retrieval ranks low ("... increased its footprint in the UK since 2015").
    a = real_assistant.ask("About how long before the Life Sciences Industrial Strategy was "
                           "published had Vertex started to grow in the UK?")
    assert not a.abstained and "2015 came first" in a.text and "2017" in a.text, a.text


def test_a_part_of_a_given_sum_the_deal_does_not_break_down_is_not_answered(real_assistant):
    # "... has to date raised over £300m ... In 2017 alone it raised $100m": the whole again,
    # and a sum of another currency, neither of them the British investors' part.
    a = real_assistant.ask("Of the over £300m Adaptimmune has raised so far, how much came "
                           "from British investors?")
    assert a.abstained, a.text
    # ... where the deal does give the part, it answers
    a = real_assistant.ask("Of the £20bn-plus of patient capital, how much should come "
                           "through EIS and VCTs?")
    assert not a.abstained and "£7bn" in a.text, a.text


def test_a_sum_several_things_share_is_not_one_of_them_s_in_a_comparison(real_assistant):
    # "This £146m will fund two new national centres - ... and a Vaccines Development and
    # Manufacturing Centre": the vaccines centre's own sum is "£66m on a Vaccines ... Centre".
    a = real_assistant.ask("Which gets more: the new national vaccines centre from public "
                           "funds, or Novo Nordisk's new Oxford research centre - and by how "
                           "much?")
    assert "£66m" in a.text and "£49m" in a.text, a.text


def test_a_work_asked_by_the_person_who_led_it_is_found_by_its_own_name(real_assistant):
    # ("Sir John Bell's strategy" is the Life Sciences Industrial Strategy, launched Aug 2017)
    q = ("How many months after Sir John Bell's strategy came out was the £16m viral vector "
         "money announced?")
    a = real_assistant.ask(q)
    assert a.question == q and not a.abstained, a.text
    assert "Aug 2017 came first, 2 months before Oct 2017" in a.text, a.text


def test_asked_when_a_run_of_time_ends_the_end_is_worked_out(real_assistant):
    # ("over the five years from April 2017")
    a = real_assistant.ask("When do the NIHR's new research infrastructure contracts end?")
    assert "April 2017 + 5 years = April 2022" in a.text, a.text


def test_the_names_of_a_series_are_counted_where_the_deal_gives_no_number(real_assistant):
    a = real_assistant.ask("How many regional organisations are named as having come together "
                           "to welcome the Life Sciences Industrial Strategy?")
    assert "six (6) named" in a.text and "GW4 Alliance" in a.citations[0].quote, a.text


def test_what_a_rise_leaves_once_a_part_is_set_aside(real_assistant):
    a = real_assistant.ask("Total public R&D investment rises from around £9.5bn to £12.5bn. How "
                           "much of that increase is beyond the further £2.3bn?")
    assert "= about £0.7bn" in a.text, a.text


def test_the_years_between_two_financial_years(real_assistant):
    a = real_assistant.ask("Over how many years does total public investment in R&D rise from "
                           "around £9.5bn to £12.5bn?")
    assert "2016/17 to 2021/22 is 5 years" in a.text, a.text


def test_every_pound_sum_in_the_timetable_added(real_assistant):
    a = real_assistant.ask("What do all the pound sums in the implementation plan's timetable "
                           "add up to?")
    assert "= up to £458m" in a.text and len(a.citations) == 4, a.text


def test_a_sum_of_two_set_against_a_third(real_assistant):
    a = real_assistant.ask("Which is larger: the Oxfordshire Housing Deal, or the Challenge Fund's "
                           "medicines manufacturing programme and the viral vectors money put "
                           "together, and by how much?")
    assert "= £162m" in a.text and "£215m is £53m more than £162m" in a.text, a.text


def test_a_sum_tied_to_several_holders_is_every_mention_though_asked_in_two_parts(real_assistant):
    a = real_assistant.ask("A $100m sum is tied to two different companies in the deal. Which "
                           "companies, and what does it mean in each case?")
    assert "Adaptimmune" in a.text and "The Medicines Company" in a.text, a.text


def test_the_people_named_across_the_deal_are_listed(real_assistant):
    a = real_assistant.ask("List all the named individuals who appear in the deal.")
    for name in ("Greg Clark", "Andrew Witty", "Charlie Craddock"):
        assert name in a.text, a.text
    assert not a.abstained and len(a.citations) >= 4


def test_a_measure_named_without_its_sum_gets_the_sum_the_deal_puts_on_it(real_assistant):
    a = real_assistant.ask("We're designing a new vaccine and need development and manufacturing "
                           "capability. Is a national centre planned, and what is it getting?")
    assert "£66m" in a.text and "Vaccines Development" in a.citations[-1].quote, a.text
