"""Who commits a figure: the grammatical subject, a named source, or the section's voice.

Patterns, most specific first (the extractor walks the fallbacks):

1. a **source** after the figure: "£16m *from* the Industrial Strategy Challenge Fund",
   "a $40m investment *from* the Bill & Melinda Gates Foundation", "a £40m Innovation Centre
   *driven by* the University of Leeds" (the sentence's subject is then a beneficiary);
2. an **attributive** funder: "Welsh government grant of £1.8m", "industry pledges of up to
   £253m", "£86m of government funding";
3. the **subject** of the sentence: the named organisation before the first verb ("Seqirus
   have committed to", "Novo Nordisk this year announced"), skipping a leading adverbial
   ("Following a long-standing collaboration with the University of Oxford, ...") and names
   that are objects of a preposition ("with the University of Oxford"); "we" and "the
   government" are the government. Capitalised words that are places, documents or
   facilities ("White Paper", "UK Discovery Centre") are not actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from commitments.model import ActorKind
from commitments.places import UK_PLACES

__all__ = ["Actor", "classify", "sentence_actor", "source_actor", "attributive_actor",
           "section_actor", "beneficiaries"]


@dataclass(frozen=True)
class Actor:
    name: str
    kind: ActorKind


_GOVERNMENT = re.compile(
    r"\b(?:we|government|ministers?|department|HM\s+Treasury|Treasury|NHS|National\s+Health|"
    r"councils?|agency|authority|authorities|Innovate\s+UK|UK\s+Research\s+and\s+Innovation|"
    r"UKRI|Research\s+Councils?|National\s+Institute|Challenge\s+Fund|Business\s+Bank|"
    r"Productivity\s+Investment\s+Fund|Scottish\s+Enterprise|Public\s+Health|"
    r"Genomics\s+England|Health\s+Education\s+England|Medical\s+Research\s+Council|MHRA|NICE|"
    r"Office\s+for|Executive)\b",
    re.IGNORECASE,
)
_CHARITY = re.compile(r"\b(?:Foundation|Trust|Charity|Charities|Wellcome|Cancer\s+Research\s+UK|"
                      r"Society|Appeal)\b")
_PARTNERSHIP = re.compile(r"\b(?:partner(?:s|ship|ships|ed)?|alliance|consortium|"
                          r"joint\s+venture)\b", re.IGNORECASE)
_ACADEMIC = re.compile(r"\b(?:University|College|Institute|School|Academy|academia)\b")
# Lower-case on purpose: "Industry Partnership" inside a name is not the generic "industry".
_COMPANY_WORDS = re.compile(r"\b(?:industry|companies|company|firms?|businesses|sector|"
                            r"employers|manufacturers?|investors?)\b")
_PARTNERS_WORDS = re.compile(r"(?:\b|^)(?:[Pp]artners|partnership|alliance|consortium)\b")

_VERB = re.compile(
    r"\b(?:will|would|has|have|had|is|are|was|were|can|could|shall|should|may|might|must|"
    r"announced|announces|announce|committed|commits|intends|intend|plans|invests|invested|"
    r"pledged|agreed|launched|received|secured|leveraged|provides|provided|established|raised|"
    r"involves|forms|aims|seeks|supports|expects|estimates|stressed|signalled|entered|"
    r"recognises|recognise|builds|brings|sets|made|makes|continues|includes|leads|led)\b"
)
_ADVERBIAL_START = frozenset(
    "during following alongside in as with through building under after since for to from "
    "across by over given despite while within having working at on among beyond besides "
    "unlike like".split()
)
_CONJ_START = re.compile(r"^(?:and|but|so|also|however|further|furthermore|moreover)\b,?\s*",
                         re.IGNORECASE)
# Lower-case words that can open a subject ("... and the government will provide £18m").
_OPENERS = frozenset("the this these that those a an we it they our its their".split())
_SKIP_PREPS = frozenset(
    "with in at to into on of for about across through under between among within as like "
    "including via against towards toward alongside near around than such per upon "
    "known".split()
)
_DETERMINERS = frozenset("the a an its their our his her this that these those".split())
_NOT_NAMES = frozenset(
    "This These That Those It Its We Our They Their A An The In On By For With As At From To "
    "And But Following During Alongside Building Working Through Under After Since Many Some "
    "Other Others Further New Major Leading Global Initial Immediate Experts Organisations "
    "Companies Partners Industry Each Every All Both Together Where When While If Once Such "
    "Examples Early Recent Plans Patients Life Sciences Today Currently Recently Importantly "
    "Finally Additionally Similarly Meanwhile Overall Here There Now".split()
)
_NON_ACTOR_HEADS = re.compile(
    r"\b(?:Centre|Center|Campus|Hub|Park|Zone|Programme|Project|Paper|Strategy|Review|Plan|"
    r"Deal|Scheme|Fund|Budget|Report|Act|Quarter|Station|Corridor|Expressway|Facility|Network|"
    r"Initiative|Competition|Wave|Phase|Study|Trial|Pathway|Route|Collaborative|Sector|"
    r"Industrial|Directory|Service|Unit|Biobank|Catalyst|Premium|Panels?|Levy|Standards?)$"
)
_NAME = re.compile(
    r"[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|and|&|the|de)\s+)*[A-Z][\w’'&.-]*)*"
)
_MONTHS = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|"
                     r"October|November|December)$")


def classify(name: str, context: str = "") -> ActorKind:
    """Kind of actor ``name`` is; ``context`` (its subject phrase) can reveal a partnership."""
    if _GOVERNMENT.search(name):
        return ActorKind.GOVERNMENT
    if _CHARITY.search(name):
        return ActorKind.CHARITY
    if _PARTNERSHIP.search(name) or _PARTNERSHIP.search(context):
        return ActorKind.PARTNERSHIP
    if _ACADEMIC.search(name):
        return ActorKind.OTHER
    return ActorKind.COMPANY


def _clean_name(run: str) -> str:
    # A possessive ends the name ("BioSpyder's investment" -> "BioSpyder"), except in joint
    # names ("Guy's and St Thomas' NHS Foundation Trust").
    possessives = list(re.finditer(r"['’]s?(?=\s|$)", run))
    joint = any(re.match(r"\s+and\s+[A-Z]", run[p.end():]) for p in possessives)
    if possessives and not joint:
        run = run[:possessives[0].start()]
    words = run.strip(" .,").split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    while words and words[-1].lower() in {"and", "of", "for", "&", "the"}:
        words = words[:-1]
    return " ".join(words)


def _preceding_word(text: str, pos: int) -> str:
    words = text[:pos].split()
    while words and words[-1].lower() in _DETERMINERS:
        words.pop()
    return words[-1].lower().strip(",;:") if words else ""


def _distinctive(word: str) -> bool:
    """MSD, AstraZeneca, BioSpyder's: never an ordinary word, even at the start of a sentence."""
    return word.isupper() or any(c.isupper() for c in word[1:])


