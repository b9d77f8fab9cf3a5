"""BorderWatch: geocoded border and security events on an interactive map."""

__version__ = "0.1.0"
