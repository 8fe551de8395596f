"""isnad: follow a news story across Arabic outlets."""

__version__ = "0.1.0"
