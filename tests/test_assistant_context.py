"""Rules that read past the unit and the words: headings, footnote entries, the parts of a sum,
qualified count nouns and kinds asked for by name."""

from __future__ import annotations

import pytest

from assistant.question import analyse_question
from assistant.scoring import Candidate, TermStats
from dealqa.types import AnswerType, FootnoteRef, Passage, Unit, UnitKind
from retrieval.text import tokenize


def _passage(pid: str, section: tuple[str, ...], sentences: list[str], start: int = 0) -> Passage:
    text, units = "", []
    for s in sentences:
        units.append(Unit(UnitKind.SENTENCE, start + len(text), start + len(text) + len(s)))
        text += s + " "
    return Passage(pid, "doc", text, section, start, start + len(text), tuple(units))


def _cands(p: Passage, score: float) -> list[Candidate]:
    return [Candidate(p, u, i, 1, p.unit_text(u), score, score, 0.0, score)
            for i, u in enumerate(p.units)]


def _chosen_of_two(q: str, p: Passage) -> int | None:
    """Which of ``p``'s two units the selector chooses for ``q`` (the first scored a little
    higher), or None."""
    from assistant.request import AnswerRequest
    from assistant.selection import Selector

    first, second = _cands(p, 0.5)
    cands = [first, Candidate(p, second.unit, 1, 1, second.text, 0.45, 0.45, 0.0, 0.45)]
    req = AnswerRequest(q, q, analyse_question(q), (), None)
    chosen = Selector(_stats(p)).choose(req, cands)
    return next((i for i, c in enumerate(cands) if c is chosen), None)


def _stats(*passages: Passage, topic: str = "vaccines") -> TermStats:
    others = [_passage(f"doc#o/{n:03d}", ("Other",), [f"Unrelated sentence {n} about {topic}."])
              for n in range(6)]
    return TermStats([*passages, *others])


def _follow_on(p: Passage, question: str):
    """What the Quoter runs on to after the first unit of ``p`` for ``question``."""
    from assistant.quoting import Quoter
    from assistant.selection import Selector

    stats = _stats(p)
    return Quoter(stats, Selector(stats), passages=[p]).follow_on(tokenize(question),
                                                                   _cands(p, 0.5)[0])


def _picked(q: str, op, *passages: Passage, stats: TermStats | None = None) -> list[str] | None:
    """The two figures ``pick_pair`` takes for ``q`` from ``passages``, as written."""
    from assistant.figure_pairs import pick_pair

    cands = [c for p in passages for c in _cands(p, 0.6)]
    pair = pick_pair(analyse_question(q), tokenize(q), cands, stats or _stats(*passages), op)
    return None if pair is None else [pair[0][1].text, pair[1][1].text]


@pytest.mark.parametrize(("section", "ok"), [(("Industrial Strategy at a glance",), True),
                                             (("Places",), False)])
def test_a_heading_names_the_subject_of_the_units_under_it(section, ok) -> None:
    from assistant.selection import Selector

    p = _passage("doc#a/001", section, ["Provide £42m to pilot a Teacher Development Premium."])
    a = analyse_question("How much is going into the Teacher Development Premium pilot in the "
                         "Industrial Strategy summary?")
    assert "Industrial Strategy" in a.names
    assert Selector(_stats(p)).about_subject(a, _cands(p, 0.5)[0]) is ok


@pytest.mark.parametrize(("follows", "ok"), [
    ("It will create nearly 100 high-value jobs.", True),
    ("Other companies are also investing: Acme is creating nearly 100 jobs in Leeds.", False),
])
def test_a_sentence_turning_to_others_is_not_about_the_one_before(follows: str, ok: bool) -> None:
    from assistant.selection import Selector

    p = _passage("doc#v/001", ("Business",), [
        "This £50m will fund a new Vaccines Development Centre in Oxford.", follows])
    a = analyse_question("How many jobs will the new Vaccines Development Centre create?")
    assert Selector(_stats(p)).about_subject(a, _cands(p, 0.5)[1]) is ok


@pytest.mark.parametrize(("question", "ok"), [
    # the measure names what it measures, and that is not what was asked about
    ("How many square feet does the Borealis Manufacturing Centre have?", False),
    ("How big is the ColdStore?", True),
    # money named for what it buys, asked about that
    ("How much is the Borealis Housing Deal worth?", True),
])
def test_a_figure_that_names_another_thing_is_not_the_subjects(question: str, ok: bool) -> None:
    from assistant.selection import Selector

    p = _passage("doc#f/001", ("Business",), [
        "Acme will invest over $1m in a 4,500 sq ft ColdStore co-located with the Borealis "
        "Manufacturing Centre, and a £215m Borealis Housing Deal will fund housing."])
    a = analyse_question(question)
    assert Selector(_stats(p)).about_subject(a, _cands(p, 0.5)[0]) is ok


def test_a_figure_asked_compared_with_another_is_a_comparison() -> None:
    from assistant.arithmetic import Operation, detect_operation

    assert detect_operation("What's the scale of Acme's stake in Zeta, compared with Borealis's "
                            "2017 fundraising?") is Operation.COMPARE
    assert detect_operation("How big is the centre's grant, compared to the hub's?") \
        is Operation.COMPARE
    # ... not a figure asked of something compared with something in passing, nor a figure
    # the question gives
    assert detect_operation("Which centres are compared with hubs?") is None
    assert detect_operation("What saving did the trial achieve compared with a conventional "
                            "one?") is None
    assert detect_operation("How many apprentices are there now, compared with the 20,000 "
                            "target?") is None


def test_what_is_left_once_a_part_is_taken_out_is_a_difference() -> None:
    from assistant.arithmetic import Operation, detect_operation

    assert detect_operation("How much of the programme is left once Nexus is taken out?") \
        is Operation.DIFFERENCE
    assert detect_operation("What is the £350m minus the £40m centre?") is Operation.DIFFERENCE
    assert detect_operation("How much goes to electric vehicles in total, counting charging "
                            "points and the car grant?") is Operation.SUM
    # Set aside, not subtracted: one figure is asked for.
    assert detect_operation("How much goes to manufacturing, leaving aside the top-up?") is None
    assert detect_operation("Which centres are left to build?") is None
    # What a fund brings in beyond its own money is the difference between the two.
    assert detect_operation("How much private money will the fund bring in on top of its own "
                            "stake?") is Operation.DIFFERENCE
    assert detect_operation("What does the fund add on top of the £2.5bn?") is None


def test_a_gap_net_of_a_figure_is_a_difference_and_joint_work_is_no_sum() -> None:
    from assistant.arithmetic import Operation, detect_operation

    assert detect_operation("Net of the £50m grant, how far ahead are the £80m pledges?") \
        is Operation.DIFFERENCE
    assert detect_operation("How far behind the £9m target is the £7m raised?") \
        is Operation.DIFFERENCE
    # "together" of people working together is no sum of figures ...
    assert detect_operation("Of the £90m, how much goes to firms doing research and "
                            "development together?") is None
    assert detect_operation("How much is there for universities working together?") is None
    # ... but of figures it is
    assert detect_operation("How much do the centre and the hub get together?") \
        is Operation.SUM
    assert detect_operation("What do those two figures come to when added together?") \
        is Operation.SUM
    assert detect_operation("What do the hub and the centre's money come to together?") \
        is Operation.SUM
    assert detect_operation("How much is there for charities coming together?") is None
    # a question that opens by adding things up
    assert detect_operation("Adding the £50m grant, the £9m top-up and the hub's funding, "
                            "what's the total?") is Operation.SUM
    assert detect_operation("Tot up the sums for the three centres.") is Operation.SUM
    assert detect_operation("Summing the three pound figures (A, B and C), what total do you "
                            "get?") is Operation.SUM
    assert detect_operation("Adding value is what the hub does: how?") is None


def test_what_fraction_of_a_whole_a_part_is_reads_both_sides() -> None:
    from assistant.arithmetic import Operation, detect_operation, percent_sides

    q = "Roughly what fraction of the £90m budget for 2030 is the new £20m top-up?"
    assert detect_operation(q) is Operation.PERCENT
    assert percent_sides(q) == ("the new £20m top-up", "the £90m budget for 2030")
    # "is for ..." asks what the share is spent on, not a share of one sum in another
    assert percent_sides("What share of the £90m is for training?") is None
    # ... nor is a share of people one no figure of the question names
    assert percent_sides("What percentage of the staff at the site are scientists?") is None
    # the figure asked first, then "that" as a share of a whole
    assert percent_sides("How much does the fund put into the Acme centre, and what's that as "
                         "a share of the whole £90m?") == (
        "does the fund put into the Acme centre", "the whole £90m")
    # a part that brings in some of the whole
    assert percent_sides("What share of the £20bn total is the Acme tax change expected to "
                         "deliver?") == ("the Acme tax change", "the £20bn total")
    # a whole the question states, the part named after "is"
    assert percent_sides("What share of the £90m training commitment is the Acme money?") == (
        "the Acme money", "the £90m training commitment")


def test_how_many_for_every_one_is_a_ratio_of_its_two_sides() -> None:
    from assistant.arithmetic import Operation, detect_operation
    from assistant.figure_pairs import compared_sides

    q = "Roughly how many relocated staff does the Acme site take for every new research role?"
    assert detect_operation(q) is Operation.RATIO
    assert compared_sides(q, Operation.RATIO) == (
        "relocated staff does the Acme site take", "new research role")
    assert detect_operation("How many new roles does the Acme site create?") is None


def test_a_stated_change_is_not_a_stated_share() -> None:
    from assistant.evidence import states_share_of

    assert states_share_of("98 per cent of which are exported")
    assert states_share_of("nearly half of businesses report it")
    assert not states_share_of("total support for research will increase by a third by 2030")
    assert not states_share_of("stays will fall by around 25 per cent")
    assert not states_share_of("This will increase to 3 per cent over the longer term.")
    assert not states_share_of("investment of £2bn in 2030")
    # a share of a thing the question does not name is not the share asked for
    asked = frozenset({"proportion", "public", "investment"})
    assert not states_share_of("spending to reach 2.4 per cent of GDP by 2027", asked)
    assert states_share_of("2.4 per cent of public spending", asked)
    assert states_share_of("98 per cent of which are exported", asked)


def test_two_things_compared_before_asking_how_many_more_is_a_difference() -> None:
    from assistant.arithmetic import Operation, detect_operation

    assert detect_operation("Compare the jobs at the Borealis site with those at the Acme "
                            "plant. Roughly how many more does one create?") is Operation.DIFFERENCE
    # "how many more" alone asks for the increase the deal states
    assert detect_operation("How many more jobs will the Borealis site create?") is None


def test_the_rest_of_a_stated_whole_takes_out_the_part_named() -> None:
    from assistant.arithmetic import Operation, detect_operation

    q = ("Of the £90m the government has put behind manufacturing, how much is for things "
         "other than the vaccines centre?")
    assert detect_operation(q) is Operation.DIFFERENCE
    assert detect_operation("Which companies other than Acme build vaccines?") is None
    whole = _passage("doc#w/001", ("Business",), [
        "The government has committed £90m to manufacturing and a further £200m to skills."])
    parts = _passage("doc#w/002", ("Business",), [
        "£12m on a Manufacturing Innovation Centre;", "£30m on a Vaccines Centre;"])
    assert _picked(q, Operation.DIFFERENCE, whole, parts) == ["£90m", "£30m"]
    # "What's left of the whole after the part": the words after "after" name the part.
    q = "What's left of the £90m for manufacturing after the vaccines centre is paid for?"
    assert detect_operation(q) is Operation.DIFFERENCE
    assert _picked(q, Operation.DIFFERENCE, whole, parts) == ["£90m", "£30m"]
    assert detect_operation("How much of the £90m comes from somewhere other than the "
                            "grant?") is Operation.DIFFERENCE


def test_a_sum_the_question_gives_is_one_side_of_a_difference() -> None:
    from assistant.arithmetic import Operation

    pledges = _passage("doc#d/001", ("Business",), [
        "Industry pledges of up to £253m in healthcare competitions.",
        "Up to £210m for early diagnostics."])
    programme = _passage("doc#d/002", ("Business",), [
        "A £146m programme will support manufacturing."])
    q = "By how much do industry pledges in healthcare competitions exceed the £146m programme?"
    assert _picked(q, Operation.DIFFERENCE, pledges, programme) == ["£253m", "£146m"]
    # ... and so is a sum the side asked about gives as its own
    review = _passage("doc#d/003", ("Plan",), [
        "Nov 2017: Response to the Accelerated Access Review, including £86m funding"])
    centres = _passage("doc#d/004", ("Business",), [
        "Up to £210m for early diagnostics.", "£66m on a Vaccines Centre;"])
    q = "How much more is the £86m Accelerated Access Review pot than the vaccines centre?"
    assert _picked(q, Operation.DIFFERENCE, review, centres) == ["£86m", "£66m"]
    # ... and so is a sum given in "the gap between A and B"
    viral = _passage("doc#d/005", ("Business",), [
        "A further £16m from the fund will grow manufacturing capacity in viral vectors."])
    q = "What is the gap between the industry pledges in healthcare competitions and the £146m " \
        "manufacturing programme?"
    assert _picked(q, Operation.DIFFERENCE, pledges, viral, programme) == ["£253m", "£146m"]


def test_two_things_set_side_by_side_are_the_sides_of_a_gap() -> None:
    from assistant.arithmetic import Operation

    leeds = _passage("doc#g/001", ("Places",), [
        "A £350m investment programme in the Leeds City Region will build on its medtech hub."])
    deals = _passage("doc#g/002", ("Places",), [
        "A £215m Oxfordshire Housing Deal and a £5m commitment to develop Cambridge South."])
    q = "Put the Leeds region's medtech programme next to the Oxfordshire Housing Deal: " \
        "what's the gap in pounds?"
    assert _picked(q, Operation.DIFFERENCE, deals, leeds) == ["£350m", "£215m"]
    # (a hyphen inside a side does not end it: "UK-associated R&D")
    from assistant.figure_pairs import _SET_BESIDE_RE
    from assistant.sides import two_sides
    assert two_sides("Put Acme's building bill next to its UK-associated R&D spend. What share?",
                     _SET_BESIDE_RE) == ("Acme's building bill", "its UK-associated R&D spend")