def _valid_name(name: str, text: str, start: int, end: int) -> bool:
    if not name or name in UK_PLACES or _MONTHS.match(name) or name in {"UK", "US", "EU"}:
        return False
    if _NON_ACTOR_HEADS.search(name) and not _GOVERNMENT.search(name):
        return False
    possessive = text[end:end + 1] in ("'", "’")
    if " " not in name and not text[:start].strip() and not (_distinctive(name) or possessive):
        # A sentence-initial capital may be an ordinary word ("Global pharmaceutical company"):
        # accept it only before a verb or an apposition ("Seqirus, the world's ...").
        # (A name closing the subject region stands right before its verb.)
        return bool(re.match(r"\s*,|\s*$|\s+" + _VERB.pattern, text[end:]))
    return True


def _names(text: str) -> list[tuple[int, str]]:
    """``(position, name)`` for capitalised runs that can be actors (not objects of a
    preposition other than "from"/"by", not quoted titles, places, documents or facilities)."""
    out = []
    skipped_prev = False
    for m in _NAME.finditer(text):
        name = _clean_name(m.group())
        start = m.start() + max(m.group().find(name.split()[0]), 0) if name else m.start()
        prev = _preceding_word(text, m.start())
        gap = text[:m.start()].rstrip()
        if text[max(0, m.start() - 1):m.start()] in ("'", "‘", '"', "“"):
            continue  # a quoted title: "the 'Data to early diagnostics ...' programme"
        joined = skipped_prev and (gap.endswith(",") or prev in {"and", "&", "or"})
        skip = prev in _SKIP_PREPS or joined
        skipped_prev = skip
        if skip or not _valid_name(name, text, start, start + len(name)):
            continue
        out.append((start, name))
    return out


def _generic(region: str) -> Actor | None:
    low = region.lower()
    if re.search(r"\bwe\b|\bgovernment\b|\bministers?\b", low):
        return Actor("government", ActorKind.GOVERNMENT)
    m = _COMPANY_WORDS.search(region) or _PARTNERS_WORDS.search(region)
    if m is None or re.search(r"\b(?:the|this|that|its)\s+(?:company|sector)\b", low):
        return None  # "the company" points back: let the caller look earlier
    phrase = " ".join(region[m.start():].split(",")[0].split()[:8])
    return Actor(phrase, classify(phrase, region))


