"""The fake Slack Web API in a process of its own, for benchmarks.

    python -m tests.slackfake.server --workspaces 100 --per-workspace 10

Workspace ``i`` (``T0000i``) answers to token ``xoxb-i``. Prints ``PORT <n>`` once
listening; ``GET /_stats`` gives what was posted; stops on SIGTERM or SIGINT.
"""

from __future__ import annotations

import argparse
import asyncio
import signal

from tests.slackfake.api import FakeSlackApi


def team_id(index: int) -> str:
    """The fake team id of workspace ``index``."""
    return f"T{index:06d}"


async def serve(*, workspaces: int, per_channel: float, per_workspace: float) -> None:
    """Serve until told to stop."""
    api = FakeSlackApi(keep_calls=False)
    for index in range(workspaces):
        api.add_workspace(team_id=team_id(index), bot_token=f"xoxb-{index}")
    api.limit_posts(per_channel=per_channel, per_workspace=per_workspace)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with api:
        print(f"PORT {api.base_url.split(':')[2].split('/')[0]}", flush=True)
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workspaces", type=int, default=100)
    parser.add_argument("--per-channel", type=float, default=1.0)
    parser.add_argument("--per-workspace", type=float, default=10.0)
    args = parser.parse_args()
    asyncio.run(
        serve(
            workspaces=args.workspaces,
            per_channel=args.per_channel,
            per_workspace=args.per_workspace,
        )
    )


if __name__ == "__main__":
    main()