def test_the_two_things_a_difference_names_are_its_sides() -> None:
    from assistant.arithmetic import Operation

    bank = _passage("doc#h/001", ("Business",), [
        "Establishing a new £2.5bn Investment Fund incubated in the Bank.",
        "The Bank will seed the first wave of investment with up to £500m.",
        "Backing first-time managers through the Bank's Enterprise Capital Fund programme, "
        "supporting at least £1.5bn of new investment."])
    q = ("How much bigger is the Bank's new Investment Fund than the new investment its "
         "Enterprise Capital Fund programme is expected to support?")
    assert _picked(q, Operation.DIFFERENCE, bank) == ["£2.5bn", "£1.5bn"]
    centres = _passage("doc#h/002", ("Business",), [
        "£66m on a Vaccines Development & Manufacturing Centre;",
        "A further £16m from the fund will grow manufacturing capacity in viral vectors.",
        "Seqirus has announced its £40m investment in a vaccine plant in Liverpool."])
    q = ("How much more fund money goes to the new vaccines centre than to the top-up for viral "
         "vector manufacturing capacity?")
    assert _picked(q, Operation.DIFFERENCE, centres) == ["£66m", "£16m"]
    from assistant.figure_pairs import compared_sides
    q = ("How much more does the fund put into the new vaccines centre than Seqirus is investing "
         "in its Liverpool plant?")
    assert compared_sides(q, Operation.DIFFERENCE) == (
        "the fund put into the new vaccines centre", "Seqirus is investing in its Liverpool plant")
    # (one measure in two years is not two things named: its figures go by their years)
    from assistant.figure_pairs import _DIFFERENCE_SIDES_RE
    from assistant.sides import two_sides
    q = "How much higher will public investment in R&D be in 2021/22 than in 2016/17?"
    assert two_sides(q, _DIFFERENCE_SIDES_RE) == ("public investment in R&D be in 2021/22",
                                                  "in 2016/17")
    rd = _passage("doc#h/003", ("Ideas",), [
        "Raising total public investment in R&D from around £9.5bn in 2016/17 to £12.5bn in "
        "2021/22."])
    assert sorted(_picked(q, Operation.DIFFERENCE, rd)) == ["£12.5bn", "£9.5bn"]


def test_a_side_naming_a_programme_takes_the_programmes_sum_not_an_items(monkeypatch) -> None:
    from assistant import figure_pairs

    assert figure_pairs._head_noun("the medicines manufacturing programme") == "programm"
    assert figure_pairs._head_noun("the new vaccines centre in Liverpool") == "centr"
    assert figure_pairs._head_noun("AstraZeneca's Cambridge one") is None  # a pronoun
    q = "How much more goes to the diagnostics programme than to the manufacturing programme?"
    plan = _passage("doc#p/001", ("Business",), [
        "A £146m programme will support manufacturing, including:",
        "£12m on a Manufacturing Innovation Centre;"])
    dx = _passage("doc#p/002", ("Ideas",), ["The diagnostics programme gets up to £210m."])
    stats = _stats(plan, dx)
    options = figure_pairs._options(analyse_question(q), tokenize(q),
                                    _cands(plan, 0.6) + _cands(dx, 0.6), stats)
    sides = ["the diagnostics programme", "the manufacturing programme"]
    # Where the item under the programme's lead-in fits about as well as the programme's own
    # sentence, the side's head noun ("programme") decides.
    fit = {"£146m": 1.0, "£12m": 1.01, "£210m": 0.5}
    monkeypatch.setattr(figure_pairs, "_fits_side",
                        lambda stats, want, o, named=frozenset(): fit[o[2].text]
                        if want[0] == "manufactur" else float(o[2].text == "£210m"))
    found = figure_pairs._sides_of_kind(sides, options, stats)
    assert [f.text for _, f in found[1]] == ["£210m", "£146m"]
    monkeypatch.setattr(figure_pairs, "HEAD_WEIGHT", 0.0)
    found = figure_pairs._sides_of_kind(sides, options, stats)
    assert [f.text for _, f in found[1]] == ["£210m", "£12m"]


def test_a_side_named_in_its_figures_own_sentence_is_that_sentences_subject() -> None:
    from assistant.arithmetic import Operation

    acme = _passage("doc#n/001", ("Business",), [
        "Acme, with its pipeline of T-cell therapies, has to date raised over £300m and has "
        "over 200 UK employees.", "In 2017 alone it raised $100m.",
        "A $1m CryoHub committed to manufacturing at the centre will support these "
        "businesses."])
    gov = _passage("doc#n/002", ("Business",), [
        "The government has committed £162m to develop the manufacturing infrastructure."])
    q = ("Has Acme on its own raised more than the government has committed to manufacturing "
         "infrastructure, and by at least how much?")
    assert _picked(q, Operation.COMPARE, acme, gov) == ["£300m", "£162m"]
    # The sentence naming Acme before its figure fits Acme as well as the next one's "it".
    from assistant.figure_pairs import _fits_side, _options
    from assistant.sides import names_in_side

    stats = _stats(acme, gov)
    options = _options(analyse_question(q), tokenize(q), _cands(acme, 0.6), stats)
    named = frozenset().union(*names_in_side("Acme on its own"))
    fit = {o[2].text: _fits_side(stats, tokenize("Acme on its own"), o, named) for o in options}
    assert fit["£300m"] >= fit["$100m"]
    # (the name counts only where it is the subject, not without it)
    fit = {o[2].text: _fits_side(stats, tokenize("Acme on its own"), o) for o in options}
    assert fit["£300m"] < fit["$100m"]


def test_a_place_beside_a_sums_sides_picks_each_sides_figure_there() -> None:
    from assistant.arithmetic import Operation

    zeta = _passage("doc#o/001", ("Ideas",), [
        "Zeta will open a research centre in Oxford, employing up to 100 scientists."])
    acme = _passage("doc#o/002", ("Ideas",), [
        "Acme has grown since 2015, establishing its headquarters in London with 128 employees "
        "and growing its Oxford R&D site to 140 employees."])
    q = "How many research staff could Zeta and Acme have in Oxford between them?"
    assert _picked(q, Operation.SUM, zeta, acme) == ["100", "140"]


def test_a_share_of_two_things_set_side_by_side_takes_their_full_descriptions() -> None:
    from assistant.arithmetic import Operation

    build = _passage("doc#s/001", ("Ideas",), [
        "Acme announced its move to Cambridge.",
        "Construction of the £500m facility is well underway with 2,000 staff."])
    spend = _passage("doc#s/002", ("Ideas",), [
        "The company Acme is investing some £2bn per annum on UK-associated R&D.",
        "Zeta will invest £115m in a new research centre in Oxford."])
    q = ("Put Acme's Cambridge building bill next to what the company invests in UK-associated "
         "R&D each year. What fraction of a single year's spend does the building represent?")
    assert _picked(q, Operation.PERCENT, build, spend) == ["£500m", "£2bn"]


def test_between_two_sides_how_many_is_a_sum_of_their_figures() -> None:
    from assistant.arithmetic import Operation, detect_operation
    from assistant.figure_pairs import _SUM_SIDES_RE
    from assistant.sides import two_sides

    q = "Between Seqirus's Liverpool plant and BioClavis in Glasgow, roughly how many new jobs?"
    assert detect_operation(q) is Operation.SUM
    assert two_sides(q, _SUM_SIDES_RE) == ("Seqirus's Liverpool plant", "BioClavis in Glasgow")


def test_a_plus_b_set_off_in_a_question_are_the_sides_of_a_sum() -> None:
    from assistant.figure_pairs import _SUM_SIDES_RE
    from assistant.sides import two_sides

    q = ("Oxford research headcount: Acme's R&D site plus the most scientists Borealis plans to "
         "hire there - what's the total?")
    assert two_sides(q, _SUM_SIDES_RE) == ("Acme's R&D site",
                                           "the most scientists Borealis plans to hire there")
    q = "How much goes on therapy items - the Stevenage centre plus the treatment centres?"
    assert two_sides(q, _SUM_SIDES_RE) == ("the Stevenage centre", "the treatment centres")


def test_two_things_taken_together_are_each_found_even_at_one_value() -> None:
    from assistant.arithmetic import Operation, detect_operation

    q = "Taking Acme's 2017 raise and Borealis's Oxford contract together, how many dollars?"
    assert detect_operation(q) is Operation.SUM
    acme = _passage("doc#t/001", ("Ideas",), [
        "Acme, with its pipeline of therapies, has raised funds. In 2017 alone it raised $100m."])
    borealis = _passage("doc#t/002", ("Ideas",), [
        "The Borealis partnership with Oxford involves a more than $100m contract for a trial. "
        "Borealis also agreed a project valued at up to $10m."])
    # Two equal sums, each one side's own: not one figure restated.
    assert _picked(q, Operation.SUM, acme, borealis) == ["$100m", "$100m"]
    # ... not a difference or a comparison, and not "between" inside a question
    assert detect_operation("Between A and B, how many more jobs does A create?") \
        is not Operation.SUM
    assert detect_operation("How many jobs are shared between A and B?") is None


@pytest.mark.parametrize("question", [
    "Will the staff at Vertex's Oxford site outnumber MSD's new research roles?",
    "Compare headcounts: AstraZeneca's Cambridge staff versus MSD's extra London staff.",
    "Comparing Vertex's Oxford site with MSD's new London centre, which creates more jobs?",
    "Between AstraZeneca's Cambridge campus and MSD's London site, which has fewer staff?",
])
def test_outnumbering_and_a_versus_compare_two_sides(question: str) -> None:
    from assistant.arithmetic import Operation, detect_operation
    from assistant.figure_pairs import _SIDES_RE
    from assistant.sides import two_sides

    assert detect_operation(question) is Operation.COMPARE
    a, b = two_sides(question, _SIDES_RE)
    assert "Vertex" in a or "AstraZeneca" in a, a
    assert "MSD" in b, b


def test_comparing_two_things_without_asking_which_is_more_compares_nothing() -> None:
    from assistant.arithmetic import detect_operation

    assert detect_operation("Comparing Vertex with MSD, which is based in London?") is None


def test_adding_a_stated_sum_to_another_thing_names_both_sides() -> None:
    from assistant.figure_pairs import _SUM_SIDES_RE
    from assistant.sides import two_sides

    assert two_sides("If you add the £146m pot to the early diagnostics programme, what is "
                     "the total?", _SUM_SIDES_RE) == ("the £146m pot",
                                                      "the early diagnostics programme")
    # no sum stated: the figures are found as for any sum; "add up to" names no side
    assert two_sides("If you add the medicines programme to the viral vectors money, what's "
                     "the total?", _SUM_SIDES_RE) is None
    assert two_sides("What do the programme and the viral vectors money add up to?",
                     _SUM_SIDES_RE) is None
    # ... but a question opening by adding one named thing to another names both
    assert two_sides("Add the Leeds investment programme to the Oxfordshire Housing Deal: "
                     "what's the combined sum?", _SUM_SIDES_RE) == (
        "the Leeds investment programme", "the Oxfordshire Housing Deal")
    # "put together the money for A and B"
    assert two_sides("Put together the Challenge Fund money for the Vaccines Centre and the "
                     "Cell Therapy Centre. What does it come to?", _SUM_SIDES_RE) == (
        "the Vaccines Centre", "the Cell Therapy Centre")


def test_money_worked_out_from_two_sides_is_asked_as_an_amount() -> None:
    from assistant.arithmetic import detect_operation
    from dealqa.types import AnswerType

    for q in ("Put together the Challenge Fund money for the Vaccines Centre and the Cell "
              "Therapy Centre. What does it come to?",
              "The Vaccines Centre and the Cell Therapy Centre get very different sums from the "
              "£50m. What's the gap between them?",
              "What do the Vaccines Centre and the Cell Therapy Centre get between them from "
              "the £50m?"):
        a = analyse_question(q)
        assert a.answer_type is AnswerType.AMOUNT and a.wants_money, q
    # Worked out, but not money, or asking yes or no, or which figure is right: still as asked.
    for q in ("What do the two centres have between them in common?",
              "If I add up the pieces of the £50m programme, do they come to the £50m?",
              "I've seen both £1.8m and £18m quoted for the grant. Which is right?",
              # (no side named: the sums are left to be found)
              "The two centres get very different sums from the £50m. What's the gap between "
              "them?"):
        assert analyse_question(q).answer_type is AnswerType.DESCRIPTION, q
    # "£950m-plus" is more than £950m, nothing added to it.
    assert detect_operation("What facilities does the £950m-plus investment cover?") is None


def test_what_two_things_do_between_them_is_a_sum_of_each_sides_figure() -> None:
    from assistant.arithmetic import Operation, detect_operation
    from assistant.figure_pairs import _SUM_SIDES_RE
    from assistant.sides import two_sides

    q = "How many new jobs do Acme's Leeds move and the Zeta spin-out promise between them?"
    assert detect_operation(q) is Operation.SUM
    assert two_sides(q, _SUM_SIDES_RE) == ("Acme's Leeds move", "the Zeta spin-out")


def test_a_number_naming_a_thing_or_a_duration_is_no_figure_to_compare() -> None:
    from assistant.arithmetic import figures_in

    found = figures_in("people with type 2 diabetes, employing up to 100 scientists; a 15-year "
                       "partnership freeing 9 nurse FTEs over 10 years; Wave 1 funds 600 staff")
    assert [f.text for f in found] == ["100", "9", "600"]


def test_how_many_more_without_anything_to_set_it_against_asks_for_a_stated_increase() -> None:
    from assistant.arithmetic import Operation, detect_operation

    assert detect_operation("How much more use of operating theatres will the contract bring?") \
        is None
    assert detect_operation("How many more jobs will MSD create than Vertex employs?") \
        is Operation.DIFFERENCE
    assert detect_operation("How many more points would R&D still need to climb to reach "
                            "3 per cent?") is Operation.DIFFERENCE


def test_a_day_of_the_month_or_a_rate_range_is_no_figure_to_compare() -> None:
    from assistant.arithmetic import figures_in

    found = figures_in("from 11 to 12 per cent with effect from 1 January 2018, 5 may apply; "
                       "60 staff")
    assert [f.text for f in found] == ["5", "60"]


@pytest.mark.parametrize(("question", "worked"), [
    ("How many more percentage points would R&D still need to climb to reach 3 per cent?",
     False),
    ("Which falls in that month: the higher credit or the start of the projects?", False),
    ("Which gets more: the vaccines centre or the innovation centre?", True),
    ("How many more jobs does MSD create than Vertex employs?", True),
    # a gap between two named sums is a difference; "them" leaves the sums to be found
    ("What is the gap between the funding for Leeds and the Oxfordshire Housing Deal?", True),
    ("The two centres get very different sums. What's the gap between them?", False),
])
def test_rates_and_dates_are_not_worked_on_sums_and_a_gap_between_two_sums_is(
        question: str, worked: bool) -> None:
    from assistant.request import AnswerRequest
    from assistant.worked import operation_of

    req = AnswerRequest(question, question, analyse_question(question), (), None)
    assert (operation_of(req) is not None) is worked


def test_how_many_things_a_question_asks_for_and_a_unit_lists() -> None:
    from assistant.series import asked_items, series_items

    assert asked_items("Which three types of infrastructure do the contracts pay for?") == 3
    assert asked_items("Name the four new national centres.") == 4
    assert asked_items("Name the three 'Ideas' policies.") == 3
    assert asked_items("What are the two centres?") is None  # any "A and B" lists two
    assert asked_items("What happens over the three years ahead?") is None
    assert series_items("This includes Research Centres, Research Facilities for Experimental "
                        "Medicine and Cancer Medicine Centres.") == 3
    assert series_items("It funds A, B, C, and D.") == 4
    assert series_items("We will invest in research and in training.") == 0
    from assistant.series import longest_series
    assert longest_series("It funds the Bone Centre, the Lung Centre and the Gut Centre.") == [
        "It funds the Bone Centre", "the Lung Centre", "the Gut Centre."]


