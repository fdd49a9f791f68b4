"""Other forms of a name the question quotes: reordered, fuller or spelt otherwise."""

from __future__ import annotations

import pytest

from assistant.name_variants import asked_other_name, is_variant, name_variants
from dealqa.types import Passage, Unit, UnitKind


@pytest.mark.parametrize(("question", "name"), [
    ("The governance section mentions 'Biobank UK'. What is that resource called everywhere "
     "else in the deal?", "Biobank UK"),
    ("The key commitments say the work is with 'Widget Research'. What fuller name does the "
     "detailed chapter use?", "Widget Research"),
    ("The summary calls the parent 'BioSnyder'. What name does the rest of the deal give it?",
     "BioSnyder"),
    # a quoted name not asked to be named otherwise, or another form asked of no quoted name
    ("The deal mentions 'Biobank UK'. What does it hold?", None),
    ("What is the Widget Fund called elsewhere in the deal?", None),
])
def test_the_quoted_name_whose_other_forms_are_asked(question: str, name: str | None) -> None:
    assert asked_other_name(question) == name


@pytest.mark.parametrize(("name", "other", "ok"), [
    ("Biobank UK", "UK Biobank", True),  # reordered
    ("Health Data Research", "Health Data Research UK", True),  # fuller
    ("BioSnyder", "BioSpyder", True),  # spelt otherwise
    ("Cell Medica", "Cell Medicine", True),
    ("Biobank UK", "Biobank UK", False),  # the same
    ("NHS England", "NHS Digital", False),  # another name
    ("Wave 1", "Wave 2", False),
    ("Health Data Research", "Health Data Research UK Programme Board Members", False),
])
def test_another_form_of_a_name(name: str, other: str, ok: bool) -> None:
    assert is_variant(name, other) is ok


def test_each_other_form_is_found_once_where_it_stands() -> None:
    texts = ["Delivery may sit with Biobank UK.", "Sequencing of the UK Biobank will start.",
             "The UK Biobank's data is open.", "NHS Digital will help."]
    passages = [Passage(f"doc#p/{i:03d}", "doc", t, ("Ideas",), i * 100, i * 100 + len(t),
                        (Unit(UnitKind.SENTENCE, i * 100, i * 100 + len(t)),))
                for i, t in enumerate(texts)]
    found = [(p.passage_id, i, form) for p, i, form
             in name_variants("Biobank UK", passages, frozenset())]
    assert found == [("doc#p/001", 0, "UK Biobank")]
