"""A question giving one party's deed to another: the deal says it of someone else."""

from __future__ import annotations

from assistant.misattributed import misattributed
from assistant.question import analyse_question
from assistant.scoring import Candidate, TermStats
from dealqa.types import Passage, Unit, UnitKind


def _passage(pid: str, text: str) -> Passage:
    return Passage(f"doc#{pid}", "doc", text, ("Ideas",), 0, len(text),
                   (Unit(UnitKind.SENTENCE, 0, len(text)),))


OTHER = _passage("a", "Acme announced its decision to move its main research campus from "
                      "Alderley Edge to a new headquarters in Cambridge.")
OWN = _passage("b", "Zeta's new Discovery Centre in London will take 800 staff now based at its "
                    "Hoddesdon headquarters.")
FILLER = [_passage(f"f{n}", f"The government will support the sector in region {n} with the "
                            f"industry.") for n in range(40)]
STATS = TermStats([OTHER, OWN, *FILLER])
UNITS = [Candidate.of_unit(p, 0) for p in (OTHER, OWN, *FILLER)]


def _found(question: str):
    return misattributed(analyse_question(question), UNITS[:1] + UNITS[2:6], UNITS, STATS)


def test_a_deed_the_deal_says_of_another_party_is_corrected_with_what_it_says_of_the_one_named(
        ) -> None:
    found = _found("Why is Zeta moving its research headquarters away from Alderley Edge?")
    assert found is not None
    assert (found.party, found.other_name) == ("Zeta", "Acme")
    assert found.other.passage is OTHER and found.own.passage is OWN


def test_no_correction_where_the_deal_says_it_of_the_one_named_or_never_names_them() -> None:
    assert _found("Why is Acme moving its research campus away from Alderley Edge?") is None
    assert _found("Why is Borealis moving its research headquarters away from Alderley "
                  "Edge?") is None  # a party the deal never names: it is silent, not mistaken
    # a figure, date or place asked of the party is what the deal often leaves out
    assert _found("How much is Zeta spending on moving away from Alderley Edge?") is None
    # a deed in everyday words only ("work", "region") is no particular deed of another's
    assert _found("What is Zeta doing with the industry in the region?") is None
