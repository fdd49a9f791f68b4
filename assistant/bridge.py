"""Bridge questions: a subject named only by a description ("the foundation that invested $40m
in Immunocore", "the company behind the Salford Lung Study") is found first, then asked about.

One retrieval cannot answer "The company behind the Salford Lung Study: what part does it play in
the deal's genomics work?": the passage naming the company (GSK) for the study says nothing of
genomics, and the genomics passage never mentions the study. So the description becomes a
question of its own ("Which company is behind the Salford Lung Study?"), its answer's quote
gives the name, and the question is asked again with the name in the description's place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.evidence import NAME_RUN_RE, TITLED_NAME_RE
from assistant.name_match import NAME_WITH_AND
from commitments.places import find_places
from retrieval.text import tokenize

__all__ = ["Bridge", "ORG_KINDS", "find_bridge", "bridge_name", "new_names", "with_name"]

# What a description can stand for: an organisation or a person.
ORG_KINDS = ("company", "firm", "foundation", "charity", "organisation", "organization",
             "university", "trust", "hospital", "institute", "agency", "body", "manufacturer",
             "investor", "business", "partner", "person", "minister", "professor", "developer",
             "group", "drugmaker", "maker", "producer", "supplier", "provider", "biotech")
# ... or a place or programme: "the manufacturing centre that Autolus is moving into".
THING_KINDS = ("centre", "center", "facility", "site", "hub", "campus", "building", "plant",
               "programme", "fund", "network", "project", "scheme", "partnership",
               "collaborative", "board", "council", "initiative", "alliance")
_KIND = "(?:companies|" + "|".join(ORG_KINDS + THING_KINDS) + ")"
# "the foundation that invested $40m in Immunocore", "the company behind the Salford Lung
# Study", "the firm responsible for ...": the description runs to the next verb of the main
# clause ("... Immunocore is also named ...") or to punctuation.
_DESCRIPTION_RE = re.compile(
    rf"\b[Tt]he (?P<kind>(?:[A-Za-z-]+ ){{0,2}}?{_KIND}) (?:"
    # "behind the Salford Lung Study": a name
    r"(?P<rel>behind |responsible for )(?P<named>(?:the )?[A-Z][\w'’-]*"
    r"(?:\s+(?:&|and|of|for)\s+[A-Z][\w'’-]*|\s+[A-Z0-9][\w'’-]*)*)"
    # "responsible for the expedited route to bring breakthrough products to patients": what
    # it is responsible for, in the deal's words
    r"|(?P<duty>responsible for )(?P<task>(?:the |an? )?[a-z][\w'’-]*(?: [a-z][\w'’-]*){3,13}?)"
    r"(?=\s+(?:is|are|was|were|has|have|had|will|would|does|do|did)\b|\s*[:;,?—–.]|\s*$)"
    # "that invested $40m in Immunocore": a relative clause up to the main clause's verb
    # ... or "leaving its research base at Alderley Edge": a participle's clause
    # ... or "meant to give imaging companies ...": a purpose it was set up for
    # ... or "Sir Andrew Witty chairs": a clause with its own subject, "that" left out
    r"|(?:(?P<pron>that |which |who |whose )|(?=[a-z]+ing\b|[a-z]+ed by\b|(?:meant|designed|"
    r"intended|set up|created|established|aimed) (?:to|at)\b)|(?P<contact>(?=(?:(?:Sir|"
    r"Professor|Dr|Lord|Dame) )?[A-Z][a-z]+(?: [A-Z][a-z]+)* [a-z]+s\b)))"
    r"(?P<clause>[\w$£€&'’%-]+"
    r"(?:\.\d+\w*)?(?: [\w$£€&'’%-]+(?:\.\d+\w*)?){1,15}?)"
    r"(?=\s+(?:is|are|was|were|has|have|had|will|would|also|does|do|did|plays?|gets?)\b"
    r"|\s*[:;,?—–]|\s+-\s|\.\s|\.?$))")
# "... that Autolus and Cell Medica are moving into?": a relative clause with its own subject
# (a name) runs past its verb, to a preposition left at its end.
_OBJECT_CLAUSE_RE = re.compile(r"[A-Z][^?,;:]*?\s(?:into|in|to|from|at|with|on|for|by|under)"
                               r"(?=\s*[?,;:]|\s*$)")
# A clause that is a verb and the name it acts on: "led the Life Sciences Industrial Strategy"
_VERB_NAME_RE = re.compile(rf"[a-z]+(?:ed|s) (?:the )?{NAME_WITH_AND}")
_PERSON_KINDS = ("person", "minister", "professor")
_BY_NAME_RE = re.compile(rf"[a-z]+ed by (?:the )?{NAME_WITH_AND}")
_KIND_BEFORE_RE = re.compile(rf"\b{_KIND}s?,?\s+(?:the\s+)?$", re.IGNORECASE)
_COPULA = {"": "", "behind ": "is behind ", "responsible for ": "is responsible for "}
# A name run in a quote: capitalised words, maybe joined by "&", "and", "of", "for".
_NOT_NAME = frozenset("the a an in for as this that these it its uk nhs we our they".split())


@dataclass(frozen=True)
class Bridge:
    """``first``: the question that finds the subject; ``start``/``end``: the description's
    place in the question, which the subject's name takes."""

    question: str
    first: str
    kind: str
    start: int
    end: int
    qualifiers: tuple[str, ...] = ()  # capitalised words before the kind: "the Catapult facility"

    def name_in(self, quotes: list[str]) -> str | None:
        """The subject's name in the first answer's quotes (its first quote names it)."""
        return bridge_name(self, quotes[0])

    def asked_with(self, name: str) -> str:
        return with_name(self, name)


