from assistant.counted_share import pick_counted_share
from assistant.scoring import Candidate
from dealqa.types import Passage, Unit, UnitKind


def _cands(*sentences: str) -> list[Candidate]:
    text, units = "", []
    for s in sentences:
        units.append(Unit(UnitKind.SENTENCE, len(text), len(text) + len(s)))
        text += s + " "
    p = Passage("doc#ideas/001", "doc", text, ("Ideas",), 0, len(text), tuple(units))
    return [Candidate.of_unit(p, i) for i in range(len(units))]


def _counts(question: str, *sentences: str) -> tuple[str, str] | None:
    found = pick_counted_share(question, _cands(*sentences))
    return None if found is None else (found[1].text, found[2].text)


def test_a_share_counted_as_a_part_of_a_whole() -> None:
    q = "What percentage of the network's regional centres get nurse funding?"
    assert _counts(q, "The network links 22 regional centres, 10 of which receive nurse "
                      "funding.") == ("10", "22")
    assert _counts(q, "Nurse funding goes to 10 of the 22 regional centres.") == ("10", "22")
    assert _counts(q, "Nurse funding goes to 10 out of 22 centres.") == ("10", "22")


def test_no_share_where_the_things_counted_are_not_the_questions() -> None:
    q = "What percentage of the network's regional centres get nurse funding?"
    assert _counts(q, "The fund backs 22 companies, 10 of which are in Leeds.") is None
    # ... nor where the unit states its share itself (it answers as stated)
    assert _counts(q, "Of the 22 regional centres, 10 of which are new, 45 per cent get "
                      "nurse funding.") is None
    assert _counts(q, "The network links 22 regional centres.") is None


def test_a_share_of_counts_given_by_part_adds_them_up_for_the_whole() -> None:
    from assistant.counted_share import pick_summed_share

    text = ("Acme has grown in the UK, establishing its headquarters in London with 128 "
            "employees and growing its Oxford R&D site to 140 employees.")

    def share(question: str) -> tuple[str, list[str]] | None:
        found = pick_summed_share(question, _cands(text))
        return None if found is None else (found[1].text, [f.text for f in found[2]])

    assert share("What share of Acme's UK staff work at its Oxford site?") == \
        ("140", ["128", "140"])
    assert share("What share of Acme's UK employees are at its London headquarters?") == \
        ("128", ["128", "140"])
    # a part the unit does not count, or counts of different things, give no share
    assert share("What share of Acme's UK staff work in Leeds?") is None
    other = "Acme has 128 employees in London and 140 scientists in Oxford."
    assert pick_summed_share("What share of Acme's staff work in Oxford?", _cands(other)) is None