def test_a_list_question_asking_for_three_things_takes_the_unit_naming_three() -> None:
    from assistant.request import AnswerRequest
    from assistant.selection import Selector

    p = _passage("doc#a/001", ("Ideas",), [
        "The government will invest in NHS research infrastructure through new contracts.",
        "This includes investments in Biomedical Research Centres, Clinical Research Facilities "
        "for Experimental Medicine and Experimental Cancer Medicine Centres."])
    first, second = _cands(p, 0.5)
    cands = [first, Candidate(p, second.unit, 1, 1, second.text, 0.45, 0.45, 0.0, 0.45)]
    q = "Which three types of NHS research infrastructure do the new contracts pay for?"
    req = AnswerRequest(q, q, analyse_question(q), (), None)
    assert Selector(_stats(p)).choose(req, cands) is cands[1]
    # ... and one asking for no number, answered by the first, is answered by both: the
    # sentence after it that refers back and names three or more in a series is the list.
    from assistant.quoting import Quoter
    q = "Break down which NHS research facilities the new infrastructure contracts include."
    req = AnswerRequest(q, q, analyse_question(q), (), None)
    assert req.analysis.answer_type is AnswerType.LIST
    stats = _stats(p)
    spans = Quoter(stats, Selector(stats), passages=[p]).list_spans(req, [], cands[0], cands)
    assert [s.quote for s in spans][-1] == cands[1].text
    # ... and a unit listing three or more of the kind asked for is the list itself
    q = "Break down which sorts of research centres the new infrastructure contracts pay for."
    req = AnswerRequest(q, q, analyse_question(q), (), None)
    spans = Quoter(stats, Selector(stats), passages=[p]).list_spans(req, [], cands[1], cands)
    assert [s.quote for s in spans] == [cands[1].text]


def test_a_list_of_as_many_bullets_as_asked_for_is_quoted_whole() -> None:
    """"Name the three 'Ideas' policies ...": every bullet of a three-bullet list, the one
    sharing no word with the question too, though the question names a heading."""
    from assistant.quoting import Quoter
    from assistant.selection import Selector

    bullets = ["Raise research investment to 2.4 per cent of GDP by 2027",
               "Increase the rate of the tax credit to 12 per cent",
               "Invest £725m in new Challenge Fund programmes for innovation"]
    text, units = "", []
    for b in bullets:
        units.append(Unit(UnitKind.BULLET, len(text) + 2, len(text) + 2 + len(b)))
        text += f"- {b}\n"
    p = Passage("doc#g/001", "doc", text, ("Strategy at a glance", "Ideas"), 0, len(text),
                tuple(units))
    cands = [Candidate(p, u, i, 1, p.unit_text(u), r, r, 0.0, r)
             for i, (u, r) in enumerate(zip(units, (0.6, 0.1, 0.7)))]
    stats = _stats(p)
    quoter = Quoter(stats, Selector(stats), passages=[p])
    for q, n in (("Name the three 'Ideas' policies on the Strategy at a glance page.", 3),
                 ("Name the 'Ideas' policies on the Strategy at a glance page.", 2)):
        spans = quoter.list_spans(_request(q), tokenize(q), cands[2], cands)
        assert len(spans) == n, q


def test_the_sentence_carrying_on_from_a_near_one_on_the_asked_topic_may_answer() -> None:
    """"For a bioinformatics apprentice, roughly when could employers first take one on?": the
    sentence after one about apprenticeship standards gives "next year" for bioinformatics,
    though it shares few of the question's words and is no calendar date."""
    from assistant.selection import Selector

    body = _passage("doc#p/004", ("People",), [
        "The industry is already developing apprenticeship standards for employers in these "
        "priority subjects.",
        "The bioinformatics standards are expected to be ready for starts next year."])
    summary = _passage("doc#k/001", ("Key commitments",), [
        "Industry will develop apprenticeship standards for employers, e.g. on bioinformatics "
        "and regulatory affairs."], start=500)
    cands = [*_cands(summary, 0.6)]
    for u, i, r in ((body.units[0], 0, 0.49), (body.units[1], 1, 0.44)):
        cands.append(Candidate(body, u, i, 1, body.unit_text(u), r, r, 0.0, r))
    q = "For a bioinformatics apprentice, roughly when could employers first take one on?"
    best = Selector(_stats(body, summary)).choose(_request(q), cands)
    assert best is cands[2], best and best.text


def test_a_circa_figure_is_a_figure_and_a_decimal_is_not_two() -> None:
    from assistant.arithmetic import figures_in

    found = figures_in("150 new research roles and c.800 additional staff; 2.5 times")
    assert [(f.text, f.bound) for f in found] == [("150", ""), ("800", "c.")]


def test_the_second_figure_is_the_other_part_the_question_names() -> None:
    """"counting charging points and the car grant": the £100m beside the £400m, not a figure
    elsewhere whose only merit is naming what the first one's heading already names."""
    from assistant.figure_pairs import pick_pair

    ev = _passage("doc#a/001", ("Industrial Strategy at a glance",),
                  ["Support electric vehicles through £400m charging infrastructure investment "
                   "and an extra £100m to extend the plug-in car grant."])
    rd = _passage("doc#b/001", ("Ideas",),
                  ["Announcing in the Industrial Strategy a further £2.3bn, raising total public "
                   "investment in R&D to £12.5bn."], start=500)
    question = ("In the Industrial Strategy summary, how much is going into electric vehicles in "
                "total, counting charging infrastructure and the plug-in car grant?")
    stats = _stats(ev, rd)
    pair = pick_pair(analyse_question(question), tokenize(question),
                     _cands(ev, 0.7) + _cands(rd, 0.25), stats)
    assert pair is not None
    assert [f.text for _, f in pair] == ["£400m", "£100m"]


def test_a_footnote_marker_finds_its_references_entry() -> None:
    from assistant.quoting import Quoter
    from assistant.selection import Selector

    # Entries are numbered lines: "1. Known as ...\n2. Subject to ...".
    text = "1. Known as Merck and Co Inc.\n2. Subject to business case approval.\n"
    units = (Unit(UnitKind.BULLET, 3, 29), Unit(UnitKind.BULLET, 33, 67))
    refs = Passage("doc#references/001", "doc", text, ("References",), 0, len(text), units)
    stats = _stats(refs)
    quoter = Quoter(stats, Selector(stats), passages=[refs])
    note = FootnoteRef(2, "Subject to business case approval.", "£210m", 900, 905)
    entry = quoter.footnote_entry("doc", note)
    assert entry is not None and entry.quote == "Subject to business case approval."
    # A marker whose entry says something else, or another document's, finds nothing.
    other = FootnoteRef(1, "Subject to approval.", "£5m", 0, 3)
    assert quoter.footnote_entry("doc", other) is None
    assert quoter.footnote_entry("other", note) is None


def test_how_firm_a_footnoted_sum_is_is_covered_by_its_unit_however_plainly_asked() -> None:
    """"Can we bank on the early diagnostics money, or does somebody still have to sign it
    off?": few of its words are the deal's, but the unit it asks about carries the condition."""
    from dataclasses import replace

    from assistant.asks import asks_conditions
    from assistant.coverage import Coverage

    q = "Can we bank on the early diagnostics money, or does somebody still have to sign it off?"
    assert asks_conditions(q)
    sentence = "Collaborations include the early diagnostics programme with up to £210m."
    p = _passage("doc#i/001", ("Ideas",), [sentence])
    at = sentence.index("£210m")
    conditional = replace(p, footnotes=(FootnoteRef(2, "Subject to business case approval by HM "
                                                       "Treasury", "£210m", at, at + 5),))
    # (the asking words are the deal's too, elsewhere: they weigh in the usual test)
    asking = _passage("doc#x/001", ("Other",), ["Somebody at the bank will still sign off loans."])
    stats = _stats(p, asking)
    for passage, covered in ((conditional, True), (p, False)):
        best = _cands(passage, 0.2)[0]
        best = replace(best, dense=0.2)
        assert Coverage(stats).covered(_request(q), tokenize(q), best, [best]) is covered


def test_an_acronym_spelt_out_in_the_units_heading_names_what_the_question_names() -> None:
    """"... under the AAR response. Is that scheme open to a big multinational?": the unit
    sits under "Implement the Accelerated Access Review", which spells the acronym out."""
    from dataclasses import replace

    from assistant.coverage import Coverage

    q = "A big multinational medtech wants help under the AAR response. Is that scheme open to it?"
    sentence = "A new scheme will support small businesses in developing an evidence base."
    stats = _stats(_passage("doc#b/001", ("Business", "Implement the Accelerated Access Review"),
                            [sentence]))
    for heading, covered in (("Implement the Accelerated Access Review", True),
                             ("Implement the regional approach", False)):
        p = _passage("doc#b/001", ("Business", heading), [sentence])
        best = replace(_cands(p, 0.2)[0], dense=0.2)
        assert Coverage(stats).covered(_request(q), tokenize(q), best, [best]) is covered


def test_the_question_in_the_deals_words_counts_towards_covering_it() -> None:
    """"What is being done about the tax break for founders?": "Entrepreneurs' Relief" covers
    it once "tax break" is put in the deal's words ("tax relief credit")."""
    from dataclasses import replace

    from assistant.coverage import Coverage

    q = "What is being done about the tax break for founders?"
    p = _passage("doc#r/001", ("Business",),
                 ["Entrepreneurs' Relief is changing, so founders can accept investment."])
    others = [_passage(f"doc#o{i}/001", ("Other",), [f"Founders at firm {i} pay tax on a credit."])
              for i in range(4)]
    stats = _stats(p, *others)
    best = replace(_cands(p, 0.2)[0], dense=0.2)
    plain = _request(q)
    assert not Coverage(stats).covered(plain, tokenize(q), best, [best])
    restated = replace(plain, restated="What is being done about the tax relief credit for "
                                       "founders?")
    assert Coverage(stats).covered(restated, tokenize(q), best, [best])


def test_a_name_put_in_the_deals_words_is_not_unknown() -> None:
    """"Could Brexit change the split?": "Brexit" is unknown to the deal, but in its words the
    UK has "left the European Union"."""
    from dataclasses import replace

    from assistant.coverage import Coverage

    q = "Could Brexit change how resources are allocated across the programmes?"
    p = _passage("doc#e/001", ("Business",),
                 ["Allocation of resources across programmes would be reconfigured once the UK "
                  "has left the European Union."])
    stats = _stats(p)
    best = _cands(p, 0.6)[0]
    plain = _request(q)
    assert not Coverage(stats).covered(plain, tokenize(q), best, [best])
    restated = replace(plain, restated="Could left the European Union change how resources "
                                       "are allocated across the programmes?")
    assert Coverage(stats).covered(restated, tokenize(q), best, [best])


def test_names_asked_in_mid_sentence_stand_after_the_word_the_which_follows() -> None:
    """"... exemplified by a partnership between which two organisations?": "the partnership
    between Genomics Borealis and NHS Borealis", not "organisations including Acme and Zeta"."""
    from assistant.question import slot_lead

    q = "The UK's lead in genomics is exemplified by a partnership between which two organisations?"
    assert slot_lead(q) == "partnership"
    assert slot_lead("Which organisations are in the partnership?") is None
    p = _passage("doc#g/001", ("Ideas",), [
        "Organisations including Acme and Zeta will work in partnership with the government on "
        "genomics.",
        "The UK leads in genomics, exemplified in the partnership between Genomics Borealis and "
        "NHS Borealis."])
    assert _chosen_of_two(q, p) == 1


def test_the_deals_words_for_everyday_ones_choose_the_clause_within_a_long_unit() -> None:
    """"What will the kids' project there do?": the lexicon's "children" picks the
    sentence about the child health centre in a long bullet, not its opening."""
    from dataclasses import replace

    from assistant.quoting import Quoter
    from assistant.selection import Selector

    p = _passage("doc#s/001", ("Places",), [
        "Experts are coming together at the Borealis Park to deliver two projects: the Bone "
        "Centre; and the Centre of Child Health. The Bone Centre aims to lead research into "
        "injuries and rehabilitation. The second project, the Centre of Child Health, will "
        "develop technologies for children with mental health conditions."])
    q = "What will the kids' project there do for young people?"
    stats = _stats(p)
    quoter = Quoter(stats, Selector(stats), passages=[p])
    quotes = [quoter.span(replace(_request(q), plain_words=plain), tokenize(q), _cands(p, 0.5)[0],
                          130).quote for plain in ("", "children child")]
    assert "mental health" not in quotes[0]
    assert "mental health" in quotes[1], quotes[1]


def test_a_parts_restatement_stays_where_it_adds_what_the_part_asks() -> None:
    """"Which trusts, and how long does the Borealis one run?": "... announced a new 15-year
    partnership ..." restates the first quote, but only it says how long."""
    from assistant.compose import Span
    from assistant.evidence import has_date
    from assistant.compound import _merged

    first = "Acme Services have partnered with Borealis NHS Foundation Trust to deliver a Bone " \
        "Centre of Excellence."
    again = "Further to this, Acme Services and Borealis NHS Foundation Trust announced a new " \
        "15-year partnership to deliver a Bone Centre of Excellence at Borealis Hospital."
    p = _passage("doc#b/001", ("Business",), [first])
    q = _passage("doc#b/002", ("Business",), [again], start=500)
    old, new = Span.of_unit(p, p.units[0]), Span.of_unit(q, q.units[0])
    assert _merged([old], [new]) == [old]  # a restatement adds nothing
    assert _merged([old], [new], adds=lambda t: has_date(t) and not has_date(first)) \
        == [old, new]


def test_another_name_asked_for_is_the_unit_saying_what_the_subject_is_known_as() -> None:
    """"What is the North American name of the company moving staff to London?": "Acme, known
    as Acme Corp in the US and Canada, ...", though the next sentence matches more words."""
    from assistant.asks import asks_alias
    from assistant.request import AnswerRequest
    from assistant.selection import Selector

    q = "What is the North American name of the company moving staff to a new London site?"
    assert asks_alias(q) and asks_alias("What is Acme called in the US?")
    assert not asks_alias("What is the name of the new London site?")
    assert not asks_alias("The firm called Acme in North America - where is its UK office?")
    p = _passage("doc#m/001", ("Ideas",), [
        "Acme, known as Acme Corp in the US and Canada, has announced a research facility.",
        "The new site in London will take staff moving from the company's headquarters."])
    alias, other = _cands(p, 0.5)
    cands = [Candidate(p, other.unit, 1, 1, other.text, 0.5, 0.5, 0.0, 0.5),
             Candidate(p, alias.unit, 0, 1, alias.text, 0.25, 0.25, 0.0, 0.25)]
    req = AnswerRequest(q, q, analyse_question(q), (), None)
    assert Selector(_stats(p)).choose(req, cands) is cands[1]


def test_which_named_individuals_asks_for_proper_names_of_people() -> None:
    from assistant.selection import Selector
    from dealqa.types import AnswerType

    a = analyse_question("Which named individuals sit on the Sector Deal's Implementation Board?")
    assert a.answer_type is AnswerType.ENTITY and a.kind_noun == "individual" and a.proper_name
    p = _passage("doc#g/001", ("Governance",),
                 ["The Implementation Board will face challenge sessions as part of the Sector "
                  "Deals programme.", "The board is chaired by Jane Smith."])
    sel = Selector(_stats(p))
    needs = sel.needs(a)
    # "Sector Deals" is the question's own "Sector Deal", not a new name; "Jane Smith" is.
    assert not needs(p.unit_text(p.units[0])) and needs(p.unit_text(p.units[1]))


