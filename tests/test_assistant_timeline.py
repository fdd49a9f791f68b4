from assistant.scoring import Candidate
from assistant.timeline import Position, TimelineAsk, asked_position, timeline_rows
from test_assistant_period_rows import table_passage

ROWS = ["Aug 2017\tStrategy launched", "Aug 2017\tWave 1 fund announced",
        "Dec 2017\tPhase one of the deal announced", "Jan 2018\tOversight board's first meeting",
        "Jan 2018\tImplementation plan agreed by board", "April 2018\tWave 1 projects begin",
        "Dec 2018\tAnnual review of the deal"]


def _rows(question: str, rows: list[str] = ROWS) -> list[str] | None:
    p = table_passage(rows)
    cands = [Candidate.of_unit(p, i) for i in range(len(p.units))]
    ask = asked_position(question)
    found = timeline_rows(ask, question, cands, 0.8) if ask else None
    return None if found is None else [p.unit_text(p.units[i]) for i in found.rows]


def test_what_a_question_asks_of_a_timelines_order() -> None:
    assert asked_position("What is the final milestone in the plan?") == TimelineAsk(Position.LAST)
    assert asked_position("What comes first on the timeline?") == TimelineAsk(Position.FIRST)
    assert asked_position("What were the next two steps after phase one?") == \
        TimelineAsk(Position.AFTER, 2)
    assert asked_position("What was the previous milestone?") == TimelineAsk(Position.BEFORE)
    # a word may qualify the entry
    assert asked_position("What is the next dated milestone after the review?") == \
        TimelineAsk(Position.AFTER)
    assert asked_position("What were the following two scheduled steps?") == \
        TimelineAsk(Position.AFTER, 2)
    assert asked_position("What happens straight after the board meets?") == \
        TimelineAsk(Position.AFTER)
    assert asked_position("Put these in date order: A, B and C.") == TimelineAsk(Position.ORDER)
    assert asked_position("The timetable ends with a review - in which month?") == \
        TimelineAsk(Position.LAST)
    assert asked_position("What does the plan start with?") == TimelineAsk(Position.FIRST)
    # where the table itself begins or ends (not "the plan", which may be any programme's)
    assert asked_position("Where does the implementation timeline begin, and in what month?") \
        == TimelineAsk(Position.FIRST)
    assert asked_position("When does the timetable end?") == TimelineAsk(Position.LAST)
    assert asked_position("When does the plan begin?") is None
    # A first meeting is an event, not a position asked for.
    assert asked_position("When is the board's first meeting?") is None
    assert asked_position("When does the board meet?") is None
    assert asked_position("Which entry closes the deal's implementation timeline?") == \
        TimelineAsk(Position.LAST)
    assert asked_position("What milestone opens the plan?") == TimelineAsk(Position.FIRST)
    # Two events set side by side are compared, not the plan's first entry looked up.
    assert asked_position("Which came first on the timeline, the launch or the funding?") is None


def test_the_last_and_first_entries_are_read_off_the_tables_ends() -> None:
    assert _rows("What is the final milestone listed in the plan?") == [ROWS[-1]]
    # Two rows share the first date: both are first.
    assert _rows("What was the first milestone?") == ROWS[:2]
    assert _rows("What is the latest date in the table?") == [ROWS[-1]]
    assert asked_position("What's the closing date for applications?") is None
    # Both ends, where the question names the table.
    assert _rows("What are the earliest and latest dates on the implementation timeline?") == \
        ROWS[:2] + [ROWS[-1]]
    assert asked_position("Who were the first and last companies to move in?") is None
    assert _rows("What's the span of the timetable, from its first entry to its last?") == \
        ROWS[:2] + [ROWS[-1]]
    # A count of entries from an end: that many rows.
    assert _rows("What are the last two milestones in the plan, and when do they fall?") == \
        ROWS[-2:]
    assert _rows("Name the first three entries of the timetable.") == ROWS[:3]


def test_the_rows_after_the_one_the_question_names() -> None:
    assert _rows("Once phase one was announced in December 2017, what were the next two "
                 "steps?") == ROWS[3:5]
    # Without a count, the next date's rows.
    assert _rows("What happens straight after phase one is announced?") == ROWS[3:5]
    assert _rows("What was the previous milestone before the projects begin?") == ROWS[3:5]
    assert _rows("What were the previous three steps before the projects begin?") == ROWS[2:5]


def test_rows_named_by_the_question_in_date_order() -> None:
    assert _rows("Put these in date order: the annual review, the start of Wave 1 projects and "
                 "the oversight board's first meeting.") == [ROWS[3], ROWS[5], ROWS[6]]
    # each thing listed finds its own row, though named in few of its words
    assert _rows("Line up these three in the order they happened: the deal's phase one, the "
                 "Wave 1 money and the annual review.") == [ROWS[1], ROWS[2], ROWS[6]]


def test_no_timeline_no_answer() -> None:
    assert _rows("What is the final milestone?", ROWS[:2]) is None  # two rows: a list
    assert _rows("What came after the launch of the moon base?") is None  # names no row
    assert _rows("Put these in date order: the moon base and the Mars trip.") is None


def test_how_many_entries_counts_the_tables_rows_or_those_after_or_before_one() -> None:
    assert asked_position("How many milestones does the timetable list in total?") == \
        TimelineAsk(Position.COUNT)
    # the table named: "how many steps" alone is not a count of its rows
    assert asked_position("How many steps does the deal take to cut red tape?") is None
    assert _rows("How many milestones does the key activities table list?") == ROWS
    assert _rows("How many milestones in the deal's timetable come after phase one was "
                 "announced?") == ROWS[3:]
    # (the anchor's own month is neither before nor after it)
    assert _rows("How many entries on the timeline fall before the oversight board's first "
                 "meeting?") == ROWS[:3]
    assert _rows("How many milestones on the timeline come after the moon base?") is None


