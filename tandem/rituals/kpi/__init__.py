"""Shared KPIs: the indicators marketing and IT answer for together (``/kpi``)."""
