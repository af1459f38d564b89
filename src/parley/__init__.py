"""parley: verifiable event data from news about negotiations and geopolitics."""

__version__ = "0.1.0"
