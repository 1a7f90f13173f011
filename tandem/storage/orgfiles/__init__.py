"""The organisation's files: people (CSV), RACI matrix (CSV), guardrails catalogue (YAML)."""
