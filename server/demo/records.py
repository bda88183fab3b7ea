"""What each entry of the demo data may hold: one pydantic model per kind of entry.

The models check the shape and the allowed values of one entry; `server.demo.network` checks
what entries say about each other (an author is a member, a slug is used once). Length limits
and topic rules are the services' own (`server.services.validation`), applied there too.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from server import countries
from server.domain import (
    ORGANISATION_SLUG,
    MemberRole,
    OrganisationType,
    RoarPillar,
    ThreadKind,
    Visibility,
)
from server.services.errors import InvalidInput
from server.services.invitations import check_email
from server.services.members import DISPLAY_NAME_MAX
from server.services.organisations import NAME_MAX, check_website
from server.services.validation import Collector

# Member keys and thread file names: what an editor types to refer to them.
KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
# The oldest a demo thread may be (ten years): dates stay within what a forum shows.
DAYS_AGO_MAX = 3650

E = TypeVar("E", bound=enum.Enum)


def one_of(kind: type[E], what: str) -> Callable[[Any], E]:
    """A value that must be one of an enumeration's names, with an error listing them."""
    names = ", ".join(member.name for member in kind)

    def check(value: Any) -> E:
        if isinstance(value, kind):
            return value
        if isinstance(value, str) and value.strip() in kind.__members__:
            return kind[value.strip()]
        raise PydanticCustomError(
            "choice", "{value} is not {what} (one of {names})", _ctx(value, what, names)
        )

    return check


def _ctx(value: Any, what: str, names: str) -> dict[str, str]:
    if isinstance(value, str):
        shown = repr(value)
    else:
        shown = {list: "a list", dict: "a set of fields", type(None): "nothing"}.get(
            type(value), repr(value)
        )
    return {"value": shown, "what": what, "names": names}


def as_list(value: Any) -> Any:
    """A single value where a list is expected is a list of one (`pillars: ASSESSMENT`)."""
    return [value] if isinstance(value, str) else value


