"""Units: sentence splitting and line kinds of split_units."""

from __future__ import annotations

import pytest

from dealqa.types import UnitKind
from ingest import split_units
from ingest.units import sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Known as Merck and Co. Inc. in the US and Canada.",
        "This will lead to 150 new research roles and c.800 additional staff at the site.",
        "Skills gaps, e.g. on bioinformatics, and i.e. Regulatory Affairs, remain.",
        "The deal with Acme Inc. Ltd was signed.",
        "Guy's and St. Thomas' NHS Foundation Trust agreed.",
        "Work led by Dr. Smith and J. K. Rowling continued.",
        "Spending rises to 2.4 per cent of GDP and a £2.5bn fund is created.",
        "Up to £12.5bn in 2021/22, or $1.3bn.",
    ],
)
def test_no_split_inside_abbreviations_numbers_and_initials(text):
    assert _sentences(text) == [text]


def test_splits_at_real_sentence_ends():
    text = ('The deal is signed. It starts in 2018! Will it work? "Yes," they said. (Quite.) '
            "£20m follows. 2019 brings more.")
    assert _sentences(text) == [
        "The deal is signed.", "It starts in 2018!", "Will it work?", '"Yes," they said.', "(Quite.)",
        "£20m follows.", "2019 brings more."]


def test_sentence_spans_respect_bounds_and_trim():
    text = "xx  One. Two.  yy"
    assert [text[a:b] for a, b in sentence_spans(text, 2, 15)] == ["One.", "Two."]


def test_split_units_kinds_and_offsets():
    text = (
        "Key commitments\n"
        "The government will act. Industry will invest.\n"
        "• A bullet with two sentences. It stays one unit.\n"
        "  ◦ a sub-item; and\n"
        "- ▶ a raw converted bullet\n"
        "12. A reference entry\n"
        "Aug 2017\tStrategy launched\n"
        "\n"
    )
    units = split_units(text, offset=100)
    got = [(u.kind, text[u.start - 100:u.end - 100]) for u in units]
    assert got == [
        (UnitKind.HEADING, "Key commitments"),
        (UnitKind.SENTENCE, "The government will act."),
        (UnitKind.SENTENCE, "Industry will invest."),
        (UnitKind.BULLET, "A bullet with two sentences. It stays one unit."),
        (UnitKind.BULLET, "a sub-item; and"),
        (UnitKind.BULLET, "a raw converted bullet"),
        (UnitKind.BULLET, "A reference entry"),
        (UnitKind.TABLE_ROW, "Aug 2017\tStrategy launched"),
    ]


def test_split_units_of_raw_text_with_a_cut_first_line():
    text = "ment of £2.5bn. The fund opens\nin 2018."
    assert [text[u.start:u.end] for u in split_units(text)] == ["ment of £2.5bn.", "The fund opens", "in 2018."]


def test_split_units_of_empty_text():
    assert split_units("") == [] and split_units("  \n\n ") == []
