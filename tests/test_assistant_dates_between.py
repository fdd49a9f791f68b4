"""Time between two dated events: what is asked, the two sides, and the working."""

from __future__ import annotations

import pytest

from assistant.dates_between import Dated, asks_between, event_sides, months_between
from dealqa.types import Passage, Unit, UnitKind


@pytest.mark.parametrize(("question", "sides"), [
    ("How long is the gap between the strategy's launch and the Annual Review?",
     ("the strategy's launch", "the Annual Review")),
    ("Which came first: the Barts agreement or the move to Crumlin?",
     ("the Barts agreement", "the move to Crumlin")),
    # two events by one description: each side is it
    ("How many months apart were the two Wave 1 announcements in the timeline?",
     ("Wave 1 announcements", "Wave 1 announcements")),
    # ... however the gap is asked for
    ("How many months separate the board's first meeting from the start of Wave 1?",
     ("the board's first meeting", "the start of Wave 1")),
    ("How far apart are the strategy and the review?", ("the strategy", "the review")),
    ("How many months were the fund's launch and the competition apart?",
     ("the fund's launch", "the competition")),
    ("How long after the Budget does the higher credit kick in?",
     ("the Budget", "the higher credit kick in")),
    ("How soon after the Budget was phase one of the deal unveiled?",
     ("the Budget", "phase one of the deal unveiled")),
    # "put these in order": two events after the colon
    ("Put these in order and give their months: the competition funding and phase one.",
     ("the competition funding", "phase one")),
    # "put A and B in date order"
    ("Put the viral vectors funding and the Wave 1 pot in date order, with their months.",
     ("the viral vectors funding", "the Wave 1 pot")),
    ("Arrange the board meeting and the annual review chronologically.",
     ("the board meeting", "the annual review")),
    ("Did the paper come out in the same month as the Industrial Strategy?",
     ("the paper", "the Industrial Strategy")),
    ("How long had the agreement been in place when phase one was announced?",
     ("the agreement", "phase one was announced")),
    # "before or after", "in the same month": the two events set side by side
    ("Does the board first meet before or after phase one is announced?",
     ("the board first meet", "phase one is announced")),
    ("Were the paper and the review's response published in the same month?",
     ("the paper", "the review's response")),
    # "from A, how many months until B?"
    ("Counting from the board's first meeting, how many months until the annual review?",
     ("the board's first meeting", "the annual review")),
    ("How long is it from the strategy launch until the annual review?",
     ("the strategy launch", "the annual review")),
    # "count the months from A to B", "once A, how many months until B?"
    ("Count the months from the board's first meeting to the annual review.",
     ("the board's first meeting", "the annual review.")),
    ("Once phase one is announced, how many months until the Wave 1 projects get going?",
     ("phase one is announced", "the Wave 1 projects get going")),
    # "which starts earlier: A or B?" (any verb)
    ("Which started growing its UK presence earlier: Acme, or Zeta with its Leeds plan?",
     ("Acme", "Zeta with its Leeds plan")),
    ("Which starts earlier: the research contracts, or Acme moving into its building?",
     ("the research contracts", "Acme moving into its building")),
    # "which should be ... sooner: A or B?"
    ("Which should be up and running sooner: Acme's new building or Zeta's new plant?",
     ("Acme's new building", "Zeta's new plant")),
    # "from A to B, how many years is that?" (the gap asked last)
    ("From Acme's announcement to the year its Welsh jobs are due, how many years is that?",
     ("Acme's announcement", "the year its Welsh jobs are due")),
    # "A and B: how many months apart ...?" (the two events named first)
    ("Acme's strategy and the first phase of this deal: how many months apart were they "
     "published?", ("Acme's strategy", "the first phase of this deal")),
    ("The board meets in January 2018. Which falls in that same month: the higher credit or "
     "the start of Wave 1 projects?",
     ("the higher credit", "the start of Wave 1 projects")),
])
def test_a_question_about_the_time_between_two_events_names_both(
        question: str, sides: tuple[str, str]) -> None:
    assert asks_between(question) and event_sides(question) == sides


