"""Purpose, actor, place, period, condition and theme heuristics on single sentences."""

from __future__ import annotations

import pytest
import test_commitments_support  # noqa: F401  (puts the repo root on sys.path)

from commitments.actors import ActorKind, attributive_actor, section_actor, sentence_actor, \
    source_actor
from commitments.clauses import clause_bounds, context_tokens, similarity
from commitments.conditions import footnote_conditions, is_condition, text_conditions
from commitments.figures import find_figures
from commitments.model import Theme
from commitments.periods import find_period
from commitments.places import find_places
from commitments.purpose import count_purpose, money_purpose, percent_purpose
from commitments.themes import parse_theme, tag_themes
from commitments.errors import InvalidFilterError
from dealqa.types import FootnoteRef


def _money_purpose(text: str, index: int = 0) -> str:
    fig = find_figures(text)[index]
    return money_purpose(text, fig, clause_bounds(text, fig.start, fig.end))


@pytest.mark.parametrize("text, purpose", [
    ("£66m on a Vaccines Development & Manufacturing Centre;",
     "Vaccines Development & Manufacturing Centre"),
    ("£25m to support collaborative R&D; and", "support collaborative R&D"),
    ("Seqirus have committed to £40m investment in a new high-tech 'fill and finish' facility "
     "in Liverpool, creating nearly 100 high-value jobs",
     "new high-tech 'fill and finish' facility"),
    ("Novo Nordisk announced a new £115m research centre in Oxford", "research centre"),
    ("A £5m commitment to develop proposals for Cambridge South station",
     "develop proposals for Cambridge South station"),
    ("helped to secure £146m of Industrial Strategy Challenge Fund support for medicines "
     "manufacturing.", "Industrial Strategy Challenge Fund support for medicines manufacturing"),
    ("New contracts worth more than £950m will start over the next five years.",
     "New contracts"),
    ("A further £16m from the Industrial Strategy Challenge Fund will grow advanced therapies "
     "manufacturing capacity.", "grow advanced therapies manufacturing capacity"),
    ("a further increase in R&D investment of £2.3bn in 2021/22",
     "further increase in R&D investment"),
    ("Acme will invest over €3m in a new cold-chain warehouse in Hull.",
     "new cold-chain warehouse"),
])
def test_money_purpose(text, purpose):
    assert _money_purpose(text) == purpose


def test_count_and_percent_purposes():
    text = "MSD will create 150 new research roles at the site."
    fig = find_figures(text)[0]
    assert count_purpose(text, fig, clause_bounds(text, fig.start, fig.end)) == \
        "new research roles at the site"
    text = "We will increase investment in R&D to 2.4 per cent of GDP by 2027"
    assert percent_purpose(text, find_figures(text)[0]) == "investment in R&D"
    text = "the rate of the credit rises from 11 to 12 per cent"
    assert percent_purpose(text, find_figures(text)[0]) == ""  # no change verb: inherited


@pytest.mark.parametrize("sentence, name, kind", [
    ("During the development of the strategy, Seqirus have committed to £40m investment.",
     "Seqirus", ActorKind.COMPANY),
    ("Following a long-standing collaboration with the University of Oxford, Novo Nordisk this "
     "year announced a new centre.", "Novo Nordisk", ActorKind.COMPANY),
    ("And alongside this deal, MSD, known as Merck and Co Inc in the US, has announced a centre.",
     "MSD", ActorKind.COMPANY),
    ("Seqirus, the world's second largest influenza vaccine maker, has announced £40m.",
     "Seqirus", ActorKind.COMPANY),
    ("Global pharmaceutical company, AstraZeneca, stressed the opportunities.", "AstraZeneca",
     ActorKind.COMPANY),
    ("The government has committed £162m to develop infrastructure.", "government",
     ActorKind.GOVERNMENT),
    ("In the White Paper we announced a further increase.", "government", ActorKind.GOVERNMENT),
    ("The British Business Bank will seed the first wave with up to £500m.",
     "British Business Bank", ActorKind.GOVERNMENT),
    ("Partners across the Leeds City Region, including universities, the NHS and industry are "
     "establishing a £350m programme.", "Partners across the Leeds City Region",
     ActorKind.PARTNERSHIP),
    ("Working with industry, charities, the NHS and universities, the Industrial Strategy "
     "Challenge Fund programme will invest up to £210m.", "Industrial Strategy Challenge Fund",
     ActorKind.GOVERNMENT),
    ("Wellcome Trust will fund a £20m fellowship scheme.", "Wellcome Trust", ActorKind.CHARITY),
])
def test_sentence_actor(sentence, name, kind):
    actor = sentence_actor(sentence)
    assert actor is not None and (actor.name, actor.kind) == (name, kind)


