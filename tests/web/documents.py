"""The web client's GraphQL documents, generated from `web/graphql/*.graphql`.

The client has no build step, yet its documents must be static strings (a server-side
loader registers them as persisted queries by their SHA-256; compiled plans are made from
them) with fragments written once. So the documents are written as GraphQL in
`web/graphql/<view>.graphql` (shared fragments in `fragments.graphql`), and this module
writes, next to them:

- `<view>.js`: one exported constant per operation (`query Feed` -> `FEED_QUERY`), the
  operation followed by every fragment it uses, exactly the text the client sends;
- `types.d.ts`: TypeScript types of every operation's data and variables, of the fragments,
  input objects and enums, so that `tsc` checks what the views read and send;
- `enums.js`: the values of the schema's enums, for validating URL parameters;
- `documents.json`: operation name -> document text, for a server-side loader.

Every document is validated against `schema.graphql` (kept current by a test). Run

    .venv/bin/python -m tests.web.documents

after editing a `.graphql` file; `tests/web/test_javascript.py` fails while the generated
files are stale or a document is invalid.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLAbstractType,
    GraphQLEnumType,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLType,
    GraphQLUnionType,
    InlineFragmentNode,
    Node,
    OperationDefinitionNode,
    SchemaMetaFieldDef,
    SelectionSetNode,
    Source,
    TypeMetaFieldDef,
    Undefined,
    build_schema,
    get_named_type,
    parse,
    print_ast,
    type_from_ast,
    validate,
)

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "web" / "graphql"
SCHEMA = ROOT / "schema.graphql"
COMMAND = ".venv/bin/python -m tests.web.documents"

# Scalars as JSON carries them. DateTime is an ISO 8601 string.
SCALARS = {
    "ID": "string",
    "String": "string",
    "Int": "number",
    "Float": "number",
    "Boolean": "boolean",
    "DateTime": "string",
}
TYPENAME = "\x00typename\x00"  # stands for the union of names of types that share a shape
SUFFIX = {"query": "_QUERY", "mutation": "_MUTATION", "subscription": "_SUBSCRIPTION"}


class DocumentError(Exception):
    """A `.graphql` source the generator refuses, with file and line."""


@dataclass(frozen=True)
class Operation:
    name: str
    constant: str
    source: str  # the .graphql file's stem
    text: str  # the document the client sends: the operation and its fragments
    node: OperationDefinitionNode


def _where(error: GraphQLError) -> str:
    source = error.source.name if error.source else "?"
    line = error.locations[0].line if error.locations else 0
    return f"web/graphql/{source}:{line}"


def _where_node(node: Node) -> str:
    if node.loc is None:
        return "web/graphql"
    return f"web/graphql/{node.loc.source.name}:{node.loc.source.get_location(node.loc.start).line}"


def upper_snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


def _spreads(selection_set: SelectionSetNode | None) -> Iterator[str]:
    if selection_set is None:
        return
    for selection in selection_set.selections:
        if isinstance(selection, FragmentSpreadNode):
            yield selection.name.value
        elif isinstance(selection, FieldNode | InlineFragmentNode):
            yield from _spreads(selection.selection_set)


def _used_fragments(
    root: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode]
) -> list[FragmentDefinitionNode]:
    """The fragments a selection uses, directly or through others, in order of first use."""
    used: dict[str, FragmentDefinitionNode] = {}

    def visit(selection_set: SelectionSetNode) -> None:
        for name in _spreads(selection_set):
            if name not in used and name in fragments:
                used[name] = fragments[name]
                visit(fragments[name].selection_set)

    visit(root)
    return list(used.values())


def load_schema() -> GraphQLSchema:
    return build_schema(SCHEMA.read_text())


def read_sources(
    directory: Path = SOURCES,
) -> tuple[dict[str, list[OperationDefinitionNode]], dict[str, FragmentDefinitionNode]]:
    """Operations by source file stem, and every fragment by name."""
    operations: dict[str, list[OperationDefinitionNode]] = {}
    fragments: dict[str, FragmentDefinitionNode] = {}
    for path in sorted(directory.glob("*.graphql")):
        try:
            document = parse(Source(path.read_text(), path.name))
        except GraphQLError as exc:
            raise DocumentError(f"{_where(exc)}: {exc.message}") from exc
        for definition in document.definitions:
            where = _where_node(definition)
            if isinstance(definition, FragmentDefinitionNode):
                name = definition.name.value
                if name in fragments:
                    raise DocumentError(f"{where}: fragment {name} is defined twice")
                fragments[name] = definition
            elif isinstance(definition, OperationDefinitionNode):
                if definition.name is None:
                    raise DocumentError(f"{where}: every operation needs a name")
                operations.setdefault(path.stem, []).append(definition)
            else:
                raise DocumentError(f"{where}: only operations and fragments belong here")
    return operations, fragments


def build_operations(schema: GraphQLSchema, directory: Path = SOURCES) -> list[Operation]:
    """Every operation as the client sends it, validated against the schema."""
    by_source, fragments = read_sources(directory)
    seen: dict[str, str] = {}
    result: list[Operation] = []
    used_anywhere: set[str] = set()
    problems: list[str] = []
    for stem, nodes in by_source.items():
        for node in nodes:
            assert node.name is not None
            name = node.name.value
            if name in seen:
                problems.append(
                    f"web/graphql/{stem}.graphql: operation {name} is also in {seen[name]}"
                )
                continue
            seen[name] = f"{stem}.graphql"
            used = _used_fragments(node.selection_set, fragments)
            used_anywhere.update(f.name.value for f in used)
            document = DocumentNode(definitions=(node, *used))
            errors = validate(schema, document)
            problems.extend(f"{_where(e)}: {e.message}" for e in errors)
            text = print_ast(document)
            if "`" in text or "\\" in text or "${" in text:
                problems.append(
                    f"web/graphql/{stem}.graphql: {name} cannot be a JS template literal"
                )
            result.append(
                Operation(
                    name=name,
                    constant=upper_snake(name) + SUFFIX[node.operation.value],
                    source=stem,
                    text=text,
                    node=node,
                )
            )
    for name, fragment in fragments.items():
        if name not in used_anywhere:
            problems.append(f"{_where_node(fragment)}: fragment {name} is used by no operation")
    if problems:
        raise DocumentError("\n".join(problems))
    return result


# ------------------------------------------------------------------ types ----


class TypeWriter:
    """TypeScript types for the selections of the documents."""

    def __init__(self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode]):
        self.schema = schema
        self.fragments = fragments
        self.inputs: dict[str, GraphQLInputObjectType] = {}

    def leaf(self, named: GraphQLNamedType) -> str:
        if isinstance(named, GraphQLEnumType):
            return named.name
        if isinstance(named, GraphQLScalarType):
            return SCALARS.get(named.name, "unknown")
        raise TypeError(named)

    def output(self, type_: GraphQLType, selection_set: SelectionSetNode | None, depth: int) -> str:
        """The TypeScript type of a field's value: `| null` unless the schema says non-null."""
        if isinstance(type_, GraphQLNonNull):
            return self._non_null(type_.of_type, selection_set, depth)
        return f"{self._non_null(type_, selection_set, depth)} | null"

    def _non_null(
        self, type_: GraphQLType, selection_set: SelectionSetNode | None, depth: int
    ) -> str:
        if isinstance(type_, GraphQLList):
            return f"Array<{self.output(type_.of_type, selection_set, depth)}>"
        if isinstance(type_, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType):
            assert selection_set is not None, type_
            return self.selection(type_, selection_set, depth)
        assert isinstance(type_, GraphQLNamedType), type_
        return self.leaf(type_)

    def selection(
        self,
        parent: GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType,
        selection_set: SelectionSetNode,
        depth: int,
    ) -> str:
        if isinstance(parent, GraphQLAbstractType):
            # One shape per possible type, so that a check of __typename narrows it.
            # Types with the same selection share one shape, with a union of their names.
            shapes: dict[str, list[str]] = {}
            for possible in self.schema.get_possible_types(parent):
                shape = self._object(possible, selection_set, depth, typename=TYPENAME)
                shapes.setdefault(shape, []).append(possible.name)
            union = [
                shape.replace(TYPENAME, " | ".join(f"'{n}'" for n in sorted(names)))
                for shape, names in shapes.items()
            ]
            return "(" + " | ".join(union) + ")"
        return self._object(parent, selection_set, depth)

    def _applies(self, condition: str | None, object_type: GraphQLObjectType) -> bool:
        if condition is None or condition == object_type.name:
            return True
        named = self.schema.get_type(condition)
        return isinstance(named, GraphQLAbstractType) and self.schema.is_sub_type(
            named, object_type
        )

    def _object(
        self,
        object_type: GraphQLObjectType,
        selection_set: SelectionSetNode,
        depth: int,
        typename: str | None = None,
    ) -> str:
        fields: list[str] = []
        parts: list[str] = []
        self._collect(object_type, selection_set, depth, fields, parts, typename)
        indent = "  " * (depth + 1)
        body = "{\n" + "".join(f"{indent}{f};\n" for f in fields) + "  " * depth + "}"
        if not fields:
            body = "{}" if not parts else ""
        return " & ".join(p for p in [body, *parts] if p)

    def _collect(
        self,
        object_type: GraphQLObjectType,
        selection_set: SelectionSetNode,
        depth: int,
        fields: list[str],
        parts: list[str],
        typename: str | None,
    ) -> None:
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                key = node.alias.value if node.alias else node.name.value
                optional = (
                    "?"
                    if any(d.name.value in ("include", "skip") for d in node.directives or ())
                    else ""
                )
                if node.name.value == "__typename":
                    fields.append(f"{key}{optional}: {typename or repr(object_type.name)}")
                    continue
                if node.name.value == "__type":
                    field_type: GraphQLType = TypeMetaFieldDef.type
                elif node.name.value == "__schema":
                    field_type = SchemaMetaFieldDef.type
                else:
                    field_type = object_type.fields[node.name.value].type
                fields.append(
                    f"{key}{optional}: {self.output(field_type, node.selection_set, depth + 1)}"
                )
            elif isinstance(node, InlineFragmentNode):
                condition = node.type_condition.name.value if node.type_condition else None
                if self._applies(condition, object_type):
                    self._collect(object_type, node.selection_set, depth, fields, parts, typename)
            elif isinstance(node, FragmentSpreadNode):
                fragment = self.fragments[node.name.value]
                if self._applies(fragment.type_condition.name.value, object_type):
                    parts.append(node.name.value)

    def input(self, type_: GraphQLType) -> str:
        """The TypeScript type of a variable or input field: `| null` unless non-null."""
        if isinstance(type_, GraphQLNonNull):
            return self._input_non_null(type_.of_type)
        return f"{self._input_non_null(type_)} | null"

    def _input_non_null(self, type_: GraphQLType) -> str:
        if isinstance(type_, GraphQLList):
            return f"Array<{self.input(type_.of_type)}>"
        if isinstance(type_, GraphQLInputObjectType):
            self._note_input(type_)
            return type_.name
        assert isinstance(type_, GraphQLNamedType), type_
        return self.leaf(type_)

    def _note_input(self, type_: GraphQLInputObjectType) -> None:
        if type_.name in self.inputs:
            return
        self.inputs[type_.name] = type_
        for field in type_.fields.values():
            named = get_named_type(field.type)
            if isinstance(named, GraphQLInputObjectType):
                self._note_input(named)

    def variables(self, node: OperationDefinitionNode) -> str:
        lines = []
        for definition in node.variable_definitions or ():
            type_ = type_from_ast(self.schema, definition.type)
            assert type_ is not None
            optional = not isinstance(type_, GraphQLNonNull) or definition.default_value is not None
            name = definition.variable.name.value
            lines.append(f"  {name}{'?' if optional else ''}: {self.input(type_)};\n")
        return "{\n" + "".join(lines) + "}" if lines else "Record<string, never>"

    def input_object(self, type_: GraphQLInputObjectType) -> str:
        lines = []
        for name, field in type_.fields.items():
            optional = (
                not isinstance(field.type, GraphQLNonNull) or field.default_value is not Undefined
            )
            if field.description:
                lines.append(f"  /** {field.description} */\n")
            lines.append(f"  {name}{'?' if optional else ''}: {self.input(field.type)};\n")
        return "{\n" + "".join(lines) + "}"


