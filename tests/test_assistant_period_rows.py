from assistant.period_rows import asked_period, rows_in_period
from dealqa.types import Passage, Unit, UnitKind


def table_passage(rows: list[str]) -> Passage:
    text, units = "", []
    for r in ["Date\tMilestone", *rows]:
        units.append(Unit(UnitKind.TABLE_ROW, len(text), len(text) + len(r)))
        text += r + "\n"
    return Passage("doc#plan/001", "doc", text, ("Implementation plan",), 0, len(text),
                   tuple(units))


def test_the_period_a_question_asks_about() -> None:
    assert asked_period("List everything the plan has scheduled for 2018.") == (2018, None)
    assert asked_period("What happens in november 2017?") == (2017, 11)
    assert asked_period("What happens in Sept. 2017?") == (2017, 9)
    assert asked_period("How much will R&D reach in 2021/22?") is None  # a financial year
    assert asked_period("What does the deal promise?") is None


def test_rows_dated_in_the_period_in_table_order() -> None:
    table = table_passage(["Aug 2017\tStrategy launched", "Nov 2017\tBudget",
                    "Jan 2018\tFirst meeting", "April 2018\tProjects begin"])
    assert rows_in_period(table, (2018, None)) == [3, 4]
    assert rows_in_period(table, (2017, 11)) == [2]
    assert rows_in_period(table, (2019, None)) == []  # the header row is dated nothing
