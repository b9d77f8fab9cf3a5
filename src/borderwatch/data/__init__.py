"""The data: reading files exactly as written, validating every table, geocoding, the Dataset."""