@pytest.mark.parametrize("question", [
    "How long will the partnership last?",  # one event
    "How soon will the review be published?",  # one event
    "Put the board's meetings on the agenda.",
    "Put the hubs and the centres in order to compare them.",
    "Which came first?",  # no sides
    "Did the board meet before?",
    "How long until the review?",  # one event
    "Which starts earlier?",  # no sides
    "Count the months of the programme.",  # one event
])
def test_one_event_or_no_two_sides_is_no_time_between(question: str) -> None:
    assert not asks_between(question)


def test_months_between_reads_in_months_and_years() -> None:
    def d(text: str, month: int, year: int) -> Dated:
        return Dated(None, text, month, year)  # type: ignore[arg-type]

    assert months_between(d("Feb 2017", 2, 2017), d("Dec 2016", 12, 2016)) == \
        "Dec 2016 came first, 2 months before Feb 2017"
    assert months_between(d("Aug 2017", 8, 2017), d("Dec 2018", 12, 2018)) == \
        "Aug 2017 came first, 16 months (1 year and 4 months) before Dec 2018"
    assert months_between(d("Jan 2018", 1, 2018), d("January 2018", 1, 2018)) == \
        "both are dated Jan 2018"


def test_a_year_alone_dates_a_side_no_month_dates_and_counts_in_years() -> None:
    from assistant.dates_between import pick_dates
    from assistant.scoring import Candidate, TermStats

    moved = _passage("a", "Acme announced in February 2017 that it will move to Crumlin.")
    jobs = _passage("b", "The move will create 50 new jobs in Wales by 2020.")
    other = [_passage(f"o{i}", "The government will support the sector.") for i in range(6)]
    stats = TermStats([moved, jobs, *other])
    cands = [Candidate.of_unit(moved, 0), Candidate.of_unit(jobs, 0)]
    early, late = pick_dates(("Acme announcing its Crumlin move", "the new Welsh jobs"),
                             cands, stats)
    assert (early.text, late.text, late.year_only) == ("February 2017", "2020", True)
    assert months_between(early, late) == "February 2017 came first, about 3 years before 2020"
    # A month names the side where a unit gives one: the year alone is not taken over it.
    assert not early.year_only


def test_by_the_time_sets_two_events_side_by_side() -> None:
    q = "Will Acme have moved into its new building by the time of the Annual Review?"
    assert asks_between(q)
    assert event_sides(q) == ("Acme have moved into its new building", "the Annual Review")
    q = "Will the plant be open by the time the board first meets?"
    assert asks_between(q) and event_sides(q) == ("the plant be open", "the board first meets")
    # "by the time B, how long had A been ...?": the later event first
    q = "By the time the review was published, for about how many years had Acme been growing?"
    assert asks_between(q) and event_sides(q) == ("Acme been growing", "the review was published")


def test_a_rough_date_is_ordered_only_when_months_apart() -> None:
    from assistant.dates_between import _dates
    from assistant.scoring import Candidate

    c = Candidate(None, None, 0, 0, "Acme moves in from mid-2018; Zeta in summer 2019.",  # type: ignore[arg-type]
                  0.0, 0.0, 0.0, 0.0)
    mid, summer = _dates(c)
    assert (mid.text, mid.month, mid.year, mid.rough) == ("mid-2018", 6, 2018, True)
    assert (summer.text, summer.month, summer.year) == ("summer 2019", 7, 2019)
    dec = Dated(None, "Dec 2018", 12, 2018)  # type: ignore[arg-type]
    assert months_between(dec, mid) == "mid-2018 comes before Dec 2018"  # no month count
    aug = Dated(None, "Aug 2018", 8, 2018)  # type: ignore[arg-type]
    assert months_between(mid, aug) == "mid-2018 and Aug 2018 are too close to tell which " \
        "comes first"


def test_a_time_counted_from_the_writing_is_dated_from_when_the_deal_was_written() -> None:
    from assistant.dates_between import _counted
    from assistant.scoring import Candidate

    text = ("Acme's plant will be running in eighteen months' time; Zeta's standards are ready "
            "for starts next year.")
    c = Candidate(None, None, 0, 0, text, 0.0, 0.0, 0.0, 0.0)  # type: ignore[arg-type]
    assert _counted(c, None) == []  # (without the deal's own date, nothing is counted)
    plant, standards = _counted(c, (2017, 12))
    assert (plant.text, plant.month, plant.year, plant.rough) == \
        ("in eighteen months' time", 6, 2019, True)
    assert plant.label == "eighteen months' time from December 2017, about June 2019"
    assert (standards.text, standards.year, standards.year_only) == ("next year", 2018, True)
    mid = Dated(None, "mid-2018", 6, 2018, rough=True)  # type: ignore[arg-type]
    assert months_between(plant, mid) == \
        "mid-2018 comes before eighteen months' time from December 2017, about June 2019"


