"""The shared tokeniser: amounts in every spelling meet, names stay findable, light stemming."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retrieval.text import find_amounts, normalise_amount, stem, tokenize


@pytest.mark.parametrize("form", ["£66m", "£66 million", "£66 m", "£66M", "£66m⁷"])
def test_pound_forms_share_the_canonical_token_and_the_bare_number(form):
    tokens = tokenize(f"It costs {form}.")
    assert "£66m" in tokens and "66m" in tokens and "66" in tokens


def test_written_out_amounts_are_rescaled():
    assert {"£66m", "66m"} <= set(tokenize("£66,000,000"))


def test_amount_without_currency_matches_the_currency_form():
    assert set(tokenize("66m")) <= set(tokenize("£66m"))
    assert "£66m" not in tokenize("66m")  # no currency is invented


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("$100m", "$100m"),
        ("\\$100m", "$100m"),  # escaped dollar from the PDF conversion
        ("£2.5bn", "£2.5bn"),
        ("£2.3 billion", "£2.3bn"),
        ("£1,500m", "£1.5bn"),  # rescaled: meets "£1.5bn"
        ("2.4 per cent", "2.4%"),
        ("2.4%", "2.4%"),
        ("**£215m**", "£215m"),
        ("£1,000", "£1000"),
    ],
)
def test_canonical_amounts(text, canonical):
    assert normalise_amount(text) == canonical
    assert canonical in tokenize(text)


def test_currencies_share_only_the_currency_free_tokens():
    dollars, pounds = set(tokenize("$100m")), set(tokenize("£100m"))
    assert dollars & pounds == {"100m", "100"}


def test_counts_years_and_circa():
    assert tokenize("c.800") == ["800"]
    assert tokenize("20,000 jobs") == ["20000", "job"]
    assert tokenize("in 2021/22") == ["2021/22", "2021", "2022"]
    assert tokenize("2021-22") == tokenize("2021/22")
    assert tokenize("1999/00") == ["1999/00", "1999", "2000"]
    assert normalise_amount("20,000") == "20000"


def test_normalise_amount_rejects_running_text():
    assert normalise_amount("about £66m") is None
    assert normalise_amount("Stevenage") is None


def test_find_amounts_offsets_point_into_the_given_text():
    text = "Seqirus £40m and \\$1m, 2.4 per cent"
    amounts = find_amounts(text)
    assert [a.canonical for a in amounts] == ["£40m", "$1m", "2.4%"]
    assert [text[a.start : a.end] for a in amounts] == ["£40m", "$1m", "2.4 per cent"]
    assert amounts[0].value == Decimal(40_000_000) and amounts[0].value_key == "40m"
    assert amounts[2].is_percent


def test_names_are_case_insensitive_and_unstemmed_where_it_matters():
    assert tokenize("SEQIRUS Qiagen") == tokenize("Seqirus QIAGEN") == ["seqirus", "qiagen"]
    assert tokenize("Stevenage") == tokenize("stevenage")
    assert tokenize("R&D") == ["r&d"]
    assert tokenize("Oxford's") == ["oxford"]


def test_stop_words_and_question_words_are_dropped():
    assert tokenize("How much is the funding for the centre?") == ["fund", "centr"]


@pytest.mark.parametrize(
    "forms",
    [
        ("vaccine", "vaccines"),
        ("manufacturing", "manufactured", "manufacture", "manufactures"),
        ("company", "companies"),
        ("fund", "funds", "funding", "funded"),
        ("plan", "planned", "planning", "plans"),
        ("business", "businesses"),
    ],
)
def test_stemmer_folds_inflections(forms):
    assert len({stem(f) for f in forms}) == 1, {f: stem(f) for f in forms}


@pytest.mark.parametrize("forms", [
    ("represent", "representation", "representing"),
    ("invest", "investment", "invests"),
    ("collaborate", "collaborated", "collaboration"),
    ("approve", "approval"),
    ("deliver", "delivery"),
    ("innovate", "innovation"),
])
def test_stemmer_joins_a_verb_to_its_noun(forms):
    # A question's "represent" is the deal's "representation".
    assert len({stem(f) for f in forms}) == 1, {f: stem(f) for f in forms}


@pytest.mark.parametrize("word", ["nation", "payment", "every", "format"])
def test_short_bases_keep_their_endings(word):
    assert stem(word) == word


@pytest.mark.parametrize("word", ["seqirus", "analysis", "process", "need", "bring", "job"])
def test_stemmer_leaves_non_inflections_alone(word):
    assert stem(word) == word


def test_contractions_leave_no_fragments():
    assert tokenize("We're sure they'll say it won't, can't or doesn't") == ["sure", "say"]


def test_irregular_past_forms_meet_their_verb() -> None:
    from retrieval.text import stem

    assert stem("led") == stem("lead") == stem("leads")
    assert stem("written") == stem("wrote") == stem("write")
    assert stem("met") == stem("meeting")


def test_practitioners_meet_their_field() -> None:
    assert stem("bioinformaticians") == stem("bioinformatics")
    assert stem("statistician") == stem("statistics")
    assert stem("technical") != stem("technicians")  # only -ician is folded


def test_money_amounts_are_the_currency_figures_only() -> None:
    from retrieval.text import money_amounts

    found = money_amounts("over £2tn, 12 per cent, 64 firms, $40m and £1.5 billion")
    assert [a.text for a in found] == ["£2tn", "$40m", "£1.5 billion"]
