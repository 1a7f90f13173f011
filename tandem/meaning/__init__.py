"""Meaning: sentence embeddings behind one small port, so a better model replaces the
shipped one without touching the rituals."""
