from assistant.siblings import names_beside, sibling_anchors
from dealqa.types import AnswerType

ENTITY, LIST, AMOUNT = AnswerType.ENTITY, AnswerType.LIST, AnswerType.AMOUNT


def test_what_a_question_gives_as_one_of_those_it_asks_for() -> None:
    assert sibling_anchors("Apart from AstraZeneca, which firms ...?", ENTITY,
                           "AstraZeneca") == ("AstraZeneca",)
    assert sibling_anchors("Siemens is one - which other makers ...?", LIST, "") == ("Siemens",)
    assert sibling_anchors("GSK is one of them: who are the others?", ENTITY, "") == ("GSK",)
    # a description of the thing asked about gives no sibling
    assert sibling_anchors("IMPACT is one of only two such networks - who leads it?", ENTITY,
                           "") == ()
    assert sibling_anchors("Which other firms, besides Genomics plc, work on it?", ENTITY, "") \
        == ("Genomics plc",)
    # A description set aside by its kind: the kind's word.
    assert sibling_anchors("Apart from the two charities, who funds it?", ENTITY,
                           "two charities") == ("charities",)
    # Not a name question, or nothing given.
    assert sibling_anchors("Apart from the £12m, how much is left?", AMOUNT, "the £12m") == ()
    assert sibling_anchors("Which firms work with GSK?", ENTITY, "") == ()
    assert sibling_anchors("Besides GSK, which firms work on it?", ENTITY, "") == ()  # no "other"


def test_a_given_name_listed_beside_others() -> None:
    listed = "with UK companies like AstraZeneca, Cambridge Epigenetics and Congenica working"
    assert names_beside(listed, ("AstraZeneca",))
    assert names_beside(listed, ("Congenica",))  # the last of the list
    assert names_beside("interest from Philips, Siemens, GE Healthcare and Toshiba",
                        ("Siemens",))
    funded = "Funded by NHS Blood and Transplant and the charities Anthony Nolan and Leuka"
    assert names_beside(funded, ("charities",))
    assert not names_beside("AstraZeneca will invest in a new site in Cambridge.",
                            ("AstraZeneca",))
    assert not names_beside("Charities will take part.", ("charities",))
