"""The largest or smallest sum anywhere in the deal (assistant/deal_extremes.py)."""

from __future__ import annotations

from assistant.deal_extremes import Ends, asked_ends, asked_kind, extreme_sums
from conftest import sentence_candidates


def test_which_end_of_the_deals_sums_a_question_asks_for() -> None:
    assert asked_ends("What's the single largest money figure anywhere in the deal?") is \
        Ends.LARGEST
    assert asked_ends("Scanning the whole document, what are the biggest and the smallest "
                      "sums of money it mentions?") is Ends.BOTH
    assert asked_ends("What is the smallest amount the deal mentions?") is Ends.SMALLEST
    # the largest of one programme's sums, or of a company's investments: not the deal's
    assert asked_ends("What is the largest sum in the £146m programme?") is None
    assert asked_ends("Which company makes the biggest investment in Oxford?") is None


def test_the_extreme_sums_compare_every_units_sums_in_one_currency() -> None:
    units = sentence_candidates("A £50m programme, with £20m for a centre.", "Over £2tn sits in pensions.",
                   "A $900bn market abroad.", "Teachers get a £1,000 budget.",
                   "Again, over £2tn in pensions.")
    [(top, fig)] = extreme_sums(Ends.LARGEST, units)
    assert fig.text == "£2tn" and top is units[1]  # the first of the sums tied
    both = extreme_sums(Ends.BOTH, units)
    assert [f.text for _, f in both] == ["£2tn", "£1,000"]
    assert [f.text for _, f in extreme_sums(Ends.SMALLEST, units, "$")] == ["$900bn"]
    assert extreme_sums(Ends.LARGEST, units, "€") == []


def test_a_kind_of_sum_asked_for_keeps_the_sums_it_names() -> None:
    q = "What's the largest facility cost the deal actually gives?"
    assert asked_ends(q) is Ends.LARGEST and asked_kind(q) == "facility cost"
    assert asked_kind("What is the largest investment the deal mentions?") == "investment"
    assert asked_kind("What's the single largest money figure anywhere in the deal?") == ""
    units = sentence_candidates("Construction of the £500m facility is underway.",
                                "Over £2tn sits in pensions. Facilities are needed.",
                                "A £40m fill and finish facility in Liverpool.")
    [(top, fig)] = extreme_sums(Ends.LARGEST, units, kind="facility cost")
    assert fig.text == "£500m" and top is units[0]
    # the kind must be named in the sum's own sentence
    assert [f.text for _, f in extreme_sums(Ends.SMALLEST, units, kind="facility")] == ["£40m"]
    assert extreme_sums(Ends.LARGEST, units, kind="grant") == []
