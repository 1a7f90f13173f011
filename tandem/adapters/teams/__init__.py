"""The Teams adapter: botbuilder's CloudAdapter on Tandem's aiohttp server. Translation only."""
