"""The terminal adapter: ``tandem chat --as EMAIL``."""