@pytest.mark.parametrize("sentence", [
    "Construction of the £500m facility is well underway.",  # the subject is not an actor
    "Change immigration rules to enable scientists to apply for settlement.",  # imperative
    "establishing a new £2.5bn Investment Fund incubated in the British Business Bank.",
    "This will lead to 150 new research roles.",  # points back: look earlier
])
def test_no_actor_written(sentence):
    assert sentence_actor(sentence) is None


def test_sources_and_attributive_funders():
    assert source_actor(" investment from the Bill & Melinda Gates Foundation").kind is \
        ActorKind.CHARITY
    assert source_actor(" Innovation Centre driven by the University of Leeds").name == \
        "University of Leeds"
    assert source_actor(" from April 2017") is None
    assert attributive_actor("With a Welsh government grant of ", "").kind is ActorKind.GOVERNMENT
    assert attributive_actor("has leveraged industry pledges of ", "").name == "industry"
    assert attributive_actor("", " of government funding").kind is ActorKind.GOVERNMENT
    assert attributive_actor("support the industry's ambition to reach ", "").name == "industry"
    assert section_actor(("Key commitments", "Government action to support life sciences")
                         ).kind is ActorKind.GOVERNMENT
    assert section_actor(("Places", "Sector action")).name == "industry"


def test_places_gazetteer_and_in_pattern():
    assert find_places("a new facility in Liverpool") == ["Liverpool"]
    assert find_places("the Leeds City Region's leading medtech hub") == ["Leeds City Region"]
    assert find_places("Border Technology Park in Crumlin, South Wales") == \
        ["Crumlin", "South Wales"]
    assert find_places("a campus at Glasgow's Queen Elizabeth University Hospital") == ["Glasgow"]
    assert find_places("the Cambridge-Milton Keynes-Oxford corridor") == \
        ["Cambridge", "Milton Keynes", "Oxford"]
    assert find_places("a new plant in Grangemouth") == ["Grangemouth"]  # not in the gazetteer
    for text in ("in the UK", "in February 2017", "in Industrial Strategy Challenge Fund "
                 "competitions", "Financing Growth in Innovative Firms", "offices in New York",
                 "in Canada"):
        assert find_places(text) == [], text


@pytest.mark.parametrize("sentence, period", [
    ("£2.3bn in 2021/22, raising investment", "in 2021/22"),
    ("new contracts worth more than £950m over the five years from April 2017",
     "over the five years from April 2017"),
    ("over £20bn of patient capital over 10 years", "over 10 years"),
    ("20,000 apprenticeships in the science sector by 2020", "by 2020"),
    ("some £2bn per annum on R&D", "per annum"),
    ("Oct 2017\t£16m funding announced", "Oct 2017"),
    ("a new building from mid-2018", "from mid-2018"),
])
def test_periods(sentence, period):
    fig = find_figures(sentence)
    end = fig[0].end if fig else 0
    assert find_period(sentence, end, (0, len(sentence))) == period


def test_conditions_from_footnotes_and_text():
    assert is_condition("Subject to business case approval by HM Treasury")
    assert not is_condition("Known as Merck and Co Inc. in the US and Canada")
    assert not is_condition("HM Treasury (2017), Financing Growth in Innovative Firms")
    notes = [FootnoteRef(5, "Subject to business case approval by HM Treasury", "Fund", 40, 44),
             FootnoteRef(7, "Subject to final approval", "£10m", 60, 64)]
    # a marker on a word binds the sentence; a marker on a figure binds only that figure
    assert footnote_conditions(notes, 0, 100, 20, 25, [20, 60]) == [
        "Subject to business case approval by HM Treasury"]
    assert len(footnote_conditions(notes, 0, 100, 60, 64, [20, 60])) == 2
    assert text_conditions("will be announced subject to final business approvals, during") == [
        "Subject to final business approvals"]


def test_themes_and_theme_names():
    themes = tag_themes(["£66m on a Vaccines Development & Manufacturing Centre"])
    assert themes == [Theme.MANUFACTURING, Theme.VACCINES]
    assert Theme.PLACES_AND_CLUSTERS in tag_themes(["a new office"], ("Key commitments", "Places"))
    assert parse_theme("ai-and-data") is Theme.AI_AND_DATA
    assert parse_theme("AI and data") is Theme.AI_AND_DATA
    assert parse_theme("SKILLS_AND_IMMIGRATION") is Theme.SKILLS_AND_IMMIGRATION
    with pytest.raises(InvalidFilterError, match="unknown theme 'space'"):
        parse_theme("space")


def test_context_similarity_uses_name_initials():
    a = context_tokens("£16m ISCF Wave 1 funding announced for viral vectors competition")
    b = context_tokens("A further £16m from the Industrial Strategy Challenge Fund will grow "
                       "manufacturing capacity in viral vectors.")
    assert "iscf" in a and "iscf" in b
    assert similarity(a, b) >= 0.4
    assert similarity(frozenset(), b) == 0.0