def _matching(pattern: re.Pattern[str], rule: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if not pattern.fullmatch(value):
            raise PydanticCustomError(
                "pattern", "{value} is not valid: {rule}", {"value": repr(value), "rule": rule}
            )
        return value

    return check


def bounded(limit: int) -> Callable[[str], str]:
    """Text that is not empty and at most `limit` characters."""

    def check(value: str) -> str:
        if not value:
            raise PydanticCustomError("required", "is empty")
        if len(value) > limit:
            raise PydanticCustomError(
                "too_long",
                "is too long: {length} characters, the limit is {limit}",
                {"length": len(value), "limit": limit},
            )
        return value

    return check


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code (the rule of `server.countries`), upper-cased."""
    code = countries.normalise(value)
    if code is None:
        raise PydanticCustomError(
            "country",
            "{value} is not an ISO 3166-1 alpha-2 code such as DE",
            {"value": repr(value)},
        )
    return code


def web_address(value: str) -> str:
    """A website, by the forum's one rule for them (`organisations.check_website`)."""
    check = Collector()
    website = check_website(check, value)
    if check.errors or website is None:
        problem = check.errors[0].message if check.errors else "A website is required."
        raise PydanticCustomError("website", "{value}: {problem}", _problem(value, problem))
    return website


def email_address(value: str) -> str:
    """An e-mail address, by the forum's one rule for them (`invitations.check_email`)."""
    email = check_email("email", value)
    if isinstance(email, InvalidInput):
        problem = email.errors[0].message
        raise PydanticCustomError("email", "{value}: {problem}", _problem(value, problem))
    return email


def _problem(value: str, problem: str) -> dict[str, str]:
    return {"value": repr(value[:80]), "problem": problem}


def _some_pillars(value: list[RoarPillar]) -> list[RoarPillar]:
    if not value:
        raise PydanticCustomError("required", "choose at least one ROAR pillar")
    return value


Key = Annotated[
    str,
    AfterValidator(
        _matching(KEY_PATTERN, "use lower-case letters, digits and '-', e.g. ana-lopez")
    ),
]
Slug = Annotated[
    str,
    AfterValidator(
        _matching(ORGANISATION_SLUG, "use lower-case letters, digits and '-', e.g. acme-agency")
    ),
]
Pillar = Annotated[RoarPillar, BeforeValidator(one_of(RoarPillar, "a ROAR pillar"))]
OrgType = Annotated[
    OrganisationType, BeforeValidator(one_of(OrganisationType, "an organisation type"))
]


class Record(BaseModel):
    """An entry of a data file: unknown fields are mistakes, text is trimmed."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class OrganisationRecord(Record):
    """A member organisation of the network (organisations.yaml)."""

    slug: Slug
    name: Annotated[str, AfterValidator(bounded(NAME_MAX))]
    type: OrgType
    country: Annotated[str, AfterValidator(country_code)] | None = None
    website: Annotated[str, AfterValidator(web_address)] | None = None
    description: str | None = None


class MemberRecord(Record):
    """A person of the network (members.yaml); `key` is how threads name their author."""

    key: Key
    name: Annotated[str, AfterValidator(bounded(DISPLAY_NAME_MAX))]
    email: Annotated[str, AfterValidator(email_address)]
    organisation: str | None = None
    role: Annotated[MemberRole, BeforeValidator(one_of(MemberRole, "a role"))] = MemberRole.MEMBER


class ThreadRecord(Record):
    """The fields of a thread's opening post (the first block of a thread file)."""

    title: str
    kind: Annotated[ThreadKind, BeforeValidator(one_of(ThreadKind, "a kind of thread"))]
    author: str
    days_ago: int = Field(ge=0, le=DAYS_AGO_MAX)
    pillars: Annotated[list[Pillar], BeforeValidator(as_list), AfterValidator(_some_pillars)]
    # None: the type of the author's organisation (as when a member leaves it empty).
    organisation_types: Annotated[list[OrgType] | None, BeforeValidator(as_list)] = None
    topics: Annotated[list[str], BeforeValidator(as_list)] = []
    visibility: Annotated[Visibility, BeforeValidator(one_of(Visibility, "a visibility"))] = (
        Visibility.PUBLIC
    )
    closed: bool = False


class ReplyRecord(Record):
    """The fields of a reply (each later block of a thread file)."""

    author: str
    hours_after: int = Field(ge=0)
    accepted: bool = False


R = TypeVar("R", bound=Record)

# Pydantic's wording, as someone who edits a data file needs to read it.
_MESSAGES = {
    "missing": "is required",
    "int_parsing": "should be a whole number, e.g. 12",
    "int_type": "should be a whole number, e.g. 12",
    "bool_parsing": "should be true or false",
    "bool_type": "should be true or false",
    "string_type": "should be a text",
    "list_type": "should be a list, e.g. [A, B]",
    "model_type": "should be fields, one 'name: value' a line",
    "model_attributes_type": "should be fields, one 'name: value' a line",
}


def validate(
    model: type[R], value: Any
) -> tuple[R | None, list[tuple[tuple[str | int, ...], str]]]:
    """Validate one entry: the record, or None and each error as (path in the entry, message)."""
    try:
        return model.model_validate(value), []
    except ValidationError as exc:
        return None, [(tuple(e["loc"]), _message(model, e)) for e in exc.errors()]


def _message(model: type[Record], error: Any) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "is not a field here (the fields are: " + ", ".join(model.model_fields) + ")"
    if kind == "greater_than_equal":
        if error["loc"][-1] == "hours_after":
            return "should be 0 or more: a reply cannot come before its thread's start"
        return f"should be {error['ctx']['ge']} or more"
    if kind == "less_than_equal":
        return f"should be at most {error['ctx']['le']}"
    return _MESSAGES.get(kind, str(error["msg"]))
