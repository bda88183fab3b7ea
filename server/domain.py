"""The forum's vocabulary: enumerations shared by the models, services and schema.

The enumerations are StrEnums whose values are the strings stored in the database and
sent in events: a member compares equal to its stored text.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

# An organisation's short name in URLs and in MOIN_OIDC_PROVIDERS, e.g. `acme-agency`.
ORGANISATION_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


class RoarPillar(enum.StrEnum):
    ROUTES_AND_DIRECTIONS = "ROUTES_AND_DIRECTIONS"
    ORGANISATIONAL_CAPACITY = "ORGANISATIONAL_CAPACITY"
    ASSESSMENT = "ASSESSMENT"
    RISKS_AND_REWARDS = "RISKS_AND_REWARDS"


class OrganisationType(enum.StrEnum):
    GOVERNMENT_DEPARTMENT = "GOVERNMENT_DEPARTMENT"
    PUBLIC_BANK = "PUBLIC_BANK"
    INTERNATIONAL_AGENCY = "INTERNATIONAL_AGENCY"
    STRATEGIC_DESIGN_AGENCY = "STRATEGIC_DESIGN_AGENCY"
    RESEARCH_INNOVATION_AGENCY = "RESEARCH_INNOVATION_AGENCY"
    DIGITAL_AGENCY = "DIGITAL_AGENCY"
    LOCAL_REGIONAL_GOVERNMENT = "LOCAL_REGIONAL_GOVERNMENT"
    SPACE_AGENCY = "SPACE_AGENCY"
    RESEARCH_INSTITUTE = "RESEARCH_INSTITUTE"


class ThreadKind(enum.StrEnum):
    CHALLENGE = "CHALLENGE"
    DISCUSSION = "DISCUSSION"
    CASE_EXAMPLE = "CASE_EXAMPLE"


class ThreadStatus(enum.StrEnum):
    OPEN = "OPEN"
    ANSWERED = "ANSWERED"
    CLOSED = "CLOSED"


class Visibility(enum.StrEnum):
    PUBLIC = "PUBLIC"
    MEMBERS = "MEMBERS"


class MemberRole(enum.StrEnum):
    MEMBER = "MEMBER"
    RESEARCHER = "RESEARCHER"
    MODERATOR = "MODERATOR"
    ADMIN = "ADMIN"


class ApplicationStatus(enum.StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class EventFormat(enum.StrEnum):
    ONLINE = "ONLINE"
    IN_PERSON = "IN_PERSON"
    HYBRID = "HYBRID"


class ThreadOrder(enum.StrEnum):
    LAST_ACTIVITY = "LAST_ACTIVITY"
    NEWEST = "NEWEST"
    MOST_REPLIES = "MOST_REPLIES"
    FEWEST_REPLIES = "FEWEST_REPLIES"
    OLDEST_UNANSWERED = "OLDEST_UNANSWERED"


class OrganisationOrder(enum.StrEnum):
    """How to order the directory of organisations."""

    NAME = "NAME"
    LAST_ACTIVITY = "LAST_ACTIVITY"


class ThreadChange(enum.StrEnum):
    """What changed in a thread, as its live updates say."""

    REPLY_ADDED = "REPLY_ADDED"
    POST_EDITED = "POST_EDITED"
    ANSWER_ACCEPTED = "ANSWER_ACCEPTED"
    STATUS_CHANGED = "STATUS_CHANGED"
    POST_HIDDEN = "POST_HIDDEN"
    POST_SHOWN = "POST_SHOWN"


class FollowKind(enum.StrEnum):
    """What a follow follows."""

    THREAD = "THREAD"
    PILLAR = "PILLAR"
    ORGANISATION_TYPE = "ORGANISATION_TYPE"
    TOPIC = "TOPIC"
    ORGANISATION = "ORGANISATION"


class NotificationReason(enum.StrEnum):
    """Why a member was notified."""

    REPLY = "REPLY"
    EXPERT_REPLY = "EXPERT_REPLY"
    ANSWER_ACCEPTED = "ANSWER_ACCEPTED"
    NEW_THREAD = "NEW_THREAD"
    MENTION = "MENTION"
    MEMBERSHIP = "MEMBERSHIP"
    EVENT = "EVENT"
    PARTNERS = "PARTNERS"


class EmailFrequency(enum.StrEnum):
    """How often a member is e-mailed about their notifications."""

    IMMEDIATELY = "IMMEDIATELY"
    DAILY = "DAILY"
    WEEKLY = "WEEKLY"
    NEVER = "NEVER"


@dataclass(frozen=True)
class PillarText:
    title: str
    description: str


PILLARS: dict[RoarPillar, PillarText] = {
    RoarPillar.ROUTES_AND_DIRECTIONS: PillarText(
        "Routes and directions",
        "Routes and directions: directionality, which missions and how to choose them.",
    ),
    RoarPillar.ORGANISATIONAL_CAPACITY: PillarText(
        "Organisational capacity",
        "Organisational capacity: building public organisations able to explore, "
        "experiment and take risks.",
    ),
    RoarPillar.ASSESSMENT: PillarText(
        "Assessment",
        "Assessment: evaluating dynamic, market-shaping public investment beyond static "
        "cost-benefit analysis.",
    ),
    RoarPillar.RISKS_AND_REWARDS: PillarText(
        "Risks and rewards",
        "Risks and rewards: who invests, who bears the risk, and how the rewards are shared.",
    ),
}

# Pillars and organisation types are stored as bit sets: "any of" filters become one
# bitwise test on the thread row, with no join, on both databases.
_PILLAR_BITS = {p: 1 << i for i, p in enumerate(RoarPillar)}
_TYPE_BITS = {t: 1 << i for i, t in enumerate(OrganisationType)}


def pillars_to_mask(pillars: list[RoarPillar] | set[RoarPillar]) -> int:
    mask = 0
    for pillar in pillars:
        mask |= _PILLAR_BITS[pillar]
    return mask


def mask_to_pillars(mask: int) -> list[RoarPillar]:
    return [p for p, bit in _PILLAR_BITS.items() if mask & bit]


def types_to_mask(types: list[OrganisationType] | set[OrganisationType]) -> int:
    mask = 0
    for org_type in types:
        mask |= _TYPE_BITS[org_type]
    return mask


def mask_to_types(mask: int) -> list[OrganisationType]:
    return [t for t, bit in _TYPE_BITS.items() if mask & bit]
