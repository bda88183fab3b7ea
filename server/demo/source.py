"""Reading the demo data files: YAML values that remember their line, Markdown posts with fields.

Everything here is about text and lines; what the values mean is `server.demo.records`' business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from typing import Any

import yaml

# A path to a value inside one file: mapping keys and list indexes, e.g. (3, "pillars", 1).
ValuePath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the demo data, where an editor can find it."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class DemoDataError(Exception):
    """The demo data has problems; nothing was loaded. `problems` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        heading = f"the demo data has {count} problem{'s' if count != 1 else ''}"
        super().__init__("\n".join([heading + ":", *(f"  {p}" for p in self.problems)]))


@dataclass
class Located:
    """A value read from a file, with the line of each value inside it (1-based)."""

    value: Any
    lines: dict[ValuePath, int] = field(default_factory=dict)
    ok: bool = True  # false: the text could not be read as a value (the problem is reported)

    def line_of(self, path: ValuePath) -> int:
        """The line of the deepest value on `path` in the file (a missing field: its parent's)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 0


class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML that reads every plain value as text (and an empty one as nothing).

    YAML 1.1 would read the country code `NO` as false, `on` as true and `1.10` as a
    number; the field's type decides instead (see `server.demo.records`).
    """


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_NULL = "tag:yaml.org,2002:null"

# What a YAML error usually means to someone who edits these files, by PyYAML's wording.
_HINTS = {
    "mapping values are not allowed": (
        "the fields of one entry start in the same column, and a value with ': ' in it needs "
        'double quotes around it, e.g. title: "Green steel: targets or lead markets?"'
    ),
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "expected <block end>, but found": "the lines of one entry must start in the same column",
}


def read_yaml(text: str, file: str, problems: list[Problem], *, first_line: int = 1) -> Located:
    """Parse YAML text; a syntax error becomes a problem (and the value None).

    `first_line` is the line of the file on which `text` starts (front matter starts on 2).
    """
    loader = _TextLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        message = " ".join(filter(None, [exc.context, exc.problem]))
        hint = next((h for key, h in _HINTS.items() if key in message), None)
        problems.append(
            Problem(file, line, "", f"not valid YAML: {message}" + (f" ({hint})" if hint else ""))
        )
        return Located(None, ok=False)
    except yaml.YAMLError as exc:  # the reader's errors carry no mark
        problems.append(Problem(file, first_line, "", f"not valid YAML: {exc}"))
        return Located(None, ok=False)
    finally:
        loader.dispose()
    located = Located(None)
    if node is not None:
        located.value = _value(node, (), located.lines, first_line, file, problems)
    return located


# The data nests three levels at most; YAML aliases could make a value contain itself.
_DEPTH_MAX = 20


def _value(
    node: yaml.Node,
    path: ValuePath,
    lines: dict[ValuePath, int],
    first: int,
    file: str,
    out: list[Problem],
) -> Any:
    lines.setdefault(path, first + node.start_mark.line)
    if len(path) > _DEPTH_MAX:
        out.append(Problem(file, lines[path], "", "is nested too deeply (an alias to itself?)"))
        return None
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            line = first + key_node.start_mark.line
            if key in mapping:
                first_at = lines[(*path, key)]
                out.append(Problem(file, line, key, f"given twice (first on line {first_at})"))
                continue
            lines[(*path, key)] = line
            # The key's line is where an editor looks for the field (its value may follow).
            mapping[key] = _value(value_node, (*path, key), lines, first, file, out)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [
            _value(item, (*path, index), lines, first, file, out)
            for index, item in enumerate(node.value)
        ]
    if node.tag == _NULL:
        return None
    return str(node.value)


# A line of exactly three dashes closes a post's fields, and opens the next post's when the
# line after it is a field ("author: ..."): elsewhere in a body it is Markdown's own rule.
_FENCE = re.compile(r"---[ \t]*")
_FIELD = re.compile(r"[A-Za-z_][\w-]*[ \t]*:")
_STRAY_FENCE = "a line of three dashes followed by a field starts a reply's fields"


@dataclass
class Section:
    """One post of a Markdown file: its fields (YAML between `---` lines) and its body."""

    fields: Located
    body: str
    body_line: int  # the first line after the closing `---`


def read_posts(text: str, file: str, problems: list[Problem]) -> list[Section]:
    """Split a Markdown file into posts, each `---`, fields, `---`, then its Markdown body.

    Sections whose fields could not be read are returned with `fields.ok` false (the
    problem is reported), so that the posts after them are still checked.
    """
    lines = text.split("\n")
    fences = [n for n, line in enumerate(lines) if _FENCE.fullmatch(line)]
    opening = next((n for n, line in enumerate(lines) if line.strip()), None)
    if opening is None or opening not in fences:
        line = (opening or 0) + 1
        message = "a thread file starts with a line '---', then the thread's fields, then '---'"
        problems.append(Problem(file, line, "", message))
        return []
    sections: list[Section] = []
    while opening is not None:
        closing = next((n for n in fences if n > opening), None)
        if closing is None:
            message = "the fields that start here are not closed by a line '---'"
            problems.append(Problem(file, opening + 1, "", message))
            break
        located = read_yaml(
            "\n".join(lines[opening + 1 : closing]), file, problems, first_line=opening + 2
        )
        if located.ok and located.value is None:
            located.value, located.lines[()] = {}, opening + 1
        elif located.ok and not isinstance(located.value, dict):
            located.ok = False
            message = (
                f"between two '---' lines come fields, one 'name: value' a line ({_STRAY_FENCE})"
            )
            problems.append(Problem(file, opening + 2, "", message))
        following = (n for n in fences if n > closing and _FIELD.match(_line(lines, n + 1)))
        next_opening = next(following, None)
        body = "\n".join(lines[closing + 1 : next_opening]).strip()
        sections.append(Section(located, body, closing + 2))
        opening = next_opening
    return sections


def _line(lines: list[str], index: int) -> str:
    return lines[index] if index < len(lines) else ""


def read_text(resource: Traversable, file: str, problems: list[Problem]) -> str | None:
    """A data file's text (UTF-8, any line endings), or None with a problem."""
    try:
        raw = resource.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(file, 0, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})"))
        return None
    except OSError as exc:
        problems.append(Problem(file, 0, "", f"cannot be read: {exc.strerror or exc}"))
        return None
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # The forum stores no control characters (PostgreSQL refuses NUL): say where one hides.
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        code = f"U+{ord(control.group()):04X}"
        problems.append(Problem(file, line, "", f"has an invisible control character ({code})"))
        return None
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