def test_the_entries_giving_a_sum_are_the_rows_with_money() -> None:
    rows = ROWS[:1] + ["Oct 2017\t£16m fund announced for viral vectors"] + ROWS[2:]
    assert asked_position("Which entries in the timetable carry a pound figure?") == \
        TimelineAsk(Position.MONEY)
    assert asked_position("Which rows of the key activities table announce money?") == \
        TimelineAsk(Position.MONEY)
    assert asked_position("Which entries carry a pound figure?") is None  # no table named
    assert _rows("Which entries in the timetable carry a pound figure?", rows) == [rows[1]]


def test_the_entries_naming_something_are_the_rows_naming_it_or_its_initials() -> None:
    rows = ["Aug 2017\tStrategy launched", "Aug 2017\t£146m Borealis Challenge Fund Wave 1",
            "Oct 2017\t£16m BCF Wave 1 funding for viral vectors", "Dec 2017\tPhase one announced",
            "April 2018\tProjects funded under BCF Wave 1 begin"]
    q = "Which milestones on the timetable involve the Borealis Challenge Fund, and when?"
    assert asked_position(q) == TimelineAsk(Position.NAMING, subject="the Borealis Challenge Fund")
    assert _rows(q, rows) == [rows[1], rows[2], rows[4]]
    assert asked_position("Which milestones involve the Borealis Challenge Fund?") is None


def test_the_entries_of_a_month_or_year_are_the_rows_dated_then() -> None:
    q = "How many of the timetable's milestones fall in January 2018, and what are they?"
    assert asked_position(q) == TimelineAsk(Position.DATED, period=(2018, 1))
    assert _rows(q) == ROWS[3:5]
    assert _rows("Which milestones in the implementation plan are scheduled for 2018?") == \
        ROWS[3:]
    assert TimelineAsk(Position.DATED, period=(2018, 1)).period_label() == "January 2018"
    # months joined to the one dated: each month's rows
    q2 = "Which milestones in the timetable fall in August or December 2017?"
    assert asked_position(q2) == TimelineAsk(Position.DATED, period=(2017, 12), also_months=(8,))
    assert asked_position(q2).period_label() == "August and December 2017"
    assert _rows(q2) == ROWS[:3]
    # a year that is no row's date, or a period not asked of the table's entries
    assert _rows("How many milestones in the timetable fall in 2019?") is None
    assert asked_position("How much was invested in 2017?") is None
    assert asked_position("Which steps did Acme take in 2016?") is None
    q = "Once phase one was announced in December 2017, what were the next two steps?"
    assert asked_position(q) == TimelineAsk(Position.AFTER, 2)


def test_the_sums_of_a_months_entries_are_asked_added() -> None:
    q = ("The timetable has two August 2017 entries with pound figures. What do they come to "
         "when added together?")
    assert asked_position(q) == TimelineAsk(Position.DATED, period=(2017, 8), total=True)
    assert asked_position("Adding the August 2017 milestones together, how much is that?") == \
        TimelineAsk(Position.DATED, period=(2017, 8), total=True)
    assert asked_position("Adding up the sums of the August and October 2017 milestones, how "
                          "much is that?") == TimelineAsk(Position.DATED, period=(2017, 10),
                                                          total=True, also_months=(8,))
    # no table or milestones named, or nothing added
    assert asked_position("Adding the August 2017 sums together, how much is that?") is None
    assert not asked_position("Which timetable entries are dated August 2017?").total


def test_every_sum_in_the_table_is_asked_added() -> None:
    money = TimelineAsk(Position.MONEY, total=True)
    assert asked_position("What do all the pound sums in the plan's timetable add up to?") == money
    assert asked_position("Across all four pound amounts in the milestone table, what's the "
                          "combined total?") == money
    # (not where the question says whose sums: some rows' only)
    assert asked_position("Tot up every Acme Fund sum in the milestone table.") != money


def test_an_entry_a_stated_time_after_or_before_another_is_the_row_then() -> None:
    q = "Which deal milestone is pencilled in for a full year after phase one was announced?"
    assert asked_position(q) == TimelineAsk(Position.OFFSET, months=12)
    assert _rows(q) == [ROWS[-1]]
    assert _rows("Which step comes four months before the wave 1 projects begin?") == ROWS[2:3]
    assert TimelineAsk(Position.OFFSET, months=-4).offset_label() == "4 months before"
    # "the month before": one month; asked as "count and name"
    q = "Count and name the timetable entries that fall in the month before the board meets."
    assert asked_position(q) == TimelineAsk(Position.OFFSET, months=-1)
    assert _rows(q) == ROWS[2:3]
    # nothing dated then: no answer from the table
    assert _rows("Which milestone is two years after the strategy launched?") is None


def test_the_longest_and_shortest_gaps_between_one_date_and_the_next() -> None:
    q = "What is the longest stretch between two consecutive milestones in the timetable?"
    assert asked_position(q) == TimelineAsk(Position.GAP)
    assert _rows(q) == ROWS[-2:]  # April 2018 to Dec 2018: 8 months
    q = "What's the shortest gap between one milestone and the next?"
    assert asked_position(q) == TimelineAsk(Position.GAP, longest=False)
    assert _rows(q) == ROWS[2:5]  # Dec 2017 to Jan 2018: a month
    # a gap not asked of the table's entries
    assert asked_position("What is the longest gap between the two centres' openings?") is None

