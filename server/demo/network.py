"""The demo network read from its data files and checked as a whole, before anything is written.

`read_network()` reads `server/demo/data/` (or another folder laid out the same way), validates
every entry and what the entries say about each other, and either returns the network or
raises `DemoDataError` listing every problem with its file and line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, Generic, TypeVar

from server.demo.gatherings import Gatherings, read_gatherings
from server.demo.records import (
    KEY_PATTERN,
    MemberRecord,
    OrganisationRecord,
    Record,
    ReplyRecord,
    ThreadRecord,
    validate,
)
from server.demo.source import (
    DemoDataError,
    Located,
    Problem,
    ValuePath,
    read_posts,
    read_text,
    read_yaml,
)
from server.domain import MemberRole
from server.services.validation import BODY_MAX, TITLE_MAX, Collector

ORGANISATIONS_FILE = "organisations.yaml"
MEMBERS_FILE = "members.yaml"
THREADS_FOLDER = "threads"

R = TypeVar("R", bound=Record)
# Stands for every name of a file that could not be read: no reference to it is reported.
ANY = "*"


def excused(name: str, invalid: set[str]) -> bool:
    """Whether a name that was not found belongs to an entry already reported as invalid."""
    return name in invalid or ANY in invalid


@dataclass(frozen=True)
class Entry(Generic[R]):
    """A validated record and where it came from, to name that place in later problems."""

    record: R
    file: str
    located: Located
    path: ValuePath = ()  # where the entry sits in its file: (index,) in a list file

    def problem(self, field: str, message: str) -> Problem:
        return Problem(self.file, self.located.line_of((*self.path, field)), field, message)


@dataclass(frozen=True)
class Post(Generic[R]):
    """A post of a thread file: its fields, and its Markdown body starting on `body_line`."""

    entry: Entry[R]
    body: str
    body_line: int


@dataclass(frozen=True)
class DemoThread:
    """A thread file: the opening post and the replies in the order they were posted."""

    slug: str
    opening: Post[ThreadRecord]
    replies: list[Post[ReplyRecord]]


@dataclass(frozen=True)
class DemoNetwork:
    """Everything the demo data holds, checked. One list per kind of content."""

    organisations: list[Entry[OrganisationRecord]]
    members: list[Entry[MemberRecord]]
    threads: list[DemoThread]
    gatherings: Gatherings = field(default_factory=lambda: Gatherings([], []))

    def counts(self) -> dict[str, int]:
        """How many of each kind of content there is, as the CLI reports it."""
        return {
            "organisations": len(self.organisations),
            "members": len(self.members),
            "threads": len(self.threads),
            "replies": sum(len(thread.replies) for thread in self.threads),
            # Optional files: counted when the data has them.
            **({"applications": n} if (n := len(self.gatherings.applications)) else {}),
            **({"events": n} if (n := len(self.gatherings.events)) else {}),
        }


def default_folder() -> Traversable:
    """The demo data that ships with the forum (inside the package, so also in a wheel)."""
    return files("server.demo") / "data"


def read_network(folder: Traversable | None = None) -> DemoNetwork:
    """Read and check the demo data; raises DemoDataError naming every problem found."""
    folder = folder if folder is not None else default_folder()
    problems: list[Problem] = []
    # Slugs and keys of entries with problems of their own: naming them elsewhere is not
    # another problem.
    bad_slugs: set[str] = set()
    bad_keys: set[str] = set()
    organisations = read_list(folder, ORGANISATIONS_FILE, OrganisationRecord, problems, bad_slugs)
    members = read_list(folder, MEMBERS_FILE, MemberRecord, problems, bad_keys)
    slugs = _unique(organisations, "slug", lambda r: r.slug, problems)
    keys = _unique(members, "key", lambda r: r.key, problems)
    _unique(members, "email", lambda r: r.email.lower(), problems)
    for member in members:
        organisation = member.record.organisation
        if (
            organisation is not None
            and organisation not in slugs
            and not excused(organisation, bad_slugs)
        ):
            message = f"{organisation!r} is not in {ORGANISATIONS_FILE}"
            problems.append(member.problem("organisation", message))
    moderators = any(m.record.role in {MemberRole.MODERATOR, MemberRole.ADMIN} for m in members)
    threads = _read_threads(folder, _Authors(keys, bad_keys, moderators), problems)
    gatherings = read_gatherings(folder, set(keys) | bad_keys, set(slugs) | bad_slugs, problems)
    if problems:
        raise DemoDataError(problems)
    return DemoNetwork(organisations, members, threads, gatherings)


def read_list(
    folder: Traversable,
    name: str,
    model: type[R],
    problems: list[Problem],
    invalid: set[str] | None = None,
) -> list[Entry[R]]:
    """A YAML file holding a list of entries of one kind; the valid ones are returned.

    The first field of an invalid entry (its slug or key) goes into `invalid`; `ANY` when
    the file could not be read at all.
    """
    invalid = invalid if invalid is not None else set()
    resource = folder / name
    if not resource.is_file():
        problems.append(Problem(name, 0, "", "is missing"))
        invalid.add(ANY)
        return []
    text = read_text(resource, name, problems)
    located = read_yaml(text, name, problems) if text is not None else Located(None, ok=False)
    if not located.ok:
        invalid.add(ANY)
        return []
    if located.value is None:
        return []
    if not isinstance(located.value, list):
        message = "should be a list of entries, each starting '- '"
        problems.append(Problem(name, located.line_of(()), "", message))
        invalid.add(ANY)
        return []
    entries = []
    for index, item in enumerate(located.value):
        entry = _entry(model, item, name, located, (index,), problems)
        if entry is not None:
            entries.append(entry)
        elif isinstance(item, dict):
            invalid.add(str(item.get(next(iter(model.model_fields)))))
    return entries


def _entry(
    model: type[R],
    value: Any,
    file: str,
    located: Located,
    path: ValuePath,
    problems: list[Problem],
) -> Entry[R] | None:
    record, errors = validate(model, value)
    for loc, message in errors:
        field = ".".join(part for part in loc if isinstance(part, str))
        problems.append(Problem(file, located.line_of((*path, *loc)), field, message))
    return Entry(record, file, located, path) if record is not None else None


def _unique(
    entries: list[Entry[R]], field: str, value: Callable[[R], str], problems: list[Problem]
) -> dict[str, Entry[R]]:
    """Entries by a field that must be unique; a second use is a problem."""
    seen: dict[str, Entry[R]] = {}
    for entry in entries:
        key = value(entry.record)
        if key in seen:
            first = seen[key].located.line_of((*seen[key].path, field))
            problems.append(entry.problem(field, f"{key!r} is used twice (first on line {first})"))
        else:
            seen[key] = entry
    return seen


@dataclass(frozen=True)
class _Authors:
    """Who may write in the demo threads, as members.yaml says."""

    members: dict[str, Entry[MemberRecord]]
    invalid: set[str]  # keys of members with problems of their own
    has_moderator: bool

    def check(self, entry: Entry[Any], problems: list[Problem]) -> None:
        key = entry.record.author
        author = self.members.get(key)
        if author is None and not excused(key, self.invalid):
            problems.append(entry.problem("author", f"{key!r} is not in {MEMBERS_FILE}"))
        elif author is not None and author.record.organisation is None:
            message = f"{key!r} has no organisation in {MEMBERS_FILE}, so cannot write"
            problems.append(entry.problem("author", message))


def _read_threads(
    folder: Traversable, authors: _Authors, problems: list[Problem]
) -> list[DemoThread]:
    threads_folder = folder / THREADS_FOLDER
    if not threads_folder.is_dir():
        problems.append(Problem(THREADS_FOLDER, 0, "", "the folder of thread files is missing"))
        return []
    threads = []
    for resource in sorted(threads_folder.iterdir(), key=lambda r: r.name):
        file = f"{THREADS_FOLDER}/{resource.name}"
        if resource.name.startswith(".") or not resource.is_file():
            continue
        if not resource.name.endswith(".md"):
            problems.append(Problem(file, 0, "", "is not a thread file: their names end in .md"))
            continue
        slug = resource.name.removesuffix(".md")
        if not KEY_PATTERN.fullmatch(slug):
            message = "a thread file's name is lower-case letters, digits and '-', then .md"
            problems.append(Problem(file, 0, "", message))
        text = read_text(resource, file, problems)
        thread = _thread(slug, file, text, authors, problems) if text is not None else None
        if thread is not None:
            threads.append(thread)
    return threads


def _thread(
    slug: str, file: str, text: str, authors: _Authors, problems: list[Problem]
) -> DemoThread | None:
    """A thread file's posts; None when any is invalid (every problem is reported)."""
    sections = read_posts(text, file, problems)
    opening: Post[ThreadRecord] | None = None
    replies: list[Post[ReplyRecord]] = []
    for number, section in enumerate(sections):
        if not section.fields.ok:
            continue
        if number == 0:
            thread_entry = _entry(
                ThreadRecord, section.fields.value, file, section.fields, (), problems
            )
            if thread_entry is not None:
                opening = Post(thread_entry, section.body, section.body_line)
                _check_opening(opening, authors, problems)
        else:
            reply_entry = _entry(
                ReplyRecord, section.fields.value, file, section.fields, (), problems
            )
            if reply_entry is not None:
                replies.append(Post(reply_entry, section.body, section.body_line))
                _check_post(replies[-1], authors, problems)
    _check_replies(opening, replies, problems)
    if opening is None or len(replies) != len(sections) - 1:
        return None
    return DemoThread(slug, opening, replies)


