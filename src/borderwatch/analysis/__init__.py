"""Pure functions on the event frame: filters, crossing status, control, timeline, grid counts."""
