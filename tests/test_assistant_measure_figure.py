"""A support answer naming a measure without its sum gets the sum the register gives it."""

from __future__ import annotations

from decimal import Decimal

from assistant.measure_figure import MeasureFigures, asker_speaks
from commitments.model import ActorKind, CitationRef, Commitment, Qualifier


def _money(raw: str, purpose: str, quote: str) -> Commitment:
    ref = CitationRef("doc#k/001", "Key commitments", 0, len(quote), quote)
    return Commitment(f"doc#{raw}", Decimal(1), "GBP", Qualifier.NONE, raw, purpose,
                      "government", ActorKind.GOVERNMENT, citations=[ref])


_REGISTER = [
    _money("£30m", "establish three Borealis Treatment Centres",
           "£30m to establish three Borealis Treatment Centres;"),
    _money("£12m", "Medicines Manufacturing Innovation Centre",
           "£12m on a Medicines Manufacturing Innovation Centre;"),
    _money("£66m", "Vaccines Development & Manufacturing Centre",
           "£66m on a Vaccines Development & Manufacturing Centre;"),
]
_FIGURES = MeasureFigures(_REGISTER)
_NAMED = ("This includes two new national centres - the Medicines Manufacturing Innovation Centre "
          "and Vaccines Development and Manufacturing Centre - and three Borealis treatment "
          "centres co-located in hospitals.")


def test_the_measure_the_question_points_to_gets_its_sum() -> None:
    found = _FIGURES.find("We're an SME hoping to get our treatment into Borealis hospital "
                           "centres. Is there dedicated infrastructure?", [_NAMED])
    assert found is not None and found.commitment.raw == "£30m"
    assert found.ref.quote.startswith("£30m")
    vaccine = _FIGURES.find("We're developing a new vaccine and need development capability. "
                             "Is a centre planned?", [_NAMED])
    assert vaccine is not None and vaccine.commitment.raw == "£66m"


def test_no_sum_is_added_where_it_is_unclear_or_already_quoted() -> None:
    # two measures fit the question equally ("manufacturing centre"): neither is added
    assert _FIGURES.find("We run manufacturing. Which centre fits?", [_NAMED]) is None
    # a quote with a sum of its own already answers how much
    assert _FIGURES.find("We're an SME needing Borealis treatment centres.",
                          ["The Borealis Treatment Centres will receive £30m."]) is None
    # ... but a sum shared by several things is none of theirs
    shared = "This £146m will fund two new national centres - " + _NAMED
    assert _FIGURES.find("We're developing a vaccine: is a development centre planned?",
                          [shared]) is not None
    # a measure the quotes do not name is not added
    assert _FIGURES.find("We make vaccines in a development centre.",
                          ["Industry will invest in skills."]) is None


def test_the_asker_speaking_of_themselves_is_told_apart() -> None:
    assert asker_speaks("We're developing a new vaccine. Is a centre planned?")
    assert asker_speaks("Our start-up makes devices: what fits us?")
    assert not asker_speaks("What does the deal give the vaccines centre?")
