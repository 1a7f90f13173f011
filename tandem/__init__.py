"""Tandem: the rituals of marketing/IT collaboration inside Slack and Microsoft Teams."""

__version__ = "0.1.0"
