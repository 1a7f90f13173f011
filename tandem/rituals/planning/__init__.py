"""Marketing planning sessions with the right IT representatives invited automatically."""
