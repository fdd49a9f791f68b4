"""The kind of thing a question asks to be named ("which hospitals ...?", "the name of the
drug ...", "what will the company be called?"), and how a text names things of that kind: by
proper names ("Which companies ...?"), by example ("disorders such as depression"), in a list
ending with the kind ("medicine, healthcare and their associated fields"), or by what qualifies
them ("teachers working in areas that have fallen behind")."""

from __future__ import annotations

import re

from retrieval.text import stem

__all__ = ["KIND_BEFORE", "NAMED_KINDS", "NAMES_ITS_KIND", "SELF_NAMING", "WORD_RE", "asked_kind",
           "gives_kind", "gives_examples", "kind_word", "lists_kind", "named_thing", "qualifies_kind",
           "unnamed_kind"]

WORD_RE = re.compile(r"[A-Za-z-]+")
# (or in brackets: "broad representation of the sector (pharma, medtech, diagnostics, ...)")
_EXAMPLES_RE = re.compile(r"\s*,?\s*(?:such as|including|like|e\.g\.|for example|namely|:)\s+\w|"
                          r"\s*\([\w-]+(?: [\w-]+)?, ", re.IGNORECASE)
_QUALIFIED_RE = re.compile(r"\s+(?:who|working|living|based|with|from)\b", re.IGNORECASE)
# A list that ends in the kind it lists: "medicine, healthcare and their associated fields",
# "lung, colorectal and some types of breast cancer".
_LIST_BEFORE_RE = re.compile(r"\b[\w-]+, (?:[\w-]+ ){1,3}(?:and|or) (?:[\w-]+ ){0,4}$")
# The kind a "which ...?" question asks to be named, singular or plural, before its verb.
_ASKED_KIND_RE = re.compile(r"\b(?:which|what) (?:[a-z-]+ ){0,2}?([a-z-]{3,}) (?:is|are|was|were|"
                            r"will|would|does|do|did|has|have|had|can|could|might|may|should|"
                            r"must)\b")

# Kinds whose names say what they are: "Which NHS trusts ...?" is answered by "... NHS Foundation
# Trust", "Which university ...?" by a name holding "University".
SELF_NAMING = frozenset("university college trust hospital council agency institute".split())

# Kinds named by proper names; other kinds ("skills", "disorders") may be named in lower case.
# Held as words and as their stems (``QuestionAnalysis.kind_noun`` is a stem: "peopl").
NAMED_KINDS = frozenset(form for word in (
    "company firm business organisation organization charity partner university body investor "
    "manufacturer maker producer developer supplier provider trust hospital agency department "
    "council regulator authority foundation institute person people minister secretary "
    "chair co-chair city town region place country individual member representative "
    "official leader funder backer sponsor donor party player").split()
    for form in (word, stem(word)))
# Kinds whose members' names hold the kind's word ("... University Hospital", "University of
# Oxford", "Sheffield City Council").
NAMES_ITS_KIND = frozenset(stem(w) for w in ("hospital", "university", "college", "council",
                                              "institute"))
KIND_BEFORE = 60  # names of a kind may stand this far before it ("A and B are the companies")


def _mentions(text: str, kind: str):
    """The words of ``text`` whose stem is ``kind``."""
    return (m for m in WORD_RE.finditer(text) if stem(m.group().lower()) == kind)


def lists_kind(text: str, kind: str) -> bool:
    """``text`` names things of ``kind`` (a stem) in a list ending with the kind's word."""
    return any(_LIST_BEFORE_RE.search(text, 0, m.start()) for m in _mentions(text, kind))


def gives_examples(text: str, kind: str) -> bool:
    """``text`` names things of ``kind`` by example: "disorders such as depression"."""
    return any(_EXAMPLES_RE.match(text, m.end()) for m in _mentions(text, kind))


def gives_kind(text: str, kind: str) -> bool:
    """``text`` names things of ``kind`` (a stem) by example or in a list ending with it."""
    return lists_kind(text, kind) or gives_examples(text, kind)


