"""HTTP APIs for scripts and CI jobs (no chat platform): KPI values pushed with a token."""