def _doc_comment(text: str | None, indent: str = "") -> str:
    if not text:
        return ""
    return f"{indent}/** {' '.join(text.split())} */\n"


def render_types(
    schema: GraphQLSchema, operations: list[Operation], fragments: dict[str, FragmentDefinitionNode]
) -> str:
    writer = TypeWriter(schema, fragments)
    out = [
        f"// Generated from schema.graphql and web/graphql/*.graphql by `{COMMAND}`.\n"
        "// Do not edit: edit the .graphql files and run that command.\n\n"
        "/** A document of the web client whose answer is TData, asked with TVariables. */\n"
        "export type Document<TData, TVariables> = string & {\n"
        "  readonly __document: [TData, TVariables];\n"
        "};\n"
    ]
    for name, fragment in fragments.items():
        condition = schema.get_type(fragment.type_condition.name.value)
        assert isinstance(condition, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType)
        shape = writer.selection(condition, fragment.selection_set, 0)
        out.append(f"\n/** fragment {name} on {condition.name} */\nexport type {name} = {shape};\n")
    for op in operations:
        root = schema.get_root_type(op.node.operation)
        assert root is not None
        data = writer.selection(root, op.node.selection_set, 0)
        out.append(f"\n/** {op.node.operation.value} {op.name} ({op.source}.graphql) */\n")
        out.append(f"export type {op.name}Data = {data};\n")
        out.append(f"export type {op.name}Variables = {writer.variables(op.node)};\n")
    for name in sorted(writer.inputs):
        input_type = writer.inputs[name]
        out.append(
            f"\n{_doc_comment(input_type.description)}"
            f"export interface {name} {writer.input_object(input_type)}\n"
        )
    for enum_type in sorted(_enums(schema), key=lambda t: t.name):
        values = " | ".join(f"'{v}'" for v in enum_type.values)
        out.append(
            f"\n{_doc_comment(enum_type.description)}export type {enum_type.name} = {values};\n"
        )
    return "".join(out)


