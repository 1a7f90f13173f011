"""The platform-neutral runtime: events, cards, the dispatcher, i18n and settings.

Nothing here imports a platform SDK (slack_bolt, slack_sdk, botbuilder) or aiohttp.
"""
