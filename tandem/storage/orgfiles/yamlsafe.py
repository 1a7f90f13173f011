"""YAML as people write it, without what an attacker can do with it: aliases (``*name``)
are refused before anything is built, so a file of nested aliases (a "billion laughs")
costs one quick pass, not gigabytes."""

from __future__ import annotations

from typing import Any

import yaml

from tandem.storage.orgfiles.problems import FileRejected, Problem

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LINE = "__line__"
"""The key under which :class:`LineLoader` keeps the line of each mapping it reads."""


class LineLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """A safe loader that remembers the line of each mapping (under :data:`LINE`), so a
    file's problems are named by their line."""


def _mapping_with_line(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    result = {str(k): v for k, v in mapping.items()}
    result[LINE] = node.start_mark.line + 1
    return result


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def refuse_aliases(*, text: str, kind: str) -> None:
    """Raise :class:`FileRejected` naming the line of the first alias in ``text``.

    Malformed YAML is left to the real load, which says what is wrong and where.
    """
    try:
        for event in yaml.parse(text, Loader=_SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else None
                raise FileRejected(
                    kind=kind,
                    problems=[
                        Problem(
                            line,
                            f"aliases (*{event.anchor}) are not accepted: write the value out",
                        )
                    ],
                )
    except yaml.YAMLError:
        return
