"""User text made safe for the page: HTML escaping and escaped HTML tables."""