def _check_opening(opening: Post[ThreadRecord], authors: _Authors, problems: list[Problem]) -> None:
    entry = opening.entry
    check = Collector()
    check.text("title", entry.record.title, label="Title", max_length=TITLE_MAX)
    check.topics("topics", entry.record.topics)
    for error in check.errors:
        problems.append(entry.problem(error.field[-1], error.message))
    _check_post(opening, authors, problems)
    if entry.record.closed and not authors.has_moderator:
        message = f"closing a thread needs a MODERATOR or ADMIN in {MEMBERS_FILE}"
        problems.append(entry.problem("closed", message))


def _check_post(post: Post[Any], authors: _Authors, problems: list[Problem]) -> None:
    check = Collector()
    check.text("body", post.body, label="Body", max_length=BODY_MAX)
    for error in check.errors:
        problems.append(Problem(post.entry.file, post.body_line, "body", error.message))
    authors.check(post.entry, problems)


def _check_replies(
    opening: Post[ThreadRecord] | None, replies: list[Post[ReplyRecord]], problems: list[Problem]
) -> None:
    """Replies in the order they were posted, none in the future, at most one accepted."""
    previous = 0
    accepted: Entry[ReplyRecord] | None = None
    for reply in replies:
        entry = reply.entry
        hours = entry.record.hours_after
        if hours < previous:
            message = (
                f"{hours} is earlier than the reply above ({previous}): replies are written "
                "in the order they were posted"
            )
            problems.append(entry.problem("hours_after", message))
        previous = max(previous, hours)
        if opening is not None and hours > opening.entry.record.days_ago * 24:
            days = opening.entry.record.days_ago
            message = f"{hours} hours after a start {days} days ago is in the future"
            problems.append(entry.problem("hours_after", message))
        if entry.record.accepted and accepted is not None:
            first = accepted.located.line_of(("accepted",))
            message = f"only one reply is accepted (the one on line {first} is)"
            problems.append(entry.problem("accepted", message))
        elif entry.record.accepted:
            accepted = entry