@pytest.mark.parametrize(("question", "noun"), [
    ("How many tumour patients' complete genetic codes are to be read?", "code"),
    # an unknown noun is the phrase's last plural
    ("How many flu vaccine doses a year will the plant fill?", "dose"),
    ("How many health and care workers is the academy for?", "worker"),
    ("How many tumour DNA sequences will the programme read?", "sequence"),
    ("How many of Seqirus's staff are there?", "staff"),
    ("How many posts will the flu-shot maker's new plant add?", "post"),
    # a count named by what it counts
    ("What jobs figure does the deal give for the new centre?", "job"),
    ("What is the headcount at the Oxford site?", "staff"),
    # ... except the worth it owns: months are counted
    ("Update: how many months' worth of progress is the deal reporting?", "month"),
    ("How many years' worth of funding does the fund hold?", "year"),
])
def test_a_possessive_qualifies_the_counted_noun_after_it(question: str, noun: str) -> None:
    assert analyse_question(question).count_noun == noun


def test_a_count_of_months_is_a_length_of_time() -> None:
    from assistant.selection import Selector

    a = analyse_question("How many months' worth of progress is the deal reporting?")
    p = _passage("doc#m/001", ("Ideas",), ["The programme made progress over the past six months.",
                                           "The programme made progress with 12 partners."])
    needs = Selector(_stats(p)).needs(a)
    # A duration is no count of things, but it is a count of months.
    assert needs(p.unit_text(p.units[0])) and not needs(p.unit_text(p.units[1]))


def test_a_count_of_people_is_any_count_of_persons() -> None:
    from assistant.selection import Selector

    a = analyse_question("How many young people learning on the job does the industry want?")
    assert a.count_noun == "people"
    p = _passage("doc#p/001", ("People",), ["The industry wants 20,000 apprenticeships by 2020.",
                                            "The industry wants 20,000 square feet by 2020."])
    # (words the corpus uses everywhere name no one new: here the parties' own)
    needs = Selector(_stats(p, topic="the government, the NHS and industry")).needs(a)
    assert needs(p.unit_text(p.units[0])) and not needs(p.unit_text(p.units[1]))


def test_an_unknown_noun_the_text_uses_but_never_counts_has_no_count() -> None:
    from assistant.selection import Selector

    a = analyse_question("How many start-ups will the Borealis centre be able to house?")
    assert a.count_noun == "start-up"
    p = _passage("doc#p/001", ("Places",), [
        "The £40m Borealis centre will incubate and grow start-ups, beside an academy for the "
        "57,000 people who work in health and care.",
        "The Borealis centre will house 30 start-ups.",
        "The Borealis centre will have 12 labs."])  # (the noun unused: any count may be it)
    needs = Selector(_stats(p)).needs(a)
    assert [needs(p.unit_text(u)) for u in p.units] == [False, True, True]
    # ... a word in a name is not the thing ("the Start-ups Academy"), and a phrase counted
    # ("how many tumour DNA sequences") may be counted by another word ("50,000 genomes")
    assert needs("The Start-ups Academy trains the 57,000 people who work in care.")
    phrase = analyse_question("How many tumour DNA sequences will the cancer arm read?")
    assert Selector(_stats(p)).needs(phrase)(
        "The cancer programme will sequence 50,000 genomes from patients with tumours.")


def test_a_counted_phrase_the_text_uses_but_never_counts_has_no_count() -> None:
    from assistant.selection import Selector

    p = _passage("doc#p/002", ("Ideas",), ["Acme, with its pipeline of T-cell therapies, has "
                                           "over 200 UK employees."])
    needs = Selector(_stats(p)).needs(
        analyse_question("How many T-cell therapies are in Acme's pipeline?"))
    assert not needs(p.unit_text(p.units[0]))  # its 200 are employees
    assert needs("Acme's pipeline holds 12 T-cell therapies.")
    assert needs("Acme's pipeline holds 12 candidates.")  # (the phrase unused: any count)
    # ... but a measure is counted in its units
    worth = Selector(_stats(p)).needs(analyse_question(
        "How many community nurses' worth of time could the tool free up?"))
    assert worth("It supports community nurses and releases around 9 nurse FTEs.")


def test_a_generic_abbreviation_joined_to_a_lower_case_word_is_no_name() -> None:
    assert analyse_question("In the national DNA-reading project, how many?").names == ()
    # ... any other name so joined is the name ("NHS-based": the NHS)
    assert analyse_question("Is the NHS-based project new?").names == ("NHS",)


def test_who_made_a_claim_is_its_source_not_what_is_asked_about() -> None:
    q = "A local MP's leaflet says Acme employs 6,000 people in Leeds. What figure does it give?"
    assert analyse_question(q).names == ("Acme", "Leeds")
    # a company saying something of itself is what is asked about
    assert analyse_question("The firm Acme says it employs 600 people in Leeds. Is that "
                            "right?").names == ("Acme", "Leeds")


@pytest.mark.parametrize("ask", ["What figure does the deal give?", "How many does the deal say?"])
def test_a_figure_asked_of_nothing_counts_what_its_premise_counts(ask: str) -> None:
    a = analyse_question(f"A leaflet says Acme already employs 6,000 people in Leeds. {ask}")
    assert a.count_noun == "people"
    # a sum asked for is no count
    assert analyse_question("My notes say the fund is £5bn for 20 firms. How much does the "
                            "deal give?").count_noun is None


def test_months_date_things_and_name_nothing() -> None:
    a = analyse_question("Phase one was announced in December 2017. When did the Acme board "
                         "meet, in Jan or Feb?")
    assert a.names == ("Acme",)


def test_the_whole_scope_and_a_place_by_another_name_do_not_bind_the_subject() -> None:
    from assistant.selection import Selector

    p = _passage("doc#b/001", ("Business",),
                 ["With over £2tn in UK pension funds, supply could change.",
                  "Seqirus will invest £40m in Liverpool, creating 100 jobs."])
    leeds = _passage("doc#c/001", ("Places",), ["Acme will invest £5m in Leeds."], start=500)
    sel = Selector(_stats(p, leeds))
    c = _cands(p, 0.5)
    # "British" is the deal's whole scope; Merseyside is around Liverpool, not Leeds.
    assert sel.about_subject(analyse_question("How much is in British retirement savings?"), c[0])
    merseyside = analyse_question("How much will the plant on Merseyside get?")
    assert sel.about_subject(merseyside, c[1])
    assert not sel.about_subject(merseyside, _cands(leeds, 0.5)[0])


def test_a_condition_stated_beside_the_programmes_quoted_title_travels_with_it() -> None:
    from assistant.compose import Composer, Span

    quote = _passage("doc#a/001", ("Ideas",),
                     ["The government will contribute from the 'Data to early diagnostics' "
                      "programme to digital pathology."])
    body = _passage("doc#b/001", ("Ideas",),
                    ["Through the 'Data to early diagnostics' programme we will invest in data.",
                     "This will be matched by funding and in-kind contributions from the sector."],
                    start=500)
    other = _passage("doc#c/001", ("Ideas",),
                     ["The 'Accelerated Access Collaborative' meets.",
                      "This will be matched by funding."], start=1000)
    spans = [Span.of_unit(quote, quote.units[0])]
    found = Composer.restated_condition_spans(spans, [quote, body, other])
    assert [s.quote for s in found] == [
        "This will be matched by funding and in-kind contributions from the sector."]


def test_the_second_one_is_the_second_item_of_the_last_answer() -> None:
    from assistant.followup import resolve_followup
    from dealqa.types import Turn

    last = Turn(q="What two projects are planned at the Sheffield park?",
                a="The Orthopaedic Research Centre, and the Centre of Child Health [1].")
    second = resolve_followup("What will the second one focus on?", [last])
    assert "Child Health" in second and "Orthopaedic" not in second
    assert "Orthopaedic" in resolve_followup("And the former?", [last])
    bullets = Turn(q="Which centres?", a="The deal lists:\n• Alpha Centre [1]\n• Beta Hub [2]")
    assert "Beta" in resolve_followup("What does the last one do?", [bullets])
    # "the first meeting" is not an item of a list.
    assert "Orthopaedic" in resolve_followup("When is the first meeting there?", [last])
    # ... and the item a word describes is: "the child-focused one"
    child = resolve_followup("Tell me about the child-focused one there.", [last])
    assert "Child Health" in child and "Orthopaedic" not in child
    goals = Turn(q="Which challenges?", a="AI & Data Economy, Clean Growth, Future of Mobility "
                                          "and Ageing Society.")
    assert "Clean" not in resolve_followup("And the mobility one - what's it for?", [goals])
    assert "Clean" in resolve_followup("And the same one - what's it for?", [goals])


def test_a_national_body_is_a_name_even_in_the_questions_words() -> None:
    from assistant.evidence import has_name

    known = frozenset({"health", "data", "digital", "research", "nhs digital"})
    assert has_name("NHS England and Health Data Research UK will lead it.", known, agents=False)
    # Named in the question itself, or made only of generic words: nothing new.
    assert not has_name("NHS Digital will help.", known, agents=False)
    assert not has_name("The UK Government will help.", known, agents=False)
    # ... and so is a team or board named by ordinary capitalised words.
    common = known | {"industrial", "strategy"}
    assert has_name("so The Industrial Strategy team will provide it.", common, agents=False)
    assert not has_name("so The Industrial Strategy will provide it.", common, agents=False)


@pytest.mark.parametrize("q", [
    "Which organisations will lead delivery of the regional Digital Innovation Hubs?",
    # "who will lead" asks who acts as much: its subject stands before the verb
    "Who will lead delivery of the regional Digital Innovation Hubs?",
])
def test_which_kind_will_lead_prefers_the_names_beside_the_verb(q: str) -> None:
    from assistant.selection import Selector

    a = analyse_question(q)
    assert "lead" in a.acts and "chair" in a.acts
    p = _passage("doc#d/001", ("Ideas",),
                 ["The government will develop regional Digital Innovation Hubs with the "
                  "National Data Guardian.",
                  "NHS England and Health Data Research UK will lead the delivery of this "
                  "programme."])
    req = _request(q)
    best = Selector(_stats(p)).choose(req, _cands(p, 0.6))
    assert best is not None and best.unit_index == 1


def _chosen(question: str, p: Passage, score: float, *, demoted: float) -> Candidate | None:
    """What the selector chooses from ``p``'s units, all scored ``score`` but the second unit,
    scored ``demoted`` (a little less relevant than the first)."""
    from assistant.selection import Selector

    cands = _cands(p, score)
    cands[1] = Candidate(p, p.units[1], 1, 1, p.unit_text(p.units[1]), demoted, demoted, 0.0,
                         demoted)
    return Selector(_stats(p)).choose(_request(question), cands)


def test_which_parts_of_a_kind_are_answered_by_the_unit_giving_them_by_example() -> None:
    """"Which parts of the sector should the board represent?": "... broad representation of
    the sector (pharma, medtech, diagnostics)", though a unit naming the board ranks higher."""
    from assistant.kinds import gives_examples

    a = analyse_question("Which parts of the sector should the Implementation Board represent?")
    assert a.kinds_of and a.kind_noun == "sector"
    assert gives_examples("representation of the sector (pharma, medtech, charities)", "sector")
    assert not gives_examples("the sector (see above) is growing", "sector")
    p = _passage("doc#g/002", ("Governance",), [
        "The Implementation Board will meet quarterly to review the sector deal.",
        "It will also need to ensure broad representation of the sector (pharma, medtech, "
        "diagnostics, charities)."])
    best = _chosen(a.question, p, 0.6, demoted=0.45)
    assert best is not None and best.unit_index == 1, best and best.text


def _request(question: str):
    import numpy as np

    from assistant.request import AnswerRequest

    return AnswerRequest(question, question, analyse_question(question), [], np.zeros(3))


def test_a_list_sentence_whose_paragraph_goes_on_is_quoted_with_it() -> None:
    from assistant.quoting import Quoter
    from assistant.selection import Selector

    p = _passage("doc#s/001", ("People",),
                 ["The industry is developing apprenticeship standards in these subjects.",
                  "The bioinformatics standards are expected next year.",
                  "Work on regulatory affairs standards is underway.",
                  "Funding for teachers rises."])
    stats = _stats(p)
    quoter = Quoter(stats, Selector(stats), passages=[p])
    q = "What apprenticeship standards is the industry developing?"
    span = quoter.paragraph(tokenize(q), _cands(p, 0.5)[0])
    assert span is not None and span.quote.endswith("regulatory affairs standards is underway.")
    assert span.quote.startswith("The industry is developing")
    # A sentence followed by nothing on the same thing stands alone.
    assert quoter.paragraph(tokenize(q), _cands(p, 0.5)[2]) is None


def test_a_list_question_takes_the_next_sentence_listing_what_it_asks() -> None:
    from assistant.quoting import Quoter
    from assistant.selection import Selector

    p = _passage("doc#c/001", ("Ideas",),
                 ["The strategy highlighted the importance of convergent science between the "
                  "life and physical sciences for the commercial opportunities of the future.",
                  "The government is already creating these in the public sector, including "
                  "the Acme Institute, the Borealis Centre and the Zeta programme.",
                  "Funding for teachers rises."])
    stats = _stats(p)
    quoter = Quoter(stats, Selector(stats), passages=[p], max_chars=150)
    q = "Which public sector initiatives does the deal cite for convergent science?"
    spans = quoter.list_spans(_request(q), tokenize(q), _cands(p, 0.5)[0], _cands(p, 0.5))
    assert any("Zeta programme" in s.quote for s in spans), [s.quote for s in spans]


def test_who_signed_is_answered_by_the_signature_block() -> None:
    from assistant.signatures import asks_signatories, signature_spans

    assert asks_signatories("Who signed the foreword?")
    assert asks_signatories("who put their names to the foreword?")
    assert not asks_signatories("Who signed the foreword as Health Secretary?")
    assert not asks_signatories("When was the deal signed?")
    assert not asks_signatories("Do the people who signed the foreword call it finished?")
    lines = ["We will deliver it together.", "Rt Hon Jane Roe MP", "Secretary of State for Health",
             "Professor Sir John Doe", "Regius Professor of Medicine, The University of Oxford"]
    text = "\n\n".join(lines)
    starts = [text.index(line) for line in lines]
    p = Passage("doc#foreword/001", "doc", text, ("Foreword",), 0, len(text),
                tuple(Unit(UnitKind.SENTENCE, a, a + len(line)) for a, line in zip(starts, lines)))
    quotes = [" ".join(s.quote.split()) for s in signature_spans(p)]
    assert quotes == [
        "Rt Hon Jane Roe MP Secretary of State for Health",
        "Professor Sir John Doe Regius Professor of Medicine, The University of Oxford"]
    assert signature_spans(_passage("doc#x/001", ("Ideas",), ["A plain sentence."])) == []