def sentence_actor(sentence: str, limit: int | None = None) -> Actor | None:
    """The subject of ``sentence`` (looked for before ``limit`` when no verb comes first)."""
    body = _CONJ_START.sub("", sentence.lstrip("•◦▶►- "))
    shift = len(sentence) - len(body)
    verb = _VERB.search(body)
    end = verb.start() if verb else (len(body) if limit is None else max(0, limit - shift))
    # A list of examples is not the subject: "Partners ..., including universities, the NHS".
    region = re.split(r",?\s+(?:including|such\s+as)\b|\(", body[:end], maxsplit=1)[0]
    first_word = region.split(" ", 1)[0].strip(",")
    first = first_word.lower()
    if first in _ADVERBIAL_START and "," in region:
        # "Following ..., Novo Nordisk announced": the subject is after the adverbial. When the
        # verb follows a closing comma ("MSD, known as ..., has"), it is the first segment.
        segments = region.split(",")[1:]
        if segments[-1].strip():
            return _pick(segments[-1], region)
        for seg in segments:
            found = _pick(seg, region)
            if found:
                return found
        return None
    if first.endswith(("ing", "ly")) or (first_word[:1].islower() and first not in _OPENERS):
        return None  # a verb-led list line ("establishing a new fund"): no subject written
    return _pick(region, region)


def _pick(segment: str, region: str) -> Actor | None:
    gov = re.search(r"\bwe\b|\bgovernment\b", segment, re.IGNORECASE)
    names = _names(segment)
    if gov and (not names or gov.start() < names[0][0]):
        return Actor("government", ActorKind.GOVERNMENT)
    if names:
        name = names[0][1]
        return Actor(name, classify(name, region))
    return _generic(segment)


def source_actor(right: str) -> Actor | None:
    """"from <Name>" / "driven by <Name>" in the text right after a figure."""
    m = re.search(r"\b(?:from|(?:driven|funded|led|backed|provided|supported|made)\s+by)\s+"
                  r"(?:the\s+)?(" + _NAME.pattern + ")", right)
    if m is None:
        return None
    name = _clean_name(m.group(1))
    if not name or name in UK_PLACES or name in {"UK", "US", "EU"} or _MONTHS.match(
            name.split()[0]):
        return None
    return Actor(name, classify(name))


def attributive_actor(left: str, right: str) -> Actor | None:
    """"Welsh government grant of £1.8m", "industry pledges of ..", "£86m of government funding",
    "the industry's ambition to reach 20,000 apprenticeships"."""
    m = re.search(r"((?:[A-Z][\w-]*\s+)?government|industry|private\s+sector|charity)\s+"
                  r"(?:grants?|funding|pledges?|investment|contributions?|money)\s+"
                  r"(?:of|worth)\s+[^£$€]{0,20}$", left, re.IGNORECASE)
    if m is None:
        m = re.match(r"\s*of\s+((?:[A-Z][\w-]*\s+)?government|industry|private\s+sector)\s+"
                     r"(?:funding|money|investment)", right, re.IGNORECASE)
    if m is None:
        return _owner(left)
    name = " ".join(m.group(1).split())
    kind = ActorKind.GOVERNMENT if "government" in name.lower() else ActorKind.COMPANY
    return Actor(name[0].upper() + name[1:] if kind is ActorKind.GOVERNMENT and " " in name
                 else name, kind)


def _owner(left: str) -> Actor | None:
    """"the industry's ambition to reach 20,000 apprenticeships" -> industry."""
    owner = re.search(r"\b(?:the\s+)?(government|industry|sector|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)"
                      r"['’]s?\s+(?:ambition|commitment|pledge|plan|target|aim)\b", left)
    if owner is None:
        return None
    name = owner.group(1)
    return Actor(name, classify(name) if name[0].isupper() else (
        ActorKind.GOVERNMENT if name == "government" else ActorKind.COMPANY))


def section_actor(section: tuple[str, ...]) -> Actor | None:
    """Sector deals file actions under "Government action ..." / "Sector action ..." headings."""
    for label in reversed(section):
        low = label.lower()
        if re.search(r"\bgovernment\s+action", low):
            return Actor("government", ActorKind.GOVERNMENT)
        if re.search(r"\b(?:sector|industry)\s+action", low):
            return Actor("industry", ActorKind.COMPANY)
    return None


_BENEFICIARY = re.compile(
    r"\b(?:support(?:ing)?|benefit(?:ing)?|help(?:ing)?|for|enabl(?:e|ing))\s+"
    r"((?:(?:the|local|frontline|small|and|medium-sized|UK|innovative|new|high-growth|"
    r"knowledge-intensive|emerging|first-time)\s+)*"
    r"(?:small\s+and\s+medium-sized\s+businesses|businesses|firms|companies|innovators"
    r"(?:\s+and\s+the\s+NHS)?|patients|the\s+NHS|researchers|scientists|start-ups|students|"
    r"people\s+with\s+[\w\s-]+?(?=[,;.]|\s+(?:and|employing|by)\b|$)|children|communities|"
    r"teachers|SMEs|manufacturers|developers|nurses|clinicians))"
)


def beneficiaries(text: str) -> list[str]:
    """Who a figure is for: "to support small and medium-sized businesses" -> that phrase."""
    out: list[str] = []
    for m in _BENEFICIARY.finditer(text):
        phrase = " ".join(m.group(1).split())
        if phrase not in out:
            out.append(phrase)
    return out