def find_bridge(question: str) -> Bridge | None:
    """The description a question names its subject by, when it holds a name or figure to
    look up ("that invested $40m in Immunocore"); None for questions naming their subject."""
    m = _DESCRIPTION_RE.search(question)
    if m is None:
        return None
    # "Name the person chairing the group responsible for ...": the description within one
    # that names nothing to look up.
    duty = m
    while duty is not None and not duty.group("task"):
        duty = _DESCRIPTION_RE.search(question, duty.start() + 1)
    found = _duty_bridge(question, duty) if duty is not None else None
    if found is not None or m.group("task"):
        return found
    # (else the first description, named, stands: "The company behind the Salford Lung Study
    # is also in the group responsible for ...")
    clause = (m.group("named") or m.group("clause")).strip()
    end = m.end()
    if m.group("pron") in ("that ", "which ") and (
            whole := _OBJECT_CLAUSE_RE.match(question, m.start("clause"))):
        clause, end = whole.group(), whole.end()
    elif m.group("clause") and not m.group("pron") and (
            agent := _BY_NAME_RE.match(question, m.start("clause"))):
        # "the body chaired by Sir Andrew Witty develop and own?": the clause ends with its
        # agent's name, where no verb of the main clause marks its end.
        clause, end = agent.group(), agent.end()
    # Something to look the subject up by: a name or a figure, not "the company that made it".
    if not re.search(r"(?<!^)\b[A-Z]|[\d$£€]", clause):
        return None
    if question[: m.start()].strip():
        # ("In which town is the facility that ...": asks about it, as "where is" does)
        if not re.match(r"^\s*(?:what|how|when|where|why|does|do|did|is|are|was|will|has|"
                        r"(?:in|at|from|to|for|by|of) (?:which|what))\b", question, re.IGNORECASE):
            return None  # "Which company that ..." already asks for the subject itself
        # ("... of the collaborative Sir Andrew Witty chairs?": its verb ends it)
        if m.group("clause") and question[end:].strip(" ?") == "" and end == m.end() \
                and m.group("contact") is None \
                and not _VERB_NAME_RE.fullmatch(question[m.start("clause"):end].strip(" ?")):
            # "... will the company that is building X create?": no clear end (but "... held
            # by the person who led the Life Sciences Industrial Strategy?" ends on its name)
            return None
    rel = m.group("rel") or ""
    kind = m.group("kind")
    # "the firm whose platform got ..." -> "Which firm's platform got ...?"
    # "the collaborative Sir Andrew Witty chairs" -> "Which collaborative does Sir Andrew
    # Witty chair?"
    contact = re.fullmatch(r"(?P<who>.+) (?P<verb>[a-z]+)s", clause) \
        if m.group("contact") is not None else None
    first = f"Which {kind} does {contact['who']} {contact['verb']}?" if contact else \
        f"Which {kind}'s {clause}?" if m.group("pron") == "whose " else \
        f"Which {kind} is {clause}?" if m.group("clause") and not m.group("pron") else \
        f"Which {kind} {_COPULA[rel]}{clause}?"
    words = m.group("kind").split()
    return Bridge(question, first, words[-1], m.start(), end,
                  tuple(w for w in words[:-1] if w[:1].isupper()))


# "Who chairs ...?", "Name the person chairing ...": a role of the subject asked after it.
_ROLE_ASK_RE = re.compile(r"^\s*(?:who|name|which person|what|how|when|where)\b", re.IGNORECASE)