def test_a_differences_other_side_may_be_named_in_the_sentence_before_it() -> None:
    from assistant.figure_pairs import pick_pair

    novo = _passage("doc#n/001", ("Ideas",),
                    ["Novo Nordisk announced a new £115m research centre in Oxford."])
    az = _passage("doc#a/001", ("Places",),
                  ["AstraZeneca is moving its research campus to Cambridge.",
                   "Construction of the £500m facility is well underway."], start=300)
    station = _passage("doc#s/001", ("Places",),
                       ["A £5m commitment to develop proposals for Cambridge South station."],
                       start=600)
    q = ("How much more is AstraZeneca's new Cambridge facility costing than Novo Nordisk's new "
         "Oxford research centre?")
    cands = _cands(novo, 0.6) + _cands(station, 0.45) + _cands(az, 0.4)
    pair = pick_pair(analyse_question(q), tokenize(q), cands, _stats(novo, az, station))
    assert pair is not None and {f.text for _, f in pair} == {"£115m", "£500m"}


def test_a_sentence_referring_back_with_the_asked_words_follows_on() -> None:
    from assistant.quoting import Quoter
    from assistant.selection import Selector

    p = _passage("doc#h/001", ("Ideas",),
                 ["The government will develop regional Digital Innovation Hubs for data.",
                  "They will create controlled environments for real-world clinical studies.",
                  "Funding for teachers rises."])
    stats = _stats(p)
    quoter = Quoter(stats, Selector(stats), passages=[p])
    q = tokenize("What controlled environments will the Digital Innovation Hubs create?")
    span = quoter.follow_on(q, _cands(p, 0.5)[0])
    assert span is not None and span.quote.startswith("They will create controlled")
    # Not a back-reference: nothing follows on.
    assert quoter.follow_on(q, _cands(p, 0.5)[1]) is None


def test_the_figure_a_money_question_states_is_not_its_answer() -> None:
    from assistant.selection import Selector

    a = analyse_question("How much of the £350m programme is public money?")
    assert a.quoted_figures == ("£350m",)
    p = _passage("doc#l/001", ("Places",), ["Partners are establishing a £350m programme.",
                                            "The government gives £40m of it."])
    needs = Selector(_stats(p)).needs(a)
    assert not needs(p.unit_text(p.units[0])) and needs(p.unit_text(p.units[1]))
    assert analyse_question("Is the £210m guaranteed?").quoted_figures == ()


# Two units of one passage, the first ranked a little higher: the second holds what is asked.
@pytest.mark.parametrize(("question", "section", "sentences", "demoted"), [
    pytest.param("What is required of the people appointed to the Implementation Board?",
                 ("Governance",),
                 ["Oversight will be led by an Implementation Board meeting quarterly.",
                  "The Implementation Board members will be required to be sufficiently senior."],
                 0.55, id="the-questions-rarer-words"),
    pytest.param("How long has the UK been investing in cohort studies?", ("Ideas",),
                 ["This year the UK cohort studies recruited patients and the UK began new work.",
                  "The cohort resources reflect a 20-year history of investment."],
                 0.55, id="how-long-wants-a-length-of-time"),
    pytest.param("Which hospital services might artificial intelligence transform?", ("Ideas",),
                 ["In the White Paper, Government will support artificial intelligence adoption "
                  "at scale across priority sectors in hospital settings.",
                  "AI has the potential to transform many NHS services including radiology "
                  "and pathology."],
                 0.5, id="lower-case-things-named-beside-their-kind"),
    pytest.param("What will it take for the R&D target to bring in £80bn of investment?",
                 ("Ideas",),
                 ["We will increase R&D investment to 2.4 per cent of GDP, delivering an "
                  "estimated £80bn of investment.",
                  "This could increase R&D investment by £80bn and will require government "
                  "and private sector collaboration.",
                  "The board will be subject to challenge sessions from ministers."],
                 0.55, id="what-it-takes-is-what-it-requires"),
])
def test_of_two_near_units_the_one_holding_what_is_asked_is_chosen(
        question: str, section: tuple[str, ...], sentences: list[str], demoted: float) -> None:
    best = _chosen(question, _passage("doc#t/001", section, sentences), 0.6, demoted=demoted)
    assert best is not None and best.unit_index == 1


def test_the_uks_with_a_possessive_is_still_the_whole_deals_scope() -> None:
    from assistant.selection import Selector

    p = _passage("doc#a/002", ("Infrastructure",),
                 ["Boost our digital infrastructure with over £1bn of public investment."])
    a = analyse_question("How much public money is going into the UK's digital infrastructure?")
    assert "UK's" in a.names
    assert Selector(_stats(p)).about_subject(a, _cands(p, 0.5)[0])
    # Another name must still be stated.
    b = analyse_question("How much public money is Wales putting into digital infrastructure?")
    assert not Selector(_stats(p)).about_subject(b, _cands(p, 0.5)[0])


def test_the_months_ahead_is_a_date_and_a_numbered_title_is_not_a_count() -> None:
    from assistant.evidence import has_count, has_count_of, has_date

    assert has_date("New investment will be announced during the months ahead.")
    assert has_date("in the coming years")
    assert not has_date("ahead of the first meeting")
    assert not has_count("The 100,000 Genomes Project has pioneered sequencing.")
    assert not has_count_of("The 100,000 Genomes Project sequenced people", ("peopl",))
    assert has_count("It will sequence 5,000 UK genomes.")


def test_a_length_of_time_a_label_or_a_day_is_not_a_count() -> None:
    # "How many beds will the centre have?" is not answered by "a new 15-year partnership".
    from assistant.evidence import has_count

    assert not has_count("They announced a new 15-year partnership to deliver the centre.")
    assert not has_count("Funding runs over five years for Wave 1 projects from 1 January.")
    assert not has_count("It targets type 2 diabetes.")
    assert has_count("It will open with 120 beds over five years.")


def test_a_sum_keeps_the_bound_its_figures_share() -> None:
    from assistant.arithmetic import Operation, compute, figures_in

    (a,) = figures_in("together realising over £7bn of new investment")
    (b,) = figures_in("expected to release £1bn of investment")
    (c,) = figures_in("will invest up to £210m in data")
    assert compute(Operation.SUM, a, b) == "over £7bn + £1bn = over £8bn"
    assert compute(Operation.SUM, b, c) == "£1bn + up to £210m = up to £1.21bn"
    assert compute(Operation.SUM, a, c).endswith("= £7.21bn")  # bounds that pull apart


def test_a_sum_of_several_keeps_the_bound_all_its_figures_share() -> None:
    from assistant.arithmetic import compute_sum, figures_in

    figs = [figures_in(t)[0] for t in ("over £7bn through EIS", "at least £1.5bn of new "
                                       "investment", "expected to release £1bn")]
    assert compute_sum(figs) == "over £7bn + at least £1.5bn + £1bn = over £9.5bn"
    assert compute_sum([*figs, figures_in("creating 100 jobs")[0]]) is None  # money and a count
    # ... and the sum itself is a figure to work on, with that bound
    from assistant.arithmetic import added
    total = added(figs)
    assert (total.text, total.bound, total.currency) == ("£9.5bn", "over", "£")


def test_a_number_is_written_in_words_as_the_deal_reads_them() -> None:
    from commitments.figures import number_value, number_word

    assert [number_word(n) for n in (6, 12, 20)] == ["six", "twelve", "twenty"]
    assert number_word(21) is None and number_value(number_word(9)) == 9


@pytest.mark.parametrize(("question", "sides"), [
    ("Add together the three pots - medicines manufacturing, viral vectors and early "
     "diagnostics. What does that come to?",
     ["medicines manufacturing", "viral vectors", "early diagnostics"]),
    ("If EIS/VCT, the Enterprise Capital Fund route and overseas backing all deliver, what do "
     "those three release together?",
     ["If EIS/VCT", "the Enterprise Capital Fund route", "overseas backing all deliver"]),
    # two things are a pair's sides, not a list
    ("How much do the vaccines centre and the treatment centres get combined?", None),
    # a comma before the last "and"
    ("Order by size: the hub in Leeds, the centre in Oxford, and the Cambridge facility.",
     ["the hub in Leeds", "the centre in Oxford", "the Cambridge facility"]),
    # a clause before the list is not one of its things
    ("Looking at the funding the government sets out for its partners in the north, the "
     "vaccines centre, the hubs and the treatment centres: what do they get?",
     ["the vaccines centre", "the hubs", "the treatment centres"]),
    # the ask before the first thing is not part of it
    ("Roughly how many new jobs do the Liverpool fill and finish plant, BBI's Welsh base and "
     "the Glasgow spin-out promise between them?",
     ["the Liverpool fill and finish plant", "BBI's Welsh base",
      "the Glasgow spin-out promise between them"]),
    # a list in brackets after a long lead
    ("Summing the three pound figures listed among the regional actions in the key commitments "
     "(Leeds, Oxfordshire and the Cambridge rail proposals), what total do you get?",
     ["Leeds", "Oxfordshire", "the Cambridge rail proposals"]),
])
def test_the_things_a_question_lists(question, sides) -> None:
    from assistant.sides import listed_sides

    assert listed_sides(question) == sides


def test_a_sum_of_three_listed_things_takes_each_ones_own_figure() -> None:
    from assistant.figure_pairs import pick_listed

    q = ("If EIS and VCTs, the Enterprise Capital Fund route and overseas venture capital "
         "backing all deliver, what do those three release together?")
    p = _passage("doc#s/001", ("Scale up",),
                 ["Establishing a new £2.5bn Investment Fund, unlocking £7.5bn.",
                  "Expanding the Enterprise Investment Scheme (EIS) and Venture Capital Trusts "
                  "(VCTs), together realising over £7bn of new investment.",
                  "Backing fund managers through the Enterprise Capital Fund programme, "
                  "supporting at least £1.5bn of new investment.",
                  "Backing overseas investment in UK venture capital, expected to release £1bn "
                  "of investment."])
    cands = _cands(p, 0.6)
    picked = pick_listed(analyse_question(q), tokenize(q), cands, _stats(p),
                         ["If EIS and VCTs", "the Enterprise Capital Fund route",
                          "overseas venture capital backing all deliver"])
    assert picked is not None
    assert [f.text for _, f in picked] == ["£7bn", "£1.5bn", "£1bn"]


def test_a_sum_stated_twice_is_not_two_listed_things_figures(monkeypatch) -> None:
    from assistant import figure_pairs

    q = "Adding up the manufacturing programme and the viral vectors top-up, what's the total?"
    p = _passage("doc#r/001", ("Business",),
                 ["A £146m programme from the fund will support measures to grow manufacturing.",
                  "A further £16m from the fund will grow manufacturing capacity in viral "
                  "vectors."])
    q2 = _passage("doc#r/002", ("Ideas",),
                  ["An additional £16m of programme support will address the shortage in viral "
                   "vector manufacturing capacity."])
    sides = ["the manufacturing programme", "the viral vectors top-up"]
    # How well each statement fits each side: the restated £16m fits the programme a shade
    # better than the £146m does.
    fit = {("manufactur", "£146m"): 1.99, ("manufactur", "£16m"): 2.0,
           ("viral", "£16m"): 1.1, ("viral", "£146m"): 0.05}
    monkeypatch.setattr(figure_pairs, "_fits_side",
                        lambda stats, want, o, named=frozenset(): fit[(want[0], o[2].text)])
    stats = _stats(p, q2)
    options = figure_pairs._options(analyse_question(q), tokenize(q),
                                    _cands(p, 0.6) + _cands(q2, 0.6), stats)
    found = figure_pairs._sides_of_kind(sides, options, stats)
    assert [f.text for _, f in found[1]] == ["£146m", "£16m"]
    # Where the sum given twice fits far better, it is taken twice (two lines can get £12m).
    fit[("manufactur", "£16m")] = 2.5
    found = figure_pairs._sides_of_kind(sides, options, stats)
    assert [f.text for _, f in found[1]] == ["£16m", "£16m"]


def test_a_listed_sum_is_arithmetic_however_the_figure_is_asked_for() -> None:
    from assistant.request import AnswerRequest
    from assistant.worked import operation_of

    def op(q: str):
        return operation_of(AnswerRequest(q, q, analyse_question(q), (), None))

    assert op("If A, B and C all deliver, what do those three release together?") is not None
    # who, which, where: the things are listed for another reason than their sum
    assert op("Which of the vaccines centre, the hubs and the treatment centres are together "
              "in Oxford?") is None


def test_a_sum_never_adds_a_whole_to_a_part_it_lists() -> None:
    from assistant.arithmetic import Operation

    q = "Taken together, how much digital infrastructure money is for 5G and for full fibre?"
    p = _passage("doc#i/001", ("Infrastructure",),
                 ["Boost our digital infrastructure with over £1bn of public investment, "
                  "including £176m for 5G and £200m for local areas to roll out full fibre."])
    pair = _picked(q, Operation.SUM, p)
    assert pair is not None
    assert set(pair) == {"£176m", "£200m"}


def test_a_sum_of_two_named_things_takes_each_ones_own_figure() -> None:
    from assistant.arithmetic import Operation

    q = ("How much of the £146m programme goes to the vaccines centre and the advanced "
         "therapies treatment centres combined?")
    p = _passage("doc#m/001", ("Manufacturing",),
                 ["As a signal of intent, three advanced therapy treatment centres are to be "
                  "established across the UK and an additional £16m of programme support for "
                  "capital projects will help to address the shortage in viral vector capacity.",
                  "£66m on a Vaccines Development & Manufacturing Centre;",
                  "£30m to establish three Advanced Therapies Treatment Centres;"])
    pair = _picked(q, Operation.SUM, p, stats=_stats(p, topic="skills"))
    assert pair is not None
    assert set(pair) == {"£66m", "£30m"}


def test_a_comparison_sets_money_against_money_not_a_headcount() -> None:
    from assistant.arithmetic import Operation

    q = ("Which is the larger sum: the cost of Acme's new Cambridge facility or the Leeds "
         "medtech programme, and by how much?")
    acme = _passage("doc#a/001", ("Ideas",),
                    ["Acme will move its headquarters to Cambridge.",
                     "Construction of the £500m building is well underway and is scheduled to "
                     "be fully operational in eighteen months' time, with 2,000 staff at the "
                     "new Cambridge facility."])
    leeds = _passage("doc#l/001", ("Places",),
                     ["A £350m investment programme in Leeds will build on its medtech hub."])
    pair = _picked(q, Operation.COMPARE, acme, leeds)
    assert pair is not None
    assert pair == ["£500m", "£350m"]


def test_a_list_ending_in_the_kind_asked_for_names_things_of_that_kind() -> None:
    from assistant.selection import Selector

    a = analyse_question("Which fields see the most life-changing innovation?")
    assert a.kind_noun == "field"
    p = _passage("doc#f/001", ("Foreword",),
                 ["Nowhere is innovation more life-changing than in medicine, healthcare and "
                  "their associated fields.", "Some fields matter more than others."])
    sel = Selector(_stats(p))
    assert sel.needs(a)(p.unit_text(p.units[0])) and not sel.needs(a)(p.unit_text(p.units[1]))
    assert not sel._unnamed_kind(a, _cands(p, 0.5)[0])
    assert sel._unnamed_kind(a, _cands(p, 0.5)[1])
    # ... with up to four words before the kind: "... and some types of breast cancer".
    a = analyse_question("Which cancers might the cancer programme cover?")
    text = "Its cancer programme might include lung, colorectal and some types of breast cancer."
    assert a.kind_noun == "cancer" and Selector(_stats(p)).needs(a)(text)


