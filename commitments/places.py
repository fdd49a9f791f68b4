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

__all__ = ["OTHER_NAMES", "UK_PLACES", "find_places", "lies_in", "places_compatible"]

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
Gloucester|Cheltenham|Worcester|Hereford|Shrewsbury|Telford|Wigan|Bolton|Stockport|Oldham|
King's Cross|Imperial West|White City|Whitechapel|Euston|Canary Wharf|Hammersmith|
Paddington|Bloomsbury|Southwark|Camden|Shoreditch|Mile End|Oxbridge
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


# London's districts the gazetteer knows (sites named in place of the city).
_LONDON_DISTRICTS = ("Bloomsbury", "Camden", "Canary Wharf", "Euston", "Hammersmith",
                     "Imperial West", "King's Cross", "Mile End", "Paddington", "Shoreditch",
                     "Southwark", "White City", "Whitechapel")
# Where a gazetteer place lies, for the places inside a nation or a city region that the
# gazetteer also names: "Salford" is compatible with "Greater Manchester", "Dundee" with
# "Scotland". Places not listed here (England's regions, "Golden Triangle") have no known
# extent, so nothing is ruled out against them.
_WITHIN: dict[str, tuple[str, ...]] = {
    "Scotland": ("Aberdeen", "Aberdeenshire", "Ayrshire", "Central Belt", "Dundee", "Edinburgh",
                 "Fife", "Glasgow", "Highlands", "Inverness", "Lanarkshire", "Livingston",
                 "Lothian", "Lowlands", "Stirling", "Tayside"),
    "Wales": ("Bangor", "Cardiff", "Crumlin", "Newport", "North Wales", "South Wales",
              "South Wales Valleys", "Swansea", "Wrexham"),
    "Northern Ireland": ("Belfast",),
    "Greater Manchester": ("Bolton", "Manchester", "Oldham", "Salford", "Stockport", "Trafford",
                           "Wigan"),
    "Merseyside": ("Liverpool", "Speke"),
    "Liverpool City Region": ("Liverpool", "Runcorn", "Speke"),
    "Leeds City Region": ("Bradford", "Huddersfield", "Leeds", "Wakefield"),
    "West Yorkshire": ("Bradford", "Huddersfield", "Leeds", "Wakefield"),
    "Sheffield City Region": ("Barnsley", "Doncaster", "Rotherham", "Sheffield"),
    "South Yorkshire": ("Barnsley", "Doncaster", "Rotherham", "Sheffield"),
    "Oxfordshire": ("Harwell", "Oxford"),
    "Cambridgeshire": ("Cambridge", "Peterborough"),
    "Hertfordshire": ("Hoddesdon", "Stevenage"),
    "Cheshire": ("Alderley Edge", "Chester", "Daresbury", "Macclesfield", "Runcorn"),
    "Tyneside": ("Gateshead", "Newcastle"),
    "Teesside": ("Darlington", "Middlesbrough"),
    "Tees Valley": ("Darlington", "Middlesbrough"),
    "Wiltshire": ("Porton Down", "Swindon"),
    # (London's districts lie in London: "Which London sites ...?" is answered by "King's
    # Cross, Imperial West ...")
    "London": _LONDON_DISTRICTS,
    "Greater London": ("East London", "London", *_LONDON_DISTRICTS),
}
# A name for several places at once: compatible with what any of them is.
_ALIASES = {"oxbridge": ("Oxford", "Cambridge")}
# Places abroad by the other names a text may give them: "the drug firm called Merck in North
# America" is stated by "known as Merck and Co Inc in the US and Canada" (see
# ``assistant.name_match.alias_in``).
OTHER_NAMES = {
    "north america": ("US", "USA", "United States", "Canada"),
    "america": ("US", "USA", "United States"),
    "american": ("US", "USA", "United States"),
    "the states": ("US", "USA", "United States"),
    "usa": ("US", "United States"),
    "united states": ("US", "USA"),
}
_NATIONS = ("Scotland", "Wales", "Northern Ireland")
# Places whose extent is unknown here: regions and corridors that span many of the others.
_OPEN = frozenset(
    "England|Great Britain|North East|North West|Yorkshire|Yorkshire and the Humber|East Midlands|"
    "West Midlands|East of England|South East|South West|north of England|Northern Powerhouse|"
    "Midlands|Golden Triangle".lower().split("|"))


def _areas_containing() -> dict[str, frozenset[str]]:
    """lower-case place -> the listed areas that contain it (a city region inside a nation
    lies in that nation too), built once from ``_WITHIN``."""
    areas: dict[str, set[str]] = {}
    for area, inside in _WITHIN.items():
        for place in inside:
            areas.setdefault(place.lower(), set()).add(area.lower())
    for nation in _NATIONS:
        members = {p.lower() for p in _WITHIN[nation]}
        for place, found in areas.items():
            if found & members:
                found.add(nation.lower())
    return {place: frozenset(found) for place, found in areas.items()}


_AREAS = _areas_containing()


def _extent(place: str) -> set[str]:
    """The place itself and every listed area that contains it, lower-case."""
    low = place.lower()
    return {low, *_AREAS.get(low, ())}


def lies_in(place: str, area: str) -> bool:
    """``place`` is ``area`` or lies inside it as far as the gazetteer knows ("Fife" in
    "Scotland", "Salford" in "Greater Manchester"); a region of unknown extent holds only
    places named with it ("South Wales" is not known to lie in "South West")."""
    low, area_low = place.strip().lower(), area.strip().lower()
    return bool(low) and (low == area_low or area_low in _extent(place.strip()))


def places_compatible(a: str, b: str) -> bool:
    """Could a measure at ``b`` serve someone at ``a``? True when one lies in or names the other
    ("Oxford" / "Oxfordshire", "Leeds" / "Leeds City Region", "Dundee" / "Scotland"), or when
    either is a region whose extent is not known here; False for two distinct known places."""
    la, lb = a.strip().lower(), b.strip().lower()
    if la in _ALIASES or lb in _ALIASES:
        one, other = (la, b) if la in _ALIASES else (lb, a)
        return any(places_compatible(p, other) for p in _ALIASES[one])
    if not la or not lb or la in lb or lb in la or la in _OPEN or lb in _OPEN:
        return True
    ea, eb = _extent(a.strip()), _extent(b.strip())
    if la in eb or lb in ea:
        return True
    # Two places in England with no listed containment: distinct unless they share an area.
    return bool((ea - {la}) & (eb - {lb}) - {n.lower() for n in _NATIONS})