def _passage(pid: str, *sentences: str) -> Passage:
    text, units = "", []
    for sentence in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        units.append(Unit(UnitKind.SENTENCE, start, len(text)))
    return Passage(f"doc#{pid}/001", "doc", text, ("Summary",), 0, len(text), tuple(units))


def test_an_event_named_only_in_the_sentence_before_its_date_is_dated_there() -> None:
    from assistant.dates_between import pick_dates
    from assistant.scoring import Candidate, TermStats

    led = _passage("a", "The deal builds on the Widget Strategy, led by Professor Jane Doe.",
                   "Published in March 2016, the strategy sets out recommendations.")
    rows = _passage("b", "Nov 2016\tBudget and response to the Gadget Review")
    other = [_passage(f"o{i}", "The government will support the sector.") for i in range(6)]
    stats = TermStats([led, rows, *other])
    cands = [Candidate.of_unit(led, 0), Candidate.of_unit(led, 1), Candidate.of_unit(rows, 0)]
    sides = ("Professor Jane Doe's strategy", "the Budget with the Gadget Review response")
    early, late = pick_dates(sides, cands, stats)
    assert (early.text, late.text) == ("March 2016", "Nov 2016")
    assert early.candidate.text.startswith("Published in March 2016")
    # A sentence sharing none of the side's words is not dated by the ones before it.
    cands[1] = Candidate.of_unit(_passage("c", "Professor Jane Doe led the Widget Strategy.",
                                          "Published in March 2016, a map of roads."), 1)
    assert pick_dates(("Professor Jane Doe's strategy", "the Gadget Review response"), cands,
                      stats) is None


def test_three_events_asked_in_date_order_are_listed_and_ordered() -> None:
    from assistant.dates_between import date_order, listed_events
    from assistant.scoring import Candidate

    q = ("Put these in date order: Acme starting to grow its UK footprint, Zeta Medical Devices "
         "signing with Barts Health, and Beta Group announcing its Crumlin move.")
    assert listed_events(q) == ["Acme starting to grow its UK footprint",
                                "Zeta Medical Devices signing with Barts Health",
                                "Beta Group announcing its Crumlin move"]
    assert listed_events("Which came first: A or B?") is None
    text = "x"
    p = Passage("doc#a/001", "doc", text, ("Ideas",), 0, 1, (Unit(UnitKind.SENTENCE, 0, 1),))
    c = Candidate.of_unit(p, 0)
    dated = [Dated(c, "February 2017", 2, 2017), Dated(c, "2015", 6, 2015, rough=True,
                                                       year_only=True),
             Dated(c, "December 2016", 12, 2016)]
    assert date_order(dated) == "2015, then December 2016, then February 2017"


def test_a_side_that_gives_its_own_month_is_dated_by_the_unit_dated_so() -> None:
    rows = ["Aug 2017\tWidget Industrial Strategy launched",
            "Nov 2017\tIndustrial Strategy including the gadget fund",
            "Dec 2018\tAnnual Review of the deal"]
    assert _picked_dates(rows, ("the Industrial Strategy's November 2017 publication",
                                "the deal's annual review")) == ("Nov 2017", "Dec 2018")


def test_a_cited_sources_year_dates_it_and_had_and_predate_set_two_events_side_by_side() -> None:
    from assistant.dates_between import _years, is_dated
    from assistant.scoring import Candidate

    cited = Candidate.of_unit(_passage("r", "Widget Partnership (2016), Gadget Action Plan"), 0)
    assert [d.text for d in _years(cited)] == ["2016"] and is_dated(cited)
    assert not is_dated(Candidate.of_unit(_passage("n", "The plan sets out 12 actions."), 0))
    q = "Roughly how long before the strategy came out had Acme begun expanding in the UK?"
    assert asks_between(q)
    assert event_sides(q) == ("the strategy came out", "Acme begun expanding in the UK")
    q = "Did the Barts agreement predate the strategy, and by how long?"
    assert asks_between(q) and event_sides(q) == ("the Barts agreement", "the strategy")