def _enums(schema: GraphQLSchema) -> Iterable[GraphQLEnumType]:
    return [
        t
        for name, t in schema.type_map.items()
        if isinstance(t, GraphQLEnumType) and not name.startswith("__")
    ]


def render_enums(schema: GraphQLSchema) -> str:
    out = [
        "// @ts-check\n"
        f"// Generated from schema.graphql by `{COMMAND}`: the values of the API's enums.\n"
    ]
    for type_ in sorted(_enums(schema), key=lambda t: t.name):
        values = ", ".join(f"'{v}'" for v in type_.values)
        out.append(
            f"\n/** @type {{ReadonlyArray<import('./types').{type_.name}>}} */\n"
            f"export const {upper_snake(type_.name)}_VALUES = Object.freeze([{values}]);\n"
        )
    return "".join(out)


def render_module(stem: str, operations: list[Operation]) -> str:
    names = [
        "Document",
        *(f"{op.name}{part}" for op in operations for part in ("Data", "Variables")),
    ]
    out = [
        "// @ts-check\n"
        f"// Generated from {stem}.graphql by `{COMMAND}`.\n"
        "// Do not edit: edit the .graphql file and run that command.\n\n"
        f"/** @import {{ {', '.join(names)} }} from './types' */\n"
    ]
    for op in operations:
        out.append(
            f"\n/** @type {{Document<{op.name}Data, {op.name}Variables>}} */\n"
            f"export const {op.constant} = /** @type {{any}} */ (`{op.text}`);\n"
        )
    return "".join(out)


