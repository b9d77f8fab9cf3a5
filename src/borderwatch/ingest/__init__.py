"""Getting new events in: ACLED / UCDP GED imports, briefing extraction, safe saving."""
