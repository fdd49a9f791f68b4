"""UK places named around a figure.

Two sources, as deal documents name places two ways:

* a gazetteer of UK nations, regions, counties, city regions and towns (longest name first,
  so "Leeds City Region" beats "Leeds" and "South Wales" beats "Wales");
* ``in/at <Capitalised>`` for places the gazetteer lacks ("at the Border Technology Park in
  Crumlin"), unless the capitalised words are an organisation, a programme or a month.

"UK"/"United Kingdom" are not places for the register: nearly every line is UK-wide.
"""

from __future__ import annotations

import re

__all__ = ["find_places", "UK_PLACES"]

UK_PLACES = frozenset("""
England|Scotland|Wales|Northern Ireland|Great Britain
North East|North West|Yorkshire|Yorkshire and the Humber|East Midlands|West Midlands|
East of England|South East|South West|London|Greater London|East London|north of England|
Northern Powerhouse|Midlands|South Wales|North Wales|South Wales Valleys|
Highlands|Lowlands|Central Belt|Golden Triangle|
Greater Manchester|Leeds City Region|Sheffield City Region|Liverpool City Region|
West Yorkshire|South Yorkshire|North Yorkshire|Merseyside|Tyneside|Teesside|Tees Valley|
Cheshire|Lancashire|Cumbria|Durham|Northumberland|Lincolnshire|Nottinghamshire|Derbyshire|
Leicestershire|Staffordshire|Warwickshire|Worcestershire|Shropshire|Herefordshire|
Gloucestershire|Oxfordshire|Buckinghamshire|Bedfordshire|Hertfordshire|Cambridgeshire|
Norfolk|Suffolk|Essex|Kent|Surrey|Sussex|Hampshire|Berkshire|Wiltshire|Dorset|Somerset|
Devon|Cornwall|Fife|Lothian|Tayside|Aberdeenshire|Ayrshire|Lanarkshire|
Aberdeen|Belfast|Birmingham|Bradford|Brighton|Bristol|Cambridge|Canterbury|Cardiff|Coventry|
Derby|Dundee|Edinburgh|Exeter|Glasgow|Hull|Inverness|Leeds|Leicester|Liverpool|Manchester|
Milton Keynes|Newcastle|Norwich|Nottingham|Oxford|Plymouth|Portsmouth|Salford|
Sheffield|Southampton|Stoke|Sunderland|Swansea|Wolverhampton|York|Stevenage|Harwell|
Macclesfield|Alderley Edge|Hoddesdon|Crumlin|Daresbury|Porton Down|Speke|Runcorn|Ulverston|
Barnard Castle|Slough|Stirling|Livingston|Trafford|Hampton|Wrexham|Newport|Bangor|
Guildford|Loughborough|Lancaster|Warwick|Durham|Keele|Colchester|Ipswich|Luton|Swindon|
Chester|Preston|Blackpool|Middlesbrough|Darlington|Gateshead|Wakefield|Huddersfield|
Doncaster|Rotherham|Barnsley|Grimsby|Lincoln|Peterborough|Northampton|Bath|
Gloucester|Cheltenham|Worcester|Hereford|Shrewsbury|Telford|Wigan|Bolton|Stockport|Oldham
""".replace("\n", "").split("|"))

_GAZETTEER = re.compile(
    r"(?<!\w)(?<!New )(" + "|".join(re.escape(p) for p in sorted(UK_PLACES, key=len, reverse=True))
    + r")(?:['’]s)?(?![\w])"
)
_IN_PLACE = re.compile(r"\b(?:in|at)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=[\s,;.)]|$)")
_NOT_PLACES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Spring|Summer|Autumn|Winter|The|This|These|Our|Their|New|"
    r"Europe|European|America|Canada|California|France|Germany|Switzerland|Ireland|Belgium|"
    r"Netherlands|Sweden|Denmark|Spain|Italy|China|Japan|India|Singapore|Australia|Asia|Africa|"
    r"Industrial|Innovate|Health|National|Life|Phase|Wave|Budget|Parliament)\b"
    r"|(?:Centre|Center|Fund|Programme|Project|Trust|Partnership|Council|Strategy|Review|"
    r"Deal|University|Institute|Hospital|Bank|Scheme|Paper|Plan|Group|Company|Ltd|Unit)$"
)


def find_places(text: str) -> list[str]:
    """Distinct places in ``text``, in order of first mention."""
    found: list[tuple[int, str]] = []
    for m in _GAZETTEER.finditer(text):
        found.append((m.start(), m.group(1)))
    taken = [(s, s + len(n)) for s, n in found]
    for m in _IN_PLACE.finditer(text):
        name = m.group(1)
        s = m.start(1)
        before = text[:m.start()].split()
        in_title = bool(before) and before[-1][:1].isupper() and len(before) > 1
        # "Financing Growth in Innovative Firms" is a title, not a place.
        if in_title or _NOT_PLACES.search(name) or any(a <= s < b for a, b in taken):
            continue
        found.append((s, name))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out
