"""Countries by their ISO 3166-1 alpha-2 code: which codes exist, and their names."""

from __future__ import annotations

import functools
from importlib.resources import files

import pycountry


@functools.cache
def _names() -> dict[str, str]:
    # The common name where ISO has one ("Bolivia" beside "Bolivia, Plurinational State of").
    return {
        country.alpha_2: getattr(country, "common_name", None) or country.name
        for country in pycountry.countries
    }


def normalise(code: str) -> str | None:
    """The upper-case code if `code` names an ISO 3166-1 alpha-2 country, else None."""
    upper = code.strip().upper()
    return upper if upper in _names() else None


def country_name(code: str | None) -> str | None:
    """The English name of the country with this code, or None."""
    return _names().get(code.upper()) if code else None


# A continent for the countries whose first IANA zone is an ocean's (Atlantic/, Indian/).
_OCEAN_COUNTRIES = {
    **dict.fromkeys(["BM", "FK"], "Americas"),
    **dict.fromkeys(["CV", "SH", "KM", "MG", "MU", "RE", "SC", "YT"], "Africa"),
    **dict.fromkeys(["FO", "IS"], "Europe"),
    **dict.fromkeys(["IO", "MV"], "Asia"),
    **dict.fromkeys(["CC", "CX"], "Oceania"),
    **dict.fromkeys(["GS", "TF", "BV", "HM"], "Antarctica"),
}
# The area of an IANA zone name (its first part), as a continent.
_AREAS = {
    "Africa": "Africa",
    "America": "Americas",
    "Antarctica": "Antarctica",
    "Arctic": "Europe",
    "Asia": "Asia",
    "Australia": "Oceania",
    "Europe": "Europe",
    "Pacific": "Oceania",
}
REGIONS = ("Africa", "Americas", "Asia", "Europe", "Oceania", "Antarctica")


@functools.cache
def _regions() -> dict[str, str]:
    """Country code -> continent, from the time zone database's zone.tab (the first zone
    listed for a country is its most populous), with the ocean areas settled by hand."""
    regions = dict(_OCEAN_COUNTRIES)
    table = files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    for line in table.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, zone = line.split("\t")[:3]
        area = _AREAS.get(zone.split("/", 1)[0])
        if area is not None:
            regions.setdefault(code, area)
    return regions


def region(code: str | None) -> str | None:
    """The continent of the country with this code (Africa, Americas, Asia, Europe,
    Oceania, Antarctica), or None."""
    return _regions().get(code.upper()) if code else None
