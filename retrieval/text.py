"""The lexical tokeniser shared by BM25, the hybrid retriever and the answerer.

Deal documents are dense with figures, so the tokeniser's main job beyond lower-casing and
stemming is to make every spelling of an amount meet every other one:

* money: ``£66m``, ``£66 million``, ``£66 m`` and ``£66,000,000`` all give the canonical token
  ``£66m``, the currency-free ``66m`` (so ``66m`` in a question still matches) and the bare
  number ``66`` as written. ``\\$100m`` (escaped in the PDF conversion) is ``$100m``. Values are
  rescaled, so ``£1,500m`` and ``£1.5bn`` share ``1.5bn``. Different currencies share only the
  currency-free tokens, so the matching currency ranks first.
* percentages: ``2.4 per cent`` / ``2.4%`` -> ``2.4%`` and ``2.4``.
* financial years: ``2021/22`` / ``2021-22`` -> ``2021/22``, ``2021`` and ``2022``.
* counts: ``20,000`` -> ``20000``; ``c.800`` -> ``800`` (the ``c.`` of *circa* is dropped).

Words are lower-cased, English stop words (including question words) removed, and a light
suffix stemmer folds plurals and -ing/-ed forms. The stemmer is deliberately small: it only has
to be *consistent* between questions and passages, not linguistically right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from dealqa.conditions import is_condition
from dealqa.types import Passage

__all__ = [
    "Amount",
    "STOP_WORDS",
    "find_amounts",
    "money_amounts",
    "normalise_amount",
    "passage_index_text",
    "passage_lexical_text",
    "stem",
    "tokenize",
]

# A classic English stop list plus the question words users type ("how much", "which").
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most much many my myself no nor not now of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up upon very was we
    were what when where which while who whom whose why will with would you your yours yourself
    shall may might must us let yes via per""".split()
)