def test_a_kind_qualified_by_what_follows_it_says_which_ones() -> None:
    # "Which teachers ...?": no teacher is named, but "teachers working in areas that have
    # fallen behind" says which; a bare mention of teachers does not.
    from assistant.selection import Selector

    a = analyse_question("Which teachers would the Teacher Development Premium pilot apply to?")
    assert a.kind_noun == "teacher"
    p = _passage("doc#t/001", ("Places",),
                 ["Provide £42m to pilot a Teacher Development Premium for teachers.",
                  "It will fund professional development for teachers working in areas that "
                  "have fallen behind."])
    sel = Selector(_stats(p))
    assert sel._unnamed_kind(a, _cands(p, 0.5)[0])
    assert not sel._unnamed_kind(a, _cands(p, 0.5)[1])
    best = _chosen(a.question, p, 0.6, demoted=0.55)
    assert best is not None and best.unit_index == 1


@pytest.mark.parametrize(("question", "named"), [
    ("List the Places policies in the wider Industrial Strategy summary.", True),
    ("What are the headline places policies on the Industrial Strategy page?", True),
    ("Which 'Places' measures does the Industrial Strategy list?", True),
    # the heading's word as an ordinary word, or the part's words inside a longer name
    ("Which of the Industrial Strategy's challenges help people in places left behind?", False),
    ("Which Places does the Industrial Strategy Challenge Fund support?", False),
    ("List the Places policies.", False),
])
def test_a_heading_and_its_part_named_together_say_where_to_look(question, named) -> None:
    from assistant.named_parts import NamedParts

    section = ("Industrial Strategy at a glance", "Places")
    assert NamedParts.names_path(_request(question), set(tokenize(question)), section) is named


def test_a_name_made_of_the_kind_asked_for_names_one() -> None:
    # "Which government department ...?": "the Department of Health" is made of the kind's word
    # and a common one, and names the department; the question's other words still name no one.
    from assistant.selection import Selector

    p = _passage("doc#d/001", ("Ideas",), ["Responsibility for the Access Schemes is being "
                                           "transferred from the Department of Health.",
                                           "Responsibility for the Access Schemes is changing."])
    stats = _stats(p, topic="health")
    a = analyse_question("Which government department is handing over the Access Schemes?")
    sel = Selector(stats)
    assert "department" not in sel.known(a) and "access" in sel.known(a)
    assert sel.needs(a)(p.unit_text(p.units[0])) and not sel.needs(a)(p.unit_text(p.units[1]))


@pytest.mark.parametrize(("question", "dated"), [
    ("When did Acme announce its new research centre?", True),
    # a time to come is not given by the event a past announcement came with
    ("When will Acme open its new research centre?", False),
])
def test_a_past_event_may_be_dated_by_the_event_it_came_with(question, dated) -> None:
    p = _passage("doc#e/001", ("Ideas",), ["Acme has long worked with the university.",
                                           "Alongside the deal, Acme announced a new research "
                                           "centre in Oxford."])
    best = _chosen(question, p, 0.6, demoted=0.55)
    assert (best is not None and best.unit_index == 1) is dated


def test_a_fact_dated_this_year_is_answered_by_its_restatement_with_the_year() -> None:
    p = _passage("doc#y/001", ("Places",), [
        "Acme announced in February this year that it will centralise its work in Wales.",
        "Acme announced in February 2017 that it will centralise its work in Wales."])
    best = _chosen("When did Acme say it would centralise its work in Wales?", p, 0.6,
                   demoted=0.3)
    assert best is not None and best.unit_index == 1


@pytest.mark.parametrize(("question", "answers", "restates"), [
    # money spent is a sum in a currency, not a share
    ("How much is Acme spending on its plant?", "Acme is spending £20m on its plant.",
     "Acme exports 98 per cent of what its plant makes."),
    # a count the question states is not its answer
    ("How many apprentices are there now, against the 20,000 target?",
     "There are 12,500 apprentices now.", "The aim is 20,000 apprentices by 2020."),
    # nor is a date it states
    ("From what date can scientists settle after three years?",
     "From April 2018 scientists can settle after three years.",
     "Scientists can settle after three years."),
])
def test_what_the_question_states_or_another_kind_of_figure_is_no_answer(
        question: str, answers: str, restates: str) -> None:
    from assistant.selection import Selector

    p = _passage("doc#q/001", ("Ideas",), [answers, restates])
    needs = Selector(_stats(p)).needs(analyse_question(question))
    assert needs(answers) and not needs(restates)


def test_the_time_people_spend_is_no_money() -> None:
    assert not analyse_question("How much are they hoping to cut the time people spend on the "
                                "ward?").wants_cash
    assert analyse_question("How much is Acme spending on its plant?").wants_cash
    # A value or worth asked for is money, not a share ("12 per cent more theatre use").
    assert analyse_question("What is the financial value of the Acme agreement?").wants_cash
    assert analyse_question("What is the Acme contract worth?").wants_cash


def test_a_part_named_by_a_name_is_that_ones_figure_not_the_wholes_neighbour() -> None:
    from assistant.arithmetic import Operation, detect_operation

    q = "Acme's yearly spend on R&D is roughly what share of public R&D investment in 2016/17?"
    assert detect_operation(q) is Operation.PERCENT
    whole = _passage("doc#w/001", ("Ideas",), ["We announced a further £2.3bn of R&D investment, "
                                               "raising public investment in R&D from £9.5bn "
                                               "in 2016/17."])
    part = _passage("doc#w/002", ("Ideas",), ["Global company, Acme, stressed co-location.",
                                              "The company is investing some £2bn per annum "
                                              "on R&D."])
    assert _picked(q, Operation.PERCENT, whole, part) == ["£2bn", "£9.5bn"]
    # ... and a whole a name owns is that one's: public investment is not Acme's spending
    q = "What share of Acme's global R&D spending does the further R&D investment make up?"
    assert _picked(q, Operation.PERCENT, whole, part) is None


def test_a_question_about_what_the_deal_cites_is_answered_from_its_references() -> None:
    from assistant.named_parts import CITES_RE as _CITES_RE

    assert _CITES_RE.search("who produced the consultation response that the deal cites?")
    assert _CITES_RE.search("which report is cited by the deal for this figure?")
    assert not _CITES_RE.search("which companies does the deal name?")


def test_which_two_word_kind_and_might_split_a_compound_question() -> None:
    from assistant.question_parts import split_parts

    q = "What could AI bring to healthcare, and which hospital services might it shake up?"
    assert split_parts(q) == ["What could AI bring to healthcare",
                              "which hospital services might it shake up"]
    assert analyse_question("which hospital services might it shake up").kind_noun == "servic"
    # ... or two words: "which community NHS trusts are ...?" asks for trusts' names
    assert analyse_question("Which community NHS trusts are trialling the tool?").kind_noun == \
        "trust"
    # A verb after the kind's word is no kind: "intends" is what the company does.
    assert analyse_question("Which company intends to partner with QIAGEN?").kind_noun is None


def test_of_near_ties_the_unit_naming_the_subject_itself_dates_it() -> None:
    from assistant.selection import Selector

    q = "When was the Life Sciences Sector Deal published?"
    strategy = _passage("doc#f/002", ("Foreword",),
                        ["The Life Sciences Sector Deal follows the strategy.",
                         "The agreement starts to implement the Life Sciences Industrial Strategy "
                         "published in August 2017."])
    plan = _passage("doc#p/001", ("Implementation plan",),
                    ["Dec 2017: Phase one of the Life Sciences Sector Deal announced"])
    cands = [Candidate(strategy, strategy.units[1], 1, 1, strategy.unit_text(strategy.units[1]),
                       0.62, 0.62, 0.0, 0.62),
             Candidate(plan, plan.units[0], 0, 2, plan.unit_text(plan.units[0]),
                       0.61, 0.61, 0.0, 0.61)]
    best = Selector(_stats(strategy, plan)).choose(_request(q), cands)
    assert best is not None and best.passage is plan


def test_only_a_question_about_signing_the_document_falls_back_to_its_signature_block() -> None:
    from assistant.extractive import _SIGNED_DOC_RE

    assert _SIGNED_DOC_RE.search("Who signed the deal?")
    assert _SIGNED_DOC_RE.search("Who are the signatories of the deal?")
    assert not _SIGNED_DOC_RE.search("Which NHS trust signed the implants agreement with JJMD?")
    assert not _SIGNED_DOC_RE.search("Which funding needs Treasury sign-off?")


def test_who_is_a_person_and_their_role_are_recognised() -> None:
    from assistant.extractive import _WHO_IS_RE

    assert _WHO_IS_RE.match("Who is Greg Clark?").group("name") == "Greg Clark"
    assert _WHO_IS_RE.match("What is his job?").group("owner") == "his"
    assert _WHO_IS_RE.match("What's Jeremy Hunt's role?")
    long = "Who is leading the strategy and what does it say about the NHS and trials " * 4
    assert _WHO_IS_RE.match(long.strip() + "?") is None


def test_a_name_of_everyday_words_is_only_there_as_itself() -> None:
    from assistant.selection import Selector

    fund = _passage("doc#d/001", ("Ideas",),
                    ["The Challenge Fund will invest up to £210m to use health data for "
                     "research and earlier diagnosis."])
    hdr = _passage("doc#h/001", ("Ideas",),
                   ["Health Data Research UK will get £30m for research on health data."])
    everyday = [_passage(f"doc#e/{n:03d}", ("Other",), [f"Health research note {n} for the UK."])
                for n in range(6)]
    sel = Selector(TermStats([fund, hdr, *everyday]))
    a = analyse_question("How much funding is Health Data Research UK receiving?")
    assert not sel.about_subject(a, _cands(fund, 0.5)[0])  # its words, not its name
    assert sel.about_subject(a, _cands(hdr, 0.5)[0])
    # a name with distinctive words is there when they are ("Hub" and "Wales" here)
    wales = _passage("doc#w/001", ("Places",), ["The Wales Hub gets £5m for health research."])
    a = analyse_question("How much does Health Research Hub Wales get?")
    sel = Selector(TermStats([wales, *everyday]))
    assert sel.about_subject(a, _cands(wales, 0.5)[0])


def test_a_comparison_of_more_people_compares_counts_of_people() -> None:
    from assistant.arithmetic import Operation
    from assistant.figure_pairs import _compared_noun

    assert _compared_noun("Which has more people: the lab or the centre?") == "people"
    assert _compared_noun("Which site employs more scientists?") == "scientist"
    assert _compared_noun("Which gets more money: the lab or the centre?") is None
    # ... the noun after a word or two qualifying it
    assert _compared_noun("Which project brings more new jobs: the lab or the plant?") == "job"
    assert _compared_noun("Which will have more research staff, A or B?") == "staff"
    zeta = _passage("doc#a/001", ("Places",),
                    ["Zeta is investing some £2bn a year and growing its Kestrel site to 140 "
                     "employees."])
    nova = _passage("doc#b/001", ("Places",),
                    ["Nova announced a new £115m centre in Kestrel, employing up to 100 "
                     "scientists."])
    q = "In Kestrel, which has more people: Zeta's site or Nova's centre?"
    assert sorted(_picked(q, Operation.COMPARE, zeta, nova)) == ["100", "140"]


def test_an_agent_slot_names_someone_only_when_they_are_new_to_the_question() -> None:
    from assistant.evidence import has_name
    from assistant.selection import Selector

    p = _passage("doc#a/001", ("Ideas",), ["A council chaired by Sir Alan Kestrel was set up."])
    known = Selector(_stats(p)).known(analyse_question(
        "Which company did Sir Alan Kestrel run before he chaired the council?"))
    text = "The council will be chaired by Sir Alan Kestrel;"
    assert not has_name(text, known)  # he is who the question asks about
    assert has_name("The board will be chaired jointly by industry and the government.", known)


def test_a_name_of_everyday_words_is_matched_whatever_its_inflection() -> None:
    """"Life Sciences Industrial Strategy" is all everyday words here, so it must stand as a
    phrase; the plan table's "Life Science Industrial Strategy" is that phrase, the words
    scattered through a sentence are not."""
    from assistant.selection import Selector

    words = "life sciences industrial strategy"
    row = _passage("doc#a/001", ("Plan",), ["Aug 2017 Life Science Industrial Strategy launched."])
    scattered = _passage("doc#b/001", ("Plan",),
                         ["In 2017 the strategy for industrial life science was launched."])
    sel = Selector(_stats(row, scattered, topic=words))
    a = analyse_question("When did the Life Sciences Industrial Strategy come out?")
    assert "Life Sciences Industrial Strategy" in a.names
    assert sel.about_subject(a, _cands(row, 0.5)[0])
    assert not sel.about_subject(a, _cands(scattered, 0.5)[0])


def test_a_possessive_names_no_one_new() -> None:
    """"Who is the National Data Guardian ...?" is not answered by "the National Data
    Guardian's recommendations": the possessive is the question's own name."""
    from assistant.evidence import has_name

    known = frozenset({"national", "data", "guardian", "recommendations"})
    text = "We will implement the National Data Guardian's recommendations."
    assert not has_name(text, known)
    assert has_name("Dame Fiona Caldicott's recommendations will be implemented.", known)


def test_a_year_asked_about_must_be_stated_with_the_figure() -> None:
    from assistant.name_match import asked_years
    from assistant.selection import Selector

    assert asked_years("How much did Adaptimmune raise in 2016?") == {"2016"}
    assert asked_years("What will R&D investment be in 2019/20?") == {"2019/20"}
    assert asked_years("How much by 2020 and in 2021-22?") == {"2020", "2021/22"}
    p = _passage("doc#a/001", ("Places",),
                 ["Adaptimmune has raised over £300m.", "In 2017 alone it raised $100m."])
    sel = Selector(_stats(p))
    in_2017 = _cands(p, 0.5)[1]
    assert sel.about_subject(analyse_question("How much did Adaptimmune raise in 2017?"), in_2017)
    assert not sel.about_subject(analyse_question("How much did Adaptimmune raise in 2016?"),
                                 in_2017)


def test_initials_inside_a_name_match_their_spelled_out_words() -> None:
    from assistant.selection import Selector

    p = _passage("doc#a/001", ("Ideas",),
                 ["Richard Henderson at the Medical Research Council's Laboratory of Molecular "
                  "Biology in Cambridge won the Nobel Prize in 2017."])
    other = _passage("doc#b/001", ("Ideas",),
                     ["The Laboratory of Molecular Biology in Cambridge opened a wing in 2017."])
    sel = Selector(_stats(p, other))
    a = analyse_question("In what year did the MRC Laboratory of Molecular Biology win a Nobel?")
    assert "MRC Laboratory" in a.names
    assert sel.about_subject(a, _cands(p, 0.5)[0])
    assert not sel.about_subject(a, _cands(other, 0.5)[0])  # the initials are not spelled out


def test_initials_beside_initials_are_stated_as_written_or_spelled_out() -> None:
    from assistant.selection import Selector

    p = _passage("doc#a/001", ("Ideas",),
                 ["We will invest through the National Institute for Health Research in the NHS: "
                  "contracts worth more than £950m."])
    other = _passage("doc#b/001", ("Ideas",), ["The NHS will hold contracts worth £90m."])
    sel = Selector(_stats(p, other))
    a = analyse_question("How much are the NIHR's NHS contracts worth?")
    assert a.names == ("NIHR's NHS",)
    assert sel.about_subject(a, _cands(p, 0.5)[0])
    assert not sel.about_subject(a, _cands(other, 0.5)[0])  # NIHR neither written nor spelled


