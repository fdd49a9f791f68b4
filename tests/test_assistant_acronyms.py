"""An abbreviation asked about is spelt out by the name whose initials it is."""

from __future__ import annotations

import pytest

from assistant.acronyms import asked_acronym, find_expansion, glossed
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
    ("The deal refers to 'OXB partnerships'. Which company is OXB?", "OXB"),
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


def test_an_abbreviation_may_take_more_than_each_words_initial() -> None:
    p = _passage("doc#d/001", "Growth is assured through Oxford BioMedica's partnerships.")
    found = find_expansion("OXB", [p])
    assert found is not None and found.name == "Oxford BioMedica"
    # one word alone is no such name ("OXF" is not "Oxford")
    assert find_expansion("OXF", [p]) is None


def test_an_abbreviation_quoted_is_glossed_with_the_name_the_deal_defines_for_it() -> None:
    p = _passage("doc#a/001", "A major Acme Medical Devices (AMD) collaboration has begun. "
                              "AMD has developed Care Plus for hospitals. Zeta Labs leads it.")
    q = _passage("doc#a/002", "The Health Advanced Research Programme will start soon; "
                              "HARP is new.", 200)
    def defined(passages):
        return lambda acronym: find_expansion(acronym, passages, defined_only=True)

    [(acronym, found)] = glossed(["AMD has developed Care Plus for hospitals."],
                                 "AMD has developed Care Plus for hospitals. [1]",
                                 defined([p, q]))
    assert (acronym, found.name) == ("AMD", "Acme Medical Devices")
    assert "(AMD)" in found.span.quote
    # already spelt out in the answer, or never defined in brackets (initials alone): no gloss
    assert glossed(["AMD has developed Care Plus."], "Acme Medical Devices (AMD) ...",
                   defined([p])) == []
    assert glossed(["HARP is new."], "HARP is new. [1]", defined([q])) == []


def test_an_entity_answer_quoting_an_abbreviation_names_it(tmp_path) -> None:
    from conftest import filler_sections, mini_index

    from assistant.assistant import Assistant

    # (other sections, so that the names below are rare enough to name something)
    others = filler_sections("nurses", ("North", "South", "East", "West", "Central", "Coastal"))
    index, emb = mini_index(tmp_path, (
        "Mini Deal\n\nPlaces\n\nA major Acme Medical Devices (AMD) collaboration has begun in "
        f"Exeter around orthopaedic services.\n\nPeople\n\nThe board meets every quarter.\n\n"
        f"{others}Ideas\n\nAMD has developed Care "
        "Plus, a programme for hospitals. In 2016 AMD and Exe Health entered an agreement "
        "for hip implants.\n"))
    a = Assistant(index, emb, top_k=3).ask("Which company agreed to supply Exe Health with "
                                           "hip implants?")
    assert not a.abstained and "AMD is Acme Medical Devices" in a.text, a.text
    assert any("(AMD)" in c.quote for c in a.citations)


def test_a_text_is_given_the_names_its_abbreviations_stand_for() -> None:
    from assistant.acronyms import with_names_spelt

    ps = [_passage("doc#a/001", "The Borealis Challenge Fund (BCF) backs new centres.")]
    known: dict[str, str | None] = {}
    assert with_names_spelt("BCF Wave 1 being announced", ps, known) == \
        "BCF Wave 1 being announced (Borealis Challenge Fund)"
    assert known == {"BCF": "Borealis Challenge Fund"}
    # an abbreviation the deal spells out nowhere adds nothing (and is remembered so)
    assert with_names_spelt("the QXZ review", ps, known) == "the QXZ review"
    assert known["QXZ"] is None
