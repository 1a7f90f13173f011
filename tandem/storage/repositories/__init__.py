"""Queries, each taking the tenant first; one tenant never sees another's rows."""
