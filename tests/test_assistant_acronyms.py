"""An abbreviation asked about is spelt out by the name whose initials it is."""

from __future__ import annotations

import pytest

from assistant.acronyms import asked_acronym, find_expansion
from dealqa.types import Passage, Unit, UnitKind


def _passage(pid: str, text: str, start: int = 0) -> Passage:
    return Passage(pid, "doc", text, ("Ideas",), start, start + len(text),
                   (Unit(UnitKind.SENTENCE, start, start + len(text)),))


@pytest.mark.parametrize(("question", "acronym"), [
    ("What does HARP stand for?", "HARP"),
    ("Spell out the acronym ISCF used in the Ideas chapter.", "ISCF"),
    ("What is the full name of the ABPI?", "ABPI"),
    ("What is the ABPI's full name?", "ABPI"),
    ("What is the EIS short for?", "EIS"),
    # not asked to be spelt out, or asked with more besides
    ("What does the deal say about HARP?", None),
    ("What does ISCF stand for, and how much is Wave 1?", None),
    ("What does the programme stand for?", None),
])
def test_the_abbreviation_asked_to_be_spelt_out(question: str, acronym: str | None) -> None:
    assert asked_acronym(question) == acronym


def test_the_name_defined_by_the_bracketed_abbreviation_is_preferred() -> None:
    early = _passage("doc#a/001", "The Health Advanced Research Programme will look ahead.")
    defined = _passage("doc#b/001", "Establish the Health Action Research Plan (HARP) now.",
                       start=100)
    found = find_expansion("HARP", [early, defined])
    assert found is not None and found.name == "Health Action Research Plan"
    assert found.span.quote == "Establish the Health Action Research Plan (HARP) now."
    # without a definition, the first name with those initials
    found = find_expansion("HARP", [early])
    assert found is not None and found.name == "Health Advanced Research Programme"


def test_joiners_may_sit_between_the_capitalised_words_but_not_start_a_name() -> None:
    p = _passage("doc#c/001", "Work with the Association of the British Pharmaceutical Industry.")
    found = find_expansion("ABPI", [p])
    assert found is not None and found.name == "Association of the British Pharmaceutical Industry"
    assert find_expansion("TABPI", [p]) is None
    assert find_expansion("XYZ", [p]) is None
