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