def test_a_place_that_begins_a_company_name_says_nowhere() -> None:
    from assistant.evidence import has_place

    assert not has_place("Growth came to SMEs including Oxford Biomedica and Adaptimmune.")
    assert has_place("Growth came to SMEs including Oxford Biomedica, all near Oxford.")
    assert has_place("Manchester Science Park is growing.")


def test_a_numbered_stage_asked_about_is_not_answered_by_another() -> None:
    from assistant.name_match import numbered_stages, other_stage

    assert numbered_stages("ISCF Wave 2, after the first wave and Phase one") == \
        {"wave": {1, 2}, "phase": {1}}
    q = "When is the deadline for the second wave of the Challenge Fund?"
    assert other_stage(q, "Aug 2017: £146m Challenge Fund Wave 1 announced")
    assert not other_stage(q, "Nov 2017: Challenge Fund Wave 2 announced")
    assert not other_stage(q, "The Challenge Fund was announced")  # no stage numbered
    assert not other_stage("When was the Challenge Fund announced?", "Wave 1 announced")
    # a count before the stage word is no stage: "two Wave 1 announcements"
    assert not other_stage("The table has two Wave 1 announcements. When was each made?",
                           "Oct 2017: £16m Wave 1 funding announced")
    from assistant.selection import Selector

    p = _passage("doc#t/001", ("Plan",), ["Aug 2017: £146m Challenge Fund Wave 1 announced.",
                                          "Nov 2017: Challenge Fund Wave 2 announced."])
    wave1, wave2 = _cands(p, 0.5)
    sel = Selector(_stats(p))
    a = analyse_question(q)
    assert not sel.about_subject(a, wave1) and sel.about_subject(a, wave2)
    # ... nor does the other stage set how relevant the asked one must be
    from assistant.scoring import Candidate

    less = Candidate(p, wave2.unit, 1, 1, wave2.text, 0.33, 0.33, 0.0, 0.33)
    first = Candidate(p, wave1.unit, 0, 1, wave1.text, 0.5, 0.5, 0.0, 0.5)
    assert sel.choose(_request("In the timeline, when does the second wave of the Challenge "
                               "Fund show up?"), [first, less]) is less


def test_a_sum_shared_by_several_things_is_not_one_of_thems() -> None:
    """"This £146m will fund two new centres - A and B" does not give B's money where another
    unit does ("£66m on B"); asked about the two together, their shared sum answers."""
    from assistant.scoring import Candidate
    from assistant.selection import Selector

    shared = _passage("doc#m/001", ("Manufacturing",), [
        "This £146m will fund two new national centres - the Borealis Centre and a Vaccines "
        "Making Centre - in the programme."])
    own = _passage("doc#m/002", ("Manufacturing",), ["£66m on a Vaccines Making Centre;"])
    sel = Selector(_stats(shared, own))

    def cand(p: Passage, relevance: float) -> Candidate:
        return Candidate(p, p.units[0], 0, 1, p.unit_text(p.units[0]), relevance, relevance,
                         0.0, relevance)

    cands = [cand(shared, 0.6), cand(own, 0.47)]
    req = _request("How much is going to the new Vaccines Making Centre?")
    assert sel.choose(req, cands).passage is own
    req = _request("How much will the two new national centres get?")
    assert sel.choose(req, cands).passage is shared


@pytest.mark.parametrize(("top", "narrow", "question", "flag"), [
    # "How many businesses actually signed up?": "more than 25 businesses", in other words
    ("This Borealis life sciences sector deal is just the beginning, signed by all.",
     "It brings together the government with charities and more than 25 businesses.",
     "How many businesses actually signed up to this Borealis life sciences deal?", "count_noun"),
    # "What share ... is sold abroad?": "98 per cent of which is exported"
    ("Borealis investments will make the region attractive for gene therapy suppliers.",
     "Zeta's order book, 98 per cent of which is exported, is growing.",
     "Roughly what share of one Borealis gene therapy supplier's output ends up sold abroad?",
     "wants_percent"),
    # "... each year?": "some £2bn per annum"
    ("This builds on investments made into the UK by Zeta and Acme in research.",
     "The company is investing some £2bn per annum on UK-associated R&D.",
     "Roughly what does Zeta put into UK-linked research and development each year?",
     "per_period"),
])
def test_a_narrow_figure_question_takes_a_less_relevant_unit_giving_that_figure(
        top, narrow, question, flag) -> None:
    """Where nothing more relevant gives the count, share or yearly rate asked for, a unit a
    little less relevant that gives it answers, though in other words."""
    from assistant.count_nouns import plural, singular
    from assistant.scoring import Candidate
    from assistant.selection import Selector

    assert singular("businesses") == "business" and plural("business") == "businesses"
    p = _passage("doc#f/001", ("Foreword",), [top, narrow])
    first, second = (Candidate(p, u, i, 1, p.unit_text(u), r, r, 0.0, r)
                     for i, (u, r) in enumerate(zip(p.units, (0.5, 0.37))))
    req = _request(question)
    assert getattr(req.analysis, flag)
    assert Selector(_stats(p)).choose(req, [first, second]) is second


def test_asked_where_the_answer_is_a_place_the_question_does_not_name() -> None:
    """"Zeta is opening a centre in London. Where are the staff moving there based now?": the
    unit naming another place answers, though it does not name London."""
    from assistant.selection import Selector

    p = _passage("doc#i/001", ("Ideas",), [
        "Zeta announced its new discovery centre in London, with 800 staff moving there.",
        "The 800 staff moving there are currently based in Zeta's Exeter headquarters."])
    best = Selector(_stats(p)).choose(
        _request("Zeta is opening a discovery centre in London. Where are the 800 staff moving "
                 "there currently based?"), _cands(p, 0.6))
    assert best is not None and best.unit_index == 1


def test_asked_where_something_is_its_own_name_is_not_the_answer() -> None:
    """"Where is the Exe and Tamar Centre?" is not answered by "... move in to the Exe and Tamar
    Centre", which only names it."""
    from assistant.selection import Selector

    p = _passage("doc#i/002", ("Ideas",), [
        "Zeta and Acme will be the first to move in to the Exe and Tamar Manufacturing Centre.",
        "Zeta and Acme will move into the Exe and Tamar Manufacturing Centre in Stevenage."])
    best = Selector(_stats(p)).choose(
        _request("Where is the Exe and Tamar Manufacturing Centre?"), _cands(p, 0.6))
    assert best is not None and best.unit_index == 1


def test_asked_which_people_the_support_must_name_a_person() -> None:
    """"Which individuals co-chair the board?": "jointly chaired by industry and the
    government" names no one; "chaired by Sir Ann Zeta" does."""
    from assistant.selection import Selector

    q = "Which individuals have been appointed to co-chair the Borealis Board?"
    assert analyse_question(q).answer_type is AnswerType.ENTITY
    assert analyse_question("Which person chairs the Borealis Board?").answer_type \
        is AnswerType.ENTITY
    p = _passage("doc#i/003", ("Implementation",), [
        "The Borealis Board will be jointly chaired by Acme Industry and the Zeta Agency."])
    assert Selector(_stats(p)).choose(_request(q), _cands(p, 0.6)) is None
    p = _passage("doc#i/004", ("Implementation",), [
        "The Borealis Board will be chaired by Sir Ann Zeta of Acme Industry."])
    assert Selector(_stats(p)).choose(_request(q), _cands(p, 0.6)) is not None


def test_asked_which_groups_of_people_the_support_names_the_groups() -> None:
    """"Which groups of people will sit on the panels?" asks for kinds of people ("employers,
    colleges and the government"), not for persons named with a title."""
    from assistant.selection import Selector

    q = "Which groups of people will sit on the new Borealis Panels?"
    p = _passage("doc#i/005", ("People",), [
        "The government will align with the new Borealis Panels, which will comprise "
        "employers, colleges and the Zeta Agency."])
    assert Selector(_stats(p)).choose(_request(q), _cands(p, 0.6)) is not None


def test_a_paragraph_saying_what_the_last_one_named_includes_follows_on() -> None:
    """"The paper Twelve Steps ... recognises ..." / (new paragraph) "This paper includes a
    number of commitments ...": what a question about the paper asks."""
    first = "The paper Twelve Steps, published in 2017 by Acme, recognises research as core."
    second = "This paper includes commitments to simplify approvals and to share data."
    text = f"{first}\n\n{second}"
    p = Passage("doc#t/002", "doc", text, ("Ideas",), 0, len(text),
                (Unit(UnitKind.SENTENCE, 0, len(first)),
                 Unit(UnitKind.SENTENCE, len(first) + 2, len(text))))
    nxt = _follow_on(p, "What does the Twelve Steps paper commit the health service to?")
    assert nxt is not None and nxt.quote == second


def test_asked_by_what_year_a_date_to_be_met_answers_not_the_announcement() -> None:
    """"By what year should the move have produced its jobs?": "... 50 new jobs by 2020", not
    the restatement dating the announcement ("announced in February 2017")."""
    from assistant.selection import Selector

    p = _passage("doc#p/002", ("Places",), [
        "Zeta announced in February this year a new headquarters at Crumlin, creating 50 new "
        "jobs in Wales by 2020.",
        "Zeta announced in February 2017 a new headquarters at Crumlin, in Wales."])
    best = Selector(_stats(p)).choose(
        _request("By what year should Zeta's move to Crumlin have produced its new jobs?"),
        _cands(p, 0.6))
    assert best is not None and best.unit_index == 0


def test_a_sentence_referring_back_and_listing_follows_on() -> None:
    """"... will develop regional Digital Hubs ..." / "They will create environments for
    clinical studies, trial methods, and evaluation of innovations.": what they are meant for."""
    p = _passage("doc#h/001", ("Ideas",), [
        "The government will develop regional Borealis Hubs which support the use of data.",
        "They will create environments for clinical studies, new trial methods, and the "
        "evaluation of innovations."])
    nxt = _follow_on(p, "Give me the three kinds of work the Borealis Hubs are meant to host.")
    assert nxt is not None and nxt.quote.startswith("They will create")


def test_an_ask_referring_to_the_premise_prefers_support_naming_its_subject() -> None:
    """"Zeta Data UK is mentioned as an investment. What delivery role does it get?": the unit
    naming Zeta Data UK, though another is as relevant."""
    from assistant.selection import Selector

    p = _passage("doc#d/002", ("Ideas",), [
        "This deal supports measures to improve data infrastructure with Acme and Gamma."])
    named = _passage("doc#d/003", ("Ideas",), [
        "Acme, Gamma and Zeta Data UK will lead the delivery of this programme."])
    best = Selector(_stats(p, named)).choose(
        _request("Zeta Data UK is mentioned as an investment. What delivery role does it get in "
                 "the data plans?"), _cands(p, 0.6) + _cands(named, 0.55))
    assert best is not None and best.passage is named


def test_a_followups_own_words_pick_the_unit_saying_what_it_asks_now() -> None:
    """"What will data from one of its first trials be used for?" after a question about the
    Zeta network: "Data from one of the first Zeta trials will inform ...", though the
    network's opening sentence holds more of the words borrowed from the last answer."""
    from assistant.request import AnswerRequest
    from assistant.selection import Selector

    q = "What will data from one of its first trials be used for?"
    standalone = f"{q} (leads Zeta network Professor Jane Doe Leeds)"
    p = _passage("doc#z/001", ("Ideas",), [
        "The Zeta network, led by Professor Jane Doe of Leeds, is one of only two trial "
        "networks in the world."])
    d = _passage("doc#z/002", ("Ideas",), [
        "Data from one of the first Zeta trials will inform a licensing application.",
        "Data from the Omega registry will be shared."], start=300)
    opening, data, registry = _cands(p, 1.0)[0], *_cands(d, 0.7)
    req = AnswerRequest(q, standalone, analyse_question(q), (), None)
    others = [_passage(f"doc#o/{n:03d}", ("Other",), [f"Unrelated sentence {n} about vaccines."])
              for n in range(20)]  # (enough that "Zeta" and "trials" name something)
    sel = Selector(TermStats([p, d, *others]))
    assert sel.choose(req, [opening, data, registry]) is data
    # Off the topic the last turn set (no Zeta), a unit saying the same is not picked.
    assert sel.choose(req, [opening, registry]) is opening


@pytest.mark.parametrize(("question", "kind"), [
    ("What is the average salary of the new jobs at the Liverpool plant?", "salar"),
    ("What will the annual running costs of the new centre be once it opens?", "running cost"),
    ("What did Acme earn from its work with the genomics company?", "earn"),
    ("What return is the government expecting when the £2.5bn fund is floated?", "return"),
    ("What fee will innovators pay to use the pathway?", "fee"),
    ("What will apprentices on the new standard be paid?", "salar"),
    ("What was the turnover of Acme's Liverpool site last year?", "turnover"),
    ("How much did Acme receive in government grants for its Liverpool plant?", "grant"),
])
def test_a_kind_of_money_asked_for_must_be_stated_as_that_kind(question: str, kind: str) -> None:
    from assistant.selection import Selector
    from dealqa.types import AnswerType

    a = analyse_question(question)
    assert a.answer_type is AnswerType.AMOUNT and kind in a.money_words, a
    p = _passage("doc#s/001", ("Business",), [
        "Acme committed £40m to a new plant, creating nearly 100 high-value jobs.",
        f"The {kind} figure for it is £30m a year."])
    needs = Selector(_stats(p)).needs(a)
    assert not needs(p.unit_text(p.units[0])) and needs(p.unit_text(p.units[1]))


@pytest.mark.parametrize("question", [
    "What's the price tag on the Nexus innovation centre in Leeds?",  # any cost
    "What does Oxfordshire have to deliver in return for the £215m Housing Deal?",
    "Could the extra £16m cover a company's day-to-day running costs?",  # yes or no
    "How many earn-while-you-learn places does the industry want by 2020?",
    "Every trust argues its own price for research. Which organisation will fix that?",
])
def test_money_named_in_passing_asks_for_no_kind_of_money(question: str) -> None:
    assert analyse_question(question).money_words == ()


def test_a_kind_whose_names_say_what_they_are_is_answered_by_such_a_name() -> None:
    from assistant.selection import Selector

    a = analyse_question("Which NHS trusts have been chosen to host the new hubs?")
    assert a.kind_noun == "trust"
    needs = Selector(_stats()).needs(a)
    assert needs("Acme has partnered with Borealis NHS Foundation Trust to host a hub.")
    assert not needs("NHS Digital and Health Data Research UK will develop the hubs.")


def test_a_ratio_against_its_own_size_takes_the_stated_figure() -> None:
    from assistant.arithmetic import Operation

    p = _passage("doc#f/001", ("Business",), [
        "The government is establishing a new £2.5bn Investment Fund incubated in the Bank.",
        "The Bank will seed the first wave of funds with up to £500m.",
        "By co-investing, a total of £7.5bn of investment will be released."])
    q = "If the new £2.5bn fund releases the total investment expected, how many times its " \
        "own size is that?"
    assert sorted(_picked(q, Operation.RATIO, p)) == ["£2.5bn", "£7.5bn"]


