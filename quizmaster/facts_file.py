"""Read and write facts YAML files, with errors that name the file, the line and the field."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizmaster.errors import InputFileError
from quizmaster.models import Fact, FactsFile

MAX_FILE_BYTES = 20 * 1024 * 1024
# A YAML document expands aliases by reference, so a few hundred bytes of nested aliases
# ("billion laughs") make a tree of billions of nodes that validation would walk. No facts
# file needs this many values (the built-in deck has ~1,500; 25,000 facts ~400,000).
MAX_YAML_NODES = 1_000_000
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)

Loc = tuple[int | str, ...]


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 text file, turning every way it can fail into an :class:`InputFileError`."""
    from quizmaster.files import read_bytes

    name = str(path)

    def check_head(raw: bytes) -> None:
        for bom, encoding in _WIDE_BOMS:  # before the NUL test: these files are full of NULs
            if raw.startswith(bom):
                raise InputFileError(name, f"file is {encoding}; save it as UTF-8")
        if b"\x00" in raw[:8192]:
            raise InputFileError(name, "looks like a binary file, not text")

    raw = read_bytes(path, max_bytes=max_bytes, check_head=check_head)
    check_head(raw)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputFileError(
            name, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", line
        ) from None


def _line_map(node: Any, path: Loc = ()) -> dict[Loc, int]:
    """Map each path in the YAML tree to the 1-based line where its value starts."""
    import yaml

    lines: dict[Loc, int] = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[path + (key,)] = key_node.start_mark.line + 1
            for sub, line in _line_map(value_node, path + (key,)).items():
                lines.setdefault(sub, line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.update(_line_map(item, path + (index,)))
    return lines


class LazyLineMap(Mapping[Loc, int]):
    """The path -> line map of a YAML text, built on first use only: a valid file never
    needs it, and on a big file it costs as much as half the parse. It
    re-composes the text, which parsed once already."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[Loc, int] | None = None

    def _map(self) -> dict[Loc, int]:
        if self._lines is None:
            import yaml

            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(self._text)
            try:
                node = loader.get_single_node()
            finally:
                loader.dispose()
            self._lines = {} if node is None else _line_map(node)
        return self._lines

    def __getitem__(self, key: Loc) -> int:
        return self._map()[key]

    def __iter__(self) -> Iterator[Loc]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())


def _check_tree(node: Any, name: str, text: str) -> None:
    """Reject alias bombs, self-referencing aliases and duplicate keys before anything walks
    the expanded tree."""
    if "&" in text and "*" in text:  # without an anchor and an alias there is nothing to expand
        _check_aliases(node, name)
    _check_duplicate_keys(node, name)


def _check_aliases(node: Any, name: str) -> None:
    """Count the values of the tree with aliases expanded, in time linear in the distinct
    nodes (each node's expanded size is computed once), so the check cannot be bombed."""
    import yaml

    sizes: dict[int, int] = {}
    visiting: set[int] = set()
    stack: list[tuple[Any, bool]] = [(node, False)]
    while stack:
        current, children_done = stack.pop()
        if id(current) in sizes:
            continue
        if isinstance(current, yaml.MappingNode):
            children = [n for pair in current.value for n in pair]
        elif isinstance(current, yaml.SequenceNode):
            children = list(current.value)
        else:
            children = []
        if not children_done:
            if id(current) in visiting:
                raise InputFileError(
                    name, "a YAML alias refers to itself", current.start_mark.line + 1
                )
            visiting.add(id(current))
            stack.append((current, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        visiting.discard(id(current))
        sizes[id(current)] = 1 + sum(sizes[id(child)] for child in children)
        if sizes[id(current)] > MAX_YAML_NODES:
            raise InputFileError(
                name,
                f"YAML holds more than {MAX_YAML_NODES:,} values once aliases are expanded; "
                "split the file or use fewer aliases",
                current.start_mark.line + 1,
            )


def _check_duplicate_keys(node: Any, name: str) -> None:
    """PyYAML keeps the last of two equal keys without a word; a typo'd file deserves one."""
    from yaml import MappingNode, ScalarNode, SequenceNode

    done: set[int] = set()  # shared (aliased) nodes are checked once
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, MappingNode):
            if id(current) in done:
                continue
            done.add(id(current))
            seen: set[str] = set()
            for key_node, value_node in current.value:
                if type(key_node) is ScalarNode:
                    if key_node.value in seen:
                        raise InputFileError(
                            name, f"duplicate key {key_node.value!r}", key_node.start_mark.line + 1
                        )
                    seen.add(key_node.value)
                else:
                    stack.append(key_node)
                if type(value_node) is not ScalarNode:
                    stack.append(value_node)
        elif isinstance(current, SequenceNode):
            if id(current) in done:
                continue
            done.add(id(current))
            stack.extend(item for item in current.value if type(item) is not ScalarNode)


_LOADER: Any = None


def _guarded_loader() -> Any:
    """The safe loader whose scalar constructors turn a value Python cannot build (an
    impossible date like 2025-02-30, an integer of 5,000 digits) into a YAML error with its
    line, instead of a bare ValueError."""
    global _LOADER
    if _LOADER is None:
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class GuardedLoader(base):  # type: ignore[valid-type,misc]
            pass

        for tag, what in (("int", "number"), ("float", "number"), ("timestamp", "date")):
            full = f"tag:yaml.org,2002:{tag}"
            original = base.yaml_constructors[full]

            def guarded(loader: Any, node: Any, original: Any = original, what: str = what) -> Any:
                try:
                    return original(loader, node)
                except (ValueError, OverflowError):
                    shown = str(node.value)
                    shown = shown if len(shown) <= 20 else shown[:17] + "..."
                    raise yaml.constructor.ConstructorError(
                        None, None, f"{shown!r} is not a valid {what}", node.start_mark
                    ) from None

            GuardedLoader.add_constructor(full, guarded)
        _LOADER = GuardedLoader
    return _LOADER


def parse_yaml(text: str, name: str) -> tuple[Any, Mapping[Loc, int]]:
    """Safely parse YAML; return the data and a path -> line map for error messages."""
    import yaml

    # libyaml's parser when PyYAML has it (same safe constructor, ~10x faster on big files).
    loader = _guarded_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputFileError(name, "file is empty")
        _check_tree(node, name, text)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputFileError(name, f"invalid YAML: {problem}", line) from None
    except yaml.reader.ReaderError as exc:  # a control character: say which, on one line
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InputFileError(
            name, f"invalid YAML: character U+{char:04X} is not allowed", line
        ) from None
    except yaml.YAMLError as exc:
        raise InputFileError(name, f"invalid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise InputFileError(name, "invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()
    return data, LazyLineMap(text)


def _describe(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_for(loc: Loc, lines: Mapping[Loc, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _message(error: Any) -> str:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    field = str(loc[-1]) if loc else ""
    where = _describe(loc[:-1]) if kind in ("missing", "extra_forbidden") else _describe(loc)
    prefix = f"{where}: " if where else ""
    if kind == "missing":
        return f"{prefix}field '{field}' is required"
    if kind == "extra_forbidden":
        return f"{prefix}unknown field '{field}'"
    msg = str(error["msg"]).removeprefix("Value error, ")
    if kind == "enum":
        return f"{prefix}{error['input']!r} is not a known value; {msg[0].lower()}{msg[1:]}"
    return f"{prefix}{msg}"


def validate_facts(data: Any, name: str, lines: Mapping[Loc, int]) -> FactsFile:
    """Validate parsed YAML as a facts file; raise on the first problem, with its line."""
    if not isinstance(data, dict):
        raise InputFileError(
            name, "expected a mapping with 'deck' and 'facts' keys at the top", lines.get(())
        )
    try:
        facts_file = FactsFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        raise InputFileError(name, _message(first), _line_for(loc, lines)) from None
    seen: dict[str, int] = {}
    for index, fact in enumerate(facts_file.facts):
        if fact.id in seen:
            raise InputFileError(
                name,
                f"duplicate fact id {fact.id!r} (first used by facts[{seen[fact.id]}])",
                _line_for(("facts", index, "id"), lines),
            )
        seen[fact.id] = index
    return facts_file


def load_facts_file(path: Path) -> FactsFile:
    """Read, parse and validate a facts YAML file."""
    name = str(path)
    text = read_text(path)
    if not text.strip():
        raise InputFileError(name, "file is empty")
    data, lines = parse_yaml(text, name)
    return validate_facts(data, name, lines)


def dump_facts(deck: str, facts: Iterable[Fact]) -> str:
    """Facts as YAML in the format of ``data/facts.yaml`` (defaults left out)."""
    import yaml

    items = [f.model_dump(mode="json", exclude_defaults=True) for f in facts]
    body = {"deck": deck, "facts": items}
    return str(yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100))