def qualifies_kind(text: str, kind: str) -> bool:
    """``text`` says which things of ``kind`` (a stem) by what qualifies them: "teachers
    working in areas that have fallen behind", "patients with rare diseases"."""
    return any(_QUALIFIED_RE.match(text, m.end()) for m in _mentions(text, kind))


def unnamed_kind(kind: str | None, question: str) -> bool:
    """``kind`` (``QuestionAnalysis.kind_noun``) is a kind of thing with no proper names
    ("Which parts of the vision does the deal support?", "... and in which patients?"), and the
    question does not ask for a name ("the name of the drug"): words saying which answer it."""
    return bool(kind) and kind not in NAMED_KINDS and kind not in NAMES_ITS_KIND \
        and not named_thing(question)


def asked_kind(question: str) -> str | None:
    """The word for the kind a "which ...?" question asks to be named ("Which government
    department is handing over ...?" -> "department"), or None."""
    m = _ASKED_KIND_RE.search(question.lower())
    return m.group(1) if m else None


# "the name of the cholesterol-lowering drug being tested ...": the thing to be named, up to
# where the phrase about it goes on (a verb, a relative, a preposition, a capitalised name).
_NAME_OF_RE = re.compile(r"\bnames? of (?:the |its |their |this |that )?((?:[a-z][\w-]* ){0,4}?"
                         r"[a-z][\w-]*)(?= (?:being|that|which|who|in|at|for|used|uses|to|from|"
                         r"behind|run|led|[A-Z])|\W*$"
                         # ... or a participle opening a clause: "the names of the people
                         # appointed to the board", "the hospitals chosen to host the centres"
                         r"|(?= [a-z]+(?:ed|ing|en) (?:the|a|an|to|by|in|at|for|as|with|from|on|"
                         r"its|their|this|that)\b))")
# "Name the specific NHS hospitals chosen to ...": the plural after the imperative, past
# capitalised names qualifying it ("NHS") and up to two other words ("regional bodies").
_NAME_THE_RE = re.compile(r"^(?:[Pp]lease |[Cc]an you |[Cc]ould you )?[Nn]ame (?:the |all the |all "
                          r"|some |any )(?:specific |particular |individual |named )?"
                          r"(?:[A-Z][\w&-]* )*(?:(?!(?:that|which|who) )[a-z-]+ ){0,2}?"
                          # ... or the one before a relative: "Name the funder that appears ..."
                          r"([a-z][\w-]*?s\b|[a-z][\w-]*(?= (?:that|which|who)\b))")
_CALLED_RE = re.compile(r"\bwhat (?:is|was|are|will|would) (?:the |its |their |that |this )?"
                        r"(?:[\w'’&-]+ ){0,6}?([a-z][\w-]*) (?:be )?called\b", re.IGNORECASE)


def named_thing(question: str) -> str | None:
    """What "the name of the drug being tested" or "what will the company be called?" asks to
    be named ("drug", "company"); None for other questions."""
    named = _NAME_OF_RE.search(question) or _CALLED_RE.search(question) \
        or _NAME_THE_RE.search(question)
    return named.group(1).split()[-1].lower() if named else None


def kind_word(question: str, kind: str | None = None) -> str | None:
    """The word, as asked, naming what a question wants named: "drug" in "the name of the drug
    ...?", "hospitals" in "which hospitals ...?"; None when it names no such thing. Given the
    kind's stem (``QuestionAnalysis.kind_noun``), the question's word with that stem: "which
    NHS hospitals" names hospitals, not "nhs"."""
    asked = next((w for w in re.findall(r"[a-z-]+", question.lower()) if stem(w) == kind),
                 None) if kind else None
    if asked:
        return asked
    named = named_thing(question)
    if named:
        return named
    m = _WHICH_PLURAL_RE.search(question.lower())
    return m.group(1) if m else None


_WHICH_PLURAL_RE = re.compile(r"\b(?:which|what) ([a-z-]+s)\b")
