"""Bridge questions: a subject given by a description is looked up, then asked about."""

from __future__ import annotations

import pytest

from assistant.bridge import bridge_name, find_bridge, with_name


@pytest.mark.parametrize("question, first, rest", [
    ("The company behind the Borealis Trial: what else does it fund?",
     "Which company is behind the Borealis Trial?", "NAME: what else does it fund?"),
    ("The charity that gave £5m to Acme Labs is also named in the skills section. Why?",
     "Which charity gave £5m to Acme Labs?", "NAME is also named in the skills section. Why?"),
    ("What does the firm responsible for the Exeter Campus plan next?",
     "Which firm is responsible for the Exeter Campus?", "What does NAME plan next?"),
    ("The UK firm whose vector platform won FDA approval is also expanding. Who else is?",
     "Which UK firm's vector platform won FDA approval?", "NAME is also expanding. Who else is?"),
    # a participle's clause, up to a dash; a maker named by what it makes
    ("The drugmaker leaving its lab at Exeter Quay - what is it doing on genomics?",
     "Which drugmaker is leaving its lab at Exeter Quay?", "NAME - what is it doing on genomics?"),
    # a participle with its agent's name, where the main verb follows without a marker
    ("What route to market will the body chaired by Sir Ann Zeta develop and own?",
     "Which body is chaired by Sir Ann Zeta?", "What route to market will NAME develop and own?"),
    # a place or programme, by a relative clause with a subject of its own, to its preposition
    ("How much is going into expanding the manufacturing centre that Zeta and Acme are moving "
     "into?", "Which manufacturing centre Zeta and Acme are moving into?",
     "How much is going into expanding NAME?"),
    # a clause ending the question on the name its verb acts on: a clear end
    ("What university post is held by the person who led the Borealis Strategy?",
     "Which person led the Borealis Strategy?", "What university post is held by NAME?"),
    # a role of a subject described by what it is responsible for, in plain words (also
    # inside another description naming nothing to look up)
    ("Who chairs the group responsible for the fast route to bring new devices to patients?",
     "Which group is responsible for the fast route to bring new devices to patients?",
     "Who chairs NAME?"),
    ("Name the person chairing the body responsible for the fast route to market.",
     "Which body is responsible for the fast route to market?",
     "Name the person chairing NAME."),
    # a clause with its own subject and "that" left out, ending the question on its verb
    ("How much money backs the agenda of the collaborative Sir Ann Zeta chairs?",
     "Which collaborative does Sir Ann Zeta chair?", "How much money backs the agenda of NAME?"),
    # a purpose it was set up for
    ("The programme meant to give Acme and the NHS a framework for tests - how much does it "
     "have?", "Which programme is meant to give Acme and the NHS a framework for tests?",
     "NAME - how much does it have?"),
    # asked where it is ("in which town is ...")
    ("In which town is the Catapult facility that Zeta and Acme are moving into?",
     "Which Catapult facility Zeta and Acme are moving into?", "In which town is NAME?"),
])
def test_a_description_becomes_a_question_of_its_own(question, first, rest) -> None:
    b = find_bridge(question)
    assert b is not None and b.first == first
    assert with_name(b, "NAME") == rest


@pytest.mark.parametrize("question", [
    "What is the company that made it doing?",  # nothing to look the subject up by
    "Which company that is moving to Cambridge also sequences genomes?",  # asks for it already
    "How many jobs will the company that is building a £5m plant create?",  # no clear end
    "How many jobs will the firm moving into Exeter create?",
    "How much will the government invest in Exeter?",
    "Which body is responsible for the fast route to market?",  # asks for it already
    "The body responsible for the route is new.",  # asks nothing
])
def test_questions_naming_their_subject_are_not_bridges(question) -> None:
    assert find_bridge(question) is None


def test_a_plain_words_description_that_asks_no_role_leaves_a_named_one_standing() -> None:
    # The later "group responsible for ..." is no role asked of it: the named description
    # before it is the bridge still.
    b = find_bridge("The company behind the Borealis Trial is also in the group responsible "
                    "for the new trial approvals route. Why?")
    assert b is not None and b.first == "Which company is behind the Borealis Trial?"


def test_the_name_is_the_one_carrying_the_kind_else_the_nearest_new_one() -> None:
    b = find_bridge("The foundation that invested $40m in Acme is named later. Why?")
    quote = "In 2017 Acme received a $40m investment from the Bill & Melinda Gates Foundation."
    assert bridge_name(b, quote) == "Bill & Melinda Gates Foundation"
    b = find_bridge("The company behind the Borealis Trial: what else does it fund?")
    quote = "UK firms lead the field: Zeta's ground-breaking Borealis Trial tested a treatment."
    assert bridge_name(b, quote) == "Zeta"  # not "UK", and not the trial's own name
    assert bridge_name(b, "The Borealis Trial tested a treatment.") is None
    b = find_bridge("The UK firm whose vector platform won FDA approval is also expanding. Who?")
    quote = "Zeta Bio's vector platform won approval through Acme's therapy product, Kymzo."
    assert bridge_name(b, quote) == "Zeta Bio"  # the owner, not the nearest new name


def test_a_person_asked_for_is_the_name_with_a_title() -> None:
    b = find_bridge("What post is held by the person who led the Borealis Strategy?")
    quote = "The Zeta Sector Deal builds on the Borealis Strategy, led by Professor Sir Ann Acme."
    assert bridge_name(b, quote) == "Professor Sir Ann Acme"  # not the nearer "Zeta Sector Deal"


def test_words_joined_by_and_under_one_article_are_one_name() -> None:
    b = find_bridge("How much is going into expanding the manufacturing centre that Zeta and "
                    "Acme are moving into?")
    quote = "Zeta and Acme will be the first to move in to the Exe and Tamar Manufacturing Centre"
    assert bridge_name(b, quote) == "Exe and Tamar Manufacturing Centre"


def test_the_name_is_not_a_place_and_prefers_one_set_beside_a_kind_word() -> None:
    b = find_bridge("The drugmaker leaving its lab at Exeter Quay - what is it doing on genomics?")
    quote = ("Global pharmaceutical company, Zeta Pharma, announced a move from Exeter Quay, Devon, "
             "to a new site on the Borealis Science Park.")
    assert bridge_name(b, quote) == "Zeta Pharma"  # not "Devon", nor the nearer science park
    quote = "Zeta Pharma announced a move from Exeter Quay, Devon, to a new site."
    assert bridge_name(b, quote) == "Zeta Pharma"  # "Devon" is nearer, but a place


def test_a_qualified_kind_or_a_name_the_deal_quotes_is_the_subjects_name() -> None:
    # "the Catapult facility" is the "... Catapult Manufacturing Centre" (a facility the deal
    # calls a centre), not the nearer new company name
    b = find_bridge("In which town is the Catapult facility that Zeta and Acme are moving into?")
    quote = "Zeta and Acme Medicine are set to move into the Exe Catapult Manufacturing Centre"
    assert bridge_name(b, quote) == "Exe Catapult Manufacturing Centre"
    # a programme named in quotes, in lower case, before the kind word
    b = find_bridge("The programme meant to give Acme and the NHS a framework for tests - how "
                    "much does it have?")
    quote = "The 'Data to early diagnosis' Challenge Fund programme will provide a framework."
    assert bridge_name(b, quote) == "Data to early diagnosis"
