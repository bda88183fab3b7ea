"""The demo network read from its data files and checked as a whole, before anything is written.

`read_network()` reads `server/demo/data/` (or another folder laid out the same way), validates
every entry and what the entries say about each other, and either returns the network or
raises `DemoDataError` listing every problem with its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, Generic, TypeVar

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
    Path,
    Problem,
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


@dataclass(frozen=True)
class Entry(Generic[R]):
    """A validated record and where it came from, to name that place in later problems."""

    record: R
    file: str
    located: Located
    path: Path = ()  # where the entry sits in its file: (index,) in a list file

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

    @property
    def reply_count(self) -> int:
        return sum(len(thread.replies) for thread in self.threads)


def default_folder() -> Traversable:
    """The demo data that ships with the forum (inside the package, so also in a wheel)."""
    return files("server.demo") / "data"


def read_network(folder: Traversable | None = None) -> DemoNetwork:
    """Read and check the demo data; raises DemoDataError naming every problem found."""
    folder = folder if folder is not None else default_folder()
    problems: list[Problem] = []
    network = DemoNetwork(
        organisations=read_list(folder, ORGANISATIONS_FILE, OrganisationRecord, problems),
        members=read_list(folder, MEMBERS_FILE, MemberRecord, problems),
        threads=_read_threads(folder, problems),
    )
    _check_references(network, problems)
    if problems:
        raise DemoDataError(problems)
    return network


def read_list(
    folder: Traversable, name: str, model: type[R], problems: list[Problem]
) -> list[Entry[R]]:
    """A YAML file holding a list of entries of one kind; the valid ones are returned."""
    resource = folder / name
    if not resource.is_file():
        problems.append(Problem(name, 0, "", "is missing"))
        return []
    text = read_text(resource, name, problems)
    located = read_yaml(text, name, problems) if text is not None else Located(None)
    if located.value is None:
        return []
    if not isinstance(located.value, list):
        problems.append(
            Problem(
                name, located.line_of(()), "", "should be a list of entries, each starting '- '"
            )
        )
        return []
    entries = []
    for index, item in enumerate(located.value):
        entry = _entry(model, item, name, located, (index,), problems)
        if entry is not None:
            entries.append(entry)
    return entries


def _entry(
    model: type[R], value: Any, file: str, located: Located, path: Path, problems: list[Problem]
) -> Entry[R] | None:
    record, errors = validate(model, value)
    for loc, message in errors:
        field = ".".join(part for part in loc if isinstance(part, str))
        problems.append(Problem(file, located.line_of((*path, *loc)), field, message))
    return Entry(record, file, located, path) if record is not None else None


def _read_threads(folder: Traversable, problems: list[Problem]) -> list[DemoThread]:
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
            problems.append(
                Problem(file, 0, "", "a thread file's name is lower-case letters, digits and '-'")
            )
        text = read_text(resource, file, problems)
        thread = _thread(slug, file, text, problems) if text is not None else None
        if thread is not None:
            threads.append(thread)
    return threads


def _thread(slug: str, file: str, text: str, problems: list[Problem]) -> DemoThread | None:
    sections = read_posts(text, file, problems)
    posts: list[Post[Any]] = []
    for number, section in enumerate(sections):
        model: type[Record] = ThreadRecord if number == 0 else ReplyRecord
        entry = _entry(model, section.fields.value, file, section.fields, (), problems)
        if entry is not None:
            posts.append(Post(entry, section.body, section.body_line))
    if len(posts) < len(sections) or not posts:
        return None  # the problems are reported; the rest of the file is still checked
    return DemoThread(slug, posts[0], posts[1:])


def _check_references(network: DemoNetwork, problems: list[Problem]) -> None:
    """What entries say about each other: slugs and keys used once, authors who can write."""
    slugs = _unique(network.organisations, "slug", lambda r: r.slug, problems)
    members = _unique(network.members, "key", lambda r: r.key, problems)
    _unique(network.members, "email", lambda r: r.email.lower(), problems)
    for member in network.members:
        organisation = member.record.organisation
        if organisation is not None and organisation not in slugs:
            problems.append(
                member.problem("organisation", f"{organisation!r} is not in {ORGANISATIONS_FILE}")
            )
    moderators = [m for m in network.members if m.record.role in _MODERATORS]
    for thread in network.threads:
        _check_thread(thread, members, bool(moderators), problems)


_MODERATORS = {MemberRole.MODERATOR, MemberRole.ADMIN}


def _check_thread(
    thread: DemoThread,
    members: dict[str, Entry[MemberRecord]],
    has_moderator: bool,
    problems: list[Problem],
) -> None:
    opening = thread.opening.entry
    record = opening.record
    check = Collector()
    check.text("title", record.title, label="Title", max_length=TITLE_MAX)
    check.topics("topics", record.topics)
    for error in check.errors:
        problems.append(opening.problem(error.field[-1], error.message))
    _check_post(thread.opening, members, problems)
    if record.closed and not has_moderator:
        problems.append(
            opening.problem(
                "closed", f"closing a thread needs a MODERATOR or ADMIN in {MEMBERS_FILE}"
            )
        )
    previous = 0
    accepted: Entry[ReplyRecord] | None = None
    for reply in thread.replies:
        entry = reply.entry
        _check_post(reply, members, problems)
        hours = entry.record.hours_after
        if hours < previous:
            problems.append(
                entry.problem(
                    "hours_after",
                    f"{hours} is earlier than the reply above ({previous}): replies are "
                    "written in the order they were posted",
                )
            )
        if hours > record.days_ago * 24:
            problems.append(
                entry.problem(
                    "hours_after",
                    f"{hours} hours after a start {record.days_ago} days ago is in the future",
                )
            )
        previous = max(previous, hours)
        if entry.record.accepted:
            if accepted is not None:
                first = accepted.located.line_of(("accepted",))
                problems.append(
                    entry.problem(
                        "accepted", f"only one reply is accepted (the one on line {first} is)"
                    )
                )
            accepted = accepted or entry


def _check_post(
    post: Post[Any], members: dict[str, Entry[MemberRecord]], problems: list[Problem]
) -> None:
    entry = post.entry
    check = Collector()
    check.text("body", post.body, label="Body", max_length=BODY_MAX)
    for error in check.errors:
        problems.append(Problem(entry.file, post.body_line, "body", error.message))
    author = members.get(entry.record.author)
    if author is None:
        problems.append(
            entry.problem("author", f"{entry.record.author!r} is not in {MEMBERS_FILE}")
        )
    elif author.record.organisation is None:
        problems.append(
            entry.problem(
                "author",
                f"{entry.record.author!r} has no organisation in {MEMBERS_FILE}, so cannot write",
            )
        )


def _unique(
    entries: list[Entry[R]], field: str, value: Any, problems: list[Problem]
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
