"""How many things the deal names in one series (assistant/named_count.py)."""

from __future__ import annotations

from assistant.named_count import asks_across, asks_named_count, named_count


def test_questions_asking_how_many_are_named() -> None:
    assert asks_named_count("How many cluster organisations are named as welcoming the plan?")
    assert asks_named_count("How many charities does the deal list as partners?")
    assert not asks_named_count("How many jobs will the site create?")
    assert not asks_named_count("Which organisations are named as partners?")


def test_the_names_of_a_series_are_counted_and_quoted_whole() -> None:
    text = ("For example, we will work with the north. The Acme Alliance, MedZeta, Borealis Hub "
            "Wales, NHS Research Delta, Northern Ireland life sciences cluster and the GW9 "
            "Alliance have also come together to welcome the strategy.")
    found = named_count(text)
    assert found is not None and found.working == (
        "six (6) named: Acme Alliance, MedZeta, Borealis Hub Wales, NHS Research Delta, "
        "Northern Ireland life sciences cluster and GW9 Alliance")
    assert found.anchor.startswith("Acme Alliance, MedZeta")
    assert found.anchor.endswith("and the GW9 Alliance")


def test_names_across_two_series_are_counted_once_each_when_asked_so() -> None:
    q = "Putting the two programmes together, how many different companies does the deal name?"
    assert asks_across(q) and not asks_across("How many firms are named as partners?")
    text = ("Firms including Acme, Zeta Diagnostics and Leica are in talks on pathology. A "
            "radiology programme has had interest from Acme, Borealis, GE Health and Delta "
            "Systems")
    assert named_count(text).working == "four (4) named: Acme, Borealis, GE Health and Delta " \
                                        "Systems"
    found = named_count(text, across=True)
    assert found.working == "six (6) different names: Acme, Zeta Diagnostics, Leica, " \
                            "Borealis, GE Health and Delta Systems"
    assert found.anchor.startswith("Acme, Zeta") and found.anchor.endswith("Delta Systems")


def test_a_series_of_things_that_are_not_names_is_not_counted() -> None:
    assert named_count("It will fund training, new equipment, research and more.") is None
    assert named_count("Acme and Zeta will move in first.") is None  # two: no series
