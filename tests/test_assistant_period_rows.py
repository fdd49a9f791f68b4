from assistant.period_rows import Period, asked_period, rows_in_period
from dealqa.types import Passage, Unit, UnitKind


def table_passage(rows: list[str]) -> Passage:
    text, units = "", []
    for r in ["Date\tMilestone", *rows]:
        units.append(Unit(UnitKind.TABLE_ROW, len(text), len(text) + len(r)))
        text += r + "\n"
    return Passage("doc#plan/001", "doc", text, ("Implementation plan",), 0, len(text),
                   tuple(units))


def test_the_period_a_question_asks_about() -> None:
    assert asked_period("List everything the plan has scheduled for 2018.") == Period(2018)
    assert asked_period("What happens in november 2017?") == Period(2017, 11)
    assert asked_period("What happens in Sept. 2017?") == Period(2017, 9)
    assert asked_period("How much will R&D reach in 2021/22?") is None  # a financial year
    assert asked_period("What does the deal promise?") is None
    # part of a year
    assert asked_period("What does the timeline pencil in for the start of 2018?") == \
        Period(2018, 1, 3)
    assert asked_period("What is planned for early 2018?") == Period(2018, 1, 3)
    assert asked_period("What happens in the autumn of 2017?") == Period(2017, 9, 11)
    assert asked_period("What happens by the end of 2018?").label == "October to December 2018"
    assert asked_period("What happens in summer 2018?").label == "June to August 2018"
    assert asked_period("Which milestones fall in the first half of 2018?") == Period(2018, 1, 6)
    assert asked_period("What is due in the third quarter of 2018?") == Period(2018, 7, 9)
    # a named month of the year is that one month
    assert asked_period("What's on the timetable for the first month of 2018?") == \
        Period(2018, 1)
    assert asked_period("What happens in the final month of 2017?") == Period(2017, 12)


def test_rows_dated_in_the_period_in_table_order() -> None:
    table = table_passage(["Aug 2017\tStrategy launched", "Nov 2017\tBudget",
                    "Jan 2018\tFirst meeting", "April 2018\tProjects begin"])
    assert rows_in_period(table, Period(2018)) == [3, 4]
    assert rows_in_period(table, Period(2017, 11)) == [2]
    assert rows_in_period(table, Period(2019)) == []  # the header row is dated nothing
    # part of a year: its months
    assert rows_in_period(table, Period(2018, 1, 3)) == [3]
    assert rows_in_period(table, Period(2017, 6, 8)) == [1]


def test_what_the_table_holds_in_a_period_is_asked() -> None:
    from assistant.period_rows import asks_schedule

    assert asks_schedule("Which milestone in the timeline falls in October 2017?")
    assert asks_schedule("What is scheduled for January 2018?")
    assert not asks_schedule("How much did the government announce in November 2017?")


def test_a_month_a_row_is_dated_is_a_period() -> None:
    assert asked_period("Which two events in the timetable are dated August 2017?") == \
        Period(2017, 8)


def test_a_dated_row_answers_when_not_who_nor_what_came_of_it() -> None:
    from assistant.period_rows import dated_only
    from assistant.scoring import Candidate
    from dealqa.types import AnswerType

    table = table_passage(["Nov 2017\tResponse to the Borealis Review"])
    row, header = Candidate.of_unit(table, 1), Candidate.of_unit(table, 0)
    assert dated_only("Who led the Borealis Review?", AnswerType.ENTITY, row)
    assert dated_only("What did the Borealis Review conclude?", AnswerType.DESCRIPTION, row)
    assert not dated_only("When did the Borealis Review conclude?", AnswerType.DATE, row)
    # asked when something starts, a row dating something else does not say
    assert dated_only("When do Borealis Review projects get under way?", AnswerType.DATE, row)
    begin = Candidate.of_unit(table_passage(["April 2018\tBorealis projects begin"]), 1)
    assert not dated_only("When do Borealis projects kick off?", AnswerType.DATE, begin)
    assert not dated_only("Which month saw the review this deal begins to implement?",
                          AnswerType.DATE, row)
    assert not dated_only("What followed the Borealis Review?", AnswerType.DESCRIPTION, row)
    assert not dated_only("Who led the Borealis Review?", AnswerType.ENTITY, header)