def generated_files(directory: Path = SOURCES) -> dict[Path, str]:
    """Every generated file and the text it must hold."""
    schema = load_schema()
    operations = build_operations(schema, directory)
    _, fragments = read_sources(directory)
    files: dict[Path, str] = {}
    by_source: dict[str, list[Operation]] = {}
    for op in operations:
        by_source.setdefault(op.source, []).append(op)
    for stem, ops in by_source.items():
        files[directory / f"{stem}.js"] = render_module(stem, ops)
    files[directory / "types.d.ts"] = render_types(schema, operations, fragments)
    files[directory / "enums.js"] = render_enums(schema)
    manifest = {op.name: op.text for op in sorted(operations, key=lambda o: o.name)}
    files[directory / "documents.json"] = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    return files


def stale_files(directory: Path = SOURCES) -> list[str]:
    """Generated files that differ from what the sources make, or that no source makes."""
    files = generated_files(directory)
    stale = [p.name for p, text in files.items() if not p.exists() or p.read_text() != text]
    stale += [p.name for p in directory.glob("*.js") if p not in files]
    return sorted(stale)


def write(directory: Path = SOURCES) -> list[str]:
    files = generated_files(directory)
    for path in directory.glob("*.js"):
        if path not in files:
            path.unlink()
    changed = []
    for path, text in files.items():
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
            changed.append(path.name)
    return changed


def main() -> None:
    try:
        changed = write()
    except DocumentError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(1) from exc
    print("written: " + ", ".join(changed) if changed else "web/graphql: up to date")


if __name__ == "__main__":
    main()