def test_a_ratio_takes_the_figure_the_question_gives_one_thing_as_a_side() -> None:
    from assistant.arithmetic import Operation

    acme = _passage("doc#g/001", ("Business",), [
        "Acme is moving to Cambridge. Construction of the £500m facility is well underway, "
        "with 2,000 staff."])
    borealis = _passage("doc#g/002", ("Business",), [
        "Borealis have committed £40m to a plant in Liverpool, creating nearly 100 jobs, in "
        "addition to the 600 staff already there."])
    q = "Acme's £500m Cambridge building costs how many times Borealis's Liverpool investment?"
    assert analyse_question(q).count_noun is None  # a ratio, not a count of Liverpools
    assert _picked(q, Operation.RATIO, acme, borealis) == ["£500m", "£40m"]
    # A figure given as the whole the sides come from is no side.
    q = "Of the £500m, how many times larger is Borealis's plant than its jobs fund?"
    from assistant.figure_pairs import _given_side
    assert _given_side(q) is None


@pytest.mark.parametrize(("question", "descending"), [
    ("Rank these from smallest to largest: A, B and C.", False),
    ("Put these in order from fewest to most: A, B and C.", False),
    ("Sort them, biggest first: A, B and C.", True),
    ("Order A, B and C by size.", False),
    ("Which of A, B and C is the largest?", None),  # one extreme, not an order
    ("Put these in date order: A, B and C.", None),  # dates are the timeline's
])
def test_a_ranking_asked_for_and_its_direction(question, descending) -> None:
    from assistant.ranking import asks_ranking

    assert asks_ranking(question) is descending


def test_listed_things_are_set_in_the_order_of_their_figures() -> None:
    from assistant.arithmetic import figures_in
    from assistant.ranking import order_working

    picked = [("the hub", figures_in("a £40m hub")[0]),
              ("the deal", figures_in("up to £215m for housing")[0]),
              ("the centre", figures_in("a £115m centre")[0])]
    assert order_working(picked, False) == \
        "£40m (the hub) < £115m (the centre) < up to £215m (the deal)"
    assert order_working(picked, True).startswith("up to £215m (the deal) > £115m")
    # money and a headcount are not one scale
    assert order_working([*picked, ("the site", figures_in("creating 43 jobs")[0])],
                         False) is None


def test_a_ranked_thing_is_matched_by_its_own_name_not_its_place() -> None:
    from assistant.sides import names_side

    p = _passage("doc#l/001", ("Places",),
                 ["Leeds is home to a medtech cluster.",
                  "Nexus, a £40m Innovation Centre, will grow start-ups."])
    q = _passage("doc#l/002", ("Places",),
                 ["Leeds is home to a medtech cluster.",
                  "The Medicines Manufacturing Innovation Centre gets £12m."])
    nexus, other = _cands(p, 0.5)[1], _cands(q, 0.5)[1]
    assert names_side("the Nexus innovation centre in Leeds", nexus)
    assert not names_side("the Nexus innovation centre in Leeds", other)
    # An acronym is named by its words spelt out in the unit itself.
    r = _passage("doc#l/003", ("Ideas",),
                 ["Through the National Institute for Health Research, new contracts worth "
                  "more than £950m will start."])
    assert names_side("the NIHR's five-year contract round", _cands(r, 0.5)[0])
    assert not names_side("the NHSA's pipeline", _cands(r, 0.5)[0])


def test_the_two_things_a_comparison_names_are_found_wherever_the_deal_names_them() -> None:
    from assistant.arithmetic import Operation
    from assistant.figure_pairs import compared_sides

    q = ("Is the extra R&D money announced for 2021/22 alone bigger than the NIHR's entire "
         "five-year contract round, and by roughly how much?")
    assert compared_sides(q, Operation.COMPARE) == (
        "the extra R&D money announced for 2021/22", "the NIHR's entire five-year contract round")
    assert compared_sides("How much bigger is the fund than the seed money?",
                          Operation.DIFFERENCE) == ("the fund", "the seed money")
    assert compared_sides("What is the total of the two?", Operation.SUM) is None


def test_the_parties_a_commitment_covers_answer_which_parties_however_common() -> None:
    from assistant.evidence import names_parties
    from assistant.selection import Selector

    p = _passage("doc#p/001", ("Summary",), [
        "This deal restates the commitment by the government, the NHS and industry to "
        "collaborate closely.",
        "It highlights examples of this collaboration in practice."])
    a = analyse_question("The summary restates a commitment to collaborate closely. Which "
                         "parties does that commitment cover?")
    # (words the corpus uses everywhere name no one new: here the parties' own)
    needs = Selector(_stats(p, topic="the government, the NHS and industry")).needs(a)
    assert needs(p.unit_text(p.units[0])) and not needs(p.unit_text(p.units[1]))
    assert names_parties("a partnership between Acme, Zeta and the NHS")
    assert not names_parties("the commitment by the government to collaborate")


def test_how_far_ahead_is_a_length_of_time_though_a_when_clause_follows() -> None:
    p = _passage("doc#h/001", ("Ideas",), [
        "Our approach to the research programme will be laid out in future phases of the deal.",
        "The research programme will address the global healthcare challenges of the next 20 "
        "years."])
    q = "How far into the future does the research programme look when picking its challenges?"
    assert _chosen_of_two(q, p) == 1


def test_a_unit_listing_the_thing_set_aside_with_others_still_answers() -> None:
    from assistant.selection import lists_beside

    aside = {"addenbrooke", "papworth"}
    assert lists_beside("a campus adjacent to the Addenbrooke and new Papworth Hospital sites, "
                        "the University of Cambridge and leading institutions", aside)
    assert not lists_beside("a campus adjacent to the Addenbrooke site", aside)
    p = _passage("doc#x/001", ("Ideas",), [
        "Acme will move to a campus adjacent to the Addenbrooke and new Papworth Hospital "
        "sites, the University of Cambridge and leading research institutions.",
        "Construction of the Acme campus is well underway with 2,000 staff."])
    q = "Apart from the Addenbrooke and Papworth hospital sites, what else will Acme's new " \
        "campus be next to?"
    assert _chosen_of_two(q, p) == 0


def test_a_count_of_a_thing_the_deal_never_names_is_not_any_count() -> None:
    from assistant.selection import Selector

    p = _passage("doc#b/001", ("Places",), ["The new hospital will open with 2,000 staff."])
    selector = Selector(_stats(p))
    beds = analyse_question("How many beds will the new hospital have?")
    assert not selector.needs(beds)("The new hospital will open with 2,000 staff.")
    assert selector.needs(beds)("The new hospital will open with 400 beds.")
    # ... but an everyday word for one the deal uses takes a count ("boffins" ~ scientists)
    boffins = analyse_question("How many boffins will the new hospital have?")
    assert selector.needs(boffins)("The new hospital will open with 2,000 staff.")


def test_the_role_asked_about_is_the_named_subjects() -> None:
    from assistant.request import AnswerRequest
    from assistant.selection import Selector

    p = _passage("doc#c/001", ("People",), [
        "The Acme Partnership will work with employers, colleges and Zeta Council."])
    board = _passage("doc#c/002", ("Governance",), [
        "The Board will be supported by sub-groups chaired by dedicated policy leads from "
        "Borealis."])
    first, = _cands(p, 0.5)
    other, = _cands(board, 0.48)
    q = "Who chairs the Acme Partnership?"
    req = AnswerRequest(q, q, analyse_question(q), (), None)
    assert Selector(_stats(p, board)).choose(req, [first, other]) is not other


def test_a_counted_kind_is_named_by_a_series_of_that_many_though_none_is_a_name() -> None:
    p = _passage("doc#s/001", ("Summary",), [
        "This is the vision set out in the Widget Industrial Strategy, which the deal takes "
        "forward.",
        "The deal is aligned to the foundations set out in the Widget Industrial Strategy – "
        "ideas, people, infrastructure, the business environment and places – and supports "
        "its vision."])
    assert _chosen_of_two("Which five foundations of the Widget Industrial Strategy is the deal "
                          "lined up against?", p) == 1
    # a series of another length does not name the five asked for
    assert _chosen_of_two("Which four foundations of the Widget Industrial Strategy is the deal "
                          "lined up against?", p) is None


def test_a_plural_kind_of_named_things_is_answered_by_the_unit_listing_several_new_names() -> None:
    p = _passage("doc#c/001", ("Ideas",), [
        "Widgetford was the world's first digitally-enhanced Randomised Controlled Trial (RCT).",
        "It was made possible through a unique collaboration between Acme, North West e-Health, "
        "the University of Widgetford, Widgetford Royal NHS Foundation Trust and GPs."])
    q = "Which local organisations were partners with Acme in Widgetford's trial?"
    assert _chosen_of_two(q, p) == 1
    # one organisation asked for: the higher unit naming one still answers
    assert _chosen_of_two("Which organisation ran Widgetford's trial?", p) == 0


def test_a_question_asking_in_what_circumstance_is_answered_by_a_condition() -> None:
    p = _passage("doc#b/001", ("Business",), [
        "Realise over £20bn of patient capital investment over ten years through the widget "
        "programmes.",
        "Allocation of resources would be reconfigured if the UK did not retain a "
        "relationship."])
    q = "Could patient capital investment across the widget programmes be moved, and in what " \
        "circumstance?"
    assert _chosen_of_two(q, p) == 1
    assert _chosen_of_two(q.replace(", and in what circumstance", ""), p) == 0


def test_the_words_naming_the_timeline_do_not_pick_its_row() -> None:
    from assistant.timeline import table_naming_words

    q = "In the implementation timetable, which month is set aside for reviewing the widget deal?"
    assert table_naming_words(q) == set(tokenize("implementation timetable"))
    assert table_naming_words("Which month is the widget deal reviewed?") == set()
    p = _passage("doc#t/001", ("Implementation plan",), [
        "Jan 2018 Implementation plan for the Widget Deal agreed by board.",
        "Dec 2018 Annual Review of the Widget Deal."])
    assert _chosen_of_two(q, p) == 1


def test_a_name_only_a_claim_gives_is_no_subject_where_the_ask_corrects_it() -> None:
    from assistant.coverage import corrected_names, subject_names

    a = analyse_question("A consultant tells me the £146m comes from NIHR. Which fund is it "
                         "really from?")
    assert corrected_names(a) == {"NIHR"} and subject_names(a) == []
    # asked of the claim's name itself, or with no correction asked, it stays the subject
    b = analyse_question("A consultant tells me the £146m comes from NIHR. How much does NIHR "
                         "really give?")
    assert corrected_names(b) == frozenset()
    c = analyse_question("A consultant tells me the £146m comes from NIHR. Is that right?")
    assert corrected_names(c) == frozenset()


@pytest.mark.parametrize(("question", "asks"), [
    ("Could the money be moved, and in what circumstance?", True),
    ("Under what conditions would the fund be sold?", True),
    ("What does the deal say would happen to the programmes if that link isn't kept?", True),
    ("What happens to the fund if the UK leaves?", True),
    ("What will happen to the fund?", False),  # no condition asked about
    ("In which month was it announced?", False),
])
def test_a_question_asking_what_follows_from_a_condition(question: str, asks: bool) -> None:
    from assistant.asks import asks_circumstance

    assert asks_circumstance(question) is asks


def test_the_two_things_a_premise_sets_together_are_a_comparisons_sides() -> None:
    from assistant.figure_pairs import premise_pair

    q = "The Widget Vaccines Centre and the Widget Making Centre both come out of the £146m. " \
        "How many times bigger is the vaccines allocation?"
    assert premise_pair(q) == ("Widget Vaccines Centre", "Widget Making Centre")
    assert premise_pair("How many times bigger is the vaccines allocation?") is None


def test_a_condition_of_what_the_question_asks_about_travels_with_the_quote() -> None:
    from assistant.compose import Composer, Span

    p = _passage("doc#a/001", ("Business",), [
        "A pipeline of new investment will be announced subject to final approvals.",
        "Allocation across programmes would be reconfigured if no relationship is kept.",
        "The Budget raised the widget credit to 12 per cent.",
        "Acme has made investments in the UK."])
    quote = [Span.of_unit(p, p.units[2])]
    about = frozenset(tokenize("Is the 12 per cent widget credit open to large companies?"))
    assert Composer.condition_spans(quote, about) == []
    invest = [Span.of_unit(p, p.units[3])]
    about = frozenset(tokenize("Are the further investments confirmed?"))
    assert [s.quote for s in Composer.condition_spans(invest, about)] == [
        "A pipeline of new investment will be announced subject to final approvals."]
    # without terms, every condition the passage states
    assert len(Composer.condition_spans(quote)) == 2


def test_a_comparison_finds_each_named_things_figure_wherever_the_deal_states_it(tmp_path
                                                                                 ) -> None:
    from conftest import filler_sections, mini_index

    from assistant.assistant import Assistant

    others = filler_sections("nurses", ("North", "South", "East", "West", "Central", "Coastal"))
    index, emb = mini_index(tmp_path, (
        "Mini Deal\n\nIdeas\n\nIn the White Paper we announced a further increase in R&D "
        "investment of £2bn in 2021/22, raising total public investment in R&D to £12bn that "
        f"year alone.\n\n{others}People\n\nWe will invest through the National Institute for "
        "Health Research in research infrastructure. New contracts worth more than £900m will "
        "start over the next five years.\n"))
    a = Assistant(index, emb, top_k=3).ask(
        "Is the extra R&D money announced for 2021/22 alone bigger than the NIHR's entire "
        "five-year contract round, and by roughly how much?")
    assert not a.abstained and "£900m" in a.text and "£2bn" in a.text, a.text


def test_a_follow_ups_pronoun_side_is_the_name_it_borrowed() -> None:
    from assistant.arithmetic import Operation
    from assistant.figure_pairs import pick_pair

    leeds = _passage("doc#f/001", ("Places",), [
        "Partners are establishing a £350m investment programme in the Leeds medtech hub, "
        "including Nexus, a £40m Innovation Centre, and a £5m training academy."])
    q = "Roughly what percentage of that Leeds programme does it account for?"
    standalone = f"{q} (Nexus £40m Innovation Centre)"
    cands = _cands(leeds, 0.6)
    pair = pick_pair(analyse_question(q), tokenize(q), cands, _stats(leeds), Operation.PERCENT,
                     standalone)
    assert [f.text for _, f in pair] == ["£40m", "£350m"]
    # (without the borrowed name, "it" names nothing to find)
    pair = pick_pair(analyse_question(q), tokenize(q), cands, _stats(leeds), Operation.PERCENT)
    assert pair is None or [f.text for _, f in pair] != ["£40m", "£350m"]


def test_the_name_a_follow_up_borrowed_and_a_stage_by_its_number() -> None:
    from assistant.followup import borrowed_name
    from assistant.name_match import stages_by_number

    q = "What will it do?"
    assert borrowed_name(q, f"{q} (Nexus £40m Innovation Centre)") == "Nexus"
    assert borrowed_name(q, f"{q} (Leeds City Region £350m)") == "Leeds City Region"
    assert borrowed_name(q, q) is None
    assert stages_by_number("the first phase of the deal") == "the phase one of the deal"
    assert stages_by_number("two Wave 1 announcements") == "two Wave 1 announcements"
