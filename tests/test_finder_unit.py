"""SupportFinder on the fixture corpus with FakeEmbeddings: ranking, reasons, citations, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FakeEmbeddings

from dealqa.errors import InvalidQuestionError
from dealqa.settings import get_settings
from eval.finder_eval import evaluate_finder, is_hit
from finder import Match, Profile, SupportFinder, main_support
from finder.catalogue import OFFER_RE


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from dealqa.indexing import build, load_commitments

    fixture = Path(__file__).parent / "fixtures" / "corpus" / "mini-deal.txt"
    settings = get_settings().model_copy(update={"index_dir": tmp_path_factory.mktemp("f") / "ix"})
    index = build(settings, FakeEmbeddings(), paths=[fixture])
    return index, load_commitments(settings)


@pytest.fixture(scope="module")
def finder(built):
    index, register = built
    return SupportFinder(index, FakeEmbeddings(), register, min_relevance=0.05)


def test_constructor_only_validates(built):
    index, register = built
    with pytest.raises(ValueError, match="top_k must be > 0, got 0"):
        SupportFinder(index, FakeEmbeddings(), register, top_k=0)
    with pytest.raises(ValueError, match="min_relevance"):
        SupportFinder(index, FakeEmbeddings(), register, min_relevance=2)
    assert SupportFinder(index, FakeEmbeddings(), register)._parts is None  # nothing built yet


def test_place_sector_and_need_pick_the_stevenage_centre(finder, built):
    result = finder.run("Cell therapy start-up in Stevenage needing manufacturing capacity")
    top = result.matches[0]
    assert "Stevenage" in top.measure and top.figure == "£10m"
    assert "place: Stevenage" in top.why
    assert any(w.startswith("sector: cell and gene therapy") for w in top.why)
    assert any(w.startswith("need: manufacturing capacity") for w in top.why)
    doc = built[0].documents[0]
    for m in result.matches:
        for c in m.citations:
            assert c.quote == doc.text[c.start:c.end] and c.quote.strip() == c.quote
    assert [m.score for m in result.matches] == sorted((m.score for m in result.matches), reverse=True)


def test_conditions_come_from_the_register_and_footnotes(finder):
    result = finder.run(Profile(kind="sme", needs=("manufacturing_capacity", "funding")))
    programme = next(m for m in result.matches if m.figure == "£50m")
    assert programme.conditions == ["Subject to business case approval by HM Treasury"]


def test_one_measure_stated_twice_is_listed_once(finder):
    # Statements sharing a register commitment form one group: no figure is listed twice.
    result = finder.run("SME needing funding for vaccines and cell therapy manufacturing", k=20)
    ids = [c for m in result.matches for c in m.commitment_ids]
    assert ids and len(ids) == len(set(ids))
    titles = [m.measure for m in result.matches]
    assert len(titles) == len(set(titles))


def test_company_news_is_not_offered_above_public_support(finder):
    result = finder.run("Vaccines company in Liverpool needing fill and finish manufacturing", k=10)
    measures = [m.measure for m in result.matches]
    private = [i for i, m in enumerate(result.matches) if "Acme" in " ".join(c.quote for c in m.citations)]
    assert measures and (not private or private[0] > 0)


def test_nothing_fits_says_so(finder):
    result = finder.run("Fintech in Singapore needing crypto licences")
    assert result.matches == []
    assert result.message.startswith("Nothing in the deal fits this profile")
    assert "Singapore" in result.message


def test_bad_profiles_raise_domain_errors(finder):
    with pytest.raises(InvalidQuestionError, match="profile is empty"):
        finder.run(Profile())
    with pytest.raises(InvalidQuestionError, match="limit"):
        finder.run("medtech " * 400)
    with pytest.raises(ValueError, match="k must be > 0"):
        finder.run("medtech start-up", k=0)


def test_json_shape(finder):
    out = json.loads(main_support(finder, "Cell therapy start-up in Stevenage", as_json=True))
    assert set(out) == {"profile", "message", "matches"}
    assert out["profile"]["kind"] == "sme" and out["profile"]["place"] == "Stevenage"
    m = out["matches"][0]
    assert set(m) == {"measure", "why", "figure", "conditions", "citations", "score",
                      "commitment_ids", "fields"}
    assert "place" in m["fields"] and any(w.startswith("place: ") for w in m["why"])
    assert {"n", "passage_id", "quote", "start", "end", "section"} <= set(m["citations"][0])
    text = main_support(finder, "Cell therapy start-up in Stevenage", as_json=False)
    assert text.startswith("Profile: kind: SME") and "why: " in text and "[1]" in text


def test_offer_words_separate_offers_from_mentions():
    assert OFFER_RE.search("A further £5m from the Challenge Fund will grow viral vector capacity.")
    assert OFFER_RE.search("a new scheme will support small businesses")
    assert not OFFER_RE.search("Many of these products use viral vectors to reach the cell.")
    # A resource already running is usable too.
    assert OFFER_RE.search("The institute has also created a national cohort which enables "
                           "people to take part in early research.")
    assert OFFER_RE.search("Importantly, the network permits the delivery of trials.")
    assert not OFFER_RE.search("The sector has grown steadily over the last decade.")


class _StubFinder:
    def __init__(self, measures):
        self.measures = measures

    def run(self, text):
        from finder.finder import SupportResult

        return SupportResult(Profile(text=text), [Match(m, [], None, [], [], 1.0) for m in self.measures], "")


def test_eval_hit_uses_normalised_containment():
    matches = [Match("£ 16 million for viral vectors", [], None, [], [], 1.0)]
    assert is_hit(matches, ["£16m"]) == 1
    assert is_hit(matches, ["£1m"]) is None


def test_evaluate_finder_counts_only_eligibility_items():
    from eval.dataset import parse_item

    items = [parse_item({"id": "e1", "category": "eligibility", "question": "q",
                         "answer": "a", "must_include": ["Nexus"], "evidence": ["Nexus"], "section": "s"}),
             parse_item({"id": "a1", "category": "amount", "question": "q", "answer": "a",
                         "must_include": ["£1m"], "evidence": ["£1m"], "section": "s"})]
    res = evaluate_finder(_StubFinder(["x", "y", "Nexus centre"]), items)
    assert [i.id for i in res.items] == ["e1"] and res.items[0].rank == 3 and res.hit_rate == 1.0
    assert evaluate_finder(_StubFinder(["x", "y", "z", "Nexus"]), items).hit_rate == 0.0


def test_measures_local_to_another_place_are_not_offered(finder):
    # The Oxford vaccines centre is local to Oxford: not support for a Stevenage firm, while the
    # Stevenage centre and UK-wide measures are.
    quotes = lambda r: " ".join(c.quote for m in r.matches for c in m.citations)  # noqa: E731
    stevenage = finder.run("Vaccines and cell therapy start-up in Stevenage needing funding", k=20)
    assert "Stevenage" in quotes(stevenage) and "Oxford" not in quotes(stevenage)
    anywhere = finder.run("Vaccines and cell therapy start-up needing funding", k=20)
    assert "Oxford" in quotes(anywhere)


def test_places_compatible():
    from commitments.places import places_compatible

    assert places_compatible("Oxford", "Oxfordshire") and places_compatible("Dundee", "Scotland")
    assert places_compatible("Manchester", "Salford")  # both in Greater Manchester
    assert places_compatible("Stevenage", "North West")  # a region's extent is not known
    assert not places_compatible("Oxford", "Leeds") and not places_compatible("Dundee", "Glasgow")
    assert not places_compatible("Cardiff", "London")
    # London's districts lie in London; "Oxbridge" is either university city, not both in one
    assert places_compatible("London", "King's Cross") and places_compatible("Whitechapel", "London")
    assert not places_compatible("Leeds", "Camden")
    assert places_compatible("Oxbridge", "Oxford") and places_compatible("Cambridgeshire", "Oxbridge")
    assert not places_compatible("Oxbridge", "Leeds") and not places_compatible("Oxford", "Cambridge")


def test_a_measure_stated_twice_is_shown_by_the_statement_that_fits_the_profile_best():
    from finder.finder import _best_per_group, _Scored
    from finder.reasons import FieldMatch

    def scored(text: str, group: int, score: float, relevance: float) -> _Scored:
        return _Scored(offer=text, group=group, score=score, relevance=relevance,
                       matched=(FieldMatch("need", text, text),))

    summary = scored("summary of what companies receive", 1, 0.66, 0.48)
    body = scored("doubling the allowance for people investing", 1, 0.65, 0.55)
    weak = scored("a far weaker statement", 1, 0.40, 0.90)
    other = scored("another measure", 2, 0.60, 0.50)
    out = _best_per_group([summary, body, other, weak])
    # The group keeps its best score and place; its words are the body's, not the weak one's.
    assert [s.offer for s in out] == [body.offer, other.offer]
    assert out[0].score == summary.score and out[0].why == summary.why
