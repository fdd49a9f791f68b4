"""The finder's vocabulary: how profiles name kinds, sectors and needs, and how deal text does.

Each entry has two patterns: ``profile`` finds the word in what an organisation says about
itself ("we can't recruit technicians"), ``deal`` finds the matching idea in a measure's text
("skills", "apprenticeships"). They differ because people describe problems while deals
describe remedies. Patterns are generic life-sciences vocabulary, not phrases of one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from commitments import Theme

__all__ = ["Vocab", "KIND_VOCAB", "SECTOR_VOCAB", "NEED_VOCAB", "compile_rx"]


def compile_rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class Vocab:
    label: str  # how a reason names it: "cell and gene therapy", "manufacturing capacity"
    profile: re.Pattern[str]
    deal: re.Pattern[str]
    themes: tuple[Theme, ...] = ()


def _v(label: str, profile: str, deal: str, *themes: Theme) -> Vocab:
    return Vocab(label, compile_rx(profile), compile_rx(deal), themes)


# Keyed by OrgKind value (profile.py owns the enum; strings keep this module import-light).
# Order matters for detection: the first kind found wins, and an investor or a start-up that
# "works with NHS trusts" is not an NHS body, so the NHS comes late.
KIND_VOCAB: dict[str, Vocab] = {
    "investor": _v("investor",
                   r"\binvestors?\b|fund managers?|venture (?:fund|capital)|\bVCs?\b|\bangel\b|"
                   r"pension (?:scheme|fund)s?|trustees|family office|private equity",
                   r"investors?|investing|fund managers?|pension funds?|venture capital|"
                   r"co-invest\w*|\bEIS\b|\bVCTs?\b"),
    "sme": _v("SME",
              # ("a 12-person firm", "our five-person company", "a 40-strong team")
              r"start-?ups?|\bSMEs?\b|\bsmall\b|spin-?outs?|\b(?:\d{1,3}|one|two|three|four|five|"
              r"six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozen)"
              r"[- ](?:person|people|staff|employee|strong)s?\b|early[- ]stage|micro[- ]?business",
              r"small and medium|\bSMEs?\b|start-?ups?|spin-?outs?|small (?:businesses|firms|"
              r"companies)|innovators|innovative (?:firms|companies|businesses)|early-stage"),
    "university": _v("university",
                     r"universit\w*|academic|research (?:team|group|lab)|\bcollege\b",
                     r"universit\w*|academ\w*|researchers?|science base"),
    "large_company": _v("large company",
                        r"\blarge\b|multinational|global (?:pharma|company|firm)|big pharma|\bplc\b|"
                        r"pharma(?:ceutical)? company",
                        r"compan(?:y|ies)|industry|multinational|global"),
    "nhs_body": _v("NHS body",
                   r"\bNHS (?:trust|body|foundation trust|organisation)\b|\bwe(?:'re| are) an? "
                   r"(?:NHS|hospital)|clinical commissioning|\bCCG\b|health board",
                   r"\bNHS\b|trusts?\b|hospitals?|commissioners"),
    "charity": _v("charity",
                  r"charit\w*|(?<!NHS )foundation\b(?! trust)|non-?profit|patient (?:group|organisation)",
                  r"charit\w*|foundations?"),
    "individual": _v("individual",
                     r"\bI(?:'m| am)\b|\bindividual\b|\bmy\b",
                     r"scientists|researchers|students|individuals|people|talent"),
}

SECTOR_VOCAB: tuple[Vocab, ...] = (
    _v("cell and gene therapy",
       r"cell (?:and|&) gene|gene therap\w*|cell therap\w*|advanced[- ]therap\w*|viral vectors?|"
       r"\bCAR-?T\b|regenerative",
       r"cell (?:and|&) gene|gene therap\w*|cell therap\w*|advanced therap\w*|viral vectors?|"
       r"\bCAR-?T\b|lentiviral|plasmid", Theme.ADVANCED_THERAPIES),
    _v("medtech", r"med-?tech|medical (?:device|technolog)\w*|devices?\b|orthopaedic|wearable",
       r"med-?tech|medical (?:device|technolog)\w*|devices?\b|orthopaedic|wound care"),
    _v("diagnostics", r"diagnos\w*|\btests?\b|pathology|imaging|in vitro",
       r"diagnos\w*|pathology|radiology|molecular (?:testing|profiling)"),
    _v("vaccines", r"vaccin\w*|immunis\w*|influenza|pandemic",
       r"vaccin\w*|influenza|pandemic|fill and finish", Theme.VACCINES),
    _v("genomics", r"genom\w*|sequencing|\bDNA\b|biobank",
       r"genom\w*|sequencing|biobank", Theme.GENOMICS),
    _v("AI and data", r"\bAI\b|artificial intelligence|machine learning|data (?:science|analytics)|"
       r"digital health|software|\bapps?\b|algorithm\w*|informatics",
       r"\bAI\b|artificial intelligence|machine learning|\bdata\b|digital|algorithm\w*|"
       r"informatics", Theme.AI_AND_DATA),
    _v("clinical research", r"clinical (?:trials?|research|studies)|\btrials?\b|\bCRO\b",
       r"clinical (?:trials?|research|studies)|\btrials?\b", Theme.CLINICAL_TRIALS),
    _v("pharma", r"pharma\w*|medicines?|drugs?\b|therapeutics",
       r"pharma\w*|medicines?|drugs?\b|therapeutics"),
    _v("biotech", r"biotech\w*|bioscience|biologics?|life sciences?",
       r"biotech\w*|bioscience|biologics?|life sciences?"),
)

NEED_VOCAB: dict[str, Vocab] = {
    "funding": _v("funding",
                  r"fund(?:ing|s)?\b|grants?\b|capital support|money|financ\w* (?:for|our)|"
                  r"invest(?:ment)? in (?:us|our)",
                  r"[£$€]\s?\d[\d.,]*(?:bn|m|k)?|\bfund(?:ing|ed|s)?\b|grants?\b|investment programme"),
    "manufacturing_capacity": _v("manufacturing capacity",
                                 r"manufactur\w*|\bGMP\b|production|fill[- ]and[- ]finish|"
                                 r"scale[- ]up (?:production|manufacturing)|capacity",
                                 r"manufactur\w*|capacity|fill and finish|production",
                                 Theme.MANUFACTURING),
    "data_access": _v("data access",
                      r"\bdata\b|patient records|health records|records|datasets?|real[- ]world",
                      r"\bdata\b|records|datasets?|biobank", Theme.AI_AND_DATA),
    "skills_and_recruitment": _v("skills and recruitment",
                                 r"recruit\w*|skills?\b|hir(?:e|ing)\b|talent|technicians|"
                                 r"visas?\b|apprentic\w*|immigration|settle\w*|staff shortage",
                                 r"skills?\b|apprentic\w*|recruit\w*|talent|visas?\b|immigration|"
                                 r"settlement|workforce|training|STEM",
                                 Theme.SKILLS_AND_IMMIGRATION),
    "finance_and_tax": _v("finance and tax",
                          r"\btax\w*|investors?\b|\bcapital\b|venture|fund managers?|equity|"
                          r"rais(?:e|ing)\b|\bEIS\b|pensions?|scale[- ]up",
                          r"\btax\w*|capital|\bEIS\b|\bVCTs?\b|fund managers?|British Business "
                          r"Bank|pension|allowance|expenditure credit|co-invest\w*",
                          Theme.FINANCE_AND_CAPITAL, Theme.TAX),
    "nhs_adoption": _v("NHS adoption",
                       r"\bNHS\b.{0,40}\b(?:adopt\w*|uptake|slow|buy|procure\w*)|adopt\w*|uptake|"
                       r"commissioners|procurement|market access|evidence base|"
                       # "develop them jointly with an NHS trust", "teaming up with the NHS"
                       r"\b(?:partner\w*|team\w* up|jointly|collaborat\w*|co-develop\w*) with "
                       r"(?:an? |the |our )?(?:local )?NHS\b",
                       r"adoption|accelerated access|uptake|evidence base|care pathways?|"
                       r"partnering with the NHS|commercial capacity",
                       Theme.NHS_ADOPTION),
    "premises": _v("premises",
                   r"premises|lab(?:oratory)? space|\blabs?\b|incubat\w*|office space|"
                   r"(?:new|a) (?:site|building)|accommodation|manufacturing space",
                   r"incubat\w*|premises|space|campus|science parks?|innovation (?:centre|quarter)|"
                   r"co-locat\w*|facilit\w*|hubs?\b"),
}
