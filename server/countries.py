"""Countries by their ISO 3166-1 alpha-2 code: which codes exist, and their names."""

from __future__ import annotations

import functools

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
