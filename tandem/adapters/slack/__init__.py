"""The Slack adapter: slack-bolt's AsyncApp on Tandem's aiohttp server. Translation only."""