def test_units_looked_for_deal_wide_are_those_naming_what_a_side_names() -> None:
    from assistant.dates_between import named_units
    from assistant.scoring import Candidate

    acme = Candidate.of_unit(_passage("a", "Acme has grown in the UK since 2015."), 0)
    other = Candidate.of_unit(_passage("b", "Spending will reach 2.4 per cent by 2027."), 0)
    assert named_units(("Acme began expanding in the UK", "the strategy"), [acme, other]) == [acme]
    # a side naming nothing (or only the UK) looks for nothing
    assert named_units(("that strategy's publication", "the target year in the UK"),
                       [acme, other]) == []


def test_the_gap_asked_after_a_dash_is_the_same_ask() -> None:
    from assistant.question_parts import split_parts

    q = "Which clock started earlier: the Acme fundraising, or Zeta's UK build-up - and by how " \
        "many years?"
    assert split_parts(q) == [q]
    assert asks_between(q)
    assert event_sides(q) == ("the Acme fundraising", "Zeta's UK build-up")


def test_a_year_alone_is_taken_where_its_unit_states_the_side_much_better() -> None:
    from assistant.dates_between import pick_dates
    from assistant.scoring import Candidate, TermStats

    moved = _passage("a", "Acme Group announced in February 2017 a move to Crumlin in Wales.")
    jobs = _passage("b", "Acme Group makes diagnostics.",
                    "With a grant, it will be creating 50 new jobs in Wales by 2020.")
    target = _passage("c", "R&D will rise to 2.4 per cent of GDP by 2027.")
    other = [_passage(f"o{i}", "The government will support the sector.") for i in range(6)]
    stats = TermStats([moved, jobs, target, *other])
    cands = [Candidate.of_unit(moved, 0), Candidate.of_unit(jobs, 1),
             Candidate.of_unit(target, 0)]
    q = "How many years earlier than the R&D target of 2.4 per cent is Acme Group's deadline " \
        "for its new jobs in Wales?"
    assert asks_between(q)
    sides = event_sides(q)
    assert sides == ("the R&D target of 2.4 per cent", "Acme Group's deadline for its new jobs "
                     "in Wales")
    target_date, jobs_date = pick_dates(sides, cands, stats)
    assert (target_date.text, jobs_date.text) == ("2027", "2020")
    assert months_between(target_date, jobs_date) == "2020 came first, about 7 years before 2027"


def test_a_step_named_by_its_ordinal_is_dated_by_the_row_that_numbers_it() -> None:
    rows = ["Aug 2017\tWidget Strategy launched",
            "Dec 2017\tPhase one of the Widget Deal announced",
            "Jan 2018\tFirst review of the deal's phase plans"]
    assert _picked_dates(rows, ("the Widget Strategy", "the first phase of this deal")) == \
        ("Aug 2017", "Dec 2017")


def test_a_side_in_everyday_words_is_dated_by_the_row_in_the_deals_words() -> None:
    rows = ["Aug 2017\tWidget Strategy launched", "Jan 2018\tWidget Deal Board's first meeting",
            "Dec 2018\tAnnual Review of the Widget Deal"]
    # ("review" is a common word in the deal; "first" less so)
    assert _picked_dates(rows, ("the Widget Strategy's launch",
                                "the first yearly review of the widget deal"),
                         filler="The government will review the sector.") == \
        ("Aug 2017", "Dec 2018")  # yearly: annual

def _picked_dates(rows: list[str], sides: tuple[str, str],
                  filler: str = "The government will support the sector.") -> tuple[str, str]:
    """The dates ``pick_dates`` gives ``sides`` from one table of ``rows`` (beside six passages
    of ``filler``, which set the words' rarity)."""
    from assistant.dates_between import pick_dates
    from assistant.scoring import Candidate, TermStats

    table = _passage("a", *rows)
    other = [_passage(f"o{i}", filler) for i in range(6)]
    cands = [Candidate.of_unit(table, i) for i in range(len(rows))]
    early, late = pick_dates(sides, cands, TermStats([table, *other]))
    return early.text, late.text