_SCALES = {
    "k": Decimal(10) ** 3, "thousand": Decimal(10) ** 3,
    "m": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "million": Decimal(10) ** 6,
    "bn": Decimal(10) ** 9, "billion": Decimal(10) ** 9,
    "tn": Decimal(10) ** 12, "trillion": Decimal(10) ** 12,
}
# Largest first: the canonical form uses the biggest unit the value reaches.
_UNITS = [("tn", Decimal(10) ** 12), ("bn", Decimal(10) ** 9), ("m", Decimal(10) ** 6)]

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|tn|m|k)"
# One pass, left to right; alternatives are tried in order, so specific forms win.
_TOKEN_RE = re.compile(
    rf"(?P<fy>\b(?:19|20)\d\d\s?[/–-]\s?\d\d(?:\d\d)?\b)"
    rf"|(?P<money>(?P<cur>[£$€])\s?(?P<mnum>{_NUM})(?:\s?(?P<mscale>{_SCALE}))?(?!\w))"
    rf"|(?P<scaled>\b(?P<snum>{_NUM})\s?(?P<sscale>{_SCALE})\b)"
    rf"|(?P<pct>\b(?P<pnum>{_NUM})\s?(?:%|per\s?cent\b|percent\b))"
    rf"|(?P<num>\b{_NUM}(?![\w]|\.\d))"
    r"|(?P<word>[^\W_]+(?:&[^\W_]+)*)",
    re.IGNORECASE,
)
# Conversion noise that must not glue onto tokens: superscript footnote markers (£210m⁷),
# markdown bold, escaped dollars, curly apostrophes.
_SUPERSCRIPTS = str.maketrans({c: " " for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"})
# Possessives and contractions: "Oxford's" -> "Oxford", "we're" -> "we", "don't" -> "do not".
_CLITIC_RE = re.compile(r"(\w)['’](?:s|re|ve|ll|d|m)\b", re.IGNORECASE)
_NEGATION_RE = re.compile(r"\b(\w+)n['’]t\b", re.IGNORECASE)
_NEGATION_STEMS = {"ca": "can", "wo": "will", "sha": "shall"}  # can't, won't, shan't
_VOWEL_RE = re.compile(r"[aeiouy]")


@dataclass(frozen=True)
class Amount:
    """An amount found in text; ``canonical`` is the token the tokeniser emits for it."""

    start: int
    end: int
    text: str  # as written
    canonical: str  # e.g. "£66m", "66m" (no currency), "2.4%"
    currency: str  # "£", "$", "€" or "" (a count or a bare scaled number)
    value: Decimal
    is_percent: bool = False

    @property
    def value_key(self) -> str:
        """The canonical form without the currency: ``£66m`` and ``66m`` share ``66m``."""
        return self.canonical.lstrip("£$€")


def _prepare(text: str) -> str:
    # Length-preserving replacements only, so Amount offsets index the caller's text.
    text = text.translate(_SUPERSCRIPTS).replace("\\$", " $").replace("**", "  ")
    return text.replace("\u00a0", " ")


def _number(raw: str) -> Decimal:
    return Decimal(raw.replace(",", ""))


def _fmt(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def _canonical_value(value: Decimal) -> str:
    for suffix, unit in _UNITS:
        if value >= unit:
            return _fmt(value / unit) + suffix
    return _fmt(value)


def _amount(m: re.Match[str]) -> Amount | None:
    try:
        if m.group("money"):
            scale = _SCALES[m.group("mscale").lower()] if m.group("mscale") else Decimal(1)
            value = _number(m.group("mnum")) * scale
            cur = m.group("cur")
            return Amount(m.start(), m.end(), m.group(), cur + _canonical_value(value), cur, value)
        if m.group("scaled"):
            value = _number(m.group("snum")) * _SCALES[m.group("sscale").lower()]
            return Amount(m.start(), m.end(), m.group(), _canonical_value(value), "", value)
        if m.group("pct"):
            value = _number(m.group("pnum"))
            return Amount(m.start(), m.end(), m.group(), _fmt(value) + "%", "", value, True)
    except InvalidOperation:  # pragma: no cover - the regex only admits valid numbers
        return None
    return None


def find_amounts(text: str) -> list[Amount]:
    """Money amounts, scaled numbers (``66m``) and percentages in ``text``, in order."""
    found = []
    for m in _TOKEN_RE.finditer(_prepare(text)):
        amount = _amount(m)
        if amount is not None:
            found.append(amount)
    return found


def money_amounts(text: str) -> list[Amount]:
    """The money amounts in ``text`` ("£66m", "$40m"), in order: no percentages or bare counts."""
    return [a for a in find_amounts(text) if a.currency and not a.is_percent]


def normalise_amount(text: str) -> str | None:
    """Canonical form of the amount or count ``text`` *is*, else None.

    ``"£66 million"`` -> ``"£66m"``; ``"2.4 per cent"`` -> ``"2.4%"``;
    ``"20,000"`` -> ``"20000"``; ``"about £66m"`` -> None (running text: see find_amounts).
    """
    stripped = _prepare(text).strip(" \t\n.,;:()")
    m = _TOKEN_RE.fullmatch(stripped)
    if m is None:
        return None
    if m.lastgroup == "num":  # a plain count: "20,000" -> "20000"
        return _fmt(_number(m.group()))
    amount = _amount(m)
    return amount.canonical if amount is not None else None


# Irregular past forms the suffix rules cannot reach: "led by" answers "who leads".
_IRREGULAR = {"led": "lead", "ran": "run", "wrote": "write", "written": "write", "made": "make",
              "built": "build", "paid": "pay", "oversaw": "oversee", "overseen": "oversee",
              "began": "begin", "begun": "begin", "brought": "bring", "bought": "buy",
              "sold": "sell", "held": "hold", "met": "meet", "won": "win", "grew": "grow",
              "grown": "grow", "gave": "give", "given": "give", "took": "take", "taken": "take",
              "chose": "choose", "chosen": "choose", "spent": "spend"}


# Derivations that join a verb to its noun or adjective: a question's "represent" is the
# deal's "representation", "invest" its "investment", "approve" its "approval". Each strips to
# a base of at least _MIN_BASE letters ("nation", "payment" keep theirs).
_MIN_BASE = 4
_DERIVED = (("ation", ""), ("ment", ""), ("ery", "er"),
            ("val", "v"))


def _derived(word: str, verbal: bool) -> str:
    for suffix, replacement in _DERIVED:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_BASE:
            return word[: -len(suffix)] + replacement
    # "collaborate", "collaborated", "collaborating" -> "collabor", as "collaboration"
    if word.endswith("ate") and len(word) - 3 >= _MIN_BASE:
        return word[:-3]
    if verbal and word.endswith("at") and len(word) - 2 >= _MIN_BASE:
        return word[:-2]
    return word


def stem(word: str) -> str:
    """Light suffix stripping: plurals, -ing, -ed, a verb's noun (``representation``/
    ``represent``, see _DERIVED), -ician (``statisticians``/``statistics``), then a final -e
    (``vaccines``/``vaccine``); a few irregular past forms (``led``/``lead``)."""
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    verbal = False  # an -ing or -ed ending was taken off
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and _VOWEL_RE.search(base):
            verbal = True
            # "planned" -> "plan": undouble a final consonant the suffix doubled.
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeioulsz":
                base = base[:-1]
            word = base
            break
    word = _derived(word, verbal)
    if word.endswith("ician") and len(word) > 7:
        # The practitioner meets the field: "bioinformaticians" / "bioinformatics",
        # "statisticians" / "statistics".
        word = word[:-3]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def _amount_tokens(amount: Amount, raw_number: str) -> list[str]:
    tokens = [amount.canonical]
    if amount.currency:
        tokens.append(amount.value_key)
    bare = _fmt(_number(raw_number))
    if bare not in tokens:
        tokens.append(bare)
    return tokens


def _fy_tokens(raw: str) -> list[str]:
    start, end = re.split(r"\s?[/–-]\s?", raw)
    end_year = int(end) if len(end) == 4 else int(start[:2] + end)
    if end_year < int(start):  # "1999/00" ends in 2000
        end_year += 100
    return [f"{start}/{end_year % 100:02d}", start, str(end_year)]


def _negation(m: re.Match[str]) -> str:
    stem_ = m.group(1)
    return f"{_NEGATION_STEMS.get(stem_.lower(), stem_)} not"


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop-word-free, stemmed tokens with amounts in canonical forms."""
    text = _CLITIC_RE.sub(r"\1", _NEGATION_RE.sub(_negation, _prepare(text)))
    tokens: list[str] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind == "word":
            word = m.group().lower()
            if len(word) > 1 and word not in STOP_WORDS:
                tokens.append(word if "&" in word else stem(word))
        elif kind == "fy":
            tokens.extend(_fy_tokens(m.group()))
        elif kind == "num":
            tokens.append(_fmt(_number(m.group())))
        else:
            amount = _amount(m)
            raw = m.group("mnum") or m.group("snum") or m.group("pnum")
            if amount is not None:
                tokens.extend(_amount_tokens(amount, raw))
    return tokens


def passage_index_text(p: Passage) -> str:
    """What both retrievers index for a passage: its section path, then its text.

    The path tells a terse bullet's topic ("Vaccines › Government action"); the chunker keeps
    text under 200 word pieces, so the label still fits the model's 256.
    """
    label = p.section_label
    return f"{label}\n{p.text}" if label.strip() else p.text


def passage_lexical_text(p: Passage) -> str:
    """What BM25 indexes: :func:`passage_index_text` plus the passage's condition footnotes.

    A footnote such as "Subject to business case approval by HM Treasury" is part of what the
    passage promises, so "which funding needs Treasury approval?" should find the passage whose
    figure carries it, not only the References list. Citation footnotes (report titles, URLs)
    are left out: they would match words the passage never says. Dense vectors keep the plain
    text, which the embedding window is sized for.
    """
    conditions = dict.fromkeys(f.text for f in p.footnotes if is_condition(f.text))
    text = passage_index_text(p)
    return "\n".join([text, *conditions]) if conditions else text
