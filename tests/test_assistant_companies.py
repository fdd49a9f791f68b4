from assistant.companies import asks_company, names_company


def test_a_company_asked_for() -> None:
    assert asks_company("Which company will operate the new vaccines centre?")
    assert asks_company("Which two firms move in first?")
    assert not asks_company("Which centre will the vaccines money fund?")
    assert not asks_company("Which kind of companies benefit from the allowance?")


def test_a_company_is_named_by_a_name_that_is_no_body_or_scheme() -> None:
    asked = frozenset({"vaccines", "development", "manufacturing", "centre"})
    # centres, a catapult, a fund: bodies and schemes the deal sets up
    assert not names_company("This includes two new national centres - the Medicines "
                             "Manufacturing Innovation Centre and the Cell and Gene Therapy "
                             "Catapult.", asked)
    assert not names_company("The Industrial Strategy Challenge Fund pays for it.", asked)
    # ... a company, wherever it stands (a sentence's opening word is no name)
    assert names_company("Autolus and Cell Medica will move in to the Borealis Centre.", asked)
    assert names_company("The plant is run by Seqirus.", asked)
    assert not names_company("Construction of the Vaccines Development Centre is under way.",
                             asked)


def test_a_company_question_needs_a_company_named() -> None:
    from assistant.question import analyse_question
    from assistant.scoring import TermStats
    from assistant.selection import Selector
    from dealqa.types import Passage, Unit, UnitKind

    text = "Unrelated sentence about vaccines."
    other = Passage("doc#o/001", "doc", text, ("Other",), 0, len(text),
                    (Unit(UnitKind.SENTENCE, 0, len(text)),))
    a = analyse_question("Which company will operate the new Borealis Vaccines Centre?")
    needs = Selector(TermStats([other])).needs(a)
    assert not needs("The money funds the Borealis Vaccines Centre and the Zeta Innovation "
                     "Centre.")
    assert needs("Acme Biologics will operate the Borealis Vaccines Centre.")