def _duty_bridge(question: str, m: re.Match[str]) -> Bridge | None:
    """"Who chairs the group responsible for the expedited route to bring breakthrough
    products to patients?": "Which group is responsible for ...?" is asked first."""
    if not _ROLE_ASK_RE.match(question) or not question[: m.start()].strip():
        return None
    kind = m.group("kind")
    first = f"Which {kind} is responsible for {m.group('task').strip()}?"
    return Bridge(question, first, kind.split()[-1], m.start(), m.end())


def bridge_name(bridge: Bridge, quote: str) -> str | None:
    """The subject's name in the first answer's quote: a name the question does not already
    use, preferring one that carries the kind ("Bill & Melinda Gates Foundation"), then one
    owning what was asked about ("Oxford BioMedica's lentiviral vector platform"), then the
    one nearest the question's own names ("GSK's ... Salford Lung Study")."""
    anchors = [m.start() for w in re.findall(r"\b[A-Z][\w'’-]+", bridge.first[6:])
               for m in re.finditer(re.escape(w), quote)]
    best: tuple[tuple[int, int], str] | None = None
    for m, name in new_names(bridge.question, quote):
        if any(p.lower() == name.lower() for p in find_places(name)):
            continue  # "Cheshire", beside "Alderley Edge": where the subject is, not who
        # (a person asked for is a name with a title: "Professor Sir John Bell"; "the
        # Catapult facility" is the "... Catapult Manufacturing Centre", a centre)
        words = name.lower().split()
        carries_kind = any(k in words for k in _KIND_WORDS.get(bridge.kind.lower(),
                                                               (bridge.kind.lower(),))) \
            or bridge.kind in _PERSON_KINDS and bool(TITLED_NAME_RE.match(name)) \
            or any(q.lower() in words for q in bridge.qualifiers)
        # "Oxford BioMedica's lentiviral vector platform": the owner of what was asked about.
        owns = bool(re.search(r"['’]s$", m.group())) and bool(
            set(tokenize(quote[m.end():m.end() + 40])) & set(tokenize(bridge.first)))
        # "Global pharmaceutical company, AstraZeneca, ...": a name set beside a kind word.
        beside = bool(_KIND_BEFORE_RE.search(quote[max(0, m.start() - 30):m.start()]))
        distance = min((abs(m.start() - a) for a in anchors), default=len(quote))
        key = (0 if carries_kind else 1 if beside else 2 if owns else 3, distance)
        if best is None or key < best[0]:
            best = (key, name)
    if best is None or best[0][0] > 0:
        # "The 'Data to early diagnostics and precision medicine' ... programme": a name the
        # deal quotes, in lower case, before the kind word
        quoted = _QUOTED_NAME_RE.search(quote)
        if quoted and bridge.kind.lower() in quote[quoted.end():quoted.end() + 60].lower():
            return quoted.group(1)
    return _with_and(best[1], quote) if best else None


_QUOTED_NAME_RE = re.compile(r"['‘]([A-Z][^'’]{4,80})['’]")
# A kind the deal names with other words: a facility that is a "... Centre".
_KIND_WORDS = {"facility": ("facility", "centre", "center", "hub", "campus", "site"),
               "site": ("site", "centre", "campus", "park"),
               "building": ("building", "centre", "facility", "headquarters")}


def _with_and(name: str, quote: str) -> str:
    """``name`` with the words joined to it by "and" under one "the": "the Cell and Gene
    Therapy Manufacturing Centre" is one centre ("Autolus and Cell Medica", two companies)."""
    m = re.search(rf"\b[Tt]he ((?:[A-Z][\w'’-]*\s+)+and\s+){re.escape(name)}", quote)
    return m.group(1) + name if m else name


def new_names(question: str, quote: str) -> Iterator[tuple[re.Match[str], str]]:
    """The name runs of ``quote`` (each with its match) that ``question`` does not already
    use, without a possessive ending and leaving out generic words ("UK", "The", "This")."""
    asked = set(tokenize(question))
    for m in NAME_RUN_RE.finditer(quote):
        name = re.sub(r"['’]s$", "", m.group()).strip()
        words = [w for w in name.split() if w.lower() not in _NOT_NAME]
        if not words or set(tokenize(" ".join(words))) <= asked:
            continue
        if m.start() == 0 or quote[: m.start()].rstrip()[-1:] in ".:;•":
            name_words = name.split()
            if len(name_words) == 1 and name_words[0].lower() in _NOT_NAME:
                continue
        yield m, name


def with_name(bridge: Bridge, name: str) -> str:
    """The question with the description replaced by the subject's name."""
    q = bridge.question
    return f"{q[: bridge.start]}{name}{q[bridge.end:]}"
