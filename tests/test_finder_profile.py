"""parse_profile: free text -> kind, sector, place, needs; routing of chat questions."""

from __future__ import annotations

import pytest

from finder import Need, OrgKind, Profile, is_support_question, parse_profile
from finder.profile import is_uk_place


@pytest.mark.parametrize(
    ("text", "kind", "sectors", "place", "needs"),
    [
        ("12-person medtech start-up in Leeds working with NHS trusts",
         OrgKind.SME, ["medtech"], "Leeds", set()),
        # a size in words
        ("Five-person firm wanting to develop its products with an NHS trust",
         OrgKind.SME, [], None, set()),
        ("University spin-out in Oxford developing CAR-T therapies, needs GMP manufacturing space",
         OrgKind.SME, ["cell and gene therapy"], "Oxford", {Need.MANUFACTURING, Need.PREMISES}),
        ("NHS foundation trust in Manchester wanting to adopt AI diagnostics",
         OrgKind.NHS, ["diagnostics", "AI and data"], "Manchester", {Need.NHS_ADOPTION}),
        ("University research group that needs access to patient records",
         OrgKind.UNIVERSITY, [], None, {Need.DATA}),
        ("Angel investor looking at tax relief on biotech investments",
         OrgKind.INVESTOR, ["biotech"], None, {Need.FINANCE}),
        ("A cancer charity funding genomics research", OrgKind.CHARITY, ["genomics"], None,
         {Need.FUNDING}),
        ("Multinational vaccine maker that cannot recruit enough technicians",
         OrgKind.LARGE, ["vaccines"], None, {Need.SKILLS}),
        # partnering with the NHS is about adoption
        ("Small company teaming up with the NHS to build a health technology",
         OrgKind.SME, [], None, {Need.NHS_ADOPTION}),
    ],
)
def test_parse_profile_fields(text, kind, sectors, place, needs):
    p = parse_profile(text)
    assert p.text == text
    assert p.kind is kind
    assert p.sectors == sectors
    assert p.place == place
    assert set(p.needs) == needs


def test_foreign_place_is_kept_and_known_as_foreign():
    p = parse_profile("Fintech in Singapore needing crypto licences")
    assert p.place == "Singapore" and p.kind is None and p.sector is None and p.needs == ()
    assert not is_uk_place("Singapore")
    assert is_uk_place("Leeds city centre") and is_uk_place("Crumlin", known=["Crumlin"])


def test_known_corpus_places_win_over_the_gazetteer():
    p = parse_profile("A lab at the Sheffield Olympic Legacy Park", known_places=["Sheffield Olympic Legacy Park"])
    assert p.place == "Sheffield Olympic Legacy Park"


def test_profile_fields_are_coerced_and_serialised():
    p = Profile(kind="sme", needs=("funding",), sector="medtech, diagnostics")
    assert p.kind is OrgKind.SME and p.needs == (Need.FUNDING,)
    assert p.sectors == ["medtech", "diagnostics"]
    assert p.to_dict() == {"text": "", "kind": "sme", "sector": "medtech, diagnostics",
                           "place": None, "needs": ["funding"]}
    assert Profile().is_empty and not p.is_empty
    with pytest.raises(ValueError):
        Profile(kind="spaceship")


@pytest.mark.parametrize("q", [
    "What applies to us?",
    "What can we get from the deal?",
    "Is there help for a company like ours?",
    "We're a 10-person diagnostics firm in Dundee — what support is there?",
    "I'm an angel investor; is anything in the deal for me?",
    "Our start-up needs GMP space: which schemes could we apply for?",
    "We want to build a vaccine factory in the north of England. Is there support?",
    "We are a small medtech firm in Wales. Is there a local hub we could work with?",
    "We're an advanced-therapy company. Is there a treatment centre network we could use?",
    "I invest through EIS. What changes for investors like me?",
    # Money sought by the asker: a fund or finance, not only "support".
    "We're a growing biotech looking for investment. Is there a fund that co-invests?",
    "We are a new venture fund manager. Which part of the plan is aimed at us?",
    "We are a vaccine maker. How much funding could we get?",
])
def test_support_questions_route_to_the_finder(q):
    assert is_support_question(q)


@pytest.mark.parametrize("q", [
    "How much is the Medicines Manufacturing Innovation Centre getting?",
    "What support does the deal give small and medium-sized businesses?",
    "When was the Life Sciences Industrial Strategy published?",
    "Who chairs the Accelerated Access Collaborative?",
    "Do we know when the support will start?",
    "Where is the Medicines Manufacturing Innovation Centre?",
    "Which hub will the Welsh government fund?",
    "What changes for the NHS under the deal?",
    "How much will the new investment fund unlock?",
    # a profile setting the scene for a figure or a date about someone else
    "We're a diagnostics start-up comparing grant packages. In the Glasgow example, what share "
    "of the investment did the grant make up?",
    "We're a biotech SME looking at funding. When was the viral vectors money announced?",
    "",
])
def test_other_questions_stay_with_the_answerer(q):
    assert not is_support_question(q)
