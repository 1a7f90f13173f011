"""YAML as people write it, without what an attacker can do with it: aliases (``*name``)
are refused before anything is built, so a file of nested aliases (a "billion laughs")
costs one quick pass, not gigabytes."""

from __future__ import annotations

import yaml

from tandem.storage.orgfiles.problems import FileRejected, Problem

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
