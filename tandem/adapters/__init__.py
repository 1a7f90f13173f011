"""Adapters translate platform payloads to neutral events and render neutral cards."""
