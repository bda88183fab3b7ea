"""The domain's enumerations, exposed as GraphQL enums with their descriptions."""

from __future__ import annotations

import enum

import strawberry

from server import domain
from server.services.errors import UserErrorCode as _UserErrorCode


def _expose(cls: type[enum.Enum], description: str | None, values: dict[str, str]) -> None:
    """Register a domain enum with strawberry (in place), with value descriptions."""
    exposed = strawberry.enum(cls, description=description)
    # strawberry.enum returns the class it was given, typed without the definition it adds.
    for value in exposed.__strawberry_definition__.values:  # type: ignore[attr-defined]
        value.description = values.get(value.name)


RoarPillar = domain.RoarPillar
_expose(
    RoarPillar,
    "The four pillars of the ROAR framework (Mazzucato 2016).",
    {pillar.name: text.description for pillar, text in domain.PILLARS.items()},
)
OrganisationType = domain.OrganisationType
_expose(
    OrganisationType,
    "The kinds of public-sector organisation that make up the network.",
    {
        "RESEARCH_INSTITUTE": "The host institute and other academic partners, home of the "
        "network's researchers.",
    },
)
ThreadKind = domain.ThreadKind
_expose(
    ThreadKind,
    "What a thread is for.",
    {
        "CHALLENGE": "A member organisation describes a challenge it faces and asks the network.",
        "DISCUSSION": "An open discussion.",
        "CASE_EXAMPLE": "A case example of practice, shared for others to learn from.",
    },
)
ThreadStatus = domain.ThreadStatus
_expose(
    ThreadStatus,
    "Where a thread stands.",
    {
        "OPEN": "Open for replies.",
        "ANSWERED": "The thread's author (or a moderator) accepted a reply as the answer.",
        "CLOSED": "Locked: no new replies.",
    },
)
Visibility = domain.Visibility
_expose(
    Visibility,
    "Who may read a thread.",
    {
        "PUBLIC": "Anyone may read it, and partner sites may embed it.",
        "MEMBERS": "Only signed-in members of the network may read it.",
    },
)
MemberRole = domain.MemberRole
_expose(
    MemberRole,
    "What a member may do beyond reading and writing.",
    {
        "MEMBER": "A member of a member organisation.",
        "RESEARCHER": "A researcher of the network; their replies are expert replies.",
        "MODERATOR": "Closes threads and edits posts.",
        "ADMIN": "Manages organisations, roles and partner keys.",
    },
)
ThreadOrder = domain.ThreadOrder
_expose(
    ThreadOrder,
    "How to order a list of threads (with a search, within each group of relevance: see "
    "ThreadFilter.search).",
    {
        "LAST_ACTIVITY": "Most recent reply (or start) first.",
        "NEWEST": "Most recently started first.",
        "MOST_REPLIES": "Most replies first.",
        "FEWEST_REPLIES": "Fewest replies first; among equals, the oldest first.",
        "OLDEST_UNANSWERED": "Threads without an accepted answer first, oldest started first; "
        "then the answered ones, oldest first.",
    },
)
OrganisationOrder = domain.OrganisationOrder
_expose(
    OrganisationOrder,
    "How to order the directory of organisations.",
    {
        "NAME": "By name, A to Z (the default).",
        "LAST_ACTIVITY": "The organisation whose members last started a thread or posted a "
        "reply that you may read comes first (hidden posts and threads do not count); "
        "organisations without any such activity follow, by name.",
    },
)
ThreadChange = domain.ThreadChange
_expose(
    ThreadChange,
    "What changed in a thread (see Subscription.threadUpdated).",
    {
        "REPLY_ADDED": "A reply was posted: the counts and last activity changed.",
        "POST_EDITED": "A post's body was edited.",
        "ANSWER_ACCEPTED": "A reply was accepted as the answer.",
        "STATUS_CHANGED": "The thread was closed or reopened.",
        "POST_HIDDEN": "A moderator hid a post (a reply leaves the counts; the opening post "
        "hides the thread).",
        "POST_SHOWN": "A moderator showed a hidden post again.",
    },
)
UserErrorCode = _UserErrorCode
_expose(
    UserErrorCode,
    "What is wrong with an input field.",
    {
        "INVALID": "Not a valid value (or an ID of nothing you can see).",
        "TOO_LONG": "Over the length or count limit.",
        "TOO_SHORT": "Under the length limit.",
        "REQUIRED": "Missing or empty.",
        "DUPLICATE": "Already used.",
        "CLOSED": "The thread is closed.",
        "TOO_COMPLEX": "Markdown that would cost too much to render (too many brackets, too "
        "deeply nested, or over the time a render may take); the message names the limit.",
    },
)
NotificationReason = domain.NotificationReason
_expose(
    NotificationReason,
    "Why a member was notified.",
    {
        "REPLY": "A reply in a thread the member follows (their own threads and threads they "
        "replied to are followed by default).",
        "EXPERT_REPLY": "A researcher's reply in a thread the member follows.",
        "ANSWER_ACCEPTED": "An answer was accepted in a thread the member follows.",
        "NEW_THREAD": "A new thread matching a pillar, organisation type, topic or "
        "organisation the member follows.",
        "MENTION": "Someone wrote @name of the member in a post.",
        "MEMBERSHIP": "News about the member's organisation's membership or an invitation.",
        "EVENT": "An event the member may attend, or one they said they attend changed.",
        "PARTNERS": "For admins: news about partner sites, e.g. a webhook endpoint disabled "
        "after its deliveries failed for a day.",
    },
)
EmailFrequency = domain.EmailFrequency
_expose(
    EmailFrequency,
    "How often a member is e-mailed about their notifications.",
    {
        "IMMEDIATELY": "One e-mail per notification, as it happens.",
        "DAILY": "One digest a day of what happened, none when nothing did.",
        "WEEKLY": "One digest a week of what happened, none when nothing did.",
        "NEVER": "No e-mail.",
    },
)
ApplicationStatus = domain.ApplicationStatus
_expose(
    ApplicationStatus,
    "Where an application to join the network stands.",
    {
        "PENDING": "Waiting for the secretariat's decision.",
        "APPROVED": "Approved: the organisation is a member, its contact was invited.",
        "REJECTED": "Not approved; the contact was told why.",
    },
)
EventFormat = domain.EventFormat
_expose(
    EventFormat,
    "How an event is held.",
    {
        "ONLINE": "Online only: attendees get the join link.",
        "IN_PERSON": "In person, at its location.",
        "HYBRID": "In person, and online for those who cannot travel.",
    },
)
