"""Blocker escalation and the PM digest."""
